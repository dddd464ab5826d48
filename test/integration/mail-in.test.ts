/**
 * Mail in on the local stand-ins: a real SMTP client (nodemailer) talks to the SMTP stand-in, which
 * keeps the raw message in the S3 stand-in and hands it to mail in, as SES receiving does in AWS.
 */
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalMailIn } from '#functions/inbound/deps.ts';
import { inboundIdOf, MailIn } from '#functions/inbound/mail-in.ts';
import type { ReplyAddresses } from '#functions/inbound/reply-address.ts';
import type { InboundStore } from '#functions/inbound/store.ts';
import type { InboundRecord, InboundRepository } from '#functions/repositories/inbound.ts';
import type { OrderView } from '#shared/api.ts';
import type { InboundMailPage, MailIntakeView } from '#shared/inbound-routes.ts';
import type { Service } from '#shared/model.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../scripts/local/smtp.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let smtp: SmtpStandIn;
let mailIn: MailIn;
let store: InboundStore;
let inbound: InboundRepository;
let replies: ReplyAddresses;
let anna: Caller;
let felix: Caller;
let transport: Transporter;
/** Fails the next reads of raw messages, to show a failed attempt is retried. */
let failReads = 0;
/** The metric names mail in counted. */
const counted: string[] = [];

const ANNA = 'anna.kowalska@example.com';
const DOMAIN = 'in.ordo.localhost';

type Stored = Awaited<ReturnType<Harness['mailbox']>>[number] & { replyTo?: string[] };

beforeAll(async () => {
  // The API reads raw messages from the same stand-in bucket mail in writes them to.
  h = await createHarness({ attachments: true, env: { INBOUND_BUCKET: 'ordo-test' } });
  const local = await createLocalMailIn(h.deps, 'ordo-test');
  ({ store, inbound, replies } = local);
  const flaky: InboundStore = {
    ...store,
    raw: async (key) => {
      if (failReads > 0) {
        failReads--;
        throw new Error('S3 stand-in unreachable');
      }
      return store.raw(key);
    },
  };
  mailIn = new MailIn({ ...local.parts, store: flaky, metrics: { count: (name) => counted.push(name), flush() {} } });
  smtp = await startSmtpStandIn({
    port: await freePort(),
    store,
    prefix: 'inbound/',
    receive: (delivery) => mailIn.receive(delivery),
    retryDelaysMs: [100, 100],
  });
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  [anna, felix] = await Promise.all([h.as('anna'), h.as('felix')]);
});

afterAll(async () => {
  transport?.close();
  await smtp?.stop();
  await h?.close();
});

/** Sends through SMTP, waits until mail in is done with it, and answers its record. */
async function send(mail: SendMailOptions): Promise<InboundRecord> {
  const info = await transport.sendMail({ from: ANNA, text: 'Hello', ...mail });
  const key = /Queued as (\S+)/.exec(String(info.response))?.[1];
  expect(key).toBeTruthy();
  await smtp.settled();
  const record = await inbound.get(inboundIdOf(key as string));
  expect(record).toBeDefined();
  // Every message is kept raw, whatever became of it.
  expect((await store.raw(record?.rawKey as string))?.length).toBeGreaterThan(0);
  return record as InboundRecord;
}

async function mails(to: string, subjectPart: string): Promise<Stored[]> {
  await h.deliverMail();
  return ((await h.mailbox()) as Stored[]).filter(
    (m) => m.destination.to.includes(to) && m.subject.includes(subjectPart),
  );
}

