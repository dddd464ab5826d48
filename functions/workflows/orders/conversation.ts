/**
 * Comments, internal notes and watchers. Neither depends on what the writer saw, so a lost race is
 * re-read and retried rather than refused.
 * DynamoDB calls (warm caches): 2 (order page, transaction).
 */
import type { CommentBody, OrderView } from '#shared/api.ts';
import type { User } from '#shared/model.ts';
import { applyComment, applyWatchers } from '#shared/order-edits.ts';
import type { OrderContext } from './context.ts';

export function comment(ctx: OrderContext, user: User, number: string, body: CommentBody): Promise<OrderView> {
  return ctx.retrying(() => ctx.change(user, number, (order, change) => applyComment(order, body, change)));
}

export function changeWatchers(
  ctx: OrderContext,
  user: User,
  number: string,
  body: { add?: string[]; remove?: string[] },
): Promise<OrderView> {
  return ctx.retrying(async () => {
    // The people named to be added (cached profiles), so the change can name them or refuse unknown ones.
    const known = await ctx.deps.users.getMany(body.add ?? []);
    return ctx.change(user, number, (order, change) => applyWatchers(order, body, known, change));
  });
}
