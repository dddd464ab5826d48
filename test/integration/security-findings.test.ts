/**
 * Security checks on orders: a clarification answer may only attach the answerer's own uploads; the
 * signed answer link goes to the requester alone; bundle parts keep the audience of their services.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView, Problem, UploadTicket } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let ben: Caller;
let carl: Caller;
let hana: Caller;
let henry: Caller;
let iris: Caller;

beforeAll(async () => {
  h = await createHarness({ attachments: true });
  [anna, ben, carl, hana, henry, iris] = await Promise.all([
    h.as('anna'),
    h.as('ben'),
    h.as('carl'),
    h.as('hana'),
    h.as('henry'),
    h.as('iris'),
  ]);
});
afterAll(() => h?.close());

const onboarding = {
  serviceId: 'hr-onboarding',
  answers: {
    fullName: 'Jan Zieliński',
    startDate: '2027-01-11',
    contractType: 'Permanent',
    managerEmail: 'm@example.com',
  },
};

function serviceBody(fields: Record<string, unknown>) {
  return {
    summary: 'Used by the security tests.',
    description: '',
    tags: [],
    audience: [],
    form: [{ id: 'what', kind: 'text', label: 'What', required: true }],
    inputs: [],
    deliverables: [{ id: 'done', label: 'Done', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: 60, resolutionMinutes: 480, warningAt: 0.8, always: false },
    survey: { enabled: false, question: '' },
    reportTo: [],
    ...fields,
  };
}

/** Creates and publishes a service as its department's head. */
async function publish(head: Caller, body: Record<string, unknown>) {
  const created = await head.json<{ id: string; version: number }>('POST', '/api/v1/services', body);
  expect(created.status).toBe(201);
  const published = await head.json('POST', `/api/v1/services/${created.body.id}/publish`, {
    version: created.body.version,
  });
  expect(published.status).toBe(200);
}

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const view = await who.json<OrderView>('GET', `/api/v1/orders/${number}`);
  return who.json<OrderView & Problem>('POST', `/api/v1/orders/${number}/transitions`, {
    version: view.body.order.version,
    ...body,
  });
}

async function upload(who: Caller, fileName: string): Promise<string> {
  const ticket = await who.json<UploadTicket>('POST', '/api/v1/attachments', {
    fileName,
    contentType: 'application/pdf',
    size: 6,
  });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers: ticket.body.headers, body: 'secret' });
  expect(put.status).toBe(200);
  return ticket.body.key;
}

/** Delivered mail about an order, by recipient. */
async function mailAbout(number: string) {
  await h.deliverMail();
  return (await h.mailbox()).filter((m) => m.subject.includes(`${number} `));
}

function answerToken(text: string | undefined): string | undefined {
  return text?.match(/\/answer\/([\w.-]+)/)?.[1];
}

