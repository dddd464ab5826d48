/**
 * The search index for orders filed before it existed (or indexed in a transaction too full for all
 * their terms): a one-off job that walks each department's orders by number and writes their term
 * items again (SearchRepository.reindex), never a Scan. Order numbers are the department's sequence
 * (`HR-1001`, `HR-1002`, … up to the last one given out), so the walk is one GetItem of the sequence
 * and one BatchGetItem per 100 numbers; a number with no order (none was filed under it) is skipped.
 *
 * Idempotent: an order's term items are the same whenever they are written (shared/search.ts
 * orderTerms), so a second run, or a run after a crash, changes nothing and may start anywhere
 * (`from`). Sensitive answers stay out as in a filing (the service version's sensitive fields).
 * Cost: per order ~1 read unit and one BatchWriteItem entry per term (1 WCU + 1 for byCollection).
 */
import type { Order } from '#shared/model.ts';
import { sensitiveFields } from '#shared/privacy.ts';
import { type DepartmentRepository, FIRST_ORDER_NUMBER } from '../../repositories/departments.ts';
import type { OrderRepository } from '../../repositories/orders.ts';
import type { ServiceRepository } from '../../repositories/services.ts';

export interface BackfillDeps {
  departments: Pick<DepartmentRepository, 'list' | 'lastOrderNumber'>;
  orders: Pick<OrderRepository, 'search'>;
  services: Pick<ServiceRepository, 'getVersion'>;
}

export interface BackfillOptions {
  /** Only these departments (codes); all by default. */
  departments?: readonly string[];
  /** Start at this order number (to go on after an interruption); the first by default. */
  from?: number;
  /** Told after each batch of up to 100 numbers. */
  progress?: (done: { department: string; upTo: number; last: number; orders: number; terms: number }) => void;
}

export interface BackfillResult {
  departments: number;
  orders: number;
  terms: number;
}

/** Numbers read per BatchGetItem (its limit). */
const BATCH = 100;

export async function backfillSearch(deps: BackfillDeps, options: BackfillOptions = {}): Promise<BackfillResult> {
  const wanted = options.departments ? new Set(options.departments) : undefined;
  const departments = (await deps.departments.list()).filter((d) => !wanted || wanted.has(d.code));
  const result: BackfillResult = { departments: departments.length, orders: 0, terms: 0 };
  for (const { code } of departments) {
    const last = await deps.departments.lastOrderNumber(code);
    if (last === undefined) continue;
    for (let start = Math.max(FIRST_ORDER_NUMBER, options.from ?? 0); start <= last; start += BATCH) {
      const numbers = Array.from({ length: Math.min(BATCH, last - start + 1) }, (_, i) => `${code}-${start + i}`);
      const orders = await deps.orders.search.orders(numbers);
      const batch = await Promise.all(
        orders.map(async (order) => ({ order, unindexed: await unindexed(deps, order) })),
      );
      result.orders += orders.length;
      result.terms += await deps.orders.search.reindex(batch);
      options.progress?.({
        department: code,
        upTo: start + numbers.length - 1,
        last,
        orders: result.orders,
        terms: result.terms,
      });
    }
  }
  return result;
}

async function unindexed(deps: BackfillDeps, order: Order): Promise<ReadonlySet<string>> {
  const version = await deps.services.getVersion(order.serviceId, order.serviceVersion);
  return sensitiveFields(version?.form);
}
