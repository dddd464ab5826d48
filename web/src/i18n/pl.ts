/**
 * The portal's words in Polish. Typed `Strings`, so a key missing here (or one too many) fails the
 * typecheck. Counted nouns take Polish plural forms (one / few / many, and the genitive singular
 * for fractions: "1,5 godziny").
 */
import type { DueWords } from '#shared/due-words.ts';
import { polishRefusals } from '#shared/refusal-words.pl.ts';
import { accountWords } from '../account/words.pl.ts';
import { adminWords } from '../admin/words.pl.ts';
import { catalogWords } from '../catalog/words.pl.ts';
import { dashboardWords } from '../dashboard/words.pl.ts';
import { editorWords } from '../editor/words.pl.ts';
import { inboundWords } from '../inbound/words.pl.ts';
import { integrationWords } from '../integrations/words.pl.ts';
import { noteWords } from '../notes/words.pl.ts';
import { orderWords } from '../order/words.pl.ts';
import { queueWords } from '../queue/words.pl.ts';
import { setupWords } from '../setup/words.pl.ts';
import { surveyWords } from '../survey/words.pl.ts';
import { transferWords } from '../transfer/words.pl.ts';
import type { Strings } from './en.ts';
import { form, num, orList, plural } from './pl-grammar.ts';

