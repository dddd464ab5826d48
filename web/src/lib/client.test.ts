import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTokenSource } from './api.ts';
import { call, pathOf } from './client.ts';

interface Sent {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

let sent: Sent[];

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).Authorization;
    sent.push({ method: String(init.method), url, auth, body: init.body ? JSON.parse(String(init.body)) : undefined });
    return Response.json({ order: { number: 'HR-1' } });
  });
  setTokenSource({ token: async () => 'good', renew: async () => null, expired: async () => {} });
});

afterEach(() => vi.unstubAllGlobals());

describe('the typed client', () => {
  it('puts the path parameters into the route’s path, encoded, and appends the query without what is left out', () => {
    expect(pathOf('GET /orders/:number', { params: { number: 'HR-1' } })).toBe('/orders/HR-1');
    expect(pathOf('POST /orders/:number/inputs/:inputId', { params: { number: 'HR-1', inputId: 'a/b c' } })).toBe(
      '/orders/HR-1/inputs/a%2Fb%20c',
    );
    expect(pathOf('GET /orders/mine', { query: { cursor: undefined, limit: 5 } })).toBe('/orders/mine?limit=5');
    expect(pathOf('GET /audit', { query: { month: '2026-12' } })).toBe('/audit?month=2026-12');
    expect(() => pathOf('GET /orders/:number', {})).toThrow(/number/);
  });

  it('sends the route’s method, path and body with the token, and answers the body', async () => {
    const view = await call('POST /orders/:number/stage', {
      params: { number: 'HR-7' },
      body: { version: 3, stage: 'x' },
    });
    expect(view.order.number).toBe('HR-1');
    expect(sent).toEqual([
      { method: 'POST', url: '/api/v1/orders/HR-7/stage', auth: 'Bearer good', body: { version: 3, stage: 'x' } },
    ]);
  });

  it('calls the routes that serve anyone without a token', async () => {
    await call('GET /surveys/:token', { params: { token: 't.k' }, anonymous: true });
    expect(sent.map((s) => [s.url, s.auth])).toEqual([['/api/v1/surveys/t.k', undefined]]);
  });

  it('is typed by the contract', () => {
    // Only compiled: each line below must fail the type check.
    const typeChecks = () => {
      // @ts-expect-error a route the contract does not have
      void call('GET /nowhere');
      // @ts-expect-error the path parameter is missing
      void call('GET /orders/:number', {});
      // @ts-expect-error the body does not match the route's schema
      void call('POST /orders/:number/stage', { params: { number: 'HR-1' }, body: { stage: 1 } });
      // @ts-expect-error a route for anyone is called without a token, and must say so
      void call('GET /surveys/:token', { params: { token: 't' } });
      // @ts-expect-error a signed-in route never goes without the token
      void call('GET /me', { anonymous: true });
      // @ts-expect-error the answer is the route's type
      void call('GET /me').then((me) => me.order);
    };
    expect(typeof typeChecks).toBe('function');
  });
});
