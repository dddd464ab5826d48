/**
 * The one Hono app. The Lambda entry and the local Node server both serve `createApp(deps)`;
 * integration tests call `app.request()` in-process against the real local stand-ins.
 * Every route is mounted from the contract in shared/contract.ts: guarded by its audience, its
 * request validated with its schemas, described in the OpenAPI document at /api/v1/openapi.json.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { API_PREFIX } from '#shared/api.ts';
import type { Deps } from './deps.ts';
import { createGuard } from './http/access.ts';
import type { AppEnv } from './http/context.ts';
import { MAX_BODY_BYTES, onError, problem, requestContext } from './http/middleware.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { mount } from './http/routes.ts';
import { adminRoutes } from './routes/admin.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { inboundRoutes } from './routes/inbound.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { meRoutes } from './routes/me.ts';
import { noteRoutes } from './routes/notes.ts';
import { clarificationRoutes, orderRoutes } from './routes/orders.ts';
import { peopleRoutes } from './routes/people.ts';
import { qualityRoutes, surveyLinkRoutes } from './routes/quality.ts';
import { setupRoutes } from './routes/setup.ts';
import { transferRoutes } from './routes/transfer.ts';

export { MAX_BODY_BYTES };

export function createApp(deps: Deps) {
  const limiter = new RateLimiter(deps.config.writeLimit.burst, deps.config.writeLimit.perSecond);
  const guard = createGuard(deps, limiter);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problem(c, 'payload_too_large', { maxKb: MAX_BODY_BYTES / 1024 }),
  });
  // Reads carry no body to limit. Asking for one (the middleware's first step) makes the local Node
  // server build a full fetch Request from the socket's request, a fifth of a millisecond of each read.
  const api = new Hono<AppEnv>().use((c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  const on = mount(api, guard);
  on('GET /health', () => ({ ok: true }));
  on('GET /openapi.json', async (c) => {
    // The same for every caller and every request of a deployment; written on the first request for it.
    c.header('cache-control', 'public, max-age=300');
    return (await import('./http/openapi.ts')).openApiDocument();
  });
  clarificationRoutes(deps, on);
  surveyLinkRoutes(deps, on);
  meRoutes(deps, on);
  catalogRoutes(deps, on);
  orderRoutes(deps, on);
  qualityRoutes(deps, on);
  adminRoutes(deps, on);
  peopleRoutes(deps, on);
  integrationRoutes(deps, on);
  inboundRoutes(deps, on);
  noteRoutes(deps, on);
  transferRoutes(deps, on);
  setupRoutes(deps, on);

  const app = new Hono<AppEnv>();
  app.use(`${API_PREFIX}/*`, requestContext(deps));
  app.route(API_PREFIX, api);
  app.notFound((c) => problem(c, 'route_not_found', { method: c.req.method, path: c.req.path }));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
