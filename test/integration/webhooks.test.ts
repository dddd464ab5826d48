import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import type { WebhookDeliveryLog, WebhookPayload, WebhookSubscription } from '#shared/integrations.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

/** A receiver on this machine: records what arrives at each path and answers what the test says. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let base = '';
const received: Received[] = [];
/** The status a path answers, from what arrived. */
const answers = new Map<string, (body: string) => number>();

let clock = Date.now();
let h: Harness;
let henry: Caller;
let hana: Caller;
let anna: Caller;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      res.statusCode = answers.get(path)?.(body) ?? 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await createHarness({ now: () => new Date(clock), env: { WEBHOOKS_ALLOW_LOCAL: 'true' } });
  henry = await h.as('henry');
  hana = await h.as('hana');
  anna = await h.as('anna');
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const onboarding = (name: string) => ({
  serviceId: 'hr-onboarding',
  answers: { fullName: name, startDate: '2027-02-01', contractType: 'Permanent', managerEmail: 'm@example.com' },
});

async function subscribe(
  path: string,
  events: string[],
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const res = await henry.json<{ subscription: WebhookSubscription; secret: string }>(
    'POST',
    '/api/v1/departments/HR/webhooks',
    { url: `${base}${path}`, events },
  );
  expect(res.status).toBe(201);
  return res.body;
}

/** What arrived at a path, each checked against the subscription's secret with the package's own verify. */
function verified(path: string, secret: string): WebhookPayload[] {
  const hook = new Webhook(secret);
  return received
    .filter((r) => r.path === path)
    .map((r) => hook.verify(r.body, r.headers as Record<string, string>) as WebhookPayload);
}

