import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClarificationView, OrderView, Problem, UploadTicket } from '#shared/api.ts';
import type { Service } from '#shared/model.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let hana: Caller;
let henry: Caller;
let fiona: Caller;
let iris: Caller;
let ivan: Caller;

beforeAll(async () => {
  h = await createHarness({ attachments: true });
  const [a, b, c, d, e, f] = await Promise.all(
    ['anna', 'hana', 'henry', 'fiona', 'iris', 'ivan'].map((id) => h.as(id)),
  );
  [anna, hana, henry, fiona, iris, ivan] = [a!, b!, c!, d!, e!, f!];
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
const expenses = {
  serviceId: 'fin-expenses',
  answers: { amount: 120.5, costCentre: 'SA-101', description: 'Train to Kraków' },
};

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const view = await who.json<OrderView>('GET', `/api/v1/orders/${number}`);
  return who.json<OrderView & Problem>('POST', `/api/v1/orders/${number}/transitions`, {
    version: view.body.order.version,
    ...body,
  });
}

async function mailTo(address: string, subjectPart: string) {
  await h.deliverMail();
  return (await h.mailbox()).filter((m) => m.destination.to.includes(address) && m.subject.includes(subjectPart));
}

describe('order lifecycle on DynamoDB Local', () => {
  it('waits for missing inputs, tells the requester what is missing, and opens itself when they are handed over', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', expenses);
    expect(created.status).toBe(201);
    const { order } = created.body;
    expect(order.status).toBe('awaiting_inputs');
    expect(order.inputs.filter((i) => !i.done).map((i) => i.label)).toEqual(['Scans of the receipts']);
    const notice = await mailTo('anna.kowalska@example.com', `Hand over what is missing: ${order.number}`);
    expect(notice[0]?.body.text).toContain('Scans of the receipts');

    // Not in the queue yet: the team only sees accepted work.
    const queued = await fiona.json<{ items: Array<{ number: string; status: string }> }>(
      'GET',
      '/api/v1/departments/FIN/queue',
    );
    expect(queued.body.items.find((o) => o.number === order.number)?.status).toBe('awaiting_inputs');

    const ticket = await anna.json<UploadTicket>('POST', '/api/v1/attachments', {
      fileName: 'receipts.pdf',
      contentType: 'application/pdf',
      size: 12,
    });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.uploadUrl, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: 'PDF-receipts',
    });
    expect(put.status).toBe(200);

    const handed = await anna.json<OrderView>('POST', `/api/v1/orders/${order.number}/inputs/receipts`, {
      version: order.version,
      done: true,
      attachment: ticket.body.key,
    });
    expect(handed.status).toBe(200);
    expect(handed.body.order.status).toBe('open');
    expect(handed.body.timeline.map((e) => e.kind)).toEqual(['submitted', 'input_handed_over', 'complete_inputs']);

    // The team may fetch the file; another employee may not even see the order.
    const link = await fiona.json<{ url: string }>(
      'GET',
      `/api/v1/orders/${order.number}/attachments?key=${encodeURIComponent(ticket.body.key)}&as=json`,
    );
    expect(link.status).toBe(200);
    expect(await (await fetch(link.body.url)).text()).toBe('PDF-receipts');
    const ben = await h.as('ben');
    expect(
      (
        await ben.json(
          'GET',
          `/api/v1/orders/${order.number}/attachments?key=${encodeURIComponent(ticket.body.key)}&as=json`,
        )
      ).status,
    ).toBe(404);
  });

  it('refuses attachments the caller did not upload and files of the wrong kind or size', async () => {
    const stolen = await anna.json<Problem>('POST', '/api/v1/orders', {
      ...expenses,
      inputs: { receipts: { attachment: 'uploads/ben/x/secret.pdf' } },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.fields).toEqual({
      'inputs.receipts': { code: 'unknown_file', params: {}, detail: 'Unknown file.' },
    });
    const exe = await anna.json<Problem>('POST', '/api/v1/attachments', {
      fileName: 'x.exe',
      contentType: 'application/x-msdownload',
      size: 10,
    });
    expect(exe.status).toBe(400);
    const huge = await anna.json<Problem>('POST', '/api/v1/attachments', {
      fileName: 'x.pdf',
      contentType: 'application/pdf',
      size: 50_000_000,
    });
    expect(huge.body.fields?.size).toMatchObject({ code: 'file_too_big', params: { max: 10 * 1024 * 1024 } });
  });

  it('returns inputs for rework, counts it, and takes the order back when they are fixed', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', {
      ...expenses,
      inputs: { receipts: { note: 'Sent by internal mail' } },
    });
    const number = created.body.order.number;
    expect(created.body.order.status).toBe('open');
    const returned = await act(fiona, number, {
      action: 'return_inputs',
      inputs: ['receipts'],
      comment: 'The hotel receipt is missing.',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.order).toMatchObject({ status: 'awaiting_inputs', reworks: 1 });
    const mail = await mailTo('anna.kowalska@example.com', `Please rework your inputs: ${number}`);
    expect(mail).toHaveLength(1);
    const fixed = await anna.json<OrderView>('POST', `/api/v1/orders/${number}/inputs/receipts`, {
      version: returned.body.order.version,
      done: true,
      note: 'Hotel receipt added',
    });
    expect(fixed.body.order.status).toBe('open');
  });

  it('asks for clarification, and the requester answers from the emailed link without signing in', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;
    await act(hana, number, { action: 'claim' });
    const asked = await act(hana, number, {
      action: 'request_clarification',
      comment: 'Which start date is right?',
      fields: ['startDate'],
    });
    expect(asked.body.order).toMatchObject({ status: 'waiting_for_customer', clarifications: 1 });

    const [mail] = await mailTo('anna.kowalska@example.com', `We need something from you: ${number}`);
    const token = mail?.body.text?.match(/\/answer\/([\w.-]+)/)?.[1];
    expect(token).toBeTruthy();

    const question = await h.anonymous.json<ClarificationView>('GET', `/api/v1/clarifications/${token}`);
    expect(question.status).toBe(200);
    expect(question.body.question).toBe('Which start date is right?');
    expect(question.body.fields.map((f) => f.id)).toEqual(['startDate']);

    const notAsked = await h.anonymous.json<Problem>('POST', `/api/v1/clarifications/${token}`, {
      comment: 'x',
      answers: { fullName: 'Other' },
    });
    expect(notAsked.status).toBe(400);
    const tampered = await h.anonymous.json<Problem>('GET', `/api/v1/clarifications/${token}x`);
    expect(tampered.status).toBe(400);

    const answered = await h.anonymous.json<{ ok: boolean }>('POST', `/api/v1/clarifications/${token}`, {
      comment: 'It is the 18th.',
      answers: { startDate: '2027-01-18' },
    });
    expect(answered.status).toBe(200);
    const after = await hana.json<OrderView>('GET', `/api/v1/orders/${number}`);
    expect(after.body.order.status).toBe('in_progress');
    expect(after.body.order.answers.startDate).toBe('2027-01-18');
    expect(after.body.order.clarification).toBeUndefined();
    expect((await mailTo('hana.nowak@example.com', `Customer replied: ${number}`)).length).toBe(1);

    // The link is spent once answered.
    expect((await h.anonymous.json('POST', `/api/v1/clarifications/${token}`, { comment: 'again' })).status).toBe(404);
  });

  it('needs the head to approve before the queue, and rejects with a listed reason', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'it-laptop',
      answers: { model: '14" standard', neededBy: '2027-02-01' },
    });
    const number = created.body.order.number;
    expect(created.body.order.status).toBe('awaiting_approval');
    expect((await mailTo('iris.chen@example.com', `Approval needed: ${number}`)).length).toBe(1);
    expect((await act(ivan, number, { action: 'approve' })).status).toBe(403);
    const approved = await act(iris, number, { action: 'approve' });
    expect(approved.body.order.status).toBe('open');

    const other = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'it-laptop',
      answers: { model: '16" performance', neededBy: '2027-02-01' },
    });
    const bad = await act(iris, other.body.order.number, { action: 'reject', reason: 'because' });
    expect(bad.status).toBe(422);
    const rejected = await act(iris, other.body.order.number, {
      action: 'reject',
      reason: 'not_approved',
      comment: 'Budget freeze.',
    });
    expect(rejected.body.order).toMatchObject({
      status: 'rejected',
      closure: { reason: 'not_approved', text: 'Budget freeze.' },
    });
  });

  it('moves stages, sets priority and watchers, confirms, reopens and cancels', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;
    await act(hana, number, { action: 'claim' });
    let view = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body;
    view = (
      await hana.json<OrderView>('POST', `/api/v1/orders/${number}/stage`, {
        version: view.order.version,
        stage: 'paperwork',
      })
    ).body;
    expect(view.order.stage).toBe('paperwork');
    const badStage = await hana.json<Problem>('POST', `/api/v1/orders/${number}/stage`, {
      version: view.order.version,
      stage: 'nope',
    });
    expect(badStage.status).toBe(400);
    view = (
      await hana.json<OrderView>('POST', `/api/v1/orders/${number}/priority`, {
        version: view.order.version,
        priority: 'high',
      })
    ).body;
    expect(view.order.priority).toBe('high');
    expect(
      (
        await anna.json('POST', `/api/v1/orders/${number}/priority`, {
          version: view.order.version,
          priority: 'urgent',
        })
      ).status,
    ).toBe(403);
    view = (await anna.json<OrderView>('POST', `/api/v1/orders/${number}/watchers`, { add: ['ben'] })).body;
    expect(view.order.watchers).toContain('ben');
    // A watcher sees the order but not the team's internal notes.
    await hana.json('POST', `/api/v1/orders/${number}/comments`, {
      text: 'Payroll is slow this week',
      visibility: 'internal',
    });
    const ben = await h.as('ben');
    const watched = await ben.json<OrderView>('GET', `/api/v1/orders/${number}`);
    expect(watched.status).toBe(200);
    expect(watched.body.timeline.some((e) => e.visibility === 'internal')).toBe(false);
    expect(
      (await ben.json('POST', `/api/v1/orders/${number}/comments`, { text: 'sneaky', visibility: 'internal' })).status,
    ).toBe(403);

    for (const id of ['record', 'payroll']) {
      const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
      await hana.json('POST', `/api/v1/orders/${number}/deliverables/${id}`, { version: v, done: true });
    }
    expect((await act(hana, number, { action: 'resolve' })).body.order.status).toBe('resolved');
    expect(
      (await act(anna, number, { action: 'reopen', comment: 'The payroll number is wrong.' })).body.order.status,
    ).toBe('in_progress');
    expect((await act(hana, number, { action: 'resolve' })).body.order.status).toBe('resolved');
    expect((await act(anna, number, { action: 'confirm' })).body.order.status).toBe('closed');
    expect((await act(anna, number, { action: 'cancel', reason: 'late' })).status).toBe(422);

    const another = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const cancelled = await act(anna, another.body.order.number, {
      action: 'cancel',
      reason: 'The candidate declined.',
    });
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', closure: { reason: 'The candidate declined.' } });
  });

  it('files a bundle as one case with a linked order in each department', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-new-joiner',
      answers: {
        fullName: 'Eva Novak',
        startDate: '2027-02-01',
        managerEmail: 'm@example.com',
        laptop: '14" standard',
        building: 'Kraków',
      },
    });
    expect(created.status).toBe(201);
    const caseNumber = created.body.order.number;
    const parts = created.body.order.children;
    expect(parts.map((p) => [p.department, p.serviceName, p.status])).toEqual([
      ['IT', 'New laptop', 'awaiting_approval'],
      ['FAC', 'Desk and access badge', 'open'],
    ]);
    const desk = await anna.json<OrderView>('GET', `/api/v1/orders/${parts[1]?.number}`);
    expect(desk.body.order).toMatchObject({
      parentNumber: caseNumber,
      relation: 'bundle_part',
      answers: { person: 'Eva Novak', startDate: '2027-02-01', building: 'Kraków' },
    });
    const felix = await h.as('felix');
    await act(felix, parts[1]!.number, { action: 'claim' });
    const caseView = await anna.json<OrderView>('GET', `/api/v1/orders/${caseNumber}`);
    const byDepartment = Object.fromEntries(caseView.body.order.children.map((p) => [p.department, p.status]));
    expect(byDepartment).toEqual({ IT: 'awaiting_approval', FAC: 'in_progress' });
    // One confirmation for the case, not one per part.
    const received = await mailTo('anna.kowalska@example.com', 'We received your order');
    expect(received.filter((m) => parts.some((p) => m.subject.includes(p.number)))).toHaveLength(0);
  });

  it('hands an order off to another department, passing a deliverable as the child’s input', async () => {
    const created = await anna.json<OrderView>('POST', '/api/v1/orders', onboarding);
    const number = created.body.order.number;
    await act(hana, number, { action: 'claim' });
    let v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
    v = (
      await hana.json<OrderView>('POST', `/api/v1/orders/${number}/deliverables/record`, {
        version: v,
        done: true,
        note: 'Employee no. 4711',
      })
    ).body.order.version;

    const own = await hana.json<Problem>('POST', `/api/v1/orders/${number}/handoffs`, {
      version: v,
      serviceId: 'hr-certificate',
      answers: {},
    });
    expect(own.status).toBe(400);
    const child = await hana.json<OrderView>('POST', `/api/v1/orders/${number}/handoffs`, {
      version: v,
      serviceId: 'fin-expenses',
      answers: { amount: 300, costCentre: 'HR-100', description: 'Relocation advance' },
      pass: { record: 'receipts' },
      comment: 'Relocation advance for the new hire',
    });
    expect(child.status).toBe(201);
    expect(child.body.order).toMatchObject({
      department: 'FIN',
      parentNumber: number,
      requesterId: 'anna',
      status: 'open',
    });
    expect(child.body.order.inputs.find((i) => i.id === 'receipts')).toMatchObject({
      done: true,
      note: `From ${number}: Employee record created — Employee no. 4711`,
    });

    const parent = await hana.json<OrderView>('GET', `/api/v1/orders/${number}`);
    expect(parent.body.order.children).toHaveLength(1);
    expect(parent.body.order.children[0]?.dueAt).toBeDefined();
    expect(parent.body.order.children).toMatchObject([
      {
        number: child.body.order.number,
        department: 'FIN',
        serviceName: 'Reimburse expenses',
        status: 'open',
        stage: 'in_progress',
        relation: 'handoff',
        standardRef: 'v1',
      },
    ]);
    expect(parent.body.timeline.at(-1)?.kind).toBe('handoff');

    // The child's progress shows on the parent.
    await act(fiona, child.body.order.number, { action: 'claim' });
    const again = await anna.json<OrderView>('GET', `/api/v1/orders/${number}`);
    expect(again.body.order.children[0]?.status).toBe('in_progress');
    // The requester follows the child too; HR does not see into Finance's order.
    expect((await anna.json('GET', `/api/v1/orders/${child.body.order.number}`)).status).toBe(200);
  });
});

