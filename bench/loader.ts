/**
 * Fast bulk loading for the large runs, through the product's key design but not through the API.
 *
 * Choice: a handful of real orders are filed (and some claimed) through OrderWorkflow, their stored
 * items (order + timeline) are read back raw, and each clone copies those items with a new number and
 * requester and all its instants moved by the same offset. The storage keys of every clone are then
 * rebuilt with the product's key builders (functions/storage/keys.ts) and `nextTimer`
 * (shared/order-clocks.ts), by the same rules as `orderItem` in functions/repositories/orders.ts
 * (which is not exported): requester index always, queue index only for active statuses, SLA timer
 * index only while a timer is pending. So every clone has exactly the attribute shapes the product
 * writes, and a valid clock state.
 *
 * Report counters (STATS#<dept>, shared/stats.ts) are generated directly: one row per day and service
 * and one per day and agent, with counters in proportion to the orders of that day.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../functions/deps.ts';
import { formAnswers } from '../functions/local/history.ts';
import { keys } from '../functions/storage/keys.ts';
import { ACTIVE_STATUSES } from '../shared/lifecycle.ts';
import type { Answers, Order, OrderStatus, Service, User } from '../shared/model.ts';
import { nextTimer } from '../shared/order-clocks.ts';
import { bucketOf, counterName, RESOLVE_BUCKETS } from '../shared/stats.ts';
import { watch } from './probe.ts';

export type Item = Record<string, unknown>;

export interface Template {
  department: string;
  serviceId: string;
  status: OrderStatus;
  order: Item;
  events: Item[];
  /** Whether the order has a pending SLA timer (so it can be made due). */
  timed: boolean;
}

/** Answers that pass a service's form: the first option, a fixed date and number, fixed text. */
export function answersFor(service: Service): Answers {
  return formAnswers(service, {
    option: () => 0,
    date: '2030-01-15',
    number: () => 50,
    text: () => 'Benchmark request',
  });
}

/** Services cloned for the large runs, with their department's share of the orders. */
export const TEMPLATE_SERVICES: Array<{ id: string; weight: number; claim: boolean }> = [
  { id: 'hr-certificate', weight: 14, claim: false },
  { id: 'hr-certificate', weight: 10, claim: true },
  { id: 'hr-onboarding', weight: 8, claim: false },
  { id: 'hr-new-joiner', weight: 8, claim: true },
  { id: 'it-access', weight: 12, claim: false },
  { id: 'it-licence', weight: 10, claim: true },
  { id: 'it-laptop', weight: 8, claim: false },
  { id: 'fin-expenses', weight: 8, claim: false },
  { id: 'fin-supplier', weight: 7, claim: true },
  { id: 'fac-repair', weight: 15, claim: false },
];

/** Draws a template by its service's weight (the templates are in TEMPLATE_SERVICES' order); one `rnd()` a draw. */
export function templateDraw(templates: Template[], rnd: () => number): () => Template {
  const weights = TEMPLATE_SERVICES.map((s) => s.weight);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  return () => {
    let r = rnd() * weightSum;
    for (let i = 0; i < templates.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return templates[i]!;
    }
    return templates[templates.length - 1]!;
  };
}

/** The k-th of the synthetic employees who file cloned orders. */
export const employee = (k: number): CloneSpec['requester'] => ({
  id: `emp-${k}`,
  name: `Employee ${k}`,
  email: `emp-${k}@example.com`,
});

/** Anna's share of the cloned orders; the others are spread over 1,000 synthetic employees. */
const ANNA_SHARE = 0.05;
const EMPLOYEES = 1000;

/** Who files a cloned order: `anna` (her share) or one of the synthetic employees; two `rnd()` either way. */
export function requesterDraw(rnd: () => number, anna: CloneSpec['requester']) {
  const isAnna = rnd() < ANNA_SHARE;
  const k = Math.floor(rnd() * EMPLOYEES);
  return { isAnna, requester: isAnna ? anna : employee(k) };
}

