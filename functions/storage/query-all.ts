/**
 * A query read to its end: DynamoDB answers at most 1 MB per call, so a partition that may outgrow
 * that is read page by page. Every caller that needs all of a partition goes through here.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';

export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Select'>;
type Item = Record<string, unknown>;

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
