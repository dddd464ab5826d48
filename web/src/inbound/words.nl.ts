/**
 * Words of a department's incoming mail page, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/nl-grammar.ts';
import type { inboundWords as english } from './words.en.ts';

export const inboundWords: typeof english = {
  inbound: {
    link: 'Inkomende mail',
    title: (code) => `Inkomende mail van ${code}`,
    intro:
      'Mail aan het adres van de afdeling en antwoorden op mail van Ordo over haar aanvragen, nieuwste eerst, met wat Ordo met elk bericht deed.',
    headOnly: 'Alleen het hoofd van de afdeling ziet de inkomende mail.',
    address: (address) => `Mail aan ${address} dient een aanvraag in.`,
    noAddress: 'De afdeling heeft nog geen eigen mailadres; antwoorden op mail van Ordo komen hier wel binnen.',
    caption: 'Inkomende mail van de afdeling, nieuwste eerst.',
    empty: 'Er is nog geen mail binnengekomen.',
    received: 'Ontvangen',
    from: 'Van',
    subject: 'Onderwerp',
    outcome: 'Wat Ordo deed',
    order: 'Aanvraag',
    noSubject: '(geen onderwerp)',
    unknown: 'onbekend',
    pending: 'Wordt verwerkt',
    answered: 'De afzender kreeg een antwoord per mail.',
    message: 'Bericht',
    download: 'Downloaden',
    downloadOf: (subject) => `Het bericht ‘${subject}’ downloaden zoals het binnenkwam (.eml)`,
    downloading: 'Openen…',
    attachments: (n) => plural(n, 'bijlage', 'bijlagen'),
    outcomes: {
      commented: 'Als reactie bij de aanvraag gezet',
      answered: 'Vraag van de aanvraag beantwoord',
      filed: 'Aanvraag ingediend',
      refused_unknown_sender: 'Geweigerd: de afzender is onbekend bij Ordo',
      refused_not_participant: 'Geweigerd: de afzender is geen deelnemer van de aanvraag',
      refused_unauthenticated: 'Geweigerd: de afzender kon niet worden gecontroleerd',
      refused_bad_signature: 'Geweigerd: het antwoordadres was niet echt',
      refused_too_large: 'Geweigerd: te groot',
      refused_unknown_address: 'Geweigerd: het adres leidt nergens heen',
      refused_by_order: 'Geweigerd door de aanvraag',
      dropped_auto_reply: 'Genegeerd: automatisch antwoord',
      dropped_bulk: 'Genegeerd: bulk- of lijstmail',
      dropped_loop: 'Genegeerd: door Ordo zelf verstuurd',
      dropped_duplicate: 'Genegeerd: hetzelfde bericht opnieuw',
    },
  },
};
