/**
 * The DynamoDB document client, one per process, with a middleware that counts calls per command so
 * tests and benchmarks can assert how many requests an operation costs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export class CallCounter {
  readonly counts = new Map<string, number>();
  record(command: string): void {
    this.counts.set(command, (this.counts.get(command) ?? 0) + 1);
  }
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }
  reset(): void {
    this.counts.clear();
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
  calls: CallCounter;
}

export function createDb(opts: { tableName: string; region: string; endpoint?: string }): Db {
  const calls = new CallCounter();
  const client = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    // Throttling is retried with backoff by the SDK; an unreachable endpoint fails fast (→ 503), never hangs.
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
  });
  // The SDK's logger middleware builds a redacted copy of every request and response for its logger
  // even when that logger (the default no-op one here) writes nothing: a tenth of the CPU of a
  // 50-item Query. Ordo logs its own requests, so the middleware goes.
  client.middlewareStack.remove('loggerMiddleware');
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.record(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'ordoCallCounter' },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: opts.tableName, calls };
}
