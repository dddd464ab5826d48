/**
 * A person's data on request and retention per service, against DynamoDB Local and the S3 stand-in:
 * the export holds every kind of item, erasure leaves figures and other people's data as they were
 * and the person's words nowhere (the whole table and bucket searched), retention anonymises exactly
 * the orders past their period, also run twice or late.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalMailIn } from '#functions/inbound/deps.ts';
import { inboundIdOf } from '#functions/inbound/mail-in.ts';
import type { ReplyAddresses } from '#functions/inbound/reply-address.ts';
import type { InboundRecord, InboundRepository } from '#functions/repositories/inbound.ts';
import type { OrderView, Problem, UploadTicket } from '#shared/api.ts';
import type { Order, Service } from '#shared/model.ts';
import type { ErasureAnswer, ExportAnswer, PersonExport } from '#shared/privacy.ts';
import type { SearchAnswer } from '#shared/search.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../scripts/local/smtp.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let now = new Date('2026-03-02T09:00:00Z');
const clock = () => new Date(now);
const days = (n: number) => {
  now = new Date(now.getTime() + n * 86_400_000);
};

let h: Harness;
let ada: Caller;
let anna: Caller;
let ben: Caller;
let carl: Caller;
let hana: Caller;
let henry: Caller;
// Mail in (the SMTP stand-in keeps raw messages in the same S3 stand-in bucket) and a webhook receiver.
let smtp: SmtpStandIn;
let transport: Transporter;
let inbound: InboundRepository;
let replies: ReplyAddresses;
let receiver: Server;
let receiverUrl = '';
const received: string[] = [];
const DOMAIN = 'in.ordo.localhost';
/** Anna's own word, in every kind of item she reaches: nowhere after her erasure. */
const MARK = `qx${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(body);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  h = await createHarness({
    attachments: true,
    now: clock,
    env: { WEBHOOKS_ALLOW_LOCAL: 'true', INBOUND_BUCKET: 'ordo-test' },
  });
  const local = await createLocalMailIn(h.deps, 'ordo-test');
  ({ inbound, replies } = local);
  smtp = await startSmtpStandIn({
    port: await freePort(),
    store: local.store,
    prefix: 'inbound/',
    receive: (delivery) => local.mailIn.receive(delivery),
    retryDelaysMs: [100, 100],
  });
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  [ada, anna, ben, carl, hana, henry] = (await Promise.all(
    ['ada', 'anna', 'ben', 'carl', 'hana', 'henry'].map((id) => h.as(id)),
  )) as [Caller, Caller, Caller, Caller, Caller, Caller];
});
afterAll(async () => {
  transport?.close();
  await smtp?.stop();
  await h?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** Anna sends through SMTP; answers the record once mail in is done with it. */
async function send(mail: SendMailOptions): Promise<InboundRecord> {
  const info = await transport.sendMail({ from: 'anna.kowalska@example.com', ...mail });
  const key = /Queued as (\S+)/.exec(String(info.response))?.[1];
  expect(key).toBeTruthy();
  await smtp.settled();
  const record = await inbound.get(inboundIdOf(key as string));
  expect(record).toBeDefined();
  return record as InboundRecord;
}

const form = [
  { id: 'fullName', kind: 'text', label: 'Full name', required: true, privacy: 'personal' },
  { id: 'salary', kind: 'number', label: 'Salary', required: false, privacy: 'sensitive' },
  { id: 'reason', kind: 'longText', label: 'Reason', required: true },
  { id: 'scan', kind: 'attachment', label: 'Scan', required: false },
];

async function service(id: string, retention: Service['retention'], fields: unknown[] = form) {
  const created = await henry.json<Service>('POST', '/api/v1/services', {
    id,
    department: 'HR',
    name: `Contract ${id}`,
    summary: 'A contract change.',
    description: '',
    tags: [],
    ownerId: 'henry',
    audience: [],
    form: fields,
    inputs: [],
    deliverables: [],
    stages: [{ id: 'work', name: 'Work' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: true },
    survey: { enabled: true, question: 'How did we do?' },
    reportTo: [],
    ...(retention ? { retention } : {}),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await henry.json('POST', `/api/v1/services/${id}/publish`, { version: created.body.version });
  expect(published.status).toBe(200);
}

async function upload(who: Caller, name: string, content: string): Promise<string> {
  const ticket = await who.json<UploadTicket>('POST', '/api/v1/attachments', {
    fileName: name,
    contentType: 'application/pdf',
    size: content.length,
  });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: content });
  expect(put.status).toBe(200);
  return ticket.body.key;
}

async function file(who: Caller, serviceId: string, answers: Record<string, unknown>): Promise<Order> {
  const filed = await who.json<OrderView & Problem>('POST', '/api/v1/orders', { serviceId, answers });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return filed.body.order;
}

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const view = await who.json<OrderView>('GET', `/api/v1/orders/${number}`);
  const out = await who.json<OrderView & Problem>('POST', `/api/v1/orders/${number}/transitions`, {
    version: view.body.order.version,
    ...body,
  });
  expect(out.status, JSON.stringify(out.body)).toBe(200);
  return out.body;
}

/** Worked, resolved and confirmed by the requester: closed now. */
async function close(requester: Caller, number: string, rating?: { score: number; comment: string }) {
  await act(hana, number, { action: 'claim' });
  await act(hana, number, { action: 'resolve' });
  if (rating) {
    const rated = await requester.json('POST', `/api/v1/orders/${number}/survey`, rating);
    expect(rated.status).toBe(200);
  }
  await act(requester, number, { action: 'confirm' });
}

async function comment(who: Caller, number: string, text: string, visibility = 'public') {
  const out = await who.json('POST', `/api/v1/orders/${number}/comments`, { text, visibility });
  expect(out.status).toBe(200);
}

async function tableText(): Promise<string> {
  return JSON.stringify(await tableItems());
}

async function tableItems(): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    // A test's own look at everything stored (never done on a request path).
    const out = await h.deps.db.doc.send(
      new ScanCommand({ TableName: h.deps.db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

async function bucketText(): Promise<string> {
  const store = h.deps.attachments;
  if (!store) throw new Error('no bucket');
  const parts: string[] = [];
  for (const key of await store.list('')) {
    parts.push(key, await (await fetch(await store.downloadUrl(key))).text());
  }
  return parts.join('\n');
}

const order = (number: string) => h.deps.orders.getWithTimeline(number);

describe('a person’s data on request', () => {
  let annaOrder: Order;
  let benOrder: Order;
  let mailOrder: string;
  let scanKey: string;

  it('marks fields personal and sensitive; watchers never see a sensitive answer', async () => {
    // The department's systems hear of every order: its webhook events carry the order's title.
    const hook = await henry.json('POST', '/api/v1/departments/HR/webhooks', {
      url: receiverUrl,
      events: ['order.filed', 'order.status_changed', 'order.resolved', 'order.rated'],
    });
    expect(hook.status).toBe(201);
    await service('hr-privacy', { amount: 10, unit: 'years' });
    const refused = await henry.json<Problem>('PUT', '/api/v1/services/hr-privacy', {});
    expect(refused.status).toBe(400);

    scanKey = await upload(anna, `zebrafinch-${MARK}.pdf`, `PDF Zebrafinch ${MARK} signed contract`);
    annaOrder = await file(anna, 'hr-privacy', {
      fullName: `Anna Kowalska ${MARK}`,
      salary: 9100,
      reason: 'Zebrafinch moving to part time',
      scan: scanKey,
    });
    expect(annaOrder.title).toContain(MARK);
    const watched = await anna.json('POST', `/api/v1/orders/${annaOrder.number}/watchers`, { add: ['carl'] });
    expect(watched.status).toBe(200);
    const asWatcher = await carl.json<OrderView>('GET', `/api/v1/orders/${annaOrder.number}`);
    expect(asWatcher.body.order.answers).not.toHaveProperty('salary');
    expect(asWatcher.body.order.answers).toHaveProperty('reason');
    expect((await anna.json<OrderView>('GET', `/api/v1/orders/${annaOrder.number}`)).body.order.answers).toHaveProperty(
      'salary',
      9100,
    );
    expect((await hana.json<OrderView>('GET', `/api/v1/orders/${annaOrder.number}`)).body.order.answers).toHaveProperty(
      'salary',
      9100,
    );
    // The sensitive answer is in no mail.
    await h.deliverMail();
    expect(JSON.stringify(await h.mailbox())).not.toContain('9100');

    await comment(anna, annaOrder.number, `Zebrafinch ${MARK}: please hurry`);
    await comment(carl, annaOrder.number, 'Quokka says hello');
    await comment(hana, annaOrder.number, 'Checked the file', 'internal');
    await close(anna, annaOrder.number, { score: 2, comment: `Zebrafinch ${MARK} waited too long` });

    // Ben's order, which Anna follows and comments on, in the portal and by mail.
    benOrder = await file(ben, 'hr-privacy', { fullName: 'Ben Carter', reason: 'Wombat hours' });
    await ben.json('POST', `/api/v1/orders/${benOrder.number}/watchers`, { add: ['anna'] });
    await comment(anna, benOrder.number, `Zebrafinch ${MARK} agrees with Ben`);
    await comment(ben, benOrder.number, 'Wombat thanks');
    const reply = await send({
      to: replies.address(benOrder.number),
      subject: `Re: ${benOrder.number} ${MARK}`,
      text: `By mail: ${MARK} agrees too.`,
      attachments: [
        { filename: `${MARK}-notes.pdf`, content: Buffer.from(`PDF ${MARK}`), contentType: 'application/pdf' },
      ],
    });
    expect(reply).toMatchObject({ outcome: 'commented', orderNumber: benOrder.number, personId: 'anna' });

    // An order filed by mail, in a service whose fields are personal.
    await service('hr-mail', undefined, [
      { id: 'topic', kind: 'text', label: 'Topic', required: true, privacy: 'personal' },
      { id: 'details', kind: 'longText', label: 'Details', required: true, privacy: 'personal' },
    ]);
    expect(await inbound.setIntake({ department: 'HR', localPart: 'hr', serviceId: 'hr-mail' })).toBe(true);
    const filedByMail = await send({
      to: `hr@${DOMAIN}`,
      subject: `Laptop for ${MARK}`,
      text: `Please order a laptop for ${MARK}.`,
    });
    expect(filedByMail).toMatchObject({ outcome: 'filed', department: 'HR', personId: 'anna' });
    mailOrder = filedByMail.orderNumber as string;
    // Mail to an address no department has: refused, and Anna is answered once.
    const lost = await send({ to: `nobody@${DOMAIN}`, subject: `Lost ${MARK}`, text: `Where is ${MARK}?` });
    // (No department: she is known here by her address only.)
    expect(lost).toMatchObject({
      outcome: 'refused_unknown_address',
      answered: true,
      from: 'anna.kowalska@example.com',
    });
    expect(lost).not.toHaveProperty('personId');
    await h.deliverMail();
    // The receiver heard of her orders by their title.
    expect(received.some((body) => body.includes(MARK))).toBe(true);
    // A day later the order by mail is late: the head's digest lists it by its title.
    days(1);
    await h.deliverMail();
  });

  it('exports every kind of item as a versioned JSON archive behind a link', async () => {
    const refused = await hana.json<Problem>('POST', '/api/v1/users/anna/export');
    expect(refused.status).toBe(403);
    const out = await ada.json<ExportAnswer>('POST', '/api/v1/users/anna/export');
    expect(out.status).toBe(200);
    expect(out.body.url).toMatch(/^http/);
    const archive = (await (await fetch(out.body.url as string)).json()) as PersonExport;
    expect(archive.format).toBe('ordo.person-export');
    expect(archive.version).toBe(1);
    expect(archive.person).toMatchObject({ id: 'anna', name: 'Anna Kowalska', email: 'anna.kowalska@example.com' });
    const mine = archive.orders.find((o) => o.order.number === annaOrder.number);
    expect(mine?.roles).toEqual(['requester']);
    expect(mine?.order.answers).toMatchObject({ salary: 9100, fullName: `Anna Kowalska ${MARK}` });
    expect(mine?.timeline?.some((e) => e.comment === 'Quokka says hello')).toBe(true);
    // Internal notes are the team's.
    expect(mine?.timeline?.some((e) => e.visibility === 'internal')).toBe(false);
    expect(archive.orders.find((o) => o.order.number === benOrder.number)?.roles).toEqual(['watcher']);
    expect(archive.orders.find((o) => o.order.number === mailOrder)?.order).toMatchObject({
      channel: 'email',
      answers: { topic: `Laptop for ${MARK}` },
    });
    // Every comment she wrote, in the portal and by mail.
    expect(
      archive.comments
        .filter((c) => c.kind === 'comment')
        .map((c) => c.comment)
        .sort(),
    ).toEqual([
      `By mail: ${MARK} agrees too.\n\n[A file was not attached: ${MARK}-notes.pdf]`,
      `Zebrafinch ${MARK} agrees with Ben`,
      `Zebrafinch ${MARK}: please hurry`,
    ]);
    expect(archive.ratings).toEqual([
      expect.objectContaining({
        orderNumber: annaOrder.number,
        score: 2,
        comment: `Zebrafinch ${MARK} waited too long`,
      }),
    ]);
    const attachment = archive.attachments.find((a) => a.key === scanKey);
    expect(attachment).toMatchObject({ name: `zebrafinch-${MARK}.pdf`, where: 'answers.scan' });
    expect(await (await fetch(attachment?.url as string)).text()).toBe(`PDF Zebrafinch ${MARK} signed contract`);
    // Mail about her orders, and Ordo's answer to the mail it refused.
    expect(archive.mails.some((m) => m.subject.includes(annaOrder.number))).toBe(true);
    expect(archive.mails.some((m) => m.orderNumber === mailOrder)).toBe(true);
    expect(archive.mails.filter((m) => m.orderNumber === undefined).map((m) => m.id)).toEqual([
      expect.stringMatching(/^INBOUND\..*\.refused_unknown_address$/),
    ]);
    // The mail she sent in: what became of it, and the message as received.
    expect(archive.inboundMails.map((m) => [m.outcome, m.subject])).toEqual([
      ['commented', `Re: ${benOrder.number} ${MARK}`],
      ['filed', `Laptop for ${MARK}`],
      ['refused_unknown_address', `Lost ${MARK}`],
    ]);
    expect(archive.inboundMails[0]?.attachments.map((a) => a.name)).toEqual([`${MARK}-notes.pdf`]);
    const raw = await (await fetch(archive.inboundMails[1]?.url as string)).text();
    expect(raw).toContain(`Laptop for ${MARK}`);
    // Her notifications in the portal.
    expect(archive.notifications.length).toBeGreaterThan(0);
    expect(archive.notifications.every((n) => typeof n.orderNumber === 'string')).toBe(true);
    // Webhook events are the department's messages about its orders, not hers.
    expect(JSON.stringify(archive)).not.toContain(receiverUrl);
    expect(out.body.counts).toEqual({
      orders: archive.orders.length,
      comments: archive.comments.length,
      ratings: 1,
      attachments: archive.attachments.length,
      mails: archive.mails.length,
      inboundMails: 3,
      notifications: archive.notifications.length,
    });
  });

  it('erases: figures and other people’s data unchanged, the person’s words gone from table and bucket', async () => {
    const day = now.toISOString().slice(0, 10);
    const report = () => henry.json('GET', `/api/v1/departments/HR/report?from=2026-01-01&to=${day}`);
    const customers = () => henry.json('GET', '/api/v1/departments/HR/customers?weeks=8');
    const capacity = () => henry.json('GET', '/api/v1/departments/HR/capacity');
    const before = { report: await report(), customers: await customers(), capacity: await capacity() };
    const benBefore = await order(benOrder.number);
    const carlBefore = await h.deps.users.fresh('carl');
    const itemsBefore = await tableItems();
    const tableBefore = JSON.stringify(itemsBefore).toLowerCase();
    // Her word reached every kind: the order, its events and search terms, mail out and in, notes, webhook events.
    for (const type of ['order', 'timelineEvent', 'searchTerm', 'outbox', 'inbound']) {
      expect([type, itemsBefore.some((i) => i.type === type && JSON.stringify(i).includes(MARK))]).toEqual([
        type,
        true,
      ]);
    }
    expect(itemsBefore.some((i) => i.kind === 'webhook' && JSON.stringify(i).includes(MARK))).toBe(true);
    expect(itemsBefore.some((i) => String(i.sk).startsWith('FOLLOWUP#') && JSON.stringify(i).includes(MARK))).toBe(
      true,
    );
    expect(itemsBefore.some((i) => i.event === 'daily_digest' && JSON.stringify(i).includes(MARK))).toBe(true);
    // Notifications carry no words, but the requester's name.
    expect(itemsBefore.some((i) => i.type === 'note' && JSON.stringify(i).includes('Kowalska'))).toBe(true);
    expect(tableBefore).toContain('inbound_answered#anna.kowalska');
    expect((await bucketText()).toLowerCase()).toContain(MARK);
    const searchMark = async () =>
      (await henry.json<SearchAnswer>('GET', `/api/v1/departments/HR/search?q=${MARK}`)).body;
    expect((await searchMark()).items.map((o) => o.number).sort()).toEqual([annaOrder.number, mailOrder]);

    const unconfirmed = await ada.json<Problem>('POST', '/api/v1/users/anna/erase', {});
    expect(unconfirmed.status).toBe(400);
    expect((await hana.json<Problem>('POST', '/api/v1/users/anna/erase', { confirm: true })).status).toBe(403);
    const erased = await ada.json<ErasureAnswer>('POST', '/api/v1/users/anna/erase', { confirm: true });
    expect(erased.status).toBe(200);
    expect(erased.body.alias).toMatch(/^Former employee #\d+$/);
    // Her mail in: the reply, the order by mail, the refused one.
    expect(erased.body.inboundMails).toBe(3);
    expect(erased.body.webhookEvents).toBeGreaterThan(0);

    // The figures read the same; the customers view shows the alias where the name was.
    expect(await report()).toEqual(before.report);
    expect(await capacity()).toEqual(before.capacity);
    // (Top customers with the same figures are listed by name, so compare them by id.)
    const byId = (body: unknown) => {
      const view = body as { topCustomers: Array<{ personId: string }> };
      return { ...view, topCustomers: [...view.topCustomers].sort((a, b) => a.personId.localeCompare(b.personId)) };
    };
    expect(byId((await customers()).body)).toEqual(
      byId(JSON.parse(JSON.stringify(before.customers.body).replaceAll('Anna Kowalska', erased.body.alias))),
    );
    const itemsAfter = await tableItems();
    const keyOf = (i: Record<string, unknown>) => `${i.pk}|${i.sk}`;
    const after = new Map(itemsAfter.map((i) => [keyOf(i), i]));
    // Report rows, gauges, process and hand-off rows byte for byte; customer rows but for her label.
    const figures = (i: Record<string, unknown>) => /^(STATS|LOAD|PROC|HANDOFFS|CUSTOMERS)/.test(String(i.pk));
    const counters = itemsBefore.filter(figures);
    expect(counters.length).toBeGreaterThan(0);
    for (const row of counters) {
      const kept = after.get(keyOf(row));
      expect(JSON.stringify(kept)).toBe(
        row.label === 'Anna Kowalska' ? JSON.stringify({ ...row, label: erased.body.alias }) : JSON.stringify(row),
      );
    }
    // Every item that did not name her is as it was (only the erased count and the audit record are new).
    const hers = (i: Record<string, unknown>) =>
      /anna|kowalska/.test(JSON.stringify(i).toLowerCase()) || JSON.stringify(i).includes(MARK);
    const others = itemsBefore.filter((i) => !hers(i) && i.pk !== 'ERASED');
    expect(others.length).toBeGreaterThan(100);
    for (const item of others) expect([keyOf(item), after.get(keyOf(item))]).toEqual([keyOf(item), item]);

    // Other people's data as it was: Ben's order but for Anna as a watcher and her comment's words.
    const benAfter = await order(benOrder.number);
    expect(benAfter?.order).toEqual({
      ...benBefore?.order,
      watchers: [],
      version: (benBefore?.order.version ?? 0) + 1,
    });
    // Ben's events as they were, but where they named her ("added Anna Kowalska"): the alias.
    expect(benAfter?.timeline.filter((e) => e.actorId !== 'anna')).toEqual(
      benBefore?.timeline
        .filter((e) => e.actorId !== 'anna')
        .map((e) => (e.comment ? { ...e, comment: e.comment.replaceAll('Anna Kowalska', erased.body.alias) } : e)),
    );
    expect(benAfter?.timeline.some((e) => e.comment === `added ${erased.body.alias}`)).toBe(true);
    expect(await h.deps.users.fresh('carl')).toEqual(carlBefore);

    const anonymised = await order(annaOrder.number);
    expect(anonymised?.order).toMatchObject({
      requesterName: erased.body.alias,
      requesterEmail: '',
      status: 'closed',
      title: 'Contract hr-privacy',
    });
    expect(anonymised?.order.answers).toEqual({ reason: 'Zebrafinch moving to part time' });
    expect(anonymised?.timeline.find((e) => e.actorId === 'carl' && e.kind === 'comment')?.comment).toBe(
      'Quokka says hello',
    );
    // The order filed by mail keeps its figures and channel, not her words.
    expect((await order(mailOrder))?.order).toMatchObject({ channel: 'email', answers: {}, title: 'Contract hr-mail' });

    // Her words as requester: the reason is not marked personal, so the head chose to keep it.
    const table = (await tableText()).replaceAll('Zebrafinch moving to part time', '');
    expect(table).not.toContain('Zebrafinch');
    // (Folded the same way, the kept reason's words stay in the search index: 'zebrafinch'.)
    for (const word of [MARK, 'kowalska']) expect(table.toLowerCase()).not.toContain(word);
    expect(table).toContain('Quokka');
    expect(table).toContain('Wombat');
    // Mail in's records stay in the department's log, without her words.
    const byMail = itemsBefore.find((i) => i.type === 'inbound' && i.outcome === 'filed');
    const kept = await inbound.get(String(byMail?.id));
    expect(kept).toMatchObject({ outcome: 'filed', department: 'HR', orderNumber: mailOrder, personId: 'anna' });
    expect(kept).not.toHaveProperty('subject');
    expect(kept).not.toHaveProperty('from');
    const bucket = (await bucketText()).toLowerCase();
    expect(bucket).not.toContain('zebrafinch');
    expect(bucket).not.toContain(MARK);

    // She is a tombstone, in no list or search; the audit log says who erased, without her name.
    const profile = await h.deps.users.fresh('anna');
    expect(profile).toMatchObject({ name: erased.body.alias, email: '', memberships: {}, admin: false });
    const people = await ada.json<Array<{ id: string }>>('GET', '/api/v1/people?q=kowalska');
    expect(people.body).toEqual([]);
    expect((await searchMark()).items).toEqual([]);
    const audit = await ada.json<Array<Record<string, unknown>>>('GET', `/api/v1/audit?month=${day.slice(0, 7)}`);
    const record = audit.body.find((r) => r.action === 'person_erased');
    expect(record).toMatchObject({ actorId: 'ada', subjectId: 'anna' });
    expect(JSON.stringify(audit.body)).not.toContain('Kowalska');

    // Twice is once: same alias, nothing more to remove.
    const again = await ada.json<ErasureAnswer>('POST', '/api/v1/users/anna/erase', { confirm: true });
    expect(again.body).toMatchObject({
      alias: erased.body.alias,
      comments: 0,
      files: 0,
      mails: 0,
      inboundMails: 0,
      webhookEvents: 0,
    });
  });
});

describe('retention per service', () => {
  it('anonymises exactly the orders past their period, run twice or late, each run in the audit log', async () => {
    await service('hr-short', { amount: 30, unit: 'days' });
    const first = await file(carl, 'hr-short', { fullName: 'Carl Jensen', reason: 'Koala first' });
    const second = await file(ben, 'hr-short', { fullName: 'Ben Carter', reason: 'Koala second' });
    const open = await file(ben, 'hr-short', { fullName: 'Ben Carter', reason: 'Koala still open' });
    await comment(carl, first.number, 'Koala comment');
    await close(carl, first.number);
    days(10);
    await close(ben, second.number);
    // A service without a retention period keeps everything.
    const kept = await file(carl, 'hr-privacy', { fullName: 'Carl Jensen', reason: 'Koala kept' });
    await close(carl, kept.number);

    const run = () => h.deps.privacyWorkflow.retention();
    const names = async () =>
      Object.fromEntries(
        await Promise.all(
          [first, second, open, kept].map(async (o) => [o.number, (await order(o.number))?.order.requesterName]),
        ),
      );
    days(19); // the first closed 29 days ago
    expect((await run()).anonymised).toBe(0);
    days(2); // 31 days after the first, 21 after the second
    expect((await run()).anonymised).toBe(1);
    expect(await names()).toEqual({
      [first.number]: 'Anonymous',
      [second.number]: 'Ben Carter',
      [open.number]: 'Ben Carter',
      [kept.number]: 'Carl Jensen',
    });
    const anonymised = await order(first.number);
    expect(anonymised?.order.answers).toEqual({ reason: 'Koala first' });
    expect(anonymised?.order.title).toBe('Contract hr-short');
    expect(anonymised?.timeline.some((e) => e.comment === 'Koala comment')).toBe(false);
    expect(anonymised?.timeline.some((e) => e.removed)).toBe(true);
    // The department's webhook events about it name it by the service now, delivered or not.
    const events = await h.deps.webhooks.ofOrder(first.number);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => (JSON.parse(e.payload) as { data: { title: string } }).data.title)).toEqual(
      events.map(() => 'Contract hr-short'),
    );
    expect((await h.deps.webhooks.ofOrder(second.number)).some((e) => e.payload.includes('Ben Carter'))).toBe(true);
    // Twice (a minute later): nothing more.
    days(0.001);
    expect((await run()).anonymised).toBe(0);
    expect(await order(first.number)).toEqual(anonymised);
    // Late (the job did not run for months): the second one is caught up, nothing else.
    days(120);
    expect((await run()).anonymised).toBe(1);
    expect(await names()).toEqual({
      [first.number]: 'Anonymous',
      [second.number]: 'Anonymous',
      [open.number]: 'Ben Carter',
      [kept.number]: 'Carl Jensen',
    });
    const runs: Array<{ at: string; changes: Array<{ field: string; after: number }> }> = [];
    for (const month of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']) {
      const audit = await ada.json<typeof runs>('GET', `/api/v1/audit?month=${month}`);
      runs.push(...audit.body.filter((r) => (r as unknown as { action: string }).action === 'retention_run'));
    }
    // The last four are this test's runs (the local workers also ran it once, on the day they started).
    const anonymisedPerRun = runs
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(-4)
      .map((r) => r.changes.find((c) => c.field === 'anonymised')?.after);
    expect(anonymisedPerRun).toEqual([0, 1, 0, 1]);
  });
});
