/**
 * Every refusal Ordo can answer, as a stable code with typed parameters. The API sends codes (RFC 9457
 * problem details, `shared/api.ts` `Problem`); the words are per language: `refusal-words.en.ts`, typed
 * by this catalogue, and `refusal-words.<lang>.json`, held to the English, so a code without words in
 * a language fails the typecheck. Codes are one namespace: a code with an HTTP status may answer a whole request (and may
 * also be a field's); every code may be a field's. A code never changes its meaning: a new case is a
 * new code.
 */
import type * as z from 'zod/mini';

/** No parameters. */
// biome-ignore lint/complexity/noBannedTypes: an empty parameter list is exactly `{}`.
type None = {};

/** A parameter type, for the catalogue below (the value itself is never read). */
const p = <T>(): T => undefined as T;

/** Code → its parameters: the catalogue. */
export const REFUSALS = {
  // ---- a whole request ----
  /** Some fields are not valid: the fields say which and why. */
  invalid_request: p<None>(),
  not_json: p<None>(),
  bad_characters: p<None>(),
  bad_request: p<None>(),
  link_expired: p<None>(),
  link_invalid: p<None>(),
  survey_link_expired: p<None>(),
  survey_link_invalid: p<None>(),

  unauthorized: p<None>(),
  sign_in_required: p<None>(),
  sign_in_again: p<None>(),
  sign_in_invalid: p<None>(),
  /** An API token that is unknown, wrong, revoked or expired. */
  token_invalid: p<None>(),

  forbidden: p<None>(),
  admin_only: p<None>(),
  head_only: p<None>(),
  team_only: p<None>(),
  requester_only: p<None>(),
  requester_or_team_only: p<None>(),
  /** An API token on a route its scopes do not name (or one no token may call). */
  token_scope: p<None>(),
  /** A person on a route for API tokens only. */
  tokens_only: p<None>(),
  not_offered: p<{ service: string }>(),
  part_not_offered: p<{ service: string }>(),
  /** `roles`: who may (ActorRole ids). */
  action_not_yours: p<{ action: string; roles: string[] }>(),

  not_found: p<None>(),
  route_not_found: p<{ method: string; path: string }>(),
  nothing_here: p<{ department: string }>(),
  order_not_found: p<{ number: string }>(),
  department_not_found: p<{ code: string }>(),
  service_not_found: p<{ id: string }>(),
  person_not_found: p<{ id: string }>(),
  template_not_found: p<{ id: string }>(),
  file_not_found: p<None>(),
  input_not_found: p<{ id: string }>(),
  deliverable_not_found: p<{ id: string }>(),
  follow_up_not_found: p<{ number: string }>(),
  link_gone: p<None>(),
  question_closed: p<None>(),
  survey_link_earlier: p<None>(),
  service_not_owned: p<None>(),
  report_period_reversed: p<None>(),
  report_too_long: p<{ maxDays: number }>(),

  conflict: p<None>(),
  order_changed: p<{ number: string }>(),
  service_changed: p<{ id: string }>(),
  department_changed: p<{ code: string }>(),
  department_exists: p<{ code: string }>(),
  service_exists: p<{ id: string }>(),
  idempotency_key_reused: p<None>(),
  follow_up_closed: p<None>(),

  payload_too_large: p<{ maxKb: number }>(),
  unsupported_media_type: p<None>(),

  rule_violation: p<None>(),
  action_not_now: p<{ action: string; status: string }>(),
  rejection_reason_needed: p<{ reasons: string[] }>(),
  inputs_missing: p<{ items: string[] }>(),
  inputs_not_marked: p<None>(),
  deliverables_unticked: p<{ items: string[] }>(),
  reopen_window_passed: p<None>(),
  cancel_reason_needed: p<None>(),
  /** A reopen says what was missing or wrong (a field's: the comment). */
  reopen_reason_needed: p<None>(),
  inputs_closed: p<None>(),
  deliverables_closed: p<None>(),
  stages_closed: p<None>(),
  handoff_closed: p<None>(),
  no_survey: p<None>(),
  attachments_off: p<None>(),
  part_unavailable: p<{ serviceId: string }>(),
  /** The bundle's answers do not fill in a part's form; the fields say why. */
  part_invalid: p<{ service: string }>(),

  too_many_requests: p<{ seconds: number }>(),
  unexpected: p<None>(),
  unavailable: p<{ seconds: number }>(),

  // ---- a field ----
  required: p<None>(),
  /** Characters. */
  too_long: p<{ max: number }>(),
  too_short: p<{ min: number }>(),
  /** Items of a list. */
  too_many: p<{ max: number }>(),
  too_few: p<{ min: number }>(),
  /** Numbers. */
  too_big: p<{ max: number }>(),
  too_small: p<{ min: number }>(),
  must_exceed: p<{ min: number }>(),
  must_be_below: p<{ max: number }>(),
  not_integer: p<None>(),
  /** `expected`: a JSON type (string, number, boolean, array, object…). */
  wrong_type: p<{ expected: string }>(),
  not_option: p<None>(),
  unknown_keys: p<{ keys: string[] }>(),
  one_line: p<None>(),
  bad_format: p<None>(),
  not_email: p<None>(),
  not_number: p<None>(),
  /** A duration that does not read as numbers with units ("2 working days", "4 h", "30 min"). */
  duration_unreadable: p<None>(),
  /** A duration of no time at all. */
  duration_not_positive: p<None>(),
  /** A number the store cannot keep: closer to zero than 1e-130, or 1e125 and beyond. */
  number_out_of_range: p<None>(),
  not_date: p<None>(),
  not_time: p<None>(),
  not_month: p<None>(),
  not_boolean: p<None>(),
  invalid: p<None>(),
  slug_format: p<None>(),
  service_id_format: p<None>(),
  department_code_format: p<None>(),
  order_number_format: p<None>(),
  goal_id_format: p<None>(),
  file_name_format: p<None>(),
  file_type: p<None>(),
  /** Bytes. */
  file_too_big: p<{ max: number }>(),
  score_range: p<None>(),
  idempotency_key_format: p<None>(),
  use_json: p<None>(),
  json_object: p<None>(),
  control_characters: p<None>(),
  pattern_unsupported: p<None>(),
  pattern_too_large: p<None>(),
  pattern_invalid: p<None>(),
  id_used_twice: p<{ id: string }>(),
  options_needed: p<None>(),
  max_below_min: p<None>(),
  depends_on_later: p<None>(),
  /** A condition (conditional field, conditional approval) has both values and bounds, or neither. */
  condition_values_or_bounds: p<None>(),
  condition_needs_number: p<None>(),
  condition_field_unknown: p<None>(),
  date_rules_date_only: p<None>(),
  date_field_needed: p<None>(),
  title_field_unknown: p<{ id: string }>(),
  /** A title template may not name a field marked sensitive (the title goes into mail). */
  title_field_sensitive: p<{ id: string }>(),
  /** A date answer against another date field (`field`: its label; `days` 0: the same day allowed, 1: strictly). */
  date_after_field: p<{ field: string; days: number }>(),
  date_before_field: p<{ field: string; days: number }>(),
  /** Against today in the department's time zone. */
  date_in_past: p<None>(),
  date_too_far: p<{ days: number }>(),
  input_field_needed: p<None>(),
  nothing_to_translate: p<{ id: string }>(),
  first_response_after_resolution: p<None>(),
  stage_needed: p<None>(),
  approver_needed: p<None>(),
  period_reversed: p<None>(),
  period_too_long: p<{ maxDays: number }>(),
  share_at_most_one: p<None>(),
  time_too_long: p<None>(),
  shorter_than_window: p<None>(),
  nothing_to_change: p<None>(),
  unknown_file: p<None>(),
  upload_again: p<None>(),
  unknown_items: p<{ ids: string[] }>(),
  unknown_people: p<{ ids: string[] }>(),
  unknown_person: p<None>(),
  unknown_departments: p<{ codes: string[] }>(),
  unknown_service: p<None>(),
  unknown_input: p<None>(),
  unknown_deliverable: p<None>(),
  unknown_stage: p<None>(),
  unknown_template: p<None>(),
  not_agent: p<None>(),
  not_asked: p<{ ids: string[] }>(),
  own_department: p<None>(),
  service_lacks_input: p<{ service: string; input: string }>(),
  id_taken: p<{ id: string }>(),
  id_token_invalid: p<None>(),
  id_token_other_person: p<None>(),
  id_token_no_email: p<None>(),
  invalid_cursor: p<None>(),
  /** A department's inbound mail address (its local part). */
  inbound_address_format: p<None>(),
  inbound_address_reserved: p<None>(),
  // A business calendar (`day`: ISO weekday 1 = Monday … 7 = Sunday).
  unknown_time_zone: p<{ zone: string }>(),
  not_weekday: p<{ day: string }>(),
  hours_not_list: p<{ day: number }>(),
  start_not_time: p<{ day: number; value: string }>(),
  end_not_time: p<{ day: number; value: string }>(),
  interval_reversed: p<{ day: number; interval: string }>(),
  intervals_overlap: p<{ day: number; first: string; second: string }>(),
  holidays_not_list: p<None>(),
  holiday_not_date: p<{ value: string }>(),
  no_working_hours: p<None>(),
  // Importing holidays from an iCalendar file (the last five are warnings: the rest was imported).
  ical_not_text: p<None>(),
  ical_too_large: p<{ maxMb: number }>(),
  ical_not_calendar: p<None>(),
  ical_no_start: p<{ event: string }>(),
  ical_bad_start: p<{ event: string; value: string }>(),
  ical_bad_end: p<{ event: string; value: string }>(),
  ical_too_long: p<{ event: string; days: number; first: number }>(),
  ical_time_of_day: p<{ event: string; day: string }>(),
  ical_first_only: p<{ event: string }>(),
  // Importing a catalog (transfer.ts, transfer-csv.ts).
  /** The CSV file cannot be read from this line on (an unclosed quote, …). */
  csv_unreadable: p<{ line: number }>(),
  // A webhook's address (`reason`: not_https, private_address, unresolvable, bad_url).
  webhook_target: p<{ reason: string }>(),
};

