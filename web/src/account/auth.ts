/**
 * Sign-in with OpenID Connect through oidc-client-ts: authorization code with PKCE, tokens kept in
 * localStorage (the session survives reloads and is shared by the person's tabs), renewal through the
 * refresh token before the access token runs out, and sign-out at the provider.
 *
 * This module is loaded on its own (web/src/session.ts imports it dynamically), so the library stays
 * out of the first script the browser runs.
 *
 * Tabs share one refresh token, and refresh tokens rotate: two tabs renewing at once would present
 * the same token twice, which a provider reads as theft and answers by ending the session. Every
 * renewal therefore holds a lock shared by the tabs (Web Locks) and first looks whether another tab
 * has just renewed.
 */
import {
  ErrorTimeout,
  type SigninSilentArgs,
  type User,
  UserManager,
  type UserManagerSettings,
  WebStorageStateStore,
} from 'oidc-client-ts';
import { RENEW_BEFORE_SECONDS, signOutArgs, userManagerSettings } from './auth-settings.ts';
import type { OidcConfig } from './config.ts';

export type { User as OidcUser };

/** The provider could not be reached (not the same as refusing): the session may still be good. */
export class ProviderUnreachable extends Error {
  constructor(cause: unknown) {
    super('The sign-in service cannot be reached.', { cause });
    this.name = 'ProviderUnreachable';
  }
}

const LOCK = 'ordo.token-renewal';

async function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  let result: T | undefined;
  await locks.request(LOCK, async () => {
    result = await work();
  });
  return result as T;
}

/** Seconds the access token has left (0 when unknown or gone). */
function remaining(user: User): number {
  return Math.max(0, user.expires_in ?? 0);
}

class PortalUserManager extends UserManager {
  /** The stored session as it is now, without touching the renewal timers. */
  stored(): Promise<User | null> {
    return this._loadUser();
  }

  /** The automatic renewal (a timer before expiry) goes through the same lock. */
  override signinSilent(args: SigninSilentArgs = {}): Promise<User | null> {
    return this.renewOnce(undefined, args);
  }

  /**
   * Renews unless another tab already has: with `rejected` (an access token the API refused), when
   * the stored token is another one and still good; on the timer, when the stored token has more
   * time left than the timer expected.
   */
  renewOnce(rejected: string | undefined, args: SigninSilentArgs = {}): Promise<User | null> {
    return exclusive(async () => {
      const stored = await this._loadUser();
      if (stored && !stored.expired) {
        const renewedElsewhere =
          rejected !== undefined
            ? stored.access_token !== rejected && remaining(stored) > 2
            : remaining(stored) > RENEW_BEFORE_SECONDS + 2;
        if (renewedElsewhere) {
          // Arms this tab's timers for the token another tab stored.
          await this.getUser();
          return stored;
        }
      }
      return super.signinSilent(args);
    });
  }
}

export interface Auth {
  /**
   * The session's tokens, renewed first when the access token (or, with `freshIdToken`, the ID
   * token) is nearly out; null when there is none or it ended.
   */
  current(opts?: { freshIdToken?: boolean }): Promise<User | null>;
  /** After the API refused `rejected`: fresh tokens, or null when the provider refuses to renew. */
  renew(rejected: string): Promise<User | null>;
  /** Off to the provider's sign-in; `returnTo` comes back in the state. Resolves only if the person comes back with Back. */
  signIn(returnTo: string, opts?: { replace?: boolean }): Promise<void>;
  /** Completes the code flow on the callback page. */
  finishSignIn(url: string): Promise<{ user: User; returnTo: string | undefined }>;
  /** Revokes the refresh token, forgets the session and signs out at the provider (which comes back to `/`). */
  signOut(): Promise<void>;
  /** Forgets the session in this browser only. */
  forget(): Promise<void>;
}

/** Network trouble (no answer, timeout) is not a refusal. */
function unreachable(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ErrorTimeout;
}

export function createAuth(oidc: OidcConfig, origin: string, storage: Storage = localStorage): Auth {
  const settings: UserManagerSettings = {
    ...userManagerSettings(oidc, origin),
    userStore: new WebStorageStateStore({ prefix: 'ordo.oidc.', store: storage }),
    stateStore: new WebStorageStateStore({ prefix: 'ordo.oidc.', store: storage }),
  };
  const manager = new PortalUserManager(settings);

  async function renew(rejected: string | undefined): Promise<User | null> {
    try {
      return await manager.renewOnce(rejected);
    } catch (error) {
      if (unreachable(error)) throw new ProviderUnreachable(error);
      // Refused (the refresh token was revoked or ran out) or impossible (no refresh token).
      return null;
    }
  }

  return {
    async current(opts = {}) {
      const stored = await manager.stored();
      if (!stored) return null;
      const idTokenLeft =
        opts.freshIdToken && typeof stored.profile.exp === 'number' ? stored.profile.exp - Date.now() / 1000 : Infinity;
      // A tab asleep past the renewal timer, or a laptop opened the next morning.
      if (remaining(stored) <= 2 || idTokenLeft <= 2) return renew(stored.access_token);
      return stored;
    },
    renew: (rejected) => renew(rejected),
    signIn: (returnTo, opts = {}) =>
      manager.signinRedirect({ state: { returnTo }, ...(opts.replace ? { redirectMethod: 'replace' } : {}) }),
    async finishSignIn(url) {
      const user = await manager.signinRedirectCallback(url);
      const state = user.state;
      const returnTo =
        typeof state === 'object' && state !== null && 'returnTo' in state && typeof state.returnTo === 'string'
          ? state.returnTo
          : undefined;
      return { user, returnTo };
    },
    async signOut() {
      const stored = await manager.stored();
      if (stored?.refresh_token) {
        // Ends the session even where the provider's sign-out page is not reached.
        await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      }
      try {
        await manager.signoutRedirect(signOutArgs(oidc, origin));
      } catch (error) {
        await manager.removeUser();
        throw error;
      }
    },
    forget: () => manager.removeUser(),
  };
}
