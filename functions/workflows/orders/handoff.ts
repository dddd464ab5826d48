/**
 * Hand-off (SPEC §4, §14.1): the team files a linked child order in another department's service;
 * deliverables passed on become the child's inputs. The child, its link and the parent (conditional
 * on the version the team saw) are written in one transaction.
 * DynamoDB calls (warm caches): 4 (order page, service, number, transaction); the sending service's
 * process row and the company's hand-off row ride in the transaction.
 */
import type { OrderView } from '#shared/api.ts';
import type { Answers, User } from '#shared/model.ts';
import { checkHandoff, checkHandoffTarget, handedOffParent, passedInputs } from '#shared/order-filing.ts';
import { handoffOutDelta } from '#shared/process-stats.ts';
import { localDay } from '#shared/stats.ts';
import type { OrderContext } from './context.ts';
import { draft } from './file.ts';

export async function handoff(
  ctx: OrderContext,
  user: User,
  number: string,
  body: { version: number; serviceId: string; answers: Answers; pass?: Record<string, string>; comment?: string },
): Promise<OrderView> {
  const { order: parent } = await ctx.load(user, number);
  checkHandoff(user, parent, body.version);
  const service = checkHandoffTarget(parent, await ctx.deps.services.get(body.serviceId));
  const handed = passedInputs(parent, service, body.pass ?? {});
  const requester = (await ctx.deps.users.get(parent.requesterId)) ?? user;
  const child = await draft(ctx, {
    actor: user,
    requester,
    service,
    answers: body.answers,
    priority: parent.priority,
    handed,
    parent: { number: parent.number, relation: 'handoff', department: parent.department, serviceId: parent.serviceId },
    trustedAttachments: true,
  });
  const timeZone = (await ctx.department(parent.department)).calendar.timeZone;
  const side = handedOffParent(parent, child.order, service, user.id, body.comment);
  await ctx.deps.orders.create(child.order, child.events, child.mail, {
    unindexed: child.unindexed,
    parent: { order: side.order, expectedVersion: parent.version, events: [side.event] },
    // The sending service counts where its output went, on its own department's day.
    stats: [...child.counters, handoffOutDelta(parent, service.department, localDay(child.order.createdAt, timeZone))],
  });
  return ctx.present(user, child.order, child.events, service);
}
