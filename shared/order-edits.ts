/**
 * Changes of an order besides its lifecycle actions (SPEC §4, §14): inputs handed over, deliverables
 * ticked, stage and priority moved, watchers changed, comments written. Each is pure like
 * `applyTransition` and returns the same outcome: next order, events, mail, counters.
 */
import type { CommentBody, HandInputBody, TickDeliverableBody } from './api.ts';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from './errors.ts';
import { ACTIVE_STATUSES, decide, missingItems, WORK_STATUSES } from './lifecycle.ts';
import type { Order, Priority, TimelineEvent, User } from './model.ts';
import {
  type ChangeContext,
  checkUpload,
  checkVersion,
  type MailPlan,
  nextVersion,
  type Outcome,
  settle,
  tickItem,
} from './order-actions.ts';
import { actorRoles, canSeeInternal, isAgentOf } from './permissions.ts';
import { refusal } from './refusals.ts';
import { orderDeltas } from './stats.ts';

/** A public event of the actor at the change's instant. */
function eventOf(
  order: Order,
  ctx: ChangeContext,
  fields: Pick<TimelineEvent, 'kind'> & Partial<Pick<TimelineEvent, 'comment' | 'visibility' | 'from' | 'to'>>,
): TimelineEvent {
  return {
    orderNumber: order.number,
    at: ctx.now,
    actorId: ctx.actor.id,
    ...fields,
    visibility: fields.visibility ?? 'public',
  };
}

function requireRequesterOrTeam(order: Order, ctx: ChangeContext): void {
  const roles = actorRoles(ctx.actor, order, ctx.service);
  if (!roles.has('requester') && !roles.has('agent')) throw new ForbiddenError('requester_or_team_only');
}

function requireTeam(order: Order, actor: User): void {
  if (!isAgentOf(actor, order.department)) throw new ForbiddenError('team_only');
}

/** The requester hands over an input (or the team marks it received); complete inputs open the order. */
export function applyHandInput(order: Order, inputId: string, body: HandInputBody, ctx: ChangeContext): Outcome {
  requireRequesterOrTeam(order, ctx);
  checkVersion(order, body.version);
  // Inputs are taken while the team owes work (the order sits in the queue).
  if (!ACTIVE_STATUSES.has(order.status)) throw new RuleViolationError('inputs_closed');
  const item = order.inputs.find((i) => i.id === inputId);
  if (!item) throw new NotFoundError('input_not_found', { id: inputId });
  if (body.attachment) checkUpload(ctx.actor.id, body.attachment, 'attachment');
  const handed = tickItem(item, body.done, ctx.actor.id, ctx.now, body.note, body.attachment);
  const next = nextVersion(order, ctx.now, { inputs: order.inputs.map((i) => (i.id === inputId ? handed : i)) });
  const events = [
    eventOf(order, ctx, {
      kind: body.done ? 'input_handed_over' : 'input_withdrawn',
      comment: body.note ? `${item.label}: ${body.note}` : item.label,
    }),
  ];
  const mails: MailPlan[] = [];
  if (next.status === 'awaiting_inputs' && missingItems(next.inputs).length === 0) {
    const opened = decide(next, 'complete_inputs', new Set(['system']));
    if (opened.ok) {
      next.status = opened.to;
      events.push(eventOf(order, ctx, { kind: 'complete_inputs', from: order.status, to: opened.to }));
      mails.push({ event: 'new_in_queue', to: 'team' });
    }
  }
  settle(order, next, ctx.service, ctx.calendar, {});
  return { order: next, events, mails, counters: orderDeltas(order, next, 'hand_input', ctx.calendar) };
}

/** The team ticks (or unticks) a deliverable while it works the order. */
export function applyTickDeliverable(
  order: Order,
  deliverableId: string,
  body: TickDeliverableBody,
  ctx: ChangeContext,
): Outcome {
  requireTeam(order, ctx.actor);
  checkVersion(order, body.version);
  if (!WORK_STATUSES.has(order.status)) {
    throw new RuleViolationError('deliverables_closed');
  }
  const item = order.deliverables.find((d) => d.id === deliverableId);
  if (!item) throw new NotFoundError('deliverable_not_found', { id: deliverableId });
  if (body.attachment) checkUpload(ctx.actor.id, body.attachment, 'attachment');
  const ticked = tickItem(item, body.done, ctx.actor.id, ctx.now, body.note, body.attachment);
  const next = nextVersion(order, ctx.now, {
    deliverables: order.deliverables.map((d) => (d.id === deliverableId ? ticked : d)),
  });
  const event = eventOf(order, ctx, {
    kind: body.done ? 'deliverable_ticked' : 'deliverable_unticked',
    comment: body.note ? `${item.label}: ${body.note}` : item.label,
  });
  return { order: next, events: [event], mails: [], counters: [] };
}

