/**
 * Messages written in English outside the portal — the API's errors and the shared checks the portal
 * also runs (shared/forms.ts, shared/service-schema.ts, shared/ical.ts, shared/lifecycle.ts) — in
 * Polish. Exact texts first, then the ones that carry a name or a number. Unknown ones return
 * undefined, so the caller can fall back to a general Polish message rather than show English.
 */
import { form } from './pl-grammar.ts';

const EXACT: Readonly<Record<string, string>> = {
  // shared/forms.ts: answers to an order form
  'Too long.': 'Tekst jest za długi.',
  'Keep this on one line.': 'Wpisz to w jednym wierszu.',
  'Not in the expected format.': 'Nieprawidłowy format.',
  'Enter an email address like name@example.com.': 'Podaj adres e-mail, np. imie@example.com.',
  'Enter a number.': 'Podaj liczbę.',
  'Enter a date as YYYY-MM-DD.': 'Podaj datę w formacie RRRR-MM-DD.',
  'Choose one of the options.': 'Wybierz jedną z opcji.',
  'Choose from the options.': 'Wybierz spośród dostępnych opcji.',
  'Tick or untick the box.': 'Zaznacz pole albo usuń zaznaczenie.',
  'Invalid value.': 'Nieprawidłowa wartość.',
  // shared/api.ts and shared/service-schema.ts: request bodies, services and departments
  'Required.': 'To pole jest wymagane.',
  'Too many values.': 'Zbyt wiele wartości.',
  'Too many answers.': 'Zbyt wiele odpowiedzi.',
  'Too many.': 'Zbyt wiele pozycji.',
  'Not a department code.': 'To nie jest kod działu.',
  'Not an order number.': 'To nie jest numer zamówienia.',
  'Write your answer.': 'Napisz odpowiedź.',
  'Write something.': 'Napisz coś.',
  'Say what was done.': 'Napisz, co zostało zrobione.',
  'A file name, without folders.': 'Podaj samą nazwę pliku, bez folderów.',
  'This kind of file is not accepted (PDF, PNG, JPEG, text, CSV, ZIP).':
    'Ten rodzaj pliku nie jest akceptowany (PDF, PNG, JPEG, plik tekstowy, CSV, ZIP).',
  'Files may be up to 10 MB.': 'Pliki mogą mieć najwyżej 10 MB.',
  'Rate from 1 to 5.': 'Wystaw ocenę od 1 do 5.',
  'Use YYYY-MM-DD.': 'Użyj formatu RRRR-MM-DD.',
  'Use HH:MM.': 'Użyj formatu GG:MM.',
  'Enter an email address.': 'Podaj adres e-mail.',
  'Use letters, digits, - or _ (up to 60), starting with a letter or digit.':
    'Użyj liter, cyfr, - lub _ (najwyżej 60 znaków), zaczynając od litery lub cyfry.',
  'Use lower-case letters, digits, - or _ (up to 60), starting with a letter or digit.':
    'Użyj małych liter, cyfr, - lub _ (najwyżej 60 znaków), zaczynając od litery lub cyfry.',
  'Use 2–10 capital letters or digits, starting with a letter.':
    'Użyj od 2 do 10 wielkich liter lub cyfr, zaczynając od litery.',
  'A service needs at least one stage.': 'Usługa musi mieć co najmniej jeden etap.',
  'Name at least one approver.': 'Wskaż co najmniej jedną osobę akceptującą.',
  'A choice field needs at least one option.': 'Pole wyboru musi mieć co najmniej jedną opcję.',
  'The maximum is below the minimum.': 'Maksimum jest mniejsze niż minimum.',
  'This pattern uses look-ahead, look-behind or a back-reference, which Ordo does not support. Write it without them.':
    'Ten wzorzec używa asercji wyprzedzającej, wstecznej albo odwołania do grupy, których Ordo nie obsługuje. Zapisz go bez nich.',
  'Keep this on one line, without control characters.': 'Wpisz to w jednym wierszu, bez znaków sterujących.',
  'This pattern is too large to check quickly (a repeat of more than 1,000, or many long repeats). Make it shorter.':
    'Ten wzorzec jest zbyt duży, by szybko go sprawdzić (powtórzenie ponad 1000 razy lub wiele długich powtórzeń). Skróć go.',
  'This pattern is not a valid regular expression.': 'Ten wzorzec nie jest poprawnym wyrażeniem regularnym.',
  'A field can only depend on a field above it.': 'Pole może zależeć tylko od pola powyżej.',
  'Give the values to match or a number to compare with, not both.':
    'Podaj wartości do porównania albo liczbę, z którą porównać, nie jedno i drugie.',
  'Only a number field can be above or below a value.': 'Tylko pole liczbowe może być powyżej lub poniżej wartości.',
  'Name a field of the form.': 'Wskaż pole formularza.',
  'Only a date field has date rules.': 'Reguły dat ma tylko pole daty.',
  'Name another date field of the form.': 'Wskaż inne pole daty w formularzu.',
  'Must not be in the past.': 'Data nie może być w przeszłości.',
  'Name the form field that provides this input.': 'Wskaż pole formularza, które dostarcza ten materiał.',
  'The first response cannot be due after the resolution.':
    'Termin pierwszej odpowiedzi nie może przypadać po terminie realizacji.',
  'The period ends before it starts.': 'Okres kończy się przed swoim początkiem.',
  'Must be shorter than the window.': 'Musi być krótszy niż całe okno.',
  'Give a number.': 'Podaj liczbę.',
  'Must be above 0.': 'Musi być większe od 0.',
  'Say what to change.': 'Wskaż, co zmienić.',
  // shared/ical.ts: importing holidays
  'The file is not text.': 'Ten plik nie jest plikiem tekstowym.',
  'The file is larger than 1 MB.': 'Plik jest większy niż 1 MB.',
  'This is not an iCalendar file (no BEGIN:VCALENDAR).': 'To nie jest plik iCalendar (brak BEGIN:VCALENDAR).',
  // shared/lifecycle.ts: refused steps
  'Mark which inputs are incomplete first.': 'Najpierw zaznacz, które materiały są niekompletne.',
  'The reopen window has passed.': 'Minął czas na ponowne otwarcie zamówienia.',
  'Say why the order is cancelled.': 'Napisz, dlaczego anulujesz zamówienie.',
  'Say what is missing or wrong.': 'Napisz, czego brakuje lub co jest nie tak.',
  // The API
  'Sign in to use Ordo.': 'Zaloguj się, aby korzystać z Ordo.',
  'Your account is not known to Ordo. Ask an administrator.':
    'Ordo nie zna Twojego konta. Zwróć się do administratora.',
  'Your sign-in is not valid or has expired. Sign in again.':
    'Twoje logowanie jest nieważne lub wygasło. Zaloguj się ponownie.',
  'Ordo cannot reach its storage right now. Try again in a moment.':
    'Ordo nie może teraz połączyć się ze swoją bazą danych. Spróbuj ponownie za chwilę.',
  'Something went wrong on our side. Try again; if it persists, tell IT.':
    'Coś poszło nie tak po naszej stronie. Spróbuj ponownie; jeśli problem się powtarza, zgłoś go do IT.',
  'The request could not be processed.': 'Nie udało się przetworzyć żądania.',
  'The request body must be JSON.': 'Treść żądania musi być w formacie JSON.',
  'Send a JSON object.': 'Wyślij obiekt JSON.',
  'The request contains characters Ordo does not accept.': 'Żądanie zawiera znaki, których Ordo nie przyjmuje.',
  'The page cursor is not valid for this list.': 'Wskaźnik strony nie pasuje do tej listy.',
  'Invalid cursor.': 'Nieprawidłowy wskaźnik strony.',
  'The Idempotency-Key header is not valid.': 'Nagłówek Idempotency-Key jest nieprawidłowy.',
  'This Idempotency-Key was already used for a different order.':
    'Ten klucz Idempotency-Key został już użyty dla innego zamówienia.',
  'Unknown department.': 'Nieznany dział.',
  'Unknown departments.': 'Nieznane działy.',
  'There is no such department.': 'Nie ma takiego działu.',
  'That id is taken.': 'Ten identyfikator jest już zajęty.',
  'Name the process owner before publishing.': 'Przed publikacją wskaż właściciela procesu.',
  'The process owner is unknown.': 'Nieznany właściciel procesu.',
  'There is no such person.': 'Nie ma takiej osoby.',
  'The colleague you order for is unknown.': 'Nie znamy współpracownika, dla którego zamawiasz.',
  'Unknown person.': 'Nieznana osoba.',
  'Unknown people.': 'Nieznane osoby.',
  'Choose a published service.': 'Wybierz opublikowaną usługę.',
  'There is no such service.': 'Nie ma takiej usługi.',
  'Hand off to another department.': 'Przekaż zamówienie do innego działu.',
  'Unknown deliverable.': 'Nieznany rezultat.',
  'No such deliverable.': 'Nie ma takiego rezultatu.',
  'Unknown input.': 'Nieznany materiał.',
  'No such input.': 'Nie ma takiego materiału.',
  'Unknown items.': 'Nieznane pozycje.',
  'Unknown stage.': 'Nieznany etap.',
  'This service has no such stage.': 'Ta usługa nie ma takiego etapu.',
  'Choose the inputs that are incomplete.': 'Wybierz materiały, które są niekompletne.',
  'Choose at least one input.': 'Wybierz co najmniej jeden materiał.',
  'Write the question.': 'Napisz pytanie.',
  'Say what you need to know.': 'Napisz, czego potrzebujesz się dowiedzieć.',
  'Assign the order to an agent of the department.': 'Przypisz zamówienie konsultantowi tego działu.',
  'Attach a file you uploaded.': 'Dołącz przesłany przez siebie plik.',
  'Unknown file.': 'Nieznany plik.',
  'Answer only what was asked.': 'Odpowiedz tylko na zadane pytania.',
  'Some answers need your attention.': 'Niektóre odpowiedzi wymagają poprawy.',
  'The service needs a few fixes.': 'Usługa wymaga kilku poprawek.',
  'The department needs a few fixes.': 'Dział wymaga kilku poprawek.',
  'This follow-up is already closed.': 'Ta sprawa jest już zamknięta.',
  'Only an administrator creates departments.': 'Działy tworzy tylko administrator.',
  'Only an administrator may do this.': 'Może to zrobić tylko administrator.',
  'Only the head of the department changes it.': 'Dział może zmieniać tylko jego kierownik.',
  'Only the head of the department edits its services.': 'Usługi działu edytuje tylko jego kierownik.',
  'Only the head of the department may do this.': 'Może to zrobić tylko kierownik działu.',
  'Only the requester or the team changes watchers.': 'Obserwujących zmienia tylko zamawiający lub zespół.',
  'Only the requester or the team hands over inputs.': 'Materiały przekazuje tylko zamawiający lub zespół.',
  'Only the requester rates the order.': 'Zamówienie ocenia tylko zamawiający.',
  'Only the team changes this.': 'Może to zmienić tylko zespół.',
  'Only the team hands an order off.': 'Zamówienie przekazuje dalej tylko zespół.',
  'Only the team ticks deliverables.': 'Rezultaty odhacza tylko zespół.',
  'Only the team writes internal notes.': 'Notatki wewnętrzne pisze tylko zespół.',
  'The order has no such file.': 'Zamówienie nie ma takiego pliku.',
  'This link is no longer valid.': 'Ten link jest już nieważny.',
  'This question was already answered or withdrawn.': 'Na to pytanie już odpowiedziano albo zostało wycofane.',
  'This survey link is for an earlier resolution of the order.':
    'Ten link do ankiety dotyczy wcześniejszej realizacji zamówienia.',
  'You do not own that service.': 'Nie jesteś właścicielem tej usługi.',
  'Attachments are not configured.': 'Załączniki nie są skonfigurowane.',
  'Deliverables can be ticked only while the order is being worked.':
    'Rezultaty można odhaczać tylko podczas realizacji zamówienia.',
  'Only an order that is being worked can be handed off.':
    'Przekazać dalej można tylko zamówienie w trakcie realizacji.',
  'Stages move only while the order is being worked.': 'Etapy zmieniają się tylko podczas realizacji zamówienia.',
  'There is no survey for this order.': 'Dla tego zamówienia nie ma ankiety.',
  'This order no longer takes inputs.': 'To zamówienie nie przyjmuje już materiałów.',
  'This link has expired. Open the order in Ordo to answer.':
    'Ten link wygasł. Otwórz zamówienie w Ordo, aby odpowiedzieć.',
  'This link is not valid. Open the order in Ordo to answer.':
    'Ten link jest nieprawidłowy. Otwórz zamówienie w Ordo, aby odpowiedzieć.',
  'This survey link has expired. Thank you all the same; you can still comment on the order in Ordo.':
    'Ten link do ankiety wygasł. Mimo to dziękujemy; nadal możesz skomentować zamówienie w Ordo.',
  'This survey link is not valid. Open the order in Ordo to rate it.':
    'Ten link do ankiety jest nieprawidłowy. Otwórz zamówienie w Ordo, aby je ocenić.',
};

