/**
 * The local Node server: the same Hono app as in Lambda under /api, and the built portal for
 * everything else (with single-page-app fallback), on one URL.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from '../app.ts';
import type { Deps } from '../deps.ts';
import { errorBody } from '../http/middleware.ts';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

export function createLocalApp(deps: Deps, staticDir: string | undefined) {
  const root = new Hono();
  root.route('/', createApp(deps));
  root.all('/api/*', (c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404));
  if (staticDir && existsSync(staticDir)) {
    // serveStatic resolves `root` against the working directory.
    const dir = relative(process.cwd(), staticDir) || '.';
    root.use('/*', serveStatic({ root: dir }));
    root.get('*', serveStatic({ root: dir, path: 'index.html' }));
  }
  return root;
}

export function startLocalServer(opts: {
  deps: Deps;
  port: number;
  host?: string;
  staticDir?: string;
}): Promise<LocalServer> {
  const host = opts.host ?? '127.0.0.1';
  const app = createLocalApp(opts.deps, opts.staticDir);
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
