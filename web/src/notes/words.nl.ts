/**
 * Words of the notifications in the header (the bell), in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { num } from '../i18n/nl-grammar.ts';
import type { noteWords as english } from './words.en.ts';

export const noteWords: typeof english = {
  notes: {
    bell: (unread) =>
      unread === 0
        ? 'Meldingen, geen ongelezen'
        : unread >= 100
          ? 'Meldingen, meer dan 99 ongelezen'
          : `Meldingen, ${num(unread)} ongelezen`,
    title: 'Meldingen',
    markAll: 'Alles als gelezen markeren',
    empty: 'Nog niets te melden. Wijzigingen in je aanvragen verschijnen hier.',
    unread: 'Ongelezen',
    older: 'Oudere tonen',
    close: 'Meldingen sluiten',
    kept: 'Meldingen worden 90 dagen bewaard.',
    someone: 'De aanvrager',
    event: {
      order_received: (f) => `We hebben je aanvraag ${f.number} ontvangen`,
      new_in_queue: (f) => `Nieuwe aanvraag ${f.number} in de wachtrij, van ${f.name}`,
      approval_needed: (f) => `De aanvraag ${f.number} van ${f.name} wacht op je goedkeuring`,
      assigned: (f) => `${f.number} is aan jou toegewezen`,
      clarification_requested: (f) => `Het team heeft een vraag over ${f.number}`,
      requester_asked: (f) => `Het team stelde ${f.name} een vraag over ${f.number}`,
      customer_replied: (f) => `${f.name} heeft je vraag over ${f.number} beantwoord`,
      order_resolved: (f) => `${f.number} is klaar: bekijk wat is opgeleverd`,
      order_rejected: (f) => `${f.number} is niet aangenomen`,
      order_cancelled: (f) => `${f.number} is geannuleerd`,
      requester_cancelled: (f) => `${f.name} heeft ${f.number} geannuleerd`,
      requester_commented: (f) => `${f.name} reageerde op ${f.number}`,
      team_commented: (f) => `Het team reageerde op ${f.number}`,
      order_closed: (f) => `${f.number} is gesloten`,
      order_reopened: (f) => `${f.name} heeft ${f.number} heropend`,
      inputs_missing: (f) => `Lever aan wat ${f.number} nog nodig heeft`,
      inputs_returned: (f) => `Werk je aangeleverde stukken voor ${f.number} bij`,
      stage_changed: (f) => `${f.number} is naar de volgende fase gegaan`,
      sla_warning: (f) => `${f.number} dreigt de tijdnorm te missen`,
      sla_breach: (f) => `${f.number} heeft de tijdnorm gemist`,
      survey_invitation: (f) => `Hoe hebben we het gedaan bij ${f.number}? Geef een beoordeling`,
      low_rating: (f) => `${f.name} gaf ${f.number} een lage beoordeling: er staat een opvolging voor je open`,
      daily_digest: () => 'Je dagelijkse overzicht',
    },
  },
};
