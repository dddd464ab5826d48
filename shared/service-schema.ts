/**
 * What a head may write for a service and a department (SPEC §2, §3), with the cross-field checks a
 * form alone cannot express. Used by the API for 400 messages and by the portal's catalog editor.
 */
import * as z from 'zod/mini';
import { FIELD_KINDS, FIELD_PRIVACY, INPUT_KINDS, LANGUAGES, RETENTION_UNITS } from './model.ts';
import { storableNumber } from './numbers.ts';
import { patternProblem } from './pattern-engine.ts';
import { retentionProblem } from './privacy.ts';
import { type FieldRefusals, type Refusal, refusal, says } from './refusals.ts';
import { isOneLine } from './text.ts';

/** Text that may span lines (descriptions, the canvas). */
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
/** Names, labels, summaries and ids: one line, as they go into lists, mail subjects and logs. */
const line = (max: number) => text(max).check(z.refine(isOneLine, says('one_line')));
const required = (max: number) => line(max).check(z.minLength(1, says('required')));
const slug = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/, says('slug_format')));
/** Service ids appear in URLs: lower case only. */
const serviceSlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, says('service_id_format')));
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, says('not_time')));

export const calendarSchema = z.strictObject({
  timeZone: required(64),
  hours: z.partialRecord(
    z.enum(['1', '2', '3', '4', '5', '6', '7']),
    z.array(z.strictObject({ start: hhmm, end: hhmm })).check(z.maxLength(6)),
  ),
  holidays: z.array(z.iso.date(says('not_date'))).check(z.maxLength(500)),
  always: z.optional(z.boolean()),
});

export const canvasSchema = z.strictObject({
  value: text(2000),
  customerSegments: text(2000),
  howToOrder: text(2000),
  channels: text(2000),
  keyProcesses: text(2000),
  qualityChecks: text(2000),
  standardsAndMetrics: text(2000),
  resources: text(2000),
  partners: text(2000),
});

export const departmentBody = z.strictObject({
  name: required(100),
  contactEmail: z.email(says('not_email')),
  headId: required(100),
  calendar: calendarSchema,
  canvas: canvasSchema,
});
export const createDepartmentBody = z.extend(departmentBody, {
  code: z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,9}$/, says('department_code_format'))),
});
export const updateDepartmentBody = z.extend(departmentBody, { version: z.number().check(z.int(), z.gte(1)) });

const standardSchema = z.strictObject({
  firstResponseMinutes: z.number().check(z.int(), z.gte(1), z.lte(525_600)),
  resolutionMinutes: z.number().check(z.int(), z.gte(1), z.lte(525_600)),
  warningAt: z.number().check(z.gte(0.1), z.lte(0.99)),
  always: z.boolean(),
  pauseIn: z.optional(
    z.array(z.enum(['awaiting_approval', 'awaiting_inputs', 'waiting_for_customer'])).check(z.maxLength(3)),
  ),
});

/**
 * A condition on an answer (conditional fields, conditional approval): one of the values, or a number
 * above and/or below a bound. Which of the two, and the field's kind, are checked in `serviceProblems`.
 */
const condition = z.strictObject({
  field: slug,
  equals: z.optional(
    z
      .array(
        z.union([
          z.string().check(z.maxLength(200), z.refine(isOneLine, says('one_line'))),
          storableNumber(),
          z.boolean(),
        ]),
      )
      .check(z.minLength(1), z.maxLength(50)),
  ),
  above: z.optional(storableNumber()),
  below: z.optional(storableNumber()),
});

/** A date relative to another date field: at least `days` days after / before (0: the same day allowed). */
const dateRelation = z.strictObject({
  field: slug,
  days: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3650))),
});

const formField = z.strictObject({
  id: slug,
  kind: z.enum(FIELD_KINDS),
  label: required(200),
  help: z.optional(line(500)),
  required: z.boolean(),
  min: z.optional(storableNumber()),
  max: z.optional(storableNumber()),
  pattern: z.optional(line(200)),
  options: z.optional(z.array(required(200)).check(z.maxLength(100))),
  visibleWhen: z.optional(condition),
  after: z.optional(dateRelation),
  before: z.optional(dateRelation),
  notPast: z.optional(z.boolean()),
  withinDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(3650))),
  privacy: z.optional(z.enum(FIELD_PRIVACY)),
});

