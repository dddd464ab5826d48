/**
 * DynamoDB requests per API operation, on warm caches (each operation is done once on other data
 * first, the way a warm Lambda or the local server runs). Counted twice: by the product's own
 * CallCounter (deps.db.calls, an SDK middleware) and by the benchmark probe, which must agree.
 */
import type { OrderSummary, OrderView, Page } from '../shared/api.ts';
import { appFor, type Caller, CERTIFICATE, callerFor, expectOk, reportPeriod } from './api.ts';
import type { BenchContext } from './context.ts';
import { freshEnv } from './env.ts';
import { describeCalls, measure, totalCalls } from './probe.ts';
import { type Row, type Section, table, verdict } from './results.ts';

const LIMIT = 3;

interface Counted {
  operation: string;
  route: string;
  total: number;
  commands: string;
  itemsRead: number;
  target: boolean;
}

export async function runCalls(ctx: BenchContext): Promise<Section> {
  const { deps } = await freshEnv(ctx.dynamo.endpoint, ctx.ses.endpoint);
  const app = appFor(deps);
  const anna = await callerFor(app, deps, 'anna');
  const hana = await callerFor(app, deps, 'hana');
  const henry = await callerFor(app, deps, 'henry');

  const file = async () => expectOk('create order', await anna.json<OrderView>('POST', '/orders', CERTIFICATE));
  // A few orders so every list has something on its page.
  const filed: OrderView[] = [];
  for (let i = 0; i < 6; i++) filed.push(await file());

  const counted: Counted[] = [];
  /** Runs `warm` (untimed, uncounted) and then counts `run`. */
  const count = async (
    operation: string,
    route: string,
    target: boolean,
    warm: () => Promise<unknown>,
    run: () => Promise<unknown>,
  ) => {
    await warm();
    deps.db.calls.reset();
    const { tally } = await measure(run);
    const product = deps.db.calls.total();
    if (product !== totalCalls(tally)) {
      throw new Error(`${operation}: the product counter saw ${product} requests, the probe ${totalCalls(tally)}.`);
    }
    counted.push({
      operation,
      route,
      total: product,
      commands: describeCalls(tally),
      itemsRead: tally.itemsRead,
      target,
    });
  };

  /** A step on an order at its current version, as `who`; throws unless it succeeded. */
  const step = async (what: string, who: Caller, order: OrderView, path: string, body: object) =>
    expectOk(
      what,
      await who.json<OrderView>('POST', `/orders/${order.order.number}/${path}`, {
        ...body,
        version: order.order.version,
      }),
    );
  const claim = (who: Caller, order: OrderView) => step('claim', who, order, 'transitions', { action: 'claim' });
  const tick = (who: Caller, order: OrderView) =>
    step('tick deliverable', who, order, 'deliverables/scan', { done: true });
  const resolve = (who: Caller, order: OrderView) =>
    step('resolve', who, order, 'transitions', { action: 'resolve', comment: 'Done.' });

  /** Counts a transition by Hana on `run`, after the same on `warm`. */
  const countTransition = (operation: string, act: typeof claim, warm: OrderView, run: OrderView) =>
    count(
      operation,
      'POST /orders/:n/transitions',
      true,
      () => act(hana, warm),
      () => act(hana, run),
    );

  await count('create order', 'POST /orders', true, file, file);
  await countTransition('transition (claim)', claim, filed[0]!, filed[1]!);
  const ticked = [await tick(hana, await claim(hana, filed[2]!)), await tick(hana, await claim(hana, filed[3]!))];
  await countTransition('transition (resolve, with survey invitation)', resolve, ticked[0]!, ticked[1]!);
  const queue = () => hana.json<Page<OrderSummary>>('GET', '/departments/HR/queue?limit=50');
  await count('list queue page (50)', 'GET /departments/:code/queue', true, queue, async () =>
    expectOk('queue', await queue()),
  );
  const mine = () => anna.json<Page<OrderSummary>>('GET', '/orders/mine?limit=50');
  await count('my orders page (50)', 'GET /orders/mine', true, mine, async () => expectOk('my orders', await mine()));
  await count(
    'order view',
    'GET /orders/:n',
    true,
    async () => expectOk('view', await anna.json('GET', `/orders/${filed[4]!.order.number}`)),
    async () => expectOk('view', await anna.json('GET', `/orders/${filed[5]!.order.number}`)),
  );
  const { from, to } = reportPeriod(deps.now());
  const report = () => henry.json('GET', `/departments/HR/report?from=${from}&to=${to}`);
  await count('report 90 days', 'GET /departments/:code/report', true, report, async () =>
    expectOk('report', await report()),
  );

  const rows: Row[] = counted
    .filter((c) => c.target)
    .map((c) => ({
      figure: `DynamoDB requests: ${c.operation}`,
      target: `≤ ${LIMIT}`,
      measured: `${c.total} (${c.commands})`,
      verdict: verdict(c.total <= LIMIT),
    }));
  const unmet = counted
    .filter((c) => c.target && c.total > LIMIT)
    .map((c) => `${c.operation}: ${c.total} requests (${c.commands}).`);
  return {
    id: 'calls',
    title: 'DynamoDB requests per API operation',
    rows,
    unmet,
    details: [
      'Each operation goes through the whole Hono app in-process (`app.request`: request context, guard with a ' +
        'development token, validation, workflow, JSON) against DynamoDB Local. Caches are warm: the same ' +
        'operation ran once on other data first (profiles and departments are cached 30 s, the current service 5 s for filing, service versions ' +
        'forever, as in a warm Lambda). The product counter (`deps.db.calls`) and the benchmark probe both count ' +
        'every request and must agree.',
      table(
        ['operation', 'route', 'requests', 'by command', 'items read'],
        counted.map((c) => [c.operation, c.route, String(c.total), c.commands, String(c.itemsRead)]),
      ),
    ],
  };
}
