/**
 * Every word Ordo's emails say, per language (English and Polish here, Russian, Dutch and Chinese in
 * mail-words.{ru,nl,zh}.ts). Every language is typed by `en`, so a key missing in one
 * language fails the typecheck. Counted nouns take the language's plural forms; dates and times
 * are written in the language's locale and the department's time zone.
 */
import { formatDateTime, formatDay } from './dates.ts';
import { nl } from './mail-words.nl.ts';
import { ru } from './mail-words.ru.ts';
import { zh } from './mail-words.zh.ts';
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
const polishRules = new Intl.PluralRules('pl');

/** "1 order", "5 orders". */
function english(n: number, one: string, other: string): string {
  return `${n} ${englishRules.select(n) === 'one' ? one : other}`;
}

/** "1 zamówienie", "2 zamówienia", "5 zamówień" (Polish plurals: one / few / many). */
function polish(n: number, one: string, few: string, many: string): string {
  const rule = polishRules.select(n);
  return `${n} ${rule === 'one' ? one : rule === 'few' ? few : many}`;
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
  signature: '— Ordo',
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

const pl: MailWords = {
  locale: 'pl-PL',
  quote: (text) => `„${text}”`,
  events: {
    order_received: {
      subject: (ref) => `Przyjęliśmy Twoje zamówienie ${ref}`,
      lead: (o) =>
        `Twoje zamówienie usługi „${o.serviceName}” zostało zarejestrowane pod numerem ${o.number}. Możesz śledzić jego postęp w Ordo.`,
    },
    new_in_queue: {
      subject: (ref) => `Nowe zamówienie w kolejce: ${ref}`,
      lead: (o) => `Nowe zamówienie usługi „${o.serviceName}”. Zamawiający: ${o.requesterName}.`,
    },
    approval_needed: {
      subject: (ref) => `Wymagana akceptacja: ${ref}`,
      lead: (o) => `Zamówienie usługi „${o.serviceName}” czeka na Twoją akceptację. Zamawiający: ${o.requesterName}.`,
    },
    assigned: {
      subject: (ref) => `Przydzielono Ci zamówienie: ${ref}`,
      lead: (o) => `Zamówienie ${o.number} zostało przydzielone Tobie do realizacji.`,
    },
    clarification_requested: {
      subject: (ref) => `Potrzebujemy od Ciebie informacji: ${ref}`,
      lead: () => 'Zespół zadał pytanie, bez którego nie może kontynuować pracy. Odpowiedz na nie w Ordo.',
    },
    requester_asked: {
      subject: (ref) => `Pytanie do zamawiającego: ${ref}`,
      lead: (o) =>
        `Obserwujesz to zamówienie. Zespół zadał zamawiającemu (${o.requesterName}) pytanie, bez którego nie może kontynuować pracy; odpowiada na nie zamawiający.`,
    },
    customer_replied: {
      subject: (ref) => `Odpowiedź zamawiającego: ${ref}`,
      lead: (o) => `Zamawiający (${o.requesterName}) odpowiedział na Twoje pytanie.`,
    },
    order_resolved: {
      subject: (ref) => `Zrealizowane: ${ref}`,
      lead: () =>
        'Zespół zrealizował Twoje zamówienie. Sprawdź, co zostało przekazane, i potwierdź odbiór albo otwórz zamówienie ponownie, jeśli czegoś brakuje.',
    },
    order_rejected: {
      subject: (ref) => `Odrzucone: ${ref}`,
      lead: () => 'Zespół nie mógł przyjąć tego zamówienia.',
    },
    order_cancelled: {
      subject: (ref) => `Anulowane: ${ref}`,
      lead: () => 'Zamówienie zostało anulowane.',
    },
    requester_cancelled: {
      subject: (ref) => `Anulowane przez zamawiającego: ${ref}`,
      lead: (o) => `Zamawiający (${o.requesterName}) anulował zamówienie. Przerwij pracę nad nim.`,
    },
    requester_commented: {
      subject: (ref) => `Nowy komentarz: ${ref}`,
      lead: (o) => `Zamawiający (${o.requesterName}) dodał komentarz do zamówienia:`,
    },
    team_commented: {
      subject: (ref) => `Wiadomość od zespołu: ${ref}`,
      lead: (o) => `Zespół dodał komentarz do zamówienia ${o.number}:`,
    },
    order_closed: {
      subject: (ref) => `Zamknięte: ${ref}`,
      lead: () => 'Zamówienie zostało zamknięte. Dziękujemy.',
    },
    order_reopened: {
      subject: (ref) => `Ponownie otwarte: ${ref}`,
      lead: (o) => `Zamawiający (${o.requesterName}) ponownie otworzył zamówienie. Czego brakuje lub co jest nie tak:`,
    },
    inputs_missing: {
      subject: (ref) => `Przekaż brakujące materiały: ${ref}`,
      lead: (o) => `Praca rozpocznie się, gdy przekażesz: ${o.missing}.`,
    },
    inputs_returned: {
      subject: (ref) => `Popraw przekazane materiały: ${ref}`,
      lead: (o) => `Zespół zwrócił część materiałów jako niekompletne. Nadal brakuje: ${o.missing}.`,
    },
    stage_changed: {
      subject: (ref) => `Kolejny etap: ${ref}`,
      lead: () => 'Twoje zamówienie przeszło do kolejnego etapu.',
    },
    sla_warning: {
      subject: (ref) => `Zagrożony termin: ${ref}`,
      lead: (o) => `Zamówienie ${o.number} jest bliskie przekroczenia standardu czasu.`,
    },
    sla_breach: {
      subject: (ref) => `Przekroczony standard czasu: ${ref}`,
      lead: (o) => `Zamówienie ${o.number} przekroczyło standard czasu.`,
    },
    survey_invitation: {
      subject: (ref) => `Jak nam poszło? ${ref}`,
      lead: () => 'Twoje zamówienie zostało zrealizowane. Jednym kliknięciem ocenisz pracę zespołu:',
    },
    low_rating: {
      subject: (ref) => `Niska ocena: ${ref}`,
      lead: (o) => `Zamawiający (${o.requesterName}) nisko ocenił zamówienie. Czeka na Ciebie sprawa do wyjaśnienia.`,
    },
    daily_digest: {
      subject: (ref) => `Podsumowanie dnia: ${ref}`,
      lead: () => 'Twoje codzienne podsumowanie.',
    },
  },
  answerHere: (url) => `Odpowiedz tutaj: ${url}`,
  answerButton: 'Odpowiedz na pytanie',
  openOrderText: (url) => `Otwórz zamówienie: ${url}`,
  openOrderLink: (number) => `Otwórz zamówienie ${number}`,
  handedBack: 'Co zostało przekazane:',
  attached: (file) => `załącznik: ${file}`,
  signature: '— Ordo',
  ratings: ['bardzo źle', 'źle', 'ani dobrze, ani źle', 'dobrze', 'bardzo dobrze'],
  escalation: (clock, missed, due) => {
    const standard = clock === 'firstResponse' ? 'Standard czasu odpowiedzi' : 'Standard czasu realizacji';
    return due ? `${standard} — ${missed ? 'termin upłynął' : 'termin'}: ${due}` : standard;
  },
  digest: {
    subject: (code, day, late, open) =>
      `Podsumowanie dnia ${code}, ${day}: ${polish(late, 'zagrożone lub po terminie', 'zagrożone lub po terminie', 'zagrożonych lub po terminie')}, ${polish(open, 'otwarte', 'otwarte', 'otwartych')}`,
    greeting: 'Dzień dobry.',
    summary: (code, open, late) =>
      `${code}: ${polish(open, 'otwarte zamówienie', 'otwarte zamówienia', 'otwartych zamówień')}, ${
        late === 0
          ? 'żadne nie jest zagrożone ani po terminie'
          : `w tym ${polish(late, 'zagrożone lub po terminie', 'zagrożone lub po terminie', 'zagrożonych lub po terminie')}`
      }.`,
    state: { breached: 'po terminie', at_risk: 'zagrożone' },
    dashboardText: (url) => `Panel: ${url}`,
    dashboardLink: 'Otwórz panel działu',
  },
};

const WORDS: Record<Language, MailWords> = { en, pl, ru, nl, zh };

/** A person's mail language: their setting, or English for an unknown address or an unknown setting. */
export function mailLanguage(person: { language?: string | undefined } | undefined): Language {
  const wanted = person?.language;
  return (LANGUAGES as readonly string[]).includes(wanted ?? '') ? (wanted as Language) : 'en';
}

export function mailWords(language: Language = 'en'): MailWords {
  return WORDS[language] ?? en;
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
