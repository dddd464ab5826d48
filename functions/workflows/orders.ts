/**
 * Order use cases: parse-free, HTTP-free. Each one authorizes with shared/permissions, decides with the
 * shared state machine, and persists through the repositories in one transaction.
 * DynamoDB calls (warm caches): create 3 (service, number, transaction); view 1; transition 2;
 * tick deliverable 2; comment 2; my orders 1; queue 1.
 */
import type {
  CommentBody,
  CreateOrderBody,
  OrderSummary,
  OrderView,
  Page,
  TickDeliverableBody,
  TransitionBody,
} from '#shared/api.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '#shared/errors.ts';
import { validateAnswers } from '#shared/forms.ts';
import { type Action, availableActions, decide, initialStatus } from '#shared/lifecycle.ts';
import type { ChecklistState, MailMessage, Order, Service, TimelineEvent, User } from '#shared/model.ts';
import { composeOrderMail, type MailEvent } from '#shared/notifications.ts';
import { actorRoles, canSeeInternal, canViewOrder, canWorkQueue, isAgentOf, mayOrder } from '#shared/permissions.ts';
import { toSummary } from '#shared/summary.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { OrderRepository } from '../repositories/orders.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';

export interface OrderWorkflowDeps {
  orders: OrderRepository;
  services: ServiceRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  portalUrl: string;
  now: () => Date;
}

/** Mail sent after each action, by audience. */
const MAIL_ON_ACTION: Partial<Record<Action, Array<{ event: MailEvent; audience: 'requester' | 'assignee' }>>> = {
  assign: [{ event: 'assigned', audience: 'assignee' }],
  request_clarification: [{ event: 'clarification_requested', audience: 'requester' }],
  answer_clarification: [{ event: 'customer_replied', audience: 'assignee' }],
  resolve: [{ event: 'order_resolved', audience: 'requester' }],
  reject: [{ event: 'order_rejected', audience: 'requester' }],
  cancel: [{ event: 'order_cancelled', audience: 'assignee' }],
  reopen: [{ event: 'order_reopened', audience: 'assignee' }],
};

function titleFor(service: Service, answers: Order['answers']): string {
  const firstText = service.form.find((f) => f.kind === 'text' && typeof answers[f.id] === 'string' && answers[f.id]);
  const detail = firstText ? String(answers[firstText.id]) : '';
  return (detail ? `${service.name}: ${detail}` : service.name).slice(0, 200);
}

function checklistFromInputs(service: Service, answers: Order['answers']): ChecklistState[] {
  return service.inputs.map((input) => {
    const answered =
      input.kind === 'formField' &&
      input.field !== undefined &&
      answers[input.field] !== undefined &&
      answers[input.field] !== '';
    return { id: input.id, label: input.label, required: input.required, done: answered };
  });
}

export class OrderWorkflow {
  constructor(private readonly deps: OrderWorkflowDeps) {}

  async create(user: User, body: CreateOrderBody): Promise<OrderView> {
    const { services, departments, users, orders } = this.deps;
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

    const checked = validateAnswers(service.form, body.answers);
    if (!checked.ok) {
      const fields = Object.fromEntries(Object.entries(checked.fields).map(([k, v]) => [`answers.${k}`, v]));
      throw new ValidationError('Some answers need your attention.', fields);
    }

    const now = this.deps.now().toISOString();
    const number = await departments.nextOrderNumber(service.department);
    const inputs = checklistFromInputs(service, checked.answers);
    const status = initialStatus(service, inputs);
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
      filedById: user.id,
      title: titleFor(service, checked.answers),
      answers: checked.answers,
      status,
      stage: service.stages[0]?.id ?? 'in_progress',
      priority: body.priority ?? 'normal',
      watchers: [...new Set(service.reportTo.filter((id) => id !== requester.id))],
      inputs,
      deliverables: service.deliverables.map((d) => ({ id: d.id, label: d.label, required: d.required, done: false })),
      clarifications: 0,
      reworks: 0,
      children: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const event: TimelineEvent = {
      orderNumber: number,
      at: now,
      actorId: user.id,
      kind: 'submitted',
      to: status,
      visibility: 'public',
      ...(requester.id !== user.id ? { comment: `Filed on behalf of ${requester.name}.` } : {}),
    };
    const mail: MailMessage[] = [this.mail('order_received', order, [requester.email], 'requester')];
    if (status === 'awaiting_approval') {
      const department = await departments.get(service.department);
      const approverIds =
        service.approval.kind === 'named' ? service.approval.approvers : department ? [department.headId] : [];
      const approvers = await users.getMany(approverIds);
      mail.push(
        this.mail(
          'approval_needed',
          order,
          [...approvers.values()].map((u) => u.email),
          'approvers',
        ),
      );
    } else {
      const department = await departments.get(service.department);
      if (department) mail.push(this.mail('new_in_queue', order, [department.contactEmail], 'team'));
    }
    await orders.create(order, [event], mail);
    return this.present(user, order, [event], service);
  }

  async view(user: User, number: string): Promise<OrderView> {
    const found = await this.deps.orders.getWithTimeline(number);
    if (!found || !canViewOrder(user, found.order)) throw this.notFound(number);
    const service = await this.deps.services.getVersion(found.order.serviceId, found.order.serviceVersion);
    return this.present(user, found.order, found.timeline, service);
  }

