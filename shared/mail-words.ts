/**
 * Every word Ordo's order mail and digests say, per language: English here, the others in the ICU
 * catalogs mail-words.{pl,ru,nl,zh}.json, each typed by `en`, so a key missing in one language fails
 * the typecheck. Counted nouns take the language's plural forms; dates and times are written in the
 * language's locale and the department's time zone.
 *
 * A language's catalog loads the first time a mail in it is composed (`loadMailWords`, awaited by the
 * composing use cases), so a function carries only English at a cold start and each other language
 * in a chunk of its own; `mailWords` of a language not loaded throws rather than say it in English.
 */

import { formatDateTime, formatDay } from './dates.ts';
import type { CatalogBut, Code, Translated } from './dictionary.ts';
import { mailDictionary } from './mail-dictionary.ts';
import { LANGUAGES, type Language } from './model.ts';
import type { MailEvent } from './notifications.ts';

/** What a lead may mention about the order. */
export interface LeadFacts {
  number: string;
  serviceName: string;
  requesterName: string;
  /** Required inputs not yet handed over, comma-separated. */
  missing: string;
}

interface EventWords {
  subject: (ref: string) => string;
  lead: (order: LeadFacts) => string;
}

export type ClockName = 'firstResponse' | 'resolution';
export type DigestState = 'breached' | 'at_risk';

type Ratings = [string, string, string, string, string];

const englishRules = new Intl.PluralRules('en');

/** "1 order", "5 orders". */
function english(n: number, one: string, other: string): string {
  return `${n} ${englishRules.select(n) === 'one' ? one : other}`;
}

const englishEvents: Record<MailEvent, EventWords> = {
  order_received: {
    subject: (ref) => `We received your order ${ref}`,
    lead: (o) => `Your order for “${o.serviceName}” is registered as ${o.number}. You can follow it in Ordo.`,
  },
  new_in_queue: {
    subject: (ref) => `New order in the queue: ${ref}`,
    lead: (o) => `${o.requesterName} ordered “${o.serviceName}”.`,
  },
  approval_needed: {
    subject: (ref) => `Approval needed: ${ref}`,
    lead: (o) => `${o.requesterName} ordered “${o.serviceName}”; it waits for your approval.`,
  },
  assigned: {
    subject: (ref) => `Assigned to you: ${ref}`,
    lead: (o) => `The order ${o.number} is now yours to work.`,
  },
  clarification_requested: {
    subject: (ref) => `We need something from you: ${ref}`,
    lead: () => 'The team asked a question before they can go on. Answer it in Ordo.',
  },
  requester_asked: {
    subject: (ref) => `Question to the requester: ${ref}`,
    lead: (o) =>
      `You follow this order. The team asked ${o.requesterName} a question before they can go on; ${o.requesterName} answers it.`,
  },
  customer_replied: {
    subject: (ref) => `Customer replied: ${ref}`,
    lead: (o) => `${o.requesterName} answered your question.`,
  },
  order_resolved: {
    subject: (ref) => `Done: ${ref}`,
    lead: () =>
      'The team resolved your order. Check what was handed back and confirm, or reopen it if something is missing.',
  },
  order_rejected: {
    subject: (ref) => `Not accepted: ${ref}`,
    lead: () => 'The team could not take this order.',
  },
  order_cancelled: {
    subject: (ref) => `Cancelled: ${ref}`,
    lead: () => 'The order was cancelled.',
  },
  requester_cancelled: {
    subject: (ref) => `Cancelled by the requester: ${ref}`,
    lead: (o) => `${o.requesterName} cancelled the order. Stop any work on it.`,
  },
  requester_commented: {
    subject: (ref) => `New comment: ${ref}`,
    lead: (o) => `${o.requesterName} commented on the order:`,
  },
  team_commented: {
    subject: (ref) => `The team wrote: ${ref}`,
    lead: (o) => `The team commented on the order ${o.number}:`,
  },
  order_closed: {
    subject: (ref) => `Closed: ${ref}`,
    lead: () => 'The order is closed. Thank you.',
  },
  order_reopened: {
    subject: (ref) => `Reopened: ${ref}`,
    lead: (o) => `${o.requesterName} reopened the order. What is missing or wrong:`,
  },
  inputs_missing: {
    subject: (ref) => `Hand over what is missing: ${ref}`,
    lead: (o) => `Work starts once you hand over: ${o.missing}.`,
  },
  inputs_returned: {
    subject: (ref) => `Please rework your inputs: ${ref}`,
    lead: (o) => `The team returned some inputs as incomplete. Still missing: ${o.missing}.`,
  },
  stage_changed: {
    subject: (ref) => `Next stage: ${ref}`,
    lead: () => 'Your order moved to its next stage.',
  },
  sla_warning: {
    subject: (ref) => `At risk: ${ref}`,
    lead: (o) => `The order ${o.number} is close to missing its time standard.`,
  },
  sla_breach: {
    subject: (ref) => `Standard missed: ${ref}`,
    lead: (o) => `The order ${o.number} missed its time standard.`,
  },
  survey_invitation: {
    subject: (ref) => `How did we do? ${ref}`,
    lead: () => 'Your order is resolved. One click tells the team how satisfied you are:',
  },
  low_rating: {
    subject: (ref) => `Low rating: ${ref}`,
    lead: (o) => `${o.requesterName} rated the order low. A follow-up is open for you.`,
  },
  daily_digest: {
    subject: (ref) => `Daily digest: ${ref}`,
    lead: () => 'Your daily digest.',
  },
};

