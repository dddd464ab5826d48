/**
 * What the portal learns at run time from `/config.json`: where the API is and how to sign in. The
 * deploy writes the file next to index.html (Cognito's endpoints); the local server answers it with
 * the local OpenID provider. One build serves every stage.
 */

/** The provider's endpoints, given when discovery must not be fetched (Cognito's domain has none for the pool). */
export interface OidcEndpoints {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  userinfo_endpoint?: string;
  end_session_endpoint?: string;
  jwks_uri?: string;
}

export interface OidcConfig {
  authority: string;
  clientId: string;
  scope: string;
  metadata?: OidcEndpoints;
  /** Cognito's /logout takes `client_id` and `logout_uri` instead of `post_logout_redirect_uri`. */
  logoutRedirectParam?: 'logout_uri';
}

export interface PortalConfig {
  /** The API's base URL without a trailing slash; absent = this origin. */
  apiUrl?: string;
  oidc?: OidcConfig;
}

const DEFAULT_SCOPE = 'openid email profile';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute http(s) URL, as written; anything else is refused. */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

const ENDPOINTS = [
  'issuer',
  'authorization_endpoint',
  'token_endpoint',
  'revocation_endpoint',
  'userinfo_endpoint',
  'end_session_endpoint',
  'jwks_uri',
] as const;

function parseEndpoints(raw: unknown): OidcEndpoints | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Record<string, string> = {};
  for (const name of ENDPOINTS) {
    const url = httpUrl(raw[name]);
    if (url) out[name] = url;
  }
  // Without these three no sign-in can start or finish: better no metadata (discovery) than half of it.
  if (!out.issuer || !out.authorization_endpoint || !out.token_endpoint) return undefined;
  return out as unknown as OidcEndpoints;
}

function parseOidc(raw: unknown): OidcConfig | undefined {
  if (!isRecord(raw)) return undefined;
  const authority = httpUrl(raw.authority);
  const clientId = typeof raw.clientId === 'string' && raw.clientId.trim() ? raw.clientId.trim() : undefined;
  if (!authority || !clientId) return undefined;
  const oidc: OidcConfig = {
    authority,
    clientId,
    scope: typeof raw.scope === 'string' && raw.scope.trim() ? raw.scope.trim() : DEFAULT_SCOPE,
  };
  const metadata = parseEndpoints(raw.metadata);
  if (metadata) oidc.metadata = metadata;
  if (raw.logoutRedirectParam === 'logout_uri') oidc.logoutRedirectParam = 'logout_uri';
  return oidc;
}

/** Reads the file's JSON; parts that are missing or malformed are left out rather than trusted. */
export function parseConfig(raw: unknown): PortalConfig {
  if (!isRecord(raw)) return {};
  const config: PortalConfig = {};
  const apiUrl = httpUrl(raw.apiUrl);
  if (apiUrl) config.apiUrl = apiUrl.replace(/\/+$/, '');
  const oidc = parseOidc(raw.oidc);
  if (oidc) config.oidc = oidc;
  return config;
}

export async function fetchConfig(): Promise<PortalConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return {};
    return parseConfig(await res.json());
  } catch {
    // No file (or no network): same-origin API, and sign-in says it is not set up.
    return {};
  }
}
