import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary, OrderView, Page, Problem } from '#shared/api.ts';
import type { ApiToken, CreatedToken } from '#shared/integrations.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let henry: Caller;

beforeAll(async () => {
  h = await createHarness();
  henry = await h.as('henry');
});
afterAll(() => h?.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const onboarding = {
  serviceId: 'hr-onboarding',
  answers: {
    fullName: 'Nina Novak',
    startDate: '2027-02-01',
    contractType: 'Permanent',
    managerEmail: 'm@example.com',
  },
};

async function makeToken(body: Record<string, unknown>, as: Caller = henry, department = 'HR'): Promise<CreatedToken> {
  const res = await as.json<CreatedToken>('POST', `/api/v1/departments/${department}/api-tokens`, {
    name: 'HR system',
    expiresAt: inDays(30),
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and lists the token without it', async () => {
    const { token, secret } = await makeToken({ scopes: ['orders:read'] });
    expect(secret).toMatch(/^ordo_[a-z0-9]+_[A-Za-z0-9_-]{40,}$/);
    expect(secret.startsWith(`ordo_${token.id}_`)).toBe(true);
    const listed = await henry.json<Array<ApiToken & { state: string; hash?: string }>>(
      'GET',
      '/api/v1/departments/HR/api-tokens',
    );
    const mine = listed.body.find((t) => t.id === token.id);
    expect(mine).toMatchObject({ name: 'HR system', scopes: ['orders:read'], state: 'active' });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(mine?.hash).toBeUndefined();
    const stored = await h.deps.db.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({
        TableName: h.deps.db.tableName,
        Key: { pk: `APITOKEN#${token.id}`, sk: 'TOKEN' },
      }),
    );
    // The secret's random part is base64url, so it may hold '_' itself: it is all that follows the id.
    const random = secret.slice(`ordo_${token.id}_`.length);
    expect(random.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(stored.Item)).not.toContain(random);
    expect(stored.Item?.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('files for a person named by email, and the timeline names the token', async () => {
    const { secret } = await makeToken({ scopes: ['orders:file', 'orders:read'], services: ['hr-onboarding'] });
    const hr = h.withAuthorization(`Bearer ${secret}`);
    const filed = await hr.request(
      'POST',
      '/api/v1/integration/orders',
      { ...onboarding, requesterEmail: 'Anna.Kowalska@example.com' },
      { 'idempotency-key': 'contract-2027-0001' },
    );
    expect(filed.status).toBe(201);
    const view = (await filed.json()) as OrderView;
    expect(view.order).toMatchObject({ department: 'HR', requesterId: 'anna', serviceId: 'hr-onboarding' });
    const first = view.timeline[0]!;
    expect(view.people[first.actorId]).toBe('HR system (API)');
    // The same key replays the same order.
    const again = await hr.request(
      'POST',
      '/api/v1/integration/orders',
      { ...onboarding, requesterEmail: 'Anna.Kowalska@example.com' },
      { 'idempotency-key': 'contract-2027-0001' },
    );
    expect(again.status).toBe(200);
    expect(((await again.json()) as OrderView).order.number).toBe(view.order.number);
    // A malformed key is refused as on the portal's filing, by its own name.
    const malformed = await hr.request('POST', '/api/v1/integration/orders', onboarding, { 'idempotency-key': 'x' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problem).fields?.['Idempotency-Key']?.code).toBe('idempotency_key_format');

    // Anna sees her order; the token reads it back; the department's open orders list it.
    const anna = await h.as('anna');
    expect((await anna.json<OrderView>('GET', `/api/v1/orders/${view.order.number}`)).status).toBe(200);
    const read = await hr.json<OrderView>('GET', `/api/v1/integration/orders/${view.order.number}`);
    expect(read.status).toBe(200);
    expect(read.body.timeline.every((e) => e.visibility === 'public')).toBe(true);
    const open = await hr.json<Page<OrderSummary>>('GET', '/api/v1/integration/orders?limit=100');
    expect(open.body.items.map((o) => o.number)).toContain(view.order.number);

    // Filed as the service account itself.
    const own = await hr.json<OrderView>('POST', '/api/v1/integration/orders', onboarding);
    expect(own.status).toBe(201);
    expect(own.body.order.requesterName).toBe('HR system (API)');
  });

  it('refuses an unknown requester and services beyond the token', async () => {
    const { secret } = await makeToken({ scopes: ['orders:file'], services: ['hr-onboarding'] });
    const hr = h.withAuthorization(`Bearer ${secret}`);
    const nobody = await hr.json('POST', '/api/v1/integration/orders', {
      ...onboarding,
      requesterEmail: 'nobody@example.com',
    });
    expect(nobody.status).toBe(400);
    // The refusal names the field.
    expect(JSON.stringify(nobody.body)).toContain('requesterEmail');
    // Its own department's service it was not given: 403; another department's: 404.
    const certificate = await hr.request('POST', '/api/v1/integration/orders', {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Bank' },
    });
    expect(certificate.status).toBe(403);
    const facilities = await hr.request('POST', '/api/v1/integration/orders', {
      serviceId: 'fac-desk',
      answers: { person: 'M', startDate: '2027-01-11', building: 'Kraków' },
    });
    expect(facilities.status).toBe(404);
    // Reading needs orders:read.
    const reading = await hr.json<{ code: string }>('GET', '/api/v1/integration/orders');
    expect([reading.status, reading.body.code]).toEqual([403, 'token_scope']);
  });

  it('never reaches beyond its scopes: people routes, other departments, other orders', async () => {
    const { secret } = await makeToken({ scopes: ['orders:file', 'orders:read'], services: ['hr-onboarding'] });
    const hr = h.withAuthorization(`Bearer ${secret}`);
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/catalog'],
      ['GET', '/api/v1/orders/mine'],
      ['GET', '/api/v1/departments/HR/queue'],
      ['GET', '/api/v1/departments/HR/api-tokens'],
      ['GET', '/api/v1/users'],
    ] as const) {
      expect([method, path, (await hr.request(method, path)).status]).toEqual([method, path, 403]);
    }
    expect((await hr.request('GET', '/api/v1/departments/FAC/api-tokens')).status).toBe(403);
    const made = await hr.request('POST', '/api/v1/departments/HR/api-tokens', {
      name: 'x',
      scopes: ['orders:read'],
      expiresAt: inDays(1),
    });
    expect(made.status).toBe(403);
    // An order of another department is not found.
    const ivan = await h.as('carl');
    const fac = await ivan.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fac-desk',
      answers: { person: 'M', startDate: '2027-01-11', building: 'Kraków' },
    });
    expect(fac.status).toBe(201);
    expect((await hr.request('GET', `/api/v1/integration/orders/${fac.body.order.number}`)).status).toBe(404);
    // People cannot call the token routes.
    const person = await henry.json<{ code: string }>('GET', '/api/v1/integration/orders');
    expect([person.status, person.body.code]).toEqual([403, 'tokens_only']);
    expect((await h.anonymous.request('GET', '/api/v1/integration/orders')).status).toBe(401);
  });

  it('answers 401 once revoked, for an expired token, and for a wrong secret', async () => {
    const { token, secret } = await makeToken({ scopes: ['orders:read'] });
    const hr = h.withAuthorization(`Bearer ${secret}`);
    expect((await hr.request('GET', '/api/v1/integration/orders')).status).toBe(200);
    const revoked = await henry.json<ApiToken & { state: string }>(
      'POST',
      `/api/v1/departments/HR/api-tokens/${token.id}/revoke`,
    );
    expect(revoked.body).toMatchObject({ state: 'revoked', revokedBy: 'henry' });
    const refused = await hr.json<{ code: string }>('GET', '/api/v1/integration/orders');
    expect([refused.status, refused.body.code]).toEqual([401, 'token_invalid']);

    const forged = `${secret.slice(0, -4)}AAAA`;
    const other = await makeToken({ scopes: ['orders:read'] });
    expect((await h.withAuthorization(`Bearer ${forged}`).request('GET', '/api/v1/integration/orders')).status).toBe(
      401,
    );
    const swapped = `ordo_${other.token.id}_${secret.slice(`ordo_${token.id}_`.length)}`;
    expect((await h.withAuthorization(`Bearer ${swapped}`).request('GET', '/api/v1/integration/orders')).status).toBe(
      401,
    );

    // Expired: made valid, then its expiry passes (the clock of the record, as the workflow reads it).
    const short = await makeToken({ scopes: ['orders:read'] });
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    await h.deps.db.doc.send(
      new UpdateCommand({
        TableName: h.deps.db.tableName,
        Key: { pk: `APITOKEN#${short.token.id}`, sk: 'TOKEN' },
        UpdateExpression: 'SET validUntil = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const expired = h.withAuthorization(`Bearer ${short.secret}`);
    expect((await expired.request('GET', '/api/v1/integration/orders')).status).toBe(401);
    const listed = await henry.json<Array<ApiToken & { state: string }>>('GET', '/api/v1/departments/HR/api-tokens');
    expect(listed.body.find((t) => t.id === short.token.id)?.state).toBe('expired');
  });

  it('records last use at most once a minute', async () => {
    const { token, secret } = await makeToken({ scopes: ['orders:read'] });
    const hr = h.withAuthorization(`Bearer ${secret}`);
    await hr.request('GET', '/api/v1/integration/orders');
    const first = (await h.deps.tokenWorkflow.list('HR')).find((t) => t.id === token.id)?.lastUsedAt;
    expect(first).toBeDefined();
    await hr.request('GET', '/api/v1/integration/orders');
    const second = (await h.deps.tokenWorkflow.list('HR')).find((t) => t.id === token.id)?.lastUsedAt;
    expect(second).toBe(first);
  });

  it('takes an expiry of at most a year, services of the department only, and lets admins manage tokens', async () => {
    const far = await henry.request('POST', '/api/v1/departments/HR/api-tokens', {
      name: 'x',
      scopes: ['orders:read'],
      expiresAt: inDays(400),
    });
    expect(far.status).toBe(400);
    const past = await henry.request('POST', '/api/v1/departments/HR/api-tokens', {
      name: 'x',
      scopes: ['orders:read'],
      expiresAt: inDays(-1),
    });
    expect(past.status).toBe(400);
    const missing = await henry.request('POST', '/api/v1/departments/HR/api-tokens', {
      name: 'x',
      scopes: ['orders:read'],
    });
    expect(missing.status).toBe(400);
    const foreign = await henry.request('POST', '/api/v1/departments/HR/api-tokens', {
      name: 'x',
      scopes: ['orders:file'],
      services: ['fac-desk'],
      expiresAt: inDays(5),
    });
    expect(foreign.status).toBe(400);
    const ada = await h.as('ada');
    await makeToken({ scopes: ['orders:read'] }, ada, 'FAC');
    const hana = await h.as('hana');
    expect((await hana.request('GET', '/api/v1/departments/HR/api-tokens')).status).toBe(403);
  });
});
