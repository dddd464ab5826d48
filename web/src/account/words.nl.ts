/**
 * Words of signing in and of the profile page, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { accountWords as english } from './words.en.ts';

export const accountWords: typeof english = {
  signIn: {
    title: 'Aanmelden',
    intro: 'Ordo meldt u aan met het account van uw organisatie en brengt u daarna terug naar deze pagina.',
    button: 'Aanmelden',
    redirecting: 'Doorsturen naar aanmelden…',
    signingIn: 'Bezig met aanmelden…',
    signedOut: 'U bent afgemeld.',
    failed: 'Aanmelden is niet gelukt. Probeer het opnieuw.',
    refused: (reason) => `De aanmelddienst weigerde: ${reason}`,
    notAccepted:
      'Ordo heeft deze aanmelding niet geaccepteerd. Probeer het opnieuw, of neem contact op met een beheerder als het blijft gebeuren.',
    notConfigured: 'Aanmelden is voor deze Ordo niet ingesteld: de configuratie noemt geen identiteitsprovider.',
    draftsKept: 'U bent afgemeld; uw tekst is bewaard.',
  },
  profile: {
    title: 'Uw profiel',
    name: 'Naam',
    email: 'E-mail',
    roles: 'Rollen',
    employee: 'Medewerker',
    agentOf: (code) => `Behandelaar bij ${code}`,
    headOf: (code) => `Hoofd van ${code}`,
    admin: 'Beheerder',
    notificationsTitle: 'E-mailmeldingen',
    notificationsLegend: 'Stuur een e-mail wanneer',
    notificationsIntro:
      'Vink uit wat niet nodig is. E-mails die om actie vragen — een vraag van het team, een goedkeuring, een termijn in gevaar, een enquête — worden altijd verstuurd.',
    events: {
      stage_changed: 'mijn aanvraag naar de volgende fase gaat',
      order_closed: 'een aanvraag die ik volg wordt gesloten',
      order_reopened: 'een aanvrager een aanvraag van mijn team heropent',
      new_in_queue: 'er een nieuwe aanvraag in de wachtrij van mijn team komt',
      customer_replied: 'een aanvrager een vraag van mijn team beantwoordt',
      requester_commented: 'een aanvrager reageert op een aanvraag die ik behandel',
      team_commented: 'het team reageert op mijn aanvraag',
    },
    save: 'Meldingen opslaan',
    saved: 'Uw keuzes voor meldingen zijn opgeslagen.',
    languageTitle: 'Taal',
    languageLabel: 'Taal van Ordo',
    languageHint: 'Ordo toont de pagina’s in deze taal op elk apparaat waarop u zich aanmeldt.',
    languageSave: 'Taal opslaan',
    languageSaving: 'Taal wordt gewijzigd…',
    languageSaved: 'Uw taal is opgeslagen.',
  },
};
