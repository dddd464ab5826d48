/**
 * Words of a department's catalog export and import page, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import type { transferWords as english } from './words.en.ts';

export const transferWords: typeof english = {
  transfer: {
    link: 'Eksport i import',
    title: (code) => `Eksport i import katalogu działu ${code}`,
    intro:
      'Przenieś ustawienia i usługi działu do innego środowiska lub firmy jako jeden plik albo zacznij od arkusza kalkulacyjnego.',
    headOnly: 'Katalog działu eksportuje i importuje tylko jego kierownik.',
    exportTitle: 'Eksport',
    exportHint:
      'Plik zawiera nazwę działu, adres kontaktowy, kalendarz i kanwę oraz wszystkie usługi (także szkice i wycofane) z identyfikatorami osób, które wskazują: właściciela, zatwierdzających i osoby powiadamiane o zamówieniach. Kierownik, cele i wyniki zostają tutaj. Import w innym miejscu odrzuci identyfikatory, których tam nikt nie ma.',
    download: 'Pobierz katalog (JSON)',
    downloaded: (name) => `Zapisano jako ${name}.`,
    importTitle: 'Importowanie',
    importHint:
      'Wybierz plik katalogu wyeksportowany z Ordo (JSON) albo listę usług w arkuszu (CSV albo XLSX: jego pierwszy arkusz) z wierszem nagłówka nazywającym kolumny name i summary (obie wymagane) oraz, jeśli chcesz, description, tags, owner (e-mail lub identyfikator) i resolution (godziny pracy, np. 16h, albo dni robocze, np. 3d; dzień to jeden twój dzień pracy). Każdy wiersz staje się szkicem usługi. Zanim cokolwiek zostanie zapisane, zobaczysz, co się zmieni.',
    example: 'Pobierz przykładową listę (CSV)',
    exampleRows: [
      ['Opinia prawna do umowy', 'Prawnik sprawdza umowę, zanim ją podpiszesz.', 'umowy'],
      ['Pełnomocnictwo', 'Pełnomocnictwo przygotowane i podpisane dla ciebie.', 'dokumenty'],
    ],
    file: 'Plik katalogu (JSON, CSV lub XLSX)',
    reading: 'Czytanie pliku…',
    notJson:
      'To nie jest plik JSON. Wybierz plik katalogu wyeksportowany z Ordo albo listę usług w CSV lub XLSX (nazwa pliku kończy się na .csv lub .xlsx).',
    notWorkbook:
      'Tego pliku nie da się odczytać jako skoroszytu Excela. Zapisz go ponownie jako .xlsx (Skoroszyt programu Excel) albo CSV i wybierz jeszcze raz.',
    cell: (row, column) => `Wiersz ${row}, kolumna ${column}`,
    row: (row) => `Wiersz ${row}`,
    column: (column) => `Wiersz nagłówka, kolumna ${column}`,
    header: 'Wiersz nagłówka (kolumny, które czyta Ordo: name, summary, description, tags, owner, resolution, id)',
    wholeFile: 'Plik',
    previewTitle: 'Co zmieni import',
    problemsTitle: 'Nic nie zostanie zaimportowane, dopóki nie poprawisz w pliku:',
    department: 'Ustawienia działu',
    caption: 'Usługi z pliku, w jego kolejności',
    service: 'Usługa',
    change: 'Zmiana',
    fields: 'Co się zmienia',
    added: 'Dodana jako szkic',
    changed: 'Zmieniona',
    unchanged: 'Bez zmian',
    counts: (added, changed, unchanged) => `Dodane: ${added}. Zmienione: ${changed}. Bez zmian: ${unchanged}.`,
    fieldNames: {
      name: 'Nazwa',
      summary: 'Podsumowanie',
      description: 'Opis',
      tags: 'Tagi',
      ownerId: 'Właściciel',
      audience: 'Kto może zamawiać',
      form: 'Formularz',
      inputs: 'Co przekazuje zamawiający',
      deliverables: 'Co oddajemy',
      stages: 'Etapy',
      approval: 'Zatwierdzanie',
      titleTemplate: 'Tytuł zamówienia',
      standard: 'Standard czasu',
      scheduledStandard: 'Zaplanowany standard',
      survey: 'Ankieta',
      reportTo: 'Kto jest powiadamiany o zamówieniach',
      bundle: 'Pakiet',
      translations: 'Tłumaczenia',
      retention: 'Przechowywanie danych osobowych',
      contactEmail: 'Adres kontaktowy',
      calendar: 'Kalendarz pracy',
      canvas: 'Kanwa usług',
    },
    apply: 'Zastosuj import',
    applying: 'Importowanie…',
    applied: 'Zaimportowano. Nowe usługi są szkicami: sprawdź je i opublikuj na stronie usług.',
  },
};
