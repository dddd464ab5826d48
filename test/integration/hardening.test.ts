/**
 * Hostile input the API must shrug off (issue 15): head-written patterns that backtrack, control
 * characters in names and subjects, bodies that are not JSON, a 413 on a kept-alive connection,
 * tokens in the access log, the local server's security headers, uploads never attached, and
 * survey links opened by mail scanners.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CopyObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#functions/app.ts';
import { demoServices } from '#functions/local/demo-data.ts';
import { type LocalServer, localContentSecurityPolicy, startLocalServer } from '#functions/local/server.ts';
import { createLogger } from '#functions/observability/logger.ts';
import type { OrderView, Problem, SurveyView, UploadTicket } from '#shared/api.ts';
import type { FormField } from '#shared/model.ts';
import { contentSecurityPolicy } from '../../infra/web.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let fatima: Caller;
let felix: Caller;
let server: LocalServer;
const OIDC_ORIGIN = 'http://127.0.0.1:65001';

beforeAll(async () => {
  h = await createHarness({ attachments: true, writeLimit: { burst: 10_000, perSecond: 1_000 } });
  [anna, fatima, felix] = [await h.as('anna'), await h.as('fatima'), await h.as('felix')];
  server = await startLocalServer({ deps: h.deps, port: 0, connectSrc: [`${OIDC_ORIGIN}/`] });
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});

const repair = demoServices.find((s) => s.id === 'fac-repair')!;

/** A FAC service with this form, created and published by the head of FAC; returns its id. */
async function publishService(id: string, form: FormField[]): Promise<string> {
  const created = await fatima.json<{ version: number } & Problem>('POST', '/api/v1/services', {
    ...repair,
    id,
    form,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await fatima.json('POST', `/api/v1/services/${id}/publish`, { version: created.body.version });
  expect(published.status).toBe(200);
  return id;
}

describe('head-written patterns run in linear time', () => {
  it.each([
    ['digits-six', '\\d*\\d*\\d*\\d*\\d*\\d*'],
    ['digits-nested', '^(\\d*)*$'],
  ])('%s (%s): adversarial answers are refused in milliseconds while others are answered', async (id, pattern) => {
    await publishService(id, [
      { id: 'digits', kind: 'longText', label: 'Digits', required: true, max: 10_000, pattern },
    ]);
    const file = (digits: string) =>
      anna.json<OrderView & Problem>('POST', '/api/v1/orders', { serviceId: id, answers: { digits } });

    // 100,000 characters: refused on its length before any matching (the API takes at most 10,000).
    let started = performance.now();
    const huge = await file(`${'1'.repeat(100_000)}x`);
    expect(huge.status).toBe(400);
    expect(huge.body.fields?.['answers.digits']).toMatchObject({ code: 'too_long' });
    expect(performance.now() - started).toBeLessThan(1_000);

    // The longest answer the API takes, built to make a backtracking engine try every split; a
    // request from someone else meanwhile is answered at once.
    started = performance.now();
    const [adversarial, health] = await Promise.all([
      file(`${'1'.repeat(9_999)}x`),
      (async () => {
        const t0 = performance.now();
        const res = await h.anonymous.request('GET', '/api/v1/health');
        return { status: res.status, ms: performance.now() - t0 };
      })(),
    ]);
    const ms = performance.now() - started;
    expect(adversarial.status).toBe(400);
    expect(adversarial.body.fields?.['answers.digits']).toMatchObject({ code: 'bad_format' });
    expect(health.status).toBe(200);
    expect(health.ms, `health answered after ${Math.round(health.ms)} ms`).toBeLessThan(1_000);
    expect(ms, `the adversarial answer took ${Math.round(ms)} ms`).toBeLessThan(1_000);

    const good = await file('1'.repeat(10_000));
    expect(good.status, JSON.stringify(good.body)).toBe(201);
  });

  it('refuses, on the field, a pattern the linear-time engine cannot run', async () => {
    const res = await fatima.json<Problem>('POST', '/api/v1/services', {
      ...repair,
      id: 'lookahead',
      form: [{ id: 'code', kind: 'text', label: 'Code', required: true, pattern: '(?=\\d{3})\\d+' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields?.['form.0.pattern']).toMatchObject({ code: 'pattern_unsupported' });
  });
});

describe('one-line names refuse control characters', () => {
  it.each([
    ['name', { name: 'Repair\r\nBcc: victim@example.com' }],
    ['name', { name: 'Repair\u202Eexe.pdf' }],
    ['summary', { summary: 'Broken?\nCall us.' }],
    ['tags.0', { tags: ['urgent\u0085'] }],
    ['stages.0.name', { stages: [{ id: 'work', name: 'Work\rX' }] }],
    ['form.0.label', { form: [{ id: 'where', kind: 'text', label: 'Where\nexactly', required: true }] }],
    ['translations.pl.name', { translations: { pl: { name: 'Naprawa\u2028X' } } }],
  ] as const)('refuses %s with a refusal on that field', async (path, change) => {
    const res = await fatima.json<Problem>('POST', '/api/v1/services', { ...repair, id: 'one-line', ...change });
    expect(res.status).toBe(400);
    expect(res.body.fields?.[path]).toMatchObject({ code: 'one_line' });
  });

  it('refuses CR/LF in a department name, and keeps descriptions multi-line', async () => {
    const henry = await h.as('henry');
    const hr = (await henry.json<{ department: Record<string, unknown> }>('GET', '/api/v1/departments/HR')).body
      .department;
    const { code: _code, version, updatedAt: _at, goals: _goals, ...fields } = hr;
    const res = await henry.json<Problem>('PUT', '/api/v1/departments/HR', {
      ...fields,
      version,
      name: 'Human\r\nResources',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.fields?.name).toMatchObject({ code: 'one_line' });
    const multi = await fatima.json('POST', '/api/v1/services', {
      ...repair,
      id: 'multi-line-description',
      description: 'Line one.\nLine two.',
    });
    expect(multi.status).toBe(201);
  });

  it('puts a name stored with a line break (before the check) on one line in mail subjects', async () => {
    const head = (await h.deps.users.get('fatima'))!;
    // Straight through the workflow, as data saved before the schema refused it would be.
    const service = await h.deps.catalogWorkflow.createService(head, {
      ...repair,
      id: 'old-name',
      name: 'Old\r\nBcc: victim@example.com',
    });
    await h.deps.catalogWorkflow.publish(head, 'old-name', service.version);
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'old-name',
      answers: { location: 'Room 1', problem: 'Door' },
    });
    expect(filed.status).toBe(201);
    await h.deliverMail();
    const subjects = (await h.mailbox()).map((m) => m.subject).filter((s) => s.includes(filed.body.order.number));
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) {
      expect(subject).not.toMatch(/[\r\n]/);
      expect(subject).toContain('Old Bcc: victim@example.com');
    }
  });
});

describe('bodies that are not JSON', () => {
  const comment = JSON.stringify({ text: 'Hello' });
  it.each([
    ['text/html', '<p>Hello</p>'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nHello\r\n--x--'],
    ['application/json; charset=utf-16', comment],
    ['text/plain', comment],
    ['application/x-www-form-urlencoded', 'text=Hello'],
  ])('answers 415 to %s', async (type, body) => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fac-repair',
      answers: { location: 'Room 2', problem: 'Light' },
    });
    const res = await anna.request('POST', `/api/v1/orders/${filed.body.order.number}/comments`, body, {
      'content-type': type,
    });
    expect(res.status).toBe(415);
    const error = (await res.json()) as Problem;
    expect(error.code).toBe('unsupported_media_type');
    const after = await anna.json<OrderView>('GET', `/api/v1/orders/${filed.body.order.number}`);
    expect(after.body.timeline.some((e) => e.kind === 'comment')).toBe(false);
  });

  it('answers 415 to a body without a content type, also on signed-link routes', async () => {
    // Bytes, not a string: a string body would be given text/plain by the Request constructor.
    const res = await h.app.request('/api/v1/clarifications/not-a-token', {
      method: 'POST',
      body: new TextEncoder().encode(JSON.stringify({ comment: 'Here it is' })),
    });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.status).toBe(415);
    // As the portal sends it, the same request reaches the link check.
    const json = await h.anonymous.json<Problem>('POST', '/api/v1/clarifications/not-a-token', {
      comment: 'Here it is',
    });
    expect(json.status).toBe(400);
    expect(json.body.fields?.token).toBeDefined();
  });

  it('takes JSON with or without charset=utf-8, and an empty body stays a 400', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fac-repair',
      answers: { location: 'Room 3', problem: 'Tap' },
    });
    const path = `/api/v1/orders/${filed.body.order.number}/comments`;
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])
      expect((await anna.request('POST', path, comment, { 'content-type': type })).status).toBe(200);
    expect((await h.app.request(path, { method: 'POST' })).status).not.toBe(415);
  });
});

