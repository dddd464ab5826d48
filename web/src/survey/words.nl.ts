/**
 * Words of the 1–5 rating, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { surveyWords as english } from './words.en.ts';

export const surveyWords: typeof english = {
  survey: {
    title: 'Hoe hebben we het gedaan?',
    order: (n, title) => `Aanvraag ${n}: ${title}`,
    service: (name) => `Dienst: ${name}`,
    thanks: (n) => `Dank u wel — uw beoordeling: ${n} van 5`,
    scale: '1 betekent zeer ontevreden, 5 zeer tevreden.',
    scoreName: (n) => `${n} van 5`,
    scoreWords: ['zeer ontevreden', 'ontevreden', 'niet tevreden en niet ontevreden', 'tevreden', 'zeer tevreden'],
    category: 'Wat ging er mis?\u00a0(optioneel)',
    categoryHint: 'Het antwoord gaat naar de verantwoordelijke voor deze dienst, die het opvolgt.',
    noCategory: 'Zeg ik liever niet',
    comment: 'Opmerking\u00a0(optioneel)',
    commentHint: 'Wat ging goed, of wat kan beter?',
    save: 'Beoordeling opslaan',
    change: 'Wijzigingen opslaan',
    saving: 'Opslaan…',
    saved: (n) => `Opgeslagen. Uw beoordeling: ${n} van 5.`,
    pick: 'Kies een beoordeling van 1 tot 5.',
    changeHint: 'Hieronder kan de beoordeling worden gewijzigd of een opmerking worden toegevoegd.',
    confirmHint: (n, button) => `In de e-mail is ${n} van 5 gekozen. Klik op ‘${button}’ om die te versturen.`,
    expiredTitle: 'Deze enquêtelink is verlopen',
    invalidTitle: 'Deze enquêtelink kan niet worden gebruikt',
    earlierTitle: 'Deze enquête is vervangen',
    earlierHint:
      'De aanvraag is na deze e-mail heropend en opnieuw afgehandeld. Gebruik de link in de nieuwste e-mail, of beoordeel de aanvraag op de aanvraagpagina.',
    badLinkHint: 'De aanvraag is na het aanmelden nog steeds in Ordo te openen om daar te beoordelen of te reageren.',
    openOrder: 'Aanvraag openen in Ordo',
  },
  lowScoreCategories: {
    too_slow: 'Het duurde te lang',
    incomplete: 'Er ontbrak iets',
    not_what_i_asked: 'Het was niet wat ik had gevraagd',
    unclear_communication: 'De communicatie was onduidelijk',
    other: 'Iets anders',
  },
};
