/**
 * The one Hono app. The Lambda entry and the local Node server both serve `createApp(deps)`;
 * integration tests call `app.request()` in-process against the real local stand-ins.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { API_PREFIX } from '#shared/api.ts';
import type { Deps } from './deps.ts';
import type { AppEnv } from './http/context.ts';
import { errorBody, onError, requestContext, requireUser } from './http/middleware.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { meRoutes } from './routes/me.ts';
import { clarificationRoutes, orderRoutes } from './routes/orders.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export function createApp(deps: Deps) {
  const api = new Hono<AppEnv>()
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => c.json(errorBody('payload_too_large', 'The request is larger than 256 KB.'), 413),
      }),
    )
    .get('/health', (c) => c.json({ ok: true }));

  if (deps.devTokens) api.route('/auth', authRoutes(deps, deps.devTokens));
  api.route('/clarifications', clarificationRoutes(deps));

  const authenticated = new Hono<AppEnv>()
    .use(requireUser(deps))
    .route('/me', meRoutes(deps))
    .route('/', catalogRoutes(deps))
    .route('/', orderRoutes(deps));
  api.route('/', authenticated);

  const app = new Hono<AppEnv>();
  app.use(`${API_PREFIX}/*`, requestContext(deps));
  app.route(API_PREFIX, api);
  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
