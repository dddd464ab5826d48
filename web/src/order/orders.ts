/**
 * Pure helpers for orders in the portal: what the requester hands over, what is still missing, and
 * which items a person may act on. No DOM, no API calls.
 */
import type { CreateOrderBody } from '#shared/api.ts';
import { FINAL_STATUSES, missingItems } from '#shared/lifecycle.ts';
import type { ChecklistState, FormField, Order, RequiredInput, ServiceStatus } from '#shared/model.ts';

export interface Handover {
  note?: string;
  attachment?: string | null;
  confirmed?: boolean;
}

/** Inputs can be handed over with the order unless a form answer provides them. */
export function handoverCandidates(inputs: readonly RequiredInput[]): RequiredInput[] {
  return inputs.filter((input) => input.kind !== 'formField');
}

/**
 * The `inputs` of a new order from what the person filled in: a file, a note, or (for a
 * confirmation) the tick. Items left untouched are not sent and stay missing.
 */
export function handoverBody(
  inputs: readonly RequiredInput[],
  given: Readonly<Record<string, Handover>>,
): CreateOrderBody['inputs'] {
  const out: NonNullable<CreateOrderBody['inputs']> = {};
  for (const input of handoverCandidates(inputs)) {
    const item = given[input.id];
    if (!item) continue;
    const note = item.note?.trim();
    const entry: { note?: string; attachment?: string } = {};
    if (note) entry.note = note;
    if (input.kind === 'attachment' && item.attachment) entry.attachment = item.attachment;
    const handed = input.kind === 'confirmation' ? item.confirmed === true : entry.attachment !== undefined || note;
    if (handed) out[input.id] = entry;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The inputs the requester still has to hand over (required and not done, or asked for again). */
export function inputsToHand(order: Pick<Order, 'status' | 'inputs' | 'clarification'>): ChecklistState[] {
  const asked = new Set(order.status === 'waiting_for_customer' ? (order.clarification?.inputs ?? []) : []);
  const open = order.status === 'awaiting_inputs' || order.status === 'awaiting_approval';
  return order.inputs.filter((item) => asked.has(item.id) || (open && !item.done));
}

/** The "Still missing" list shown while the order waits for inputs. */
export function stillMissing(order: Pick<Order, 'status' | 'inputs'>): ChecklistState[] {
  return order.status === 'awaiting_inputs' ? missingItems(order.inputs) : [];
}

export function isFinal(order: Pick<Order, 'status'>): boolean {
  return FINAL_STATUSES.has(order.status);
}

/** Services of other departments a hand-off can go to, grouped by department, by name. */
export function handoffTargets<T extends { department: string; name: string }>(
  services: readonly T[],
  fromDepartment: string,
): Array<{ department: string; services: T[] }> {
  const groups = new Map<string, T[]>();
  for (const s of services) {
    if (s.department === fromDepartment) continue;
    const list = groups.get(s.department) ?? [];
    list.push(s);
    groups.set(s.department, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([department, list]) => ({ department, services: [...list].sort((a, b) => a.name.localeCompare(b.name)) }));
}

/** Only the deliverables that were mapped to a child input. */
export function passMap(pass: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [deliverable, input] of Object.entries(pass)) if (input) out[deliverable] = input;
  return Object.keys(out).length > 0 ? out : undefined;
}

export const SERVICE_STATUS_ORDER: Record<ServiceStatus, number> = { draft: 0, published: 1, retired: 2 };

/**
 * The fields a clarification asks to answer again, plus the fields that depend on them (a changed
 * answer may reveal a field, e.g. "Contract end date" for a fixed-term contract). Conditions only
 * point upwards, so one pass in form order is enough.
 */
export function clarificationFields(form: readonly FormField[], ids: readonly string[]): FormField[] {
  const chosen = new Set(ids);
  for (const field of form) if (field.visibleWhen && chosen.has(field.visibleWhen.field)) chosen.add(field.id);
  return form.filter((field) => chosen.has(field.id));
}
