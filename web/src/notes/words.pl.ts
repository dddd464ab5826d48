/**
 * Words of the notifications in the header (the bell), in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/pl-grammar.ts';
import type { noteWords as english } from './words.en.ts';

export const noteWords: typeof english = {
  notes: {
    bell: (unread) =>
      unread === 0
        ? 'Powiadomienia, brak nieprzeczytanych'
        : unread >= 100
          ? 'Powiadomienia, ponad 99 nieprzeczytanych'
          : `Powiadomienia, ${plural(unread, 'nieprzeczytane', 'nieprzeczytane', 'nieprzeczytanych')}`,
    title: 'Powiadomienia',
    markAll: 'Oznacz wszystkie jako przeczytane',
    empty: 'Na razie nic nowego. Tu pojawią się zmiany w Twoich zamówieniach.',
    unread: 'Nieprzeczytane',
    older: 'Pokaż starsze',
    close: 'Zamknij powiadomienia',
    kept: 'Powiadomienia są przechowywane przez 90 dni.',
    someone: 'Zamawiający',
    event: {
      order_received: (f) => `Otrzymaliśmy Twoje zamówienie ${f.number}`,
      new_in_queue: (f) => `Nowe zamówienie ${f.number} w kolejce, od: ${f.name}`,
      approval_needed: (f) => `Zamówienie ${f.number} (${f.name}) czeka na Twoją akceptację`,
      assigned: (f) => `Przypisano Ci zamówienie ${f.number}`,
      clarification_requested: (f) => `Zespół ma do Ciebie pytanie w sprawie ${f.number}`,
      requester_asked: (f) => `Zespół zadał pytanie w sprawie ${f.number}; odpowiada ${f.name}`,
      customer_replied: (f) => `${f.name}: odpowiedź na Twoje pytanie w sprawie ${f.number}`,
      order_resolved: (f) => `Zamówienie ${f.number} zrealizowane: sprawdź, co przekazano`,
      order_rejected: (f) => `Zamówienie ${f.number} nie zostało przyjęte`,
      order_cancelled: (f) => `Zamówienie ${f.number} zostało anulowane`,
      requester_cancelled: (f) => `Zamówienie ${f.number} anulowane przez zamawiającego (${f.name})`,
      requester_commented: (f) => `Nowy komentarz zamawiającego (${f.name}) do ${f.number}`,
      team_commented: (f) => `Zespół skomentował zamówienie ${f.number}`,
      order_closed: (f) => `Zamówienie ${f.number} zostało zamknięte`,
      order_reopened: (f) => `Zamówienie ${f.number} otwarte ponownie przez zamawiającego (${f.name})`,
      inputs_missing: (f) => `Przekaż, czego jeszcze brakuje do ${f.number}`,
      inputs_returned: (f) => `Popraw przekazane materiały do ${f.number}`,
      stage_changed: (f) => `Zamówienie ${f.number} przeszło do następnego etapu`,
      sla_warning: (f) => `Zamówieniu ${f.number} grozi przekroczenie standardu czasu`,
      sla_breach: (f) => `Zamówienie ${f.number} przekroczyło standard czasu`,
      survey_invitation: (f) => `Oceń realizację zamówienia ${f.number}`,
      low_rating: (f) => `Niska ocena zamówienia ${f.number} (${f.name}): otwarto dla Ciebie działanie następcze`,
      daily_digest: () => 'Twoje codzienne podsumowanie',
    },
  },
};
