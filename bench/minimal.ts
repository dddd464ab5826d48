/**
 * The yardstick for the throughput benchmark: a minimal Hono app that makes the same DynamoDB calls
 * as Ordo's create-order and list-queue routes, directly, with none of Ordo's layers (no request
 * context or logging, no authentication, no validation, no workflow, no clocks, no presentation).
 *
 * - POST /api/v1/orders: GetItem of the service (kept for CURRENT_SERVICE_CACHE_MS, as Ordo keeps it),
 *   UpdateItem of the department's order sequence, then one TransactWriteItems with the same items
 *   Ordo writes (captured from a real order filed through the workflow; only the order number is
 *   swapped in).
 * - GET /api/v1/departments/:code/queue: one Query on the queueByDue index, Limit 50, asking for the
 *   same row attributes as Ordo (ROW_ATTRIBUTES).
 */

import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { ROW_ATTRIBUTES } from '../functions/repositories/orders.ts';
import { CURRENT_SERVICE_CACHE_MS } from '../functions/repositories/services.ts';
import type { Db } from '../functions/storage/client.ts';

export interface CapturedCreate {
  /** The order number inside the captured items. */
  number: string;
  department: string;
  transactItems: unknown[];
}

export function createMinimalApp(db: Db, captured: CapturedCreate) {
  const template = JSON.stringify(captured.transactItems);
  const numberPattern = new RegExp(`${captured.number.replace(/[-]/g, '\\-')}(?!\\d)`, 'g');
  const services = new Map<string, { item: Record<string, unknown>; until: number }>();
  return new Hono()
    .post('/api/v1/orders', async (c) => {
      const body = (await c.req.json()) as { serviceId: string };
      const kept = services.get(body.serviceId);
      let service = kept && kept.until > Date.now() ? kept.item : undefined;
      if (!service) {
        ({ Item: service } = await db.doc.send(
          new GetCommand({ TableName: db.tableName, Key: { pk: `SVC#${body.serviceId}`, sk: 'CURRENT' } }),
        ));
        if (service) services.set(body.serviceId, { item: service, until: Date.now() + CURRENT_SERVICE_CACHE_MS });
      }
      if (!service) return c.json({ error: 'no such service' }, 404);
      const out = await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: { pk: `DEPT#${service.department as string}`, sk: 'ORDER_SEQUENCE' },
          UpdateExpression: 'SET #next = if_not_exists(#next, :start) + :one',
          ExpressionAttributeNames: { '#next': 'next' },
          ExpressionAttributeValues: { ':start': 1000, ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const number = `${service.department as string}-${out.Attributes?.next as number}`;
      const items = JSON.parse(template.replace(numberPattern, number)) as ConstructorParameters<
        typeof TransactWriteCommand
      >[0]['TransactItems'];
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      const order = (items?.[0]?.Put?.Item ?? {}) as Record<string, unknown>;
      return c.json({ order }, 201);
    })
    .get('/api/v1/departments/:code/queue', async (c) => {
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'queueByDue',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': `QUEUE#${c.req.param('code')}` },
          ProjectionExpression: ROW_ATTRIBUTES.map((_, i) => `#r${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(ROW_ATTRIBUTES.map((name, i) => [`#r${i}`, name])),
          Limit: 50,
        }),
      );
      return c.json({ items: out.Items ?? [] });
    });
}

export function serveMinimal(
  app: ReturnType<typeof createMinimalApp>,
  port: number,
): Promise<{ close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
      resolve({ close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
    server.once('error', reject);
  });
}
