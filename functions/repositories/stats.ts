/**
 * Counter rows (see shared/stats.ts), in three partitions per department (storage/keys.ts statsRow):
 * report day rows, customer week rows and queue gauges.
 * Access patterns: add counters (UpdateItem ADD, inside the transaction of the change that causes
 * them); report rows of a period (Query STATS#code, sk BETWEEN from AND to); customer rows of a
 * period of weeks (Query CUSTOMERS#code, same shape); queue gauges (Query LOAD#code, one page).
 * The process views: a service's process rows of a period (Query PROC#serviceId, sk BETWEEN from
 * AND to), its gauges (GetItem LOAD#code / S#serviceId), the company's hand-off rows of a period
 * (Query HANDOFFS, sk BETWEEN from# AND to#~).
 */
import { GetCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { HandoffRow } from '#shared/handoff-map.ts';
import type { CustomerRow, LoadRow } from '#shared/insight.ts';
import type { ProcessRow } from '#shared/process-map.ts';
import type { StatsRow } from '#shared/reports.ts';
import type { Counters, StatsDelta } from '#shared/stats.ts';
import type { Db } from '../storage/client.ts';
import { keys, partitions } from '../storage/keys.ts';
import { queryAll } from '../storage/query-all.ts';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export function statsUpdate(tableName: string, delta: StatsDelta): TransactItem {
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

const META = new Set(['pk', 'sk', 'kind', 'key', 'day', 'type', 'label', 'dimension']);

function countersOf(item: Record<string, unknown>): Counters {
  const counters: Counters = {};
  for (const [k, v] of Object.entries(item)) if (!META.has(k) && typeof v === 'number') counters[k] = v;
  return counters;
}

export class StatsRepository {
  constructor(private readonly db: Db) {}

  /** The report's day rows (service and agent) of a period of local days. */
  async rows(department: string, from: string, to: string): Promise<StatsRow[]> {
    const items = await this.between(partitions.reportRows(department).pk, from, to);
    return items.map((item) => ({
      day: item.day as string,
      kind: item.kind as StatsRow['kind'],
      key: item.key as string,
      counters: countersOf(item),
    }));
  }

  /** The customers view's week rows (person and segment) of the weeks starting fromWeek … toWeek. */
  async customerRows(department: string, fromWeek: string, toWeek: string): Promise<CustomerRow[]> {
    const items = await this.between(partitions.customerRows(department).pk, fromWeek, toWeek);
    return items.map((item) => ({
      week: item.day as string,
      kind: item.kind as CustomerRow['kind'],
      key: item.key as string,
      label: (item.label as string | undefined) ?? '',
      counters: countersOf(item),
    }));
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
