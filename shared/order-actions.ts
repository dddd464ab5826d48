/**
 * What a lifecycle action does to an order (SPEC §4–§6), decided and applied in one pure step: the
 * next order, its timeline event, the mail it causes and the counters it adds. A workflow loads what
 * this needs, calls it, and writes the outcome in one transaction. No clock, no I/O: the instant, the
 * calendar and the people named in the request come in as arguments.
 */
import type { TransitionBody } from './api.ts';
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from './errors.ts';
import { validateAnswers } from './forms.ts';
import { decide } from './lifecycle.ts';
import type {
  Answers,
  BusinessCalendar,
  ChecklistState,
  Order,
  OrderSurvey,
  Service,
  TimelineEvent,
  User,
} from './model.ts';
import { MAIL_ON_ACTION, type MailEvent, type OrderAudience } from './notifications.ts';
import {
  advanceClocks,
  autoCloseAt,
  DEFAULT_PAUSE_STATUSES,
  nextDueAt,
  RESPONDING_ACTIONS,
  rotateHold,
  STOPPED_STATUSES,
} from './order-clocks.ts';
import { actorRoles, isAgentOf } from './permissions.ts';
import { stepSinceAfter } from './process-stats.ts';
import { type FieldRefusals, refusal } from './refusals.ts';
import { type Counters, localDay, orderDeltas, type StatsDelta } from './stats.ts';

/**
 * A mail a change causes; the workflow finds the people and composes it in their languages.
 * `to`: an audience of the order (requester with watchers, assignee, team mailbox), the requester
 * alone, or named people; `audience` then names them in the message id.
 */
export type MailPlan =
  | {
      event: MailEvent;
      to: OrderAudience;
      comment?: string;
      /** The order version the message id names when not the new one (a stage move names the old). */
      idVersion?: number;
    }
  | { event: MailEvent; to: 'requesterOnly'; audience: string }
  | { event: MailEvent; to: 'people'; people: string[]; audience: string };

/** Everything that follows from a change of an order. */
export interface Outcome {
  order: Order;
  events: TimelineEvent[];
  mails: MailPlan[];
  /** Report counters, customer rows and queue gauges (shared/stats.ts). */
  counters: StatsDelta[];
}

/** What every change knows besides the order. */
export interface ChangeContext {
  actor: User;
  /** The instant of the change, ISO. */
  now: string;
  /** The service version the order was filed under (undefined if it is gone). */
  service: Service | undefined;
  /** The department's calendar. */
  calendar: BusinessCalendar;
}

/** A transition may name a person: for assign, the one named (or the actor) as loaded, if known. */
export interface TransitionContext extends ChangeContext {
  assignee?: User | undefined;
}

/** A change made on a version the caller no longer sees is refused with the current order. */
export function checkVersion(order: Order, version: number): void {
  if (version !== order.version) {
    throw new ConflictError('order_changed', { number: order.number }, order);
  }
}

/** An attachment key must be one the person uploaded themselves (see POST /attachments). */
export function checkUpload(userId: string, key: string, field: string): void {
  if (!key.startsWith(`uploads/${userId}/`) || key.includes('..')) {
    throw new ValidationError('invalid_request', {}, { [field]: refusal('unknown_file') });
  }
}

export function checkIds(ids: string[], known: ReadonlyArray<{ id: string }>, field: string): void {
  const unknown = ids.filter((id) => !known.some((k) => k.id === id));
  if (unknown.length)
    throw new ValidationError('invalid_request', {}, { [field]: refusal('unknown_items', { ids: unknown }) });
}

