/**
 * Lifecycle actions (SPEC §4): load the order, apply the action (shared/order-actions.ts), and write
 * the outcome in one transaction. Resolving also plans the satisfaction survey (SPEC §7): an
 * invitation within the person's budget, or a sample-out, with its counters and budget record.
 * DynamoDB calls (warm caches): 2 (order page, transaction); resolve with a survey 3.
 */
import type { OrderView, TransitionBody } from '#shared/api.ts';
import type { User } from '#shared/model.ts';
import { applyTransition, withSurvey } from '#shared/order-actions.ts';
import { loadPatterns, needsPatterns } from '#shared/pattern-engine.ts';
import type { Alongside } from '../../repositories/orders.ts';
import type { OrderContext } from './context.ts';

export async function transition(
  ctx: OrderContext,
  user: User,
  number: string,
  body: TransitionBody,
): Promise<OrderView> {
  const loaded = await ctx.load(user, number);
  const change = await ctx.changeOf(user, loaded);
  const assignee = body.action === 'assign' ? await ctx.deps.users.get(body.assigneeId ?? user.id) : undefined;
  // New answers are checked against the form, patterns in the engine loaded only for a form that has one.
  if (body.action === 'answer_clarification' && needsPatterns(change.service?.form ?? [])) await loadPatterns();
  let outcome = applyTransition(loaded.order, body, { ...change, assignee });
  const mail = await ctx.mail.compose(outcome.mails, outcome.order);
  let alongside: Alongside = {};
  if (body.action === 'resolve') {
    const plan = await ctx.deps.surveys.planInvitation(outcome.order, loaded.service);
    if (plan) {
      outcome = withSurvey(outcome, plan.survey, plan.counters, change.calendar.timeZone);
      mail.push(...plan.mail);
      alongside = plan.alongside;
    }
  }
  return ctx.persist(user, loaded, outcome, mail, alongside);
}