const en = {
  /** Shapes dates and times. */
  locale: 'en-GB',
  quote: (text: string) => `“${text}”`,
  events: englishEvents,
  answerHere: (url: string) => `Answer here: ${url}`,
  answerButton: 'Answer the question',
  openOrderText: (url: string) => `Open the order: ${url}`,
  openOrderLink: (number: string) => `Open order ${number}`,
  /** The "Done" mail's list of what the team handed back. */
  handedBack: 'What was handed back:',
  attached: (file: string) => `attached: ${file}`,
  /** One-click survey answers, score 1 to 5. */
  ratings: ['very dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very satisfied'] as Ratings,
  /** An SLA escalation's note: which standard, and when it is (or was) due. */
  escalation: (clock: ClockName, missed: boolean, due: string | undefined) => {
    const standard = clock === 'firstResponse' ? 'The first response standard' : 'The resolution standard';
    return due ? `${standard} — ${missed ? 'was due' : 'due'} ${due}` : standard;
  },
  digest: {
    subject: (code: string, day: string, late: number, open: number) =>
      `${code} daily digest ${day}: ${late} at risk or late, ${open} open`,
    greeting: 'Good morning.',
    summary: (code: string, open: number, late: number) =>
      `${code} has ${english(open, 'open order', 'open orders')}; ${late} ${late === 1 ? 'missed or is about to miss its' : 'missed or are about to miss their'} standard.`,
    state: { breached: 'breached', at_risk: 'at risk' } satisfies Record<DigestState, string>,
    dashboardText: (url: string) => `Dashboard: ${url}`,
    dashboardLink: 'Open the dashboard',
  },
};

export type MailWords = typeof en;

type MailCatalog = CatalogBut<MailWords, Code<MailWords>>;

/** Each language's catalog, a chunk of its own in a bundle; the type checks every catalog against `en`. */
const CATALOGS: Record<Translated, () => Promise<{ default: MailCatalog }>> = {
  pl: () => import('./mail-words.pl.json'),
  ru: () => import('./mail-words.ru.json'),
  nl: () => import('./mail-words.nl.json'),
  zh: () => import('./mail-words.zh.json'),
};

const WORDS: Partial<Record<Language, MailWords>> = { en };

/** Makes `mailWords` ready in these languages (each catalog is read once per process). */
export async function loadMailWords(languages: Iterable<Language>): Promise<void> {
  const missing = [...new Set(languages)].filter((language): language is Translated => !WORDS[language]);
  await Promise.all(
    missing.map(async (language) => {
      const { default: catalog } = await CATALOGS[language]();
      WORDS[language] ??= mailDictionary(en, catalog, language);
    }),
  );
}

/** A person's mail language: their setting, or English for an unknown address or an unknown setting. */
export function mailLanguage(person: { language?: string | undefined } | undefined): Language {
  const wanted = person?.language;
  return (LANGUAGES as readonly string[]).includes(wanted ?? '') ? (wanted as Language) : 'en';
}

export function mailWords(language: Language = 'en'): MailWords {
  const words = WORDS[language];
  if (!words) throw new Error(`The mail words of "${language}" are not loaded: await loadMailWords first`);
  return words;
}

/**
 * An instant in mail: "3 Dec 2026, 14:30 CET", "3 grudnia 2026, 14:30 CET" (shared/dates.ts).
 * Absolute, not "today", because mail is often read later; the zone is named because readers may sit
 * elsewhere.
 */
export function mailMoment(at: Date | string, language: Language, timeZone: string): string {
  return formatDateTime(at, language, { timeZone });
}

/** A local day "YYYY-MM-DD" in words: "26 Nov 2026", "26 listopada 2026". */
export function mailDay(day: string, language: Language): string {
  return formatDay(day, language);
}
