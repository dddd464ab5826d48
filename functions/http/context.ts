import type { ApiToken } from '#shared/integrations.ts';
import type { User } from '#shared/model.ts';
import type { Identity } from '../auth/authenticator.ts';
import type { Logger } from '../observability/logger.ts';

/** What middleware puts on every request's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Set by the guard on routes for signed-in people: their profile, with their roles right now. */
    user: User;
    /** Set by the guard on sign-in, where the profile may not exist yet: who the token names. */
    identity: Identity;
    /** Set by the guard on a request with an API token: the token its service account (`user`) acts under. */
    apiToken: ApiToken;
  };
}
