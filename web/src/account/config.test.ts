import { describe, expect, it } from 'vitest';
import { signOutArgs, userManagerSettings } from './auth-settings.ts';
import { parseConfig } from './config.ts';

const cognitoMetadata = {
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
  authorization_endpoint: 'https://ordo.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
  token_endpoint: 'https://ordo.auth.eu-west-1.amazoncognito.com/oauth2/token',
  revocation_endpoint: 'https://ordo.auth.eu-west-1.amazoncognito.com/oauth2/revoke',
  userinfo_endpoint: 'https://ordo.auth.eu-west-1.amazoncognito.com/oauth2/userInfo',
  end_session_endpoint: 'https://ordo.auth.eu-west-1.amazoncognito.com/logout',
  jwks_uri: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json',
};

describe('parseConfig', () => {
  it('reads the local file: same-origin API, the provider by discovery', () => {
    expect(
      parseConfig({
        oidc: { authority: 'http://127.0.0.1:3001', clientId: 'ordo-portal', scope: 'openid email profile' },
      }),
    ).toEqual({ oidc: { authority: 'http://127.0.0.1:3001', clientId: 'ordo-portal', scope: 'openid email profile' } });
  });

  it('reads the deployed file: the API elsewhere, Cognito by its endpoints and its own logout parameter', () => {
    const config = parseConfig({
      apiUrl: 'https://api.example.com/',
      oidc: {
        authority: cognitoMetadata.issuer,
        clientId: 'abc123',
        scope: 'openid email profile',
        metadata: cognitoMetadata,
        logoutRedirectParam: 'logout_uri',
      },
    });
    expect(config.apiUrl).toBe('https://api.example.com');
    expect(config.oidc?.metadata).toEqual(cognitoMetadata);
    expect(config.oidc?.logoutRedirectParam).toBe('logout_uri');
  });

  it('leaves out what it cannot trust rather than half of it', () => {
    expect(parseConfig(null)).toEqual({});
    expect(parseConfig({ apiUrl: 'javascript:alert(1)', oidc: { authority: 'not a url', clientId: 'x' } })).toEqual({});
    expect(parseConfig({ oidc: { authority: 'https://idp.example', clientId: '  ' } })).toEqual({});
    // Metadata without a token endpoint cannot finish a sign-in: discovery is used instead.
    const partial = parseConfig({
      oidc: { authority: 'https://idp.example', clientId: 'c', metadata: { issuer: 'https://idp.example' } },
    });
    expect(partial.oidc).toEqual({ authority: 'https://idp.example', clientId: 'c', scope: 'openid email profile' });
    expect(
      parseConfig({ oidc: { authority: 'https://idp.example', clientId: 'c', logoutRedirectParam: 'other' } }).oidc,
    ).not.toHaveProperty('logoutRedirectParam');
  });
});

describe('sign-in settings', () => {
  const origin = 'https://portal.example';

  it('use the code flow with PKCE, the callback and sign-out pages of this origin, and renewal by refresh token', () => {
    const settings = userManagerSettings(
      { authority: 'http://127.0.0.1:3001', clientId: 'ordo-portal', scope: 'openid email profile' },
      origin,
    );
    expect(settings).toMatchObject({
      authority: 'http://127.0.0.1:3001',
      client_id: 'ordo-portal',
      response_type: 'code',
      redirect_uri: 'https://portal.example/auth/callback',
      post_logout_redirect_uri: 'https://portal.example/',
      loadUserInfo: false,
      automaticSilentRenew: true,
      revokeTokenTypes: ['refresh_token'],
    });
    expect(settings).not.toHaveProperty('disablePKCE');
    expect(settings).not.toHaveProperty('silent_redirect_uri');
    expect(settings).not.toHaveProperty('metadata');
    expect(signOutArgs({ authority: 'x', clientId: 'ordo-portal', scope: 's' }, origin)).toEqual({});
  });

  it('renew early enough for a 20-second test token, and not in a loop', () => {
    const { accessTokenExpiringNotificationTimeInSeconds: before } = userManagerSettings(
      { authority: 'x', clientId: 'c', scope: 's' },
      origin,
    );
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(20);
  });

  it('with Cognito: given endpoints (no discovery) and /logout told client_id and logout_uri', () => {
    const oidc = {
      authority: cognitoMetadata.issuer,
      clientId: 'abc123',
      scope: 'openid email profile',
      metadata: cognitoMetadata,
      logoutRedirectParam: 'logout_uri' as const,
    };
    const settings = userManagerSettings(oidc, origin);
    expect(settings.metadata).toEqual(cognitoMetadata);
    expect(settings).not.toHaveProperty('post_logout_redirect_uri');
    expect(signOutArgs(oidc, origin)).toEqual({
      client_id: 'abc123',
      extraQueryParams: { logout_uri: 'https://portal.example/' },
    });
  });
});
