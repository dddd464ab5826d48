/**
 * Reading orders: one order page, my orders, a department's queue and its at-risk list.
 * DynamoDB calls (warm caches): 1 each; at-risk and a step's orders 1 per 100 active orders.
 */
import type { OrderSummary, OrderView, Page } from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { Order, Service, User } from '#shared/model.ts';
import { canWorkQueue } from '#shared/permissions.ts';
import { stepOf } from '#shared/process-stats.ts';
import type { OrderContext } from './context.ts';

/** The order (if the caller may see it) with the service version it was filed under. */
export async function viewWithService(
  ctx: OrderContext,
  user: User,
  number: string,
): Promise<{ order: Order; service: Service | undefined }> {
  const { order, service } = await ctx.load(user, number);
  return { order, service };
}

export async function view(ctx: OrderContext, user: User, number: string): Promise<OrderView> {
  const { order, timeline, service } = await ctx.load(user, number);
  return ctx.present(user, order, timeline, service);
}

export async function mine(
  ctx: OrderContext,
  user: User,
  cursor: string | undefined,
  limit: number,
): Promise<Page<OrderSummary>> {
  const page = await ctx.deps.orders.listByRequester(user.id, cursor, limit);
  return {
    items: await ctx.summaries(page.orders, user.language),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

function checkQueue(user: User, department: string): void {
  // Not a member: answer as if the department had no queue, so nothing is revealed.
  if (!canWorkQueue(user, department)) throw new NotFoundError('nothing_here', { department });
}

export async function queue(
  ctx: OrderContext,
  user: User,
  department: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<OrderSummary> & { people: Record<string, string> }> {
  checkQueue(user, department);
  const page = await ctx.deps.orders.queueRows(department, cursor, limit);
  // The assignees' names, so the team reads people, not ids (profiles are cached: usually no read).
  const assignees = await ctx.deps.users.getMany(page.orders.flatMap((o) => (o.assigneeId ? [o.assigneeId] : [])));
  return {
    items: await ctx.summaries(page.orders, user.language),
    people: Object.fromEntries([...assignees.values()].map((p) => [p.id, p.name])),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * Escalation view for the team and head: every active order of the department whose clocks are in
 * warning or breached, most overdue first. Reads the queue index only (active orders).
 */
export async function atRisk(ctx: OrderContext, user: User, department: string): Promise<OrderSummary[]> {
  checkQueue(user, department);
  const found: OrderSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.deps.orders.queue(department, cursor, 100);
    for (const summary of await ctx.summaries(page.orders, user.language)) {
      if (summary.sla && (summary.sla.state === 'warning' || summary.sla.state === 'breached')) found.push(summary);
    }
    cursor = page.nextCursor;
  } while (cursor && found.length < 500);
  return found.sort((a, b) => (a.sla?.minutesLeft ?? 0) - (b.sla?.minutesLeft ?? 0));
}

/**
 * The orders of one service at one step of its flow now (the process map's step): the steps an
 * order rests in while the team owes work are the queue's (soonest due first); the resolved step
 * reads the department's resolved orders awaiting closure (oldest resolution first).
 */
export async function stepOrders(
  ctx: OrderContext,
  user: User,
  department: string,
  serviceId: string,
  step: string,
): Promise<OrderSummary[]> {
  checkQueue(user, department);
  const found: Order[] = [];
  let cursor: string | undefined;
  do {
    const { orders } = ctx.deps;
    const page =
      step === 'resolved'
        ? await orders.resolved(department, cursor, 100)
        : await orders.queue(department, cursor, 100);
    for (const order of page.orders) if (order.serviceId === serviceId && stepOf(order) === step) found.push(order);
    cursor = page.nextCursor;
  } while (cursor && found.length < 500);
  return ctx.summaries(found, user.language);
}
