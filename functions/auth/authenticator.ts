/**
 * Turns a bearer token into the id of an Ordo user. Routes never see how: the local stack signs its
 * own short-lived tokens, AWS verifies Cognito tokens. Anything wrong with a token is a 401.
 */
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { sign, verify } from 'hono/jwt';
import { UnauthorizedError } from '#shared/errors.ts';

export interface Identity {
  userId: string;
  /** Identity-provider groups; membership of `admin` makes the person an administrator. */
  groups?: string[];
}

export interface Authenticator {
  verify(token: string): Promise<Identity>;
}

/** The Cognito group whose members administer Ordo (alongside the admin flag on Ordo's own record). */
export const ADMIN_GROUP = 'admin';

const DEV_TOKEN_SECONDS = 12 * 60 * 60;
const DEV_ISSUER = 'ordo-local';

/** Development sign-in: HS256 tokens signed with a per-install secret. Only built in local mode. */
export class DevTokenAuthenticator implements Authenticator {
  constructor(
    private readonly secret: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  issue(userId: string): Promise<string> {
    const now = this.nowSeconds();
    return sign({ sub: userId, iss: DEV_ISSUER, iat: now, exp: now + DEV_TOKEN_SECONDS }, this.secret, 'HS256');
  }

  async verify(token: string): Promise<{ userId: string }> {
    try {
      const payload = await verify(token, this.secret, { alg: 'HS256', iss: DEV_ISSUER });
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
      // hono/jwt checks exp only when present; a token that never expires is refused.
      if (typeof payload.exp !== 'number') throw new Error('no expiry');
      return { userId: payload.sub };
    } catch {
      throw new UnauthorizedError('Your sign-in is not valid or has expired. Sign in again.');
    }
  }
}

/** Cognito user-pool access tokens; the Ordo user id is the token's subject. */
export class CognitoAuthenticator implements Authenticator {
  private readonly verifier;
  constructor(userPoolId: string, clientId: string) {
    this.verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' });
  }

  async verify(token: string): Promise<Identity> {
    try {
      const payload = await this.verifier.verify(token);
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
      const groups = payload['cognito:groups'];
      return { userId: payload.sub, ...(Array.isArray(groups) ? { groups: groups.map(String) } : {}) };
    } catch {
      throw new UnauthorizedError('Your sign-in is not valid or has expired. Sign in again.');
    }
  }
}