describe('webhooks out', () => {
  it('refuses private, loopback-by-name-elsewhere, link-local and metadata addresses', async () => {
    for (const url of [
      'https://10.0.0.8/hook',
      'https://192.168.1.1/hook',
      'http://169.254.169.254/latest/meta-data',
      'https://[fd00:ec2::254]/',
      'https://100.64.0.1/',
      'ftp://example.com/hook',
    ]) {
      const res = await henry.json<{ fields?: Record<string, unknown> }>('POST', '/api/v1/departments/HR/webhooks', {
        url,
        events: ['order.filed'],
      });
      expect([url, res.status]).toEqual([url, 400]);
      // The schema refuses other schemes; the address check refuses the rest, saying why.
      const code = (res.body.fields?.url as { code?: string } | undefined)?.code;
      expect([url, url.startsWith('ftp') ? 'schema' : code]).toEqual([
        url,
        url.startsWith('ftp') ? 'schema' : 'webhook_target',
      ]);
    }
    // Only the head subscribes, and only their department.
    expect(
      (await hana.request('POST', '/api/v1/departments/HR/webhooks', { url: `${base}/x`, events: ['order.filed'] }))
        .status,
    ).toBe(403);
    expect((await henry.request('GET', '/api/v1/departments/FAC/webhooks')).status).toBe(404);
  });

  it('delivers signed events, shows the secret once, and logs every attempt', async () => {
    const { subscription, secret } = await subscribe('/all', ['order.filed', 'order.status_changed']);
    expect(secret).toMatch(/^whsec_/);
    const listed = await henry.json<WebhookSubscription[]>('GET', '/api/v1/departments/HR/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding('Signed Event'));
    await h.deliverMail();
    const got = verified('/all', secret).filter((p) => 'number' in p.data && p.data.number === filed.body.order.number);
    expect(got.map((p) => p.type)).toEqual(['order.filed']);
    expect(got[0]!.data).toMatchObject({
      department: 'HR',
      serviceId: 'hr-onboarding',
      status: filed.body.order.status,
    });
    // A tampered body fails the package's verification.
    const last = received.filter((r) => r.path === '/all').at(-1)!;
    expect(() => new Webhook(secret).verify(`${last.body} `, last.headers as Record<string, string>)).toThrow();

    const log = await henry.json<WebhookDeliveryLog[]>(
      'GET',
      `/api/v1/departments/HR/webhooks/${subscription.id}/deliveries`,
    );
    expect(log.body[0]).toMatchObject({ ok: true, status: 204, attempt: 1, event: 'order.filed' });
    expect(typeof log.body[0]!.durationMs).toBe('number');

    // The test event goes through the outbox too.
    const test = await henry.json<{ messageId: string }>(
      'POST',
      `/api/v1/departments/HR/webhooks/${subscription.id}/test`,
    );
    expect(test.status).toBe(201);
    await h.deliverMail();
    expect(verified('/all', secret).some((p) => p.type === 'ping')).toBe(true);
    await henry.request('DELETE', `/api/v1/departments/HR/webhooks/${subscription.id}`);
  });

  it('retries after a 500 with backoff, and never sends an order’s next event before the one that failed', async () => {
    const { subscription, secret } = await subscribe('/ordered', ['order.filed', 'order.status_changed']);
    let failing = true;
    answers.set('/ordered', () => (failing ? 500 : 200));
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding('Ordered Events'));
    const number = filed.body.order.number;
    await h.deliverMail();
    const ofOrder = () =>
      received
        .filter((r) => r.path === '/ordered')
        .map((r) => JSON.parse(r.body) as WebhookPayload)
        .filter((p) => 'number' in p.data && p.data.number === number)
        .map((p) => p.type);
    expect(ofOrder()).toEqual(['order.filed']);

    // The team claims the order: a status change queued behind the failed "filed".
    const claimed = await hana.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
      action: 'claim',
      version: filed.body.order.version,
    });
    expect(claimed.status).toBe(200);
    failing = false;
    await h.deliverMail();
    // Not yet: the failed one waits for its backoff, and the next waits for it.
    expect(ofOrder()).toEqual(['order.filed']);

    clock += 31_000;
    await h.deliverMail();
    await h.deliverMail();
    expect(ofOrder()).toEqual(['order.filed', 'order.filed', 'order.status_changed']);
    const ok = verified('/ordered', secret).filter((p) => 'number' in p.data && p.data.number === number);
    expect(ok.at(-1)?.data).toMatchObject({ from: filed.body.order.status, to: claimed.body.order.status });
    // Both attempts of "filed" carry the same webhook-id (receivers deduplicate on it).
    const ids = received.filter((r) => r.path === '/ordered').map((r) => r.headers['webhook-id']);
    expect(ids[0]).toBe(ids[1]);

    const log = await henry.json<WebhookDeliveryLog[]>(
      'GET',
      `/api/v1/departments/HR/webhooks/${subscription.id}/deliveries`,
    );
    const attempts = log.body.filter((l) => l.orderNumber === number).reverse();
    expect(attempts.map((l) => [l.event, l.status, l.attempt])).toEqual([
      ['order.filed', 500, 1],
      ['order.filed', 200, 2],
      ['order.status_changed', 200, 1],
    ]);
    expect(attempts[0]!.error).toContain('500');
    await henry.request('DELETE', `/api/v1/departments/HR/webhooks/${subscription.id}`);
  });

  it('keeps each order’s events in sequence behind one that is retrying, holds no other order back, and goes on when it is given up', async () => {
    const { subscription, secret } = await subscribe('/lanes', ['order.filed', 'order.status_changed']);
    const failing = new Set<string>();
    answers.set('/lanes', (body) => {
      const data = (JSON.parse(body) as WebhookPayload).data;
      return 'number' in data && failing.has(data.number) ? 500 : 200;
    });
    const x = (await anna.json<OrderView>('POST', '/api/v1/orders', onboarding('Lane Ex'))).body.order;
    const y = (await anna.json<OrderView>('POST', '/api/v1/orders', onboarding('Lane Why'))).body.order;
    failing.add(x.number);
    await h.deliverMail();
    const of = (number: string) =>
      verified('/lanes', secret).filter((p) => 'number' in p.data && p.data.number === number);
    const events = (number: string) => of(number).map((p) => p.type);
    expect(events(x.number)).toEqual(['order.filed']);
    expect(events(y.number)).toEqual(['order.filed']);

    // Two more events of X queue behind its failed "filed"; Y's status change is not held back.
    const act = async (number: string, body: Record<string, unknown>) => {
      const { body: view } = await hana.json<OrderView>('GET', `/api/v1/orders/${number}`);
      const res = await hana.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
        ...body,
        version: view.order.version,
      });
      expect(res.status).toBe(200);
      return res.body.order;
    };
    const claimed = await act(x.number, { action: 'claim' });
    await act(y.number, { action: 'claim' });
    const asked = await act(x.number, {
      action: 'request_clarification',
      comment: 'Which start date?',
      fields: ['startDate'],
    });
    await h.deliverMail();
    expect(events(y.number)).toEqual(['order.filed', 'order.status_changed']);
    expect(events(x.number)).toEqual(['order.filed']);

    // X's "filed" keeps failing until it is given up (10 attempts, about 4 hours of backoff); each
    // round a test event succeeds, so the subscription is not paused. Nothing of X overtakes it.
    for (let round = 0; round < 12; round++) {
      expect((await henry.request('POST', `/api/v1/departments/HR/webhooks/${subscription.id}/test`)).status).toBe(201);
      clock += 3_600_000;
      await h.deliverMail();
      expect(events(x.number).every((type) => type === 'order.filed')).toBe(true);
      if (events(x.number).length === 10) break;
    }
    expect(events(x.number)).toEqual(Array(10).fill('order.filed'));
    failing.delete(x.number);
    for (let round = 0; round < 4 && events(x.number).length < 12; round++) {
      clock += 5_000;
      await h.deliverMail();
    }
    // Then the two that waited, in the order they happened.
    expect(events(x.number)).toEqual([
      ...Array(10).fill('order.filed'),
      'order.status_changed',
      'order.status_changed',
    ]);
    expect(
      of(x.number)
        .slice(10)
        .map((p) => p.data),
    ).toMatchObject([
      { from: x.status, to: claimed.status },
      { from: claimed.status, to: asked.status },
    ]);
    const log = await henry.json<WebhookDeliveryLog[]>(
      'GET',
      `/api/v1/departments/HR/webhooks/${subscription.id}/deliveries`,
    );
    const attempts = log.body.filter((l) => l.orderNumber === x.number).reverse();
    expect(attempts.map((l) => [l.event, l.status])).toEqual([
      ...Array.from({ length: 10 }, () => ['order.filed', 500]),
      ['order.status_changed', 200],
      ['order.status_changed', 200],
    ]);
    const subs = await henry.json<WebhookSubscription[]>('GET', '/api/v1/departments/HR/webhooks');
    expect(subs.body.find((s) => s.id === subscription.id)?.status).toBe('active');
    await henry.request('DELETE', `/api/v1/departments/HR/webhooks/${subscription.id}`);
  });

  it('pauses after 10 failures in a row, mails the head, holds events, and sends them on resume', async () => {
    const { subscription, secret } = await subscribe('/down', ['order.rated']);
    let down = true;
    answers.set('/down', () => (down ? 503 : 200));
    for (let i = 0; i < 10; i++) {
      expect((await henry.request('POST', `/api/v1/departments/HR/webhooks/${subscription.id}/test`)).status).toBe(201);
    }
    await h.deliverMail();
    expect(received.filter((r) => r.path === '/down')).toHaveLength(10);
    const after = await henry.json<WebhookSubscription[]>('GET', '/api/v1/departments/HR/webhooks');
    expect(after.body.find((s) => s.id === subscription.id)).toMatchObject({
      status: 'paused',
      pausedReason: 'failing',
      consecutiveFailures: 10,
    });
    await h.deliverMail();
    const mail = await h.mailbox();
    const notice = mail.find((m) => m.subject.startsWith('Webhook paused'));
    expect(notice?.destination.to).toEqual(['henry.ortiz@example.com']);

    // While paused nothing is sent; resuming sends what waited.
    await henry.request('POST', `/api/v1/departments/HR/webhooks/${subscription.id}/test`);
    await h.deliverMail();
    expect(received.filter((r) => r.path === '/down')).toHaveLength(10);
    down = false;
    const resumed = await henry.json<WebhookSubscription>('PUT', `/api/v1/departments/HR/webhooks/${subscription.id}`, {
      status: 'active',
    });
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    await h.deliverMail();
    const delivered = received.filter((r) => r.path === '/down').slice(10);
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    expect(verified('/down', secret).every((p) => p.type === 'ping')).toBe(true);
  });

  it('goes out from the Lambda mail worker, which loads webhook delivery with the first webhook item', async () => {
    const { secret } = await subscribe('/lambda', ['order.filed']);
    // The handler builds its dependencies from the configuration at load: here the harness's.
    vi.resetModules();
    vi.doMock('#functions/config.ts', async (original) => ({
      ...(await original<typeof import('#functions/config.ts')>()),
      loadConfig: () => ({ ...h.deps.config, logLevel: 'warn' }),
    }));
    try {
      const { handler } = await import('#functions/lambda/mail-worker.ts');
      const filed = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding('Lambda Event'));
      const number = filed.body.order.number;
      const ids = (await h.deps.webhooks.ofOrder(number)).map((item) => item.id);
      expect(ids.length).toBeGreaterThan(0);
      const event = {
        Records: ids.map((id, i) => ({
          eventName: 'INSERT' as const,
          dynamodb: { Keys: { pk: { S: `OUTBOX#${id}` } }, SequenceNumber: String(i + 1) },
        })),
      };
      // The worker reads the real clock; this file's clock has moved on by now.
      vi.useFakeTimers({ toFake: ['Date'], now: clock });
      expect(await handler(event)).toEqual({ batchItemFailures: [] });
      const got = verified('/lambda', secret).filter((p) => 'number' in p.data && p.data.number === number);
      expect(got.map((p) => p.type)).toEqual(['order.filed']);
    } finally {
      vi.useRealTimers();
      vi.doUnmock('#functions/config.ts');
    }
  });
});
