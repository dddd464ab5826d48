/**
 * Words of signing in and of the profile page, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { accountWords as english } from './words.en.ts';

export const accountWords: typeof english = {
  signIn: {
    title: 'Logowanie',
    intro: 'Ordo loguje Cię kontem Twojej organizacji, a potem przywraca Cię tutaj.',
    button: 'Zaloguj się',
    redirecting: 'Przechodzimy do logowania…',
    signingIn: 'Trwa logowanie…',
    signedOut: 'Wylogowano.',
    failed: 'Logowanie nie powiodło się. Spróbuj ponownie.',
    refused: (reason) => `Usługa logowania odmówiła: ${reason}`,
    notAccepted:
      'Ordo nie przyjęło tego logowania. Spróbuj ponownie, a jeśli to się powtarza, zwróć się do administratora.',
    notConfigured: 'Logowanie nie jest skonfigurowane w tym Ordo: konfiguracja nie wskazuje dostawcy tożsamości.',
    draftsKept: 'Nastąpiło wylogowanie; Twój tekst został zachowany.',
  },
  profile: {
    title: 'Twój profil',
    name: 'Imię i nazwisko',
    email: 'E-mail',
    roles: 'Role',
    employee: 'Pracownik',
    agentOf: (code) => `Konsultant w ${code}`,
    headOf: (code) => `Kierownik ${code}`,
    admin: 'Administrator',
    notificationsTitle: 'Powiadomienia e-mail',
    notificationsLegend: 'Wyślij mi e-mail, gdy',
    notificationsIntro:
      'Odznacz to, czego nie potrzebujesz. E-maile, które wymagają Twojego działania — pytanie od zespołu, akceptacja, zagrożony standard czasu, ankieta — są wysyłane zawsze.',
    events: {
      stage_changed: 'moje zamówienie przejdzie do następnego etapu',
      order_closed: 'obserwowane przeze mnie zamówienie zostanie zamknięte',
      order_reopened: 'zamawiający ponownie otworzy zamówienie mojego zespołu',
      new_in_queue: 'w kolejce mojego zespołu pojawi się nowe zamówienie',
      customer_replied: 'zamawiający odpowie na pytanie mojego zespołu',
      requester_commented: 'zamawiający skomentuje zamówienie, którym się zajmuję',
      team_commented: 'zespół skomentuje moje zamówienie',
    },
    save: 'Zapisz powiadomienia',
    saved: 'Zapisano Twoje ustawienia powiadomień.',
    languageTitle: 'Język',
    languageLabel: 'Język Ordo',
    languageHint: 'Ordo wyświetla strony w tym języku na każdym urządzeniu, na którym się zalogujesz.',
    languageSave: 'Zapisz język',
    languageSaving: 'Zmiana języka…',
    languageSaved: 'Zapisano Twój język.',
  },
};
