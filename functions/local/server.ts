/**
 * The local Node server: the same Hono app as in Lambda under /api, and the built portal for
 * everything else (with single-page-app fallback), on one URL. It sends the security headers
 * CloudFront adds in AWS (infra/web.ts), with `connect-src` naming the local origins instead.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { createApp } from '../app.ts';
import type { Deps } from '../deps.ts';
import { problem } from '../http/middleware.ts';
import { mountApiDocs } from './api-docs.ts';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

export interface LocalAppOptions {
  /**
   * Origins the portal may fetch from besides its own (the local OpenID provider, say). The S3
   * stand-in of `deps.config.s3Endpoint` is always added.
   */
  connectSrc?: readonly string[];
  /** Served as `/config.json`, as the deploy writes it next to the portal in AWS (sign-in settings). */
  runtimeConfig?: unknown;
  /**
   * Called after each API request that may have written (any method but GET, HEAD and OPTIONS): in
   * AWS the outbox's stream starts the mail worker; here the stack hands the mail to its poller.
   */
  afterWrite?: () => void;
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The portal's Content-Security-Policy on the local server: the directives of CloudFront's
 * (`contentSecurityPolicy` in infra/web.ts) with the local origins. The API is this origin ('self').
 * `upgrade-insecure-requests` is left out: the local stack speaks plain HTTP, and upgrading its
 * requests to HTTPS would break them.
 */
export function localContentSecurityPolicy(origins: readonly string[]): string {
  const extra = [...new Set(origins)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Solid renders static style attributes from its templates; style injection is the lesser risk.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${extra}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${extra}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers of CloudFront's response-headers policy (infra/web.ts), less HSTS, which HTTP cannot carry. */
export function securityHeaders(origins: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': localContentSecurityPolicy(origins),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

function withSecurityHeaders(headers: Record<string, string>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    // A 413 is answered before the body is read, and the unread rest of it cannot stay on the
    // connection: say the connection closes, so the client sends its next request on a new one.
    if (c.res.status === 413) c.res.headers.set('Connection', 'close');
  };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createLocalApp(deps: Deps, staticDir: string | undefined, opts: LocalAppOptions = {}) {
  const origins = [...(opts.connectSrc ?? []), ...(deps.config.s3Endpoint ? [deps.config.s3Endpoint] : [])]
    .map(originOf)
    .filter((o): o is string => o !== undefined);
  const root = new Hono();
  root.use('*', withSecurityHeaders(securityHeaders(origins)));
  const afterWrite = opts.afterWrite;
  if (afterWrite) {
    root.use('/api/*', async (c, next) => {
      await next();
      if (!READ_METHODS.has(c.req.method)) afterWrite();
    });
  }
  root.route('/', createApp(deps));
  mountApiDocs(root);
  root.all('/api/*', (c) => problem(c, 'route_not_found', { method: c.req.method, path: c.req.path }));
  const runtimeConfig = opts.runtimeConfig;
  if (runtimeConfig !== undefined) {
    root.get('/config.json', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(runtimeConfig as object);
    });
  }
  if (staticDir && existsSync(staticDir)) {
    // serveStatic resolves `root` against the working directory.
    const dir = relative(process.cwd(), staticDir) || '.';
    // Vite's content-hashed files are kept for a year, as the deploy stores them (infra/web.ts); the
    // page itself carries no such header, so a new build shows on the next load.
    root.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    root.use('/*', serveStatic({ root: dir }));
    root.get('*', serveStatic({ root: dir, path: 'index.html' }));
  }
  return root;
}

export function startLocalServer(
  opts: {
    deps: Deps;
    port: number;
    host?: string;
    staticDir?: string;
  } & LocalAppOptions,
): Promise<LocalServer> {
  const host = opts.host ?? '127.0.0.1';
  const app = createLocalApp(opts.deps, opts.staticDir, {
    ...(opts.connectSrc ? { connectSrc: opts.connectSrc } : {}),
    ...(opts.runtimeConfig !== undefined ? { runtimeConfig: opts.runtimeConfig } : {}),
    ...(opts.afterWrite ? { afterWrite: opts.afterWrite } : {}),
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: host }, (info) => {
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
