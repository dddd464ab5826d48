/**
 * How the queue is looked at: its filters and sort, kept in the address (so Back, a bookmark or a
 * shared link shows the same list) and applied to the loaded rows. Pure, so the rules are tested
 * without a browser.
 */
import type { OrderSummary } from '#shared/api.ts';
import { ACTIVE_STATUSES } from '#shared/lifecycle.ts';
import { type OrderStatus, PRIORITIES, type Priority } from '#shared/model.ts';
import type { SlaSummary } from '#shared/order-clocks.ts';

export const SORT_KEYS = ['due', 'status', 'priority', 'age', 'assignee'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
type ClockState = SlaSummary['state'];
const CLOCK_STATES: readonly ClockState[] = ['breached', 'warning', 'running', 'paused', 'met'];

export interface QueueView {
  status: OrderStatus | '';
  priority: Priority | '';
  sla: ClockState | '';
  sort: SortKey;
  dir: SortDirection;
}

export const DEFAULT_VIEW: QueueView = { status: '', priority: '', sla: '', sort: 'due', dir: 'asc' };

const pick = <V extends string>(value: unknown, allowed: readonly V[]): V | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as V) : undefined;

/** The view the address asks for; anything it does not know is left at its default. */
export function readView(params: Readonly<Record<string, string | string[] | undefined>>): QueueView {
  const one = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    status: pick(one('status'), [...ACTIVE_STATUSES]) ?? '',
    priority: pick(one('priority'), PRIORITIES) ?? '',
    sla: pick(one('sla'), CLOCK_STATES) ?? '',
    sort: pick(one('sort'), SORT_KEYS) ?? 'due',
    dir: pick(one('dir'), ['asc', 'desc'] as const) ?? 'asc',
  };
}

/** The search parameters for a view: defaults are left out, so the plain address means the plain list. */
export function viewParams(view: QueueView): Record<string, string | undefined> {
  return {
    status: view.status || undefined,
    priority: view.priority || undefined,
    sla: view.sla || undefined,
    sort: view.sort === 'due' ? undefined : view.sort,
    dir: view.dir === 'asc' ? undefined : view.dir,
  };
}

/** Clicking a column head: sorts by it, or turns the order round when it already sorts by it. */
export function toggleSort(view: QueueView, key: SortKey): QueueView {
  return view.sort === key ? { ...view, dir: view.dir === 'asc' ? 'desc' : 'asc' } : { ...view, sort: key, dir: 'asc' };
}

const STATUS_ORDER = [...ACTIVE_STATUSES];
// Ascending means the most pressing first: urgent before low.
const PRIORITY_ORDER = [...PRIORITIES].reverse();

/**
 * Rows the view keeps, in its order. `state` is a row's time standard now (it moves with the clock);
 * `person` its assignee's name. Ties keep the list's own order (the API's: the most urgent due first).
 */
export function applyView<T extends OrderSummary>(
  rows: readonly T[],
  view: QueueView,
  state: (row: T) => ClockState | undefined,
  person: (row: T) => string | undefined,
): T[] {
  const kept = rows.filter(
    (o) =>
      (!view.status || o.status === view.status) &&
      (!view.priority || o.priority === view.priority) &&
      (!view.sla || state(o) === view.sla),
  );
  const position = new Map(rows.map((row, i) => [row, i]));
  const compare = (a: T, b: T): number => {
    switch (view.sort) {
      case 'status':
        return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
      case 'priority':
        return PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority);
      case 'age':
        // Ascending: the oldest first.
        return a.createdAt.localeCompare(b.createdAt);
      case 'assignee': {
        const [x, y] = [person(a), person(b)];
        if (x === y) return 0;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        return x.localeCompare(y);
      }
      default:
        // The list comes most urgent first already (by due time; at risk: the most overdue first).
        return (position.get(a) ?? 0) - (position.get(b) ?? 0);
    }
  };
  const sign = view.dir === 'asc' ? 1 : -1;
  return kept.sort((a, b) => sign * compare(a, b) || (position.get(a) ?? 0) - (position.get(b) ?? 0));
}
