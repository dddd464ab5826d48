/**
 * Sign-in against the real local OpenID provider (issue 14): which tokens the API refuses, the
 * profile made and refreshed from the ID token's claims at POST /me/sign-in, and who is an
 * administrator — from the token's group and the deployment's ADMIN_EMAILS at every request, from a
 * stored flag after at most the profile cache's lifetime (PROFILE_CACHE_MS, 30 s).
 *
 * Tokens the provider would never issue are crafted with its real signing key (test/support/tokens.ts),
 * so a refusal is about the claim under test, not about the signature.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '#functions/app.ts';
import { loadApiConfig } from '#functions/config.ts';
import { createDeps } from '#functions/deps.ts';
import { silentLogger } from '#functions/observability/logger.ts';
import { PROFILE_CACHE_MS, UserRepository } from '#functions/repositories/users.ts';
import type { User } from '#shared/model.ts';
import { startOidcProvider } from '../../scripts/local/oidc.ts';
import { signInWithCodeFlow } from '../../scripts/local/oidc-sign-in.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { craftToken } from '../support/tokens.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
const oidc = inject('oidc');

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
const bearer = (token: string, app?: Harness['app']): Caller =>
  app ? callerOf(app, `Bearer ${token}`) : h.withAuthorization(`Bearer ${token}`);
const newcomer = () => `newcomer-${randomUUID().slice(0, 8)}`;

/** A request helper on another app (another process) over the same table. */
function callerOf(app: Harness['app'], authorization: string): Caller {
  const request = (method: string, path: string, body?: unknown) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    );
  return {
    request,
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await request(method, path, body);
      return { status: res.status, body: (await res.json()) as T };
    },
  };
}

/** An ID token as Cognito shapes it, for the portal's client, signed with the provider's key. */
const idToken = (claims: Record<string, unknown>) =>
  craftToken({ token_use: 'id', client_id: undefined, aud: oidc.clientId, ...claims });

async function expect401(caller: Caller, path = '/api/v1/me'): Promise<void> {
  const res = await caller.json<{ code: string }>('GET', path);
  expect(res.status).toBe(401);
  expect(res.body.code).toMatch(/^sign_in_(required|invalid|again)$/);
}

/** The answer of POST /me/sign-in: the profile, or a problem with field refusals. */
interface SignInAnswer {
  user?: User;
  code?: string;
  fields?: Record<string, { code: string }>;
}
const signIn = (accessToken: string, id: string) =>
  bearer(accessToken).json<SignInAnswer>('POST', '/api/v1/me/sign-in', { idToken: id });

/** The configuration of the harness's app, as another process on the same table would read it. */
const envOfHarness = (over: Record<string, string> = {}) => ({
  STAGE: 'test',
  OIDC_ISSUER: oidc.issuer,
  OIDC_CLIENT_ID: oidc.clientId,
  LINK_SECRET: 'test-link-secret-test-link-secret',
  TABLE_NAME: h.deps.config.tableName,
  DYNAMODB_ENDPOINT: h.deps.config.dynamoEndpoint as string,
  PORTAL_URL: h.deps.config.portalUrl,
  ...over,
});

