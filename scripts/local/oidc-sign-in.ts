/**
 * Signs a person in at the local OpenID provider the way a browser does — authorization request with
 * PKCE, the provider's sign-in page, the redirect back with a code, the token request — for tests and
 * benchmarks that call the API without a browser.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export interface CodeFlowTarget {
  issuer: string;
  clientId: string;
  redirectUri: string;
}

/** Cookies of one user agent, per the provider's Set-Cookie headers (the provider is one origin). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export async function signInWithCodeFlow(target: CodeFlowTarget, accountId: string): Promise<Tokens> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('base64url');
  const jar = new CookieJar();
  const authorize = new URL('/auth', target.issuer);
  authorize.search = new URLSearchParams({
    client_id: target.clientId,
    redirect_uri: target.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();

  let next: string = authorize.toString();
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    if (next.startsWith(target.redirectUri)) {
      const back = new URL(next);
      const error = back.searchParams.get('error');
      if (error) throw new Error(`Sign-in refused: ${error} ${back.searchParams.get('error_description') ?? ''}`);
      if (back.searchParams.get('state') !== state) throw new Error('Sign-in came back with another state.');
      const code = back.searchParams.get('code');
      if (!code) throw new Error('Sign-in came back without a code.');
      return exchangeCode(target, code, verifier);
    }
    const res = await fetch(next, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header() } });
    jar.take(res);
    init = {};
    const location = res.headers.get('location');
    if (location) {
      await res.arrayBuffer();
      next = new URL(location, next).toString();
      continue;
    }
    const html = await res.text();
    const form = html.match(/action="([^"]*\/login)"/);
    if (!form?.[1] || res.status !== 200)
      throw new Error(`Unexpected sign-in page (${res.status}): ${html.slice(0, 200)}`);
    next = new URL(form[1], next).toString();
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account: accountId }).toString(),
    };
  }
  throw new Error('Too many redirects while signing in.');
}

async function exchangeCode(target: CodeFlowTarget, code: string, verifier: string): Promise<Tokens> {
  const res = await fetch(new URL('/token', target.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: target.redirectUri,
      client_id: target.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`Token request refused: ${JSON.stringify(body)}`);
  return {
    accessToken: String(body.access_token),
    idToken: String(body.id_token),
    ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
    expiresIn: Number(body.expires_in),
  };
}

/** The refresh-token grant, as the portal's renewal does it. */
export async function refreshTokens(target: CodeFlowTarget, refreshToken: string): Promise<Tokens> {
  const res = await fetch(new URL('/token', target.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: target.clientId,
    }).toString(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`Refresh refused: ${JSON.stringify(body)}`);
  return {
    accessToken: String(body.access_token),
    idToken: String(body.id_token),
    ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
    expiresIn: Number(body.expires_in),
  };
}
