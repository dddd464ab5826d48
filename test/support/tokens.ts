/**
 * Tokens the local OpenID provider would never issue (expired, for another client, foreign-signed…),
 * crafted with its real signing key (provided by the global setup) or a foreign one, for tests of
 * what the API refuses. Shaped like Cognito's access tokens unless the claims say otherwise.
 */
import { generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { inject } from 'vitest';

let foreign: CryptoKey | undefined;

export async function craftToken(
  claims: JWTPayload & Record<string, unknown>,
  opts: { foreignKey?: boolean; header?: Record<string, unknown> } = {},
): Promise<string> {
  const { issuer, clientId } = inject('oidc');
  const jwk = inject('oidcSigningKey');
  const now = Math.floor(Date.now() / 1000);
  if (opts.foreignKey && !foreign) foreign = (await generateKeyPair('RS256')).privateKey;
  const key = opts.foreignKey && foreign ? foreign : ((await importJWK(jwk, 'RS256')) as CryptoKey);
  return new SignJWT({ iss: issuer, token_use: 'access', client_id: clientId, iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, ...opts.header })
    .sign(key);
}