describe('tokens the API refuses with 401', () => {
  it('accepts a real code-flow token and a crafted one (so the refusals below are about their claims)', async () => {
    const tokens = await signInWithCodeFlow(oidc, 'anna');
    const me = await bearer(tokens.accessToken).json<{ user: User }>('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: 'anna', email: 'anna.kowalska@example.com', admin: false });
    expect((await bearer(await craftToken({ sub: 'anna' })).json('GET', '/api/v1/me')).status).toBe(200);
  });

  it('refuses tokens of another issuer: another provider, another key, another iss', async () => {
    const port = await freePort();
    const stranger = await startOidcProvider({
      port,
      accounts: () => [],
      portalUrls: ['http://ordo.test'],
      acceptUnknownAccounts: true,
    });
    try {
      // A real provider with the same client id, its own key, and a person with the same id.
      const foreign = await signInWithCodeFlow(stranger, 'anna');
      expect(decode(foreign.accessToken.split('.')[1]!)).toMatchObject({ sub: 'anna', client_id: oidc.clientId });
      await expect401(bearer(foreign.accessToken));
      // Its ID token does not make a profile either (the access token is ours, the ID token theirs).
      const ours = await signInWithCodeFlow(oidc, 'anna');
      const res = await signIn(ours.accessToken, foreign.idToken);
      expect(res.status).toBe(400);
      expect(res.body?.fields?.idToken).toBeDefined();
    } finally {
      await stranger.stop();
    }
    await expect401(bearer(await craftToken({ sub: 'anna' }, { foreignKey: true })));
    await expect401(
      bearer(await craftToken({ sub: 'anna', iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x' })),
    );
    await expect401(bearer(await craftToken({ sub: 'anna', iss: `${oidc.issuer}/` })));
  });

  it('refuses a token for another client', async () => {
    await expect401(bearer(await craftToken({ sub: 'anna', client_id: 'another-client' })));
    await expect401(bearer(await craftToken({ sub: 'anna', client_id: undefined, aud: oidc.clientId })));
  });

  it('refuses an expired token (beyond the 30 s clock skew)', async () => {
    await expect401(bearer(await craftToken({ sub: 'anna', iat: nowSeconds() - 700, exp: nowSeconds() - 100 })));
    await expect401(bearer(await craftToken({ sub: 'anna', iat: nowSeconds() - 700, exp: nowSeconds() - 45 })));
    // Within the skew it is still good: the limit is the skew, not a stricter one.
    const withinSkew = await craftToken({ sub: 'anna', iat: nowSeconds() - 700, exp: nowSeconds() - 10 });
    expect((await bearer(withinSkew).json('GET', '/api/v1/me')).status).toBe(200);
  });

  it('refuses alg "none" in any spelling', async () => {
    const genuine = await craftToken({ sub: 'ada' });
    const [header, payload] = genuine.split('.') as [string, string];
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const unsigned = `${b64url({ ...decode(header), alg })}.${payload}.`;
      await expect401(bearer(unsigned));
    }
    await expect401(bearer(`${b64url({ alg: 'none' })}.${payload}.`));
  });

  it('refuses a real token whose payload was changed, and an ID token in the Authorization header', async () => {
    const tokens = await signInWithCodeFlow(oidc, 'anna');
    const [header, payload, signature] = tokens.accessToken.split('.') as [string, string, string];
    const claims = decode(payload);
    await expect401(bearer(`${header}.${b64url({ ...claims, sub: 'ada' })}.${signature}`));
    await expect401(
      bearer(`${header}.${b64url({ ...claims, 'cognito:groups': ['admin'] })}.${signature}`),
      '/api/v1/users',
    );
    await expect401(bearer(`${header}.${b64url({ ...claims, exp: nowSeconds() + 86_400 })}.${signature}`));
    await expect401(bearer(tokens.idToken));
    // Control: untouched, it works.
    expect((await bearer(tokens.accessToken).json('GET', '/api/v1/me')).status).toBe(200);
  });

  it('refuses a valid token of someone who never signed in: no profile, no access', async () => {
    await expect401(bearer(await craftToken({ sub: newcomer() })));
  });
});

describe('first sign-in and later sign-ins', () => {
  it('makes a stranger’s profile from the ID token at first sign-in', async () => {
    const id = newcomer();
    const tokens = await signInWithCodeFlow(oidc, id);
    // Before POST /me/sign-in there is nobody to be.
    await expect401(bearer(tokens.accessToken));
    const signedIn = await signIn(tokens.accessToken, tokens.idToken);
    expect(signedIn.status).toBe(200);
    const expected = { id, name: id, email: `${id}@example.com`, memberships: {}, admin: false };
    expect(signedIn.body.user).toMatchObject(expected);
    const me = await bearer(tokens.accessToken).json<{ user: User }>('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject(expected);
    expect(await h.deps.users.fresh(id)).toMatchObject(expected);
    // Listed among the people for administrators.
    const ada = await h.as('ada');
    const people = await ada.json<User[]>('GET', '/api/v1/users');
    expect(people.body.map((u) => u.id)).toContain(id);
  });

  it('maps department, location, job title and locale; a later sign-in refreshes them and keeps the roles', async () => {
    const id = newcomer();
    const access = await craftToken({ sub: id });
    const first = await signIn(
      access,
      await idToken({
        sub: id,
        name: 'Zofia  Wiśniewska',
        email: 'Zofia.Wisniewska@Example.COM',
        locale: 'pl-PL',
        'custom:department': 'Legal',
        'custom:location': 'Gdańsk',
        'custom:job_title': 'Counsel',
      }),
    );
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({
      id,
      name: 'Zofia Wiśniewska',
      email: 'zofia.wisniewska@example.com',
      language: 'pl',
      department: 'Legal',
      location: 'Gdańsk',
      jobRole: 'Counsel',
      memberships: {},
      admin: false,
    });

    const ada = await h.as('ada');
    expect(
      (await ada.json('PUT', `/api/v1/users/${id}/roles`, { memberships: { HR: 'agent' }, admin: false })).status,
    ).toBe(200);

    const second = await signIn(
      access,
      await idToken({
        sub: id,
        name: 'Zofia Nowak',
        email: 'zofia.nowak@example.com',
        locale: 'en-GB',
        'custom:department': 'Finance',
        'custom:location': 'Kraków',
        'custom:job_title': 'Controller',
      }),
    );
    expect(second.status).toBe(200);
    const refreshed = {
      name: 'Zofia Nowak',
      email: 'zofia.nowak@example.com',
      department: 'Finance',
      location: 'Kraków',
      jobRole: 'Controller',
      memberships: { HR: 'agent' },
      admin: false,
    };
    expect(second.body.user).toMatchObject(refreshed);
    expect(await h.deps.users.fresh(id)).toMatchObject(refreshed);
    // The membership item stays too: the person is still on the HR team.
    expect((await h.deps.users.members('HR')).map((m) => m.id)).toContain(id);
    // The name is refreshed where people are listed.
    const people = await ada.json<User[]>('GET', '/api/v1/users');
    expect(people.body.find((u) => u.id === id)?.name).toBe('Zofia Nowak');
  });

  it('keeps a language chosen in Ordo over the identity provider’s locale', async () => {
    const id = newcomer();
    const access = await craftToken({ sub: id });
    const claims = { sub: id, email: `${id}@example.com`, locale: 'pl' };
    expect((await signIn(access, await idToken(claims))).body.user?.language).toBe('pl');
    expect((await bearer(access).json('PUT', '/api/v1/me/preferences', { language: 'en' })).status).toBe(200);
    expect((await signIn(access, await idToken(claims))).body.user?.language).toBe('en');
    expect((await h.deps.users.fresh(id))?.language).toBe('en');
  });

  it('never takes roles from the ID token', async () => {
    const id = newcomer();
    const access = await craftToken({ sub: id });
    const res = await signIn(
      access,
      await idToken({ sub: id, email: `${id}@example.com`, admin: true, memberships: { HR: 'head' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ memberships: {}, admin: false });
    expect(await h.deps.users.fresh(id)).toMatchObject({ memberships: {}, admin: false });
  });
});

describe('POST /me/sign-in refuses', () => {
  it('an ID token of another person (400 on idToken), and leaves the profile as it was', async () => {
    const anna = await signInWithCodeFlow(oidc, 'anna');
    const ben = await signInWithCodeFlow(oidc, 'ben');
    const res = await signIn(anna.accessToken, ben.idToken);
    expect(res.status).toBe(400);
    expect(res.body?.code).toBe('invalid_request');
    expect(res.body?.fields?.idToken).toBeDefined();
    expect(await h.deps.users.fresh('anna')).toMatchObject({
      name: 'Anna Kowalska',
      email: 'anna.kowalska@example.com',
    });
  });

  it('an ID token without an email (400 on idToken), and makes no profile', async () => {
    const id = newcomer();
    for (const email of [undefined, '', 'not-an-email', 42]) {
      const res = await signIn(await craftToken({ sub: id }), await idToken({ sub: id, name: 'No Mail', email }));
      expect(res.status, String(email)).toBe(400);
      expect(res.body?.code).toBe('invalid_request');
      expect(res.body?.fields?.idToken).toBeDefined();
    }
    expect(await h.deps.users.fresh(id)).toBeUndefined();
  });

  it('ID tokens that are not valid for Ordo (another client, expired, an access token): 400 on idToken', async () => {
    const access = await craftToken({ sub: 'anna' });
    const claims = { sub: 'anna', email: 'anna.kowalska@example.com' };
    for (const bad of [
      await idToken({ ...claims, aud: 'another-client' }),
      await idToken({ ...claims, iat: nowSeconds() - 700, exp: nowSeconds() - 100 }),
      await idToken(claims).then((t) => `${t.split('.').slice(0, 2).join('.')}.`),
      access,
    ]) {
      const res = await signIn(access, bad);
      expect(res.status).toBe(400);
      expect(res.body?.fields?.idToken).toBeDefined();
    }
  });
});

describe('administrators', () => {
  it('by the identity provider’s group: admin with the group in the token, not on the next token without it', async () => {
    const withGroup = await craftToken({ sub: 'anna', 'cognito:groups': ['admin', 'staff'] });
    expect((await bearer(withGroup).json('GET', '/api/v1/users')).status).toBe(200);
    const signedIn = await signIn(withGroup, await idToken({ sub: 'anna', email: 'anna.kowalska@example.com' }));
    expect(signedIn.body.user?.admin).toBe(true);
    expect((await bearer(withGroup).json<{ user: User }>('GET', '/api/v1/me')).body.user.admin).toBe(true);

    // Removed from the group: the very next token says so, and the profile cache does not matter.
    const withoutGroup = await craftToken({ sub: 'anna', 'cognito:groups': ['staff'] });
    const refused = await bearer(withoutGroup).json<{ code: string }>('GET', '/api/v1/users');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('admin_only');
    expect((await bearer(withoutGroup).json<{ user: User }>('GET', '/api/v1/me')).body.user.admin).toBe(false);
    // The group was never written down.
    expect((await h.deps.users.fresh('anna'))?.admin).toBe(false);
    // Another group name does not count.
    expect(
      (await bearer(await craftToken({ sub: 'anna', 'cognito:groups': ['Admin'] })).json('GET', '/api/v1/users'))
        .status,
    ).toBe(403);
  });

  it('by ADMIN_EMAILS: admin while the configuration lists them, not once it no longer does', async () => {
    const listing = createApp(
      createDeps(await loadApiConfig(envOfHarness({ ADMIN_EMAILS: 'someone@example.com, Carl.Jensen@Example.com' })), {
        log: silentLogger,
      }),
    );
    const notListing = createApp(createDeps(await loadApiConfig(envOfHarness()), { log: silentLogger }));
    // Signed in through Ordo: the provider vouched for the address (email_verified).
    const carl = await h.signIn('carl');
    expect((await bearer(carl.accessToken, listing).json('GET', '/api/v1/users')).status).toBe(200);
    expect((await bearer(carl.accessToken, listing).json<{ user: User }>('GET', '/api/v1/me')).body.user.admin).toBe(
      true,
    );
    // The next deployment no longer lists Carl: the same token, the same stored profile, no admin.
    expect((await bearer(carl.accessToken, notListing).json('GET', '/api/v1/users')).status).toBe(403);
    expect((await bearer(carl.accessToken, notListing).json<{ user: User }>('GET', '/api/v1/me')).body.user.admin).toBe(
      false,
    );
    expect((await h.deps.users.fresh('carl'))?.admin).toBe(false);
  });

  it('by ADMIN_EMAILS only for an address the identity provider vouched for', async () => {
    const sub = `unverified-${randomUUID()}`;
    const email = `${sub}@example.com`;
    const listing = createApp(
      createDeps(await loadApiConfig(envOfHarness({ ADMIN_EMAILS: email })), { log: silentLogger }),
    );
    const access = await craftToken({ sub });
    const signedIn = await callerOf(listing, `Bearer ${access}`).json<{ user: User }>('POST', '/api/v1/me/sign-in', {
      idToken: await idToken({ sub, email, email_verified: false }),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.admin).toBe(false);
    expect((await callerOf(listing, `Bearer ${access}`).json('GET', '/api/v1/users')).status).toBe(403);
    // The same person once the provider vouches for the address.
    await callerOf(listing, `Bearer ${access}`).json('POST', '/api/v1/me/sign-in', {
      idToken: await idToken({ sub, email, email_verified: true }),
    });
    expect((await callerOf(listing, `Bearer ${access}`).json('GET', '/api/v1/users')).status).toBe(200);
  });

  it(`by the stored flag: a revocation on one process reaches another's cached profile after ${PROFILE_CACHE_MS / 1000} s, not before`, async () => {
    expect(PROFILE_CACHE_MS).toBe(30_000);
    const ada = await h.as('ada');
    expect((await ada.json('PUT', '/api/v1/users/ben/roles', { memberships: {}, admin: true })).status).toBe(200);

    // Another process on the same table, whose clock the test moves.
    let clock = Date.now();
    const otherUsers = new UserRepository(h.deps.db, () => clock);
    const other = createApp({ ...h.deps, users: otherUsers });
    const ben = await signInWithCodeFlow(oidc, 'ben');
    expect((await bearer(ben.accessToken, other).json('GET', '/api/v1/users')).status).toBe(200);
    expect((await otherUsers.get('ben'))?.admin).toBe(true);

    expect((await ada.json('PUT', '/api/v1/users/ben/roles', { memberships: {}, admin: false })).status).toBe(200);
    // The process that made the change sees it at once.
    expect((await bearer(ben.accessToken).json('GET', '/api/v1/users')).status).toBe(403);

    // The other one serves its cached profile until the lifetime is over...
    clock += PROFILE_CACHE_MS - 1_000;
    expect((await otherUsers.get('ben'))?.admin).toBe(true);
    expect((await bearer(ben.accessToken, other).json('GET', '/api/v1/users')).status).toBe(200);
    // ...and reads the stored one after it.
    clock += 1_001;
    expect((await otherUsers.get('ben'))?.admin).toBe(false);
    expect((await bearer(ben.accessToken, other).json('GET', '/api/v1/users')).status).toBe(403);
  });
});
