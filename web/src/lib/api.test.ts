import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setTokenSource, type TokenSource } from './api.ts';

interface Sent {
  url: string;
  auth: string | undefined;
  body: unknown;
}

let sent: Sent[];
/** Which bearer tokens the fake API accepts. */
let accepted: Set<string>;

beforeEach(() => {
  sent = [];
  accepted = new Set(['good', 'renewed']);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).Authorization;
    sent.push({ url, auth, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (!auth || !accepted.has(auth.replace('Bearer ', ''))) {
      return Response.json(
        { type: '/api/v1/problems/sign_in_invalid', status: 401, code: 'sign_in_invalid', params: {} },
        { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    return Response.json({ user: { id: 'anna' } });
  });
});

afterEach(() => vi.unstubAllGlobals());

function source(overrides: Partial<TokenSource>): TokenSource & { expiredCalls: number; renewals: string[] } {
  const s = {
    expiredCalls: 0,
    renewals: [] as string[],
    token: async () => 'good',
    renew: async (rejected: string) => {
      s.renewals.push(rejected);
      return 'renewed';
    },
    expired: async () => {
      s.expiredCalls++;
    },
    ...overrides,
  };
  return s;
}

describe('the API client and the session', () => {
  it('sends the access token', async () => {
    setTokenSource(source({}));
    await api.me();
    expect(sent.map((s) => s.auth)).toEqual(['Bearer good']);
  });

  it('renews once when the API refuses the token, and sends the request again with the new one', async () => {
    const s = source({ token: async () => 'stale' });
    setTokenSource(s);
    const answer = await api.signIn('id-token');
    expect(answer).toEqual({ user: { id: 'anna' } });
    expect(s.renewals).toEqual(['stale']);
    expect(sent.map((x) => [x.auth, x.body])).toEqual([
      ['Bearer stale', { idToken: 'id-token' }],
      ['Bearer renewed', { idToken: 'id-token' }],
    ]);
    expect(s.expiredCalls).toBe(0);
  });

  it('hands over to sign-in when renewal is refused, and reports the 401', async () => {
    const s = source({ token: async () => 'stale', renew: async () => null });
    setTokenSource(s);
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(s.expiredCalls).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('hands over to sign-in when even the renewed token is refused', async () => {
    accepted.delete('renewed');
    const s = source({ token: async () => 'stale' });
    setTokenSource(s);
    await expect(api.me()).rejects.toBeInstanceOf(ApiError);
    expect(sent).toHaveLength(2);
    expect(s.expiredCalls).toBe(1);
  });

  it('without a session: no request, straight to sign-in', async () => {
    const s = source({ token: async () => null });
    setTokenSource(s);
    await expect(api.catalog()).rejects.toMatchObject({ status: 401 });
    expect(sent).toEqual([]);
    expect(s.expiredCalls).toBe(1);
  });

  it('the sign-in call itself reports a refusal instead of going round again', async () => {
    const s = source({ token: async () => 'stale', renew: async () => null });
    setTokenSource(s);
    await expect(api.signIn('id-token', { keepSession: true })).rejects.toMatchObject({ status: 401 });
    expect(s.expiredCalls).toBe(0);
  });

  it('a provider that cannot be reached reads as a network error, not as signed out', async () => {
    const s = source({
      token: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    setTokenSource(s);
    await expect(api.me()).rejects.toMatchObject({ status: 0, code: 'network' });
    expect(s.expiredCalls).toBe(0);
  });

  it('public links send no token and never sign in', async () => {
    const s = source({});
    setTokenSource(s);
    await expect(api.survey('link-token')).rejects.toMatchObject({ status: 401 });
    expect(sent.map((x) => x.auth)).toEqual([undefined]);
    expect(s.expiredCalls).toBe(0);
  });
});