const AGENT_OF: Record<string, string> = { HR: 'hana', IT: 'ivan', FIN: 'fiona', FAC: 'felix' };

/** Files one real order per template service through the workflow (claimed where asked) and reads its items back. */
export async function makeTemplates(deps: Deps): Promise<Template[]> {
  const anna = (await deps.users.get('anna')) as User;
  const templates: Template[] = [];
  for (const spec of TEMPLATE_SERVICES) {
    const service = await deps.services.get(spec.id);
    if (!service) throw new Error(`The demo service ${spec.id} is missing.`);
    const view = await deps.orderWorkflow.create(anna, { serviceId: service.id, answers: answersFor(service) });
    let number = view.order.number;
    if (spec.claim && ['open'].includes(view.order.status)) {
      const agent = (await deps.users.get(AGENT_OF[service.department]!)) as User;
      const claimed = await deps.orderWorkflow.transition(agent, number, {
        action: 'claim',
        version: view.order.version,
      } as never);
      number = claimed.order.number;
    }
    const { order, events } = await rawOrder(deps, number);
    templates.push({
      department: service.department,
      serviceId: service.id,
      status: order.status as OrderStatus,
      order,
      events,
      timed: typeof order.gsi3sk === 'string',
    });
  }
  return templates;
}

/** The stored items of an order's partition: the order and its timeline events. */
export async function rawOrder(deps: Deps, number: string): Promise<{ order: Item; events: Item[] }> {
  const out = await deps.db.doc.send(
    new QueryCommand({
      TableName: deps.db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ORDER#${number}` },
    }),
  );
  const items = out.Items ?? [];
  const order = items.find((i) => i.sk === 'ORDER');
  if (!order) throw new Error(`Order ${number} not found.`);
  return { order, events: items.filter((i) => String(i.sk).startsWith('EVENT#')) };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A deep copy with every ISO instant moved by `offsetMs` (dates without a time, e.g. answers, stay). */
export function shiftInstants<T>(value: T, offsetMs: number): T {
  if (typeof value === 'string') {
    return (ISO_INSTANT.test(value) ? new Date(Date.parse(value) + offsetMs).toISOString() : value) as T;
  }
  if (Array.isArray(value)) return value.map((v) => shiftInstants(v, offsetMs)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shiftInstants(v, offsetMs);
    return out as T;
  }
  return value;
}

const STORAGE_KEYS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];

function withoutKeys(item: Item): Item {
  const out: Item = { ...item };
  for (const key of STORAGE_KEYS) delete out[key];
  return out;
}

export interface CloneSpec {
  number: string;
  requester: { id: string; name: string; email: string };
  offsetMs: number;
}

/** The items of one cloned order, keyed exactly as the product keys them. */
export function cloneOrder(template: Template, spec: CloneSpec): Item[] {
  const order = shiftInstants(withoutKeys(template.order), spec.offsetMs) as Item & Order;
  order.number = spec.number;
  order.requesterId = spec.requester.id;
  order.requesterName = spec.requester.name;
  order.requesterEmail = spec.requester.email;
  order.filedById = spec.requester.id;
  const timer = nextTimer(order);
  const orderItem: Item = {
    ...(timer ? keys.slaTimer(timer, order.number) : {}),
    ...keys.order(order.number),
    ...keys.ordersOfRequester(order.requesterId, order.createdAt, order.number),
    ...(ACTIVE_STATUSES.has(order.status) ? keys.queueEntry(order.department, order.nextDueAt, order.number) : {}),
    ...order,
  };
  const events = template.events.map((event) => {
    const shifted = shiftInstants(withoutKeys(event), spec.offsetMs) as Item;
    shifted.orderNumber = spec.number;
    if (shifted.actorId === template.order.requesterId) shifted.actorId = spec.requester.id;
    // The event key carries the order version that wrote it and its index: keep them.
    const [, version, index] = String(event.sk).split('#');
    return { ...keys.timelineEvent(spec.number, Number(version), Number(index)), ...shifted };
  });
  return [orderItem, ...events];
}

