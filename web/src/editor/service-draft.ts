/**
 * The catalog editor's pure side: a service draft (the ServiceBody the API takes), list operations
 * for the form builder and the checklists, ids derived from labels, minutes ↔ hours, and the clean-up
 * that turns what the person typed into the body that is checked and saved.
 */

import type { Condition, FieldKind, FormField, Service } from '#shared/model.ts';
import type { ServiceBody } from '#shared/service-schema.ts';
import { t } from '../lib/strings.ts';

export type Draft = ServiceBody;

export const CHOICE_KINDS: ReadonlySet<FieldKind> = new Set(['select', 'multiSelect']);
export const LENGTH_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'longText', 'number']);
export const PATTERN_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'longText']);

// ---- lists ----

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function updateAt<T extends object>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

// ---- ids ----

/** Letters that do not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/** "Full name of the new hire" → "full-name-of-the-new-hire" (ids must match the API's slug rule). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđßæœþ]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

export function uniqueId(base: string, taken: Iterable<string>, fallback: string): string {
  const root = slugify(base) || fallback;
  const used = new Set(taken);
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * Changes the label of an item; while its id is still the one derived from its label (and the id is
 * not one a saved version already uses), the id follows the label.
 */
export function relabel<T extends { id: string }>(
  list: readonly T[],
  index: number,
  labelKey: keyof T & string,
  label: string,
  locked: ReadonlySet<string>,
  fallback: string,
): T[] {
  const item = list[index];
  if (!item) return [...list];
  const others = list.filter((_, i) => i !== index).map((x) => x.id);
  const oldLabel = String(item[labelKey] ?? '');
  const derived = !locked.has(item.id) && item.id === uniqueId(oldLabel, others, fallback);
  const patch = { [labelKey]: label } as Partial<T>;
  if (derived) (patch as { id?: string }).id = uniqueId(label, others, fallback);
  return updateAt(list, index, patch);
}

// ---- new items ----

export function newField(form: readonly FormField[], kind: FieldKind = 'text'): FormField {
  return {
    id: uniqueId(
      '',
      form.map((f) => f.id),
      'field',
    ),
    kind,
    label: '',
    required: false,
  };
}

export function newItem(list: ReadonlyArray<{ id: string }>, fallback: string): { id: string } {
  return {
    id: uniqueId(
      '',
      list.map((x) => x.id),
      fallback,
    ),
  };
}

export function blankService(): Draft {
  return {
    name: '',
    summary: '',
    description: '',
    tags: [],
    ownerId: '',
    audience: [],
    form: [],
    inputs: [],
    deliverables: [],
    stages: [{ id: 'in-progress', name: t.editor.defaultStage }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: 240, resolutionMinutes: 1440, warningAt: 0.8, always: false },
    survey: { enabled: true, question: t.editor.defaultSurveyQuestion },
    reportTo: [],
  };
}

/** The editable part of a stored service, as a fresh copy. */
export function draftOf(service: Service): Draft {
  const { name, summary, description, tags, ownerId, audience, form, inputs, deliverables, stages } = service;
  const { approval, standard, survey, reportTo, bundle, translations, titleTemplate, retention } = service;
  return structuredClone({
    ...(retention ? { retention } : {}),
    ...(bundle ? { bundle } : {}),
    ...(titleTemplate ? { titleTemplate } : {}),
    ...(translations ? { translations } : {}),
    name,
    summary,
    description,
    tags,
    ownerId,
    audience,
    form,
    inputs,
    deliverables,
    stages,
    approval,
    standard,
    survey,
    reportTo,
  });
}

// ---- durations ----

export const percentOf = (share: number): number => Math.round(share * 100);
export const shareOf = (percent: number): number => Math.round(percent) / 100;

// ---- clean-up ----

function cleanList(list: readonly string[]): string[] {
  return [...new Set(list.map((x) => x.trim()).filter(Boolean))];
}

