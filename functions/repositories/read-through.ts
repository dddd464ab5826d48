/** Items kept briefly per process (profiles, departments): read from the table only when not kept. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { BriefCache } from '../storage/brief-cache.ts';
import type { Db } from '../storage/client.ts';
import { fromItem } from '../storage/keys.ts';

/** The item kept under `id`, or else read by `key` (one GetItem) and kept when it is there. */
export async function readThrough<T>(
  db: Pick<Db, 'doc' | 'tableName'>,
  cache: BriefCache<T>,
  id: string,
  key: Record<string, unknown>,
): Promise<T | undefined> {
  const hit = cache.get(id);
  if (hit) return hit;
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
  if (!Item) return undefined;
  const item = fromItem<T>(Item);
  cache.set(id, item);
  return item;
}
