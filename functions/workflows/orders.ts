/**
 * Order use cases, free of HTTP. Each one authorizes with shared/permissions, decides with the shared
 * state machine, and persists through the repositories in one transaction.
 * DynamoDB calls (warm caches): create 3 (service, number, transaction); view 1; a change 2 (order
 * with timeline, transaction); my orders 1; queue 1.
 */

import { createHash } from 'node:crypto';
import type {
  ClarificationView,
  CommentBody,
  CreateOrderBody,
  HandInputBody,
  OrderSummary,
  OrderView,
  Page,
  TickDeliverableBody,
  TransitionBody,
} from '#shared/api.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '#shared/errors.ts';
import { validateAnswers } from '#shared/forms.ts';
import {
  ACTIVE_STATUSES,
  type Action,
  availableActions,
  decide,
  initialStatus,
  missingItems,
  WORK_STATUSES,
} from '#shared/lifecycle.ts';
import type {
  Answers,
  BusinessCalendar,
  ChecklistState,
  MailMessage,
  Order,
  OrderLink,
  Priority,
  Service,
  TimelineEvent,
  User,
} from '#shared/model.ts';
import {
  composeOrderMails,
  MAIL_ON_ACTION,
  type MailEvent,
  type OrderAudience,
  type Recipient,
  wantsMail,
} from '#shared/notifications.ts';
import {
  advanceClocks,
  autoCloseAt,
  DEFAULT_PAUSE_STATUSES,
  nextDueAt,
  RESPONDING_ACTIONS,
  rotateHold,
  STOPPED_STATUSES,
  slaSummary,
  standardInForce,
  startOrderClocks,
} from '#shared/order-clocks.ts';
import { actorRoles, canSeeInternal, canViewOrder, canWorkQueue, isAgentOf, mayOrder } from '#shared/permissions.ts';
import { promiseDate } from '#shared/sla.ts';
import { localDay, orderDeltas, type StatsDelta } from '#shared/stats.ts';
import { toSummary } from '#shared/summary.ts';
import type { LinkSigner } from '../auth/links.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import { type Alongside, DuplicateRequestError, type OrderRepository } from '../repositories/orders.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';
import type { SurveyWorkflow } from './surveys.ts';

export interface OrderWorkflowDeps {
  surveys: SurveyWorkflow;
  orders: OrderRepository;
  services: ServiceRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  links: LinkSigner;
  portalUrl: string;
  now: () => Date;
}

/** How long an Idempotency-Key is remembered. */
const IDEMPOTENCY_SECONDS = 24 * 3600;

/** JSON with sorted keys, so the same request always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Clarification links in emails stay valid this long. */
const CLARIFICATION_LINK_SECONDS = 14 * 24 * 3600;

/** A part of a bundle with the service it orders. */
type BundlePart = { part: NonNullable<Service['bundle']>[number]; service: Service };

function titleFor(service: Service, answers: Answers): string {
  const firstText = service.form.find((f) => f.kind === 'text' && typeof answers[f.id] === 'string' && answers[f.id]);
  const detail = firstText ? String(answers[firstText.id]) : '';
  return (detail ? `${service.name}: ${detail}` : service.name).slice(0, 200);
}

function linkOf(order: Order): OrderLink {
  return {
    number: order.number,
    department: order.department,
    serviceName: order.serviceName,
    status: order.status,
    stage: order.stage,
    relation: order.relation ?? 'handoff',
    ...(order.clocks?.resolution.dueAt ? { dueAt: order.clocks.resolution.dueAt } : {}),
    ...(order.standardRef ? { standardRef: order.standardRef } : {}),
  };
}

