/**
 * A new order (SPEC §3, §14.1, §14.7): filed by its requester or for them, handed off from another
 * department's order, or filed as a part of a bundle. Pure: the order number, the instant and the
 * department come in as arguments; the first status, the clocks, the checklists, the first event and
 * the mail to send come out.
 */
import { ForbiddenError, RuleViolationError, ValidationError } from './errors.ts';
import { validateAnswers } from './forms.ts';
import { approvalReason, initialStatus, WORK_STATUSES } from './lifecycle.ts';
import type {
  Answers,
  BundlePart,
  ChecklistState,
  Department,
  Order,
  OrderChannel,
  Priority,
  Service,
  TimelineEvent,
  User,
} from './model.ts';
import { checkUpload, checkVersion, type MailPlan, nextVersion, prefixFields, tickItem } from './order-actions.ts';
import { DEFAULT_PAUSE_STATUSES, nextDueAt, standardInForce, startOrderClocks } from './order-clocks.ts';
import { orderTitle } from './order-title.ts';
import { isAgentOf, mayOrder } from './permissions.ts';
import { refusal } from './refusals.ts';
import { promiseDate } from './sla.ts';
import { localDay, orderDeltas, type StatsDelta } from './stats.ts';

export { orderTitle };

/** What a new order is made of. */
export interface Filing {
  actor: User;
  requester: User;
  service: Service;
  answers: Answers;
  priority: Priority;
  /** Inputs handed over with the order, by input id. */
  handed: Record<string, { note?: string | undefined; attachment?: string | undefined }>;
  /** The order it is part of; a hand-off names the sending order's department and service. */
  parent?: { number: string; relation: 'handoff' | 'bundle_part'; department?: string; serviceId?: string };
  /** Attachments copied from a parent order were checked when they were first attached. */
  trustedAttachments?: boolean;
  /** Bundle parts: the requester already got the case's confirmation. */
  quiet?: boolean;
  /** How it came in (the portal when not said; a hand-off when it has a hand-off parent). */
  channel?: OrderChannel;
}

/** A new order with its first event, the mail it causes and the counters it adds. */
export interface Draft {
  order: Order;
  event: TimelineEvent;
  mails: MailPlan[];
  counters: StatsDelta[];
}

/**
 * Checks a filing before it takes a number (so a refused one leaves no gap): the answers against the
 * form (dates against `today`, the department's local date), files uploaded by the person filing,
 * inputs the service has. Returns the answers as kept.
 */
export function checkFiling(filing: Filing, today?: string): Answers {
  const { actor, service } = filing;
  const checked = validateAnswers(service.form, filing.answers, { today });
  if (!checked.ok) throw new ValidationError('invalid_request', {}, prefixFields(checked.fields, 'answers'));
  for (const field of service.form) {
    const value = checked.answers[field.id];
    if (field.kind === 'attachment' && typeof value === 'string') checkUpload(actor.id, value, `answers.${field.id}`);
  }
  for (const [id, handed] of Object.entries(filing.handed)) {
    if (!service.inputs.some((i) => i.id === id))
      throw new ValidationError('invalid_request', {}, { [`inputs.${id}`]: refusal('unknown_input') });
    if (handed.attachment && !filing.trustedAttachments) checkUpload(actor.id, handed.attachment, `inputs.${id}`);
  }
  return checked.answers;
}

