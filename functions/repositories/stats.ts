/**
 * Report aggregates (see shared/stats.ts). One partition per department; sort key day#kind#key, so
 * a report over any period is one Query: pk = STATS#code, sk BETWEEN from AND to.
 * Access patterns: add counters (UpdateItem ADD, inside the transaction of the change that causes
 * them); rows of a period (Query).
 */
import { QueryCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StatsRow } from '#shared/reports.ts';
import type { StatsDelta } from '#shared/stats.ts';
import type { Db } from '../storage/client.ts';
import { keys } from '../storage/keys.ts';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export function statsUpdate(tableName: string, delta: StatsDelta): TransactItem {
  const names: Record<string, string> = { '#kind': 'kind', '#key': 'key', '#day': 'day' };
  const values: Record<string, unknown> = { ':kind': delta.kind, ':key': delta.key, ':day': delta.day };
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
      UpdateExpression: `SET #kind = :kind, #key = :key, #day = :day, #type = :type ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: { ...names, '#type': 'type' },
      ExpressionAttributeValues: { ...values, ':type': 'stats' },
    },
  };
}

const META = new Set(['pk', 'sk', 'kind', 'key', 'day', 'type']);

export class StatsRepository {
  constructor(private readonly db: Db) {}

  async rows(department: string, from: string, to: string): Promise<StatsRow[]> {
    const rows: StatsRow[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `STATS#${department}`, ':from': `${from}#`, ':to': `${to}#~` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        const counters: Record<string, number> = {};
        for (const [k, v] of Object.entries(item)) if (!META.has(k) && typeof v === 'number') counters[k] = v;
        rows.push({ day: item.day as string, kind: item.kind as StatsRow['kind'], key: item.key as string, counters });
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