export type RefusalParams = typeof REFUSALS;

export type RefusalCode = keyof RefusalParams;
export type ParamsOf<C extends RefusalCode> = RefusalParams[C];

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** The HTTP status of each code that may answer a whole request. */
export const PROBLEM_STATUS = {
  invalid_request: 400,
  not_json: 400,
  bad_characters: 400,
  bad_request: 400,
  link_expired: 400,
  link_invalid: 400,
  survey_link_expired: 400,
  survey_link_invalid: 400,
  unauthorized: 401,
  sign_in_required: 401,
  sign_in_again: 401,
  sign_in_invalid: 401,
  token_invalid: 401,
  forbidden: 403,
  admin_only: 403,
  head_only: 403,
  team_only: 403,
  requester_only: 403,
  requester_or_team_only: 403,
  token_scope: 403,
  tokens_only: 403,
  not_offered: 403,
  part_not_offered: 403,
  action_not_yours: 403,
  not_found: 404,
  route_not_found: 404,
  nothing_here: 404,
  order_not_found: 404,
  department_not_found: 404,
  service_not_found: 404,
  person_not_found: 404,
  template_not_found: 404,
  file_not_found: 404,
  input_not_found: 404,
  deliverable_not_found: 404,
  follow_up_not_found: 404,
  link_gone: 404,
  question_closed: 404,
  survey_link_earlier: 404,
  service_not_owned: 404,
  report_period_reversed: 404,
  report_too_long: 404,
  conflict: 409,
  order_changed: 409,
  service_changed: 409,
  department_changed: 409,
  department_exists: 409,
  service_exists: 409,
  idempotency_key_reused: 409,
  follow_up_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violation: 422,
  action_not_now: 422,
  rejection_reason_needed: 422,
  inputs_missing: 422,
  inputs_not_marked: 422,
  deliverables_unticked: 422,
  reopen_window_passed: 422,
  cancel_reason_needed: 422,
  inputs_closed: 422,
  deliverables_closed: 422,
  stages_closed: 422,
  handoff_closed: 422,
  no_survey: 422,
  attachments_off: 422,
  part_unavailable: 422,
  part_invalid: 422,
  too_many_requests: 429,
  unexpected: 500,
  unavailable: 503,
} as const satisfies Partial<Record<RefusalCode, ProblemStatus>>;

