/** Every word Ordo's emails say, in Dutch; typed by the English ones (shared/mail-words.ts). */
import type { MailWords } from './mail-words.ts';

const rules = new Intl.PluralRules('nl');

/** "1 aanvraag", "5 aanvragen". */
function dutch(n: number, one: string, other: string): string {
  return `${n} ${rules.select(n) === 'one' ? one : other}`;
}

export const nl: MailWords = {
  locale: 'nl-NL',
  quote: (text) => `‘${text}’`,
  events: {
    order_received: {
      subject: (ref) => `Aanvraag ${ref} ontvangen`,
      lead: (o) =>
        `De aanvraag voor ‘${o.serviceName}’ is geregistreerd als ${o.number}. De voortgang is te volgen in Ordo.`,
    },
    new_in_queue: {
      subject: (ref) => `Nieuwe aanvraag in de wachtrij: ${ref}`,
      lead: (o) => `${o.requesterName} heeft ‘${o.serviceName}’ aangevraagd.`,
    },
    approval_needed: {
      subject: (ref) => `Goedkeuring nodig: ${ref}`,
      lead: (o) => `${o.requesterName} heeft ‘${o.serviceName}’ aangevraagd; de aanvraag wacht op uw goedkeuring.`,
    },
    assigned: {
      subject: (ref) => `Aan u toegewezen: ${ref}`,
      lead: (o) => `Aanvraag ${o.number} is aan u toegewezen.`,
    },
    clarification_requested: {
      subject: (ref) => `We hebben iets van u nodig: ${ref}`,
      lead: () => 'Het team heeft een vraag gesteld en kan pas daarna verder. Beantwoord de vraag in Ordo.',
    },
    requester_asked: {
      subject: (ref) => `Vraag aan de aanvrager: ${ref}`,
      lead: (o) =>
        `U volgt deze aanvraag. Het team heeft ${o.requesterName} een vraag gesteld en kan pas daarna verder; ${o.requesterName} beantwoordt die.`,
    },
    customer_replied: {
      subject: (ref) => `Antwoord van de aanvrager: ${ref}`,
      lead: (o) => `${o.requesterName} heeft uw vraag beantwoord.`,
    },
    order_resolved: {
      subject: (ref) => `Afgehandeld: ${ref}`,
      lead: () =>
        'Het team heeft de aanvraag afgehandeld. Controleer wat is opgeleverd en bevestig, of heropen de aanvraag als er iets ontbreekt.',
    },
    order_rejected: {
      subject: (ref) => `Niet geaccepteerd: ${ref}`,
      lead: () => 'Het team kon deze aanvraag niet aannemen.',
    },
    order_cancelled: {
      subject: (ref) => `Geannuleerd: ${ref}`,
      lead: () => 'De aanvraag is geannuleerd.',
    },
    requester_cancelled: {
      subject: (ref) => `Geannuleerd door de aanvrager: ${ref}`,
      lead: (o) => `${o.requesterName} heeft de aanvraag geannuleerd. Stop het werk eraan.`,
    },
    requester_commented: {
      subject: (ref) => `Nieuwe reactie: ${ref}`,
      lead: (o) => `${o.requesterName} reageerde op de aanvraag:`,
    },
    team_commented: {
      subject: (ref) => `Bericht van het team: ${ref}`,
      lead: (o) => `Het team reageerde op aanvraag ${o.number}:`,
    },
    order_closed: {
      subject: (ref) => `Gesloten: ${ref}`,
      lead: () => 'De aanvraag is gesloten. Dank u wel.',
    },
    order_reopened: {
      subject: (ref) => `Heropend: ${ref}`,
      lead: (o) => `${o.requesterName} heeft de aanvraag heropend. Wat ontbreekt er of klopt er niet:`,
    },
    inputs_missing: {
      subject: (ref) => `Lever aan wat ontbreekt: ${ref}`,
      lead: (o) => `Het werk begint zodra dit is aangeleverd: ${o.missing}.`,
    },
    inputs_returned: {
      subject: (ref) => `Aanlevering herstellen: ${ref}`,
      lead: (o) =>
        `Het team heeft een deel van de aanlevering als onvolledig teruggestuurd. Ontbreekt nog: ${o.missing}.`,
    },
    stage_changed: {
      subject: (ref) => `Volgende fase: ${ref}`,
      lead: () => 'De aanvraag is naar de volgende fase gegaan.',
    },
    sla_warning: {
      subject: (ref) => `In gevaar: ${ref}`,
      lead: (o) => `Aanvraag ${o.number} dreigt de termijn niet te halen.`,
    },
    sla_breach: {
      subject: (ref) => `Termijn niet gehaald: ${ref}`,
      lead: (o) => `Aanvraag ${o.number} heeft de termijn niet gehaald.`,
    },
    survey_invitation: {
      subject: (ref) => `Hoe hebben we het gedaan? ${ref}`,
      lead: () => 'De aanvraag is afgehandeld. Met één klik laat u het team weten hoe tevreden u bent:',
    },
    low_rating: {
      subject: (ref) => `Lage beoordeling: ${ref}`,
      lead: (o) => `${o.requesterName} gaf de aanvraag een lage beoordeling. Er staat een opvolging voor u open.`,
    },
    daily_digest: {
      subject: (ref) => `Dagoverzicht: ${ref}`,
      lead: () => 'Uw dagelijkse overzicht.',
    },
  },
  answerHere: (url) => `Hier antwoorden: ${url}`,
  answerButton: 'Vraag beantwoorden',
  openOrderText: (url) => `Aanvraag openen: ${url}`,
  openOrderLink: (number) => `Aanvraag ${number} openen`,
  handedBack: 'Wat is opgeleverd:',
  attached: (file) => `bijlage: ${file}`,
  signature: '— Ordo',
  ratings: ['zeer ontevreden', 'ontevreden', 'neutraal', 'tevreden', 'zeer tevreden'],
  escalation: (clock, missed, due) => {
    const standard = clock === 'firstResponse' ? 'De termijn voor de eerste reactie' : 'De termijn voor afhandeling';
    return due ? `${standard} — ${missed ? 'verliep' : 'verloopt'} ${due}` : standard;
  },
  digest: {
    subject: (code, day, late, open) => `Dagoverzicht ${code} ${day}: ${late} in gevaar of te laat, ${open} open`,
    greeting: 'Goedemorgen.',
    summary: (code, open, late) =>
      `${code} heeft ${dutch(open, 'open aanvraag', 'open aanvragen')}; ${late} ${late === 1 ? 'haalt' : 'halen'} de termijn niet of dreigt die niet te halen.`,
    state: { breached: 'te laat', at_risk: 'in gevaar' },
    dashboardText: (url) => `Dashboard: ${url}`,
    dashboardLink: 'Dashboard openen',
  },
};