const due: DueWords = {
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} godz.`,
  days: (n) => `${n} ${form(n, 'dzień', 'dni', 'dni')}`,
  workingDays: (n) => `${n} ${form(n, 'dzień roboczy', 'dni robocze', 'dni roboczych')}`,
  due: (when, left) => `termin: ${when}, pozostały czas pracy: ${left}`,
  overdueBy: (duration) => `po terminie o ${duration} czasu pracy`,
  overdueSince: (when) => `po terminie od ${when}`,
};

export const pl: Strings = {
  appName: 'Ordo',
  locale: 'pl-PL',
  status: {
    submitted: 'złożone',
    awaiting_approval: 'czeka na akceptację',
    awaiting_inputs: 'czeka na materiały',
    open: 'otwarte',
    in_progress: 'w realizacji',
    waiting_for_customer: 'czeka na zamawiającego',
    resolved: 'zrealizowane',
    closed: 'zamknięte',
    cancelled: 'anulowane',
    rejected: 'odrzucone',
  },
  due,
  refusals: polishRefusals,
  languageNames: { en: 'English', pl: 'Polski', ru: 'Русский', nl: 'Nederlands', zh: '简体中文' },
  common: {
    loading: 'Wczytywanie…',
    loadMore: 'Wczytaj więcej',
    loadingMore: 'Wczytywanie kolejnych…',
    required: 'wymagane',
    optional: 'opcjonalne',
    none: '—',
    yes: 'Tak',
    no: 'Nie',
    nobody: 'Jeszcze nikt',
    send: 'Wyślij',
    neverMind: 'Zrezygnuj',
    retry: 'Spróbuj ponownie',
    requiredNote: 'Pola oznaczone * są wymagane.',
    save: 'Zapisz',
    saving: 'Zapisywanie…',
    add: 'Dodaj',
    remove: 'Usuń',
    removeItem: (what) => `Usuń ${what}`,
    moveUp: (what) => `Przesuń ${what} w górę`,
    moveDown: (what) => `Przesuń ${what} w dół`,
    fixBelow: 'Najpierw popraw te elementy:',
    unsaved: 'Masz niezapisane zmiany.',
    leaveUnsaved: 'Masz niezapisane zmiany. Czy mimo to opuścić tę stronę?',
  },
  nav: {
    label: 'Menu główne',
    skip: 'Przejdź do treści',
    catalog: 'Katalog',
    myOrders: 'Moje zamówienia',
    queue: (code) => `Kolejka ${code}`,
    dashboard: (code) => `Panel ${code}`,
    myNumbers: (code) => `Moje wyniki ${code}`,
    profile: 'Profil',
    signedInAs: 'Zalogowano jako',
    signOut: 'Wyloguj się',
    admin: 'Administracja',
  },
  errors: {
    network: 'Nie można teraz połączyć się z Ordo. Sprawdź połączenie i spróbuj ponownie.',
    unexpected: 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie.',
    badRequest: 'Część informacji jest nieprawidłowa.',
    unauthorized: 'Twoja sesja wygasła. Zaloguj się ponownie.',
    forbidden: 'Nie masz do tego dostępu.',
    notFound: 'Nie udało się tego znaleźć. Mogło zostać usunięte albo link jest błędny.',
    conflict: 'Ktoś inny zmienił to w tym samym czasie.',
    rule: 'Tego nie można teraz zrobić.',
    tooMany: 'Zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.',
    checkValue: 'Sprawdź tę wartość.',
  },
  serviceStatus: {
    draft: 'Szkic',
    published: 'Opublikowana',
    retired: 'Wycofana',
  },
  standard: {
    // Nominative after a colon: "w ciągu" would need each duration in the genitive.
    words: (firstResponse, resolution) => `czas odpowiedzi: ${firstResponse}, czas realizacji: ${resolution}`,
  },
  duration: {
    minutes: (n) => plural(n, 'minuta', 'minuty', 'minut'),
    hours: (n, working) =>
      working
        ? plural(n, 'godzina robocza', 'godziny robocze', 'godzin roboczych', 'godziny roboczej')
        : plural(n, 'godzina', 'godziny', 'godzin', 'godziny'),
    days: (n, working) =>
      working
        ? plural(n, 'dzień roboczy', 'dni robocze', 'dni roboczych', 'dnia roboczego')
        : plural(n, 'dzień', 'dni', 'dni', 'dnia'),
  },
  upload: {
    limits: (types, size) => `${types}, do ${size}.`,
    uploading: (name, percent) => `Przesyłanie ${name}: ${percent} %`,
    uploaded: (name, size) => `Przesłano ${name} (${size}).`,
    kept: 'Plik jest już dołączony. Wybierz inny, aby go zastąpić.',
    removeFile: (name) => `Usuń ${name}`,
    failed: 'Nie udało się przesłać pliku. Spróbuj ponownie.',
    expired: 'Przesyłanie trwało zbyt długo. Wybierz plik ponownie.',
    empty: 'Ten plik jest pusty.',
    badName: 'Tej nazwy pliku nie można użyć. Zmień nazwę pliku i spróbuj ponownie.',
    tooBig: (max) => `Ten plik jest za duży. Pliki mogą mieć najwyżej ${max}.`,
    wrongType: (types) => `Ten rodzaj pliku nie jest akceptowany. Dozwolone: ${types}.`,
    typeNames: {
      'application/pdf': 'PDF',
      'image/png': 'PNG',
      'image/jpeg': 'JPEG',
      'text/plain': 'plik tekstowy',
      'text/csv': 'CSV',
      'application/zip': 'ZIP',
    },
    orList,
    bytes: (n) => plural(n, 'bajt', 'bajty', 'bajtów', 'bajta'),
    kilobytes: (n) => `${num(n)} KB`,
    megabytes: (n) => `${num(n)} MB`,
    download: (name) => `Otwórz ${name}`,
    newTab: '(otwiera się w nowej karcie)',
    opening: 'Otwieranie…',
    preview: (name) => `Wybrano: ${name} (w podglądzie plik nie jest przesyłany).`,
  },
  priority: {
    low: 'Niski',
    normal: 'Normalny',
    high: 'Wysoki',
    urgent: 'Pilny',
  },
  sla: {
    title: 'Standardy czasu',
    states: {
      running: 'W terminie',
      warning: 'Zagrożone',
      breached: 'Po terminie',
      paused: 'Wstrzymane',
      met: 'Dotrzymane',
    },
    missed: 'Niedotrzymane',
    clocks: { first_response: 'Pierwsza odpowiedź', resolution: 'Realizacja' },
    metAt: (when, used) => `dotrzymane ${when}; wykorzystany czas pracy: ${used}`,
    missedAt: (when, used) => `niedotrzymane: zatrzymane ${when}; wykorzystany czas pracy: ${used}`,
    pausedLeft: (since, left) => `wstrzymane od ${since}; pozostały czas pracy: ${left}`,
    pausedShort: (left) => `wstrzymane; pozostały czas pracy: ${left}`,
    dueAt: (when) => `termin: ${when}`,
    noDue: 'termin nie jest jeszcze znany',
    noStandard: 'bez standardu czasu',
    allMet: 'standardy czasu dotrzymane',
    target: 'Cel',
    used: 'Wykorzystany czas pracy',
    paused: 'Wstrzymanie (niewliczane)',
    version: 'Wersja standardu',
    versionNumber: (n) => `v${n}`,
    autoClose: 'Zamknie się samo',
    autoCloseWords: (when) => `${when}, chyba że wcześniej je potwierdzisz lub otworzysz ponownie`,
  },
  search: {
    label: 'Szukaj zamówień',
    hintMine: 'Numer zamówienia albo słowa z tytułu, Twoich odpowiedzi lub nazwiska. Słowa mogą być niedokończone.',
    hintDepartment: (code: string) =>
      `Numer zamówienia (albo same jego cyfry) lub słowa z tytułu, odpowiedzi albo nazwiska zamawiającego: wszystkie zamówienia ${code}, otwarte i zakończone.`,
    searching: 'Szukam…',
    found: (n: number, more: boolean) =>
      n === 0
        ? more
          ? 'Żadne z najnowszych zamówień nie pasuje do wszystkich słów; wyszukiwanie na tym się zatrzymało. Więcej lub inne słowa je zawężą.'
          : 'Żadne zamówienie nie pasuje.'
        : `Pasujące zamówienia: ${num(n)}${more ? ' (pokazano najnowsze; więcej słów zawęzi wyszukiwanie)' : ''}.`,
    caption: 'Znalezione zamówienia, najnowsze najpierw',
  },
  notFound: {
    title: 'Nie znaleziono strony',
    text: 'Pod tym adresem nic nie ma.',
    home: 'Przejdź do katalogu',
  },
  ...Object.assign({}, accountWords, catalogWords, orderWords),
  ...Object.assign({}, surveyWords, queueWords, dashboardWords),
  ...Object.assign({}, editorWords, adminWords, integrationWords),
  ...noteWords,
  ...inboundWords,
  ...transferWords,
  ...setupWords,
};
