/**
 * Words of a department's guided setup and the template picker, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/pl-grammar.ts';
import type { setupWords as english } from './words.en.ts';

export const setupWords: typeof english = {
  setup: {
    link: 'Konfiguracja krok po kroku',
    title: (code) => `Konfiguracja działu ${code}`,
    intro:
      'Opisz dział krok po kroku i zakończ usługami, które można zamawiać. Twoje odpowiedzi tworzą kanwę działu na jego stronie. Każdy krok możesz pominąć i wrócić do niego później: postęp jest zapisywany.',
    headOnly: 'Konfigurację krok po kroku prowadzi tylko kierownik działu.',
    offer: 'Nic tu jeszcze nie opublikowano: konfiguracja krok po kroku prowadzi od kanwy działu do pierwszych usług.',
    stepsLabel: 'Kroki konfiguracji',
    stepOf: (n, total) => `Krok ${n} z ${total}`,
    state: { done: 'gotowe', skipped: 'pominięte', todo: 'do zrobienia' },
    example: 'Na przykład',
    answer: 'Twoja odpowiedź',
    saveNext: 'Zapisz i dalej',
    skip: 'Pomiń na razie',
    back: 'Wstecz',
    saved: 'Zapisano.',
    fixMarked: 'Niektóre odpowiedzi powyżej trzeba poprawić (są oznaczone); popraw je i zapisz ponownie.',
    resumed: 'Witaj ponownie: kontynuujesz tam, gdzie skończyłeś.',
    steps: {
      value: {
        name: 'Wartość',
        explain: 'Powiedz w jednym lub dwóch zdaniach, co dział robi dla reszty firmy.',
        example: 'Rekrutujemy, wdrażamy i dbamy o ludzi, aby każdy zespół miał potrzebnych pracowników.',
      },
      customers: {
        name: 'Klienci',
        explain: 'Wymień osoby i zespoły, które u was zamawiają, i czym różnią się ich potrzeby.',
        example: 'Kierownicy zatrudniający do zespołów; każdy pracownik po zaświadczenia i w sprawach urlopów.',
      },
      ordering: {
        name: 'Jak się zamawia',
        explain: 'Powiedz, gdzie i jak można was o coś poprosić.',
        example: 'Zamówienia z katalogu w Ordo; pilne sprawy telefonicznie pod numerem wewnętrznym 200.',
      },
      delivery: {
        name: 'Dostarczanie',
        explain: 'Opisz, jak wynik trafia do klienta.',
        example: 'Dokumenty e-mailem jako PDF; sprzęt wydawany w recepcji.',
      },
      calendar: {
        name: 'Godziny pracy',
        explain:
          'Standardy czasu liczą tylko godziny pracy. Sprawdź proponowaną strefę czasową, godziny i święta i zmień to, co się różni.',
        example: 'Od poniedziałku do piątku, 09:00–17:00, czas warszawski, ze świętami w Polsce.',
      },
      processes: {
        name: 'Procesy',
        explain:
          'Wymień główne rzeczy, które robicie dla klientów. Zacznij każdą od szablonu: to szkic, który edytujesz przed publikacją.',
        example: 'Wdrożenie nowego pracownika; wystawienie zaświadczenia o zatrudnieniu.',
      },
      quality: {
        name: 'Jakość',
        explain: 'Powiedz, jak sprawdzacie, że praca jest dobra, zanim opuści dział.',
        example: 'Druga osoba sprawdza każdą umowę przed podpisaniem.',
      },
      standards: {
        name: 'Standardy',
        explain:
          'Każda usługa obiecuje pierwszą odpowiedź i wynik w określonym czasie. Szablony mają standardy, które możesz zmienić: wybierz szkic poniżej, aby go otworzyć. Zapisz tu, co obiecujecie ogólnie.',
        example: 'Pierwsza odpowiedź w ciągu 4 godzin pracy; 90 % zamówień na czas.',
      },
      resources: {
        name: 'Zasoby',
        explain: 'Wymień ludzi, narzędzia i budżet potrzebne do pracy.',
        example: 'Trzech specjalistów HR, system płacowy, budżet na szkolenia.',
      },
      partners: {
        name: 'Partnerzy',
        explain: 'Wymień działy i dostawców, na których polegacie.',
        example: 'IT od kont i laptopów; zewnętrzne biuro płacowe.',
      },
      publish: {
        name: 'Publikacja',
        explain:
          'Publikacja umieszcza szkic w katalogu: od tej chwili ludzie go znajdują i mogą zamawiać. Przed publikacją otwórz każdy szkic (jego nazwę) i sprawdź formularz, kto może zamawiać i kto jest właścicielem. Nieopublikowane szkice zostają szkicami; znajdziesz je później w „Zarządzaj usługami” na stronie działu.',
        example: 'Opublikuj teraz „Zaświadczenie o zatrudnieniu”, a wdrożenie po jeszcze jednym przeglądzie.',
      },
    },
    calendar: {
      defaults: 'Propozycja: od poniedziałku do piątku, 09:00–17:00. Zmień poniżej, co chcesz.',
      suggestedHolidays: (country, year) =>
        `Wpisaliśmy święta państwowe kraju ${country} na ${year} i ${year + 1}: są na liście „Dni wolne” poniżej. Usuń dzień przyciskiem ×, a inny kraj lub rok dodaj tutaj.`,
      country: 'Święta państwowe kraju',
      noCountry: 'Bez kraju',
      year: 'Rok',
      addHolidays: 'Dodaj święta państwowe',
      added: (n) => `Dodano ${plural(n, 'święto', 'święta', 'świąt')}.`,
      countries: { PL: 'Polska', DE: 'Niemcy', NL: 'Holandia', GB: 'Wielka Brytania' },
    },
    drafts: 'Twoje szkice',
    noDrafts: 'Brak szkiców: wróć do kroku Procesy i zacznij od szablonu.',
    adoptedNext: (name) =>
      `„${name}” jest teraz szkicem twojego działu. Sprawdzisz i opublikujesz go w ostatnim kroku, Publikacja.`,
    noTemplate: 'Żaden szablon nie pasuje?',
    emptyService: 'Zacznij pustą usługę',
    fromSheet: 'Zaimportuj listę usług z arkusza (CSV lub XLSX)',
    nothingPublished: (code) =>
      `Nic nie jest jeszcze opublikowane: w katalogu nie ma żadnej usługi działu ${code}, dopóki jakiejś nie opublikujesz.`,
    publishOne: (name) => `Opublikuj „${name}”`,
    published: (name) => `„${name}” jest w katalogu.`,
    edit: (name) => `Edytuj „${name}”`,
    alreadyPublished: 'Opublikowana',
    finish: 'Zakończ i otwórz stronę działu',
  },
  templates: {
    link: 'Zacznij od szablonu',
    title: (code) => `Nowa usługa działu ${code} z szablonu`,
    intro:
      'Każdy szablon to kompletna usługa: formularz, co klient przekazuje, co otrzymuje, etapy i standard czasu. Przyjęcie szablonu tworzy szkic, który edytujesz przed publikacją.',
    areas: {
      hr: 'Kadry',
      it: 'Informatyka',
      finance: 'Finanse',
      facilities: 'Administracja budynków',
      legal: 'Dział prawny',
    },
    fields: 'Pytania formularza',
    inputs: 'Co klient przekazuje',
    deliverables: 'Co klient otrzymuje',
    stages: 'Etapy',
    standard: 'Standard czasu',
    none: 'brak',
    adopt: (name) => `Przyjmij „${name}”`,
    adopting: 'Przyjmowanie…',
    already: (name) => `„${name}” jest już jedną z usług twojego działu.`,
    openInEditor: 'Otwórz w edytorze',
    otherAreas: 'Szablony innych obszarów',
    contents: 'Co zawiera',
  },
};