const labels = z.optional(z.record(slug, line(200)));
export const translation = z.strictObject({
  name: z.optional(line(120)),
  summary: z.optional(line(300)),
  description: z.optional(text(5000)),
  fields: z.optional(
    z.record(
      slug,
      z.strictObject({
        label: z.optional(line(200)),
        help: z.optional(line(500)),
        options: z.optional(z.record(z.string().check(z.maxLength(200)), line(200))),
      }),
    ),
  ),
  inputs: labels,
  deliverables: labels,
  stages: z.optional(z.record(slug, line(80))),
  surveyQuestion: z.optional(line(300)),
});

export const serviceBody = z.strictObject({
  name: required(120),
  summary: required(300),
  description: text(5000),
  tags: z.array(required(40)).check(z.maxLength(20)),
  ownerId: line(100),
  audience: z.array(required(100)).check(z.maxLength(50)),
  form: z.array(formField).check(z.maxLength(60)),
  inputs: z
    .array(
      z.strictObject({
        id: slug,
        label: required(200),
        kind: z.enum(INPUT_KINDS),
        required: z.boolean(),
        field: z.optional(slug),
      }),
    )
    .check(z.maxLength(30)),
  deliverables: z
    .array(z.strictObject({ id: slug, label: required(200), required: z.boolean() }))
    .check(z.maxLength(30)),
  stages: z
    .array(
      z.strictObject({
        id: slug,
        name: required(80),
        targetMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(525_600))),
      }),
    )
    .check(z.minLength(1, says('stage_needed')), z.maxLength(15)),
  approval: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('head'), when: z.optional(condition) }),
    z.strictObject({
      kind: z.literal('named'),
      approvers: z.array(required(100)).check(z.minLength(1, says('approver_needed')), z.maxLength(10)),
      when: z.optional(condition),
    }),
  ]),
  titleTemplate: z.optional(line(200)),
  standard: standardSchema,
  scheduledStandard: z.optional(
    z.strictObject({ effectiveFrom: z.iso.date(says('not_date')), standard: standardSchema }),
  ),
  survey: z.strictObject({ enabled: z.boolean(), question: line(300) }),
  reportTo: z.array(required(100)).check(z.maxLength(20)),
  bundle: z.optional(
    z
      .array(z.strictObject({ serviceId: required(100), fieldMap: z.optional(z.record(slug, slug)) }))
      .check(z.maxLength(10)),
  ),
  translations: z.optional(z.partialRecord(z.enum(LANGUAGES), translation)),
  retention: z.optional(z.strictObject({ amount: z.number().check(z.int(), z.gte(1)), unit: z.enum(RETENTION_UNITS) })),
});
export type ServiceBody = z.infer<typeof serviceBody>;

export const createServiceBody = z.extend(serviceBody, {
  id: serviceSlug,
  department: z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,9}$/)),
});
export const updateServiceBody = z.extend(serviceBody, { version: z.number().check(z.int(), z.gte(1)) });
export const serviceVersionBody = z.strictObject({ version: z.number().check(z.int(), z.gte(1)) });

/** The field ids a title template names: "{fullName} starts {startDate}" → fullName, startDate. */
export function templateFields(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
}

