import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '#shared/api.ts';
import { applyView, DEFAULT_VIEW, readView, toggleSort, viewParams } from './view.ts';

const row = (number: string, extra: Partial<OrderSummary>): OrderSummary => ({
  number,
  title: number,
  serviceName: 'S',
  department: 'HR',
  status: 'open',
  stage: 'triage',
  priority: 'normal',
  requesterId: 'anna',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  version: 1,
  ...extra,
});

const rows = [
  row('A', { priority: 'low', createdAt: '2026-12-03T10:00:00Z', assigneeId: 'olivia' }),
  row('B', { priority: 'urgent', status: 'in_progress', createdAt: '2026-12-01T10:00:00Z' }),
  row('C', { priority: 'high', status: 'awaiting_inputs', createdAt: '2026-12-02T10:00:00Z', assigneeId: 'hana' }),
];
const names: Record<string, string> = { olivia: 'Olivia Grant', hana: 'Hana Nowak' };
const numbers = (view = DEFAULT_VIEW) =>
  applyView(
    rows,
    view,
    () => 'running',
    (o) => (o.assigneeId ? names[o.assigneeId] : undefined),
  ).map((o) => o.number);

describe('the queue view in the address', () => {
  it('reads what it knows and leaves the rest at its defaults', () => {
    expect(readView({ status: 'open', sort: 'age', dir: 'desc', priority: 'bogus' })).toEqual({
      ...DEFAULT_VIEW,
      status: 'open',
      sort: 'age',
      dir: 'desc',
    });
    expect(readView({ status: 'closed', sort: 'nonsense' })).toEqual(DEFAULT_VIEW);
  });

  it('writes only what differs from the default, so the plain address is the plain list', () => {
    expect(viewParams(DEFAULT_VIEW)).toEqual({
      status: undefined,
      priority: undefined,
      sla: undefined,
      sort: undefined,
      dir: undefined,
    });
    expect(viewParams({ ...DEFAULT_VIEW, sort: 'priority', dir: 'desc' })).toMatchObject({
      sort: 'priority',
      dir: 'desc',
    });
  });

  it('a second click on the same column turns the order round; another column starts ascending', () => {
    const byPriority = toggleSort(DEFAULT_VIEW, 'priority');
    expect(byPriority).toMatchObject({ sort: 'priority', dir: 'asc' });
    expect(toggleSort(byPriority, 'priority')).toMatchObject({ sort: 'priority', dir: 'desc' });
    expect(toggleSort({ ...byPriority, dir: 'desc' }, 'age')).toMatchObject({ sort: 'age', dir: 'asc' });
  });
});

describe('applyView', () => {
  it('keeps the list order for due time, and turns it round', () => {
    expect(numbers()).toEqual(['A', 'B', 'C']);
    expect(numbers({ ...DEFAULT_VIEW, dir: 'desc' })).toEqual(['C', 'B', 'A']);
  });

  it('sorts by priority (urgent first), age (oldest first), status and assignee name (nobody last)', () => {
    expect(numbers({ ...DEFAULT_VIEW, sort: 'priority' })).toEqual(['B', 'C', 'A']);
    expect(numbers({ ...DEFAULT_VIEW, sort: 'age' })).toEqual(['B', 'C', 'A']);
    expect(numbers({ ...DEFAULT_VIEW, sort: 'status' })).toEqual(['C', 'A', 'B']);
    expect(numbers({ ...DEFAULT_VIEW, sort: 'assignee' })).toEqual(['C', 'A', 'B']);
  });

  it('filters by status, priority and the time standard now', () => {
    expect(numbers({ ...DEFAULT_VIEW, status: 'in_progress' })).toEqual(['B']);
    expect(numbers({ ...DEFAULT_VIEW, priority: 'low' })).toEqual(['A']);
    expect(numbers({ ...DEFAULT_VIEW, sla: 'breached' })).toEqual([]);
  });
});
