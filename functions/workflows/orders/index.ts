/**
 * Order use cases, free of HTTP, one module each: filing and bundles (file.ts), hand-off, lifecycle
 * actions (transitions.ts), clarification by signed link, inputs and deliverables (checklists.ts),
 * stage and priority (team.ts), comments and watchers (conversation.ts), and reading. Each loads the
 * order, applies the change with the pure domain (shared/order-actions.ts, order-edits.ts,
 * order-filing.ts), writes the outcome in one transaction, and answers the order view.
 */
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
import type { Answers, Order, OrderChannel, Priority, Service, User } from '#shared/model.ts';
import type { SearchAnswer } from '#shared/search.ts';
import { handInput, tickDeliverable } from './checklists.ts';
import { answerByLink, clarificationByLink } from './clarification.ts';
import { OrderContext, type OrderWorkflowDeps } from './context.ts';
import { changeWatchers, comment } from './conversation.ts';
import { fileOrder } from './file.ts';
import { handoff } from './handoff.ts';
import { atRisk, mine, queue, stepOrders, view, viewWithService } from './reading.ts';
import { type SearchIn, search } from './search.ts';
import { moveStage, setPriority } from './team.ts';
import { transition } from './transitions.ts';

export type { OrderWorkflowDeps } from './context.ts';

export class OrderWorkflow {
  private readonly ctx: OrderContext;

  constructor(deps: OrderWorkflowDeps) {
    this.ctx = new OrderContext(deps);
  }

  /** Files an order; `channel` says how it came in (the portal unless mail in or an API token files it). */
  create(
    user: User,
    body: CreateOrderBody,
    idempotencyKey?: string,
    channel: OrderChannel = 'portal',
  ): Promise<OrderView & { replayed?: true }> {
    return fileOrder(this.ctx, user, body, idempotencyKey, channel);
  }

  handoff(
    user: User,
    number: string,
    body: { version: number; serviceId: string; answers: Answers; pass?: Record<string, string>; comment?: string },
  ): Promise<OrderView> {
    return handoff(this.ctx, user, number, body);
  }

  viewWithService(user: User, number: string): Promise<{ order: Order; service: Service | undefined }> {
    return viewWithService(this.ctx, user, number);
  }

  view(user: User, number: string): Promise<OrderView> {
    return view(this.ctx, user, number);
  }

  mine(user: User, cursor: string | undefined, limit: number): Promise<Page<OrderSummary>> {
    return mine(this.ctx, user, cursor, limit);
  }

  queue(
    user: User,
    department: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<OrderSummary> & { people: Record<string, string> }> {
    return queue(this.ctx, user, department, cursor, limit);
  }

  /** Orders by number or words, among the caller's own or their department's (see search.ts). */
  search(user: User, where: SearchIn, q: string): Promise<SearchAnswer> {
    return search(this.ctx, user, where, q);
  }

  atRisk(user: User, department: string): Promise<OrderSummary[]> {
    return atRisk(this.ctx, user, department);
  }

  /** The orders of a service at one step of its flow now (the process map). */
  stepOrders(user: User, department: string, serviceId: string, step: string): Promise<OrderSummary[]> {
    return stepOrders(this.ctx, user, department, serviceId, step);
  }

  transition(user: User, number: string, body: TransitionBody): Promise<OrderView> {
    return transition(this.ctx, user, number, body);
  }

  handInput(user: User, number: string, inputId: string, body: HandInputBody): Promise<OrderView> {
    return handInput(this.ctx, user, number, inputId, body);
  }

  tickDeliverable(user: User, number: string, deliverableId: string, body: TickDeliverableBody): Promise<OrderView> {
    return tickDeliverable(this.ctx, user, number, deliverableId, body);
  }

  moveStage(user: User, number: string, body: { version: number; stage: string }): Promise<OrderView> {
    return moveStage(this.ctx, user, number, body);
  }

  setPriority(user: User, number: string, body: { version: number; priority: Priority }): Promise<OrderView> {
    return setPriority(this.ctx, user, number, body);
  }

  changeWatchers(user: User, number: string, body: { add?: string[]; remove?: string[] }): Promise<OrderView> {
    return changeWatchers(this.ctx, user, number, body);
  }

  comment(user: User, number: string, body: CommentBody): Promise<OrderView> {
    return comment(this.ctx, user, number, body);
  }

  clarificationByLink(token: string): Promise<ClarificationView> {
    return clarificationByLink(this.ctx, token);
  }

  answerByLink(token: string, body: { comment: string; answers?: Answers }): Promise<{ ok: true; number: string }> {
    return answerByLink(this.ctx, token, body);
  }

  /** The signed link that answers the order's open question (in the clarification mail). */
  clarificationLink(order: Order): string | undefined {
    return this.ctx.mail.clarificationLink(order);
  }
}
