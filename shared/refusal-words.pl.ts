/**
 * Every refusal in Polish, typed by the catalogue like the English words (a missing or extra code
 * fails the typecheck). Counted nouns take Polish plural forms.
 */
import type { RefusalWords } from './refusal-words.en.ts';

const rules = new Intl.PluralRules('pl');
/** "1 znak", "2 znaki", "5 znaków". */
const count = (n: number, one: string, few: string, many: string) => {
  const rule = rules.select(n);
  return `${n.toLocaleString('pl-PL')} ${rule === 'one' ? one : rule === 'few' ? few : many}`;
};
const chars = (n: number) => count(n, 'znak', 'znaki', 'znaków');
const days = (n: number) => count(n, 'dzień', 'dni', 'dni');
const list = (items: readonly string[]) => items.join(', ');
/** Weekdays in the locative: "w poniedziałek". */
const WEEKDAYS = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'];
const weekday = (day: number) => {
  const name = WEEKDAYS[day - 1] ?? String(day);
  return name.charAt(0).toUpperCase() + name.slice(1);
};
const TYPES: Readonly<Record<string, string>> = {
  string: 'tekst',
  number: 'liczbę',
  boolean: 'wartość tak lub nie',
  array: 'listę',
  object: 'obiekt',
};
/** An iCalendar event by its title, or said to have none. */
const event = (title: string) => (title ? `„${title}”` : 'bez tytułu');
const megabytes = (bytes: number) => `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('pl-PL')} MB`;

