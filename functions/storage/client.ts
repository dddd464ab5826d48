/**
 * The DynamoDB document client, one per process, with a middleware that counts calls per command so
 * tests and benchmarks can assert how many requests an operation costs.
 *
 * A database that stops answering must cost a caller about a second, not a hang (SECURITY.md,
 * "storage frozen or slow"): every attempt has deadlines that throw, and the API turns the error into
 * 503 `unavailable` with Retry-After (http/middleware.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Instrument } from '../observability/tracer.ts';

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

/**
 * The time budget of one storage call: a frozen database costs a caller 1 s, then the API answers 503.
 * DynamoDB answers in single-digit milliseconds (transactions in tens). DynamoDB Local, while the whole
 * integration suite ran on 2 cores (14,500 calls): median 5 ms, p99 110 ms, p99.9 220 ms, slowest
 * 580 ms; up to 850 ms when other work kept the machine busy (load 13–17).
 */
export const STORAGE_BUDGET = {
  /** A TCP connect takes ~1 ms inside an AWS region and on loopback; 300 ms only passes when nothing accepts. */
  connectionMs: 300,
  /**
   * From sending to the response headers. An attempt that passes it is not retried: a write may have
   * been applied, and a database that said nothing for a second will not answer a retry in time either.
   */
  attemptMs: 1_000,
  /**
   * One retry after a refused or timed-out connection, a reset keep-alive socket, a throttle or a 5xx
   * (the SDK's standard strategy, backoff at most 50 ms): a database that accepts no connection costs
   * 2 × 300 ms + 50 ms.
   */
  maxAttempts: 2,
  /**
   * Writes in flight per client. DynamoDB Local runs writes one at a time: a burst of 34 transactions
   * (the demo seed) queued inside it for up to 0.9 s, which the deadline would cut although nothing
   * was wrong. Waiting for a turn happens before an attempt's clock starts, so the deadline measures
   * the database, not our own burst. Reads run side by side there and are not held back (a limit of 4
   * halved the local read throughput). A Lambda serves one request at a time and rarely has more than
   * 2 calls in flight.
   */
  writesInFlight: 4,
} as const;

/**
 * The service gave no answer within an attempt's deadline, or a call in flight got none (then this
 * one was not sent). Its own class so the SDK does not retry it (it retries `TimeoutError`).
 */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError';
}

/** @smithy/node-http-handler's error when `requestTimeout` passes (with `throwOnRequestTimeout`). */
export function isDeadline(error: unknown): boolean {
  return (error as Error).name === 'TimeoutError' && (error as { code?: string }).code === 'ETIMEDOUT';
}

/** Errors that mean an AWS service is down, stuck or throttling (after the SDK's own retries), not a bug. */
const UNAVAILABLE_NAMES = new Set([
  'NoAnswerError',
  // @smithy/node-http-handler: no connection in time; also its name for ECONNRESET ("socket hang
  // up"), EPIPE and ETIMEDOUT.
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const { code, $metadata } = error as { code?: string; $metadata?: { httpStatusCode?: number } };
  return (
    UNAVAILABLE_NAMES.has(error.name) ||
    (code !== undefined && NETWORK_CODES.has(code)) ||
    ($metadata?.httpStatusCode ?? 0) >= 500 ||
    isUnavailable(error.cause, depth + 1)
  );
}

/** The commands that write (and so wait for a turn among the writes in flight). */
export const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

/** At most `size` calls in flight; the others wait their turn in order. */
class InFlightLimit {
  private active = 0;
  private readonly waiting: Array<{ go: () => void; fail: (error: Error) => void }> = [];

  constructor(private readonly size: number) {}

  enter(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((go, fail) => this.waiting.push({ go, fail }));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next.go();
    else this.active--;
  }

  /** A call in flight got no answer: those waiting for a turn would only wait for the same silence. */
  failWaiting(): void {
    for (const waiter of this.waiting.splice(0)) {
      waiter.fail(new NoAnswerError('DynamoDB gave a call in flight no answer; this one was not sent.'));
    }
  }
}

export function createDb(opts: {
  tableName: string;
  region: string;
  endpoint?: string;
  instrument?: Instrument;
  /** Overrides STORAGE_BUDGET.attemptMs (configuration `STORAGE_ATTEMPT_MS`). */
  attemptMs?: number;
}): Db {
  const attemptMs = opts.attemptMs ?? STORAGE_BUDGET.attemptMs;
  const calls = new CallCounter();
  const writes = new InFlightLimit(STORAGE_BUDGET.writesInFlight);
  const client = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: STORAGE_BUDGET.maxAttempts,
    requestHandler: {
      connectionTimeout: STORAGE_BUDGET.connectionMs,
      requestTimeout: attemptMs,
      // Without it a passed requestTimeout only logs a warning and the call waits on.
      throwOnRequestTimeout: true,
    },
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
  // Innermost, once per attempt (inside the retries), right before the request leaves.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const write = WRITE_COMMANDS.has(context.commandName ?? '');
      if (write) await writes.enter();
      try {
        return await next(args);
      } catch (error) {
        if (!isDeadline(error)) throw error;
        writes.failWaiting();
        throw new NoAnswerError(`DynamoDB gave no answer within ${attemptMs} ms.`);
      } finally {
        if (write) writes.leave();
      }
    },
    { step: 'deserialize', name: 'ordoInFlightLimit', priority: 'low' },
  );
  // Traced in Lambda: each call an X-Ray subsegment (the document client sends through this client).
  const traced = opts.instrument?.(client) ?? client;
  const doc = DynamoDBDocumentClient.from(traced, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: opts.tableName, calls };
}
