/**
 * The team's own changes of an order: its stage (the requester hears of it) and its priority.
 * DynamoDB calls (warm caches): 2 (order page, transaction).
 */
import type { OrderView } from '#shared/api.ts';
import type { Order, User } from '#shared/model.ts';
import type { ChangeContext, Outcome } from '#shared/order-actions.ts';
import { applyPriority, applyStageMove } from '#shared/order-edits.ts';
import type { OrderContext } from './context.ts';

/** A change of the team's: `edit` applies the request's body to the order, written in one transaction. */
function teamEdit<Body>(edit: (order: Order, body: Body, change: ChangeContext) => Outcome) {
  return (ctx: OrderContext, user: User, number: string, body: Body): Promise<OrderView> =>
    ctx.change(user, number, (order, change) => edit(order, body, change));
}

export const moveStage = teamEdit(applyStageMove);

export const setPriority = teamEdit(applyPriority);
