/**
 * An SDK middleware on every DynamoDB client the benchmarks create: counts requests per command and
 * the items each request read (Query/Scan: ScannedCount; GetItem: 0 or 1; BatchGetItem: items
 * returned), for the whole run and for measured sections. The product's own CallCounter
 * (functions/storage/client.ts) counts the same requests per Deps; this one also sees the bulk loader
 * and answers "how many items did this read".
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Tally {
  calls: Record<string, number>;
  itemsRead: number;
}

const newTally = (): Tally => ({ calls: {}, itemsRead: 0 });

/** Everything seen during the whole run. */
export const runTally: Tally = newTally();
const open = new Set<Tally>();

function itemsOf(command: string, output: Record<string, unknown> | undefined): number {
  if (!output) return 0;
  if (command === 'QueryCommand' || command === 'ScanCommand') {
    return Number(output.ScannedCount ?? output.Count ?? 0);
  }
  if (command === 'GetItemCommand' || command === 'GetCommand') return output.Item ? 1 : 0;
  if (command === 'BatchGetItemCommand' || command === 'BatchGetCommand') {
    const responses = (output.Responses ?? {}) as Record<string, unknown[]>;
    return Object.values(responses).reduce((sum, list) => sum + list.length, 0);
  }
  return 0;
}

function record(command: string, items: number): void {
  for (const tally of [runTally, ...open]) {
    tally.calls[command] = (tally.calls[command] ?? 0) + 1;
    tally.itemsRead += items;
  }
}

const added = new WeakMap<object, Set<string>>();

/**
 * Adds a middleware named `name` (once) at the initialize step of a client's stack; a document client shares
 * its client's stack. `around` gets each request's command name and input (a document client's: plain values,
 * before marshalling) and `send`, which passes the request on; it answers what `send` answered.
 */
export function intercept(
  client: DynamoDBClient | DynamoDBDocumentClient,
  name: string,
  around: <R extends { output: unknown }>(
    command: string,
    input: Record<string, unknown>,
    send: () => Promise<R>,
  ) => Promise<R>,
): void {
  const stack = client.middlewareStack;
  const names = added.get(stack) ?? new Set<string>();
  if (names.has(name)) return;
  added.set(stack, names.add(name));
  stack.add(
    (next, context) => (args) =>
      around(context.commandName ?? 'unknown', args.input as Record<string, unknown>, () => next(args)),
    { step: 'initialize', name },
  );
}

/** Adds the counting middleware (once) to a client. */
export function watch(client: DynamoDBClient | DynamoDBDocumentClient): void {
  intercept(client, 'benchProbe', async (command, _input, send) => {
    try {
      const result = await send();
      record(command, itemsOf(command, result.output as Record<string, unknown>));
      return result;
    } catch (error) {
      record(command, 0);
      throw error;
    }
  });
}

/** Runs `fn` with `meter` among the `open` ones, those a middleware adds to while a measured section runs. */
export async function whileOpen<T, M>(open: Set<M>, meter: M, fn: () => Promise<T>): Promise<T> {
  open.add(meter);
  try {
    return await fn();
  } finally {
    open.delete(meter);
  }
}

/** Runs `fn` and returns what it cost (only meaningful when nothing else runs meanwhile). */
export async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; tally: Tally }> {
  const tally = newTally();
  return { value: await whileOpen(open, tally, fn), tally };
}

export function totalCalls(tally: Tally): number {
  return Object.values(tally.calls).reduce((a, b) => a + b, 0);
}

/** "Query 1, TransactWriteItems 1" */
export function describeCalls(tally: Tally): string {
  const entries = Object.entries(tally.calls).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([name, n]) => `${name.replace(/Command$/, '')} ${n}`).join(', ') : 'none';
}

export function scans(tally: Tally = runTally): number {
  return (tally.calls.ScanCommand ?? 0) + (tally.calls.ParallelScanCommand ?? 0);
}
