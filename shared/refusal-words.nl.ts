/**
 * Every refusal in Dutch, typed by the catalogue like the English words (a missing or extra code
 * fails the typecheck).
 */
import type { RefusalWords } from './refusal-words.en.ts';

const rules = new Intl.PluralRules('nl');
/** "1 teken", "5 tekens". */
const count = (n: number, one: string, other: string) =>
  `${n.toLocaleString('nl-NL')} ${rules.select(n) === 'one' ? one : other}`;
const chars = (n: number) => count(n, 'teken', 'tekens');
const days = (n: number) => count(n, 'dag', 'dagen');
const list = (items: readonly string[]) => items.join(', ');
const WEEKDAYS = ['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag', 'Zondag'];
const weekday = (day: number) => WEEKDAYS[day - 1] ?? String(day);
const TYPES: Readonly<Record<string, string>> = {
  string: 'tekst',
  number: 'een getal',
  boolean: 'waar of onwaar',
  array: 'een lijst',
  object: 'een object',
};
/** An iCalendar event by its title, or said to have none. */
const event = (title: string) => (title ? `‘${title}’` : 'zonder titel');
const megabytes = (bytes: number) => `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('nl-NL')} MB`;

export const dutchRefusals: RefusalWords = {
  invalid_request: () => 'Een deel van wat is verstuurd, is niet geldig.',
  not_json: () => 'De inhoud van het verzoek moet JSON zijn.',
  bad_characters: () => 'Het verzoek bevat tekens die Ordo niet accepteert.',
  bad_request: () => 'Het verzoek kon niet worden verwerkt.',
  link_expired: () => 'Deze link is verlopen. Open de aanvraag in Ordo om te antwoorden.',
  link_invalid: () => 'Deze link is niet geldig. Open de aanvraag in Ordo om te antwoorden.',
  survey_link_expired: () =>
    'Deze enquêtelink is verlopen. Toch bedankt; reageren op de aanvraag kan nog steeds in Ordo.',
  survey_link_invalid: () => 'Deze enquêtelink is niet geldig. Open de aanvraag in Ordo om die te beoordelen.',

  unauthorized: () => 'Meld u aan om Ordo te gebruiken.',
  sign_in_required: () => 'Meld u aan om Ordo te gebruiken.',
  sign_in_again: () => 'Meld u opnieuw aan om Ordo te gebruiken.',
  sign_in_invalid: () => 'De aanmelding is niet geldig of verlopen. Meld u opnieuw aan.',
  token_invalid: () => 'Dit API-token is onbekend, ingetrokken of verlopen.',

  forbidden: () => 'Dit is niet toegestaan.',
  admin_only: () => 'Alleen een beheerder mag dit doen.',
  head_only: () => 'Alleen het hoofd van de afdeling mag dit doen.',
  team_only: () => 'Alleen het team mag dit doen.',
  requester_only: () => 'Alleen de aanvrager mag dit doen.',
  requester_or_team_only: () => 'Alleen de aanvrager of het team mag dit doen.',
  token_scope: () => 'Dit API-token mag dit niet aanroepen: de rechten omvatten het niet.',
  tokens_only: () => 'Alleen een API-token van een serviceaccount mag dit aanroepen.',
  not_offered: (p) => `‘${p.service}’ wordt niet aan u aangeboden.`,
  part_not_offered: (p) => `‘${p.service}’, een onderdeel van deze bundel, wordt niet aan u aangeboden.`,
  action_not_yours: () => 'Voor deze actie ontbreken de rechten.',

  not_found: () => 'Dit bestaat niet, of is niet voor u zichtbaar.',
  route_not_found: (p) => `Geen route ${p.method} ${p.path}.`,
  nothing_here: (p) => `Bij ${p.department} is niets voor u.`,
  order_not_found: (p) => `Er is geen zichtbare aanvraag ${p.number}.`,
  department_not_found: (p) => `Er is geen afdeling ${p.code}.`,
  service_not_found: (p) => `Er is geen dienst ${p.id}.`,
  person_not_found: (p) => `Er is geen persoon ${p.id}.`,
  template_not_found: (p) => `Er is geen dienstsjabloon ${p.id}.`,
  file_not_found: () => 'De aanvraag heeft zo’n bestand niet.',
  input_not_found: (p) => `De aanvraag heeft geen aan te leveren item ${p.id}.`,
  deliverable_not_found: (p) => `De aanvraag heeft geen op te leveren item ${p.id}.`,
  follow_up_not_found: (p) => `Er is geen opvolging voor ${p.number}.`,
  link_gone: () => 'Deze link is niet meer geldig.',
  question_closed: () => 'Deze vraag is al beantwoord of ingetrokken.',
  survey_link_earlier: () => 'Deze enquêtelink hoort bij een eerdere afhandeling van de aanvraag.',
  service_not_owned: () => 'U bent geen eigenaar van die dienst.',
  report_period_reversed: () => 'De periode eindigt voordat ze begint.',
  report_too_long: (p) => `Een rapport beslaat maximaal ${days(p.maxDays)}.`,

  conflict: () => 'Iemand anders heeft dit tegelijkertijd gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  order_changed: (p) =>
    `Aanvraag ${p.number} is door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.`,
  service_changed: (p) =>
    `Dienst ${p.id} is door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.`,
  department_changed: (p) =>
    `Afdeling ${p.code} is door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.`,
  department_exists: (p) => `Er is al een afdeling ${p.code}.`,
  service_exists: (p) => `Er is al een dienst met de id ${p.id}. Kies een andere id.`,
  idempotency_key_reused: () => 'Deze Idempotency-Key is al gebruikt voor een andere aanvraag.',
  follow_up_closed: () => 'Deze opvolging is al gesloten.',

  payload_too_large: (p) => `Het verzoek is groter dan ${p.maxKb} KB.`,
  unsupported_media_type: () => 'Verstuur de inhoud van het verzoek als JSON (Content-Type: application/json).',

  rule_violation: () => 'Dit kan nu niet.',
  action_not_now: () => 'In de huidige status van de aanvraag kan dit niet.',
  rejection_reason_needed: (p) => `Een afwijzing vraagt een van deze redenen: ${list(p.reasons)}.`,
  inputs_missing: (p) => `Ontbreekt nog: ${list(p.items)}.`,
  inputs_not_marked: () => 'Geef eerst aan welke aangeleverde items onvolledig zijn.',
  deliverables_unticked: (p) => `Nog niet aangevinkt: ${list(p.items)}.`,
  reopen_window_passed: () => 'De termijn om te heropenen is verstreken.',
  cancel_reason_needed: () => 'Geef aan waarom de aanvraag wordt geannuleerd.',
  reopen_reason_needed: () => 'Geef aan wat er ontbreekt of niet klopt.',
  inputs_closed: () => 'Voor deze aanvraag kan niets meer worden aangeleverd.',
  deliverables_closed: () => 'Opleveritems kunnen alleen worden aangevinkt zolang de aanvraag in behandeling is.',
  stages_closed: () => 'Fasen veranderen alleen zolang de aanvraag in behandeling is.',
  handoff_closed: () => 'Alleen een aanvraag in behandeling kan worden overgedragen.',
  no_survey: () => 'Voor deze aanvraag is er geen enquête.',
  attachments_off: () => 'Bijlagen zijn niet ingesteld.',
  part_unavailable: (p) => `Een onderdeel van deze bundel (${p.serviceId}) wordt op dit moment niet aangeboden.`,
  part_invalid: (p) => `De bundel kan ‘${p.service}’ niet invullen.`,

  too_many_requests: (p) => `Te veel wijzigingen in korte tijd. Probeer het over ${p.seconds} s opnieuw.`,
  unexpected: () => 'Er ging bij ons iets mis. Probeer het opnieuw; blijft het gebeuren, meld het dan bij IT.',
  unavailable: () => 'Ordo kan de opslag nu niet bereiken. Probeer het zo opnieuw.',

  required: () => 'Verplicht.',
  too_long: (p) => `Maximaal ${chars(p.max)}.`,
  too_short: (p) => `Minimaal ${chars(p.min)}.`,
  too_many: (p) => `Maximaal ${p.max}.`,
  too_few: (p) => `Kies er minstens ${p.min}.`,
  too_big: (p) => `Maximaal ${p.max}.`,
  too_small: (p) => `Minimaal ${p.min}.`,
  must_exceed: (p) => `Moet hoger zijn dan ${p.min}.`,
  must_be_below: (p) => `Moet lager zijn dan ${p.max}.`,
  not_integer: () => 'Vul een geheel getal in.',
  wrong_type: (p) => `Verwacht: ${TYPES[p.expected] ?? p.expected}.`,
  not_option: () => 'Kies een van de opties.',
  unknown_keys: (p) => `Hier niet verwacht: ${list(p.keys)}.`,
  one_line: () => 'Houd dit op één regel, zonder stuurtekens.',
  bad_format: () => 'Niet in de verwachte vorm.',
  not_email: () => 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
  not_number: () => 'Vul een getal in.',
  duration_unreadable: () => 'Typ een getal met een eenheid, bijvoorbeeld 2 werkdagen, 4 uur of 30 min.',
  duration_not_positive: () => 'Typ een duur langer dan nul.',
  number_out_of_range: () => 'Dit getal is te groot of te dicht bij nul. Vul een gewoon getal in.',
  not_date: () => 'Vul een datum in als JJJJ-MM-DD.',
  not_time: () => 'Gebruik UU:MM.',
  not_month: () => 'Gebruik JJJJ-MM.',
  not_boolean: () => 'Vink het vakje aan of uit.',
  invalid: () => 'Ongeldige waarde.',
  slug_format: () => 'Gebruik letters, cijfers, - of _ (maximaal 60), beginnend met een letter of cijfer.',
  service_id_format: () => 'Gebruik kleine letters, cijfers, - of _ (maximaal 60), beginnend met een letter of cijfer.',
  department_code_format: () => 'Gebruik 2–10 hoofdletters of cijfers, beginnend met een letter.',
  order_number_format: () => 'Geen aanvraagnummer.',
  goal_id_format: () => 'Gebruik kleine letters, cijfers en streepjes.',
  file_name_format: () => 'Een bestandsnaam, zonder mappen.',
  file_type: () => 'Dit soort bestand wordt niet geaccepteerd (PDF, PNG, JPEG, tekst, CSV, ZIP).',
  file_too_big: (p) => `Bestanden mogen maximaal ${megabytes(p.max)} zijn.`,
  score_range: () => 'Beoordeel van 1 tot 5.',
  idempotency_key_format: () => 'Gebruik 8–100 letters, cijfers, - of _.',
  use_json: () => 'Gebruik application/json.',
  json_object: () => 'Verstuur een JSON-object.',
  control_characters: () => 'Verwijder stuurtekens en beschadigde tekens.',
  pattern_unsupported: () =>
    'Dit patroon gebruikt look-ahead, look-behind of een terugverwijzing, wat Ordo niet ondersteunt. Schrijf het zonder.',
  pattern_too_large: () =>
    'Dit patroon is te groot om snel te controleren (een herhaling van meer dan 1.000, of veel lange herhalingen). Maak het korter.',
  pattern_invalid: () => 'Dit patroon is geen geldige reguliere expressie.',
  id_used_twice: (p) => `De id ${p.id} wordt twee keer gebruikt.`,
  options_needed: () => 'Een keuzeveld heeft minstens één optie nodig.',
  max_below_min: () => 'Het maximum ligt onder het minimum.',
  depends_on_later: () => 'Een veld kan alleen afhangen van een veld erboven.',
  condition_values_or_bounds: () => 'Geef de waarden om op te vergelijken of een getal, niet allebei.',
  condition_needs_number: () => 'Alleen een getalveld kan hoger of lager zijn dan een waarde.',
  condition_field_unknown: () => 'Noem een veld van het formulier.',
  date_rules_date_only: () => 'Alleen een datumveld heeft datumregels.',
  date_field_needed: () => 'Noem een ander datumveld van het formulier.',
  title_field_sensitive: (p) =>
    `Het veld {${p.id}} is als gevoelig gemarkeerd: het antwoord mag niet in de titel staan, want die gaat mee in e-mails.`,
  title_field_unknown: (p) => `Er is geen veld {${p.id}} in het formulier.`,
  date_after_field: (p) =>
    p.days === 0
      ? `Moet op of na ${p.field} liggen.`
      : p.days === 1
        ? `Moet na ${p.field} liggen.`
        : `Moet minstens ${days(p.days)} na ${p.field} liggen.`,
  date_before_field: (p) =>
    p.days === 0
      ? `Moet op of vóór ${p.field} liggen.`
      : p.days === 1
        ? `Moet vóór ${p.field} liggen.`
        : `Moet minstens ${days(p.days)} vóór ${p.field} liggen.`,
  date_in_past: () => 'Mag niet in het verleden liggen.',
  date_too_far: (p) => `Moet binnen ${days(p.days)} vanaf vandaag liggen.`,
  input_field_needed: () => 'Noem het formulierveld dat dit item levert.',
  nothing_to_translate: (p) => `Er is geen ${p.id} om te vertalen.`,
  first_response_after_resolution: () => 'De eerste reactie kan niet later vallen dan de afhandeling.',
  stage_needed: () => 'Een dienst heeft minstens één fase nodig.',
  approver_needed: () => 'Noem minstens één goedkeurder.',
  period_reversed: () => 'De periode eindigt voordat ze begint.',
  period_too_long: (p) => `Een doel beslaat maximaal ${days(p.maxDays)}.`,
  share_at_most_one: () => 'Een aandeel is maximaal 1 (100 %).',
  time_too_long: () => 'Te lange tijd.',
  shorter_than_window: () => 'Moet korter zijn dan het venster.',
  nothing_to_change: () => 'Geef aan wat er moet veranderen.',
  unknown_file: () => 'Onbekend bestand.',
  upload_again: () => 'Dit bestand is niet geüpload, of wachtte te lang om te worden bijgevoegd. Upload het opnieuw.',
  unknown_items: (p) => `Onbekend: ${list(p.ids)}.`,
  unknown_people: (p) => `Deze persoon bestaat niet: ${list(p.ids)}.`,
  unknown_person: () => 'Deze persoon bestaat niet.',
  unknown_departments: (p) => `Geen afdeling ${list(p.codes)}.`,
  unknown_service: () => 'Deze dienst bestaat niet.',
  unknown_input: () => 'Dit aan te leveren item bestaat niet.',
  unknown_deliverable: () => 'Dit op te leveren item bestaat niet.',
  unknown_stage: () => 'Deze dienst heeft zo’n fase niet.',
  unknown_template: () => 'Dit sjabloon bestaat niet.',
  not_agent: () => 'Geen behandelaar van deze afdeling.',
  not_asked: (p) => `Niet gevraagd: ${list(p.ids)}.`,
  own_department: () => 'Deze dienst hoort bij de eigen afdeling.',
  service_lacks_input: (p) => `${p.service} heeft geen aan te leveren item ${p.input}.`,
  id_taken: (p) => `Er bestaat al een dienst met de id ${p.id}.`,
  id_token_invalid: () => 'Geen geldig ID-token voor Ordo.',
  id_token_other_person: () => 'Het ID-token noemt een andere persoon.',
  id_token_no_email: () => 'Het ID-token bevat geen e-mailadres.',
  invalid_cursor: () => 'Ongeldige cursor.',
  inbound_address_format: () => 'Letters, cijfers, punten, koppeltekens of liggende streepjes, maximaal 63.',
  inbound_address_reserved: () => 'Adressen die met "order" beginnen, beantwoorden aanvragen.',

  unknown_time_zone: (p) => `Tijdzone ‘${p.zone}’ is geen bekende IANA-tijdzone (bijv. Europe/Amsterdam).`,
  not_weekday: (p) => `‘${p.day}’ is geen weekdag (gebruik 1 = maandag … 7 = zondag).`,
  hours_not_list: (p) => `${weekday(p.day)}: werktijden moeten een lijst van intervallen zijn.`,
  start_not_time: (p) => `${weekday(p.day)}: begin ‘${p.value}’ is geen tijd (gebruik UU:MM, 00:00–23:59).`,
  end_not_time: (p) => `${weekday(p.day)}: einde ‘${p.value}’ is geen tijd (gebruik UU:MM, 00:00–24:00).`,
  interval_reversed: (p) =>
    `${weekday(p.day)}: ${p.interval} eindigt voordat het begint (splits een dienst over middernacht in twee dagen).`,
  intervals_overlap: (p) => `${weekday(p.day)}: ${p.first} overlapt met ${p.second}.`,
  holidays_not_list: () => 'Feestdagen moeten een lijst van datums zijn.',
  holiday_not_date: (p) => `Feestdag ‘${p.value}’ is geen datum (gebruik JJJJ-MM-DD).`,
  no_working_hours: () => 'De kalender heeft geen werktijden.',

  ical_not_text: () => 'Het bestand is geen tekst.',
  ical_too_large: (p) => `Het bestand is groter dan ${p.maxMb} MB.`,
  ical_not_calendar: () => 'Dit is geen iCalendar-bestand (geen BEGIN:VCALENDAR).',
  ical_no_start: (p) => `Gebeurtenis ${event(p.event)} heeft geen begindatum en is overgeslagen.`,
  ical_bad_start: (p) => `Gebeurtenis ${event(p.event)} heeft een onleesbaar begin ‘${p.value}’ en is overgeslagen.`,
  ical_bad_end: (p) => `Gebeurtenis ${event(p.event)} heeft een onleesbaar einde ‘${p.value}’; het begin is gebruikt.`,
  ical_too_long: (p) =>
    `Gebeurtenis ${event(p.event)} duurt ${days(p.days)}; alleen de eerste ${p.first} zijn geïmporteerd.`,
  ical_time_of_day: (p) =>
    `Gebeurtenis ${event(p.event)} heeft een tijdstip; heel ${p.day} is als feestdag geïmporteerd.`,
  ical_first_only: (p) => `Terugkerende gebeurtenis ${event(p.event)} is alleen voor de eerste datum geïmporteerd.`,
  csv_unreadable: (p) =>
    `Het bestand is vanaf regel ${p.line} niet als CSV te lezen (staat er een aanhalingsteken open?).`,
  webhook_target: (p) =>
    ({
      not_https: 'Gebruik een https://-adres.',
      private_address: 'Dit adres ligt in een privé-, loopback- of link-local-netwerk; gebruik een openbaar adres.',
      unresolvable: 'De hostnaam van dit adres is niet te vinden.',
    })[p.reason] ?? 'Naar dit adres kan geen webhook worden verstuurd.',
};