  async transition(user: User, number: string, body: TransitionBody): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    if (body.version !== order.version) {
      throw new ConflictError(`Order ${number} has changed since you loaded it. Reload and try again.`, order);
    }
    const roles = actorRoles(user, order, service);
    const decision = decide(order, body.action, roles, {
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
    });
    if (!decision.ok) {
      if (decision.kind === 'role') throw new ForbiddenError(decision.reason);
      throw new RuleViolationError(decision.reason);
    }

    const now = this.deps.now().toISOString();
    const next: Order = { ...order, status: decision.to, updatedAt: now, version: order.version + 1 };
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
      case 'reject':
      case 'cancel':
        next.closure = { reason: body.reason ?? '', ...(body.comment ? { text: body.comment } : {}) };
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
      ...(body.comment ? { comment: body.comment } : {}),
      ...(body.reason && body.action === 'reject' ? { reason: body.reason } : {}),
    };
    const mail = await this.mailForAction(body.action, next, body.comment);
    await this.deps.orders.update(next, order.version, [event], mail);
    return this.present(user, next, [...timeline, event], service);
  }

  async tickDeliverable(
    user: User,
    number: string,
    deliverableId: string,
    body: TickDeliverableBody,
  ): Promise<OrderView> {
    const { order, timeline, service } = await this.load(user, number);
    if (!isAgentOf(user, order.department)) throw new ForbiddenError('Only the team ticks deliverables.');
    if (body.version !== order.version) {
      throw new ConflictError(`Order ${number} has changed since you loaded it. Reload and try again.`, order);
    }
    if (!['open', 'in_progress', 'waiting_for_customer'].includes(order.status)) {
      throw new RuleViolationError('Deliverables can be ticked only while the order is being worked.');
    }
    const item = order.deliverables.find((d) => d.id === deliverableId);
    if (!item) throw new NotFoundError(`The order has no deliverable ${deliverableId}.`);
    const now = this.deps.now().toISOString();
    const ticked: ChecklistState = { ...item, done: body.done, by: user.id, at: now };
    if (body.note) ticked.note = body.note;
    else delete ticked.note;
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

  async comment(user: User, number: string, body: CommentBody): Promise<OrderView> {
    // Comments do not depend on what the writer saw, so a lost race is retried rather than refused.
    for (let attempt = 0; ; attempt++) {
      const { order, timeline, service } = await this.load(user, number);
      if (body.visibility === 'internal' && !canSeeInternal(user, order)) {
        throw new ForbiddenError('Only the team writes internal notes.');
      }
      const now = this.deps.now().toISOString();
      const next: Order = { ...order, updatedAt: now, version: order.version + 1 };
      const event: TimelineEvent = {
        orderNumber: number,
        at: now,
        actorId: user.id,
        kind: body.visibility === 'internal' ? 'internal_note' : 'comment',
        comment: body.text,
        visibility: body.visibility,
      };
      try {
        await this.deps.orders.update(next, order.version, [event], []);
        return this.present(user, next, [...timeline, event], service);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 2) throw error;
      }
    }
  }

  async mine(user: User, cursor: string | undefined, limit: number): Promise<Page<OrderSummary>> {
    const page = await this.deps.orders.listByRequester(user.id, cursor, limit);
    return { items: page.orders.map(toSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  async queue(user: User, department: string, cursor: string | undefined, limit: number): Promise<Page<OrderSummary>> {
    // Not a member: answer as if the department had no queue, so nothing is revealed.
    if (!canWorkQueue(user, department)) throw new NotFoundError(`There is no queue ${department} for you.`);
    const page = await this.deps.orders.queue(department, cursor, limit);
    return { items: page.orders.map(toSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
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

  private mail(event: MailEvent, order: Order, to: string[], audience: string, comment?: string): MailMessage {
    return composeOrderMail({
      event,
      order,
      to,
      audience,
      portalUrl: this.deps.portalUrl,
      ...(comment ? { comment } : {}),
    });
  }

  private async mailForAction(action: Action, order: Order, comment: string | undefined): Promise<MailMessage[]> {
    const plans = MAIL_ON_ACTION[action] ?? [];
    const mail: MailMessage[] = [];
    for (const plan of plans) {
      if (plan.audience === 'requester') {
        const watchers = await this.deps.users.getMany(order.watchers);
        const to = [order.requesterEmail, ...[...watchers.values()].map((u) => u.email)];
        mail.push(this.mail(plan.event, order, to, plan.audience, comment));
      } else if (order.assigneeId) {
        const assignee = await this.deps.users.get(order.assigneeId);
        if (assignee) mail.push(this.mail(plan.event, order, [assignee.email], plan.audience, comment));
      }
    }
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
    const ids = new Set<string>([order.requesterId, order.filedById, ...visible.map((e) => e.actorId)]);
    if (order.assigneeId) ids.add(order.assigneeId);
    const people = await this.deps.users.getMany(ids);
    return {
      order,
      timeline: visible,
      actions: availableActions(order, roles),
      people: Object.fromEntries([...people.values()].map((p) => [p.id, p.name])),
    };
  }
}