/** Report counter rows of one department for `days` days ending `lastDay`, `perDay` orders a day. */
export function statsRows(opts: {
  department: string;
  services: string[];
  agents: string[];
  lastDay: Date;
  days: number;
  perDay: number;
  rnd: () => number;
}): Item[] {
  const rows: Item[] = [];
  for (let d = 0; d < opts.days; d++) {
    const day = new Date(opts.lastDay.getTime() - d * 86_400_000).toISOString().slice(0, 10);
    const perService = opts.perDay / opts.services.length;
    for (const service of opts.services) {
      const created = Math.max(1, Math.round(perService * (0.5 + opts.rnd())));
      const resolved = Math.max(0, Math.round(created * (0.7 + 0.3 * opts.rnd())));
      const breached = Math.round(resolved * 0.1 * opts.rnd());
      const minutes = 60 + Math.round(opts.rnd() * 2400);
      const counters: Record<string, number> = {
        created,
        [counterName('ver', '1')]: created,
        resolved,
        frMet: resolved - breached,
        frBreached: breached,
        resMet: resolved - breached,
        resBreached: breached,
        [`h${bucketOf(minutes)}`]: resolved,
        resolveBiz: resolved * minutes,
        resolveCal: resolved * minutes * 2,
        resolvePaused: resolved * 30,
        rejected: Math.round(created * 0.05),
        [counterName('rej', 'duplicate')]: Math.round(created * 0.05),
        clarifications: Math.round(created * 0.2),
        [`${counterName('stage', 'in_progress')}_min`]: resolved * minutes,
        [`${counterName('stage', 'in_progress')}_n`]: resolved,
        invited: resolved,
        responses: Math.round(resolved * 0.4),
        score5: Math.round(resolved * 0.3),
        score4: Math.round(resolved * 0.1),
      };
      if (breached > 0) counters[counterName('breach', 'in_progress')] = breached;
      rows.push(statsRow(opts.department, day, 'service', service, counters));
    }
    for (const agent of opts.agents) {
      const resolved = Math.max(1, Math.round((opts.perDay / opts.agents.length) * 0.8));
      rows.push(
        statsRow(opts.department, day, 'agent', agent, {
          resolved,
          frMet: resolved,
          resMet: resolved,
          [`h${Math.min(RESOLVE_BUCKETS.length, 5)}`]: resolved,
          resolveBiz: resolved * 300,
        }),
      );
    }
  }
  return rows;
}

function statsRow(
  department: string,
  day: string,
  kind: 'service' | 'agent',
  key: string,
  counters: Record<string, number>,
): Item {
  return { ...keys.statsRow(department, day, kind, key), kind, key, day, type: 'stats', ...counters };
}

/** Writes items with BatchWriteItem (25 per request), `concurrency` requests in flight, retrying unprocessed items. */
export class BulkWriter {
  readonly doc: DynamoDBDocumentClient;
  private readonly client: DynamoDBClient;
  written = 0;

  constructor(
    endpoint: string,
    private readonly tableName: string,
    private readonly concurrency = 4,
  ) {
    this.client = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 5,
    });
    watch(this.client);
    this.doc = DynamoDBDocumentClient.from(this.client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** Writes everything `source` yields; returns items written. */
  async write(source: Iterable<Item>): Promise<number> {
    const iterator = source[Symbol.iterator]();
    let done = false;
    const nextBatch = (): Item[] => {
      const batch: Item[] = [];
      while (!done && batch.length < 25) {
        const next = iterator.next();
        if (next.done) done = true;
        else batch.push(next.value);
      }
      return batch;
    };
    let count = 0;
    const worker = async () => {
      for (;;) {
        const batch = nextBatch();
        if (batch.length === 0) return;
        await this.writeBatch(batch);
        count += batch.length;
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    this.written += count;
    return count;
  }

  private async writeBatch(items: Item[]): Promise<void> {
    let requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string] = items.map(
      (Item) => ({ PutRequest: { Item } }),
    );
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 10) throw new Error('BatchWriteItem kept returning unprocessed items.');
      const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
      requests = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
