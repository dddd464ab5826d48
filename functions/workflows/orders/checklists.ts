/**
 * Inputs and deliverables (SPEC §14.1): the requester hands over inputs (or the team marks them
 * received), and complete inputs open the order; the team ticks deliverables while it works.
 * DynamoDB calls (warm caches): 2 (order page, transaction).
 */
import type { HandInputBody, OrderView, TickDeliverableBody } from '#shared/api.ts';
import type { User } from '#shared/model.ts';
import { applyHandInput, applyTickDeliverable } from '#shared/order-edits.ts';
import type { OrderContext } from './context.ts';

export function handInput(
  ctx: OrderContext,
  user: User,
  number: string,
  inputId: string,
  body: HandInputBody,
): Promise<OrderView> {
  return ctx.change(user, number, (order, change) => applyHandInput(order, inputId, body, change));
}

export function tickDeliverable(
  ctx: OrderContext,
  user: User,
  number: string,
  deliverableId: string,
  body: TickDeliverableBody,
): Promise<OrderView> {
  return ctx.change(user, number, (order, change) => applyTickDeliverable(order, deliverableId, body, change));
}