/** What is wrong with a condition on the form's fields, if anything. */
function conditionProblem(
  rule: z.infer<typeof condition>,
  fields: ReadonlyMap<string, ServiceBody['form'][number]>,
): Refusal | undefined {
  const bounded = rule.above !== undefined || rule.below !== undefined;
  if (!rule.equals === !bounded) return refusal('condition_values_or_bounds');
  if (bounded && fields.get(rule.field)?.kind !== 'number') return refusal('condition_needs_number');
  return undefined;
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/**
 * Checks that need the whole service: unique ids, conditions that point at earlier fields (and compare
 * numbers only with number fields), date rules on date fields relative to other date fields, an
 * approval condition and a title template that name the form's fields, options where a kind needs
 * them, patterns that compile, inputs that name real fields. Returns path → refusal.
 */
export function serviceProblems(service: ServiceBody): FieldRefusals {
  const problems: FieldRefusals = {};
  const seen = new Set<string>();
  const byId = new Map(service.form.map((f) => [f.id, f] as const));
  service.form.forEach((field, i) => {
    const at = `form.${i}`;
    if (seen.has(field.id)) problems[`${at}.id`] = refusal('id_used_twice', { id: field.id });
    if ((field.kind === 'select' || field.kind === 'multiSelect') && !field.options?.length) {
      problems[`${at}.options`] = refusal('options_needed');
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      problems[`${at}.max`] = refusal('max_below_min');
    }
    // Answers are checked in a linear-time engine, so any pattern it compiles is safe to run.
    const patternIssue = field.pattern ? patternProblem(field.pattern) : undefined;
    if (patternIssue) problems[`${at}.pattern`] = patternIssue;
    if (field.visibleWhen && !seen.has(field.visibleWhen.field)) {
      problems[`${at}.visibleWhen.field`] = refusal('depends_on_later');
    } else if (field.visibleWhen) {
      const problem = conditionProblem(field.visibleWhen, byId);
      if (problem) problems[`${at}.visibleWhen`] = problem;
    }
    const dated = field.after || field.before || field.notPast !== undefined || field.withinDays !== undefined;
    if (dated && field.kind !== 'date') problems[`${at}.kind`] = refusal('date_rules_date_only');
    for (const side of ['after', 'before'] as const) {
      const other = field[side]?.field;
      if (other !== undefined && (other === field.id || byId.get(other)?.kind !== 'date')) {
        problems[`${at}.${side}.field`] = refusal('date_field_needed');
      }
    }
    seen.add(field.id);
  });
  const { approval } = service;
  if (approval.kind !== 'none' && approval.when) {
    const problem = byId.has(approval.when.field)
      ? conditionProblem(approval.when, byId)
      : refusal('condition_field_unknown');
    if (problem) problems[byId.has(approval.when.field) ? 'approval.when' : 'approval.when.field'] = problem;
  }
  for (const id of templateFields(service.titleTemplate ?? '')) {
    if (!byId.has(id)) problems.titleTemplate = refusal('title_field_unknown', { id });
    // The title goes into every mail and list: a sensitive answer must never be in it.
    else if (byId.get(id)?.privacy === 'sensitive') problems.titleTemplate = refusal('title_field_sensitive', { id });
  }
  const retention = service.retention ? retentionProblem(service.retention) : undefined;
  if (retention) problems['retention.amount'] = retention;
  service.inputs.forEach((input, i) => {
    if (input.kind === 'formField' && (!input.field || !seen.has(input.field))) {
      problems[`inputs.${i}.field`] = refusal('input_field_needed');
    }
  });
  for (const [list, ids] of [
    ['inputs', service.inputs.map((x) => x.id)],
    ['deliverables', service.deliverables.map((x) => x.id)],
    ['stages', service.stages.map((x) => x.id)],
  ] as const) {
    for (const dup of duplicates([...ids])) problems[list] = refusal('id_used_twice', { id: dup });
  }
  for (const [language, words] of Object.entries(service.translations ?? {})) {
    const known = {
      fields: new Set(service.form.map((f) => f.id)),
      inputs: new Set(service.inputs.map((x) => x.id)),
      deliverables: new Set(service.deliverables.map((x) => x.id)),
      stages: new Set(service.stages.map((x) => x.id)),
    };
    for (const list of ['fields', 'inputs', 'deliverables', 'stages'] as const) {
      for (const id of Object.keys(words?.[list] ?? {})) {
        if (!known[list].has(id))
          problems[`translations.${language}.${list}.${id}`] = refusal('nothing_to_translate', { id });
      }
    }
  }
  if (service.standard.firstResponseMinutes > service.standard.resolutionMinutes) {
    problems['standard.firstResponseMinutes'] = refusal('first_response_after_resolution');
  }
  return problems;
}