export const polishRefusals: RefusalWords = {
  invalid_request: () => 'Część informacji jest nieprawidłowa.',
  not_json: () => 'Treść żądania musi być w formacie JSON.',
  bad_characters: () => 'Żądanie zawiera znaki, których Ordo nie przyjmuje.',
  bad_request: () => 'Nie udało się przetworzyć żądania.',
  link_expired: () => 'Ten link wygasł. Otwórz zamówienie w Ordo, aby odpowiedzieć.',
  link_invalid: () => 'Ten link jest nieprawidłowy. Otwórz zamówienie w Ordo, aby odpowiedzieć.',
  survey_link_expired: () =>
    'Ten link do ankiety wygasł. Mimo to dziękujemy; nadal możesz skomentować zamówienie w Ordo.',
  survey_link_invalid: () => 'Ten link do ankiety jest nieprawidłowy. Otwórz zamówienie w Ordo, aby je ocenić.',

  unauthorized: () => 'Zaloguj się, aby korzystać z Ordo.',
  sign_in_required: () => 'Zaloguj się, aby korzystać z Ordo.',
  sign_in_again: () => 'Zaloguj się ponownie, aby korzystać z Ordo.',
  sign_in_invalid: () => 'Twoje logowanie jest nieważne lub wygasło. Zaloguj się ponownie.',
  token_invalid: () => 'Ten token API jest nieznany, unieważniony lub wygasł.',

  forbidden: () => 'Nie masz do tego uprawnień.',
  admin_only: () => 'Może to zrobić tylko administrator.',
  head_only: () => 'Może to zrobić tylko kierownik działu.',
  team_only: () => 'Może to zrobić tylko zespół.',
  requester_only: () => 'Może to zrobić tylko zamawiający.',
  requester_or_team_only: () => 'Może to zrobić tylko zamawiający lub zespół.',
  token_scope: () => 'Ten token API nie może tego wywołać: jego uprawnienia tego nie obejmują.',
  tokens_only: () => 'Może to wywołać tylko token API konta usługi.',
  not_offered: (p) => `Usługa „${p.service}” nie jest dla Ciebie dostępna.`,
  part_not_offered: (p) => `Usługa „${p.service}”, część tego pakietu, nie jest dla Ciebie dostępna.`,
  action_not_yours: () => 'Nie masz uprawnień do tego działania.',

  not_found: () => 'Nie udało się tego znaleźć. Mogło zostać usunięte albo link jest błędny.',
  route_not_found: (p) => `Nie ma trasy ${p.method} ${p.path}.`,
  nothing_here: () => 'Nie masz tu dostępu.',
  order_not_found: (p) => `Nie ma zamówienia ${p.number}, które możesz zobaczyć.`,
  department_not_found: (p) => `Nie ma działu ${p.code}.`,
  service_not_found: (p) => `Nie ma usługi ${p.id}.`,
  person_not_found: (p) => `Nie ma osoby ${p.id}.`,
  template_not_found: (p) => `Nie ma szablonu usługi ${p.id}.`,
  file_not_found: () => 'Zamówienie nie ma takiego pliku.',
  input_not_found: (p) => `Zamówienie nie ma materiału ${p.id}.`,
  deliverable_not_found: (p) => `Zamówienie nie ma rezultatu ${p.id}.`,
  follow_up_not_found: (p) => `Nie ma sprawy dotyczącej ${p.number}.`,
  link_gone: () => 'Ten link jest już nieważny.',
  question_closed: () => 'Na to pytanie już odpowiedziano albo zostało wycofane.',
  survey_link_earlier: () => 'Ten link do ankiety dotyczy wcześniejszej realizacji zamówienia.',
  service_not_owned: () => 'Nie jesteś właścicielem tej usługi.',
  report_period_reversed: () => 'Okres kończy się przed swoim początkiem.',
  report_too_long: (p) => `Raport obejmuje najwyżej ${days(p.maxDays)}.`,

  conflict: () => 'Ktoś inny zmienił to w tym samym czasie. Wczytaj ponownie i spróbuj jeszcze raz.',
  order_changed: (p) =>
    `Zamówienie ${p.number} zostało zmienione przez kogoś innego. Wczytaj ponownie i spróbuj jeszcze raz.`,
  service_changed: (p) =>
    `Usługa ${p.id} została zmieniona przez kogoś innego. Wczytaj ponownie i spróbuj jeszcze raz.`,
  department_changed: (p) =>
    `Dział ${p.code} został zmieniony przez kogoś innego. Wczytaj ponownie i spróbuj jeszcze raz.`,
  department_exists: (p) => `Dział ${p.code} już istnieje.`,
  service_exists: (p) => `Usługa o identyfikatorze ${p.id} już istnieje. Wybierz inny identyfikator.`,
  idempotency_key_reused: () => 'Ten klucz Idempotency-Key został już użyty dla innego zamówienia.',
  follow_up_closed: () => 'Ta sprawa jest już zamknięta.',

  payload_too_large: (p) => `Żądanie jest większe niż ${p.maxKb} KB.`,
  unsupported_media_type: () => 'Wyślij treść żądania jako JSON (Content-Type: application/json).',

  rule_violation: () => 'Tego nie można teraz zrobić.',
  action_not_now: () => 'W obecnym stanie zamówienia nie można tego zrobić.',
  rejection_reason_needed: () => 'Odrzucenie wymaga podania jednego z powodów.',
  inputs_missing: (p) => `Nadal brakuje: ${list(p.items)}.`,
  inputs_not_marked: () => 'Najpierw zaznacz, które materiały są niekompletne.',
  deliverables_unticked: (p) => `Nieodhaczone rezultaty: ${list(p.items)}.`,
  reopen_window_passed: () => 'Minął czas na ponowne otwarcie zamówienia.',
  cancel_reason_needed: () => 'Napisz, dlaczego anulujesz zamówienie.',
  reopen_reason_needed: () => 'Napisz, czego brakuje lub co jest nie tak.',
  inputs_closed: () => 'To zamówienie nie przyjmuje już materiałów.',
  deliverables_closed: () => 'Rezultaty można odhaczać tylko podczas realizacji zamówienia.',
  stages_closed: () => 'Etapy zmieniają się tylko podczas realizacji zamówienia.',
  handoff_closed: () => 'Przekazać dalej można tylko zamówienie w trakcie realizacji.',
  no_survey: () => 'Dla tego zamówienia nie ma ankiety.',
  attachments_off: () => 'Załączniki nie są skonfigurowane.',
  part_unavailable: (p) => `Część tego pakietu (${p.serviceId}) nie jest teraz dostępna.`,
  part_invalid: (p) => `Pakiet nie może wypełnić formularza usługi „${p.service}”.`,

  too_many_requests: (p) => `Zbyt wiele zmian w krótkim czasie. Spróbuj ponownie za ${p.seconds} s.`,
  unexpected: () =>
    'Coś poszło nie tak po naszej stronie. Spróbuj ponownie; jeśli problem się powtarza, zgłoś go do IT.',
  unavailable: () => 'Ordo nie może teraz połączyć się ze swoją bazą danych. Spróbuj ponownie za chwilę.',

  required: () => 'To pole jest wymagane.',
  too_long: (p) => `Najwyżej ${chars(p.max)}.`,
  too_short: (p) => `Co najmniej ${chars(p.min)}.`,
  too_many: (p) => `Najwyżej ${p.max}.`,
  too_few: (p) => `Wybierz co najmniej ${p.min}.`,
  too_big: (p) => `Najwyżej ${p.max.toLocaleString('pl-PL')}.`,
  too_small: (p) => `Co najmniej ${p.min.toLocaleString('pl-PL')}.`,
  must_exceed: (p) => `Musi być większe od ${p.min.toLocaleString('pl-PL')}.`,
  must_be_below: (p) => `Musi być mniejsze od ${p.max.toLocaleString('pl-PL')}.`,
  not_integer: () => 'Podaj liczbę całkowitą.',
  wrong_type: (p) => `Oczekiwano: ${TYPES[p.expected] ?? p.expected} (${p.expected}).`,
  not_option: () => 'Wybierz jedną z opcji.',
  unknown_keys: (p) => `Tu nie oczekiwano: ${list(p.keys)}.`,
  one_line: () => 'Wpisz to w jednym wierszu, bez znaków sterujących.',
  bad_format: () => 'Nieprawidłowy format.',
  not_email: () => 'Podaj adres e-mail, np. imie@example.com.',
  not_number: () => 'Podaj liczbę.',
  duration_unreadable: () => 'Wpisz liczbę z jednostką, np. 2 dni robocze, 4 godz. lub 30 min.',
  duration_not_positive: () => 'Wpisz czas dłuższy niż zero.',
  number_out_of_range: () => 'Ta liczba jest za duża lub za bliska zeru. Podaj zwykłą liczbę.',
  not_date: () => 'Podaj datę w formacie RRRR-MM-DD.',
  not_time: () => 'Użyj formatu GG:MM.',
  not_month: () => 'Użyj formatu RRRR-MM.',
  not_boolean: () => 'Zaznacz pole albo usuń zaznaczenie.',
  invalid: () => 'Nieprawidłowa wartość.',
  slug_format: () => 'Użyj liter, cyfr, - lub _ (najwyżej 60 znaków), zaczynając od litery lub cyfry.',
  service_id_format: () => 'Użyj małych liter, cyfr, - lub _ (najwyżej 60 znaków), zaczynając od litery lub cyfry.',
  department_code_format: () => 'Użyj od 2 do 10 wielkich liter lub cyfr, zaczynając od litery.',
  order_number_format: () => 'To nie jest numer zamówienia.',
  goal_id_format: () => 'Użyj małych liter, cyfr i myślników.',
  file_name_format: () => 'Podaj samą nazwę pliku, bez folderów.',
  file_type: () => 'Ten rodzaj pliku nie jest akceptowany (PDF, PNG, JPEG, plik tekstowy, CSV, ZIP).',
  file_too_big: (p) => `Pliki mogą mieć najwyżej ${megabytes(p.max)}.`,
  score_range: () => 'Wystaw ocenę od 1 do 5.',
  idempotency_key_format: () => 'Użyj od 8 do 100 liter, cyfr, - lub _.',
  use_json: () => 'Użyj application/json.',
  json_object: () => 'Wyślij obiekt JSON.',
  control_characters: () => 'Usuń znaki sterujące i uszkodzone znaki.',
  pattern_unsupported: () =>
    'Ten wzorzec używa asercji wyprzedzającej, wstecznej albo odwołania do grupy, których Ordo nie obsługuje. Zapisz go bez nich.',
  pattern_too_large: () =>
    'Ten wzorzec jest zbyt duży, by szybko go sprawdzić (powtórzenie ponad 1000 razy lub wiele długich powtórzeń). Skróć go.',
  pattern_invalid: () => 'Ten wzorzec nie jest poprawnym wyrażeniem regularnym.',
  id_used_twice: (p) => `Identyfikator ${p.id} występuje dwa razy.`,
  options_needed: () => 'Pole wyboru musi mieć co najmniej jedną opcję.',
  max_below_min: () => 'Maksimum jest mniejsze niż minimum.',
  depends_on_later: () => 'Pole może zależeć tylko od pola powyżej.',
  condition_values_or_bounds: () => 'Podaj wartości do porównania albo liczbę, z którą porównać, nie jedno i drugie.',
  condition_needs_number: () => 'Tylko pole liczbowe może być powyżej lub poniżej wartości.',
  condition_field_unknown: () => 'Wskaż pole formularza.',
  date_rules_date_only: () => 'Reguły dat ma tylko pole daty.',
  date_field_needed: () => 'Wskaż inne pole daty w formularzu.',
  title_field_unknown: (p) => `Formularz nie ma pola {${p.id}}.`,
  title_field_sensitive: (p) =>
    `Pole {${p.id}} jest oznaczone jako wrażliwe: jego odpowiedź nie może być w tytule, który trafia do poczty.`,
  date_after_field: (p) =>
    p.days === 0
      ? `Data musi być taka sama jak w polu „${p.field}” lub późniejsza.`
      : p.days === 1
        ? `Data musi być późniejsza niż w polu „${p.field}”.`
        : `Data musi być co najmniej ${days(p.days)} po dacie z pola „${p.field}”.`,
  date_before_field: (p) =>
    p.days === 0
      ? `Data musi być taka sama jak w polu „${p.field}” lub wcześniejsza.`
      : p.days === 1
        ? `Data musi być wcześniejsza niż w polu „${p.field}”.`
        : `Data musi być co najmniej ${days(p.days)} przed datą z pola „${p.field}”.`,
  date_in_past: () => 'Data nie może być w przeszłości.',
  date_too_far: (p) => `Data musi przypadać w ciągu ${count(p.days, 'dnia', 'dni', 'dni')} od dziś.`,
  input_field_needed: () => 'Wskaż pole formularza, które dostarcza ten materiał.',
  nothing_to_translate: (p) => `Nie ma elementu ${p.id} do przetłumaczenia.`,
  first_response_after_resolution: () => 'Termin pierwszej odpowiedzi nie może przypadać po terminie realizacji.',
  stage_needed: () => 'Usługa musi mieć co najmniej jeden etap.',
  approver_needed: () => 'Wskaż co najmniej jedną osobę akceptującą.',
  period_reversed: () => 'Okres kończy się przed swoim początkiem.',
  period_too_long: (p) => `Cel obejmuje najwyżej ${days(p.maxDays)}.`,
  share_at_most_one: () => 'Udział wynosi najwyżej 1 (100 %).',
  time_too_long: () => 'Zbyt długi czas.',
  shorter_than_window: () => 'Musi być krótszy niż całe okno.',
  nothing_to_change: () => 'Wskaż, co zmienić.',
  unknown_file: () => 'Nieznany plik.',
  upload_again: () => 'Ten plik nie został przesłany albo zbyt długo czekał na dołączenie. Prześlij go ponownie.',
  unknown_items: (p) => `Nieznane: ${list(p.ids)}.`,
  unknown_people: (p) => `Nie ma takich osób: ${list(p.ids)}.`,
  unknown_person: () => 'Nie ma takiej osoby.',
  unknown_departments: (p) => `Nie ma działu ${list(p.codes)}.`,
  unknown_service: () => 'Nie ma takiej usługi.',
  unknown_input: () => 'Nie ma takiego materiału.',
  unknown_deliverable: () => 'Nie ma takiego rezultatu.',
  unknown_stage: () => 'Ta usługa nie ma takiego etapu.',
  unknown_template: () => 'Nie ma takiego szablonu.',
  not_agent: () => 'To nie jest konsultant tego działu.',
  not_asked: (p) => `Nie było o to pytania: ${list(p.ids)}.`,
  own_department: () => 'To usługa Twojego własnego działu.',
  service_lacks_input: (p) => `Usługa ${p.service} nie ma materiału ${p.input}.`,
  id_taken: (p) => `Usługa o identyfikatorze ${p.id} już istnieje.`,
  id_token_invalid: () => 'To nie jest prawidłowy token tożsamości dla Ordo.',
  id_token_other_person: () => 'Token tożsamości wskazuje inną osobę.',
  id_token_no_email: () => 'Token tożsamości nie zawiera adresu e-mail.',
  invalid_cursor: () => 'Nieprawidłowy wskaźnik strony.',
  inbound_address_format: () => 'Litery, cyfry, kropki, myślniki lub podkreślenia, najwyżej 63 znaki.',
  inbound_address_reserved: () => 'Adresy zaczynające się od „order” odpowiadają na zamówienia.',

  unknown_time_zone: (p) => `Strefa czasowa „${p.zone}” nie jest znaną strefą IANA (np. Europe/Warsaw).`,
  not_weekday: (p) => `„${p.day}” nie jest dniem tygodnia (użyj 1 = poniedziałek … 7 = niedziela).`,
  hours_not_list: (p) => `${weekday(p.day)}: godziny pracy muszą być listą przedziałów.`,
  start_not_time: (p) => `${weekday(p.day)}: początek „${p.value}” nie jest godziną (użyj GG:MM, 00:00–23:59).`,
  end_not_time: (p) => `${weekday(p.day)}: koniec „${p.value}” nie jest godziną (użyj GG:MM, 00:00–24:00).`,
  interval_reversed: (p) =>
    `${weekday(p.day)}: przedział ${p.interval} kończy się przed początkiem (zmianę przez północ podziel na dwa dni).`,
  intervals_overlap: (p) => `${weekday(p.day)}: przedział ${p.first} nachodzi na ${p.second}.`,
  holidays_not_list: () => 'Dni wolne muszą być listą dat.',
  holiday_not_date: (p) => `Dzień wolny „${p.value}” nie jest datą (użyj RRRR-MM-DD).`,
  no_working_hours: () => 'Kalendarz nie ma godzin pracy.',

  ical_not_text: () => 'Ten plik nie jest plikiem tekstowym.',
  ical_too_large: (p) => `Plik jest większy niż ${p.maxMb} MB.`,
  ical_not_calendar: () => 'To nie jest plik iCalendar (brak BEGIN:VCALENDAR).',
  ical_no_start: (p) => `Wydarzenie ${event(p.event)} nie ma daty początku i zostało pominięte.`,
  ical_bad_start: (p) => `Wydarzenie ${event(p.event)} ma nieczytelny początek „${p.value}” i zostało pominięte.`,
  ical_bad_end: (p) => `Wydarzenie ${event(p.event)} ma nieczytelny koniec „${p.value}”; użyto daty początku.`,
  ical_too_long: (p) => `Wydarzenie ${event(p.event)} trwa ${days(p.days)}; zaimportowano tylko pierwsze ${p.first}.`,
  ical_time_of_day: (p) => `Wydarzenie ${event(p.event)} ma godzinę; cały dzień ${p.day} zaimportowano jako wolny.`,
  ical_first_only: (p) => `Wydarzenie cykliczne ${event(p.event)} zaimportowano tylko dla pierwszej daty.`,
  csv_unreadable: (p) => `Pliku nie da się odczytać jako CSV od wiersza ${p.line} (czy cudzysłów nie został otwarty?).`,
  webhook_target: (p) =>
    ({
      not_https: 'Użyj adresu https://.',
      private_address: 'Ten adres jest w sieci prywatnej, pętli zwrotnej lub lokalnej łącza; użyj publicznego.',
      unresolvable: 'Nie można znaleźć nazwy hosta tego adresu.',
    })[p.reason] ?? 'Na ten adres nie można wysyłać webhooków.',
};
