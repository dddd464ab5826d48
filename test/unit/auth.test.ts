/**
 * Bearer tokens (SPEC §10): `OidcAuthenticator` checks an OpenID Connect issuer's JWTs — Cognito's in
 * AWS, the local provider's elsewhere — against the issuer's JWKS, its name, the portal's client id,
 * expiry (30 s of clock skew) and what the token is for. Every way a token can be wrong must end in a
 * 401, never in another error and never in a user id.
 *
 * The issuer's JWKS is served by a tiny HTTP server on 127.0.0.1 inside this file, so jose's
 * `createRemoteJWKSet` fetches it exactly as it fetches Cognito's. Tokens are made by hand with
 * node:crypto, so headers can say anything an attacker likes.
 */
import {
  constants,
  createHmac,
  createPublicKey,
  sign as cryptoSign,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_SKEW_SECONDS, OidcAuthenticator } from '#functions/auth/authenticator.ts';
import { UnauthorizedError } from '#shared/errors.ts';

const CLIENT_ID = 'ordo-portal-client-id';
const SUB = 'b1f7c0de-0000-4000-8000-000000000001';
const KID = 'ordo-test-key-1';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicJwk = (key: KeyObject, kid: string) => {
  const { n, e } = createPublicKey(key).export({ format: 'jwk' });
  return { kty: 'RSA', n: n!, e: e!, kid, alg: 'RS256', use: 'sig' };
};

/** The issuer: serves `published` as its JWKS and counts the downloads. */
let server: Server;
let issuer: string;
let published: unknown[] = [];
let jwksStatus = 200;
let downloads = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    downloads++;
    res.writeHead(jwksStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  published = [publicJwk(signer.privateKey, KID)];
  jwksStatus = 200;
});

/** A fresh authenticator per test: its JWKS cache starts empty, as in a new Lambda. */
const authenticator = () => new OidcAuthenticator({ issuer, clientId: CLIENT_ID });

async function expectUnauthorized(run: Promise<unknown>): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedError);
  expect((error as UnauthorizedError).status).toBe(401);
  expect((error as UnauthorizedError).code).toBe('sign_in_invalid');
}

type Alg = 'RS256' | 'RS512' | 'PS256';

/** Signs `header.payload` with an RSA key by the algorithm given, whatever the header claims. */
function rsaToken(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject,
  alg: Alg = 'RS256',
) {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const signature = cryptoSign(alg === 'RS512' ? 'sha512' : 'sha256', Buffer.from(input), {
    key,
    ...(alg === 'PS256' ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : {}),
  });
  return `${input}.${signature.toString('base64url')}`;
}

