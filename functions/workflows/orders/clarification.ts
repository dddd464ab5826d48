/**
 * Answering the team's question by the signed link in the mail (SPEC §14.2), without signing in: the
 * link names the order and the question; the answer is the requester's `answer_clarification`.
 */
import type { ClarificationView } from '#shared/api.ts';
import { NotFoundError, ValidationError } from '#shared/errors.ts';
import type { Answers } from '#shared/model.ts';
import { refusal } from '#shared/refusals.ts';
import type { OrderContext } from './context.ts';
import { transition } from './transitions.ts';

export async function clarificationByLink(ctx: OrderContext, token: string): Promise<ClarificationView> {
  const { order, service } = await fromLink(ctx, token);
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
    inputs: order.inputs.filter((i) => clarification.inputs.includes(i.id)).map((i) => ({ id: i.id, label: i.label })),
    answers: order.answers,
  };
}

export async function answerByLink(
  ctx: OrderContext,
  token: string,
  body: { comment: string; answers?: Answers },
): Promise<{ ok: true; number: string }> {
  const { order } = await fromLink(ctx, token);
  const requester = await ctx.deps.users.get(order.requesterId);
  if (!requester) throw new NotFoundError('link_gone');
  await transition(ctx, requester, order.number, {
    action: 'answer_clarification',
    version: order.version,
    comment: body.comment,
    ...(body.answers ? { answers: body.answers } : {}),
  });
  return { ok: true, number: order.number };
}

/** The order a clarification link names, while its question is still open. */
async function fromLink(ctx: OrderContext, token: string) {
  const { links, now, orders, services } = ctx.deps;
  const check = links.verify(token, 'clarification', Math.floor(now().getTime() / 1000));
  if (!check.ok) {
    const expired = check.reason === 'expired';
    throw new ValidationError(
      expired ? 'link_expired' : 'link_invalid',
      {},
      { token: refusal(expired ? 'link_expired' : 'link_invalid') },
    );
  }
  const found = await orders.getWithTimeline(check.claims.orderNumber);
  if (!found || found.order.clarification?.id !== check.claims.ref || found.order.status !== 'waiting_for_customer') {
    throw new NotFoundError('question_closed');
  }
  const service = await services.getVersion(found.order.serviceId, found.order.serviceVersion);
  return { order: found.order, service };
}
