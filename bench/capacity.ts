/**
 * What each DynamoDB request consumes, as DynamoDB reports it: an SDK middleware (like bench/probe.ts)
 * that asks every request for `ReturnConsumedCapacity: 'INDEXES'` and adds up the read and write units
 * of the table and of each index, plus the size of every item written with a Put (by its `type`).
 *
 * DynamoDB Local reports consumed capacity by the service's rules for item sizes and indexes, with one
 * difference, measured: it charges a TransactWriteItems 4 units per KB written (table and indexes),
 * where DynamoDB's documentation says 2 (a transactional write costs twice a standard one). The meter
 * halves transactional write units so the figures follow the documented rule, and says so.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { WRITE_COMMANDS } from '../functions/storage/client.ts';
import { intercept, whileOpen } from './probe.ts';

export interface Capacity {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Units by where they were consumed: 'table' or an index name. */
  byPlace: Record<string, number>;
  /** Items written with a Put (alone, in a batch or in a transaction): their `type` and size in bytes. */
  puts: Array<{ type: string; bytes: number }>;
}

export const newCapacity = (): Capacity => ({ requests: 0, readUnits: 0, writeUnits: 0, byPlace: {}, puts: [] });

const open = new Set<Capacity>();

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** DynamoDB's item size: attribute names and values in UTF-8, numbers ~1 byte per 2 digits, 3 bytes per list or map plus 1 per element. */
export function itemBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value)
      .replace(/[-.]|e.*$/gi, '')
      .replace(/^0+/, '').length;
    return Math.ceil(Math.max(1, digits) / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + itemBytes(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + itemBytes(v), 0);
  if (typeof value === 'object') {
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [k, v]) => sum + 1 + Buffer.byteLength(k, 'utf8') + itemBytes(v),
        0,
      )
    );
  }
  return 0;
}

/** Size of a top-level item (no map overhead: an item is not a map attribute). */
export function topItemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (sum, [k, v]) => sum + Buffer.byteLength(k, 'utf8') + (v === undefined ? 0 : itemBytes(v)),
    0,
  );
}

function putsOf(command: string, input: Record<string, unknown>): Array<Record<string, unknown>> {
  if (command === 'PutItemCommand') return [input.Item as Record<string, unknown>];
  if (command === 'TransactWriteItemsCommand') {
    return ((input.TransactItems ?? []) as Array<{ Put?: { Item: Record<string, unknown> } }>)
      .map((t) => t.Put?.Item)
      .filter((i): i is Record<string, unknown> => i !== undefined);
  }
  if (command === 'BatchWriteItemCommand') {
    return Object.values(
      (input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item: Record<string, unknown> } }>>,
    )
      .flat()
      .map((r) => r.PutRequest?.Item)
      .filter((i): i is Record<string, unknown> => i !== undefined);
  }
  return [];
}

/** Adds the capacity middleware (once) to a client. */
export function meterCapacity(client: DynamoDBClient | DynamoDBDocumentClient): void {
  intercept(client, 'benchCapacity', async (command, input, send) => {
    // Document-client input here (before marshalling): plain values, so sizes are of the real attributes.
    const puts = putsOf(command, input).map((item) => ({
      type: String(item.type ?? 'untyped'),
      bytes: topItemBytes(item),
    }));
    if (input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'INDEXES';
    const result = await send();
    const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
    const consumed = output.ConsumedCapacity;
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    const scale = command === 'TransactWriteItemsCommand' ? 0.5 : 1;
    for (const tally of open) {
      tally.requests++;
      tally.puts.push(...puts);
      for (const c of list) {
        const units = (c.CapacityUnits ?? 0) * scale;
        if (WRITE_COMMANDS.has(command)) tally.writeUnits += units;
        else tally.readUnits += units;
        const places: Array<[string, number]> = [
          ['table', c.Table?.CapacityUnits ?? (c.GlobalSecondaryIndexes ? 0 : (c.CapacityUnits ?? 0))],
          ...Object.entries({ ...c.GlobalSecondaryIndexes, ...c.LocalSecondaryIndexes }).map(
            ([name, v]) => [name, v.CapacityUnits ?? 0] as [string, number],
          ),
        ];
        for (const [place, n] of places) tally.byPlace[place] = (tally.byPlace[place] ?? 0) + n * scale;
      }
    }
    return result;
  });
}

/** Runs `fn` and returns the capacity it consumed (meaningful only when nothing else runs meanwhile). */
export async function withCapacity<T>(fn: () => Promise<T>): Promise<{ value: T; capacity: Capacity }> {
  const capacity = newCapacity();
  return { value: await whileOpen(open, capacity, fn), capacity };
}
