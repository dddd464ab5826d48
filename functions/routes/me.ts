/**
 * The signed-in person: sign-in (profile from the identity provider's claims), who they are, their
 * notification preferences and their language.
 */
import { Hono } from 'hono';
import { preferencesBody, signInBody } from '#shared/api.ts';
import { UnauthorizedError, ValidationError } from '#shared/errors.ts';
import { isAdministrator, profileFromClaims } from '#shared/profile.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody } from '../http/validate.ts';

export function meRoutes(deps: Deps, guard: Guard) {
  return new Hono<AppEnv>()
    .post('/sign-in', guard('POST /me/sign-in'), async (c) => {
      const { idToken } = await jsonBody(c, signInBody);
      const identity = c.get('identity');
      // The access token was good (the guard checked it); a bad ID token is a bad field of the body.
      const claims = await deps.authenticator.verifyIdToken(idToken).catch((error: unknown) => {
        if (error instanceof UnauthorizedError) {
          throw new ValidationError('The ID token is not valid.', { idToken: 'Not a valid ID token for Ordo.' });
        }
        throw error;
      });
      // Both tokens must name the same person: an ID token cannot dress up someone else's access.
      if (claims.sub !== identity.userId) {
        throw new ValidationError('The ID token is not yours.', { idToken: 'The ID token names another person.' });
      }
      const read = profileFromClaims(claims);
      if (!read.ok) {
        throw new ValidationError('Your identity provider did not tell Ordo your email address.', {
          idToken: 'The ID token has no email address.',
        });
      }
      const user = await deps.users.signIn(identity.userId, read.profile);
      return c.json({ user: { ...user, admin: isAdministrator(user, identity.groups, deps.config.auth) } });
    })
    .get('/', guard('GET /me'), (c) => c.json({ user: c.get('user') }))
    .put('/preferences', guard('PUT /me/preferences'), async (c) => {
      const { mutedEvents, language } = await jsonBody(c, preferencesBody);
      const user = c.get('user');
      const saved = await deps.users.savePreferences(user.id, {
        ...(mutedEvents ? { mutedEvents: [...new Set(mutedEvents)] } : {}),
        ...(language ? { language } : {}),
      });
      // The answer shows the roles this request was checked with, not only the stored ones.
      return c.json({ user: { ...saved, admin: user.admin } });
    });
}
