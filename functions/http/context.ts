import type { User } from '#shared/model.ts';
import type { Logger } from './logger.ts';

/** What middleware puts on every request's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Set by `requireUser` on authenticated routes. */
    user: User;
  };
}
