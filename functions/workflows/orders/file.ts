/**
 * Filing an order (SPEC §3), for oneself or a colleague, and a bundle: one case order plus a linked
 * order per part, all in one transaction (SPEC §14.7). With an Idempotency-Key, repeating the same
 * request returns the same order (`replayed`); the same key with another body is a conflict.
 * DynamoDB calls (warm caches, the service read within CURRENT_SERVICE_CACHE_MS): 2 (number, transaction);
 * a bundle 1 + parts + 1 (a number each, one transaction).
 */

import { createHash } from 'node:crypto';
import type { CreateOrderBody, OrderView } from '#shared/api.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#shared/errors.ts';
import type { BundlePart, MailMessage, Order, OrderChannel, Service, TimelineEvent, User } from '#shared/model.ts';
import {
  checkBundlePart,
  checkFiling,
  type Draft,
  draftOrder,
  type Filing,
  partAnswers,
  partRefusal,
} from '#shared/order-filing.ts';
import { linkOf } from '#shared/order-link.ts';
import { loadPatterns, needsPatterns } from '#shared/pattern-engine.ts';
import { mayOrder } from '#shared/permissions.ts';
import { sensitiveFields } from '#shared/privacy.ts';
import { refusal } from '#shared/refusals.ts';
import { localDay } from '#shared/stats.ts';
import { DuplicateRequestError } from '../../repositories/orders.ts';
import type { OrderContext } from './context.ts';

/** How long an Idempotency-Key is remembered. */
const IDEMPOTENCY_SECONDS = 24 * 3600;

/** A new order ready to write: its first event and its mail, composed. */
export type Drafted = Omit<Draft, 'event' | 'mails'> & {
  events: TimelineEvent[];
  mail: MailMessage[];
  unindexed: ReadonlySet<string>;
};

/** JSON with sorted keys, so the same request always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A new order: checked before it takes its number (a refusal leaves no gap), then drafted and its mail composed. */
export async function draft(ctx: OrderContext, filing: Filing): Promise<Drafted> {
  const now = ctx.deps.now().toISOString();
  const department = await ctx.department(filing.service.department);
  // Patterns run in the linear-time engine, loaded only for a form that has one.
  if (needsPatterns(filing.service.form)) await loadPatterns();
  // Dates are judged against the department's today (its calendar's time zone).
  const answers = checkFiling(filing, localDay(now, department.calendar.timeZone));
  const number = await ctx.deps.departments.nextOrderNumber(filing.service.department);
  const { order, event, mails, counters } = draftOrder(filing, answers, number, now, department);
  return {
    order,
    events: [event],
    mail: await ctx.mail.compose(mails, order, [filing.requester]),
    counters,
    // Sensitive answers stay out of the search index.
    unindexed: sensitiveFields(filing.service.form),
  };
}

export async function fileOrder(
  ctx: OrderContext,
  user: User,
  body: CreateOrderBody,
  idempotencyKey?: string,
  channel: OrderChannel = 'portal',
): Promise<OrderView & { replayed?: true }> {
  const { services, users } = ctx.deps;
  const service = await services.forFiling(body.serviceId);
  if (service?.status !== 'published') throw new NotFoundError('service_not_found', { id: body.serviceId });
  if (!mayOrder(user, service)) throw new ForbiddenError('not_offered', { service: service.name });

  let requester = user;
  if (body.requesterId && body.requesterId !== user.id) {
    const colleague = await users.get(body.requesterId);
    if (!colleague) {
      throw new ValidationError('invalid_request', {}, { requesterId: refusal('unknown_person') });
    }
    requester = colleague;
  }
  // Parts are checked before the case takes its number, so a refused bundle leaves no gap.
  const partServices = service.bundle?.length ? await bundleServices(ctx, user, service.bundle) : [];
  const filed = await draft(ctx, {
    actor: user,
    requester,
    service,
    answers: body.answers,
    priority: body.priority ?? 'normal',
    handed: body.inputs ?? {},
    channel,
  });
  const { order } = filed;
  const requestHash = createHash('sha256').update(stableJson(body)).digest('base64url');
  const idempotency = idempotencyKey
    ? {
        userId: user.id,
        key: idempotencyKey,
        requestHash,
        orderNumber: order.number,
        expiresAt: Math.floor(ctx.deps.now().getTime() / 1000) + IDEMPOTENCY_SECONDS,
      }
    : undefined;
  const parts = await bundleParts(ctx, user, requester, partServices, order, channel);
  try {
    await ctx.deps.orders.createCase([filed, ...parts], {
      stats: [filed, ...parts].flatMap((p) => p.counters),
      ...(idempotency ? { idempotency } : {}),
    });
  } catch (error) {
    if (!(error instanceof DuplicateRequestError)) throw error;
    if (error.first.requestHash !== requestHash) {
      throw new ConflictError('idempotency_key_reused');
    }
    const first = await ctx.load(user, error.first.orderNumber);
    return { ...(await ctx.present(user, first.order, first.timeline, first.service)), replayed: true };
  }
  return ctx.present(user, { ...order, children: parts.map((p) => linkOf(p.order)) }, filed.events, service);
}

/** The services of a bundle's parts, each published and offered to the person ordering. */
async function bundleServices(ctx: OrderContext, user: User, bundle: BundlePart[]) {
  const found: Array<{ part: BundlePart; service: Service }> = [];
  for (const part of bundle) {
    found.push({ part, service: checkBundlePart(part, await ctx.deps.services.forFiling(part.serviceId), user) });
  }
  return found;
}

/** The part orders of a bundle case, filled in from the case's answers, quietly (the case confirms). */
async function bundleParts(
  ctx: OrderContext,
  user: User,
  requester: User,
  partServices: Array<{ part: BundlePart; service: Service }>,
  caseOrder: Order,
  channel: OrderChannel,
): Promise<Drafted[]> {
  const parts: Drafted[] = [];
  for (const { part, service } of partServices) {
    try {
      parts.push(
        await draft(ctx, {
          actor: user,
          requester,
          service,
          answers: partAnswers(part, service, caseOrder.answers),
          priority: caseOrder.priority,
          handed: {},
          parent: { number: caseOrder.number, relation: 'bundle_part' },
          quiet: true,
          channel,
        }),
      );
    } catch (error) {
      if (error instanceof ValidationError) throw partRefusal(service, error);
      throw error;
    }
  }
  return parts;
}
