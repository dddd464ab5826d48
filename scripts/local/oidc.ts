/**
 * The local OpenID provider: `oidc-provider` (the certified Node implementation) playing the part
 * Cognito plays in AWS. The portal signs in against it with the same authorization-code flow with
 * PKCE, and the API verifies its tokens the same way (signature against the JWKS, issuer, client id,
 * expiry, token use). Its sign-in page is where a newcomer picks a demo person.
 *
 * Tokens look like Cognito's where Ordo reads them: the JWKS is served at
 * `/.well-known/jwks.json`, access tokens carry `token_use: "access"`, `client_id` and
 * `cognito:groups`, ID tokens carry `custom:department`, `custom:location`, `custom:job_title` and
 * `locale`. Nothing here is used in AWS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
// The provider's own in-memory store, chosen on purpose: sessions and grants of the local stand-in
// need not outlive it (people sign in again after a restart). Passing it explicitly says so.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import type { User } from '../../shared/model.ts';
import { assertPortFree } from './ports.ts';

/** A person the local provider can sign in, with what Cognito would know about them. */
export interface LocalAccount {
  id: string;
  name: string;
  email: string;
  /** Identity-provider groups (`admin` makes an administrator). */
  groups?: string[];
  department?: string;
  location?: string;
  jobTitle?: string;
  /** Preferred language, e.g. "pl". */
  locale?: string;
  /** What the person does, in words, shown on the sign-in page ("Head of HR"). */
  summary?: string;
}

export interface OidcProviderOptions {
  port: number;
  /** Who can sign in. Read at each sign-in, so a test can add people. */
  accounts: () => readonly LocalAccount[];
  /** The portal's origin; the client's callback is `<portal>/auth/callback`, its sign-out target `<portal>/`. */
  portalUrls: string[];
  clientId?: string;
  /** Seconds; the portal renews before they run out. Defaults: access and ID 10 min, refresh 8 h. */
  ttl?: { accessToken?: number; idToken?: number; refreshToken?: number };
  /** Tests: sign in ids that are not in `accounts` as made-up people (`<id>@example.com`). */
  acceptUnknownAccounts?: boolean;
  /** Environment variable that chooses the port, named in the "port in use" error. */
  portEnvVar?: string;
  /** A private RS256 JWK to sign with (tests that craft their own tokens); default: a fresh key. */
  signingKey?: JWK;
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  /** Redirect URI registered for the portal (the first portal URL). */
  redirectUri: string;
  stop(): Promise<void>;
}

export const LOCAL_CLIENT_ID = 'ordo-portal';

/** A demo person as the company's identity provider would know them; their roles in words for the picker. */
export function accountOf(user: User): LocalAccount {
  const roles = Object.entries(user.memberships).map(
    ([code, role]) => `${role === 'head' ? 'Head' : 'Agent'} of ${code}`,
  );
  if (user.admin) roles.unshift('Administrator');
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    ...(user.admin ? { groups: ['admin'] } : {}),
    ...(user.department ? { department: user.department } : {}),
    ...(user.location ? { location: user.location } : {}),
    ...(user.jobRole ? { jobTitle: user.jobRole } : {}),
    ...(user.language ? { locale: user.language } : {}),
    summary: roles.length
      ? roles.join(', ')
      : `Employee${user.department ? `, ${user.department}` : ''}${user.jobRole ? ` (${user.jobRole})` : ''}`,
  };
}
/** The API as a resource: access tokens are JWTs for it (as Cognito's are for the pool). */
const API_RESOURCE = 'urn:ordo:api';
const SCOPE = 'openid email profile';

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function madeUp(id: string): LocalAccount {
  return { id, name: id, email: `${id}@example.com` };
}