/** A token with any header and payload, HMAC-signed with `secret` whatever the header claims. */
function hmacToken(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | Buffer): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Claims of a Cognito access token for the portal's client; `undefined` values are left out. */
function accessClaims(over: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  const claims: Record<string, unknown> = {
    sub: SUB,
    iss: issuer,
    token_use: 'access',
    client_id: CLIENT_ID,
    scope: 'openid email profile',
    auth_time: now - 60,
    iat: now - 60,
    exp: now + 3600,
    jti: 'e0b1a3f2-1111-4222-8333-444455556666',
    username: 'anna',
    ...over,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return claims;
}

/** Claims of a Cognito ID token for the portal's client. */
function idClaims(over: Record<string, unknown> = {}): Record<string, unknown> {
  const { client_id: _c, scope: _s, username: _u, jti: _j, ...base } = accessClaims();
  const claims: Record<string, unknown> = {
    ...base,
    aud: CLIENT_ID,
    token_use: 'id',
    email: 'anna.kowalska@example.com',
    email_verified: true,
    name: 'Anna Kowalska',
    ...over,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return claims;
}

const accessToken = (
  over: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  key = signer.privateKey,
) => rsaToken({ alg: 'RS256', kid: KID, ...header }, accessClaims(over), key);
const idToken = (over: Record<string, unknown> = {}, header: Record<string, unknown> = {}, key = signer.privateKey) =>
  rsaToken({ alg: 'RS256', kid: KID, ...header }, idClaims(over), key);

describe('OidcAuthenticator: what it accepts', () => {
  it('accepts a Cognito-shaped access token and returns its subject and groups, fetching the JWKS once', async () => {
    const auth = authenticator();
    const before = downloads;
    await expect(auth.verify(accessToken({ 'cognito:groups': ['admin', 'staff'] }))).resolves.toEqual({
      userId: SUB,
      groups: ['admin', 'staff'],
    });
    await expect(auth.verify(accessToken({ sub: 'anna' }))).resolves.toEqual({ userId: 'anna', groups: [] });
    // Keys are cached: the second token needed no download.
    expect(downloads - before).toBe(1);
  });

  it('keeps only the string groups of a token', async () => {
    await expect(
      authenticator().verify(accessToken({ 'cognito:groups': ['admin', 7, null, { g: 1 }] })),
    ).resolves.toEqual({
      userId: SUB,
      groups: ['admin'],
    });
    await expect(authenticator().verify(accessToken({ 'cognito:groups': 'admin' }))).resolves.toEqual({
      userId: SUB,
      groups: [],
    });
  });

  it('accepts an ID token for the portal (Cognito names its use, the local provider does not) and returns its claims', async () => {
    const auth = authenticator();
    await expect(auth.verifyIdToken(idToken())).resolves.toMatchObject({
      sub: SUB,
      email: 'anna.kowalska@example.com',
      name: 'Anna Kowalska',
    });
    await expect(auth.verifyIdToken(idToken({ token_use: undefined }))).resolves.toMatchObject({ sub: SUB });
    // An ID token may name several audiences, as long as the portal is one of them.
    await expect(auth.verifyIdToken(idToken({ aud: ['someone', CLIENT_ID] }))).resolves.toMatchObject({ sub: SUB });
  });
});

describe('OidcAuthenticator: time', () => {
  it(`allows ${CLOCK_SKEW_SECONDS} s of clock skew on expiry, and no more`, async () => {
    expect(CLOCK_SKEW_SECONDS).toBe(30);
    const auth = authenticator();
    await expect(auth.verify(accessToken({ exp: nowSeconds() - 15 }))).resolves.toMatchObject({ userId: SUB });
    await expectUnauthorized(auth.verify(accessToken({ exp: nowSeconds() - 45 })));
    await expectUnauthorized(auth.verify(accessToken({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 })));
    await expectUnauthorized(auth.verifyIdToken(idToken({ exp: nowSeconds() - 45 })));
  });

  it('refuses a token that is not yet valid (nbf beyond the skew), accepts one within it', async () => {
    const auth = authenticator();
    await expectUnauthorized(auth.verify(accessToken({ nbf: nowSeconds() + 120 })));
    await expectUnauthorized(auth.verify(accessToken({ nbf: nowSeconds() + 45 })));
    await expect(auth.verify(accessToken({ nbf: nowSeconds() + 15 }))).resolves.toMatchObject({ userId: SUB });
  });

  it('refuses a token without exp or iat, or with times that are not numbers', async () => {
    const auth = authenticator();
    await expectUnauthorized(auth.verify(accessToken({ exp: undefined })));
    await expectUnauthorized(auth.verify(accessToken({ iat: undefined })));
    await expectUnauthorized(auth.verify(accessToken({ exp: 'never' })));
    await expectUnauthorized(auth.verify(accessToken({ exp: String(nowSeconds() + 3600) })));
    await expectUnauthorized(auth.verify(accessToken({ nbf: 'now' })));
  });
});

describe('OidcAuthenticator: whose token, for what', () => {
  it('refuses a token of another issuer, or without one', async () => {
    const auth = authenticator();
    await expectUnauthorized(
      auth.verify(accessToken({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' })),
    );
    await expectUnauthorized(auth.verify(accessToken({ iss: `${issuer}/` })));
    await expectUnauthorized(auth.verify(accessToken({ iss: issuer.replace('127.0.0.1', 'localhost') })));
    await expectUnauthorized(auth.verify(accessToken({ iss: undefined })));
    await expectUnauthorized(auth.verifyIdToken(idToken({ iss: 'https://accounts.example.com' })));
  });

  it('refuses an access token for another client, or without client_id (an `aud` does not stand in)', async () => {
    const auth = authenticator();
    await expectUnauthorized(auth.verify(accessToken({ client_id: 'another-client' })));
    await expectUnauthorized(auth.verify(accessToken({ client_id: undefined })));
    await expectUnauthorized(auth.verify(accessToken({ client_id: undefined, aud: CLIENT_ID })));
    await expectUnauthorized(auth.verify(accessToken({ client_id: [CLIENT_ID] })));
  });

  it('refuses an ID token for another client, or without an audience', async () => {
    const auth = authenticator();
    await expectUnauthorized(auth.verifyIdToken(idToken({ aud: 'another-client' })));
    await expectUnauthorized(auth.verifyIdToken(idToken({ aud: undefined })));
    // client_id is what access tokens carry; on an ID token it does not replace `aud`.
    await expectUnauthorized(auth.verifyIdToken(idToken({ aud: undefined, client_id: CLIENT_ID })));
  });

  it('refuses an ID token used as an access token, and other token uses', async () => {
    const auth = authenticator();
    await expectUnauthorized(auth.verify(idToken()));
    // Even an ID token that also names the client in client_id is not an access token.
    await expectUnauthorized(auth.verify(idToken({ client_id: CLIENT_ID })));
    await expectUnauthorized(auth.verify(accessToken({ token_use: 'id' })));
    await expectUnauthorized(auth.verify(accessToken({ token_use: 'refresh' })));
    await expectUnauthorized(auth.verify(accessToken({ token_use: undefined })));
  });

  it('refuses an access token used as an ID token, also one that names the client as audience', async () => {
    const auth = authenticator();
    await expectUnauthorized(auth.verifyIdToken(accessToken()));
    await expectUnauthorized(auth.verifyIdToken(accessToken({ aud: CLIENT_ID })));
    await expectUnauthorized(auth.verifyIdToken(idToken({ token_use: 'access' })));
  });

  it('refuses a correctly signed token without a usable subject', async () => {
    const auth = authenticator();
    for (const sub of [undefined, '', 42, null, ['anna'], { id: 'anna' }]) {
      await expectUnauthorized(auth.verify(accessToken({ sub })));
      await expectUnauthorized(auth.verifyIdToken(idToken({ sub })));
    }
  });
});

describe('OidcAuthenticator: signatures and algorithms', () => {
  it('refuses alg "none" in any spelling, with or without a signature', async () => {
    const auth = authenticator();
    for (const alg of ['none', 'None', 'NONE', 'nOnE', '', undefined]) {
      const header = b64url({ ...(alg === undefined ? {} : { alg }), kid: KID, typ: 'JWT' });
      await expectUnauthorized(auth.verify(`${header}.${b64url(accessClaims())}.`));
      await expectUnauthorized(auth.verify(`${header}.${b64url(accessClaims())}.e30`));
      await expectUnauthorized(auth.verifyIdToken(`${header}.${b64url(idClaims())}.`));
    }
  });

  it('refuses HS256 signed with the public key (algorithm confusion), in every form of that key', async () => {
    const auth = authenticator();
    const pem = createPublicKey(signer.privateKey).export({ format: 'pem', type: 'spki' }).toString();
    const der = createPublicKey(signer.privateKey).export({ format: 'der', type: 'spki' });
    const jwkText = JSON.stringify(publicJwk(signer.privateKey, KID));
    for (const secret of [pem, der, jwkText, publicJwk(signer.privateKey, KID).n]) {
      await expectUnauthorized(auth.verify(hmacToken({ alg: 'HS256', kid: KID }, accessClaims(), secret)));
      await expectUnauthorized(auth.verifyIdToken(hmacToken({ alg: 'HS256', kid: KID }, idClaims(), secret)));
    }
  });

  it('accepts RS256 only: the same key signing RS512 or PS256 is refused, also when the JWK names no alg', async () => {
    const { alg: _alg, ...withoutAlg } = publicJwk(signer.privateKey, KID);
    for (const keys of [[publicJwk(signer.privateKey, KID)], [withoutAlg]]) {
      published = keys;
      const auth = authenticator();
      for (const alg of ['RS512', 'PS256'] as const) {
        await expectUnauthorized(auth.verify(rsaToken({ alg, kid: KID }, accessClaims(), signer.privateKey, alg)));
      }
    }
    const auth = authenticator();
    // Control: the same hand-made token as RS256 is accepted, so the refusals are about the algorithm.
    await expect(
      auth.verify(rsaToken({ alg: 'RS256', kid: KID }, accessClaims(), signer.privateKey)),
    ).resolves.toMatchObject({
      userId: SUB,
    });
  });

  it('refuses a token signed by another key under the published key id', async () => {
    await expectUnauthorized(authenticator().verify(accessToken({}, {}, other.privateKey)));
    await expectUnauthorized(authenticator().verifyIdToken(idToken({}, {}, other.privateKey)));
  });

  it('ignores keys and key locations offered by the token itself (jwk, jku, x5u)', async () => {
    const auth = authenticator();
    const own = publicJwk(other.privateKey, KID);
    await expectUnauthorized(auth.verify(accessToken({}, { jwk: own }, other.privateKey)));
    await expectUnauthorized(auth.verify(accessToken({}, { kid: 'attacker', jwk: own }, other.privateKey)));
    await expectUnauthorized(
      auth.verify(accessToken({}, { jku: 'https://attacker.example/jwks.json' }, other.privateKey)),
    );
    await expectUnauthorized(
      auth.verify(accessToken({}, { x5u: 'https://attacker.example/cert.pem' }, other.privateKey)),
    );
  });

  it('refuses a tampered payload and a swapped signature', async () => {
    const auth = authenticator();
    const [header, payload, signature] = accessToken().split('.');
    const claims = decode(payload!);
    await expectUnauthorized(auth.verify(`${header}.${b64url({ ...claims, sub: 'ada' })}.${signature}`));
    await expectUnauthorized(
      auth.verify(`${header}.${b64url({ ...claims, 'cognito:groups': ['admin'] })}.${signature}`),
    );
    await expectUnauthorized(
      auth.verify(`${header}.${b64url({ ...claims, exp: nowSeconds() + 86_400 })}.${signature}`),
    );
    // A genuine signature of another genuine token.
    const otherSignature = accessToken({ sub: 'ada' }).split('.')[2];
    await expectUnauthorized(auth.verify(`${header}.${payload}.${otherSignature}`));
    // Control: the untouched token is fine.
    await expect(auth.verify(`${header}.${payload}.${signature}`)).resolves.toMatchObject({ userId: SUB });
  });
});

describe('OidcAuthenticator: the issuer key set', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses an unknown key id, fetching the JWKS again at most once per cooldown', async () => {
    const auth = authenticator();
    await expect(auth.verify(accessToken())).resolves.toMatchObject({ userId: SUB });
    const before = downloads;
    for (const kid of ['rotated-key', 'another-rotated-key', 'a-third-one']) {
      await expectUnauthorized(auth.verify(accessToken({}, { kid }, other.privateKey)));
    }
    // The keys were fetched moments ago: an unknown key id does not make the API hammer the issuer.
    expect(downloads - before).toBe(0);
  });

  it('picks up a rotated key after the cooldown: a token signed by the new key verifies then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const auth = authenticator();
    await expect(auth.verify(accessToken())).resolves.toMatchObject({ userId: SUB });
    published = [publicJwk(signer.privateKey, KID), publicJwk(other.privateKey, 'next-key')];
    const rotated = () => accessToken({ sub: 'after-rotation' }, { kid: 'next-key' }, other.privateKey);
    await expectUnauthorized(auth.verify(rotated()));
    vi.setSystemTime(Date.now() + 31_000);
    const before = downloads;
    await expect(auth.verify(rotated())).resolves.toMatchObject({ userId: 'after-rotation' });
    expect(downloads - before).toBe(1);
    // The old key still verifies while the issuer publishes it.
    await expect(auth.verify(accessToken())).resolves.toMatchObject({ userId: SUB });
  });

  it('refuses every token when the issuer publishes no usable key', async () => {
    published = [];
    await expectUnauthorized(authenticator().verify(accessToken()));
    published = [{ ...publicJwk(signer.privateKey, KID), alg: 'HS256' }];
    await expectUnauthorized(authenticator().verify(accessToken()));
  });

  it('does not turn an unreachable issuer into a 401: that is an outage, not a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const auth = new OidcAuthenticator({ issuer: `http://127.0.0.1:${port}`, clientId: CLIENT_ID });
    const error = await auth.verify(accessToken({ iss: `http://127.0.0.1:${port}` })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UnauthorizedError);
  });

  it('does not turn an issuer answering 502 or garbage for its keys into a 401 either', async () => {
    for (const answer of [
      (res: import('node:http').ServerResponse) => {
        res.statusCode = 502;
        res.end('Bad gateway');
      },
      (res: import('node:http').ServerResponse) => {
        res.setHeader('content-type', 'application/json');
        res.end('{"keys": "not a list"}');
      },
    ]) {
      const broken = createServer((_req, res) => answer(res));
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
      const issuer = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      try {
        const error = await new OidcAuthenticator({ issuer, clientId: CLIENT_ID })
          .verify(accessToken({ iss: issuer }))
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(Error);
        expect(error).not.toBeInstanceOf(UnauthorizedError);
        // The error mapping answers 503 for this name (functions/http/middleware.ts).
        expect((error as Error).name).toBe('ServiceUnavailable');
      } finally {
        await new Promise<void>((resolve) => broken.close(() => resolve()));
      }
    }
  });
});

