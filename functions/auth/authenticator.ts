/**
 * Turns a bearer token into who is calling. One way everywhere: an OpenID Connect issuer's JWTs —
 * Cognito's in AWS, the local provider's on a laptop and in the tests — checked against the issuer's
 * published keys (JWKS), its name, the portal's client id, expiry (with a little clock skew) and what
 * the token is for. Anything wrong with a token is a 401.
 */
import { createRemoteJWKSet, customFetch, type JWTPayload, jwtVerify } from 'jose';
import { UnauthorizedError } from '#shared/errors.ts';
import type { AuthConfig } from '../config.ts';

export interface Identity {
  userId: string;
  /** Identity-provider groups of this token (`cognito:groups`). */
  groups: string[];
}

export interface Authenticator {
  /** An access token, from the Authorization header. */
  verify(token: string): Promise<Identity>;
  /** The ID token the portal got at sign-in: the person's claims, for their profile. */
  verifyIdToken(token: string): Promise<JWTPayload & { sub: string }>;
}

/** Seconds of clock difference tolerated between the issuer and this process. */
export const CLOCK_SKEW_SECONDS = 30;

const ALGORITHMS = ['RS256'];

function groupsOf(payload: JWTPayload): string[] {
  const groups = payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
}

export class OidcAuthenticator implements Authenticator {
  private readonly jwks;

  constructor(private readonly config: Pick<AuthConfig, 'issuer' | 'clientId'>) {
    // Cognito publishes its keys here; the local provider is configured to do the same. Keys are
    // cached, and a token signed by an unknown key id makes one fresh fetch (key rotation).
    this.jwks = createRemoteJWKSet(new URL(`${config.issuer}/.well-known/jwks.json`), {
      timeoutDuration: 3_000,
      cooldownDuration: 30_000,
      // An issuer answering with an error is down, not a sign that the caller's token is bad.
      [customFetch]: async (url, init) => {
        const res = await fetch(url, init);
        if (!res.ok) throw new IssuerUnavailableError(`The issuer's keys answered ${res.status}.`);
        return res;
      },
    });
  }

  async verify(token: string): Promise<Identity> {
    const payload = await this.check(token, (p) => p.token_use === 'access' && p.client_id === this.config.clientId);
    return { userId: payload.sub, groups: groupsOf(payload) };
  }

  async verifyIdToken(token: string): Promise<JWTPayload & { sub: string }> {
    return this.check(token, (p) => p.token_use === 'id' || p.token_use === undefined, this.config.clientId);
  }

  private async check(
    token: string,
    use: (payload: JWTPayload) => boolean,
    audience?: string,
  ): Promise<JWTPayload & { sub: string }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.config.issuer,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
        ...(audience ? { audience } : {}),
      }));
    } catch (error) {
      if (isUnreachable(error)) {
        throw error instanceof IssuerUnavailableError
          ? error
          : new IssuerUnavailableError("The issuer's keys cannot be had right now.", { cause: error });
      }
      throw new UnauthorizedError('sign_in_invalid');
    }
    if (!use(payload) || typeof payload.sub !== 'string' || !payload.sub) {
      throw new UnauthorizedError('sign_in_invalid');
    }
    return payload as JWTPayload & { sub: string };
  }
}

/** The issuer's keys could not be had; the error mapping answers 503 for this name. */
export class IssuerUnavailableError extends Error {
  override readonly name = 'ServiceUnavailable';
}

/** The issuer's key set could not be fetched or read: that is an outage (503), not a bad token. */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    error instanceof IssuerUnavailableError ||
    code === 'ERR_JWKS_TIMEOUT' ||
    code === 'ERR_JWKS_INVALID' ||
    (error instanceof TypeError && /fetch/i.test(error.message))
  );
}
