/**
 * The least an api function can be, for the cold-start benchmark (bench/bundles.ts), not deployed: the
 * configuration, observability, table client and token check of functions/lambda/api.ts, and a Hono app
 * with two routes (the health check and a read of one order). Built with the deployed options, its cold
 * start is the floor under any split of the api into functions by route.
 */
import { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { OidcAuthenticator } from '../functions/auth/authenticator.ts';
import { loadApiConfig } from '../functions/config.ts';
import { lambdaObservability } from '../functions/observability/lambda.ts';
import { OrderRepository } from '../functions/repositories/orders.ts';
import { createDb } from '../functions/storage/client.ts';

const config = await loadApiConfig();
const observed = lambdaObservability(config);
const orders = new OrderRepository(
  createDb({ tableName: config.tableName, region: config.region, instrument: observed.instrument }),
);
const authenticator = new OidcAuthenticator(config.auth);
const app = new Hono()
  .get('/api/v1/health', (c) => c.json({ ok: true }))
  .get('/api/v1/orders/:number', async (c) => {
    await authenticator.verify(c.req.header('authorization')?.replace(/^Bearer /, '') ?? '');
    return c.json((await orders.get(c.req.param('number'))) ?? null);
  });
const api = handle(app);

export const handler = observed.handler((event: LambdaEvent, context?: LambdaContext) => api(event, context));
