/**
 * Order search: an order number, or words of the title, the answers or the requester's name, among
 * the orders the caller may see here: their own (My orders) or their department's (queue, head).
 * The index (repositories/search.ts) names candidates; each is read and checked again, in scope,
 * visible to the caller (shared/permissions.ts) and matching every word (shared/search.ts), so the
 * answer never names an order of another person or department, whatever the words.
 * DynamoDB calls: 1 Query per word (≤ 4, in parallel; up to 2 more pages of the rarest word when
 * its entries hold too few orders with every word) + 1 BatchGetItem (a second only for index entries
 * written before they carried their order's terms); an order number: 1 GetItem.
 */
import { NotFoundError } from '#shared/errors.ts';
import type { Order, User } from '#shared/model.ts';
import { canViewOrder, canWorkQueue } from '#shared/permissions.ts';
import { sensitiveFields } from '#shared/privacy.ts';
import {
  candidates,
  MAX_INDEX_ENTRIES,
  matchesOrder,
  parseSearch,
  rarest,
  SEARCH_PAGE,
  type SearchAnswer,
} from '#shared/search.ts';
import type { OrderContext } from './context.ts';

/** Where a search looks: the caller's own orders, or a department's. */
export type SearchIn = { mine: true } | { department: string };

/**
 * Candidates read per BatchGetItem, in turn, until a page is full. Index entries carry their order's
 * terms, so nearly every candidate matches and the first call is enough; the second is for entries
 * written before they carried terms. At most 125 orders are read, whatever the words.
 */
const CHECKS = [SEARCH_PAGE + 5, 100];
/** Index entries per further page of the rarest word. */
const MORE_PER_PAGE = 400;

export async function search(ctx: OrderContext, user: User, where: SearchIn, q: string): Promise<SearchAnswer> {
  if ('department' in where && !canWorkQueue(user, where.department)) {
    // Not a member: answer as the queue does, as if the department had nothing here.
    throw new NotFoundError('nothing_here', { department: where.department });
  }
  const visible = (order: Order) =>
    ('department' in where ? order.department === where.department : order.requesterId === user.id) &&
    canViewOrder(user, order);
  const request = parseSearch(q);
  const found: Order[] = [];
  const direct = async (number: string) => {
    const order = await ctx.deps.orders.get(number);
    if (order && visible(order)) found.push(order);
  };
  if (request.kind === 'number') {
    await direct(request.number);
    return answer(ctx, user, found, false);
  }
  // Only a number, in a department: that department's order of that number first, then the words.
  if (request.digits && 'department' in where) await direct(`${where.department}-${Number(request.digits)}`);
  if (request.words.length === 0) return answer(ctx, user, found, false);

  const scope = 'department' in where ? { department: where.department } : { requesterId: user.id };
  const reads = await ctx.deps.orders.search.words(scope, request.words);
  // Only the rarest word is read on, a page at a time, while its entries leave too few orders
  // holding every word, and never past MAX_INDEX_ENTRIES: then the answer says `more`.
  const base = rarest(reads);
  const fresh = () => candidates(reads, base).filter((hit) => !found.some((o) => o.number === hit.number));
  let list = fresh();
  for (;;) {
    const read = reads[base]!;
    if (read.complete || list.length > SEARCH_PAGE || read.hits.length >= MAX_INDEX_ENTRIES) break;
    reads[base] = await ctx.deps.orders.search.more(
      scope,
      read,
      Math.min(MORE_PER_PAGE, MAX_INDEX_ENTRIES - read.hits.length),
    );
    list = fresh();
  }
  let checked = 0;
  for (const size of CHECKS) {
    if (checked >= list.length || found.length > SEARCH_PAGE) break;
    const numbers = list.slice(checked, checked + size).map((hit) => hit.number);
    checked += numbers.length;
    for (const order of await ctx.deps.orders.search.orders(numbers)) {
      if (!visible(order)) continue;
      // Sensitive answers are not searched (versions are immutable: each is read once per process).
      const version = await ctx.deps.services.getVersion(order.serviceId, order.serviceVersion);
      if (matchesOrder(order, request.words, sensitiveFields(version?.form))) found.push(order);
    }
  }
  const more = found.length > SEARCH_PAGE || checked < list.length || !reads[base]!.complete;
  return answer(ctx, user, found.slice(0, SEARCH_PAGE), more);
}

async function answer(ctx: OrderContext, user: User, orders: Order[], more: boolean): Promise<SearchAnswer> {
  const assignees = await ctx.deps.users.getMany(orders.flatMap((o) => (o.assigneeId ? [o.assigneeId] : [])));
  return {
    items: await ctx.summaries(orders, user.language),
    people: Object.fromEntries([...assignees.values()].map((p) => [p.id, p.name])),
    more,
  };
}
