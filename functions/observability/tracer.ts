/**
 * X-Ray traces of the AWS SDK clients (DynamoDB, SES, S3) without the X-Ray SDK: a middleware on each
 * client times every call (retries included) and sends it to the X-Ray daemon as a subsegment of the
 * invocation's trace, as Powertools Tracer's `captureAWSv3Client` did (service, operation, region,
 * request id, retries, table, status, error/throttle/fault), for ~2 KB instead of ~120 KB of bundle
 * and the X-Ray SDK's load at cold start. Lambda's active tracing makes the invocation's segments
 * (the function and its initialisation) and gives the trace header; only sampled invocations send.
 *
 * Not traced any more: outgoing HTTPS outside the SDK (the issuer's key set, fetched at the first
 * request and on key rotation), which Powertools' Tracer patched globally.
 *
 * Off unless the function runs with a daemon address (AWS_XRAY_DAEMON_ADDRESS, set by Lambda when
 * tracing is on); only the Lambda entries create it, so the local stack never sends anything.
 */
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/** Wraps an AWS SDK v3 client for tracing and returns it. Modules that build clients import only this type. */
export type Instrument = <Client>(client: Client) => Client;

/** The part of an AWS SDK v3 client the middleware needs. */
interface SdkClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>,
        context: { clientName?: string; commandName?: string },
      ) => (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>,
      options: { step: 'initialize'; name: string; override?: boolean },
    ): void;
  };
  config: { region?: unknown };
}

interface SdkMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

/** Where an invocation's subsegments hang: the trace and the function's segment, when sampled. */
export interface TraceHeader {
  root: string;
  parent: string;
}

/**
 * The current invocation's trace, from Lambda's runtime (its per-invocation store when several run at
 * once, else `_X_AMZN_TRACE_ID`). Undefined outside a trace or when it is not sampled.
 */
export function currentTrace(env: NodeJS.ProcessEnv = process.env): TraceHeader | undefined {
  const store = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId?: () => string | undefined } } })
    .awslambda?.InvokeStore;
  const header = store?.getXRayTraceId?.() ?? env._X_AMZN_TRACE_ID ?? '';
  const fields = new Map(header.split(';').map((field) => field.split('=', 2) as [string, string]));
  const root = fields.get('Root');
  const parent = fields.get('Parent');
  return root && parent && fields.get('Sampled') === '1' ? { root, parent } : undefined;
}

/** The daemon's UDP address from AWS_XRAY_DAEMON_ADDRESS (`host:port`, or `tcp:… udp:host:port`). */
export function daemonAddress(value: string | undefined): { host: string; port: number } | undefined {
  const udp = value
    ?.split(/\s+/)
    .map((part) => part.replace(/^udp:/, ''))
    .find((part) => !part.startsWith('tcp:'));
  const match = udp ? /^(.+):(\d+)$/.exec(udp) : null;
  return match?.[1] && match[2] ? { host: match[1], port: Number(match[2]) } : undefined;
}

/** One SDK call as an X-Ray subsegment document (docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html). */
export function sdkSubsegment(call: {
  trace: TraceHeader;
  id: string;
  service: string;
  operation: string;
  region: string | undefined;
  tableName: unknown;
  start: number;
  end: number;
  metadata: SdkMetadata | undefined;
  error?: { name?: string; message?: string };
}): Record<string, unknown> {
  const status = call.metadata?.httpStatusCode;
  const failed = call.error !== undefined;
  const fault = failed && (status === undefined || status >= 500);
  return {
    name: call.service,
    id: call.id,
    trace_id: call.trace.root,
    parent_id: call.trace.parent,
    type: 'subsegment',
    namespace: 'aws',
    start_time: call.start,
    end_time: call.end,
    aws: {
      operation: call.operation,
      ...(call.region ? { region: call.region } : {}),
      ...(call.metadata?.requestId ? { request_id: call.metadata.requestId } : {}),
      retries: Math.max(0, (call.metadata?.attempts ?? 1) - 1),
      ...(typeof call.tableName === 'string' ? { table_name: call.tableName } : {}),
    },
    ...(status ? { http: { response: { status } } } : {}),
    ...(failed && !fault ? { error: true } : {}),
    ...(fault ? { fault: true } : {}),
    ...(status === 429 || call.error?.name === 'ThrottlingException' ? { throttle: true } : {}),
    ...(call.error
      ? {
          cause: {
            exceptions: [
              { id: call.id, type: call.error.name ?? 'Error', message: call.error.message ?? '', remote: true },
            ],
          },
        }
      : {}),
  };
}

const HEADER = '{"format":"json","version":1}\n';

/**
 * The tracer of a Lambda function: `instrument` adds the middleware to a client. `send` is where the
 * documents go (the daemon over UDP by default; a test passes its own).
 */
export function createTracer(
  env: NodeJS.ProcessEnv = process.env,
  send?: (document: Record<string, unknown>) => void,
): { instrument: Instrument } {
  const daemon = daemonAddress(env.AWS_XRAY_DAEMON_ADDRESS);
  const deliver = send ?? (daemon ? udpSender(daemon) : undefined);
  if (!deliver) return { instrument: (client) => client };
  return {
    instrument: (client) => {
      const sdk = client as unknown as SdkClient;
      sdk.middlewareStack.add(
        (next, context) => async (args) => {
          const trace = currentTrace(env);
          if (!trace) return next(args);
          const start = Date.now() / 1000;
          const call = {
            trace,
            id: randomBytes(8).toString('hex'),
            service: (context.clientName ?? 'AWS').replace(/Client$/, ''),
            operation: (context.commandName ?? '').replace(/Command$/, ''),
            region: await regionOf(sdk),
            tableName: args.input?.TableName,
            start,
          };
          try {
            const result = await next(args);
            const metadata = (result.output as { $metadata?: SdkMetadata } | undefined)?.$metadata;
            deliver(sdkSubsegment({ ...call, end: Date.now() / 1000, metadata }));
            return result;
          } catch (error) {
            const failure = error as { name?: string; message?: string; $metadata?: SdkMetadata };
            deliver(sdkSubsegment({ ...call, end: Date.now() / 1000, metadata: failure.$metadata, error: failure }));
            throw error;
          }
        },
        { step: 'initialize', name: 'ordoXRaySubsegment', override: true },
      );
      return client;
    },
  };
}

async function regionOf(client: SdkClient): Promise<string | undefined> {
  const region = client.config.region;
  try {
    const value = typeof region === 'function' ? await (region as () => Promise<unknown>)() : region;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Sends each document to the daemon; a lost datagram is a lost subsegment, never a failed call. */
function udpSender(daemon: { host: string; port: number }): (document: Record<string, unknown>) => void {
  let socket: Socket | undefined;
  return (document) => {
    if (!socket) {
      socket = createSocket('udp4');
      socket.on('error', () => {});
      socket.unref();
    }
    socket.send(`${HEADER}${JSON.stringify(document)}`, daemon.port, daemon.host, () => {});
  };
}
