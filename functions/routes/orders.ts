/**
 * Orders: file, list mine, view, change status, tick deliverables, comment; and a department's queue.
 */
import { Hono } from 'hono';
import {
  commentBody,
  createOrderBody,
  departmentCodeParam,
  orderNumberParam,
  pageQuery,
  tickDeliverableBody,
  transitionBody,
} from '#shared/api.ts';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody, parse, query } from '../http/validate.ts';

export function orderRoutes(deps: Deps) {
  const flow = deps.orderWorkflow;
  const number = (raw: string) => parse(orderNumberParam, raw, 'order number');
  return new Hono<AppEnv>()
    .post('/orders', async (c) => {
      const body = await jsonBody(c, createOrderBody);
      return c.json(await flow.create(c.get('user'), body), 201);
    })
    .get('/orders/mine', async (c) => {
      const { cursor, limit } = query(c, pageQuery);
      return c.json(await flow.mine(c.get('user'), cursor, limit));
    })
    .get('/orders/:number', async (c) => c.json(await flow.view(c.get('user'), number(c.req.param('number')))))
    .post('/orders/:number/transitions', async (c) => {
      const body = await jsonBody(c, transitionBody);
      return c.json(await flow.transition(c.get('user'), number(c.req.param('number')), body));
    })
    .post('/orders/:number/deliverables/:deliverableId', async (c) => {
      const body = await jsonBody(c, tickDeliverableBody);
      const id = c.req.param('deliverableId').slice(0, 100);
      return c.json(await flow.tickDeliverable(c.get('user'), number(c.req.param('number')), id, body));
    })
    .post('/orders/:number/comments', async (c) => {
      const body = await jsonBody(c, commentBody);
      return c.json(await flow.comment(c.get('user'), number(c.req.param('number')), body));
    })
    .get('/departments/:code/queue', async (c) => {
      const code = parse(departmentCodeParam, c.req.param('code'), 'department code');
      const { cursor, limit } = query(c, pageQuery);
      return c.json(await flow.queue(c.get('user'), code, cursor, limit));
    });
}
