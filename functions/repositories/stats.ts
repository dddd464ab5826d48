/**
 * Counter rows (see shared/stats.ts), in three partitions per department (storage/keys.ts statsRow):
 * report day rows (with the services' month rows, shared/report-months.ts), customer week rows and
 * queue gauges.
 * Access patterns: add counters (UpdateItem ADD, inside the transaction of the change that causes
 * them; a service's day row and its month row together); report rows of a period (Query STATS#code,
 * sk BETWEEN from AND to); the services' sums of long periods (Query STATS#code, sk BETWEEN
 * M#fromMonth AND M#toMonth, beside a Query of days per partial month at the edges, in parallel);
 * customer rows of a period of weeks (Query CUSTOMERS#code, same shape); queue gauges (Query
 * LOAD#code, one page). The month backfill: the month rows and the day rows of a department
 * (consistent Queries), each month row put on the condition that no change added to it meanwhile.
 * The process views: a service's process rows of a period (Query PROC#serviceId, sk BETWEEN from
 * AND to), its gauges (GetItem LOAD#code / S#serviceId), the company's hand-off rows of a period
 * (Query HANDOFFS, sk BETWEEN from# AND to#~).
 */
import { GetCommand, PutCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { HandoffRow } from '#shared/handoff-map.ts';
import type { CustomerRow, LoadRow } from '#shared/insight.ts';
import type { ProcessRow } from '#shared/process-map.ts';
import { type MonthRow, type Period, planReads, sumPlanned, withMonthRows } from '#shared/report-months.ts';
import type { StatsRow } from '#shared/reports.ts';
import { type Counters, mergeDeltas, type StatsDelta } from '#shared/stats.ts';
import type { Db } from '../storage/client.ts';
import { keys, partitions } from '../storage/keys.ts';
import { queryAll } from '../storage/query-all.ts';
import { conditionHeld } from './conditional.ts';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * The transaction items that add a change's counters: one UpdateItem per row it touches, the services'
 * month rows beside their day rows (one more item per service and month, so one for an order's change).
 */
export function statsUpdates(tableName: string, deltas: readonly StatsDelta[]): TransactItem[] {
  return mergeDeltas(withMonthRows(deltas)).map((d) => statsUpdate(tableName, d));
}

function statsUpdate(tableName: string, delta: StatsDelta): TransactItem {
  const names: Record<string, string> = { '#kind': 'kind', '#key': 'key', '#day': 'day', '#type': 'type' };
  const values: Record<string, unknown> = {
    ':kind': delta.kind,
    ':key': delta.key,
    ':day': delta.day,
    ':type': 'stats',
  };
  const sets = ['#kind = :kind', '#key = :key', '#day = :day', '#type = :type'];
  Object.entries(delta.labels ?? {}).forEach(([name, value], i) => {
    names[`#l${i}`] = name;
    values[`:l${i}`] = value;
    sets.push(`#l${i} = :l${i}`);
  });
  const adds: string[] = [];
  if (delta.kind === 'serviceMonth') {
    // How many changes added to the month row: the backfill puts a row only if none came meanwhile.
    names['#writes'] = WRITES;
    values[':one'] = 1;
    adds.push('#writes :one');
  }
  Object.entries(delta.counters).forEach(([name, value], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    adds.push(`#c${i} :c${i}`);
  });
  return {
    Update: {
      TableName: tableName,
      Key: keys.statsRow(delta.department, delta.day, delta.kind, delta.key),
      UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const WRITES = 'writes';
const META = new Set(['pk', 'sk', 'kind', 'key', 'day', 'type', 'label', 'dimension', WRITES]);

function countersOf(item: Record<string, unknown>): Counters {
  const counters: Counters = {};
  for (const [k, v] of Object.entries(item)) if (!META.has(k) && typeof v === 'number') counters[k] = v;
  return counters;
}

/** What a counter row item holds: its day (the week's or month's first for those rows), kind, key and counters. */
function counterRow<K extends string>(item: Record<string, unknown>) {
  return { day: item.day as string, kind: item.kind as K, key: item.key as string, counters: countersOf(item) };
}

/** A month row as the backfill found it: none, one without a count of changes, or that count. */
export type MonthRowSeen = 'absent' | 'uncounted' | number;

/** A month row's id in the backfill's snapshot. */
export function monthRowId(month: string, key: string): string {
  return `${month}|${key}`;
}

export class StatsRepository {
  constructor(private readonly db: Db) {}

  /** The report's day rows (service and agent) of a period of local days. */
  async rows(department: string, from: string, to: string): Promise<StatsRow[]> {
    const items = await this.between(partitions.reportRows(department).pk, from, to);
    return items.map((item) => counterRow<StatsRow['kind']>(item));
  }

  /** The services' month rows of the months fromMonth … toMonth (YYYY-MM). */
  async monthRows(department: string, fromMonth: string, toMonth: string): Promise<MonthRow[]> {
    const { pk, skPrefix } = partitions.reportMonthRows(department);
    const items = await this.between(pk, `${skPrefix}${fromMonth}`, `${skPrefix}${toMonth}`);
    return items.map((item) => ({ month: item.day as string, key: item.key as string, counters: countersOf(item) }));
  }

  /**
   * Each period's counters per service: month rows for the periods' whole months and day rows for the
   * rest (shared/report-months.ts planReads), read in parallel; the same sums as every day's rows.
   * Long or short, at most one Query of month rows and one of days per partial month at the edges.
   */
  async serviceTotals(department: string, periods: readonly Period[]): Promise<Array<Map<string, Counters>>> {
    const plan = planReads(periods);
    const [monthRows, ...days] = await Promise.all([
      plan.monthRange ? this.monthRows(department, plan.monthRange.from, plan.monthRange.to) : [],
      ...plan.dayRanges.map((r) => this.rows(department, r.from, r.to)),
    ]);
    return sumPlanned(periods, plan, monthRows, days.flat());
  }

  /**
   * For the month backfill: every service day row of the department and its month rows as they are,
   * with how many changes each month row counted. Read consistently, the month rows first, so a change
   * between the two reads shows in the count.
   */
  async monthSnapshot(department: string): Promise<{ months: Map<string, MonthRowSeen>; days: StatsRow[] }> {
    const { pk, skPrefix } = partitions.reportMonthRows(department);
    const monthItems = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    });
    const dayItems = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk AND sk < :months',
      ExpressionAttributeValues: { ':pk': partitions.reportRows(department).pk, ':months': skPrefix },
      ConsistentRead: true,
    });
    return {
      months: new Map(
        monthItems.map((item) => [
          monthRowId(item.day as string, item.key as string),
          typeof item[WRITES] === 'number' ? item[WRITES] : 'uncounted',
        ]),
      ),
      days: dayItems.filter((item) => item.kind === 'service').map((item) => counterRow<'service'>(item)),
    };
  }

  /**
   * Puts a service's month row with the sum of its day rows, if it is still as `seen` (absent, or
   * counting as many changes). False when a change came in between: read again and retry.
   */
  async putMonthRow(department: string, row: MonthRow, seen: MonthRowSeen): Promise<boolean> {
    return conditionHeld(
      this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: {
            ...keys.statsRow(department, row.month, 'serviceMonth', row.key),
            kind: 'serviceMonth',
            key: row.key,
            day: row.month,
            type: 'stats',
            ...row.counters,
            [WRITES]: typeof seen === 'number' ? seen : 0,
          },
          ...(seen === 'absent'
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : seen === 'uncounted'
              ? {
                  ConditionExpression: 'attribute_not_exists(#writes)',
                  ExpressionAttributeNames: { '#writes': WRITES },
                }
              : {
                  ConditionExpression: '#writes = :writes',
                  ExpressionAttributeNames: { '#writes': WRITES },
                  ExpressionAttributeValues: { ':writes': seen },
                }),
        }),
      ),
    );
  }

  /** The customers view's week rows (person and segment) of the weeks starting fromWeek … toWeek. */
  async customerRows(department: string, fromWeek: string, toWeek: string): Promise<CustomerRow[]> {
    const items = await this.between(partitions.customerRows(department).pk, fromWeek, toWeek);
    return items.map((item) => {
      const { day: week, ...row } = counterRow<CustomerRow['kind']>(item);
      return { week, ...row, label: (item.label as string | undefined) ?? '' };
    });
  }

  /** The queue gauges: open orders per service and per assignee, now. */
  async load(department: string): Promise<LoadRow[]> {
    const items = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.loadRows(department).pk },
    });
    return items.map((item) => ({
      kind: item.kind as LoadRow['kind'],
      key: item.key as string,
      counters: countersOf(item),
    }));
  }

  /** A service's process rows (one per local day) of a period. */
  async processRows(serviceId: string, from: string, to: string): Promise<ProcessRow[]> {
    const items = await queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': partitions.processRows(serviceId).pk, ':from': from, ':to': to },
    });
    return items.map((item) => ({ day: item.day as string, counters: countersOf(item) }));
  }

  /** A service's queue gauges now, the step gauges of its process map among them. */
  async serviceGauges(department: string, serviceId: string): Promise<Counters> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.statsRow(department, '', 'serviceLoad', serviceId) }),
    );
    return Item ? countersOf(Item) : {};
  }

  /** The company's hand-off rows (per department pair and receiving day) of a period. */
  async handoffRows(from: string, to: string): Promise<HandoffRow[]> {
    const items = await this.between(partitions.handoffRows().pk, from, to);
    return items.map((item) => {
      const [sending, receiving] = (item.key as string).split('#') as [string, string];
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(item)) if (k.startsWith('lbl|') && typeof v === 'string') labels[k] = v;
      return { day: item.day as string, from: sending, to: receiving, counters: countersOf(item), labels };
    });
  }

  private async between(pk: string, from: string, to: string): Promise<Array<Record<string, unknown>>> {
    return queryAll(this.db, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': `${from}#`, ':to': `${to}#~` },
    });
  }
}
