/**
 * What the repositories share about writes on a condition and lists read newest first: a write whose
 * condition no longer holds (the item is gone, already changed, or someone else's) is an answer, not an
 * error; a list page starts only at a cursor of that list. One DynamoDB call each, as written by hand.
 */
import { PutCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../storage/client.ts';
import { encodeCursor, fromItem } from '../storage/keys.ts';
import { cursorIn, inPartition, type Partition, queryPage } from '../storage/query-all.ts';

/** DynamoDB refused a write because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error).name === 'ConditionalCheckFailedException';
}

/**
 * DynamoDB refused a write, alone or in a transaction, because it could not apply: a condition did not
 * hold, or (a transaction) it met another write of the same items. To the caller both mean "changed
 * meanwhile".
 */
export function isWriteRefused(error: unknown): boolean {
  return isConditionFailure(error) || (error as Error).name === 'TransactionCanceledException';
}

/** Waits for a conditional write: true when it was written, false when its condition did not hold. */
export async function conditionHeld(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
}

/** An UpdateItem on the table that applies only where its condition holds; answers whether it did. */
export function updateWhere(
  db: Pick<Db, 'doc' | 'tableName'>,
  update: Omit<UpdateCommandInput, 'TableName'> & Pick<UpdateCommandInput, 'ConditionExpression'>,
): Promise<boolean> {
  return conditionHeld(db.doc.send(new UpdateCommand({ TableName: db.tableName, ...update })));
}

/**
 * An UpdateItem on the table that applies only where its condition holds: answers the item as it is
 * after the update, or undefined where the condition did not hold.
 */
export async function updatedWhere(
  db: Pick<Db, 'doc' | 'tableName'>,
  update: Omit<UpdateCommandInput, 'TableName' | 'ReturnValues'> & Pick<UpdateCommandInput, 'ConditionExpression'>,
): Promise<Record<string, unknown> | undefined> {
  try {
    const out = await db.doc.send(new UpdateCommand({ TableName: db.tableName, ...update, ReturnValues: 'ALL_NEW' }));
    return out.Attributes;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return undefined;
  }
}

/** A PutItem of an item that is not there yet; answers whether this call wrote it. */
export function putNew(db: Pick<Db, 'doc' | 'tableName'>, item: Record<string, unknown>): Promise<boolean> {
  return conditionHeld(
    db.doc.send(
      new PutCommand({ TableName: db.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    ),
  );
}

/** One page of a list, newest first, from the caller's cursor (refused unless it is one of this list). */
export async function newestFirst<T>(
  db: Pick<Db, 'doc' | 'tableName'>,
  list: Partition,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: T[]; cursor?: string }> {
  const start = cursorIn(list, cursor);
  const out = await queryPage(db, {
    ...inPartition(list),
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: start,
  });
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map((item) => fromItem<T>(item)), ...(next ? { cursor: next } : {}) };
}