export function prefixFields(fields: FieldRefusals, prefix: string): FieldRefusals {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** A checklist item (input or deliverable) ticked or unticked by someone, with an optional note and file. */
export function tickItem(
  item: ChecklistState,
  done: boolean,
  by: string,
  at: string,
  note: string | undefined,
  attachment: string | undefined,
): ChecklistState {
  const next: ChecklistState = { id: item.id, label: item.label, required: item.required, done, by, at };
  if (note) next.note = note;
  if (attachment) next.attachment = attachment;
  return next;
}

/** The order one step on: the same order, a version later, changed at `now`. */
export function nextVersion(order: Order, now: string, patch: Partial<Order> = {}): Order {
  return { ...order, ...patch, updatedAt: now, version: order.version + 1 };
}

/**
 * Brings the clocks, the holds, the queue position and the auto-close time in line with a change
 * from `before` to `next` (mutates `next`, a fresh copy). Every change of an order's state goes
 * through here.
 */
export function settle(
  before: Order,
  next: Order,
  service: Service | undefined,
  calendar: BusinessCalendar,
  change: { responded?: boolean; reopened?: boolean },
): void {
  const at = new Date(next.updatedAt);
  if (before.clocks) {
    next.clocks = advanceClocks(
      before.clocks,
      { from: before.status, to: next.status, ...change },
      at,
      calendar,
      service?.standard.pauseIn ?? DEFAULT_PAUSE_STATUSES,
    );
    const due = nextDueAt(next.clocks);
    if (due) next.nextDueAt = due;
    else delete next.nextDueAt;
  }
  const held = !STOPPED_STATUSES.includes(next.status);
  next.holds = rotateHold(
    before.holds ?? [],
    at,
    calendar,
    held
      ? { stage: next.stage, department: next.department, ...(next.assigneeId ? { assigneeId: next.assigneeId } : {}) }
      : null,
  );
  next.stepSince = stepSinceAfter(before, next);
  if (next.status === 'resolved' && before.status !== 'resolved') next.autoCloseAt = autoCloseAt(at, calendar);
  if (next.status !== 'resolved') delete next.autoCloseAt;
}

/**
 * Applies a lifecycle action (`POST /orders/:number/transitions`): checks the version, prepares
 * what the action changes before the state machine decides (which inputs go back, the question, the
 * answers), asks `decide`, then records who holds it, when it was resolved, why it was closed.
 */
export function applyTransition(order: Order, body: TransitionBody, ctx: TransitionContext): Outcome {
  checkVersion(order, body.version);
  const { actor, now, service, calendar } = ctx;
  const action = body.action;
  const roles = actorRoles(actor, order, service);
  const next = nextVersion(order, now);
  prepare(order, next, body, ctx);
  const decision = decide(next, action, roles, {
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
    ...(order.autoCloseAt ? { withinReopenWindow: now < order.autoCloseAt } : {}),
  });
  if (!decision.ok) {
    if (decision.kind === 'role') throw new ForbiddenError('action_not_yours', decision.refusal.params);
    throw new RuleViolationError(decision.refusal.code, decision.refusal.params);
  }
  next.status = decision.to;
  follow(order, next, body, ctx);
  const comment = body.comment;
  // The team is told why the requester cancelled (a reason in words, or a comment).
  const mailComment = action === 'cancel' ? (comment ?? body.reason) : comment;
  const event: TimelineEvent = {
    orderNumber: order.number,
    at: now,
    actorId: actor.id,
    kind: action,
    from: order.status,
    to: next.status,
    visibility: 'public',
    ...(comment ? { comment } : {}),
    ...(body.reason && action === 'reject' ? { reason: body.reason } : {}),
  };
  settle(order, next, service, calendar, { responded: RESPONDING_ACTIONS.has(action), reopened: action === 'reopen' });
  return {
    order: next,
    events: [event],
    mails: (MAIL_ON_ACTION[action] ?? []).map((m) => ({
      event: m.event,
      to: m.audience,
      ...(mailComment ? { comment: mailComment } : {}),
    })),
    counters: orderDeltas(order, next, action, calendar),
  };
}

/** What an action changes before the state machine decides (mutates `next`). */
function prepare(order: Order, next: Order, body: TransitionBody, ctx: TransitionContext): void {
  switch (body.action) {
    case 'return_inputs': {
      const ids = body.inputs ?? [];
      if (ids.length === 0)
        throw new ValidationError('invalid_request', {}, { inputs: refusal('too_few', { min: 1 }) });
      checkIds(ids, order.inputs, 'inputs');
      next.inputs = order.inputs.map((i) =>
        ids.includes(i.id) ? { ...i, done: false, note: body.comment ?? i.note ?? '' } : i,
      );
      next.reworks = (order.reworks ?? 0) + 1;
      return;
    }
    case 'request_clarification': {
      if (!body.comment) throw new ValidationError('invalid_request', {}, { comment: refusal('required') });
      const fields = body.fields ?? [];
      const inputs = body.inputs ?? [];
      checkIds(fields, ctx.service?.form ?? [], 'fields');
      checkIds(inputs, order.inputs, 'inputs');
      next.clarifications = (order.clarifications ?? 0) + 1;
      next.clarification = {
        id: `c${next.clarifications}`,
        question: body.comment,
        fields,
        inputs,
        askedBy: ctx.actor.id,
        askedAt: ctx.now,
      };
      return;
    }
    case 'answer_clarification':
      if (!body.comment) throw new ValidationError('invalid_request', {}, { comment: refusal('required') });
      next.answers = clarificationAnswers(ctx.actor, order, ctx.service, body.answers ?? {});
      return;
    default:
      return;
  }
}

/** What an allowed action records on the order (mutates `next`). */
function follow(order: Order, next: Order, body: TransitionBody, ctx: TransitionContext): void {
  switch (body.action) {
    case 'claim':
      next.assigneeId = ctx.actor.id;
      return;
    case 'assign': {
      const assignee = ctx.assignee;
      if (!assignee || !isAgentOf(assignee, order.department)) {
        throw new ValidationError('invalid_request', {}, { assigneeId: refusal('not_agent') });
      }
      next.assigneeId = body.assigneeId ?? ctx.actor.id;
      return;
    }
    case 'resolve':
      next.resolvedAt = ctx.now;
      return;
    case 'reopen':
      // What was missing or wrong: on the timeline and in the team's mail (refusal reopen_reason_needed).
      if (!body.comment?.trim()) {
        throw new ValidationError('invalid_request', {}, { comment: refusal('reopen_reason_needed') });
      }
      delete next.resolvedAt;
      return;
    case 'answer_clarification':
      delete next.clarification;
      return;
    case 'reject':
    case 'cancel':
      next.closure = { reason: body.reason ?? '', ...(body.comment ? { text: body.comment } : {}) };
      delete next.clarification;
      return;
    default:
      return;
  }
}

/**
 * The order's answers with the requester's new answers for the fields the team asked about (and the
 * fields that appear depending on them). The whole form must still be valid afterwards: a changed
 * answer can make another field required. A new file must be one the person answering uploaded.
 */
function clarificationAnswers(user: User, order: Order, service: Service | undefined, answers: Answers): Answers {
  const asked = order.clarification?.fields ?? [];
  const form = service?.form ?? [];
  const answerable = new Set([
    ...asked,
    ...form.filter((f) => f.visibleWhen && asked.includes(f.visibleWhen.field)).map((f) => f.id),
  ]);
  const extra = Object.keys(answers).filter((k) => !answerable.has(k));
  if (extra.length) throw new ValidationError('invalid_request', {}, { answers: refusal('not_asked', { ids: extra }) });
  if (!service || asked.length === 0) return order.answers;
  const checked = validateAnswers(form, { ...order.answers, ...answers });
  if (!checked.ok) throw new ValidationError('invalid_request', {}, prefixFields(checked.fields, 'answers'));
  for (const field of form) {
    const value = checked.answers[field.id];
    // A file kept from before was checked when it was first attached (possibly by someone else).
    if (field.kind === 'attachment' && typeof value === 'string' && value !== order.answers[field.id])
      checkUpload(user.id, value, `answers.${field.id}`);
  }
  return checked.answers;
}

/**
 * A resolution's survey (an invitation, or a sample-out when the person had one recently) added to
 * its outcome: on the order, and in the service's counters of the department's day.
 */
export function withSurvey(outcome: Outcome, survey: OrderSurvey, counters: Counters, timeZone: string): Outcome {
  const order: Order = { ...outcome.order, survey };
  return {
    ...outcome,
    order,
    counters: [
      ...outcome.counters,
      {
        department: order.department,
        day: localDay(order.updatedAt, timeZone),
        kind: 'service',
        key: order.serviceId,
        counters,
      },
    ],
  };
}