/** Codes that may answer a whole request. */
export type ProblemCode = keyof typeof PROBLEM_STATUS;
/** The codes answered with `status`. */
export type CodeWithStatus<S extends ProblemStatus> = {
  [C in ProblemCode]: (typeof PROBLEM_STATUS)[C] extends S ? C : never;
}[ProblemCode];

/** A code with its parameters; the parameters may be left out when a code has none. */
export type Refusal<C extends RefusalCode = RefusalCode> = C extends RefusalCode
  ? keyof ParamsOf<C> extends never
    ? { code: C; params?: ParamsOf<C> }
    : { code: C; params: ParamsOf<C> }
  : never;

/** Refusals by dotted field path ("answers.fullName", "form.2.options"; "_" for the whole body). */
export type FieldRefusals = Record<string, Refusal>;

/** Arguments after a code: its parameters (optional when it has none). */
export type ParamArgs<C extends RefusalCode, Rest extends unknown[] = []> = keyof ParamsOf<C> extends never
  ? [params?: ParamsOf<C>, ...Rest]
  : [params: ParamsOf<C>, ...Rest];

/** A refusal value: `refusal('too_long', { max: 10 })`, `refusal('required')`. */
export function refusal<C extends RefusalCode>(code: C, ...[params]: ParamArgs<C>): Refusal<C> {
  return (params === undefined ? { code } : { code, params }) as Refusal<C>;
}

