/**
 * Every refusal in English: the API's `detail` and the portal's words for English readers. Typed by
 * the catalogue (shared/refusals.ts), so a code without words, or words without a code, fails the
 * typecheck. Other languages are typed `RefusalWords` as well.
 */
import { STATUS_WORDS } from './lifecycle.ts';
import type { OrderStatus } from './model.ts';
import type { ParamsOf, RefusalCode } from './refusals.ts';

export type RefusalWords = { readonly [C in RefusalCode]: (p: ParamsOf<C>) => string };

const count = (n: number, one: string, other = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : other}`;
const list = (items: readonly string[]) => items.join(', ');
const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const weekday = (day: number) => WEEKDAYS[day - 1] ?? String(day);
const ROLES: Readonly<Record<string, string>> = {
  requester: 'the requester',
  watcher: 'a watcher',
  agent: 'an agent of the department',
  head: 'the department head',
  approver: 'an approver',
  system: 'Ordo itself',
};
const TYPES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};
const PAST: Readonly<Record<string, string>> = {
  approve: 'approved',
  reject: 'rejected',
  complete_inputs: 'marked as having its inputs',
  return_inputs: 'returned for rework',
  claim: 'claimed',
  assign: 'assigned',
  request_clarification: 'sent back for clarification',
  answer_clarification: 'answered',
  resolve: 'resolved',
  confirm: 'confirmed',
  auto_close: 'closed automatically',
  reopen: 'reopened',
  cancel: 'cancelled',
};
/** An iCalendar event by its title, or said to have none. */
const event = (title: string) => (title ? `'${title}'` : 'without a title');
const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export const englishRefusals: RefusalWords = {
  invalid_request: () => 'Some of what was sent is not valid.',
  not_json: () => 'The request body must be JSON.',
  bad_characters: () => 'The request contains characters Ordo does not accept.',
  bad_request: () => 'The request could not be processed.',
  link_expired: () => 'This link has expired. Open the order in Ordo to answer.',
  link_invalid: () => 'This link is not valid. Open the order in Ordo to answer.',
  survey_link_expired: () =>
    'This survey link has expired. Thank you all the same; you can still comment on the order in Ordo.',
  survey_link_invalid: () => 'This survey link is not valid. Open the order in Ordo to rate it.',

  unauthorized: () => 'Sign in to use Ordo.',
  sign_in_required: () => 'Sign in to use Ordo.',
  sign_in_again: () => 'Sign in again to use Ordo.',
  sign_in_invalid: () => 'Your sign-in is not valid or has expired. Sign in again.',
  token_invalid: () => 'This API token is unknown, revoked or expired.',

  forbidden: () => 'You may not do this.',
  admin_only: () => 'Only an administrator may do this.',
  head_only: () => 'Only the head of the department may do this.',
  team_only: () => 'Only the team may do this.',
  requester_only: () => 'Only the requester may do this.',
  requester_or_team_only: () => 'Only the requester or the team may do this.',
  token_scope: () => 'This API token may not call this: its scopes do not include it.',
  tokens_only: () => 'Only an API token of a service account may call this.',
  not_offered: (p) => `“${p.service}” is not offered to you.`,
  part_not_offered: (p) => `“${p.service}”, a part of this bundle, is not offered to you.`,
  action_not_yours: (p) => `Only ${orList(p.roles.map((r) => ROLES[r] ?? r))} may ${p.action.replaceAll('_', ' ')}.`,

  not_found: () => 'There is no such thing, or it is not yours to see.',
  route_not_found: (p) => `No route ${p.method} ${p.path}.`,
  nothing_here: (p) => `There is nothing for you at ${p.department}.`,
  order_not_found: (p) => `There is no order ${p.number} you can see.`,
  department_not_found: (p) => `There is no department ${p.code}.`,
  service_not_found: (p) => `There is no service ${p.id}.`,
  person_not_found: (p) => `There is no person ${p.id}.`,
  template_not_found: (p) => `There is no service template ${p.id}.`,
  file_not_found: () => 'The order has no such file.',
  input_not_found: (p) => `The order has no input ${p.id}.`,
  deliverable_not_found: (p) => `The order has no deliverable ${p.id}.`,
  follow_up_not_found: (p) => `There is no follow-up for ${p.number}.`,
  link_gone: () => 'This link is no longer valid.',
  question_closed: () => 'This question was already answered or withdrawn.',
  survey_link_earlier: () => 'This survey link is for an earlier resolution of the order.',
  service_not_owned: () => 'You do not own that service.',
  report_period_reversed: () => 'The period ends before it starts.',
  report_too_long: (p) => `A report covers at most ${count(p.maxDays, 'day')}.`,

  conflict: () => 'Someone else changed this at the same time. Reload and try again.',
  order_changed: (p) => `Order ${p.number} was changed by someone else. Reload and try again.`,
  service_changed: (p) => `Service ${p.id} was changed by someone else. Reload and try again.`,
  department_changed: (p) => `Department ${p.code} was changed by someone else. Reload and try again.`,
  department_exists: (p) => `There is already a department ${p.code}.`,
  service_exists: (p) => `There is already a service with the id ${p.id}. Choose another id.`,
  idempotency_key_reused: () => 'This Idempotency-Key was already used for a different order.',
  follow_up_closed: () => 'This follow-up is already closed.',

  payload_too_large: (p) => `The request is larger than ${p.maxKb} KB.`,
  unsupported_media_type: () => 'Send the request body as JSON (Content-Type: application/json).',

  rule_violation: () => 'This cannot be done now.',
  action_not_now: (p) =>
    `An order that is ${STATUS_WORDS[p.status as OrderStatus] ?? p.status} cannot be ${PAST[p.action] ?? p.action}.`,
  rejection_reason_needed: (p) => `A rejection needs one of the reasons: ${list(p.reasons)}.`,
  inputs_missing: (p) => `Still missing: ${list(p.items)}.`,
  inputs_not_marked: () => 'Mark which inputs are incomplete first.',
  deliverables_unticked: (p) => `Deliverables not yet ticked: ${list(p.items)}.`,
  reopen_window_passed: () => 'The reopen window has passed.',
  cancel_reason_needed: () => 'Say why the order is cancelled.',
  reopen_reason_needed: () => 'Say what is missing or wrong.',
  inputs_closed: () => 'This order no longer takes inputs.',
  deliverables_closed: () => 'Deliverables can be ticked only while the order is being worked.',
  stages_closed: () => 'Stages move only while the order is being worked.',
  handoff_closed: () => 'Only an order that is being worked can be handed off.',
  no_survey: () => 'There is no survey for this order.',
  attachments_off: () => 'Attachments are not configured.',
  part_unavailable: (p) => `Part of this bundle (${p.serviceId}) is not offered at the moment.`,
  part_invalid: (p) => `The bundle cannot fill in “${p.service}”.`,

  too_many_requests: (p) => `Too many changes in a short time. Try again in ${p.seconds} s.`,
  unexpected: () => 'Something went wrong on our side. Try again; if it persists, tell IT.',
  unavailable: () => 'Ordo cannot reach its storage right now. Try again in a moment.',

  required: () => 'Required.',
  too_long: (p) => `At most ${count(p.max, 'character')}.`,
  too_short: (p) => `At least ${count(p.min, 'character')}.`,
  too_many: (p) => `At most ${p.max}.`,
  too_few: (p) => `Choose at least ${p.min}.`,
  too_big: (p) => `At most ${p.max}.`,
  too_small: (p) => `At least ${p.min}.`,
  must_exceed: (p) => `Must be above ${p.min}.`,
  must_be_below: (p) => `Must be below ${p.max}.`,
  not_integer: () => 'Enter a whole number.',
  wrong_type: (p) => `Expected ${TYPES[p.expected] ?? p.expected}.`,
  not_option: () => 'Choose one of the options.',
  unknown_keys: (p) => `Not expected here: ${list(p.keys)}.`,
  one_line: () => 'Keep this on one line, without control characters.',
  bad_format: () => 'Not in the expected format.',
  not_email: () => 'Enter an email address like name@example.com.',
  not_number: () => 'Enter a number.',
  duration_unreadable: () => 'Type a number with its unit, e.g. 2 working days, 4 h or 30 min.',
  duration_not_positive: () => 'Type a duration longer than zero.',
  number_out_of_range: () => 'This number is too large or too close to zero. Enter an everyday number.',
  not_date: () => 'Enter a date as YYYY-MM-DD.',
  not_time: () => 'Use HH:MM.',
  not_month: () => 'Use YYYY-MM.',
  not_boolean: () => 'Tick or untick the box.',
  invalid: () => 'Invalid value.',
  slug_format: () => 'Use letters, digits, - or _ (up to 60), starting with a letter or digit.',
  service_id_format: () => 'Use lower-case letters, digits, - or _ (up to 60), starting with a letter or digit.',
  department_code_format: () => 'Use 2–10 capital letters or digits, starting with a letter.',
  order_number_format: () => 'Not an order number.',
  goal_id_format: () => 'Use lowercase letters, digits and dashes.',
  file_name_format: () => 'A file name, without folders.',
  file_type: () => 'This kind of file is not accepted (PDF, PNG, JPEG, text, CSV, ZIP).',
  file_too_big: (p) => `Files may be up to ${megabytes(p.max)}.`,
  score_range: () => 'Rate from 1 to 5.',
  idempotency_key_format: () => 'Use 8–100 letters, digits, - or _.',
  use_json: () => 'Use application/json.',
  json_object: () => 'Send a JSON object.',
  control_characters: () => 'Remove control characters and broken characters.',
  pattern_unsupported: () =>
    'This pattern uses look-ahead, look-behind or a back-reference, which Ordo does not support. Write it without them.',
  pattern_too_large: () =>
    'This pattern is too large to check quickly (a repeat of more than 1,000, or many long repeats). Make it shorter.',
  pattern_invalid: () => 'This pattern is not a valid regular expression.',
  id_used_twice: (p) => `The id ${p.id} is used twice.`,
  options_needed: () => 'A choice field needs at least one option.',
  max_below_min: () => 'The maximum is below the minimum.',
  depends_on_later: () => 'A field can only depend on a field above it.',
  condition_values_or_bounds: () => 'Give the values to match or a number to compare with, not both.',
  condition_needs_number: () => 'Only a number field can be above or below a value.',
  condition_field_unknown: () => 'Name a field of the form.',
  date_rules_date_only: () => 'Only a date field has date rules.',
  date_field_needed: () => 'Name another date field of the form.',
  title_field_unknown: (p) => `There is no field {${p.id}} in the form.`,
  title_field_sensitive: (p) =>
    `The field {${p.id}} is marked sensitive: its answer cannot be in the title, which goes into mail.`,
  date_after_field: (p) =>
    p.days === 0
      ? `Must be on or after ${p.field}.`
      : p.days === 1
        ? `Must be after ${p.field}.`
        : `Must be at least ${count(p.days, 'day')} after ${p.field}.`,
  date_before_field: (p) =>
    p.days === 0
      ? `Must be on or before ${p.field}.`
      : p.days === 1
        ? `Must be before ${p.field}.`
        : `Must be at least ${count(p.days, 'day')} before ${p.field}.`,
  date_in_past: () => 'Must not be in the past.',
  date_too_far: (p) => `Must be within ${count(p.days, 'day')} from today.`,
  input_field_needed: () => 'Name the form field that provides this input.',
  nothing_to_translate: (p) => `There is no ${p.id} to translate.`,
  first_response_after_resolution: () => 'The first response cannot be due after the resolution.',
  stage_needed: () => 'A service needs at least one stage.',
  approver_needed: () => 'Name at least one approver.',
  period_reversed: () => 'The period ends before it starts.',
  period_too_long: (p) => `A goal covers at most ${count(p.maxDays, 'day')}.`,
  share_at_most_one: () => 'A share is at most 1 (100 %).',
  time_too_long: () => 'Too long a time.',
  shorter_than_window: () => 'Must be shorter than the window.',
  nothing_to_change: () => 'Say what to change.',
  unknown_file: () => 'Unknown file.',
  upload_again: () => 'This file was not uploaded, or it waited too long to be attached. Upload it again.',
  unknown_items: (p) => `Unknown: ${list(p.ids)}.`,
  unknown_people: (p) => `No such person: ${list(p.ids)}.`,
  unknown_person: () => 'There is no such person.',
  unknown_departments: (p) => `No department ${list(p.codes)}.`,
  unknown_service: () => 'There is no such service.',
  unknown_input: () => 'No such input.',
  unknown_deliverable: () => 'No such deliverable.',
  unknown_stage: () => 'This service has no such stage.',
  unknown_template: () => 'There is no such template.',
  not_agent: () => 'Not an agent of this department.',
  not_asked: (p) => `Not asked: ${list(p.ids)}.`,
  own_department: () => 'This service is your own department’s.',
  service_lacks_input: (p) => `${p.service} has no input ${p.input}.`,
  id_taken: (p) => `A service with the id ${p.id} already exists.`,
  id_token_invalid: () => 'Not a valid ID token for Ordo.',
  id_token_other_person: () => 'The ID token names another person.',
  id_token_no_email: () => 'The ID token has no email address.',
  invalid_cursor: () => 'Invalid cursor.',
  inbound_address_format: () => 'Letters, digits, dots, hyphens or underscores, up to 63.',
  inbound_address_reserved: () => 'Addresses starting with "order" answer orders.',

  unknown_time_zone: (p) => `Time zone '${p.zone}' is not a known IANA time zone (e.g. Europe/Warsaw).`,
  not_weekday: (p) => `'${p.day}' is not a weekday (use 1 = Monday … 7 = Sunday).`,
  hours_not_list: (p) => `${weekday(p.day)}: working hours must be a list of intervals.`,
  start_not_time: (p) => `${weekday(p.day)}: start '${p.value}' is not a time (use HH:MM, 00:00–23:59).`,
  end_not_time: (p) => `${weekday(p.day)}: end '${p.value}' is not a time (use HH:MM, 00:00–24:00).`,
  interval_reversed: (p) =>
    `${weekday(p.day)}: ${p.interval} ends before it starts (split a shift that crosses midnight into two days).`,
  intervals_overlap: (p) => `${weekday(p.day)}: ${p.first} overlaps ${p.second}.`,
  holidays_not_list: () => 'Holidays must be a list of dates.',
  holiday_not_date: (p) => `Holiday '${p.value}' is not a date (use YYYY-MM-DD).`,
  no_working_hours: () => 'The calendar has no working hours.',

  ical_not_text: () => 'The file is not text.',
  ical_too_large: (p) => `The file is larger than ${p.maxMb} MB.`,
  ical_not_calendar: () => 'This is not an iCalendar file (no BEGIN:VCALENDAR).',
  ical_no_start: (p) => `Event ${event(p.event)} has no start date and was skipped.`,
  ical_bad_start: (p) => `Event ${event(p.event)} has an unreadable start '${p.value}' and was skipped.`,
  ical_bad_end: (p) => `Event ${event(p.event)} has an unreadable end '${p.value}'; its start was used.`,
  ical_too_long: (p) => `Event ${event(p.event)} lasts ${p.days} days; only its first ${p.first} were imported.`,
  ical_time_of_day: (p) => `Event ${event(p.event)} has a time of day; all of ${p.day} was imported as a holiday.`,
  ical_first_only: (p) => `Repeating event ${event(p.event)} was imported for its first date only.`,
  csv_unreadable: (p) => `The file cannot be read as CSV from line ${p.line} on (is a quote left open?).`,
  webhook_target: (p) =>
    ({
      not_https: 'Use an https:// address.',
      private_address: 'This address is in a private, loopback or link-local network; use a public one.',
      unresolvable: 'This address’s host name cannot be found.',
    })[p.reason] ?? 'This is not an address a webhook can be sent to.',
};
