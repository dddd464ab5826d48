/**
 * The head's notice that a webhook subscription was paused after failing, in their language.
 */
import { PAUSE_AFTER_FAILURES, type WebhookSubscription } from '#shared/integrations.ts';
import { mailDictionaries } from '#shared/mail-dictionary.ts';
import type { Language, MailMessage } from '#shared/model.ts';
import { escapeHtml, signedMail } from '#shared/notifications.ts';
import nl from './pause-words.nl.json';
import pl from './pause-words.pl.json';
import ru from './pause-words.ru.json';
import zh from './pause-words.zh.json';

/** The notice's words: English here, the other languages in pause-words.<lang>.json. */
const PAUSE_WORDS_EN = {
  subject: (url: string) => `Webhook paused: ${url}`,
  body: (url: string, failures: number) =>
    `Ordo stopped sending your department's events to ${url}: its last deliveries failed (${failures} in a row, or for a day). Events wait and are sent in order once you resume it.`,
  settings: 'Delivery log and resume:',
};

const PAUSE_WORDS = /* @__PURE__ */ mailDictionaries(PAUSE_WORDS_EN, { pl, ru, nl, zh });

export function pausedMail(input: {
  subscription: Pick<WebhookSubscription, 'id' | 'department' | 'url'>;
  to: string;
  language: Language;
  portalUrl: string;
  at: string;
}): MailMessage {
  const { subscription: sub, to, language, at } = input;
  const { subject, body, settings } = PAUSE_WORDS[language] ?? PAUSE_WORDS_EN;
  const link = `${input.portalUrl.replace(/\/$/, '')}/departments/${sub.department}/integrations`;
  const said = body(sub.url, PAUSE_AFTER_FAILURES);
  return {
    id: `webhook-paused.${sub.id}.${at}`,
    event: 'webhook_paused',
    to: [to],
    subject: subject(sub.url),
    ...signedMail(language, {
      text: [said, '', `${settings} ${link}`],
      html: [
        `<p>${escapeHtml(said)}</p><p>${escapeHtml(settings)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      ],
    }),
  };
}