const KNOWN: ReadonlySet<string> = new Set(Object.keys(REFUSALS));

/** Whether a code answered by the API is one this build knows (a newer API may send others). */
export function isRefusalCode(code: unknown, known: ReadonlySet<string> = KNOWN): code is RefusalCode {
  return typeof code === 'string' && known.has(code);
}

// ---- zod: schemas carry codes, issues become field refusals ----

/** A check's message as a code: `z.minLength(1, says('required'))`, `z.regex(re, says('bad_format'))`. */
export function says<C extends RefusalCode>(code: C): { error: C } {
  return { error: code };
}

/**
 * A schema's code for a value of the wrong type or format only: `z.number(saysType('not_number'))`.
 * (A schema's own message would also stand for its size checks, which keep their limits this way.)
 */
export function saysType<C extends RefusalCode>(code: C): { error: (issue: { code?: string }) => C | undefined } {
  return {
    error: (issue) =>
      issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format'
        ? code
        : undefined,
  };
}

/** A custom issue with a code and its parameters, for `superRefine`. */
export function customIssue<C extends RefusalCode>(
  path: PropertyKey[],
  code: C,
  ...[params]: ParamArgs<C>
): { code: 'custom'; path: PropertyKey[]; message: C; params?: Record<string, unknown> } {
  return { code: 'custom', path, message: code, ...(params ? { params: params as Record<string, unknown> } : {}) };
}

type Issue = z.core.$ZodIssue;

function lengthOrigin(origin: string): 'text' | 'list' | 'number' {
  if (origin === 'string' || origin === 'file') return 'text';
  if (origin === 'number' || origin === 'int' || origin === 'bigint' || origin === 'date') return 'number';
  return 'list';
}

/** A built-in issue (zod's own English message) as a code with the issue's limits as parameters. */
function builtIn(issue: Issue, input: unknown): Refusal {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      const kind = lengthOrigin(issue.origin);
      if (kind === 'text') return refusal('too_long', { max });
      if (kind === 'list') return refusal('too_many', { max });
      return issue.inclusive === false ? refusal('must_be_below', { max }) : refusal('too_big', { max });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const kind = lengthOrigin(issue.origin);
      if (kind === 'text') return min <= 1 ? refusal('required') : refusal('too_short', { min });
      if (kind === 'list') return refusal('too_few', { min });
      return issue.inclusive === false ? refusal('must_exceed', { min }) : refusal('too_small', { min });
    }
    case 'invalid_type':
      if (input === undefined) return refusal('required');
      if (issue.expected === 'int') return refusal('not_integer');
      return refusal('wrong_type', { expected: String(issue.expected) });
    case 'invalid_value':
      return refusal('not_option');
    case 'invalid_format':
      if (issue.format === 'email') return refusal('not_email');
      if (issue.format === 'date' || issue.format === 'datetime') return refusal('not_date');
      if (issue.format === 'time') return refusal('not_time');
      return refusal('bad_format');
    case 'unrecognized_keys':
      return refusal('unknown_keys', { keys: issue.keys });
    default:
      return refusal('invalid');
  }
}

/** An issue whose message is a code: the code, with the custom issue's parameters or the built-in issue's limits. */
function authored(issue: Issue, code: RefusalCode): Refusal {
  if (issue.code === 'custom') return { code, ...(issue.params ? { params: issue.params } : {}) } as Refusal;
  const limits: Record<string, unknown> = {};
  if (issue.code === 'too_big') limits.max = Number(issue.maximum);
  if (issue.code === 'too_small') limits.min = Number(issue.minimum);
  return (Object.keys(limits).length ? { code, params: limits } : { code }) as Refusal;
}

/** One issue as a refusal. */
export function issueRefusal(issue: Issue, input?: unknown): Refusal {
  return isRefusalCode(issue.message) ? authored(issue, issue.message) : builtIn(issue, input);
}

/** The value at a path of the parsed input, to tell a missing value from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A failed parse as field refusals: the first issue per dotted path ("_" for the whole value). The
 * one mapping from zod to codes, used by the API's validation and by the portal's own checks.
 */
export function zodRefusals(error: { issues: readonly Issue[] }, input?: unknown): FieldRefusals {
  const fields: FieldRefusals = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issueRefusal(issue, input === undefined ? undefined : valueAt(input, issue.path));
  }
  return fields;
}
