/**
 * Security checks on orders: a clarification answer may only attach the answerer's own uploads.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, OrderView, UploadTicket } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let ben: Caller;
let hana: Caller;
let henry: Caller;

beforeAll(async () => {
  h = await createHarness({ attachments: true });
  [anna, ben, hana, henry] = await Promise.all([h.as('anna'), h.as('ben'), h.as('hana'), h.as('henry')]);
});
afterAll(() => h?.close());

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
  return who.json<OrderView & ErrorBody>('POST', `/api/v1/orders/${number}/transitions`, {
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
    expect(stolen.body.error.fields).toEqual({ 'answers.document': 'Unknown file.' });
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
    const stolen = await h.anonymous.json<ErrorBody>('POST', `/api/v1/clarifications/${token}`, {
      comment: 'Here it is.',
      answers: { document: bensFile },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.fields).toEqual({ 'answers.document': 'Unknown file.' });
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
