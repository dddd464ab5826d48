/**
 * How the portal talks to its OpenID provider, as plain settings for oidc-client-ts: the
 * authorization-code flow with PKCE, renewal through the refresh token (no iframe), and sign-out at
 * the provider. Kept apart from web/src/auth.ts so the choices can be tested without a browser.
 */
import type { UserManagerSettings } from 'oidc-client-ts';
import type { OidcConfig } from './config.ts';

/**
 * Renewal starts this many seconds before the access token runs out. Small enough for tokens of
 * 20 s (the browser tests' lifetime), large enough for a token request on a slow network; a request
 * that still meets an expired token renews on the spot (web/src/auth.ts).
 */
export const RENEW_BEFORE_SECONDS = 10;

export const callbackPath = '/auth/callback';

export function userManagerSettings(
  oidc: OidcConfig,
  origin: string,
): Omit<UserManagerSettings, 'userStore' | 'stateStore'> {
  return {
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    ...(oidc.metadata ? { metadata: { ...oidc.metadata } } : {}),
    redirect_uri: `${origin}${callbackPath}`,
    // Cognito is told where to go in its own parameter (signOutArgs); a second one would only confuse it.
    ...(oidc.logoutRedirectParam ? {} : { post_logout_redirect_uri: `${origin}/` }),
    response_type: 'code',
    // The access token is for the API; the profile comes from the ID token and the API.
    loadUserInfo: false,
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: RENEW_BEFORE_SECONDS,
    silentRequestTimeoutInSeconds: 10,
    // Only the refresh token can be revoked (access tokens are self-contained JWTs).
    revokeTokenTypes: ['refresh_token'],
    revokeTokensOnSignout: false,
    monitorSession: false,
  };
}

/** What sign-out adds to the end-session request beyond the ID token hint. */
export function signOutArgs(
  oidc: OidcConfig,
  origin: string,
): { client_id?: string; extraQueryParams?: Record<string, string> } {
  if (oidc.logoutRedirectParam === 'logout_uri') {
    return { client_id: oidc.clientId, extraQueryParams: { logout_uri: `${origin}/` } };
  }
  return {};
}
