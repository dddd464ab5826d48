/**
 * The API described once (shared/contract.ts): the app serves exactly the routes of the table, the
 * OpenAPI document is valid 3.1 and lists each of them, and the handlers refuse what the table's
 * schemas refuse.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { createApp } from '#functions/app.ts';
import { createLocalApp } from '#functions/local/server.ts';
import { ROUTES, routeKey } from '#shared/access.ts';
import { API_PREFIX } from '#shared/api.ts';
import { CONTRACT, type RouteSpec, splitKey } from '#shared/contract.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ writeLimit: { burst: 10_000, perSecond: 1_000 } });
});
afterAll(() => h?.close());

const ENTRIES = Object.entries(CONTRACT) as Array<[string, RouteSpec]>;

describe('the contract table', () => {
  it('is the access table, and the app serves exactly its routes', () => {
    const served = createApp(h.deps)
      .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith(API_PREFIX))
      .map((r) => `${r.method} ${r.path.slice(API_PREFIX.length)}`);
    expect(new Set(served)).toEqual(new Set(Object.keys(CONTRACT)));
    expect(ROUTES.map(routeKey)).toEqual(Object.keys(CONTRACT));
  });

  it('has a schema for every path parameter and none for parameters the path lacks', () => {
    for (const [key, spec] of ENTRIES) {
      const names = [...splitKey(key).path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect({ key, params: Object.keys(spec.params ?? {}).sort() }).toEqual({ key, params: names.sort() });
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  let res: Response;
  let doc: { openapi: string; paths: Record<string, Record<string, { 'x-ordo-audience': string; security: unknown }>> };

  beforeAll(async () => {
    res = await h.anonymous.request('GET', `${API_PREFIX}/openapi.json`);
    doc = (await res.json()) as typeof doc;
  });

  it('is served to anyone, cacheable', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every route of the table with its method, audience and security', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.slice(API_PREFIX.length)}`),
    );
    const table = Object.keys(CONTRACT).map((key) => key.replace(/:(\w+)/g, '{$1}'));
    expect(new Set(listed)).toEqual(new Set(table));
    expect(listed).toHaveLength(table.length);
    const ids = Object.values(doc.paths).flatMap((operations) =>
      Object.values(operations).map((o) => (o as { operationId?: string }).operationId),
    );
    expect(new Set(ids).size).toBe(table.length);
    expect(ids).toContain('postOrdersNumberInputsInputId');
    for (const [key, spec] of ENTRIES) {
      const { method, path } = splitKey(key);
      const operation = doc.paths[`${API_PREFIX}${path.replace(/:(\w+)/g, '{$1}')}`]?.[method.toLowerCase()];
      expect(operation?.['x-ordo-audience']).toBe(spec.audience);
      expect((operation?.security as unknown[] | undefined)?.length).toBe(spec.audience === 'anyone' ? 0 : 1);
    }
  });
});

describe('the handlers validate with the table’s schemas', () => {
  /** Values of the right form for each path parameter (the HR department, a made-up order). */
  const PARAMS: Record<string, string> = {
    number: 'HR-999999',
    code: 'HR',
    id: 'hr-onboarding',
    token: 'not-a-real-token',
    inputId: 'identity',
    deliverableId: 'record',
  };
  /** Bodies the schemas refuse: a field no schema has, a wrong type, nothing at all. */
  const REFUSED: unknown[] = [{ surely_not_a_field: true }, ['an', 'array'], 'text', 42, null];

  let henry: Caller;
  let ada: Caller;
  beforeAll(async () => {
    henry = await h.as('henry'); // head of HR
    ada = await h.as('ada'); // administrator
  });

  // Routes for API tokens are reached with a service account's token (integrations.test.ts).
  for (const [key, spec] of ENTRIES.filter(([, s]) => s.body && (s.audience as string) !== 'apiToken')) {
    it(`${key} refuses with 400 each body its schema refuses`, async () => {
      const { method, path } = splitKey(key);
      const url = `${API_PREFIX}${path.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? name)}`;
      const caller = spec.audience === 'anyone' ? h.anonymous : spec.audience === 'admin' ? ada : henry;
      for (const body of REFUSED) {
        expect((spec.body as z.ZodMiniType).safeParse(body).success).toBe(false);
        const res = await caller.request(method, url, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
    });
  }

  it('refuses a path parameter its schema refuses', async () => {
    for (const key of ['GET /orders/:number', 'GET /departments/:code', 'POST /orders/:number/stage'] as const) {
      const spec: RouteSpec = CONTRACT[key];
      const bad = 'not valid!';
      expect(Object.values(spec.params ?? {}).some((s) => !s.safeParse(bad).success)).toBe(true);
      const path = splitKey(key).path.replace(/:(\w+)/g, encodeURIComponent(bad));
      const res = await henry.request(
        splitKey(key).method,
        `${API_PREFIX}${path}`,
        spec.body ? { version: 1, stage: 'x' } : undefined,
      );
      expect({ key, status: res.status, body: await res.json() }).toMatchObject({ key, status: 400 });
    }
  });

  it('refuses as the document’s Problem schema says', async () => {
    const doc = (await (await h.anonymous.request('GET', `${API_PREFIX}/openapi.json`)).json()) as {
      components: { schemas: { Problem: { required: string[]; properties: { code: { enum: string[] } } } } };
    };
    const schema = doc.components.schemas.Problem;
    const res = await henry.request('POST', `${API_PREFIX}/orders/HR-1/stage`, { version: 'one' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as Record<string, unknown> & { code: string; fields?: object };
    for (const key of schema.required) expect(problem).toHaveProperty(key);
    expect(schema.properties.code.enum).toContain(problem.code);
    expect(Object.keys(problem.fields ?? {})).toEqual(expect.arrayContaining(['version', 'stage']));
  });

  it('refuses a query its schema refuses', async () => {
    expect(CONTRACT['GET /orders/mine'].query.safeParse({ limit: '1000' }).success).toBe(false);
    expect((await henry.request('GET', `${API_PREFIX}/orders/mine?limit=1000`)).status).toBe(400);
    expect((await henry.request('GET', `${API_PREFIX}/orders/mine?limit=10`)).status).toBe(200);
  });
});

describe('the API reference page of the local stack', () => {
  it('serves Swagger UI from node_modules, pointed at the document', async () => {
    const app = createLocalApp(h.deps, undefined);
    const page = await app.request('/api/docs/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const start = await (await app.request('/api/docs/start.js')).text();
    expect(start).toContain(`'${API_PREFIX}/openapi.json'`);
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect([bundle.status, bundle.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await app.request('/api/docs/swagger-ui.css')).status).toBe(200);
    // Only the page's own files: nothing else of the package, no way out of its folder.
    expect((await app.request('/api/docs/package.json')).status).toBe(404);
    expect((await app.request('/api/docs/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