describe('catalog editing', () => {
  const draft = {
    id: 'hr-reference',
    department: 'HR',
    name: 'Reference letter',
    summary: 'A reference letter for a former or current employee.',
    description: '',
    tags: ['letter'],
    ownerId: '',
    audience: [],
    form: [
      { id: 'person', kind: 'text', label: 'For whom', required: true },
      { id: 'lang', kind: 'select', label: 'Language', required: true, options: ['English', 'Polish'] },
    ],
    inputs: [],
    deliverables: [{ id: 'letter', label: 'Signed letter sent', required: true }],
    stages: [{ id: 'in_progress', name: 'In progress' }],
    approval: { kind: 'none' },
    standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: false },
    survey: { enabled: true, question: 'How satisfied are you?' },
    reportTo: [],
  };

  it('lets the head draft, publish and version a service while orders keep theirs', async () => {
    expect((await hana.json('POST', '/api/v1/services', draft)).status).toBe(403);
    const bad = await henry.json<Problem>('POST', '/api/v1/services', {
      ...draft,
      form: [
        ...draft.form,
        { id: 'x', kind: 'select', label: 'X', required: false, visibleWhen: { field: 'later', equals: ['a'] } },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({
      'form.2.options': { code: 'options_needed' },
      'form.2.visibleWhen.field': { code: 'depends_on_later' },
    });

    const created = await henry.json<Service>('POST', '/api/v1/services', draft);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    expect((await anna.json('GET', '/api/v1/services/hr-reference')).status).toBe(404);

    const noOwner = await henry.json<Problem>('POST', '/api/v1/services/hr-reference/publish', { version: 1 });
    expect(noOwner.body.fields?.ownerId).toMatchObject({ code: 'required' });
    const { id: _id, department: _d, ...body } = draft;
    const owned = await henry.json<Service>('PUT', '/api/v1/services/hr-reference', {
      ...body,
      ownerId: 'hana',
      version: 1,
    });
    const published = await henry.json<Service>('POST', '/api/v1/services/hr-reference/publish', {
      version: owned.body.version,
    });
    expect(published.body).toMatchObject({ status: 'published', version: 3 });
    const catalog = await anna.json<Array<{ id: string }>>('GET', '/api/v1/catalog');
    expect(catalog.body.map((s) => s.id)).toContain('hr-reference');

    const order = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-reference',
      answers: { person: 'Ola', lang: 'English' },
    });
    expect(order.body.order.serviceVersion).toBe(3);

    const edited = await henry.json<Service>('PUT', '/api/v1/services/hr-reference', {
      ...body,
      ownerId: 'hana',
      deliverables: [...body.deliverables, { id: 'copy', label: 'Copy filed', required: true }],
      version: 3,
    });
    expect(edited.body).toMatchObject({ status: 'published', version: 4 });
    const stale = await henry.json<Problem>('PUT', '/api/v1/services/hr-reference', {
      ...body,
      ownerId: 'hana',
      version: 3,
    });
    expect(stale.status).toBe(409);

    // The earlier order still has the checklist it was filed under.
    const kept = await hana.json<OrderView>('GET', `/api/v1/orders/${order.body.order.number}`);
    expect(kept.body.order.deliverables.map((d) => d.id)).toEqual(['letter']);

    const retired = await henry.json<Service>('POST', '/api/v1/services/hr-reference/retire', { version: 4 });
    expect(retired.body.status).toBe('retired');
    expect(
      (
        await anna.json('POST', '/api/v1/orders', {
          serviceId: 'hr-reference',
          answers: { person: 'Ola', lang: 'English' },
        })
      ).status,
    ).toBe(404);
  });

  it('lets the head edit the department and its calendar, with clear messages for a bad calendar', async () => {
    const page = await henry.json<{
      department: {
        version: number;
        calendar: unknown;
        canvas: unknown;
        name: string;
        contactEmail: string;
        headId: string;
      };
    }>('GET', '/api/v1/departments/HR');
    const { department } = page.body;
    const body = {
      name: department.name,
      contactEmail: department.contactEmail,
      headId: department.headId,
      calendar: department.calendar,
      canvas: department.canvas,
    };
    expect((await hana.json('PUT', '/api/v1/departments/HR', { ...body, version: department.version })).status).toBe(
      403,
    );
    const bad = await henry.json<Problem>('PUT', '/api/v1/departments/HR', {
      ...body,
      calendar: { timeZone: 'Mars/Base', hours: { '1': [{ start: '17:00', end: '09:00' }] }, holidays: [] },
      version: department.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.calendar).toBeTruthy();
    const ok = await henry.json<{ version: number; name: string }>('PUT', '/api/v1/departments/HR', {
      ...body,
      name: 'People & Culture',
      version: department.version,
    });
    expect(ok.body).toMatchObject({ name: 'People & Culture', version: department.version + 1 });
    const members = await henry.json<Array<{ id: string; role: string }>>('GET', '/api/v1/departments/HR/members');
    expect(members.body.map((m) => m.id).sort()).toEqual(['hana', 'henry', 'olivia']);
    expect((await ivan.json('GET', '/api/v1/departments/HR/members')).status).toBe(404);
  });
});