export async function startOidcProvider(opts: OidcProviderOptions): Promise<RunningOidcProvider> {
  await assertPortFree(opts.port, 'OpenID provider', opts.portEnvVar ?? 'ORDO_OIDC_PORT');
  const issuer = `http://127.0.0.1:${opts.port}`;
  const clientId = opts.clientId ?? LOCAL_CLIENT_ID;
  const lookup = (id: string): LocalAccount | undefined =>
    opts.accounts().find((a) => a.id === id) ??
    (opts.acceptUnknownAccounts && /^[\w.@-]{1,64}$/.test(id) ? madeUp(id) : undefined);

  // A fresh signing key per start: tokens from a previous run stop verifying, as after a key rotation.
  const jwk = opts.signingKey ?? (await newSigningKey());
  const ttl = { accessToken: 600, idToken: 600, refreshToken: 8 * 3600, ...opts.ttl };

  const configuration: Configuration = {
    adapter: createMemoryAdapter() as unknown as Configuration['adapter'],
    clients: [
      {
        client_id: clientId,
        client_name: 'Ordo portal',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: opts.portalUrls.map((u) => `${u.replace(/\/+$/, '')}/auth/callback`),
        post_logout_redirect_uris: opts.portalUrls.map((u) => `${u.replace(/\/+$/, '')}/`),
      },
    ],
    jwks: { keys: [jwk] },
    routes: { jwks: '/.well-known/jwks.json' },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'locale', 'custom:department', 'custom:location', 'custom:job_title', 'cognito:groups'],
    },
    async findAccount(_ctx, id): Promise<Account | undefined> {
      const account = lookup(id);
      if (!account) return undefined;
      return {
        accountId: account.id,
        async claims() {
          return {
            sub: account.id,
            name: account.name,
            email: account.email,
            email_verified: true,
            ...(account.locale ? { locale: account.locale } : {}),
            ...(account.department ? { 'custom:department': account.department } : {}),
            ...(account.location ? { 'custom:location': account.location } : {}),
            ...(account.jobTitle ? { 'custom:job_title': account.jobTitle } : {}),
            ...(account.groups?.length ? { 'cognito:groups': account.groups } : {}),
          };
        },
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: SCOPE,
          audience: API_RESOURCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: ttl.accessToken,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // Like Cognito: the code flow always brings a refresh token, no `offline_access` scope needed.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Like Cognito: refresh tokens live their own lifetime, not the browser session's.
    expiresWithSession: async () => false,
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken') return undefined;
      const groups = token.accountId ? lookup(token.accountId)?.groups : undefined;
      return {
        token_use: 'access',
        client_id: token.clientId,
        ...(groups?.length ? { 'cognito:groups': groups } : {}),
      };
    },
    // The portal is a first-party client: consent is implied, as in Cognito's managed login.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      if (!oidc.session?.accountId || !oidc.client) return undefined;
      const existing = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (existing) {
        const grant = await oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(SCOPE);
      grant.addResourceScope(API_RESOURCE, SCOPE);
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: ttl.accessToken,
      IdToken: ttl.idToken,
      RefreshToken: ttl.refreshToken,
      AuthorizationCode: 60,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 24 * 3600,
    },
    cookies: { keys: [String(jwk.kid ?? 'ordo-local')] },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in problem',
        `<h1>Sign-in problem</h1><p>${html(String(out.error_description ?? out.error))}</p><p><a href="${html(opts.portalUrls[0] ?? '/')}">Back to Ordo</a></p>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const match = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!match) {
      callback(req, res);
      return;
    }
    handleInteraction(req, res, url, match[2] === '/login').catch((error: unknown) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Sign-in problem', `<h1>Sign-in problem</h1><p>${html((error as Error).message)}</p>`));
    });
  });

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, url: URL, login: boolean) {
    const details = await provider.interactionDetails(req, res);
    if (login && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const account = lookup(form.get('account') ?? '');
      if (!account) throw new Error('Choose one of the people listed.');
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.id } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (details.prompt.name === 'consent') {
      // Reached only when the grant above could not be loaded: grant what the portal asked for.
      const grant = new provider.Grant({ clientId, accountId: details.session?.accountId ?? '' });
      grant.addOIDCScope(SCOPE);
      grant.addResourceScope(API_RESOURCE, SCOPE);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(signInPage(details.uid, url.searchParams.get('q') ?? '', opts.accounts()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });

  return {
    issuer,
    clientId,
    redirectUri: `${(opts.portalUrls[0] ?? '').replace(/\/+$/, '')}/auth/callback`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A private RS256 signing key as a JWK, with a key id. */
export async function newSigningKey(): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `local-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error('The form is too large.'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const STYLE = `
  body{font:16px/1.45 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
  main{max-width:40rem;margin:2rem auto;padding:0 1rem}
  h1{font-size:1.5rem;margin:0 0 .25rem} p.lead{margin:0 0 1rem;color:#4a5160}
  form.search{display:flex;gap:.5rem;margin:0 0 1rem} form.search input{flex:1;font:inherit;padding:.5rem;border:1px solid #8a93a3;border-radius:6px}
  button{font:inherit;cursor:pointer;border-radius:6px}
  form.search button{padding:.5rem 1rem;border:1px solid #2452b8;background:#fff;color:#2452b8}
  ul{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
  li button{width:100%;text-align:left;padding:.6rem .8rem;border:1px solid #c9ced8;background:#fff;display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
  li button:hover,li button:focus-visible{border-color:#2452b8;outline:2px solid #2452b8}
  .who{font-weight:600} .what{color:#4a5160}
  @media (prefers-color-scheme:dark){body{background:#15181e;color:#e6e8ec} p.lead,.what{color:#b5bbc6}
    li button,form.search input,form.search button{background:#1f232b;color:#e6e8ec;border-color:#566072}}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** Demo-person picker: a search (works without script) and one button per person. */
function signInPage(uid: string, query: string, accounts: readonly LocalAccount[]): string {
  const q = query.trim().toLowerCase();
  const shown = accounts.filter(
    (a) => !q || [a.name, a.email, a.summary ?? '', a.department ?? ''].some((s) => s.toLowerCase().includes(q)),
  );
  const items = shown
    .map(
      (a) =>
        `<li><button type="submit" name="account" value="${html(a.id)}"><span class="who">${html(a.name)}</span><span class="what">${html(a.summary ?? a.email)}</span></button></li>`,
    )
    .join('');
  return page(
    'Sign in — Ordo local sign-in',
    `<h1>Sign in to Ordo</h1>
     <p class="lead">Local sign-in: choose who you want to be. In AWS this page is your company's sign-in.</p>
     <form class="search" method="get" action="/interaction/${html(uid)}" role="search">
       <label for="q" class="what">Find a person</label>
       <input id="q" name="q" type="search" value="${html(query)}" placeholder="Name, department or role">
       <button type="submit">Search</button>
     </form>
     <form method="post" action="/interaction/${html(uid)}/login">
       <ul aria-label="People">${items || '<li>No one matches. Clear the search to see everyone.</li>'}</ul>
     </form>`,
  );
}

async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  // Sign out at once, as Cognito's /logout does; the button is there when scripts are off.
  ctx.body = page(
    'Signing out — Ordo local sign-in',
    `<h1>Signing out…</h1>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
     <script>document.forms[0].insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.forms[0].submit();</script>`,
  );
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.body = page('Signed out — Ordo local sign-in', '<h1>You are signed out</h1>');
}
