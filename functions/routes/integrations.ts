/**
 * Integrations: what a service account's API token may call (filing and reading its department's
 * orders), the head's API tokens, and the head's webhook subscriptions with their delivery log.
 * Routes and their schemas are in shared/integration-routes.ts (part of the contract).
 */
import type { Context } from 'hono';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/context.ts';
import type { On } from '../http/routes.ts';
import { idempotencyKey } from '../http/validate.ts';
import type { TokenCaller } from '../workflows/integrations/tokens.ts';

/** The token and its service account, which the guard put on the request. */
function callerOf(c: Context<AppEnv>): TokenCaller {
  return { account: c.get('user'), token: c.get('apiToken') };
}

export function integrationRoutes(deps: Deps, on: On): void {
  const tokens = deps.tokenWorkflow;
  const hooks = deps.webhookWorkflow;

  on('POST /integration/orders', async (c, { body }) => {
    const { replayed, ...view } = await tokens.file(callerOf(c), body, idempotencyKey(c));
    if (!replayed) deps.metrics.count('OrdersFiled', 1, { department: view.order.department });
    return c.json(view, replayed ? 200 : 201);
  });
  on('GET /integration/orders', (c, { query }) => tokens.openOrders(callerOf(c), query.cursor, query.limit));
  on('GET /integration/orders/:number', (c, { params }) => tokens.view(callerOf(c), params.number));

  on('GET /departments/:code/api-tokens', (_c, { params }) => tokens.list(params.code));
  on('POST /departments/:code/api-tokens', (c, { params, body }) => tokens.create(c.get('user'), params.code, body));
  on('POST /departments/:code/api-tokens/:id/revoke', (c, { params }) =>
    tokens.revoke(c.get('user'), params.code, params.id),
  );

  on('GET /departments/:code/webhooks', (_c, { params }) => hooks.list(params.code));
  on('POST /departments/:code/webhooks', (c, { params, body }) => hooks.subscribe(c.get('user'), params.code, body));
  on('PUT /departments/:code/webhooks/:id', (_c, { params, body }) =>
    hooks.setStatus(params.code, params.id, body.status),
  );
  on('DELETE /departments/:code/webhooks/:id', async (_c, { params }) => {
    await hooks.remove(params.code, params.id);
    return { ok: true as const };
  });
  on('GET /departments/:code/webhooks/:id/deliveries', (_c, { params }) => hooks.deliveries(params.code, params.id));
  on('POST /departments/:code/webhooks/:id/test', (_c, { params }) => hooks.sendTest(params.code, params.id));
}