function optionalText(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** A condition value typed for the field it depends on ("2" for a number field is 2). */
export function conditionValue(
  value: string | number | boolean,
  sourceKind: FieldKind | undefined,
): string | number | boolean {
  if (sourceKind === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  if (sourceKind === 'checkbox' && typeof value === 'string') return value === 'true';
  return typeof value === 'string' ? value.trim() : value;
}

function cleanField(field: FormField, kinds: ReadonlyMap<string, FieldKind>): FormField {
  const out: FormField = { id: field.id.trim(), kind: field.kind, label: field.label.trim(), required: field.required };
  const help = optionalText(field.help);
  if (help) out.help = help;
  if (field.privacy) out.privacy = field.privacy;
  if (LENGTH_KINDS.has(field.kind)) {
    const min = finite(field.min);
    const max = finite(field.max);
    if (min !== undefined) out.min = min;
    if (max !== undefined) out.max = max;
  }
  if (PATTERN_KINDS.has(field.kind)) {
    const pattern = optionalText(field.pattern);
    if (pattern) out.pattern = pattern;
  }
  if (CHOICE_KINDS.has(field.kind)) out.options = cleanList(field.options ?? []);
  const rule = field.visibleWhen && cleanCondition(field.visibleWhen, kinds);
  if (rule) out.visibleWhen = rule;
  if (field.kind === 'date') {
    for (const side of ['after', 'before'] as const) {
      const rel = field[side];
      if (!rel?.field) continue;
      const days = finite(rel.days);
      out[side] = days === undefined ? { field: rel.field } : { field: rel.field, days: Math.round(days) };
    }
    if (field.notPast) out.notPast = true;
    const within = finite(field.withinDays);
    if (within !== undefined) out.withinDays = Math.round(within);
  }
  return out;
}

/**
 * A condition as typed, tidied: values typed for the field they test, empty ones dropped; a
 * condition without values or bounds is no condition.
 */
export function cleanCondition(rule: Condition, kinds: ReadonlyMap<string, FieldKind>): Condition | undefined {
  if (!rule.field) return undefined;
  if (rule.equals) {
    const kind = kinds.get(rule.field);
    const equals = [...new Set(rule.equals.map((v) => conditionValue(v, kind)).filter((v) => v !== ''))] as Array<
      string | number | boolean
    >;
    return equals.length > 0 ? { field: rule.field, equals } : undefined;
  }
  const above = finite(rule.above);
  const below = finite(rule.below);
  if (above === undefined && below === undefined) return undefined;
  return {
    field: rule.field,
    ...(above === undefined ? {} : { above }),
    ...(below === undefined ? {} : { below }),
  };
}

/** What the person typed, tidied into the body the API checks: trimmed, no empty or stray parts. */
export function cleanDraft(draft: Draft): Draft {
  const kinds = new Map(draft.form.map((f) => [f.id, f.kind] as const));
  const when =
    draft.approval.kind === 'none' ? undefined : draft.approval.when && cleanCondition(draft.approval.when, kinds);
  const approval: Draft['approval'] =
    draft.approval.kind === 'named'
      ? { kind: 'named', approvers: cleanList(draft.approval.approvers), ...(when ? { when } : {}) }
      : draft.approval.kind === 'head'
        ? { kind: 'head', ...(when ? { when } : {}) }
        : { kind: 'none' };
  const titleTemplate = optionalText(draft.titleTemplate);
  return {
    name: draft.name.trim(),
    summary: draft.summary.trim(),
    description: draft.description.trim(),
    tags: cleanList(draft.tags),
    ownerId: draft.ownerId.trim(),
    audience: cleanList(draft.audience),
    form: draft.form.map((f) => cleanField(f, kinds)),
    inputs: draft.inputs.map((input) => {
      const out: Draft['inputs'][number] = {
        id: input.id.trim(),
        label: input.label.trim(),
        kind: input.kind,
        required: input.required,
      };
      if (input.kind === 'formField' && input.field) out.field = input.field;
      return out;
    }),
    deliverables: draft.deliverables.map((d) => ({ id: d.id.trim(), label: d.label.trim(), required: d.required })),
    stages: draft.stages.map((s) => {
      const out: Draft['stages'][number] = { id: s.id.trim(), name: s.name.trim() };
      const target = finite(s.targetMinutes);
      if (target !== undefined && target > 0) out.targetMinutes = target;
      return out;
    }),
    approval,
    ...(titleTemplate ? { titleTemplate } : {}),
    ...(draft.retention && finite(draft.retention.amount) !== undefined
      ? { retention: { amount: Math.round(finite(draft.retention.amount) ?? 0), unit: draft.retention.unit } }
      : {}),
    standard: { ...draft.standard },
    survey: { enabled: draft.survey.enabled, question: draft.survey.question.trim() },
    reportTo: cleanList(draft.reportTo),
    // Bundle parts are not edited here but must survive a save.
    ...(draft.bundle ? { bundle: draft.bundle } : {}),
    ...cleanTranslations(draft),
  };
}

/** Trimmed translations without empty words or words for parts that no longer exist. */
function cleanTranslations(draft: Draft): Pick<Draft, 'translations'> {
  const ids = {
    fields: new Set(draft.form.map((f) => f.id)),
    inputs: new Set(draft.inputs.map((x) => x.id)),
    deliverables: new Set(draft.deliverables.map((x) => x.id)),
    stages: new Set(draft.stages.map((x) => x.id)),
  };
  const words = (record: Record<string, string> | undefined, known: Set<string>) => {
    const out = Object.fromEntries(
      Object.entries(record ?? {})
        .filter(([id, w]) => known.has(id) && w.trim())
        .map(([id, w]) => [id, w.trim()]),
    );
    return Object.keys(out).length ? out : undefined;
  };
  const translations: NonNullable<Draft['translations']> = {};
  for (const [language, given] of Object.entries(draft.translations ?? {}) as Array<
    [keyof NonNullable<Draft['translations']>, NonNullable<Draft['translations']>['pl']]
  >) {
    if (!given) continue;
    const out: NonNullable<typeof given> = {};
    for (const key of ['name', 'summary', 'description', 'surveyQuestion'] as const) {
      const value = given[key]?.trim();
      if (value) out[key] = value;
    }
    const fields = Object.fromEntries(
      Object.entries(given.fields ?? {})
        .filter(([id]) => ids.fields.has(id))
        .map(([id, f]) => [
          id,
          { ...(f.label?.trim() ? { label: f.label.trim() } : {}), ...(f.help?.trim() ? { help: f.help.trim() } : {}) },
        ])
        .filter(([, f]) => Object.keys(f as object).length > 0),
    );
    if (Object.keys(fields).length) out.fields = fields;
    for (const list of ['inputs', 'deliverables', 'stages'] as const) {
      const cleaned = words(given[list], ids[list]);
      if (cleaned) out[list] = cleaned;
    }
    if (Object.keys(out).length) translations[language] = out;
  }
  return Object.keys(translations).length ? { translations } : {};
}

/** Whether two drafts would save the same service. */
export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(cleanDraft(a)) === JSON.stringify(cleanDraft(b));
}

/**
 * The form as the live preview can render it while it is being written: patterns that do not compile
 * yet are left out, and a choice field without options is shown as a text field.
 */
export function previewForm(form: readonly FormField[]): FormField[] {
  const seen = new Set<string>();
  return form.map((field, i) => {
    const out = { ...field };
    if (out.pattern) {
      try {
        new RegExp(`^(?:${out.pattern})$`);
      } catch {
        delete out.pattern;
      }
    }
    if (CHOICE_KINDS.has(out.kind) && !out.options?.length) out.kind = 'text';
    // Ids still being typed may be empty or repeated; the preview needs each to be distinct.
    if (!out.id || seen.has(out.id)) out.id = `${out.id || 'field'}__${i}`;
    seen.add(out.id);
    return out;
  });
}
