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
  ru: {
    subject: (url) => `Вебхук приостановлен: ${url}`,
    body: (url) =>
      `Ordo перестал отправлять события вашего отдела на ${url}: последние доставки не удались (${PAUSE_AFTER_FAILURES} подряд или в течение суток). События ждут и будут отправлены по порядку, когда вы возобновите вебхук.`,
    settings: 'Журнал доставки и возобновление:',
  },
  nl: {
    subject: (url) => `Webhook gepauzeerd: ${url}`,
    body: (url) =>
      `Ordo stuurt de gebeurtenissen van de afdeling niet meer naar ${url}: de laatste bezorgingen mislukten (${PAUSE_AFTER_FAILURES} op rij, of een dag lang). Gebeurtenissen wachten en worden op volgorde verstuurd zodra de webhook wordt hervat.`,
    settings: 'Bezorglogboek en hervatten:',
  },
  zh: {
    subject: (url) => `Webhook 已暂停：${url}`,
    body: (url) =>
      `Ordo 已停止向 ${url} 发送您部门的事件：最近的投递均失败（连续 ${PAUSE_AFTER_FAILURES} 次，或持续一天）。事件会保留，恢复后将按顺序发送。`,
    settings: '投递日志与恢复：',
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
