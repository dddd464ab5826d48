/**
 * Items stored before a person's export and erasure found them by key, against DynamoDB Local: mail in
 * records stored as they were then (listed in their department only), mail about her order and its
 * webhook events without their order's listing (one event delivered). The export misses them; the
 * backfill lists them (a dry run only counts, a run stopped after a page goes on from its position);
 * the export then finds her mail, the erasure removes her words from all of them (nowhere in the
 * table after it), and a second run lists nothing.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InboundRecord, InboundRepository } from '#functions/repositories/inbound.ts';
import { PrivacyRepository } from '#functions/repositories/privacy.ts';
import { UnlistedItems } from '#functions/repositories/unlisted.ts';
import { keys } from '#functions/storage/keys.ts';
import {
  backfillPrivacyKeys,
  type PrivacyKeysBackfillOptions,
  type PrivacyKeysBackfillResult,
} from '#functions/workflows/backfill-privacy-keys.ts';
import type { OrderView, Problem } from '#shared/api.ts';
import type { Order } from '#shared/model.ts';
import type { ErasureAnswer, ExportAnswer } from '#shared/privacy.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let ada: Caller;
let anna: Caller;
let hana: Caller;
let henry: Caller;
let inbound: InboundRepository;
/** Anna's own word: in her order's title, her mail's subjects and the webhook events' payloads. */
const MARK = `qx${randomBytes(6).toString('hex')}`;
const ANNA_MAIL = 'anna.kowalska@example.com';

beforeAll(async () => {
  h = await createHarness({ env: { WEBHOOKS_ALLOW_LOCAL: 'true' } });
  inbound = new InboundRepository(h.deps.db);
  [ada, anna, hana, henry] = (await Promise.all(['ada', 'anna', 'hana', 'henry'].map((id) => h.as(id)))) as [
    Caller,
    Caller,
    Caller,
    Caller,
  ];
});
afterAll(async () => {
  await h?.close();
});

const privacy = () => new PrivacyRepository(h.deps.db, h.deps.orders);

const backfill = (options: PrivacyKeysBackfillOptions = {}): Promise<PrivacyKeysBackfillResult> =>
  backfillPrivacyKeys(
    { unlisted: new UnlistedItems(h.deps.db), outbox: h.deps.outbox, inbound, webhooks: h.deps.webhooks },
    { pageSize: 40, ...options },
  );

/** A mail in record as a finished one was stored before the sender and order listings: in its department's list only. */
async function legacyRecord(record: InboundRecord): Promise<void> {
  await h.deps.db.doc.send(
    new PutCommand({
      TableName: h.deps.db.tableName,
      Item: {
        ...keys.inboundMessage(record.id),
        ...keys.inboundListed(record.department, record.receivedAt, record.id),
        type: 'inbound',
        ...record,
      },
    }),
  );
}

async function stored(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const out = await h.deps.db.doc.send(
    new GetCommand({ TableName: h.deps.db.tableName, Key: key, ConsistentRead: true }),
  );
  return out.Item;
}

