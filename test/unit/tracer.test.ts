import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createTracer, currentTrace, daemonAddress } from '#functions/observability/tracer.ts';

const TRACE = 'Root=1-6a2f0c11-5f1c2b9a3e4d5c6b7a8f9e0d;Parent=53995c3f42cd8ad8;Sampled=1';

/** A DynamoDB client whose requests never leave the process: each answers `status` with `body`. */
function client(status: number, body: unknown) {
  return new DynamoDBClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'REQ123' },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        },
      }),
    },
  });
}

function traced(env: NodeJS.ProcessEnv) {
  const sent: Array<Record<string, unknown>> = [];
  const { instrument } = createTracer({ AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000', ...env }, (d) => sent.push(d));
  return { sent, instrument };
}

afterEach(() => {
  delete (globalThis as { awslambda?: unknown }).awslambda;
});

describe('X-Ray subsegments of the AWS SDK clients, without the X-Ray SDK', () => {
  it('sends one subsegment per call under the invocation, with service, operation, table and request id', async () => {
    const { sent, instrument } = traced({ _X_AMZN_TRACE_ID: TRACE });
    const db = instrument(client(200, { Item: { pk: { S: 'x' } } }));
    await db.send(new GetItemCommand({ TableName: 'ordo-test', Key: { pk: { S: 'x' } } }));
    expect(sent).toHaveLength(1);
    const [subsegment] = sent;
    expect(subsegment).toMatchObject({
      name: 'DynamoDB',
      type: 'subsegment',
      namespace: 'aws',
      trace_id: '1-6a2f0c11-5f1c2b9a3e4d5c6b7a8f9e0d',
      parent_id: '53995c3f42cd8ad8',
      aws: { operation: 'GetItem', region: 'eu-west-1', request_id: 'REQ123', table_name: 'ordo-test', retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(subsegment?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(subsegment?.end_time as number).toBeGreaterThanOrEqual(subsegment?.start_time as number);
    expect(subsegment).not.toHaveProperty('error');
    expect(subsegment).not.toHaveProperty('fault');
  });

  it('marks a refused call as an error with its cause, and still throws it', async () => {
    const { sent, instrument } = traced({ _X_AMZN_TRACE_ID: TRACE });
    const db = instrument(
      client(400, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'no table' }),
    );
    await expect(db.send(new GetItemCommand({ TableName: 'gone', Key: { pk: { S: 'x' } } }))).rejects.toThrow(
      /no table/,
    );
    expect(sent[0]).toMatchObject({
      error: true,
      http: { response: { status: 400 } },
      cause: { exceptions: [{ type: 'ResourceNotFoundException', message: 'no table', remote: true }] },
    });
    expect(sent[0]).not.toHaveProperty('fault');
  });

  it('marks a server failure as a fault', async () => {
    const { sent, instrument } = traced({ _X_AMZN_TRACE_ID: TRACE });
    const db = instrument(client(500, { __type: 'InternalServerError', message: 'boom' }));
    await expect(db.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } }))).rejects.toThrow();
    expect(sent[0]).toMatchObject({ fault: true, http: { response: { status: 500 } } });
  });

  it('sends nothing for an invocation that is not sampled, or outside a trace', async () => {
    for (const env of [{ _X_AMZN_TRACE_ID: TRACE.replace('Sampled=1', 'Sampled=0') }, {}]) {
      const { sent, instrument } = traced(env);
      await instrument(client(200, {})).send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } }));
      expect(sent).toEqual([]);
    }
  });

  it("reads the trace from the runtime's per-invocation store before the environment", () => {
    (globalThis as { awslambda?: unknown }).awslambda = {
      InvokeStore: { getXRayTraceId: () => 'Root=1-aaaa-bbbb;Parent=cccc;Sampled=1' },
    };
    expect(currentTrace({ _X_AMZN_TRACE_ID: TRACE })).toEqual({ root: '1-aaaa-bbbb', parent: 'cccc' });
  });

  it('is off without a daemon address: the client is left as it was', async () => {
    const plain = client(200, {});
    const before = plain.middlewareStack.identify().length;
    createTracer({ _X_AMZN_TRACE_ID: TRACE }).instrument(plain);
    expect(plain.middlewareStack.identify()).toHaveLength(before);
  });

  it("sends to the daemon over UDP in X-Ray's format: a header line, then the document", async () => {
    const daemon = createSocket('udp4');
    daemon.bind(0, '127.0.0.1');
    await once(daemon, 'listening');
    try {
      const { port } = daemon.address();
      const env = { AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${port}`, _X_AMZN_TRACE_ID: TRACE };
      const received = once(daemon, 'message');
      await createTracer(env)
        .instrument(client(200, {}))
        .send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } }));
      const [message] = (await received) as [Buffer];
      const [header, body] = message.toString('utf8').split('\n');
      expect(JSON.parse(header ?? '')).toEqual({ format: 'json', version: 1 });
      expect(JSON.parse(body ?? '')).toMatchObject({ name: 'DynamoDB', parent_id: '53995c3f42cd8ad8' });
    } finally {
      daemon.close();
    }
  });

  it('reads the daemon address in both of its forms', () => {
    expect(daemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(daemonAddress('tcp:127.0.0.1:2000 udp:127.0.0.2:2001')).toEqual({ host: '127.0.0.2', port: 2001 });
    expect(daemonAddress(undefined)).toBeUndefined();
    expect(daemonAddress('nonsense')).toBeUndefined();
  });
});
