/**
 * Bearer tokens (SPEC §10): the development tokens of the local stack (HS256, hono/jwt) and Cognito
 * access tokens (RS256, aws-jwt-verify). Every way a token can be wrong must end in a 401, never in
 * another error and never in a user id.
 */
import { createHmac, createPublicKey, generateKeyPairSync, type KeyObject, sign as rsaSign } from 'node:crypto';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import type { Jwks } from 'aws-jwt-verify/jwk';
import fc from 'fast-check';
import { sign as hsSign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CognitoAuthenticator, DevTokenAuthenticator } from '#functions/auth/authenticator.ts';
import { UnauthorizedError } from '#shared/errors.ts';

const SECRET = 'unit-secret-unit-secret-unit-secret';
const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectUnauthorized(run: Promise<unknown>): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedError);
  expect((error as UnauthorizedError).status).toBe(401);
  expect((error as UnauthorizedError).code).toBe('unauthorized');
}

/** A token with any header and payload, HMAC-signed with `secret` whatever the header claims. */
function hmacToken(header: Record<string, unknown>, payload: Record<string, unknown>, secret = SECRET): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('DevTokenAuthenticator', () => {
  const auth = new DevTokenAuthenticator(SECRET);
  const devClaims = (over: Record<string, unknown> = {}) => ({
    sub: 'anna',
    iss: 'ordo-local',
    iat: nowSeconds() - 10,
    exp: nowSeconds() + 3600,
    ...over,
  });

  it('verifies a token it issued and returns its subject', async () => {
    const token = await auth.issue('anna');
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    await expect(auth.verify(token)).resolves.toEqual({ userId: 'anna' });
    // Another instance with the same secret (another Lambda, a restart) accepts it too.
    await expect(new DevTokenAuthenticator(SECRET).verify(token)).resolves.toEqual({ userId: 'anna' });
  });

  it('refuses an expired token (issued 12 h 1 min ago) but accepts one issued 11 h 59 min ago', async () => {
    const expired = await new DevTokenAuthenticator(SECRET, () => nowSeconds() - (12 * 3600 + 60)).issue('anna');
    await expectUnauthorized(auth.verify(expired));
    const fresh = await new DevTokenAuthenticator(SECRET, () => nowSeconds() - (12 * 3600 - 60)).issue('anna');
    await expect(auth.verify(fresh)).resolves.toEqual({ userId: 'anna' });
  });

  it('refuses a token issued in the future (iat) or not yet valid (nbf)', async () => {
    const future = await new DevTokenAuthenticator(SECRET, () => nowSeconds() + 120).issue('anna');
    await expectUnauthorized(auth.verify(future));
    await expectUnauthorized(auth.verify(await hsSign(devClaims({ nbf: nowSeconds() + 120 }), SECRET, 'HS256')));
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new DevTokenAuthenticator('another-secret-another-secret-another').issue('ada');
    await expectUnauthorized(auth.verify(forged));
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await auth.issue('anna')).split('.');
    const claims = JSON.parse(Buffer.from((await auth.issue('anna')).split('.')[1]!, 'base64url').toString());
    const tampered = `${header}.${b64url({ ...claims, sub: 'ada' })}.${signature}`;
    await expectUnauthorized(auth.verify(tampered));
    // Even an addition that leaves the subject alone breaks the signature.
    const extended = `${header}.${b64url({ ...claims, extra: true })}.${signature}`;
    await expectUnauthorized(auth.verify(extended));
  });

  it('refuses alg "none" with an empty signature, in any spelling', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE', '']) {
      const unsigned = `${b64url({ alg, typ: 'JWT' })}.${b64url(devClaims({ sub: 'ada' }))}.`;
      await expectUnauthorized(auth.verify(unsigned));
    }
    const noAlg = `${b64url({ typ: 'JWT' })}.${b64url(devClaims({ sub: 'ada' }))}.`;
    await expectUnauthorized(auth.verify(noAlg));
  });

  it('refuses tokens labelled with another algorithm (HS512, RS256), also when HMAC-signed with the secret', async () => {
    await expectUnauthorized(auth.verify(await hsSign(devClaims({ sub: 'ada' }), SECRET, 'HS512')));
    await expectUnauthorized(auth.verify(await hsSign(devClaims({ sub: 'ada' }), SECRET, 'HS384')));
    // Algorithm confusion: the header says RS256, the signature is an HMAC with the shared secret.
    await expectUnauthorized(auth.verify(hmacToken({ alg: 'RS256', typ: 'JWT' }, devClaims({ sub: 'ada' }))));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const input = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(devClaims({ sub: 'ada' }))}`;
    const rs = `${input}.${rsaSign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    await expectUnauthorized(auth.verify(rs));
    // Control: the hand-made HS256 token is accepted, so the refusals above are about the algorithm.
    await expect(auth.verify(hmacToken({ alg: 'HS256', typ: 'JWT' }, devClaims()))).resolves.toEqual({
      userId: 'anna',
    });
  });

  it('refuses a token from another issuer, or without one', async () => {
    await expectUnauthorized(auth.verify(await hsSign(devClaims({ iss: 'someone-else' }), SECRET, 'HS256')));
    const { iss: _iss, ...withoutIssuer } = devClaims();
    await expectUnauthorized(auth.verify(await hsSign(withoutIssuer, SECRET, 'HS256')));
  });

  it('refuses a correctly signed token without a usable subject', async () => {
    for (const sub of [undefined, '', 42, null, ['anna'], { id: 'anna' }]) {
      const claims: Record<string, unknown> = devClaims({ sub });
      if (sub === undefined) delete claims.sub;
      await expectUnauthorized(auth.verify(await hsSign(claims, SECRET, 'HS256')));
    }
  });

  it('refuses garbage strings', async () => {
    const garbage = [
      '',
      'abc',
      'a.b.c',
      '...',
      'Bearer abc',
      'eyJhbGciOiJIUzI1NiJ9',
      'eyJhbGciOiJIUzI1NiJ9..',
      'eyJhbGciOiJIUzI1NiJ9.e30.',
      `${b64url({ alg: 'HS256' })}.not-base64!.${'A'.repeat(43)}`,
      `${b64url([1, 2, 3])}.${b64url('string')}.abc`,
      `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(devClaims())}.${'%'.repeat(43)}`,
      `${b64url({ alg: 'HS256', typ: 'JWT', crit: ['exp'] })}.${b64url(devClaims())}.abc`,
      'x'.repeat(100_000),
      '\u0000.\u0000.\u0000',
      '🙂.🙂.🙂',
    ];
    for (const token of garbage) await expectUnauthorized(auth.verify(token));
  });

  it('turns any string into a 401 and nothing else (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .tuple(fc.base64String(), fc.base64String(), fc.base64String())
            .map(([a, b, c]) => `${a}.${b}.${c}`.replace(/=/g, '')),
          fc
            .tuple(fc.json(), fc.json(), fc.string())
            .map(([h, p, s]) => `${Buffer.from(h).toString('base64url')}.${Buffer.from(p).toString('base64url')}.${s}`),
        ),
        async (token) => {
          await expectUnauthorized(auth.verify(token));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CognitoAuthenticator (offline, JWKS preloaded)', () => {
  const region = 'eu-central-1';
  const userPoolId = `${region}_OrdoTest1`;
  const clientId = 'ordo-portal-client-id';
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const kid = 'ordo-test-key-1';

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = (key: KeyObject, id: string) => {
    const { n, e } = createPublicKey(key).export({ format: 'jwk' });
    return { kty: 'RSA', n: n!, e: e!, kid: id, alg: 'RS256', use: 'sig' };
  };

  function cognitoToken(
    over: Record<string, unknown> = {},
    opts: { header?: Record<string, unknown>; key?: KeyObject } = {},
  ): string {
    const now = nowSeconds();
    const payload = {
      sub: 'b1f7c0de-0000-4000-8000-000000000001',
      iss: issuer,
      token_use: 'access',
      client_id: clientId,
      scope: 'openid email',
      auth_time: now - 60,
      iat: now - 60,
      exp: now + 3600,
      jti: 'e0b1a3f2-1111-4222-8333-444455556666',
      username: 'anna',
      ...over,
    };
    const input = `${b64url({ alg: 'RS256', kid, ...opts.header })}.${b64url(payload)}`;
    return `${input}.${rsaSign('sha256', Buffer.from(input), opts.key ?? privateKey).toString('base64url')}`;
  }

  // The authenticator builds its CognitoJwtVerifier in the constructor and offers no way to hand it a
  // JWKS; on first use the verifier would download the pool's JWKS from AWS. The verifier is a
  // TypeScript-private field (a plain property at run time), so the test reaches it with a cast and
  // preloads the test key with the library's public `cacheJwks`. This tests the product class as it
  // is built (pool, client id, token use), not a copy of its configuration.
  const auth = new CognitoAuthenticator(userPoolId, clientId);
  const verifier = (auth as unknown as { verifier: { cacheJwks(jwks: Jwks): void } }).verifier;

  // Keep the test offline: any JWKS download (the library refetches when it meets an unknown kid)
  // goes through node:https.request, which records the URL and fails.
  // (syncBuiltinESMExports makes the library's `import { request } from "https"` see the stub.)
  const fetched: string[] = [];
  beforeAll(() => {
    expect(verifier, 'CognitoAuthenticator keeps its verifier in `verifier`').toBeDefined();
    verifier.cacheJwks({ keys: [jwk(privateKey, kid)] });
    vi.spyOn(https, 'request').mockImplementation(((url: unknown) => {
      fetched.push(String(url));
      throw new Error('No network in unit tests.');
    }) as typeof https.request);
    syncBuiltinESMExports();
  });
  afterAll(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  it('accepts a valid access token and returns its subject, without any download', async () => {
    await expect(auth.verify(cognitoToken())).resolves.toEqual({ userId: 'b1f7c0de-0000-4000-8000-000000000001' });
    // aws-jwt-verify 5 also accepts the pool's newer issuer format.
    const globalIssuer = `https://issuer-cognito-idp.${region}.amazonaws.com/${userPoolId}`;
    await expect(auth.verify(cognitoToken({ iss: globalIssuer, sub: 'x' }))).resolves.toEqual({ userId: 'x' });
    expect(fetched).toEqual([]);
  });

  it('passes on the Cognito groups, so members of "admin" administer Ordo', async () => {
    await expect(auth.verify(cognitoToken({ 'cognito:groups': ['admin', 'staff'] }))).resolves.toEqual({
      userId: 'b1f7c0de-0000-4000-8000-000000000001',
      groups: ['admin', 'staff'],
    });
  });

  it('refuses an expired token (also by one second)', async () => {
    await expectUnauthorized(auth.verify(cognitoToken({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 })));
    await expectUnauthorized(auth.verify(cognitoToken({ exp: nowSeconds() - 1 })));
  });

  it('refuses a token issued for another app client (wrong audience) or with none', async () => {
    await expectUnauthorized(auth.verify(cognitoToken({ client_id: 'another-client' })));
    await expectUnauthorized(auth.verify(cognitoToken({ client_id: undefined })));
    // An access token's audience is client_id; an `aud` claim does not stand in for it.
    await expectUnauthorized(auth.verify(cognitoToken({ client_id: undefined, aud: clientId })));
  });

  it('refuses a token of another user pool, region or issuer', async () => {
    await expectUnauthorized(
      auth.verify(cognitoToken({ iss: `https://cognito-idp.${region}.amazonaws.com/${region}_OtherPool` })),
    );
    await expectUnauthorized(
      auth.verify(cognitoToken({ iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}` })),
    );
    await expectUnauthorized(auth.verify(cognitoToken({ iss: `${issuer}/` })));
    await expectUnauthorized(auth.verify(cognitoToken({ iss: undefined })));
  });

  it('refuses an ID token and other token uses', async () => {
    await expectUnauthorized(auth.verify(cognitoToken({ token_use: 'id', aud: clientId })));
    await expectUnauthorized(auth.verify(cognitoToken({ token_use: 'refresh' })));
    await expectUnauthorized(auth.verify(cognitoToken({ token_use: undefined })));
  });

  it('refuses a tampered payload, a signature by another key and a swapped signature', async () => {
    const [header, payload, signature] = cognitoToken().split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    await expectUnauthorized(auth.verify(`${header}.${b64url({ ...claims, sub: 'admin-sub' })}.${signature}`));
    await expectUnauthorized(auth.verify(cognitoToken({}, { key: other.privateKey })));
    const otherSignature = cognitoToken({ sub: 'x' }).split('.')[2];
    await expectUnauthorized(auth.verify(`${header}.${payload}.${otherSignature}`));
  });

  it('refuses alg "none", HS256 signed with the public key, and algorithms the JWK does not allow', async () => {
    const claims = JSON.parse(Buffer.from(cognitoToken().split('.')[1]!, 'base64url').toString());
    await expectUnauthorized(auth.verify(`${b64url({ alg: 'none', kid })}.${b64url(claims)}.`));
    await expectUnauthorized(auth.verify(`${b64url({ alg: 'none', kid })}.${b64url(claims)}.e30`));
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    await expectUnauthorized(auth.verify(hmacToken({ alg: 'HS256', kid }, claims, pem)));
    await expectUnauthorized(auth.verify(cognitoToken({}, { header: { alg: 'RS512' } })));
    await expectUnauthorized(auth.verify(cognitoToken({}, { header: { alg: 'PS256' } })));
  });

  it('refuses an unknown kid or a token without kid, after trying (offline) to refresh the JWKS', async () => {
    await expectUnauthorized(auth.verify(cognitoToken({}, { header: { kid: 'rotated-key' } })));
    // aws-jwt-verify treats an unknown kid as a possible key rotation and downloads the pool's JWKS
    // (its SimpleFetcher retries once at once): here both attempts fail, so 401.
    expect(fetched).toEqual([`${issuer}/.well-known/jwks.json`, `${issuer}/.well-known/jwks.json`]);
    await expectUnauthorized(auth.verify(cognitoToken({}, { header: { kid: 'another-rotated-key' } })));
    await expectUnauthorized(auth.verify(cognitoToken({}, { header: { kid: undefined } })));
    await expectUnauthorized(auth.verify(cognitoToken({}, { header: { kid: 42 } })));
  });

  it('applies no clock skew: nbf a few seconds ahead is refused, iat ahead is not checked', async () => {
    // aws-jwt-verify (validateJwtFields) checks exp and nbf against the clock with `graceSeconds`,
    // which defaults to 0 and which the authenticator does not set; it does not check iat at all.
    await expectUnauthorized(auth.verify(cognitoToken({ nbf: nowSeconds() + 5 })));
    await expect(auth.verify(cognitoToken({ nbf: nowSeconds() - 1, sub: 'nbf-past' }))).resolves.toEqual({
      userId: 'nbf-past',
    });
    await expect(auth.verify(cognitoToken({ iat: nowSeconds() + 5, sub: 'iat-ahead' }))).resolves.toEqual({
      userId: 'iat-ahead',
    });
  });

  it('refuses garbage strings and malformed claims', async () => {
    const garbage = [
      '',
      'abc',
      'a.b.c',
      `${b64url({ alg: 'RS256', kid })}.${b64url('not an object')}.abc`,
      `${b64url({ alg: 'RS256', kid })}.${b64url({ exp: 'tomorrow' })}.abc`,
      'x'.repeat(50_000),
    ];
    for (const token of garbage) await expectUnauthorized(auth.verify(token));
    await expectUnauthorized(auth.verify(cognitoToken({ sub: 42 })));
    await expectUnauthorized(auth.verify(cognitoToken({ exp: 'never' })));
  });

  it('refuses a correctly signed token without a subject, like a development token', async () => {
    // Such a token names nobody; it must not reach the user lookup as `undefined` or ''.
    await expectUnauthorized(auth.verify(cognitoToken({ sub: undefined })));
    await expectUnauthorized(auth.verify(cognitoToken({ sub: '' })));
  });
});
