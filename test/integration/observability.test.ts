/**
 * The Lambda handlers as Lambda calls them, with an API Gateway v2 event and a Lambda context: their
 * logs are Powertools JSON carrying the invocation, and what they count leaves as EMF on stdout.
 */
import type { LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import type { Order } from '#shared/model.ts';
import { captureStdout } from '../support/stdout.ts';
import { createHarness, type Harness } from './harness.ts';

const TRACE = 'Root=1-6a2f0c11-5f1c2b9a3e4d5c6b7a8f9e0d;Parent=53995c3f42cd8ad8;Sampled=1';

let h: Harness;
let accessToken: string;
/** The order the first test files; the second changes it. */
let filed: Order | undefined;

beforeAll(async () => {
  h = await createHarness();
  accessToken = (await h.signIn('anna')).accessToken;
  // What Lambda sets: a cold start is an on-demand initialisation; the trace id changes per invocation.
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('_X_AMZN_TRACE_ID', TRACE);
  // The handlers read their configuration at load; here it is the harness's. They are loaded afresh,
  // not as another file of this worker left them.
  vi.resetModules();
  vi.doMock('#functions/config.ts', async (original) => ({
    ...(await original<typeof import('#functions/config.ts')>()),
    loadConfig: () => h.deps.config,
    loadApiConfig: async () => h.deps.config,
  }));
});
afterAll(async () => {
  vi.doUnmock('#functions/config.ts');
  vi.unstubAllEnvs();
  await h?.close();
});

const context = (name: string, requestId: string) => ({
  awsRequestId: requestId,
  functionName: `ordo-test-${name}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:ordo-test-${name}`,
  memoryLimitInMB: '256',
  logGroupName: `/aws/lambda/ordo-test-${name}`,
  logStreamName: '2026/12/03/[$LATEST]0123456789abcdef',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
});

function gatewayEvent(method: string, path: string, gatewayRequestId: string, body?: unknown): LambdaEvent {
  const headers: Record<string, string> = { host: 'api.ordo.example.com', authorization: `Bearer ${accessToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authentication: null,
      authorizer: {},
      domainName: 'api.ordo.example.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'vitest' },
      requestId: gatewayRequestId,
      routeKey: '$default',
      stage: '$default',
      time: '03/Dec/2026:09:00:00 +0000',
      timeEpoch: Date.now(),
    },
    body: body !== undefined ? JSON.stringify(body) : null,
    isBase64Encoded: false,
  };
}

type Line = Record<string, unknown> & {
  message?: string;
  _aws?: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }> };
};

describe('the API handler in Lambda', () => {
  it('logs JSON with the invocation, the cold start and the request’s correlation id, and counts the filed order as EMF', async () => {
    const { handler } = await import('#functions/lambda/api.ts');
    let answer: Awaited<ReturnType<typeof handler>> | undefined;
    const written = await captureStdout(async () => {
      answer = await handler(
        gatewayEvent('POST', '/api/v1/orders', 'gw-request-1', {
          serviceId: 'it-password',
          answers: { account: 'VPN', what: 'Password', phone: '+48 600 100 200' },
        }),
        context('api', 'lambda-request-1'),
      );
    });
    expect(answer?.statusCode).toBe(201);
    const order = (JSON.parse(answer?.body ?? '{}') as OrderView).order;
    filed = order;
    const lines = written.map((line) => JSON.parse(line) as Line);

    const request = lines.find((line) => line.message === 'request');
    expect(request).toMatchObject({
      level: 'INFO',
      service: 'ordo',
      stage: 'test',
      cold_start: true,
      function_name: 'ordo-test-api',
      function_request_id: 'lambda-request-1',
      xray_trace_id: '1-6a2f0c11-5f1c2b9a3e4d5c6b7a8f9e0d',
      correlation_id: 'gw-request-1',
      method: 'POST',
      path: '/api/v1/orders',
      status: 201,
    });
    expect(answer?.headers?.['x-request-id']).toBe('gw-request-1');

    const counted = lines.find((line) => 'OrdersFiled' in line);
    expect(counted).toMatchObject({ OrdersFiled: 1, department: order.department, stage: 'test', service: 'ordo' });
    expect(counted?._aws?.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Ordo',
        Dimensions: [['service', 'stage', 'department']],
        Metrics: [{ Name: 'OrdersFiled', Unit: 'Count' }],
      },
    ]);

    // Neither the caller's token nor their email address reaches the log.
    for (const line of written) {
      expect(line).not.toContain(accessToken);
      expect(line).not.toContain('anna.kowalska@example.com');
    }
  });

  it('marks the next invocation warm and counts a transition by action', async () => {
    const { handler } = await import('#functions/lambda/api.ts');
    expect(filed).toBeDefined();
    let status = 0;
    const written = await captureStdout(async () => {
      const answer = await handler(
        gatewayEvent('POST', `/api/v1/orders/${filed!.number}/transitions`, 'gw-request-3', {
          action: 'cancel',
          version: filed!.version,
          reason: 'Solved it myself',
        }),
        context('api', 'lambda-request-3'),
      );
      status = answer.statusCode;
    });
    expect(status).toBe(200);
    const lines = written.map((line) => JSON.parse(line) as Line);
    expect(lines.find((line) => line.message === 'request')).toMatchObject({
      cold_start: false,
      function_request_id: 'lambda-request-3',
      correlation_id: 'gw-request-3',
    });
    expect(lines.find((line) => 'Transitions' in line)).toMatchObject({ Transitions: 1, action: 'cancel' });
  });
});

describe('the mail worker in Lambda', () => {
  it('counts the mail it sent as EMF when the invocation ends', async () => {
    const { handler } = await import('#functions/lambda/mail-worker.ts');
    const ids = await h.deps.outbox.due(new Date(Date.now() + 86_400_000), 1_000);
    expect(ids.length).toBeGreaterThan(0);
    const event = {
      Records: ids.map((id, i) => ({
        eventName: 'INSERT' as const,
        dynamodb: { Keys: { pk: { S: `OUTBOX#${id}` } }, SequenceNumber: String(i + 1) },
      })),
    };
    const written = await captureStdout(() => handler(event, context('mail-worker', 'lambda-mail-1')));
    const lines = written.map((line) => JSON.parse(line) as Line);
    expect(lines.find((line) => 'MailsSent' in line)).toMatchObject({ MailsSent: ids.length, stage: 'test' });
    const sent = lines.filter((line) => line.message === 'mail.sent');
    expect(sent).toHaveLength(ids.length);
    expect(sent[0]).toMatchObject({ function_name: 'ordo-test-mail-worker', function_request_id: 'lambda-mail-1' });
    for (const line of written) expect(line).not.toMatch(/[\w.+-]+@example\.com/);
  });
});
