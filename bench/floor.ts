/**
 * How fast one order can be read at all on this machine, layer by layer: DynamoDB Local's own answer
 * (the SDK's GetItem of the order item, the Query of its partition that a read makes, a transaction of
 * three puts as a create writes), Ordo's read of one order in process (the Hono app: token check,
 * profile, the Query, the order and its timeline as JSON), the same over HTTP on the local server, and
 * an HTTP request that reads nothing (`/health`). Set against the peer comparison's target: ten times
 * Request Tracker's read of one ticket.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalServer } from '../functions/local/server.ts';
import { keys } from '../functions/storage/keys.ts';
import { freePort } from '../scripts/local/ports.ts';
import type { OrderView } from '../shared/api.ts';
import { appFor, CERTIFICATE, callerFor, expectOk, tokenFor } from './api.ts';
import type { BenchContext } from './context.ts';
import { freshEnv, ms, quantile } from './env.ts';
import { type Section, table } from './results.ts';

/** Request Tracker's read of one ticket at 1,000 open items, p50, from the peer section (2026-12-05, 2755c9c). */
const RT_READ_P50_MS = 40;

interface Layer {
  what: string;
  how: string;
  samples: number[];
}

/** Each layer's time per round; the layers take turns in every round, so drift hits them alike. */
async function interleaved(
  rounds: number,
  warmUp: number,
  layers: Array<{ what: string; how: string; run: () => Promise<unknown> }>,
): Promise<Layer[]> {
  const measured = layers.map((layer) => ({ what: layer.what, how: layer.how, samples: [] as number[] }));
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const [i, layer] of layers.entries()) {
      const started = performance.now();
      await layer.run();
      if (round >= warmUp) measured[i]!.samples.push(performance.now() - started);
    }
  }
  return measured;
}

export async function runFloor(ctx: BenchContext): Promise<Section> {
  const rounds = ctx.quick ? 100 : 400;
  const warmUp = 30;
  const { deps, tableName } = await freshEnv(ctx.dynamo.endpoint, ctx.ses.endpoint);
  const app = appFor(deps);
  const anna = await callerFor(app, deps, 'anna');
  const filed = expectOk('filing an order', await anna.json<OrderView>('POST', '/orders', CERTIFICATE));
  const number = filed.order.number;
  const token = await tokenFor(deps, 'anna');
  // The document client as Ordo uses it (its call counter and tracer on).
  const client = deps.db.doc;
  const key = keys.order(number);
  const port = await freePort();
  const server = await startLocalServer({ deps, port });
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };
  let spare = 0;
  try {
    const layers = await interleaved(rounds, warmUp, [
      {
        what: 'DynamoDB Local: GetItem of the order item (AWS SDK document client)',
        how: 'the emulator and the SDK alone',
        run: () => client.send(new GetCommand({ TableName: tableName, Key: key })),
      },
      {
        what: 'DynamoDB Local: Query of the order’s partition (document client)',
        how: 'the one request a read of an order makes',
        run: () =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': key.pk },
            }),
          ),
      },
      {
        what: 'DynamoDB Local: TransactWriteItems of three puts (document client)',
        how: 'the shape of the transaction a create writes',
        run: () => {
          spare++;
          return client.send(
            new TransactWriteCommand({
              TransactItems: [0, 1, 2].map((i) => ({
                Put: { TableName: tableName, Item: { pk: `FLOOR#${spare}`, sk: `ITEM#${i}`, n: i } },
              })),
            }),
          );
        },
      },
      {
        what: 'Ordo: read one order in process (`app.request`)',
        how: 'the route stack without the socket: token check, profile, the Query, the order and timeline as JSON',
        run: async () => {
          const res = await app.request(`/api/v1/orders/${number}`, { headers });
          if (res.status !== 200) throw new Error(`reading ${number} answered ${res.status}`);
          await res.arrayBuffer();
        },
      },
      {
        what: 'Ordo: read one order over HTTP (local server, keep-alive)',
        how: 'what the peer comparison measures, from a client in the same process',
        run: async () => {
          const res = await fetch(`${base}/api/v1/orders/${number}`, { headers });
          if (res.status !== 200) throw new Error(`reading ${number} over HTTP answered ${res.status}`);
          await res.arrayBuffer();
        },
      },
      {
        what: 'HTTP request that reads nothing (`GET /api/v1/health`)',
        how: 'the socket, Node’s HTTP server and Hono alone',
        run: async () => {
          const res = await fetch(`${base}/api/v1/health`);
          await res.arrayBuffer();
        },
      },
    ]);
    const p = (layer: Layer, q: number) => quantile(layer.samples, q);
    const overHttp = layers[4]!;
    const target = RT_READ_P50_MS / 10;
    return {
      id: 'floor',
      title: 'How fast one order can be read here: the layers',
      rows: [
        ...layers.map((layer) => ({
          figure: `floor: ${layer.what}`,
          target: 'report',
          measured: `p50 ${ms(p(layer, 0.5), 2)}, p95 ${ms(p(layer, 0.95), 2)}`,
          verdict: 'report' as const,
        })),
      ],
      unmet: [],
      details: [
        `${rounds} rounds after ${warmUp} of warm-up, each round every layer once in turn, one request at a time, from the benchmark ` +
          'process on the run’s DynamoDB Local (the product’s table and indexes, the demo catalog, one filed ' +
          'order). Ten times Request Tracker’s read of one ticket (p50 ' +
          `${RT_READ_P50_MS} ms at 1,000 open items, the peer section) is ${ms(target, 1)}; Ordo’s read over HTTP ` +
          `takes ${ms(p(overHttp, 0.5), 2)} here, of which the emulator’s Query alone is ` +
          `${ms(p(layers[1]!, 0.5), 2)} and an HTTP request that reads nothing ${ms(p(layers[5]!, 0.5), 2)}. ` +
          'DynamoDB in AWS answers a Query in single-digit milliseconds over the network; here the emulator ' +
          '(a JVM over SQLite) and the client share the machine’s two cores.',
        table(
          ['layer', 'what it is', 'p50', 'p95', 'p99'],
          layers.map((layer) => [
            layer.what,
            layer.how,
            ms(p(layer, 0.5), 2),
            ms(p(layer, 0.95), 2),
            ms(p(layer, 0.99), 2),
          ]),
        ),
      ],
    };
  } finally {
    await server.close();
  }
}
