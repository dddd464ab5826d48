/**
 * A date field's rules as the order form shows them: in words beside the field ("On or after “Start
 * date”. Not in the past.") and as the date picker's earliest and latest day, from the same rules
 * the shared check applies (shared/form-check.ts).
 */
import { addDays } from '#shared/form-check.ts';
import type { Answers, FormField } from '#shared/model.ts';
import { t } from '../lib/strings.ts';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The earliest and latest day the answers and today allow (undefined: no bound). */
export function dateBounds(
  field: FormField,
  answers: Answers,
  today: string | undefined,
): { min?: string | undefined; max?: string | undefined } {
  if (field.kind !== 'date') return {};
  const lows: string[] = [];
  const highs: string[] = [];
  if (today && (field.notPast || field.withinDays !== undefined)) lows.push(today);
  if (today && field.withinDays !== undefined) highs.push(addDays(today, field.withinDays));
  const after = field.after && answers[field.after.field];
  if (field.after && isDate(after)) lows.push(addDays(after, field.after.days ?? 1));
  const before = field.before && answers[field.before.field];
  if (field.before && isDate(before)) highs.push(addDays(before, -(field.before.days ?? 1)));
  return { min: lows.sort().at(-1), max: highs.sort().at(0) };
}

/** The rules in words, with the other fields' (translated) labels; undefined when there are none. */
export function dateRuleWords(field: FormField, form: readonly FormField[]): string | undefined {
  if (field.kind !== 'date') return undefined;
  const words = t.form.dateRules;
  const label = (id: string) => form.find((f) => f.id === id)?.label ?? id;
  const parts: string[] = [];
  for (const side of ['after', 'before'] as const) {
    const rel = field[side];
    if (rel) parts.push(words[side](label(rel.field), rel.days ?? 1));
  }
  if (field.withinDays !== undefined) parts.push(words.within(field.withinDays));
  else if (field.notPast) parts.push(words.notPast);
  return parts.length ? parts.join(' ') : undefined;
}