function answered(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** The new order with its number, filed at `now` in `department` (the service's), checked answers in hand. */
export function draftOrder(
  filing: Filing,
  answers: Answers,
  number: string,
  now: string,
  department: Department,
): Draft {
  const { actor, requester, service } = filing;
  const inputs: ChecklistState[] = service.inputs.map((spec) => {
    const base: ChecklistState = { id: spec.id, label: spec.label, required: spec.required, done: false };
    if (spec.kind === 'formField' && spec.field !== undefined && answered(answers[spec.field])) {
      return { ...base, done: true, by: requester.id, at: now };
    }
    const handed = filing.handed[spec.id];
    return handed ? tickItem(base, true, actor.id, now, handed.note, handed.attachment) : base;
  });
  const status = initialStatus(service, inputs, answers);
  const calendar = department.calendar;
  const inForce = standardInForce(service, localDay(now, calendar.timeZone));
  const clocks = startOrderClocks(
    { ...inForce.standard, version: service.publication ?? service.version },
    new Date(now),
    calendar,
    status,
    inForce.standard.pauseIn ?? DEFAULT_PAUSE_STATUSES,
  );
  const stage = service.stages[0]?.id ?? 'in_progress';
  const order: Order = {
    number,
    department: service.department,
    serviceId: service.id,
    serviceVersion: service.version,
    serviceName: service.name,
    ownerId: service.ownerId,
    requesterId: requester.id,
    requesterName: requester.name,
    requesterEmail: requester.email,
    requesterProfile: {
      ...(requester.department ? { department: requester.department } : {}),
      ...(requester.location ? { location: requester.location } : {}),
      ...(requester.jobRole ? { jobRole: requester.jobRole } : {}),
    },
    filedById: actor.id,
    title: orderTitle(service, answers),
    answers,
    status,
    stage,
    priority: filing.priority,
    watchers: [...new Set(service.reportTo.filter((id) => id !== requester.id))],
    inputs,
    deliverables: service.deliverables.map((d) => ({ id: d.id, label: d.label, required: d.required, done: false })),
    clarifications: 0,
    reworks: 0,
    children: [],
    clocks,
    holds: [{ stage, department: service.department, from: now }],
    standardRef: inForce.ref,
    promisedAt: clocks.resolution.dueAt ?? promiseDate(new Date(now), inForce.standard, calendar).toISOString(),
    createdAt: now,
    updatedAt: now,
    stepSince: now,
    channel: filing.parent?.relation === 'handoff' ? 'handoff' : (filing.channel ?? 'portal'),
    version: 1,
  };
  const due = nextDueAt(clocks);
  if (due) order.nextDueAt = due;
  const parent = filing.parent;
  if (parent) {
    order.parentNumber = parent.number;
    order.relation = parent.relation;
    if (parent.relation === 'handoff' && parent.department && parent.serviceId) {
      order.handoffFrom = { department: parent.department, serviceId: parent.serviceId, number: parent.number };
    }
  }
  const origin = parent
    ? `${parent.relation === 'handoff' ? 'Handed off from' : 'Part of'} ${parent.number}.`
    : requester.id !== actor.id
      ? `Filed on behalf of ${requester.name}.`
      : undefined;
  const comment = [origin, approvalReason(service, answers)].filter(Boolean).join(' ');
  const event: TimelineEvent = {
    orderNumber: number,
    at: now,
    actorId: actor.id,
    kind: 'submitted',
    to: status,
    visibility: 'public',
    ...(comment ? { comment } : {}),
  };
  const mails: MailPlan[] = filing.quiet
    ? []
    : [{ event: 'order_received', to: 'requesterOnly', audience: 'requester' }];
  if (status === 'awaiting_approval') {
    const people = service.approval.kind === 'named' ? service.approval.approvers : [department.headId];
    mails.push({ event: 'approval_needed', to: 'people', people, audience: 'approvers' });
  } else if (status === 'awaiting_inputs') {
    mails.push({ event: 'inputs_missing', to: 'requesterOnly', audience: 'requester-inputs' });
  } else {
    mails.push({ event: 'new_in_queue', to: 'team' });
  }
  return { order, event, mails, counters: orderDeltas(undefined, order, 'submitted', calendar) };
}

// ---- bundles (SPEC §14.7) ----

/** A bundle's part must be offered at the moment, and to the person ordering, as if ordered alone. */
export function checkBundlePart(part: BundlePart, partService: Service | undefined, orderedBy: User): Service {
  if (partService?.status !== 'published') {
    throw new RuleViolationError('part_unavailable', { serviceId: part.serviceId });
  }
  // A part is an order in its own right: the same audience rule as ordering it alone.
  if (!mayOrder(orderedBy, partService)) {
    throw new ForbiddenError('part_not_offered', { service: partService.name });
  }
  return partService;
}

/** A part's answers, taken from the case's through the part's field map (same id when not mapped). */
export function partAnswers(part: BundlePart, partService: Service, caseAnswers: Answers): Answers {
  const answers: Answers = {};
  for (const field of partService.form) {
    const value = caseAnswers[part.fieldMap?.[field.id] ?? field.id];
    if (value !== undefined) answers[field.id] = value;
  }
  return answers;
}

/** A part the bundle cannot fill in is the bundle's rule, not the person's input. */
export function partRefusal(partService: Service, error: ValidationError): RuleViolationError {
  return new RuleViolationError('part_invalid', { service: partService.name }, error.fields);
}

// ---- hand-off (SPEC §14.1) ----

/** Only the team hands off, on the version it saw, an order it is working. */
export function checkHandoff(actor: User, parent: Order, version: number): void {
  if (!isAgentOf(actor, parent.department)) throw new ForbiddenError('team_only');
  checkVersion(parent, version);
  if (!WORK_STATUSES.has(parent.status)) {
    throw new RuleViolationError('handoff_closed');
  }
}

/** The service handed off to: published, and another department's. */
export function checkHandoffTarget(parent: Order, service: Service | undefined): Service {
  if (service?.status !== 'published') {
    throw new ValidationError('invalid_request', {}, { serviceId: refusal('unknown_service') });
  }
  if (service.department === parent.department) {
    throw new ValidationError('invalid_request', {}, { serviceId: refusal('own_department') });
  }
  return service;
}

/** Parent deliverables passed on (deliverable id → input id) become the child's inputs, with note and file. */
export function passedInputs(parent: Order, service: Service, pass: Record<string, string>): Filing['handed'] {
  const handed: Filing['handed'] = {};
  for (const [deliverableId, inputId] of Object.entries(pass)) {
    const deliverable = parent.deliverables.find((d) => d.id === deliverableId);
    if (!deliverable)
      throw new ValidationError('invalid_request', {}, { [`pass.${deliverableId}`]: refusal('unknown_deliverable') });
    if (!service.inputs.some((i) => i.id === inputId)) {
      throw new ValidationError(
        'invalid_request',
        {},
        { [`pass.${deliverableId}`]: refusal('service_lacks_input', { service: service.name, input: inputId }) },
      );
    }
    handed[inputId] = {
      note: `From ${parent.number}: ${deliverable.label}${deliverable.note ? ` — ${deliverable.note}` : ''}`,
      ...(deliverable.attachment ? { attachment: deliverable.attachment } : {}),
    };
  }
  return handed;
}

/** The parent's side of a hand-off: a version later, with a public event naming the child. */
export function handedOffParent(
  parent: Order,
  child: Order,
  service: Service,
  actorId: string,
  comment: string | undefined,
): { order: Order; event: TimelineEvent } {
  const now = child.createdAt;
  return {
    order: nextVersion(parent, now),
    event: {
      orderNumber: parent.number,
      at: now,
      actorId,
      kind: 'handoff',
      comment: `Handed off to ${service.name} as ${child.number}${comment ? `: ${comment}` : '.'}`,
      visibility: 'public',
    },
  };
}