function answered(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function prefixFields(fields: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

export class OrderWorkflow {
  constructor(private readonly deps: OrderWorkflowDeps) {}

  // ---- filing ----

  /**
   * Files an order. With an Idempotency-Key, repeating the same request returns the same order
   * (`replayed`), and the same key with another body is a conflict.
   */
  async create(user: User, body: CreateOrderBody, idempotencyKey?: string): Promise<OrderView & { replayed?: true }> {
    const { services, users } = this.deps;
    const service = await services.get(body.serviceId);
    if (service?.status !== 'published') throw new NotFoundError(`There is no service ${body.serviceId}.`);
    if (!mayOrder(user, service)) throw new ForbiddenError(`“${service.name}” is not offered to you.`);

    let requester = user;
    if (body.requesterId && body.requesterId !== user.id) {
      const colleague = await users.get(body.requesterId);
      if (!colleague) {
        throw new ValidationError('The colleague you order for is unknown.', { requesterId: 'Unknown person.' });
      }
      requester = colleague;
    }
    // Parts are checked before the case takes its number, so a refused bundle leaves no gap.
    const partServices = service.bundle?.length ? await this.partServices(user, service) : [];
    const { order, event, mail } = await this.draft({
      actor: user,
      requester,
      service,
      answers: body.answers,
      priority: body.priority ?? 'normal',
      handed: body.inputs ?? {},
    });
    const requestHash = createHash('sha256').update(stableJson(body)).digest('base64url');
    const idempotency = idempotencyKey
      ? {
          userId: user.id,
          key: idempotencyKey,
          requestHash,
          orderNumber: order.number,
          expiresAt: Math.floor(this.deps.now().getTime() / 1000) + IDEMPOTENCY_SECONDS,
        }
      : undefined;
    // A bundle: one case order plus a linked order per part, all in one transaction (SPEC §14.7).
    const parts = await this.bundleParts(user, requester, partServices, order);
    try {
      const stats = (
        await Promise.all([order, ...parts.map((p) => p.order)].map((o) => this.deltas(undefined, o, 'submitted')))
      ).flat();
      await this.deps.orders.createCase([{ order, events: [event], mail }, ...parts], {
        stats,
        ...(idempotency ? { idempotency } : {}),
      });
    } catch (error) {
      if (!(error instanceof DuplicateRequestError)) throw error;
      if (error.first.requestHash !== requestHash) {
        throw new ConflictError('This Idempotency-Key was already used for a different order.');
      }
      return { ...(await this.view(user, error.first.orderNumber)), replayed: true };
    }
    return this.present(user, { ...order, children: parts.map((p) => linkOf(p.order)) }, [event], service);
  }

  /** The services of a bundle's parts, each published and offered to the person ordering. */
  private async partServices(user: User, service: Service): Promise<BundlePart[]> {
    const found: BundlePart[] = [];
    for (const part of service.bundle ?? []) {
      const partService = await this.deps.services.get(part.serviceId);
      if (partService?.status !== 'published') {
        throw new RuleViolationError(`Part of this bundle (${part.serviceId}) is not offered at the moment.`);
      }
      // A part is an order in its own right: the same audience rule as ordering it alone.
      if (!mayOrder(user, partService)) {
        throw new ForbiddenError(`“${partService.name}”, a part of this bundle, is not offered to you.`);
      }
      found.push({ part, service: partService });
    }
    return found;
  }

  private async bundleParts(user: User, requester: User, partServices: BundlePart[], caseOrder: Order) {
    const parts: Array<{ order: Order; events: TimelineEvent[]; mail: MailMessage[] }> = [];
    for (const { part, service: partService } of partServices) {
      const answers: Answers = {};
      for (const field of partService.form) {
        const source = part.fieldMap?.[field.id] ?? field.id;
        const value = caseOrder.answers[source];
        if (value !== undefined) answers[field.id] = value;
      }
      try {
        const drafted = await this.draft({
          actor: user,
          requester,
          service: partService,
          answers,
          priority: caseOrder.priority,
          handed: {},
          parent: { number: caseOrder.number, relation: 'bundle_part' },
          quiet: true,
        });
        parts.push({ order: drafted.order, events: [drafted.event], mail: drafted.mail });
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new RuleViolationError(
            `The bundle cannot fill in “${partService.name}”: ${Object.values(error.fields ?? {}).join(' ')}`,
          );
        }
        throw error;
      }
    }
    return parts;
  }

  /** Hand-off (SPEC §4, §14.1): a linked child order in another department's service. */
  async handoff(
    user: User,
    number: string,
    body: { version: number; serviceId: string; answers: Answers; pass?: Record<string, string>; comment?: string },
  ): Promise<OrderView> {
    const { order: parent } = await this.load(user, number);
    if (!isAgentOf(user, parent.department)) throw new ForbiddenError('Only the team hands an order off.');
    this.checkVersion(parent, body.version);
    if (!WORK_STATUSES.has(parent.status)) {
      throw new RuleViolationError('Only an order that is being worked can be handed off.');
    }
    const service = await this.deps.services.get(body.serviceId);
    if (service?.status !== 'published') {
      throw new ValidationError('Choose a published service.', { serviceId: 'There is no such service.' });
    }
    if (service.department === parent.department) {
      throw new ValidationError('Hand off to another department.', {
        serviceId: 'This service is your own department’s.',
      });
    }
    // Parent deliverables passed on become the child's inputs, with their note and file.
    const handed: Record<string, { note?: string; attachment?: string }> = {};
    for (const [deliverableId, inputId] of Object.entries(body.pass ?? {})) {
      const deliverable = parent.deliverables.find((d) => d.id === deliverableId);
      if (!deliverable)
        throw new ValidationError('Unknown deliverable.', { [`pass.${deliverableId}`]: 'No such deliverable.' });
      if (!service.inputs.some((i) => i.id === inputId)) {
        throw new ValidationError('Unknown input.', {
          [`pass.${deliverableId}`]: `${service.name} has no input ${inputId}.`,
        });
      }
      handed[inputId] = {
        note: `From ${parent.number}: ${deliverable.label}${deliverable.note ? ` — ${deliverable.note}` : ''}`,
        ...(deliverable.attachment ? { attachment: deliverable.attachment } : {}),
      };
    }
    const requester = (await this.deps.users.get(parent.requesterId)) ?? user;
    const {
      order: child,
      event,
      mail,
    } = await this.draft({
      actor: user,
      requester,
      service,
      answers: body.answers,
      priority: parent.priority,
      handed,
      parent: { number: parent.number, relation: 'handoff' },
      trustedAttachments: true,
    });
    const now = child.createdAt;
    const nextParent: Order = { ...parent, updatedAt: now, version: parent.version + 1 };
    const parentEvent: TimelineEvent = {
      orderNumber: parent.number,
      at: now,
      actorId: user.id,
      kind: 'handoff',
      comment: `Handed off to ${service.name} as ${child.number}${body.comment ? `: ${body.comment}` : '.'}`,
      visibility: 'public',
    };
    await this.deps.orders.create(child, [event], mail, {
      parent: { order: nextParent, expectedVersion: parent.version, events: [parentEvent] },
      stats: await this.deltas(undefined, child, 'submitted'),
    });
    return this.present(user, child, [event], service);
  }

  // ---- reading ----

  /** The order (if the caller may see it) with the service version it was filed under. */
  async viewWithService(user: User, number: string): Promise<{ order: Order; service: Service | undefined }> {
    const { order, service } = await this.load(user, number);
    return { order, service };
  }

  async view(user: User, number: string): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    return this.present(user, order, timeline, service);
  }

  async mine(user: User, cursor: string | undefined, limit: number): Promise<Page<OrderSummary>> {
    const page = await this.deps.orders.listByRequester(user.id, cursor, limit);
    return { items: await this.summaries(page.orders), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  async queue(user: User, department: string, cursor: string | undefined, limit: number): Promise<Page<OrderSummary>> {
    // Not a member: answer as if the department had no queue, so nothing is revealed.
    if (!canWorkQueue(user, department)) throw new NotFoundError(`There is no queue ${department} for you.`);
    const page = await this.deps.orders.queue(department, cursor, limit);
    return { items: await this.summaries(page.orders), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  /**
   * Escalation view for the team and head: every active order of the department whose clocks are in
   * warning or breached, most overdue first. Reads the queue index only (active orders).
   */
  async atRisk(user: User, department: string): Promise<OrderSummary[]> {
    if (!canWorkQueue(user, department)) throw new NotFoundError(`There is no queue ${department} for you.`);
    const found: OrderSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.orders.queue(department, cursor, 100);
      for (const summary of await this.summaries(page.orders)) {
        if (summary.sla && (summary.sla.state === 'warning' || summary.sla.state === 'breached')) found.push(summary);
      }
      cursor = page.nextCursor;
    } while (cursor && found.length < 500);
    return found.sort((a, b) => (a.sla?.minutesLeft ?? 0) - (b.sla?.minutesLeft ?? 0));
  }

  // ---- changes ----

  async transition(user: User, number: string, body: TransitionBody): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    this.checkVersion(order, body.version);
    const roles = actorRoles(user, order, service);
    const now = this.deps.now().toISOString();
    // Some actions change the order before the state machine decides (e.g. which inputs go back).
    const next: Order = { ...order, updatedAt: now, version: order.version + 1 };
    let comment = body.comment;
    switch (body.action) {
      case 'return_inputs': {
        const ids = body.inputs ?? [];
        if (ids.length === 0)
          throw new ValidationError('Choose the inputs that are incomplete.', { inputs: 'Choose at least one input.' });
        this.checkIds(ids, order.inputs, 'inputs');
        next.inputs = order.inputs.map((i) =>
          ids.includes(i.id) ? { ...i, done: false, note: body.comment ?? i.note ?? '' } : i,
        );
        next.reworks = (order.reworks ?? 0) + 1;
        break;
      }
      case 'request_clarification': {
        if (!body.comment) throw new ValidationError('Write the question.', { comment: 'Say what you need to know.' });
        const fields = body.fields ?? [];
        const inputs = body.inputs ?? [];
        this.checkIds(fields, service?.form ?? [], 'fields');
        this.checkIds(inputs, order.inputs, 'inputs');
        next.clarifications = (order.clarifications ?? 0) + 1;
        next.clarification = {
          id: `c${next.clarifications}`,
          question: body.comment,
          fields,
          inputs,
          askedBy: user.id,
          askedAt: now,
        };
        break;
      }
      case 'answer_clarification': {
        if (!body.comment) throw new ValidationError('Write your answer.', { comment: 'Write your answer.' });
        this.applyClarificationAnswers(user, order, next, service, body.answers ?? {});
        comment = body.comment;
        break;
      }
      default:
        break;
    }
    const decision = decide(next, body.action, roles, {
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      ...(order.autoCloseAt ? { withinReopenWindow: now < order.autoCloseAt } : {}),
    });
    if (!decision.ok) {
      if (decision.kind === 'role') throw new ForbiddenError(decision.reason);
      throw new RuleViolationError(decision.reason);
    }
    next.status = decision.to;
    switch (body.action) {
      case 'claim':
        next.assigneeId = user.id;
        break;
      case 'assign': {
        const assigneeId = body.assigneeId ?? user.id;
        const assignee = await this.deps.users.get(assigneeId);
        if (!assignee || !isAgentOf(assignee, order.department)) {
          throw new ValidationError('Assign the order to an agent of the department.', {
            assigneeId: 'Not an agent of this department.',
          });
        }
        next.assigneeId = assigneeId;
        break;
      }
      case 'resolve':
        next.resolvedAt = now;
        break;
      case 'reopen':
        delete next.resolvedAt;
        break;
      case 'answer_clarification':
        delete next.clarification;
        break;
      case 'reject':
      case 'cancel':
        next.closure = { reason: body.reason ?? '', ...(body.comment ? { text: body.comment } : {}) };
        delete next.clarification;
        break;
      default:
        break;
    }
    const event: TimelineEvent = {
      orderNumber: number,
      at: now,
      actorId: user.id,
      kind: body.action,
      from: order.status,
      to: next.status,
      visibility: 'public',
      ...(comment ? { comment } : {}),
      ...(body.reason && body.action === 'reject' ? { reason: body.reason } : {}),
    };
    await this.settle(order, next, service, {
      responded: RESPONDING_ACTIONS.has(body.action),
      reopened: body.action === 'reopen',
    });
    const mail = await this.mailForAction(body.action, next, comment);
    const stats = await this.deltas(order, next, body.action);
    let alongside: Alongside = {};
    if (body.action === 'resolve') {
      // The survey of this resolution: invite, or sample out when the person had one recently.
      const plan = await this.deps.surveys.planInvitation(next, service);
      if (plan) {
        next.survey = plan.survey;
        mail.push(...plan.mail);
        alongside = plan.alongside;
        const calendar = await this.calendar(next.department);
        stats.push({
          department: next.department,
          day: localDay(now, calendar.timeZone),
          kind: 'service',
          key: next.serviceId,
          counters: plan.counters,
        });
      }
    }
    await this.deps.orders.update(next, order.version, [event], mail, stats, alongside);
    return this.present(user, next, [...timeline, event], service);
  }

  /** The requester hands over an input (or the team marks it received); complete inputs open the order. */
  async handInput(user: User, number: string, inputId: string, body: HandInputBody): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    const roles = actorRoles(user, order, service);
    if (!roles.has('requester') && !roles.has('agent'))
      throw new ForbiddenError('Only the requester or the team hands over inputs.');
    this.checkVersion(order, body.version);
    // Inputs are taken while the team owes work (the order sits in the queue).
    if (!ACTIVE_STATUSES.has(order.status)) throw new RuleViolationError('This order no longer takes inputs.');
    const item = order.inputs.find((i) => i.id === inputId);
    if (!item) throw new NotFoundError(`The order has no input ${inputId}.`);
    if (body.attachment) this.checkAttachment(user, body.attachment, 'attachment');
    const now = this.deps.now().toISOString();
    const handed = this.tick(item, body.done, user.id, now, body.note, body.attachment);
    const next: Order = {
      ...order,
      inputs: order.inputs.map((i) => (i.id === inputId ? handed : i)),
      updatedAt: now,
      version: order.version + 1,
    };
    const events: TimelineEvent[] = [
      {
        orderNumber: number,
        at: now,
        actorId: user.id,
        kind: body.done ? 'input_handed_over' : 'input_withdrawn',
        comment: body.note ? `${item.label}: ${body.note}` : item.label,
        visibility: 'public',
      },
    ];
    const mail: MailMessage[] = [];
    if (next.status === 'awaiting_inputs' && missingItems(next.inputs).length === 0) {
      const opened = decide(next, 'complete_inputs', new Set(['system']));
      if (opened.ok) {
        next.status = opened.to;
        events.push({
          orderNumber: number,
          at: now,
          actorId: user.id,
          kind: 'complete_inputs',
          from: order.status,
          to: opened.to,
          visibility: 'public',
        });
        mail.push(...(await this.mailTo('new_in_queue', next, 'team')));
      }
    }
    await this.settle(order, next, service, {});
    await this.deps.orders.update(next, order.version, events, mail, await this.deltas(order, next, 'hand_input'));
    return this.present(user, next, [...timeline, ...events], service);
  }

  async tickDeliverable(
    user: User,
    number: string,
    deliverableId: string,
    body: TickDeliverableBody,
  ): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    if (!isAgentOf(user, order.department)) throw new ForbiddenError('Only the team ticks deliverables.');
    this.checkVersion(order, body.version);
    if (!WORK_STATUSES.has(order.status)) {
      throw new RuleViolationError('Deliverables can be ticked only while the order is being worked.');
    }
    const item = order.deliverables.find((d) => d.id === deliverableId);
    if (!item) throw new NotFoundError(`The order has no deliverable ${deliverableId}.`);
    if (body.attachment) this.checkAttachment(user, body.attachment, 'attachment');
    const now = this.deps.now().toISOString();
    const ticked = this.tick(item, body.done, user.id, now, body.note, body.attachment);
    const next: Order = {
      ...order,
      deliverables: order.deliverables.map((d) => (d.id === deliverableId ? ticked : d)),
      updatedAt: now,
      version: order.version + 1,
    };
    const event: TimelineEvent = {
      orderNumber: number,
      at: now,
      actorId: user.id,
      kind: body.done ? 'deliverable_ticked' : 'deliverable_unticked',
      comment: body.note ? `${item.label}: ${body.note}` : item.label,
      visibility: 'public',
    };
    await this.deps.orders.update(next, order.version, [event], []);
    return this.present(user, next, [...timeline, event], service);
  }

  async moveStage(user: User, number: string, body: { version: number; stage: string }): Promise<OrderView> {
    return this.teamChange(user, number, body.version, async (order, service) => {
      const stage = service?.stages.find((s) => s.id === body.stage);
      if (!stage) throw new ValidationError('Unknown stage.', { stage: 'This service has no such stage.' });
      if (!WORK_STATUSES.has(order.status))
        throw new RuleViolationError('Stages move only while the order is being worked.');
      const from = service?.stages.find((s) => s.id === order.stage)?.name ?? order.stage;
      return {
        patch: { stage: stage.id },
        event: { kind: 'stage_changed', comment: `${from} → ${stage.name}` },
        mail: await this.mailTo('stage_changed', { ...order, stage: stage.id }, 'requester', `${from} → ${stage.name}`),
      };
    });
  }

  async setPriority(user: User, number: string, body: { version: number; priority: Priority }): Promise<OrderView> {
    return this.teamChange(user, number, body.version, async (order) => ({
      patch: { priority: body.priority },
      event: { kind: 'priority_changed', comment: `${order.priority} → ${body.priority}`, visibility: 'internal' },
      mail: [],
    }));
  }

  async changeWatchers(user: User, number: string, body: { add?: string[]; remove?: string[] }): Promise<OrderView> {
    return this.retrying(async () => {
      const { order, timeline, service } = await this.load(user, number);
      const roles = actorRoles(user, order, service);
      if (!roles.has('requester') && !roles.has('agent'))
        throw new ForbiddenError('Only the requester or the team changes watchers.');
      const add = body.add ?? [];
      const found = await this.deps.users.getMany(add);
      const unknown = add.filter((id) => !found.has(id));
      if (unknown.length)
        throw new ValidationError('Unknown people.', { add: `No such person: ${unknown.join(', ')}.` });
      const watchers = [...new Set([...order.watchers, ...add])].filter((id) => !(body.remove ?? []).includes(id));
      const now = this.deps.now().toISOString();
      const next: Order = { ...order, watchers, updatedAt: now, version: order.version + 1 };
      const names = (ids: string[]) => ids.map((id) => found.get(id)?.name ?? id).join(', ');
      const event: TimelineEvent = {
        orderNumber: number,
        at: now,
        actorId: user.id,
        kind: 'watchers_changed',
        comment: [
          add.length ? `added ${names(add)}` : '',
          body.remove?.length ? `removed ${body.remove.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        visibility: 'public',
      };
      await this.deps.orders.update(next, order.version, [event], []);
      return this.present(user, next, [...timeline, event], service);
    });
  }

  async comment(user: User, number: string, body: CommentBody): Promise<OrderView> {
    // Comments do not depend on what the writer saw, so a lost race is retried rather than refused.
    return this.retrying(async () => {
      const { order, timeline, service } = await this.load(user, number);
      if (body.visibility === 'internal' && !canSeeInternal(user, order)) {
        throw new ForbiddenError('Only the team writes internal notes.');
      }
      const now = this.deps.now().toISOString();
      const next: Order = { ...order, updatedAt: now, version: order.version + 1 };
      if (
        body.visibility === 'public' &&
        isAgentOf(user, order.department) &&
        order.clocks?.firstResponse.stoppedAt === undefined
      ) {
        await this.settle(order, next, service, { responded: true });
      }
      const event: TimelineEvent = {
        orderNumber: number,
        at: now,
        actorId: user.id,
        kind: body.visibility === 'internal' ? 'internal_note' : 'comment',
        comment: body.text,
        visibility: body.visibility,
      };
      await this.deps.orders.update(next, order.version, [event], [], await this.deltas(order, next, 'comment'));
      return this.present(user, next, [...timeline, event], service);
    });
  }

  // ---- clarification by signed link (no sign-in) ----

  async clarificationByLink(token: string): Promise<ClarificationView> {
    const { order, service } = await this.fromLink(token);
    const clarification = order.clarification!;
    return {
      number: order.number,
      title: order.title,
      question: clarification.question,
      // The requested fields and those that appear depending on them (e.g. an end date for a fixed term).
      fields: (service?.form ?? []).filter(
        (f) =>
          clarification.fields.includes(f.id) || (f.visibleWhen && clarification.fields.includes(f.visibleWhen.field)),
      ),
      inputs: order.inputs
        .filter((i) => clarification.inputs.includes(i.id))
        .map((i) => ({ id: i.id, label: i.label })),
      answers: order.answers,
    };
  }

  async answerByLink(
    token: string,
    body: { comment: string; answers?: Answers },
  ): Promise<{ ok: true; number: string }> {
    const { order } = await this.fromLink(token);
    const requester = await this.deps.users.get(order.requesterId);
    if (!requester) throw new NotFoundError('This link is no longer valid.');
    await this.transition(requester, order.number, {
      action: 'answer_clarification',
      version: order.version,
      comment: body.comment,
      ...(body.answers ? { answers: body.answers } : {}),
    });
    return { ok: true, number: order.number };
  }

  clarificationLink(order: Order): string | undefined {
    if (!order.clarification) return undefined;
    const token = this.deps.links.sign({
      purpose: 'clarification',
      orderNumber: order.number,
      ref: order.clarification.id,
      exp: Math.floor(this.deps.now().getTime() / 1000) + CLARIFICATION_LINK_SECONDS,
    });
    return `${this.deps.portalUrl.replace(/\/$/, '')}/answer/${token}`;
  }

  // ---- helpers ----

  private async fromLink(token: string) {
    const check = this.deps.links.verify(token, 'clarification', Math.floor(this.deps.now().getTime() / 1000));
    if (!check.ok) {
      throw new ValidationError(
        check.reason === 'expired'
          ? 'This link has expired. Open the order in Ordo to answer.'
          : 'This link is not valid. Open the order in Ordo to answer.',
        { token: check.reason },
      );
    }
    const found = await this.deps.orders.getWithTimeline(check.claims.orderNumber);
    if (!found || found.order.clarification?.id !== check.claims.ref || found.order.status !== 'waiting_for_customer') {
      throw new NotFoundError('This question was already answered or withdrawn.');
    }
    const service = await this.deps.services.getVersion(found.order.serviceId, found.order.serviceVersion);
    return { order: found.order, service };
  }

  private async draft(input: {
    actor: User;
    requester: User;
    service: Service;
    answers: Answers;
    priority: Priority;
    handed: Record<string, { note?: string | undefined; attachment?: string | undefined }>;
    parent?: { number: string; relation: 'handoff' | 'bundle_part' };
    /** Attachments copied from a parent order were checked when they were first attached. */
    trustedAttachments?: boolean;
    /** Bundle parts: the requester already got the case's confirmation. */
    quiet?: boolean;
  }): Promise<{ order: Order; event: TimelineEvent; mail: MailMessage[] }> {
    const { actor, requester, service } = input;
    const checked = validateAnswers(service.form, input.answers);
    if (!checked.ok)
      throw new ValidationError('Some answers need your attention.', prefixFields(checked.fields, 'answers'));
    for (const field of service.form) {
      const value = checked.answers[field.id];
      if (field.kind === 'attachment' && typeof value === 'string')
        this.checkAttachment(actor, value, `answers.${field.id}`);
    }
    for (const [id, handed] of Object.entries(input.handed)) {
      if (!service.inputs.some((i) => i.id === id))
        throw new ValidationError('Unknown input.', { [`inputs.${id}`]: 'No such input.' });
      if (handed.attachment && !input.trustedAttachments)
        this.checkAttachment(actor, handed.attachment, `inputs.${id}`);
    }

    const now = this.deps.now().toISOString();
    const number = await this.deps.departments.nextOrderNumber(service.department);
    const inputs: ChecklistState[] = service.inputs.map((spec) => {
      const base: ChecklistState = { id: spec.id, label: spec.label, required: spec.required, done: false };
      if (spec.kind === 'formField' && spec.field !== undefined && answered(checked.answers[spec.field])) {
        return { ...base, done: true, by: requester.id, at: now };
      }
      const handed = input.handed[spec.id];
      return handed ? this.tick(base, true, actor.id, now, handed.note, handed.attachment) : base;
    });
    const status = initialStatus(service, inputs);
    const calendar = await this.calendar(service.department);
    const inForce = standardInForce(service, localDay(now, calendar.timeZone));
    const clocks = startOrderClocks(
      { ...inForce.standard, version: service.version },
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
      title: titleFor(service, checked.answers),
      answers: checked.answers,
      status,
      stage,
      priority: input.priority,
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
      version: 1,
    };
    const due = nextDueAt(clocks);
    if (due) order.nextDueAt = due;
    if (input.parent) {
      order.parentNumber = input.parent.number;
      order.relation = input.parent.relation;
    }
    const event: TimelineEvent = {
      orderNumber: number,
      at: now,
      actorId: actor.id,
      kind: 'submitted',
      to: status,
      visibility: 'public',
      ...(input.parent
        ? { comment: `${input.parent.relation === 'handoff' ? 'Handed off from' : 'Part of'} ${input.parent.number}.` }
        : requester.id !== actor.id
          ? { comment: `Filed on behalf of ${requester.name}.` }
          : {}),
    };
    const mail: MailMessage[] = input.quiet ? [] : this.mail('order_received', order, [requester], 'requester');
    if (status === 'awaiting_approval') {
      const department = await this.deps.departments.get(service.department);
      const approverIds =
        service.approval.kind === 'named' ? service.approval.approvers : department ? [department.headId] : [];
      const approvers = await this.deps.users.getMany(approverIds);
      mail.push(...this.mail('approval_needed', order, [...approvers.values()], 'approvers'));
    } else if (status === 'awaiting_inputs') {
      mail.push(...this.mail('inputs_missing', order, [requester], 'requester-inputs'));
    } else {
      mail.push(...(await this.mailTo('new_in_queue', order, 'team')));
    }
    return { order, event, mail };
  }

  /** Report counters for a change (see shared/stats.ts), on the department's local day. */
  private async deltas(before: Order | undefined, after: Order, action: string): Promise<StatsDelta[]> {
    const calendar = await this.calendar(after.department);
    return orderDeltas(before, after, action, calendar.timeZone);
  }

  /** The department's calendar (cached with the department). */
  private async calendar(department: string): Promise<BusinessCalendar> {
    const found = await this.deps.departments.get(department);
    if (!found) throw new NotFoundError(`There is no department ${department}.`);
    return found.calendar;
  }

  /**
   * Brings the clocks, the holds, the queue position and the auto-close time in line with a change
   * from `before` to `next` (mutates `next`). Every write of an order goes through here.
   */
  private async settle(
    before: Order,
    next: Order,
    service: Service | undefined,
    change: { responded?: boolean; reopened?: boolean },
  ): Promise<void> {
    const at = new Date(next.updatedAt);
    const calendar = await this.calendar(next.department);
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
        ? {
            stage: next.stage,
            department: next.department,
            ...(next.assigneeId ? { assigneeId: next.assigneeId } : {}),
          }
        : null,
    );
    if (next.status === 'resolved' && before.status !== 'resolved') next.autoCloseAt = autoCloseAt(at, calendar);
    if (next.status !== 'resolved') delete next.autoCloseAt;
  }

  private tick(
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

  /** An attachment key must be one the person uploaded themselves (see POST /attachments). */
  private checkAttachment(user: User, key: string, field: string): void {
    if (!key.startsWith(`uploads/${user.id}/`) || key.includes('..')) {
      throw new ValidationError('Attach a file you uploaded.', { [field]: 'Unknown file.' });
    }
  }

  private checkIds(ids: string[], known: ReadonlyArray<{ id: string }>, field: string): void {
    const unknown = ids.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length) throw new ValidationError('Unknown items.', { [field]: `Unknown: ${unknown.join(', ')}.` });
  }

  private checkVersion(order: Order, version: number): void {
    if (version !== order.version) {
      throw new ConflictError(`Order ${order.number} has changed since you loaded it. Reload and try again.`, order);
    }
  }

  /**
   * Takes the requester's new answers for the fields the team asked about (and the fields that appear
   * depending on them). The whole form must still be valid afterwards: a changed answer can make
   * another field required. A new file must be one the person answering uploaded, as when filing.
   */
  private applyClarificationAnswers(
    user: User,
    order: Order,
    next: Order,
    service: Service | undefined,
    answers: Answers,
  ): void {
    const asked = order.clarification?.fields ?? [];
    const form = service?.form ?? [];
    const answerable = new Set([
      ...asked,
      ...form.filter((f) => f.visibleWhen && asked.includes(f.visibleWhen.field)).map((f) => f.id),
    ]);
    const extra = Object.keys(answers).filter((k) => !answerable.has(k));
    if (extra.length)
      throw new ValidationError('Answer only what was asked.', { answers: `Not asked: ${extra.join(', ')}.` });
    if (!service || asked.length === 0) return;
    const checked = validateAnswers(form, { ...order.answers, ...answers });
    if (!checked.ok)
      throw new ValidationError('Some answers need your attention.', prefixFields(checked.fields, 'answers'));
    for (const field of form) {
      const value = checked.answers[field.id];
      // A file kept from before was checked when it was first attached (possibly by someone else).
      if (field.kind === 'attachment' && typeof value === 'string' && value !== order.answers[field.id])
        this.checkAttachment(user, value, `answers.${field.id}`);
    }
    next.answers = checked.answers;
  }

  private async teamChange(
    user: User,
    number: string,
    version: number,
    change: (
      order: Order,
      service: Service | undefined,
    ) => Promise<{
      patch: Partial<Order>;
      event: Pick<TimelineEvent, 'kind' | 'comment'> & { visibility?: TimelineEvent['visibility'] };
      mail: MailMessage[];
    }>,
  ): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    if (!isAgentOf(user, order.department)) throw new ForbiddenError('Only the team changes this.');
    this.checkVersion(order, version);
    const { patch, event: partial, mail } = await change(order, service);
    const now = this.deps.now().toISOString();
    const next: Order = { ...order, ...patch, updatedAt: now, version: order.version + 1 };
    await this.settle(order, next, service, {});
    const event: TimelineEvent = { orderNumber: number, at: now, actorId: user.id, visibility: 'public', ...partial };
    await this.deps.orders.update(next, order.version, [event], mail, await this.deltas(order, next, event.kind));
    return this.present(user, next, [...timeline, event], service);
  }

  /** Re-reads and retries a change that does not depend on what the caller saw, with jittered backoff. */
  private async retrying<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 9) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
      }
    }
  }

  private async load(user: User, number: string) {
    const found = await this.deps.orders.getWithTimeline(number);
    if (!found || !canViewOrder(user, found.order)) throw this.notFound(number);
    const service = await this.deps.services.getVersion(found.order.serviceId, found.order.serviceVersion);
    return { ...found, service };
  }

  private notFound(number: string): NotFoundError {
    // The same answer whether the order does not exist or is not the caller's to see.
    return new NotFoundError(`There is no order ${number} you can see.`);
  }

  /** One message per language among the recipients. */
  private mail(
    event: MailEvent,
    order: Order,
    recipients: Recipient[],
    audience: string,
    comment?: string,
    link?: string,
  ): MailMessage[] {
    return composeOrderMails({
      event,
      order,
      recipients,
      audience,
      portalUrl: this.deps.portalUrl,
      ...(comment ? { comment } : {}),
      ...(link ? { actionUrl: link } : {}),
    });
  }

  /** The mail for one audience of an order: requester (+ watchers), assignee, or the department team. */
  private async mailTo(
    event: MailEvent,
    order: Order,
    audience: OrderAudience,
    comment?: string,
  ): Promise<MailMessage[]> {
    if (audience === 'requester') {
      const people = await this.deps.users.getMany([order.requesterId, ...order.watchers]);
      const requester = people.get(order.requesterId);
      // The address the order was filed with, in the language the person chose since.
      const toRequester: Recipient[] = wantsMail(requester, event)
        ? [{ email: order.requesterEmail, language: requester?.language }]
        : [];
      const watchers = (watcherEvent: MailEvent) =>
        order.watchers
          .map((id) => people.get(id))
          .filter((p): p is User => Boolean(p && p.email !== order.requesterEmail && wantsMail(p, watcherEvent)));
      if (event === 'clarification_requested') {
        // The signed link answers as the requester, so it goes to them alone. Watchers read the
        // question and follow the order page; an answer in the portal is recorded as whoever gives it.
        return [
          ...this.mail(event, order, toRequester, audience, comment, this.clarificationLink(order)),
          ...this.mail('requester_asked', order, watchers('requester_asked'), 'watchers', comment),
        ];
      }
      return this.mail(event, order, [...toRequester, ...watchers(event)], audience, comment);
    }
    if (audience === 'team') {
      // The team's shared mailbox is nobody's profile: it gets English.
      const department = await this.deps.departments.get(order.department);
      return department ? this.mail(event, order, [{ email: department.contactEmail }], audience, comment) : [];
    }
    if (!order.assigneeId) return [];
    const assignee = await this.deps.users.get(order.assigneeId);
    return assignee && wantsMail(assignee, event) ? this.mail(event, order, [assignee], audience, comment) : [];
  }

  private async mailForAction(action: Action, order: Order, comment: string | undefined): Promise<MailMessage[]> {
    const mail: MailMessage[] = [];
    for (const plan of MAIL_ON_ACTION[action] ?? [])
      mail.push(...(await this.mailTo(plan.event, order, plan.audience, comment)));
    return mail;
  }

  private async present(
    user: User,
    order: Order,
    timeline: TimelineEvent[],
    service: Service | undefined,
  ): Promise<OrderView> {
    const roles = actorRoles(user, order, service);
    const visible = canSeeInternal(user, order) ? timeline : timeline.filter((e) => e.visibility === 'public');
    const ids = new Set<string>([
      order.requesterId,
      order.filedById,
      ...visible.map((e) => e.actorId),
      ...order.watchers,
    ]);
    if (order.assigneeId) ids.add(order.assigneeId);
    const people = await this.deps.users.getMany(ids);
    const view: OrderView = {
      order,
      timeline: visible,
      actions: availableActions(order, roles),
      people: Object.fromEntries([...people.values()].map((p) => [p.id, p.name])),
    };
    if (order.clocks) view.sla = slaSummary(order.clocks, this.deps.now(), await this.calendar(order.department));
    return view;
  }

  /** List rows with their SLA at a glance (department calendars are cached, so this reads nothing new). */
  private async summaries(orders: Order[]): Promise<OrderSummary[]> {
    const now = this.deps.now();
    return Promise.all(
      orders.map(async (order) => {
        const summary = toSummary(order);
        if (order.clocks) summary.sla = slaSummary(order.clocks, now, await this.calendar(order.department));
        return summary;
      }),
    );
  }
}