describe('a clarification answer attaches only the answerer’s own uploads', () => {
  let number = '';
  let bensFile = '';

  beforeAll(async () => {
    await publish(
      henry,
      serviceBody({
        id: 'hr-sec-document',
        department: 'HR',
        name: 'Document check',
        ownerId: 'hana',
        form: [
          { id: 'what', kind: 'text', label: 'What', required: true },
          { id: 'document', kind: 'attachment', label: 'Document', required: false },
        ],
      }),
    );
    bensFile = await upload(ben, 'payslip.pdf');
  });

  beforeEach(async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-sec-document',
      answers: { what: 'Check my contract' },
    });
    expect(filed.status).toBe(201);
    number = filed.body.order.number;
    expect((await act(hana, number, { action: 'claim' })).status).toBe(200);
    const asked = await act(hana, number, {
      action: 'request_clarification',
      comment: 'Please attach the signed page.',
      fields: ['document'],
    });
    expect(asked.status).toBe(200);
  });

  it('refuses another person’s upload answered in the portal, so it never becomes a file of the order', async () => {
    const stolen = await act(anna, number, {
      action: 'answer_clarification',
      comment: 'Here it is.',
      answers: { document: bensFile },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.fields).toEqual({
      'answers.document': { code: 'unknown_file', params: {}, detail: 'Unknown file.' },
    });
    const download = await anna.json(
      'GET',
      `/api/v1/orders/${number}/attachments?key=${encodeURIComponent(bensFile)}&as=json`,
    );
    expect(download.status).toBe(404);
  });

  it('refuses another person’s upload answered through the emailed link', async () => {
    const token = (await mailAbout(number))
      .filter((m) => m.destination.to.includes('anna.kowalska@example.com'))
      .map((m) => answerToken(m.body.text))
      .find(Boolean);
    expect(token).toBeTruthy();
    const stolen = await h.anonymous.json<Problem>('POST', `/api/v1/clarifications/${token}`, {
      comment: 'Here it is.',
      answers: { document: bensFile },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.fields).toEqual({
      'answers.document': { code: 'unknown_file', params: {}, detail: 'Unknown file.' },
    });
    expect((await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.status).toBe(
      'waiting_for_customer',
    );
  });

  it('takes the requester’s own upload, which the team can then fetch', async () => {
    const own = await upload(anna, 'signed.pdf');
    const answered = await act(anna, number, {
      action: 'answer_clarification',
      comment: 'Here it is.',
      answers: { document: own },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.order.answers.document).toBe(own);
    const link = await hana.json<{ url: string }>(
      'GET',
      `/api/v1/orders/${number}/attachments?key=${encodeURIComponent(own)}&as=json`,
    );
    expect(link.status).toBe(200);
  });
});

describe('the signed answer link goes to the requester only', () => {
  it('tells watchers about the question without the link, and records an answer as the person who gave it', async () => {
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = filed.body.order.number;
    await anna.json('POST', `/api/v1/orders/${number}/watchers`, { add: ['ben'] });
    await act(hana, number, { action: 'claim' });
    const asked = await act(hana, number, {
      action: 'request_clarification',
      comment: 'Which start date is right?',
      fields: ['startDate'],
    });
    expect(asked.status).toBe(200);

    const mail = await mailAbout(number);
    const toAnna = mail.filter((m) => m.destination.to.includes('anna.kowalska@example.com'));
    const toBen = mail.filter((m) => m.destination.to.includes('ben.carter@example.com'));
    // The requester's message carries the link; it is addressed to nobody else.
    const withLink = mail.filter((m) => answerToken(m.body.text));
    expect(withLink.map((m) => m.destination.to)).toEqual([['anna.kowalska@example.com']]);
    expect(toAnna.some((m) => answerToken(m.body.text))).toBe(true);
    // The watcher hears of the question, with the order page to follow it, and no way to answer as Anna.
    const watcherNote = toBen.find((m) => m.body.text?.includes('Which start date is right?'));
    expect(watcherNote?.subject).toBe(`Question to the requester: ${number} ${filed.body.order.title}`);
    expect(watcherNote?.body.text).toContain(`/orders/${number}`);
    expect(watcherNote?.body.text).toContain('Anna Kowalska');
    expect(toBen.some((m) => answerToken(m.body.text) || m.body.html?.includes('/answer/'))).toBe(false);

    // In the portal, only the requester's side answers, and the answer is theirs.
    const byWatcher = await act(ben, number, { action: 'answer_clarification', comment: 'The 18th.' });
    expect(byWatcher.status).toBe(403);
    const byRequester = await act(anna, number, {
      action: 'answer_clarification',
      comment: 'It is the 18th.',
      answers: { startDate: '2027-01-18' },
    });
    expect(byRequester.status).toBe(200);
    expect(byRequester.body.timeline.at(-1)).toMatchObject({ kind: 'answer_clarification', actorId: 'anna' });
  });

  it('records an answer from the colleague who filed the order as theirs, not the requester’s', async () => {
    const filed = await carl.json<OrderView>('POST', '/api/v1/orders', { ...onboarding, requesterId: 'anna' });
    expect(filed.status).toBe(201);
    const number = filed.body.order.number;
    await act(hana, number, { action: 'claim' });
    await act(hana, number, { action: 'request_clarification', comment: 'Which start date?', fields: ['startDate'] });
    const answered = await act(carl, number, {
      action: 'answer_clarification',
      comment: 'The 18th, I filed it.',
      answers: { startDate: '2027-01-18' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.timeline.at(-1)).toMatchObject({ kind: 'answer_clarification', actorId: 'carl' });
  });
});

describe('bundle parts keep their services’ audience', () => {
  beforeAll(async () => {
    await publish(
      iris,
      serviceBody({
        id: 'it-sec-engineering-tools',
        department: 'IT',
        name: 'Engineering build agent',
        ownerId: 'ivan',
        audience: ['Engineering'],
      }),
    );
    await publish(
      henry,
      serviceBody({
        id: 'hr-sec-bundle',
        department: 'HR',
        name: 'Starter kit',
        ownerId: 'hana',
        bundle: [{ serviceId: 'it-sec-engineering-tools' }],
      }),
    );
  });

  it('refuses a bundle whose part is not offered to the person ordering, and files nothing', async () => {
    const direct = await anna.json<Problem>('POST', '/api/v1/orders', {
      serviceId: 'it-sec-engineering-tools',
      answers: { what: 'A build agent' },
    });
    expect(direct.status).toBe(403);

    const before = (await anna.json<{ items: unknown[] }>('GET', '/api/v1/orders/mine')).body.items.length;
    const viaBundle = await anna.json<Problem>('POST', '/api/v1/orders', {
      serviceId: 'hr-sec-bundle',
      answers: { what: 'A build agent' },
    });
    expect(viaBundle.status).toBe(403);
    expect(viaBundle.body).toMatchObject({ code: 'part_not_offered', params: { service: 'Engineering build agent' } });
    const after = (await anna.json<{ items: unknown[] }>('GET', '/api/v1/orders/mine')).body.items.length;
    expect(after).toBe(before);
  });

  it('files the bundle for someone in the part’s audience', async () => {
    const filed = await ben.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-sec-bundle',
      answers: { what: 'A build agent' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.order.children.map((c) => c.serviceName)).toEqual(['Engineering build agent']);
  });
});