async function view(who: Caller, number: string): Promise<OrderView> {
  const res = await who.json<OrderView>('GET', `/api/v1/orders/${number}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function fileRepair(): Promise<string> {
  const created = await anna.json<OrderView>('POST', '/api/v1/orders', {
    serviceId: 'fac-repair',
    answers: { location: 'Building A, floor 2, room 2.14', problem: 'The window does not close.' },
  });
  expect(created.status).toBe(201);
  return created.body.order.number;
}

describe('mail in', () => {
  it('threads a reply into its order: the mail about the order carries a signed Reply-To, the reply becomes a public comment without the quote', async () => {
    const number = await fileRepair();
    const [received] = await mails(ANNA, `We received your order ${number}`);
    const replyTo = received?.replyTo?.[0] ?? '';
    expect(replyTo).toMatch(new RegExp(`^order\\+${number}\\.[a-z2-7]{16}@${DOMAIN.replace(/\./g, '\\.')}$`, 'i'));

    const record = await send({
      to: replyTo,
      subject: `Re: We received your order ${number}`,
      text: `It is the left window, it lets the rain in.\n\nAnna\n\nOn Thu, 3 Dec 2026 at 12:00, Ordo <ordo@example.com> wrote:\n> Your order for “Repair request” is registered as ${number}.\n`,
      inReplyTo: '<first@example.com>',
    });
    expect(record).toMatchObject({ outcome: 'commented', orderNumber: number, department: 'FAC', personId: 'anna' });

    const { timeline } = await view(felix, number);
    const comment = timeline.find((e) => e.kind === 'comment' && e.actorId === 'anna');
    expect(comment?.comment).toBe('It is the left window, it lets the rain in.\n\nAnna');
    expect(comment?.visibility).toBe('public');
  });

  it('reads a reply in another character set, and an HTML-only reply, as text', async () => {
    const number = await fileRepair();
    // Windows-1251: Cyrillic А…я are the bytes 0xC0…0xFF.
    const cp1251 = (text: string) =>
      Buffer.from([...text].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
    const raw = [
      `From: ${ANNA}`,
      `To: ${replies.address(number)}`,
      `Subject: =?windows-1251?B?${cp1251('Окно').toString('base64')}?=`,
      'Message-ID: <cp1251@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=windows-1251',
      'Content-Transfer-Encoding: base64',
      '',
      cp1251('Левое окно не закрывается.').toString('base64'),
      '',
    ].join('\r\n');
    const record = await send({ envelope: { from: ANNA, to: [replies.address(number)] }, raw });
    expect(record).toMatchObject({ outcome: 'commented', orderNumber: number, subject: 'Окно' });
    const html = await send({
      to: replies.address(number),
      subject: 'Re: window',
      text: undefined,
      html: '<div>The <b>right</b> one &amp; the door.</div><blockquote>earlier mail</blockquote>',
    });
    expect(html.outcome).toBe('commented');
    const comments = (await view(felix, number)).timeline.filter((e) => e.kind === 'comment' && e.actorId === 'anna');
    expect(comments.map((e) => e.comment?.trim())).toEqual(['Левое окно не закрывается.', 'The right one & the door.']);
  });

  it('answers an open clarification request by mail and resumes the clock, as the portal answer does', async () => {
    const number = await fileRepair();
    const act = async (body: Record<string, unknown>) => {
      const current = await view(felix, number);
      return felix.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, {
        version: current.order.version,
        ...body,
      });
    };
    expect((await act({ action: 'claim' })).status).toBe(200);
    const asked = await act({ action: 'request_clarification', comment: 'Which window exactly?' });
    expect(asked.body.order.status).toBe('waiting_for_customer');

    const record = await send({ to: replies.address(number), subject: 'Re: question', text: 'The left one.' });
    expect(record.outcome).toBe('answered');
    const after = await view(felix, number);
    expect(after.order.status).toBe('in_progress');
    expect(after.order.clarification).toBeUndefined();
    expect(after.timeline.some((e) => e.kind === 'answer_clarification' && e.comment === 'The left one.')).toBe(true);
  });

  it('files a new order from a mail to a department address; missing inputs wait and the acknowledgement names them; a reply with the file hands it over', async () => {
    const { titleTemplate: _title, ...repair } = (await h.deps.services.get('fac-repair')) as Service & {
      titleTemplate?: string;
    };
    const service: Service = {
      ...repair,
      id: 'fac-mail',
      name: 'Anything by mail',
      form: [
        { id: 'topic', kind: 'text', label: 'Topic', required: true, max: 200 },
        { id: 'details', kind: 'longText', label: 'Details', required: true, max: 5000 },
      ],
      inputs: [{ id: 'photo', label: 'Photo of the damage', kind: 'attachment', required: true }],
      status: 'published',
      version: 0,
    };
    await h.deps.services.save(service, undefined, new Date().toISOString());
    expect(await inbound.setIntake({ department: 'FAC', localPart: 'facilities', serviceId: 'fac-mail' })).toBe(true);
    expect(await inbound.setIntake({ department: 'HR', localPart: 'facilities', serviceId: 'hr-onboarding' })).toBe(
      false,
    );

    const record = await send({
      to: `Facilities <facilities@${DOMAIN}>`,
      subject: 'Broken chair in room 3.02',
      text: 'The backrest fell off.\n\n-- \nAnna Kowalska, Accounting',
    });
    expect(record).toMatchObject({ outcome: 'filed', department: 'FAC', personId: 'anna' });
    const number = record.orderNumber as string;
    const filed = await view(anna, number);
    expect(filed.order).toMatchObject({
      serviceId: 'fac-mail',
      status: 'awaiting_inputs',
      requesterId: 'anna',
      channel: 'email',
      answers: { topic: 'Broken chair in room 3.02', details: 'The backrest fell off.' },
    });
    const [ack] = await mails(ANNA, `Hand over what is missing: ${number}`);
    expect(ack?.body.text).toContain('Photo of the damage');
    expect(ack?.replyTo?.[0]).toBe(replies.address(number));

    const handed = await send({
      to: ack?.replyTo?.[0],
      subject: `Re: Hand over what is missing: ${number}`,
      text: 'Here it is.',
      attachments: [
        { filename: 'chair.png', content: Buffer.from('89504e470d0a1a0a', 'hex'), contentType: 'image/png' },
      ],
    });
    expect(handed.outcome).toBe('commented');
    expect(handed.attachments?.[0]).toMatchObject({
      name: 'chair.png',
      key: expect.stringMatching(/^uploads\/anna\//),
    });
    const after = await view(anna, number);
    expect(after.order.inputs.find((i) => i.id === 'photo')).toMatchObject({
      done: true,
      attachment: handed.attachments?.[0]?.key,
    });
    expect(after.order.status).toBe('open');
  });

  it('refuses an unknown sender with one short answer a day, and keeps the message', async () => {
    const stranger = 'stranger@elsewhere.example';
    const first = await send({
      from: stranger,
      to: `facilities@${DOMAIN}`,
      subject: 'Hi there',
      text: 'Can you help?',
    });
    expect(first).toMatchObject({ outcome: 'refused_unknown_sender', answered: true, from: stranger });
    const second = await send({ from: stranger, to: `facilities@${DOMAIN}`, subject: 'Hi again', text: 'Anyone?' });
    expect(second).toMatchObject({ outcome: 'refused_unknown_sender', answered: false });
    const answers = await mails(stranger, 'Not delivered to Ordo');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body.text).toContain('Ordo takes mail only from people it knows');
  });

  it('drops auto-replies, bulk mail, its own mail and repeats without answering, and refuses failed authentication and forged addresses', async () => {
    const number = await fileRepair();
    const to = replies.address(number);
    const before = (await view(felix, number)).timeline.length;
    const dropped = counted.filter((n) => n === 'MailsDropped').length;
    const refused = counted.filter((n) => n === 'MailsRefused').length;
    expect((await send({ to, headers: { 'Auto-Submitted': 'auto-replied' }, text: 'I am away.' })).outcome).toBe(
      'dropped_auto_reply',
    );
    expect((await send({ to, headers: { Precedence: 'bulk' }, text: 'Newsletter' })).outcome).toBe('dropped_bulk');
    expect((await send({ to, from: 'ordo@example.com', text: 'Loop' })).outcome).toBe('dropped_loop');
    expect(
      (
        await send({
          to,
          headers: {
            'Authentication-Results': 'amazonses.com; spf=pass; dkim=fail; dmarc=fail header.from=example.com',
          },
          text: 'Spoofed',
        })
      ).outcome,
    ).toBe('refused_unauthenticated');
    // A forged result further down counts for nothing; the receiving server's own says it failed.
    const forged = replies.address(number).replace(/\.[a-z2-7]{16}@/, '.aaaaaaaaaaaaaaaa@');
    const wrong = await send({ to: forged, text: 'Guessing the address' });
    expect(wrong).toMatchObject({ outcome: 'refused_bad_signature', answered: false });

    const once = await send({ to, messageId: '<same-1@example.com>', text: 'Once only' });
    expect(once.outcome).toBe('commented');
    expect((await send({ to, messageId: '<same-1@example.com>', text: 'Once only' })).outcome).toBe(
      'dropped_duplicate',
    );
    const after = (await view(felix, number)).timeline;
    expect(after.length).toBe(before + 1);
    expect(after.filter((e) => e.comment === 'Once only')).toHaveLength(1);
    // Dropped and refused mail is counted: auto-reply, bulk, loop, repeat; failed authentication, forgery.
    expect(counted.filter((n) => n === 'MailsDropped').length - dropped).toBe(4);
    expect(counted.filter((n) => n === 'MailsRefused').length - refused).toBe(2);
  });

  it('refuses mail from an address longer than any mailbox as unauthenticated, unanswered, keeping no sender', async () => {
    // Such an address was the key of a people search (over 1,024 bytes) and of the sender's listing
    // (over 2,048): every attempt failed, and the message never had an outcome.
    const number = await fileRepair();
    const to = replies.address(number);
    for (const local of ['x'.repeat(3_000), '中'.repeat(800), 'y'.repeat(250)]) {
      const raw = [`From: ${local}@example.com`, `To: ${to}`, 'Subject: Long', '', 'Hello'].join('\r\n');
      const record = await send({ envelope: { from: ANNA, to: [to] }, raw });
      expect(record).toMatchObject({ outcome: 'refused_unauthenticated', answered: false });
      expect(record.from).toBeUndefined();
    }
  });

  it('refuses a message over 10 MB with the limit, keeping it', async () => {
    const record = await send({
      to: `facilities@${DOMAIN}`,
      subject: 'Scans',
      text: 'All of them',
      attachments: [
        { filename: 'big.pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1, 1), contentType: 'application/pdf' },
      ],
    });
    expect(record).toMatchObject({ outcome: 'refused_too_large', answered: true });
    expect(record.size).toBeGreaterThan(10 * 1024 * 1024);
    const [answer] = await mails(ANNA, 'Not delivered to Ordo: Scans');
    expect(answer?.body.text).toContain('larger than 10 MB');
  });

  it('loses nothing when an attempt fails: the message is processed again', async () => {
    const number = await fileRepair();
    failReads = 1;
    const record = await send({ to: replies.address(number), text: 'Sent while storage hiccuped' });
    expect(record).toMatchObject({ outcome: 'commented', attempts: 2 });
    const { timeline } = await view(felix, number);
    expect(timeline.filter((e) => e.comment === 'Sent while storage hiccuped')).toHaveLength(1);
  });

  it('gives the department head the raw message as it arrived, and nobody else', async () => {
    const record = await send({
      to: `facilities@${DOMAIN}`,
      subject: 'Raw: radiator',
      text: 'The radiator in 3.01 is cold.',
    });
    expect(record.department).toBe('FAC');
    const fatima = await h.as('fatima');
    const path = `/api/v1/departments/FAC/inbound/${encodeURIComponent(record.id)}/raw`;
    const link = await fatima.json<{ url: string }>('GET', `${path}?as=json`);
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${record.id}.eml"`);
    expect(file.headers.get('content-type')).toBe('message/rfc822');
    const body = Buffer.from(await file.arrayBuffer());
    expect(body.equals((await store.raw(record.rawKey))!)).toBe(true);
    expect(body.toString()).toContain('Subject: Raw: radiator');
    // The default answer is a redirect to the same object.
    const redirect = await fatima.request('GET', path);
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get('location') ?? '').pathname).toBe(new URL(link.body.url).pathname);

    // Not the team, not another department's head, not through another department, not a made-up id.
    expect((await felix.request('GET', path)).status).toBe(403);
    // Another department's head: as if there were no such department here (its audience's answer).
    const henry = await h.as('henry');
    expect((await henry.request('GET', path)).status).toBe(404);
    expect((await henry.request('GET', path.replace('/FAC/', '/HR/'))).status).toBe(404);
    expect((await fatima.request('GET', path.replace(encodeURIComponent(record.id), 'no-such-message'))).status).toBe(
      404,
    );
  });

  it('shows the department head the inbound mail with its outcomes, and lets them set the address', async () => {
    const fatima = await h.as('fatima');
    const page = await fatima.json<InboundMailPage>('GET', '/api/v1/departments/FAC/inbound?limit=100');
    expect(page.status).toBe(200);
    expect(page.body.intake).toEqual({
      localPart: 'facilities',
      serviceId: 'fac-mail',
      address: `facilities@${DOMAIN}`,
    });
    const outcomes = new Set(page.body.items.map((m) => m.outcome));
    for (const outcome of ['commented', 'answered', 'filed', 'refused_unknown_sender', 'dropped_duplicate'])
      expect(outcomes, outcome).toContain(outcome);
    expect(page.body.raw).toBe(true);
    const times = page.body.items.map((m) => m.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await felix.request('GET', '/api/v1/departments/FAC/inbound')).status).toBeGreaterThanOrEqual(403);

    const elsewhere = await fatima.request('PUT', '/api/v1/departments/FAC/mail-intake', {
      localPart: 'repairs',
      serviceId: 'hr-onboarding',
    });
    expect(elsewhere.status).toBe(404);
    const reserved = await fatima.json<{ fields?: Record<string, { code: string }> }>(
      'PUT',
      '/api/v1/departments/FAC/mail-intake',
      { localPart: 'orders', serviceId: 'fac-repair' },
    );
    expect(reserved.status).toBe(400);
    expect(reserved.body.fields?.localPart?.code).toBe('inbound_address_reserved');
    expect(await inbound.setIntake({ department: 'IT', localPart: 'it', serviceId: 'it-access' })).toBe(true);
    const taken = await fatima.request('PUT', '/api/v1/departments/FAC/mail-intake', {
      localPart: 'IT',
      serviceId: 'fac-repair',
    });
    expect(taken.status).toBe(409);
    const moved = await fatima.json<MailIntakeView>('PUT', '/api/v1/departments/FAC/mail-intake', {
      localPart: 'Repairs',
      serviceId: 'fac-repair',
    });
    expect(moved).toEqual({
      status: 200,
      body: { localPart: 'repairs', serviceId: 'fac-repair', address: `repairs@${DOMAIN}` },
    });
    // The old address now leads nowhere; the new one files in the new service.
    expect((await send({ to: `facilities@${DOMAIN}`, subject: 'Old address' })).outcome).toBe(
      'refused_unknown_address',
    );
    const filed = await send({ to: `repairs@${DOMAIN}`, subject: 'Kitchen, floor 1', text: 'The tap drips.' });
    expect(filed).toMatchObject({ outcome: 'filed', department: 'FAC' });
    expect((await view(anna, filed.orderNumber as string)).order).toMatchObject({
      serviceId: 'fac-repair',
      answers: { location: 'Kitchen, floor 1', problem: 'The tap drips.' },
    });
  });
});
