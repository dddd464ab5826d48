/**
 * Reading a partition: the key condition of a partition named in keys.ts (`inPartition`), one page of
 * a query (`queryPage`), and a query read to its end: DynamoDB answers at most 1 MB per call, so a
 * partition that may outgrow that is read page by page. Every caller that needs all of a partition
 * goes through `queryAll`.
 */
import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#shared/errors.ts';
import { refusal } from '#shared/refusals.ts';
import type { Db } from './client.ts';
import { decodeCursor } from './keys.ts';
import { INDEX } from './table-definition.ts';

export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Select'>;
type Item = Record<string, unknown>;

/**
 * A partition as `partitions` in keys.ts names it: of the table or of the index whose partition key
 * it carries, with a sort-key prefix where only part of it is read.
 */
export type Partition =
  | { pk: string; skPrefix?: string }
  | { gsi1pk: string; skPrefix?: string }
  | { gsi2pk: string }
  | { gsi3pk: string };

/**
 * The index and key condition that read a partition; `upTo` reads only sort keys up to and including
 * it. Further attribute values go into `ExpressionAttributeValues` beside `:pk` (and `:prefix`, `:upTo`).
 */
export function inPartition(
  partition: Partition,
  options: { upTo?: string } = {},
): Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression'> & { ExpressionAttributeValues: Item } {
  const [pk, index] = keyOf(partition);
  const sk = index?.sk ?? 'sk';
  const prefix = 'skPrefix' in partition ? partition.skPrefix : undefined;
  const conditions = [`${index?.pk ?? 'pk'} = :pk`];
  if (prefix !== undefined) conditions.push(`begins_with(${sk}, :prefix)`);
  if (options.upTo !== undefined) conditions.push(`${sk} <= :upTo`);
  return {
    ...(index ? { IndexName: index.name } : {}),
    KeyConditionExpression: conditions.join(' AND '),
    ExpressionAttributeValues: {
      ':pk': pk,
      ...(prefix !== undefined ? { ':prefix': prefix } : {}),
      ...(options.upTo !== undefined ? { ':upTo': options.upTo } : {}),
    },
  };
}

/** The partition key's value and the index a partition is read from (none: the table). */
function keyOf(partition: Partition): [string, (typeof INDEX)[keyof typeof INDEX] | undefined] {
  return 'pk' in partition
    ? [partition.pk, undefined]
    : 'gsi1pk' in partition
      ? [partition.gsi1pk, INDEX.byCollection]
      : 'gsi2pk' in partition
        ? [partition.gsi2pk, INDEX.queueByDue]
        : [partition.gsi3pk, INDEX.dueWork];
}

/**
 * Where a page of `partition` starts: the caller's cursor, accepted only when it is exactly a key of
 * this partition (the table key and, on an index, the index key; short non-empty strings). Anything
 * else, such as a cursor of another list or another person's, is refused as `invalid_cursor` before
 * DynamoDB sees it.
 */
export function cursorIn(partition: Partition, cursor: string | undefined): Item | undefined {
  if (!cursor) return undefined;
  const start = decodeCursor(cursor);
  const [pk, index] = keyOf(partition);
  const names = { pk: index?.pk ?? 'pk', sk: index?.sk ?? 'sk' };
  const prefix = 'skPrefix' in partition ? partition.skPrefix : undefined;
  const expected = [...new Set(['pk', 'sk', names.pk, names.sk])].sort();
  const valid =
    start !== undefined &&
    start[names.pk] === pk &&
    JSON.stringify(Object.keys(start).sort()) === JSON.stringify(expected) &&
    Object.values(start).every((v) => typeof v === 'string' && v.length > 0 && v.length <= 1_024) &&
    (prefix === undefined || String(start[names.sk]).startsWith(prefix));
  if (!valid) throw new ValidationError('invalid_request', {}, { cursor: refusal('invalid_cursor') });
  return start;
}

/** One page of a query: the first, or the one after `ExclusiveStartKey`. */
export async function queryPage(
  db: Pick<Db, 'doc' | 'tableName'>,
  input: QueryInput & { ExclusiveStartKey?: Item | undefined },
): Promise<QueryCommandOutput> {
  return db.doc.send(new QueryCommand({ ...input, TableName: db.tableName }));
}

/** Calls `onPage` with the items of each page of the query, in order. */
async function eachPage(
  db: Pick<Db, 'doc' | 'tableName'>,
  input: QueryInput & Pick<QueryCommandInput, 'Select'>,
  onPage: (out: { Items?: Item[]; Count?: number }) => void,
): Promise<void> {
  let start: Item | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    onPage(out);
    start = out.LastEvaluatedKey;
  } while (start);
}

/** Every item the query finds. */
export async function queryAll(db: Pick<Db, 'doc' | 'tableName'>, input: QueryInput): Promise<Item[]> {
  const items: Item[] = [];
  await eachPage(db, input, (out) => {
    for (const item of out.Items ?? []) items.push(item);
  });
  return items;
}

/** How many items the query finds, without reading their attributes. */
export async function countAll(db: Pick<Db, 'doc' | 'tableName'>, input: QueryInput): Promise<number> {
  let count = 0;
  await eachPage(db, { ...input, Select: 'COUNT' }, (out) => {
    count += out.Count ?? 0;
  });
  return count;
}
