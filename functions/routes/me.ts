/**
 * The signed-in person: sign-in (profile from the identity provider's claims), who they are, their
 * notification preferences and their language.
 */
import { UnauthorizedError, ValidationError } from '#shared/errors.ts';
import { isAdministrator, profileFromClaims } from '#shared/profile.ts';
import { refusal } from '#shared/refusals.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';

export function meRoutes(deps: Deps, on: On): void {
  on('POST /me/sign-in', async (c, { body: { idToken } }) => {
    const identity = c.get('identity');
    // The access token was good (the guard checked it); a bad ID token is a bad field of the body.
    const claims = await deps.authenticator.verifyIdToken(idToken).catch((error: unknown) => {
      if (error instanceof UnauthorizedError) {
        throw new ValidationError('invalid_request', {}, { idToken: refusal('id_token_invalid') });
      }
      throw error;
    });
    // Both tokens must name the same person: an ID token cannot dress up someone else's access.
    if (claims.sub !== identity.userId) {
      throw new ValidationError('invalid_request', {}, { idToken: refusal('id_token_other_person') });
    }
    const read = profileFromClaims(claims);
    if (!read.ok) {
      throw new ValidationError('invalid_request', {}, { idToken: refusal('id_token_no_email') });
    }
    const user = await deps.users.signIn(identity.userId, read.profile);
    return { user: { ...user, admin: isAdministrator(user, identity.groups, deps.config.auth) } };
  });
  on('GET /me', (c) => ({ user: c.get('user') }));
  on('PUT /me/preferences', async (c, { body: { mutedEvents, language } }) => {
    const user = c.get('user');
    const saved = await deps.users.savePreferences(user.id, {
      ...(mutedEvents ? { mutedEvents: [...new Set(mutedEvents)] } : {}),
      ...(language ? { language } : {}),
    });
    // The answer shows the roles this request was checked with, not only the stored ones.
    return { user: { ...saved, admin: user.admin } };
  });
}
