/**
 * A service in the reader's language: its own words replaced by the department's translation where
 * one is given. Ids, choice values and everything that is not words stay as they are.
 */
import type { ChecklistState, Language, Service, ServiceTranslation } from './model.ts';

type Translatable = Pick<Service, 'name' | 'summary'> &
  Partial<Pick<Service, 'description' | 'form' | 'inputs' | 'deliverables' | 'stages' | 'survey'>> & {
    translations?: Partial<Record<Language, ServiceTranslation>>;
  };

/** An order's checklist labels in the reader's language, from its service's translation (by id). */
export function localizeChecklists<T extends { inputs: ChecklistState[]; deliverables: ChecklistState[] }>(
  order: T,
  words: ServiceTranslation | undefined,
): T {
  if (!words) return order;
  const relabel = (items: ChecklistState[], labels: Record<string, string> | undefined) =>
    items.map((item) => (labels?.[item.id]?.trim() ? { ...item, label: labels[item.id]! } : item));
  return {
    ...order,
    inputs: relabel(order.inputs, words.inputs),
    deliverables: relabel(order.deliverables, words.deliverables),
  };
}

export function localizeService<T extends Translatable>(service: T, language: Language): T {
  const words = service.translations?.[language];
  if (!words) return service;
  const pick = (translated: string | undefined, own: string) => (translated?.trim() ? translated : own);
  const out: T = {
    ...service,
    name: pick(words.name, service.name),
    summary: pick(words.summary, service.summary),
  };
  if (service.description !== undefined) out.description = pick(words.description, service.description);
  if (service.form) {
    out.form = service.form.map((field) => {
      const f = words.fields?.[field.id];
      if (!f) return field;
      const help = f.help?.trim() ? f.help : field.help;
      return { ...field, label: pick(f.label, field.label), ...(help === undefined ? {} : { help }) };
    });
  }
  if (service.inputs) out.inputs = service.inputs.map((x) => ({ ...x, label: pick(words.inputs?.[x.id], x.label) }));
  if (service.deliverables) {
    out.deliverables = service.deliverables.map((x) => ({ ...x, label: pick(words.deliverables?.[x.id], x.label) }));
  }
  if (service.stages) out.stages = service.stages.map((x) => ({ ...x, name: pick(words.stages?.[x.id], x.name) }));
  if (service.survey) out.survey = { ...service.survey, question: pick(words.surveyQuestion, service.survey.question) };
  return out;
}