async function tableText(): Promise<string> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    // The test's own look at everything stored.
    const out = await h.deps.db.doc.send(
      new ScanCommand({ TableName: h.deps.db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items);
}

describe('privacy listings backfilled for items stored before them', () => {
  let order: Order;
  let eventIds: string[];
  let mailIds: string[];
  const ids = { own: 'legacy-own', lost: 'legacy-lost', other: 'legacy-other' };
  const recordKeys = Object.values(ids).map((id) => keys.inboundMessage(id));
  const everyKey = () => [
    ...recordKeys,
    ...eventIds.map((id) => keys.outboxMessage(id)),
    ...mailIds.map((id) => keys.outboxMessage(id)),
  ];
  const snapshot = async () => Promise.all(everyKey().map(stored));
  const exported = async () => {
    const out = await ada.json<ExportAnswer>('POST', '/api/v1/users/anna/export');
    expect(out.status).toBe(200);
    return {
      inbound: (out.body.archive?.inboundMails ?? []).map((m) => m.id).sort(),
      mails: (out.body.archive?.mails ?? []).map((m) => m.id).sort(),
    };
  };

  it('stores mail, mail in and webhook events as they were stored before the listings', async () => {
    const hook = await henry.json('POST', '/api/v1/departments/HR/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['order.filed', 'order.status_changed'],
    });
    expect(hook.status).toBe(201);
    const service = await henry.json<{ version: number }>('POST', '/api/v1/services', {
      id: 'hr-legacy',
      department: 'HR',
      name: 'Contract hr-legacy',
      summary: 'A contract change.',
      description: '',
      tags: [],
      ownerId: 'henry',
      audience: [],
      form: [{ id: 'fullName', kind: 'text', label: 'Full name', required: true, privacy: 'personal' }],
      inputs: [],
      deliverables: [],
      stages: [{ id: 'work', name: 'Work' }],
      approval: { kind: 'none' },
      standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: true },
      survey: { enabled: false, question: 'How did we do?' },
      reportTo: [],
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const published = await henry.json('POST', '/api/v1/services/hr-legacy/publish', {
      version: service.body.version,
    });
    expect(published.status).toBe(200);
    const filed = await anna.json<OrderView & Problem>('POST', '/api/v1/orders', {
      serviceId: 'hr-legacy',
      answers: { fullName: `Anna Kowalska ${MARK}` },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    order = filed.body.order;
    expect(order.title).toContain(MARK);
    const claimed = await hana.json('POST', `/api/v1/orders/${order.number}/transitions`, {
      version: order.version,
      action: 'claim',
    });
    expect(claimed.status).toBe(200);

    // The mail about it (to her and the team) without its order's listing.
    mailIds = (await privacy().mailsOf(order.number)).map((m) => m.mail.id).sort();
    expect(mailIds.length).toBeGreaterThan(0);
    for (const id of mailIds) {
      await h.deps.db.doc.send(
        new UpdateCommand({
          TableName: h.deps.db.tableName,
          Key: keys.outboxMessage(id),
          UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
        }),
      );
    }
    expect(await privacy().mailsOf(order.number)).toEqual([]);

    // Its webhook events without their order's listing; the first delivered (then in no list at all).
    const events = await h.deps.webhooks.ofOrder(order.number);
    expect(events.length).toBe(2);
    expect(events.every((e) => e.payload.includes(MARK))).toBe(true);
    eventIds = events.map((e) => e.id);
    for (const id of eventIds) {
      await h.deps.db.doc.send(
        new UpdateCommand({
          TableName: h.deps.db.tableName,
          Key: keys.outboxMessage(id),
          UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
        }),
      );
    }
    await h.deps.webhooks.markSent(eventIds[0] as string, '2026-03-02T09:05:00Z');
    expect(await h.deps.webhooks.ofOrder(order.number)).toEqual([]);

    // Her reply about her order (recognised), her mail to an address no department has (known by
    // her address only), and someone else's reply about her order quoting its title.
    const base = { rawKey: 'inbound/legacy', status: 'done' as const, attempts: 1, to: ['x@in.ordo.localhost'] };
    await legacyRecord({
      ...base,
      id: ids.own,
      receivedAt: '2026-03-02T10:00:00Z',
      outcome: 'commented',
      from: ANNA_MAIL,
      personId: 'anna',
      department: 'HR',
      orderNumber: order.number,
      subject: `Re: ${order.number} ${MARK}`,
    });
    await legacyRecord({
      ...base,
      id: ids.lost,
      receivedAt: '2026-03-02T10:01:00Z',
      outcome: 'refused_unknown_address',
      from: ANNA_MAIL,
      subject: `Lost ${MARK}`,
      answered: false,
    });
    await legacyRecord({
      ...base,
      id: ids.other,
      receivedAt: '2026-03-02T10:02:00Z',
      outcome: 'refused_not_participant',
      from: 'someone@elsewhere.example',
      department: 'HR',
      orderNumber: order.number,
      subject: `Re: ${order.title}`,
      answered: false,
    });
    expect(await inbound.fromSender('anna', ANNA_MAIL)).toEqual([]);
    expect(await inbound.aboutOrder(order.number)).toEqual([]);
    // Her export misses the mail she sent and the mail to her about her order.
    expect(await exported()).toEqual({ inbound: [], mails: [] });
  });

  it('a dry run counts what it would list and writes nothing', async () => {
    const before = await tableText();
    const result = await backfill({ dryRun: true });
    expect(result).toMatchObject({
      mails: mailIds.length,
      senderListings: 3,
      orderListings: 2,
      webhookEvents: 2,
    });
    // The whole table read, page by page.
    expect(result.pages).toBeGreaterThan(1);
    expect(result.scanned).toBeGreaterThan(result.pages * 20);
    expect(await tableText()).toEqual(before);
  });

  it('lists them, going on from where a stopped run left off', async () => {
    let stoppedAt: (PrivacyKeysBackfillResult & { next?: string }) | undefined;
    await expect(
      backfill({
        progress: (p) => {
          stoppedAt = p;
          throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    expect(stoppedAt?.pages).toBe(1);
    expect(stoppedAt?.next).toBeTruthy();
    const rest = await backfill({ from: stoppedAt?.next as string });
    expect({
      mails: (stoppedAt?.mails ?? 0) + rest.mails,
      senderListings: (stoppedAt?.senderListings ?? 0) + rest.senderListings,
      orderListings: (stoppedAt?.orderListings ?? 0) + rest.orderListings,
      webhookEvents: (stoppedAt?.webhookEvents ?? 0) + rest.webhookEvents,
    }).toEqual({ mails: mailIds.length, senderListings: 3, orderListings: 2, webhookEvents: 2 });
    expect((await privacy().mailsOf(order.number)).map((m) => m.mail.id).sort()).toEqual(mailIds);

    expect((await inbound.fromSender('anna', ANNA_MAIL)).map((r) => r.id)).toEqual([ids.own, ids.lost]);
    expect((await inbound.aboutOrder(order.number)).map((r) => r.id).sort()).toEqual([ids.other, ids.own].sort());
    expect((await h.deps.webhooks.ofOrder(order.number)).map((e) => e.id).sort()).toEqual([...eventIds].sort());
    // Listed as a record written now is: under her id when recognised, else her address.
    expect(await stored(keys.inboundMessage(ids.own))).toMatchObject({
      ...keys.inboundOfSender({ personId: 'anna' }, '2026-03-02T10:00:00Z', ids.own),
      ...keys.inboundAboutOrder(order.number, '2026-03-02T10:00:00Z', ids.own),
    });
    expect(await stored(keys.inboundMessage(ids.lost))).toMatchObject(
      keys.inboundOfSender({ email: ANNA_MAIL }, '2026-03-02T10:01:00Z', ids.lost),
    );
    expect(await stored(keys.inboundMessage(ids.other))).toMatchObject({
      ...keys.inboundOfSender({ email: 'someone@elsewhere.example' }, '2026-03-02T10:02:00Z', ids.other),
      ...keys.inboundAboutOrder(order.number, '2026-03-02T10:02:00Z', ids.other),
    });
  });

  it('a second run lists nothing and changes nothing', async () => {
    const before = await tableText();
    expect(await backfill()).toMatchObject({
      mails: 0,
      senderListings: 0,
      orderListings: 0,
      webhookEvents: 0,
    });
    expect(await tableText()).toEqual(before);
  });

  it('her export finds the mail she sent, and her erasure removes her words from all of it', async () => {
    const found = await exported();
    expect(found.inbound).toEqual([ids.lost, ids.own].sort());
    expect(found.mails.length).toBeGreaterThan(0);
    expect(mailIds).toEqual(expect.arrayContaining(found.mails));

    const erased = await ada.json<ErasureAnswer>('POST', '/api/v1/users/anna/erase', { confirm: true });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    // Her reply and the other reply about her order, her lost mail; both events of her order.
    // All the mail about her order goes.
    expect(erased.body).toMatchObject({ orders: 1, mails: mailIds.length, inboundMails: 3, webhookEvents: 2 });
    const [own, lost, other, ...outbox] = (await snapshot()) as Array<Record<string, unknown>>;
    const events = outbox.slice(0, eventIds.length);
    expect(outbox.slice(eventIds.length)).toEqual(mailIds.map(() => undefined));
    expect(own).not.toHaveProperty('subject');
    expect(own).not.toHaveProperty('from');
    expect(lost).not.toHaveProperty('subject');
    expect(lost).not.toHaveProperty('from');
    // The other sender's address is theirs; the subject quoting her order's title goes.
    expect(other).toMatchObject({ from: 'someone@elsewhere.example' });
    expect(other).not.toHaveProperty('subject');
    expect(events.map((e) => (JSON.parse(String(e.payload)) as { data: { title: string } }).data.title)).toEqual([
      'Contract hr-legacy',
      'Contract hr-legacy',
    ]);
    expect(await tableText()).not.toContain(MARK);
  });
});
