/**
 * Words of the catalog, a department's page, a service and its order form, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { plural } from '../i18n/pl-grammar.ts';
import type { catalogWords as english } from './words.en.ts';

export const catalogWords: typeof english = {
  catalog: {
    title: 'Katalog usług',
    intro: 'Co działy wsparcia robią dla Ciebie i w jakim czasie obiecują to zrobić.',
    search: 'Szukaj usług',
    searchHint: 'Szukaj po nazwie, opisie lub tagu.',
    count: (n) => plural(n, 'usługa', 'usługi', 'usług'),
    noMatch: (q) => `Żadna usługa nie pasuje do „${q}”.`,
    empty: 'Nie opublikowano jeszcze żadnych usług.',
    aboutDepartment: (name) => `O dziale ${name}`,
    tags: 'Tagi',
    departmentsTitle: 'Działy',
    departmentsIntro: 'Kto czym się zajmuje, jak składać zamówienia i jak pracuje każdy dział.',
    departmentLink: (name, code) => `${name} (${code})`,
  },
  department: {
    contact: 'Kontakt',
    edit: 'Edytuj dział',
    manageServices: 'Zarządzaj usługami',
    editTitle: 'Edycja działu',
    name: 'Nazwa',
    contactEmail: 'E-mail kontaktowy',
    headLabel: 'Kierownik działu',
    headHint: 'Wybierany spośród członków działu.',
    canvasEdit: 'Opis działu',
    canvasHint: 'Opisz pracownikom, czym zajmuje się dział. Podziały wierszy zostaną zachowane.',
    saved: 'Dział został zapisany.',
    conflict: 'W międzyczasie ktoś inny zapisał ten dział.',
    loadTheirs: 'Wczytaj tamtą wersję',
    keepMine: 'Zachowaj moje zmiany i zapisz je zamiast tamtych',
    membersError: 'Nie udało się wczytać listy członków; wpisz identyfikator użytkownika kierownika.',
    headId: 'Kierownik (identyfikator użytkownika)',
    services: 'Usługi',
    noServices: 'Ten dział nie opublikował jeszcze żadnych usług.',
    canvasTitle: 'Jak pracuje ten dział',
    canvas: {
      value: 'Wartość, którą dostarczamy',
      customerSegments: 'Komu służymy',
      howToOrder: 'Jak zamawiać i jak informujemy o stanie zamówienia',
      channels: 'Kanały kontaktu',
      keyProcesses: 'Kluczowe procesy',
      qualityChecks: 'Jak sprawdzamy jakość',
      standardsAndMetrics: 'Standardy i wskaźniki',
      resources: 'Zasoby',
      partners: 'Partnerzy',
    },
  },
  service: {
    department: 'Dział',
    owner: 'Właściciel procesu',
    standard: 'Nasza obietnica',
    approval: 'Akceptacja',
    approvalNone: 'Akceptacja nie jest potrzebna',
    approvalHead: 'Kierownik działu akceptuje zamówienie przed rozpoczęciem pracy',
    approvalNamed: 'Wskazane osoby akceptują zamówienie przed rozpoczęciem pracy',
    approvalBy: { head: 'kierownika działu', named: 'wskazane osoby' },
    approvalWhen: (who, when) =>
      `Wymaga akceptacji przez ${who}, gdy ${when}; pozostałe zamówienia trafiają od razu do zespołu`,
    condition: {
      equals: (label, values) => `„${label}” to ${values}`,
      above: (label, n) => `„${label}” jest większe niż ${n}`,
      below: (label, n) => `„${label}” jest mniejsze niż ${n}`,
      between: (label, low, high) => `„${label}” jest większe niż ${low} i mniejsze niż ${high}`,
      or: ' lub ',
    },
    approvalWillBe: (who) => `To zamówienie będzie wymagało akceptacji przez ${who} przed rozpoczęciem pracy.`,
    approvalWontBe: (when) => `To zamówienie nie wymaga akceptacji (jest potrzebna, gdy ${when}).`,
    inputsTitle: 'Co przekazujesz',
    inputsEmpty: 'Nic poza formularzem.',
    deliverablesTitle: 'Co otrzymasz',
    deliverablesEmpty: 'Ta usługa nie ma listy kontrolnej.',
    stagesTitle: 'Jak przebiega praca',
    stageTarget: (words) => `cel: ${words}`,
    inputKind: {
      attachment: 'plik',
      confirmation: 'potwierdzenie',
      formField: 'odpowiedź w formularzu',
    },
    orderTitle: 'Zamów tę usługę',
    promiseLabel: 'Jeśli zamówisz teraz',
    promise: (when) => `Jeśli zamówisz teraz: gotowe do ${when}`,
    doneBy: (when) => `gotowe do ${when}`,
    notOrderable: 'Tej usługi nie można teraz zamówić.',
  },
  form: {
    priority: 'Priorytet',
    onBehalf: 'W imieniu współpracownika',
    onBehalfHint:
      'Zostaw puste, jeśli zamówienie jest dla Ciebie. W przeciwnym razie wpisz imię, nazwisko lub e-mail współpracownika i wybierz go z listy.',
    choose: 'Wybierz…',
    submit: 'Złóż zamówienie',
    submitting: 'Wysyłanie…',
    fixErrors: 'Popraw pola oznaczone poniżej.',
    kindHint: {
      user: 'Wpisz imię, nazwisko lub e-mail tej osoby i wybierz ją z listy.',
    },
    dateRules: {
      after: (label, days) =>
        days === 0
          ? `Ta sama data co w polu „${label}” lub późniejsza.`
          : days === 1
            ? `Później niż data z pola „${label}”.`
            : `Co najmniej ${plural(days, 'dzień', 'dni', 'dni')} po dacie z pola „${label}”.`,
      before: (label, days) =>
        days === 0
          ? `Ta sama data co w polu „${label}” lub wcześniejsza.`
          : days === 1
            ? `Wcześniej niż data z pola „${label}”.`
            : `Co najmniej ${plural(days, 'dzień', 'dni', 'dni')} przed datą z pola „${label}”.`,
      notPast: 'Nie wcześniej niż dziś.',
      within: (days) => `Od dziś do ${plural(days, 'dnia', 'dni', 'dni')} naprzód.`,
    },
    handOverTitle: 'Przekaż teraz',
    handOverIntro:
      'Przekaż je razem z zamówieniem, a trafi ono od razu do kolejki zespołu. Możesz je też przekazać później na stronie zamówienia.',
    confirmInput: (label) => `Potwierdzam: ${label}`,
    inputNote: (label) => `Uwaga do „${label}”`,
    inputFile: (label) => `Plik do „${label}”`,
    waitUploads: 'Poczekaj, aż pliki zostaną przesłane.',
    previewTitle: 'Podgląd formularza zamówienia',
    previewNote: 'Tak zamawiający zobaczą formularz. Z podglądu nic nie jest wysyłane.',
    previewChecked:
      'Odpowiedzi przechodzą kontrole formularza. W prawdziwym formularzu zamówienie zostałoby teraz wysłane.',
    previewEmpty: 'Formularz nie ma jeszcze pól. Dodaj pola po lewej stronie, aby je tu zobaczyć.',
  },
  workingHours: {
    title: 'Godziny pracy',
    always: 'Całą dobę, każdego dnia: standardy czasu liczą każdą godzinę.',
    zone: (zone) => `Godziny w strefie ${zone}. Standardy czasu i obietnice liczą tylko te godziny, bez świąt.`,
  },
  waysBack: { label: 'Drogi powrotu', catalog: 'Przejdź do katalogu', myOrders: 'Przejdź do moich zamówień' },
  people: {
    placeholder: 'Wpisz imię, nazwisko lub e-mail',
    hint: 'Wpisz część imienia, nazwiska lub adresu e-mail, a potem wybierz osobę z listy.',
    searching: 'Szukam…',
    found: (n) =>
      n === 0 ? 'Nikogo nie znaleziono.' : `Znaleziono: ${plural(n, 'osoba', 'osoby', 'osób')}; wybierz strzałkami.`,
    none: (q) => `Nikogo nie znaleziono dla „${q}”. Spróbuj imienia, nazwiska lub adresu e-mail.`,
    failed: 'Nie udało się teraz wyszukać osób. Spróbuj za chwilę.',
    chosen: (name, email, department) => `Wybrano: ${name}, ${email}${department ? `, ${department}` : ''}`,
    notChosen: 'Wybierz osobę z listy.',
    clear: (name) => `Usuń ${name}`,
    add: 'Dodaj',
    addTo: (what) => `Dodaj osobę do „${what}”`,
    unknown: (id) => `Osoba ${id}`,
  },
};