const chars = (n: number) => `${n} ${form(n, 'znak', 'znaki', 'znaków')}`;

/** Messages with a name or number in them; the first whose pattern matches says it. */
const PATTERNS: ReadonlyArray<[RegExp, (...parts: string[]) => string]> = [
  [/^(.+) is required\.$/s, (label) => `Pole „${label}” jest wymagane.`],
  [/^At least (\d+) characters\.$/, (n) => `Co najmniej ${chars(Number(n))}.`],
  [/^At most (\d+) characters\.$/, (n) => `Najwyżej ${chars(Number(n))}.`],
  [/^At most (\d+) working intervals a day\.$/, (n) => `Najwyżej ${n} przedziałów pracy dziennie.`],
  [/^At most (\d+) holidays\.$/, (n) => `Najwyżej ${n} dni wolnych.`],
  [/^At most (\d+) fields\.$/, (n) => `Najwyżej ${n} pól.`],
  [/^At most (\d+) parts\.$/, (n) => `Najwyżej ${n} części.`],
  [/^At most (\d+) departments\.$/, (n) => `Najwyżej ${n} działów.`],
  [/^At least (-?[\d.]+)\.$/, (n) => `Co najmniej ${n}.`],
  [/^At most (-?[\d.]+)\.$/, (n) => `Najwyżej ${n}.`],
  [/^Another field already uses the id (.+)\.$/s, (id) => `Identyfikator ${id} ma już inne pole.`],
  [/^Must be on or after (.+)\.$/s, (f) => `Data musi być taka sama jak w polu „${f}” lub późniejsza.`],
  [/^Must be on or before (.+)\.$/s, (f) => `Data musi być taka sama jak w polu „${f}” lub wcześniejsza.`],
  [
    /^Must be at least (\d+) days after (.+)\.$/s,
    (n, f) => `Data musi być co najmniej ${n} dni po dacie z pola „${f}”.`,
  ],
  [
    /^Must be at least (\d+) days before (.+)\.$/s,
    (n, f) => `Data musi być co najmniej ${n} dni przed datą z pola „${f}”.`,
  ],
  [/^Must be after (.+)\.$/s, (f) => `Data musi być późniejsza niż w polu „${f}”.`],
  [/^Must be before (.+)\.$/s, (f) => `Data musi być wcześniejsza niż w polu „${f}”.`],
  [
    /^Must be within (\d+) days? from today\.$/,
    (n) => `Data musi przypadać w ciągu ${n} ${form(Number(n), 'dnia', 'dni', 'dni')} od dziś.`,
  ],
  [/^There is no field \{(.*)\} in the form\.$/s, (id) => `Formularz nie ma pola {${id}}.`],
  [/^The id (.+) is used twice\.$/s, (id) => `Identyfikator ${id} występuje dwa razy.`],
  [/^Still missing: (.+)\.$/s, (list) => `Nadal brakuje: ${list}.`],
  [/^Deliverables not yet ticked: (.+)\.$/s, (list) => `Nieodhaczone rezultaty: ${list}.`],
  [/^A rejection needs one of the reasons: .+\.$/s, () => 'Odrzucenie wymaga podania jednego z powodów.'],
  [/^An order that is .+ cannot be .+\.$/s, () => 'W obecnym stanie zamówienia nie można tego zrobić.'],
  [/^Only .+ may .+\.$/s, () => 'Nie masz uprawnień do tego działania.'],
  [
    /^Event (.+) has no start date and was skipped\.$/s,
    (e) => `Wydarzenie ${e} nie ma daty początku i zostało pominięte.`,
  ],
  [
    /^Event (.+) has an unreadable start '(.*)' and was skipped\.$/s,
    (e, v) => `Wydarzenie ${e} ma nieczytelny początek „${v}” i zostało pominięte.`,
  ],
  [
    /^Event (.+) has an unreadable end '(.*)'; its start was used\.$/s,
    (e, v) => `Wydarzenie ${e} ma nieczytelny koniec „${v}”; użyto daty początku.`,
  ],
  [
    /^Event (.+) lasts (\d+) days; only its first (\d+) were imported\.$/s,
    (e, days, first) => `Wydarzenie ${e} trwa ${days} dni; zaimportowano tylko pierwsze ${first}.`,
  ],
  [
    /^Event (.+) has a time of day; all of (.+) was imported as a holiday\.$/s,
    (e, day) => `Wydarzenie ${e} ma godzinę; cały dzień ${day} zaimportowano jako wolny.`,
  ],
  [
    /^Repeating event (.+) was imported for its first date only\.$/s,
    (e) => `Wydarzenie cykliczne ${e} zaimportowano tylko dla pierwszej daty.`,
  ],
  [
    /^Too many changes in a short time\. Try again in (\d+) s\.$/,
    (s) => `Zbyt wiele zmian w krótkim czasie. Spróbuj ponownie za ${s} s.`,
  ],
  [/^The (.+) is not valid\.$/s, () => 'Część informacji jest nieprawidłowa.'],
  [
    /^(?:Order|Service|Department) (.+) (?:has changed since you loaded it|was changed by someone else)\b.*$/s,
    (what) => `${what}: ktoś inny zmienił to w międzyczasie. Wczytaj ponownie i spróbuj jeszcze raz.`,
  ],
  [/^There is already a department (.+)\.$/s, (code) => `Dział ${code} już istnieje.`],
  [/^“(.+)” is not offered to you\.$/s, (name) => `Usługa „${name}” nie jest dla Ciebie dostępna.`],
  [
    /^Only the head of (.+) adds services to its catalog\.$/s,
    (code) => `Usługi do katalogu ${code} dodaje tylko kierownik działu.`,
  ],
  [/^A report covers at most (\d+) days\.$/, (n) => `Raport obejmuje najwyżej ${n} dni.`],
  [/^The order has no deliverable (.+)\.$/s, (id) => `Zamówienie nie ma rezultatu ${id}.`],
  [/^The order has no input (.+)\.$/s, (id) => `Zamówienie nie ma materiału ${id}.`],
  [/^There is no order (.+) you can see\.$/s, (n) => `Nie ma zamówienia ${n}, które możesz zobaczyć.`],
  [/^There is no (?:department|service|person|user) (.+)\.$/s, (id) => `Nie znaleziono: ${id}.`],
  [
    /^There is no (?:backlog|catalog|queue|report|team) (?:of )?(.+?)(?: to manage)? for you\.$/s,
    () => 'Nie masz tu dostępu.',
  ],
  [/^There is nothing for you at (.+)\.$/s, () => 'Nie masz tu dostępu.'],
  [/^There is no follow-up for (.+)\.$/s, (n) => `Nie ma sprawy dotyczącej ${n}.`],
  [
    /^Part of this bundle \((.+)\) is not offered at the moment\.$/s,
    (id) => `Część tego pakietu (${id}) nie jest teraz dostępna.`,
  ],
  [/^The bundle cannot fill in “(.+)”: .*$/s, (name) => `Pakiet nie może wypełnić formularza usługi „${name}”.`],
  [/^A service with the id (.+) already exists\.$/s, (id) => `Usługa o identyfikatorze ${id} już istnieje.`],
  [/^No such person: (.+)\.$/s, (list) => `Nie ma takich osób: ${list}.`],
  [/^Unknown: (.+)\.$/s, (list) => `Nieznane: ${list}.`],
  [/^Not asked: (.+)\.$/s, (list) => `Nie było o to pytania: ${list}.`],
  [/^No department (.+)\.$/s, (list) => `Nie ma działu ${list}.`],
];

export function polishMessage(english: string): string | undefined {
  if (Object.hasOwn(EXACT, english)) return EXACT[english];
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(english);
    if (match) return say(...match.slice(1).map((part) => part ?? ''));
  }
  return undefined;
}
