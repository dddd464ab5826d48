/**
 * The head's notice that a webhook subscription was paused after failing, in their language.
 */
import { PAUSE_AFTER_FAILURES, type WebhookSubscription } from '#shared/integrations.ts';
import type { Language, MailMessage } from '#shared/model.ts';
import { escapeHtml } from '#shared/notifications.ts';

const WORDS: Record<Language, { subject: (url: string) => string; body: (url: string) => string; settings: string }> = {
  en: {
    subject: (url) => `Webhook paused: ${url}`,
    body: (url) =>
      `Ordo stopped sending your department's events to ${url}: its last deliveries failed (${PAUSE_AFTER_FAILURES} in a row, or for a day). Events wait and are sent in order once you resume it.`,
    settings: 'Delivery log and resume:',
  },
  pl: {
    subject: (url) => `Webhook wstrzymany: ${url}`,
    body: (url) =>
      `Ordo przestało wysyłać zdarzenia Twojego działu na ${url}: ostatnie dostawy się nie udały (${PAUSE_AFTER_FAILURES} z rzędu lub przez dobę). Zdarzenia czekają i zostaną wysłane po kolei, gdy go wznowisz.`,
    settings: 'Dziennik dostaw i wznowienie:',
  },
};

export function pausedMail(input: {
  subscription: Pick<WebhookSubscription, 'id' | 'department' | 'url'>;
  to: string;
  language: Language;
  portalUrl: string;
  at: string;
}): MailMessage {
  const { subscription: sub, to, language, at } = input;
  const words = WORDS[language];
  const link = `${input.portalUrl.replace(/\/$/, '')}/departments/${sub.department}/integrations`;
  const text = `${words.body(sub.url)}\n\n${words.settings} ${link}\n`;
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5"><p>${escapeHtml(
    words.body(sub.url),
  )}</p><p>${escapeHtml(words.settings)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p></body></html>`;
  return {
    id: `webhook-paused.${sub.id}.${at}`,
    event: 'webhook_paused',
    to: [to],
    subject: words.subject(sub.url),
    text,
    html,
  };
}
