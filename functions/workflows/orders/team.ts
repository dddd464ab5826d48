/**
 * The team's own changes of an order: its stage (the requester hears of it) and its priority.
 * DynamoDB calls (warm caches): 2 (order page, transaction).
 */
import type { OrderView } from '#shared/api.ts';
import type { Priority, User } from '#shared/model.ts';
import { applyPriority, applyStageMove } from '#shared/order-edits.ts';
import type { OrderContext } from './context.ts';

export function moveStage(
  ctx: OrderContext,
  user: User,
  number: string,
  body: { version: number; stage: string },
): Promise<OrderView> {
  return ctx.change(user, number, (order, change) => applyStageMove(order, body, change));
}

export function setPriority(
  ctx: OrderContext,
  user: User,
  number: string,
  body: { version: number; priority: Priority },
): Promise<OrderView> {
  return ctx.change(user, number, (order, change) => applyPriority(order, body, change));
}
