/**
 * The head's notice that a webhook subscription was paused after failing, in their language.
 */
import { PAUSE_AFTER_FAILURES, type WebhookSubscription } from '#shared/integrations.ts';
import { mailWords } from '#shared/mail-words.ts';
import type { Language, MailMessage } from '#shared/model.ts';
import { escapeHtml, mailHtml } from '#shared/notifications.ts';

export function pausedMail(input: {
  subscription: Pick<WebhookSubscription, 'id' | 'department' | 'url'>;
  to: string;
  language: Language;
  portalUrl: string;
  at: string;
}): MailMessage {
  const { subscription: sub, to, language, at } = input;
  const words = mailWords(language);
  const { subject, body, settings } = words.webhookPaused;
  const link = `${input.portalUrl.replace(/\/$/, '')}/departments/${sub.department}/integrations`;
  const said = body(sub.url, PAUSE_AFTER_FAILURES);
  return {
    id: `webhook-paused.${sub.id}.${at}`,
    event: 'webhook_paused',
    to: [to],
    subject: subject(sub.url),
    text: [said, '', `${settings} ${link}`, '', words.signature].join('\n'),
    html: mailHtml(language, words.signature, [
      `<p>${escapeHtml(said)}</p><p>${escapeHtml(settings)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    ]),
  };
}
