/**
 * A service in the reader's language: its own words replaced by the department's translation where
 * one is given. Ids, choice values and everything that is not words stay as they are.
 */
import type { Answers, ChecklistState, Language, Order, Service, ServiceTranslation, TimelineEvent } from './model.ts';
import { orderTitle } from './order-title.ts';

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

/** What of a service an order's words are resolved from: the version the order was filed under. */
export type ServiceWords = Pick<Service, 'name' | 'translations'> &
  Partial<Pick<Service, 'form' | 'inputs' | 'deliverables' | 'stages' | 'titleTemplate'>>;

/** A translated word when the department gave one, else the service's own. */
function say(translated: string | undefined, own: string): string {
  return translated?.trim() ? translated : own;
}

/** A choice's words in the reader's language (a select or multiSelect option), else its own value. */
export function optionLabel(option: string, fieldId: string, words: ServiceTranslation | undefined): string {
  return say(words?.fields?.[fieldId]?.options?.[option], option);
}

/** A choice answer in the reader's language; the stored value stays the same in every language. */
export function localizeAnswer(
  value: Answers[string] | undefined,
  fieldId: string,
  words: ServiceTranslation | undefined,
): Answers[string] | undefined {
  const options = words?.fields?.[fieldId]?.options;
  if (!options) return value;
  if (typeof value === 'string') return say(options[value], value);
  if (Array.isArray(value)) return value.map((v) => say(options[v], v));
  return value;
}

/**
 * An order's own words in the reader's language, resolved from the service version it was filed
 * under: the service's name, the title where it begins with that name (titles from a template are
 * the requester's words and stay), and the checklists' labels. Nothing is stored per language.
 */
export function localizeOrder<
  T extends Pick<Order, 'serviceName' | 'title'> & Partial<Pick<Order, 'inputs' | 'deliverables'>>,
>(order: T, service: ServiceWords | undefined, language: Language): T {
  const words = service?.translations?.[language];
  if (!words) return order;
  const name = say(words.name, order.serviceName);
  const own = order.serviceName;
  const title =
    choicesInTitle(order, service, name, words) ??
    (order.title === own || order.title.startsWith(`${own}: `)
      ? `${name}${order.title.slice(own.length)}`
      : order.title);
  const out: T = { ...order, serviceName: name, title };
  if (order.inputs && order.deliverables) {
    const relabelled = localizeChecklists({ inputs: order.inputs, deliverables: order.deliverables }, words);
    out.inputs = relabelled.inputs;
    out.deliverables = relabelled.deliverables;
  }
  return out;
}

/**
 * The title built again in the reader's words when it is the one the service's title template (or
 * first text answer) made from the answers: the service's name and its choices' translated words
 * ("Zaświadczenie o zatrudnieniu: Wiza"). Nothing when the title is not that (edited, or older rules).
 */
function choicesInTitle(
  order: Pick<Order, 'serviceName' | 'title'> & { answers?: Answers },
  service: ServiceWords,
  name: string,
  words: ServiceTranslation,
): string | undefined {
  const { answers } = order;
  if (!answers || !service.form) return undefined;
  const own = { name: order.serviceName, form: service.form, titleTemplate: service.titleTemplate };
  if (orderTitle(own, answers) !== order.title) return undefined;
  const said: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const field = service.form.find((f) => f.id === id);
    said[id] =
      field && (field.kind === 'select' || field.kind === 'multiSelect')
        ? (localizeAnswer(value, id, words) ?? null)
        : value;
  }
  return orderTitle({ ...own, name }, said);
}

/** Replaces a leading item label ("label" or "label: note") by its translation. */
function relabel(comment: string, pairs: Array<[string, string]>): string {
  for (const [own, translated] of pairs) {
    if (comment === own || comment.startsWith(`${own}: `)) return `${translated}${comment.slice(own.length)}`;
  }
  return comment;
}

/**
 * The service's words in a timeline comment Ordo wrote, in the reader's language: the deliverable or
 * input a tick names, the stages of a stage move ("Triage → Paperwork"). People's words stay as written.
 */
export function localizeComment(
  kind: string,
  comment: string,
  service: ServiceWords | undefined,
  language: Language,
): string {
  const words = service?.translations?.[language];
  if (!words || !service) return comment;
  if (kind === 'deliverable_ticked' || kind === 'deliverable_unticked') {
    return relabel(
      comment,
      (service.deliverables ?? []).map((d) => [d.label, say(words.deliverables?.[d.id], d.label)]),
    );
  }
  if (kind === 'input_handed_over' || kind === 'input_withdrawn') {
    return relabel(
      comment,
      (service.inputs ?? []).map((i) => [i.label, say(words.inputs?.[i.id], i.label)]),
    );
  }
  if (kind === 'stage_changed') {
    const names = new Map((service.stages ?? []).map((s) => [s.name, say(words.stages?.[s.id], s.name)]));
    const parts = comment.split(' → ');
    return parts.length === 2 ? parts.map((p) => names.get(p) ?? p).join(' → ') : comment;
  }
  return comment;
}

/** A timeline event with the service's words in its comment in the reader's language. */
export function localizeEvent<T extends Pick<TimelineEvent, 'kind' | 'comment'>>(
  event: T,
  service: ServiceWords | undefined,
  language: Language,
): T {
  if (!event.comment) return event;
  const comment = localizeComment(event.kind, event.comment, service, language);
  return comment === event.comment ? event : { ...event, comment };
}