/** Requests on one kept-alive connection (an agent with a single socket). */
function onOneConnection() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(server.url);
  const send = (method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; socket: number }>(
      (resolve, reject) => {
        const req = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method,
            path,
            headers: {
              ...(body !== undefined
                ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
                : {}),
              ...headers,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                text,
                socket: (req.socket?.address() as AddressInfo | undefined)?.port ?? 0,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  return { send, close: () => agent.destroy() };
}

describe('the local server after a 413', () => {
  it.each([300_000, 5_000_000])(
    'answers a %i-byte body with 413 and Connection: close; the next requests on the client succeed',
    async (size) => {
      const client = onOneConnection();
      try {
        const before = await client.send('GET', '/api/v1/health');
        expect(before.status).toBe(200);
        const big = await client.send('POST', '/api/v1/attachments', Buffer.alloc(size, 0x61));
        expect(big.status).toBe(413);
        expect(big.headers.connection).toBe('close');
        expect((JSON.parse(big.text) as Problem).code).toBe('payload_too_large');
        for (let i = 0; i < 5; i++) {
          const next = await client.send('GET', '/api/v1/health');
          expect(next.status, `request ${i + 1} after the 413`).toBe(200);
          expect(next.headers.connection).toBe('keep-alive');
        }
        // And a small valid body on the kept-alive connection after that.
        const small = await client.send('POST', '/api/v1/health', '{}');
        expect(small.status).toBe(404);
      } finally {
        client.close();
      }
    },
  );
});

describe('the local server’s security headers', () => {
  it('sends CloudFront’s headers, with connect-src limited to itself, the OpenID provider and the S3 stand-in', async () => {
    for (const path of ['/', '/api/v1/health']) {
      const res = await fetch(`${server.url}${path}`);
      await res.body?.cancel();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=()');
      const csp = Object.fromEntries(
        (res.headers.get('content-security-policy') ?? '').split(/;\s*/).map((d) => {
          const [name, ...values] = d.split(' ');
          return [name, values];
        }),
      );
      const s3 = new URL(h.deps.config.s3Endpoint!).origin;
      expect(csp['connect-src']).toEqual(["'self'", OIDC_ORIGIN, s3]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
    }
  });

  it('keeps the directives of CloudFront’s policy, less upgrade-insecure-requests (the local stack is plain HTTP)', () => {
    const directives = (policy: string) =>
      new Map(
        policy.split(/;\s*/).map((d) => {
          const [name = '', ...values] = d.split(' ');
          return [name, values.join(' ')] as const;
        }),
      );
    const cloud = directives(contentSecurityPolicy(['https://attachments.example']));
    const local = directives(localContentSecurityPolicy(['http://127.0.0.1:9000']));
    expect([...local.keys()]).toEqual([...cloud.keys()].filter((name) => name !== 'upgrade-insecure-requests'));
    for (const [name, value] of local) {
      if (name !== 'connect-src' && name !== 'img-src') expect(value, name).toBe(cloud.get(name));
    }
  });
});

describe('the access log', () => {
  it('does not write signed-link tokens', async () => {
    const lines: string[] = [];
    const app = createApp({ ...h.deps, log: createLogger('info', {}, (line) => lines.push(line)) });
    const token = 'secret-token-value.abc';
    await app.request(`/api/v1/surveys/${token}`);
    await app.request(`/api/v1/clarifications/${token}?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"comment":"x"}',
    });
    const logged = lines.filter((l) => l.includes('"msg":"request"'));
    expect(logged).toHaveLength(2);
    for (const line of logged) expect(line).not.toContain('secret-token-value');
    expect(logged.map((l) => (JSON.parse(l) as { path: string }).path)).toEqual([
      '/api/v1/surveys/[token]',
      '/api/v1/clarifications/[token]',
    ]);
  });
});

describe('uploads wait to be attached', () => {
  const bucket = 'ordo-test';
  const s3 = () =>
    new S3Client({
      region: 'us-east-1',
      endpoint: h.deps.config.s3Endpoint!,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  const exists = async (key: string) => {
    try {
      await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch {
      return false;
    }
  };

  async function upload(who: Caller, body: string): Promise<string> {
    const ticket = await who.json<UploadTicket>('POST', '/api/v1/attachments', {
      fileName: 'receipt scan.pdf',
      contentType: 'application/pdf',
      size: body.length,
    });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body });
    expect(put.status).toBe(200);
    return ticket.body.key;
  }

  it('lands under pending/ and moves to its key only when an order refers to it', async () => {
    const key = await upload(anna, 'PDF-receipt');
    const pending = key.replace(/^uploads\//, 'pending/');
    expect(await exists(pending)).toBe(true);
    expect(await exists(key)).toBe(false);

    const order = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fin-expenses',
      answers: { amount: 120.5, costCentre: 'SA-101', description: 'Train to Kraków' },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const handed = await anna.json<OrderView>('POST', `/api/v1/orders/${order.body.order.number}/inputs/receipts`, {
      version: order.body.order.version,
      done: true,
      attachment: key,
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(await exists(key)).toBe(true);

    const fiona = await h.as('fiona');
    const link = await fiona.json<{ url: string }>(
      'GET',
      `/api/v1/orders/${order.body.order.number}/attachments?key=${encodeURIComponent(key)}&as=json`,
    );
    expect(link.status).toBe(200);
    expect(await (await fetch(link.body.url)).text()).toBe('PDF-receipt');
  });

  it('refuses, on the field, a file that never arrived (or expired unattached), and writes nothing', async () => {
    const ticket = await anna.json<UploadTicket>('POST', '/api/v1/attachments', {
      fileName: 'never.pdf',
      contentType: 'application/pdf',
      size: 5,
    });
    const order = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fin-expenses',
      answers: { amount: 80, costCentre: 'SA-101', description: 'Taxi' },
    });
    const res = await anna.json<Problem>('POST', `/api/v1/orders/${order.body.order.number}/inputs/receipts`, {
      version: order.body.order.version,
      done: true,
      attachment: ticket.body.key,
    });
    expect(res.status).toBe(400);
    expect(res.body.fields?.attachment).toMatchObject({ code: 'upload_again' });
    const after = await anna.json<OrderView>('GET', `/api/v1/orders/${order.body.order.number}`);
    expect(after.body.order.version).toBe(order.body.order.version);
  });

  it('attaches a file already attached elsewhere without copying it again', async () => {
    const key = await upload(anna, 'PDF-twice');
    const client = s3();
    await client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: key,
        CopySource: `${bucket}/${key
          .replace(/^uploads\//, 'pending/')
          .split('/')
          .map(encodeURIComponent)
          .join('/')}`,
      }),
    );
    expect(await h.deps.attachments!.keep([key])).toEqual([]);
    expect(await h.deps.attachments!.keep([key.replace(/[0-9a-f]{12}\//, '000000000000/')])).toHaveLength(1);
  });
});

describe('survey links opened by a mail scanner', () => {
  it('records nothing when the link is read; only the POST of a person’s answer records a rating', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fac-repair',
      answers: { location: 'Room 9', problem: 'Window' },
    });
    const number = filed.body.order.number;
    const claimed = await felix.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
      action: 'claim',
      version: filed.body.order.version,
    });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    const ticked = await felix.json<OrderView>('POST', `/api/v1/orders/${number}/deliverables/fixed`, {
      version: claimed.body.order.version,
      done: true,
    });
    const resolved = await felix.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
      action: 'resolve',
      version: ticked.body.order.version,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.order.survey?.invitedAt).toBeDefined();
    await h.deliverMail();
    const mail = (await h.mailbox()).find((m) => m.subject.startsWith(`How did we do? ${number}`));
    const token = mail?.body.text?.match(/\/survey\/([\w.-]+)\?score=5/)?.[1];
    expect(token).toBeTruthy();

    // A scanner fetching the page's data, even repeatedly, changes nothing.
    for (let i = 0; i < 3; i++) {
      const view = await h.anonymous.json<SurveyView>('GET', `/api/v1/surveys/${token}`);
      expect(view.status).toBe(200);
      expect(view.body.score).toBeUndefined();
    }
    const untouched = await h.deps.orders.get(number);
    expect(untouched?.survey?.score).toBeUndefined();
    expect(untouched?.version).toBe(resolved.body.order.version);

    // The person's press of the button.
    const rated = await h.anonymous.json<SurveyView>('POST', `/api/v1/surveys/${token}`, { score: 5 });
    expect(rated.status).toBe(200);
    expect(rated.body.score).toBe(5);
    expect((await h.deps.orders.get(number))?.survey?.score).toBe(5);
  });
});