/** Whether two compact tokens have the same segments once decoded. */
function sameBytes(a: string, b: string): boolean {
  const left = a.split('.');
  const right = b.split('.');
  return (
    left.length === right.length &&
    left.every((part, k) => Buffer.from(part, 'base64url').equals(Buffer.from(right[k] ?? '', 'base64url')))
  );
}

describe('OidcAuthenticator: garbage', () => {
  let auth: OidcAuthenticator;
  let genuine: string;
  beforeAll(() => {
    auth = authenticator();
    genuine = accessToken();
  });

  it('refuses garbage strings and malformed claims', async () => {
    const garbage = [
      '',
      'abc',
      'a.b.c',
      '...',
      'Bearer abc',
      'eyJhbGciOiJSUzI1NiJ9',
      'eyJhbGciOiJSUzI1NiJ9..',
      'eyJhbGciOiJSUzI1NiJ9.e30.',
      `${b64url({ alg: 'RS256', kid: KID })}.not-base64!.${'A'.repeat(342)}`,
      `${b64url([1, 2, 3])}.${b64url('string')}.abc`,
      `${b64url({ alg: 'RS256', kid: KID })}.${b64url('not an object')}.abc`,
      `${b64url({ alg: 'RS256', kid: KID })}.${b64url({ exp: 'tomorrow' })}.abc`,
      `${b64url({ alg: 'RS256', kid: KID, crit: ['exp'] })}.${b64url(accessClaims())}.abc`,
      `${b64url({ alg: 'RS256', kid: KID, b64: false, crit: ['b64'] })}.${b64url(accessClaims())}.abc`,
      `${b64url({ alg: 'RS256', kid: KID })}.${b64url(accessClaims())}.${'%'.repeat(342)}`,
      // A JWE (five parts) is not a signed token.
      `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: KID })}.a.b.c.d`,
      `${accessToken()}.extra`,
      'x'.repeat(100_000),
      '\u0000.\u0000.\u0000',
      '🙂.🙂.🙂',
    ];
    for (const token of garbage) await expectUnauthorized(auth.verify(token));
    for (const token of garbage) await expectUnauthorized(auth.verifyIdToken(token));
  });

  it('turns any string into a 401 and nothing else (property)', async () => {
    const header = fc.oneof(
      fc.json(),
      fc.constantFrom(
        b64url({ alg: 'RS256', kid: KID }),
        b64url({ alg: 'RS256' }),
        b64url({ alg: 'none' }),
        b64url({ alg: 'HS256', kid: KID }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .tuple(fc.base64String(), fc.base64String(), fc.base64String())
            .map(([a, b, c]) => `${a}.${b}.${c}`.replace(/=/g, '')),
          fc
            .tuple(header, fc.json(), fc.string())
            .map(
              ([h, p, s]) =>
                `${h.startsWith('eyJ') ? h : Buffer.from(h).toString('base64url')}.${Buffer.from(p).toString('base64url')}.${s}`,
            ),
          // Genuine tokens with one character changed. A segment's last character carries spare bits:
          // changing only those decodes to the same bytes, the same token, so such a change is made '~'.
          fc.tuple(fc.nat(), fc.constantFrom(...'ABCxyz019-_.')).map(([at, ch]) => {
            const token = genuine;
            const i = at % token.length;
            const changed = `${token.slice(0, i)}${ch}${token.slice(i + 1)}`;
            return token[i] === ch || sameBytes(changed, token)
              ? `${token.slice(0, i)}~${token.slice(i + 1)}`
              : changed;
          }),
        ),
        fc.boolean(),
        async (token, asId) => {
          await expectUnauthorized(asId ? auth.verifyIdToken(token) : auth.verify(token));
        },
      ),
      { numRuns: 400 },
    );
    // 400 signature checks take several seconds on a busy two-core machine.
  }, 30_000);
});