/** A change only the team makes, on the version it saw; the clocks and holds follow. */
function teamChange(
  order: Order,
  version: number,
  ctx: ChangeContext,
  change: () => { patch: Partial<Order>; event: TimelineEvent; mails: MailPlan[] },
): Outcome {
  requireTeam(order, ctx.actor);
  checkVersion(order, version);
  const { patch, event, mails } = change();
  const next = nextVersion(order, ctx.now, patch);
  settle(order, next, ctx.service, ctx.calendar, {});
  return { order: next, events: [event], mails, counters: orderDeltas(order, next, event.kind, ctx.calendar) };
}

/** The team moves the order to another stage of its service; the requester hears of it. */
export function applyStageMove(order: Order, body: { version: number; stage: string }, ctx: ChangeContext): Outcome {
  return teamChange(order, body.version, ctx, () => {
    const stages = ctx.service?.stages ?? [];
    const stage = stages.find((s) => s.id === body.stage);
    if (!stage) throw new ValidationError('invalid_request', {}, { stage: refusal('unknown_stage') });
    if (!WORK_STATUSES.has(order.status)) throw new RuleViolationError('stages_closed');
    const from = stages.find((s) => s.id === order.stage)?.name ?? order.stage;
    const comment = `${from} → ${stage.name}`;
    return {
      patch: { stage: stage.id },
      event: eventOf(order, ctx, { kind: 'stage_changed', comment }),
      // Named after the version the order moved from.
      mails: [{ event: 'stage_changed', to: 'requester', comment, idVersion: order.version }],
    };
  });
}

/** The team changes the priority (an internal note on the timeline, no mail). */
export function applyPriority(
  order: Order,
  body: { version: number; priority: Priority },
  ctx: ChangeContext,
): Outcome {
  return teamChange(order, body.version, ctx, () => ({
    patch: { priority: body.priority },
    event: eventOf(order, ctx, {
      kind: 'priority_changed',
      comment: `${order.priority} → ${body.priority}`,
      visibility: 'internal',
    }),
    mails: [],
  }));
}

/**
 * The requester or the team adds and removes watchers. `known`: the people named to be added, as
 * loaded; anyone missing there is unknown.
 */
export function applyWatchers(
  order: Order,
  body: { add?: string[]; remove?: string[] },
  known: ReadonlyMap<string, Pick<User, 'name'>>,
  ctx: ChangeContext,
): Outcome {
  requireRequesterOrTeam(order, ctx);
  const add = body.add ?? [];
  const remove = body.remove ?? [];
  const unknown = add.filter((id) => !known.has(id));
  if (unknown.length)
    throw new ValidationError('invalid_request', {}, { add: refusal('unknown_people', { ids: unknown }) });
  const watchers = [...new Set([...order.watchers, ...add])].filter((id) => !remove.includes(id));
  const names = (ids: string[]) => ids.map((id) => known.get(id)?.name ?? id).join(', ');
  const said = [add.length ? `added ${names(add)}` : '', remove.length ? `removed ${remove.join(', ')}` : ''];
  const event = eventOf(order, ctx, { kind: 'watchers_changed', comment: said.filter(Boolean).join('; ') });
  return { order: nextVersion(order, ctx.now, { watchers }), events: [event], mails: [], counters: [] };
}

/** A comment, or an internal note of the team; the team's first public reply is its first response. */
export function applyComment(order: Order, body: CommentBody, ctx: ChangeContext): Outcome {
  if (body.visibility === 'internal' && !canSeeInternal(ctx.actor, order)) {
    throw new ForbiddenError('team_only');
  }
  const next = nextVersion(order, ctx.now);
  if (
    body.visibility === 'public' &&
    isAgentOf(ctx.actor, order.department) &&
    order.clocks?.firstResponse.stoppedAt === undefined
  ) {
    settle(order, next, ctx.service, ctx.calendar, { responded: true });
  }
  const event = eventOf(order, ctx, {
    kind: body.visibility === 'internal' ? 'internal_note' : 'comment',
    comment: body.text,
    visibility: body.visibility,
  });
  return {
    order: next,
    events: [event],
    mails: commentMail(order, body, ctx),
    counters: orderDeltas(order, next, 'comment', ctx.calendar),
  };
}

/**
 * Who hears of a public comment: the requester's goes to whoever handles the order for the team; the
 * team's to the requester and watchers. Internal notes and watchers' comments send nothing.
 */
function commentMail(order: Order, body: CommentBody, ctx: ChangeContext): MailPlan[] {
  if (body.visibility !== 'public') return [];
  if (isAgentOf(ctx.actor, order.department)) return [{ event: 'team_commented', to: 'requester', comment: body.text }];
  if (ctx.actor.id === order.requesterId || ctx.actor.id === order.filedById) {
    return [{ event: 'requester_commented', to: 'handlers', comment: body.text }];
  }
  return [];
}
