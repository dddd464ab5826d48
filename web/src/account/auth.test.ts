/**
 * The session's token handling on top of oidc-client-ts (with the token endpoint faked): renewal
 * when the token runs out, no second renewal when another tab already renewed, and the difference
 * between a provider that refuses and one that cannot be reached.
 */
import { User } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth, ProviderUnreachable } from './auth.ts';

const issuer = 'https://idp.example';
const oidc = {
  authority: issuer,
  clientId: 'ordo-portal',
  scope: 'openid email profile',
  metadata: {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    revocation_endpoint: `${issuer}/token/revocation`,
    end_session_endpoint: `${issuer}/session/end`,
  },
};
const KEY = `ordo.oidc.user:${issuer}:ordo-portal`;

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function idToken(sub: string, expiresIn: number): string {
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'RS256' })}.${b64({ iss: issuer, aud: 'ordo-portal', sub, iat: now, exp: now + expiresIn })}.sig`;
}

function store(storage: Storage, tokens: { access: string; refresh: string; expiresIn: number; idExpiresIn?: number }) {
  const id = idToken('anna', tokens.idExpiresIn ?? 600);
  const user = new User({
    access_token: tokens.access,
    refresh_token: tokens.refresh,
    id_token: id,
    token_type: 'Bearer',
    scope: 'openid email profile',
    profile: JSON.parse(Buffer.from(id.split('.')[1] ?? '', 'base64url').toString()),
    expires_at: Math.floor(Date.now() / 1000) + tokens.expiresIn,
  });
  storage.setItem(KEY, user.toStorageString());
}

let storage: MemoryStorage;
let grants: URLSearchParams[];
let answer: () => Promise<Response>;

beforeEach(() => {
  storage = new MemoryStorage();
  grants = [];
  answer = async () =>
    Response.json({
      access_token: `access-${grants.length}`,
      refresh_token: `refresh-${grants.length}`,
      id_token: idToken('anna', 600),
      token_type: 'Bearer',
      expires_in: 600,
    });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (url !== `${issuer}/token`) throw new Error(`unexpected request to ${url}`);
    grants.push(new URLSearchParams(String(init.body)));
    return answer();
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('session tokens', () => {
  it('uses the stored access token while it is good', async () => {
    store(storage, { access: 'a1', refresh: 'r1', expiresIn: 300 });
    const auth = createAuth(oidc, 'https://portal.example', storage);
    expect((await auth.current())?.access_token).toBe('a1');
    expect(grants).toEqual([]);
  });

  it('renews through the refresh token when the access token has run out, and keeps the rotated refresh token', async () => {
    store(storage, { access: 'a1', refresh: 'r1', expiresIn: 1 });
    const auth = createAuth(oidc, 'https://portal.example', storage);
    const renewed = await auth.current();
    expect(renewed?.access_token).toBe('access-1');
    expect(grants.map((g) => [g.get('grant_type'), g.get('refresh_token'), g.get('client_id')])).toEqual([
      ['refresh_token', 'r1', 'ordo-portal'],
    ]);
    expect(JSON.parse(storage.getItem(KEY) ?? '{}').refresh_token).toBe('refresh-1');
  });

  it('renews before loading the profile when the ID token has run out', async () => {
    store(storage, { access: 'a1', refresh: 'r1', expiresIn: 300, idExpiresIn: 1 });
    const auth = createAuth(oidc, 'https://portal.example', storage);
    expect((await auth.current())?.access_token).toBe('a1');
    expect((await auth.current({ freshIdToken: true }))?.access_token).toBe('access-1');
  });

  it('does not renew again when another tab already has (the API refused an older token)', async () => {
    store(storage, { access: 'from-other-tab', refresh: 'r2', expiresIn: 600 });
    const auth = createAuth(oidc, 'https://portal.example', storage);
    expect((await auth.renew('older'))?.access_token).toBe('from-other-tab');
    expect(grants).toEqual([]);
  });

  it('renews when the API refused the very token stored (revoked, or its key rotated)', async () => {
    store(storage, { access: 'refused', refresh: 'r1', expiresIn: 600 });
    const auth = createAuth(oidc, 'https://portal.example', storage);
    expect((await auth.renew('refused'))?.access_token).toBe('access-1');
  });

  it('says the session is over when the provider refuses the refresh token', async () => {
    store(storage, { access: 'a1', refresh: 'revoked', expiresIn: 0 });
    answer = async () =>
      Response.json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, { status: 400 });
    const auth = createAuth(oidc, 'https://portal.example', storage);
    expect(await auth.current()).toBeNull();
    expect(await auth.renew('a1')).toBeNull();
  });

  it('tells a provider that cannot be reached apart from one that refuses', async () => {
    store(storage, { access: 'a1', refresh: 'r1', expiresIn: 0 });
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    const auth = createAuth(oidc, 'https://portal.example', storage);
    await expect(auth.current()).rejects.toBeInstanceOf(ProviderUnreachable);
  });

  it('has no session when nothing is stored, and forgets one on request', async () => {
    const auth = createAuth(oidc, 'https://portal.example', storage);
    expect(await auth.current()).toBeNull();
    store(storage, { access: 'a1', refresh: 'r1', expiresIn: 300 });
    await auth.forget();
    expect(storage.getItem(KEY)).toBeNull();
  });
});
