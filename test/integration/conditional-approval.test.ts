/**
 * Form rules through the API: the purchase order asks for approval only above 10,000 EUR (and the
 * first event says why), date rules against another date field and against the department's today,
 * title templates, what a head may not write, and the version people see counting publications while
 * saves stay conditional on the revision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView, Problem } from '#shared/api.ts';
import type { Service } from '#shared/model.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let frank: Caller;

// Monday 4 January 2027, 10:00 in Warsaw: the department's today is 2027-01-04.
beforeAll(async () => {
  h = await createHarness({ now: () => new Date('2027-01-04T09:00:00Z') });
  [anna, frank] = await Promise.all([h.as('anna'), h.as('frank')]);
});
afterAll(() => h?.close());

const purchase = (amount: number) => ({
  serviceId: 'fin-purchase',
  answers: { supplier: 'Biuro Plus', amount, costCentre: 'SA-101' },
});

describe('conditional approval', () => {
  it('files 1,200 EUR past approval and 12,000 EUR to the head of Finance, saying why', async () => {
    const small = await anna.json<OrderView>('POST', '/api/v1/orders', purchase(1200));
    expect(small.status).toBe(201);
    // The supplier's quote is still to come: the order waits for it, not for approval.
    expect(small.body.order.status).toBe('awaiting_inputs');
    expect(small.body.timeline[0]?.comment).toBe(
      'No approval needed: approval is asked only when Amount (EUR) is above 10,000.',
    );
    expect(small.body.order.title).toBe('Purchase order: Biuro Plus, 1200 EUR');

    const big = await anna.json<OrderView>('POST', '/api/v1/orders', purchase(12_000));
    expect(big.status).toBe(201);
    expect(big.body.order.status).toBe('awaiting_approval');
    expect(big.body.timeline[0]?.comment).toBe('Approval asked: Amount (EUR) is above 10,000.');

    // The head approves what was sent for approval; the small order was never theirs to approve.
    const approved = await frank.json<OrderView>('POST', `/api/v1/orders/${big.body.order.number}/transitions`, {
      action: 'approve',
      version: big.body.order.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.order.status).toBe('awaiting_inputs');
    const notAsked = await frank.json<Problem>('POST', `/api/v1/orders/${small.body.order.number}/transitions`, {
      action: 'approve',
      version: small.body.order.version,
    });
    // Nobody is its approver: the approver's role exists only while an order awaits approval.
    expect(notAsked.status).toBe(403);
  });

  it('refuses a condition on a field the form does not have, or a bound on a text field', async () => {
    const current = await frank.json<Service>('GET', '/api/v1/services/fin-purchase');
    const {
      id: _i,
      department: _d,
      status: _s,
      version,
      updatedAt: _u,
      publication: _p,
      ...body
    } = current.body as Service & Record<string, unknown>;
    const { ownerName: _o, promisedAt: _a, ...editable } = body as Record<string, unknown>;
    const unknown = await frank.json<Problem>('PUT', '/api/v1/services/fin-purchase', {
      ...editable,
      approval: { kind: 'head', when: { field: 'total', above: 10_000 } },
      version,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toMatchObject({ 'approval.when.field': { code: 'condition_field_unknown' } });
    const text = await frank.json<Problem>('PUT', '/api/v1/services/fin-purchase', {
      ...editable,
      approval: { kind: 'head', when: { field: 'supplier', above: 10_000 } },
      version,
    });
    expect(text.body.fields).toMatchObject({
      'approval.when': { code: 'condition_needs_number' },
    });
  });
});

describe('date rules', () => {
  it('refuses a contract that ends before it starts, by the same check the portal runs', async () => {
    const answers = {
      fullName: 'Jan Zieliński',
      startDate: '2027-03-01',
      contractType: 'Fixed-term',
      managerEmail: 'm@example.com',
    };
    const refused = await anna.json<Problem>('POST', '/api/v1/orders', {
      serviceId: 'hr-onboarding',
      answers: { ...answers, contractEnd: '2027-02-28' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual({
      'answers.contractEnd': {
        code: 'date_after_field',
        params: { field: 'Start date', days: 0 },
        detail: 'Must be on or after Start date.',
      },
    });
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-onboarding',
      answers: { ...answers, contractEnd: '2027-08-31' },
    });
    expect(filed.status).toBe(201);
  });

  it('judges "not in the past" and "within N days" by the department’s today', async () => {
    const form = [
      { id: 'what', kind: 'text', label: 'What', required: true },
      { id: 'neededBy', kind: 'date', label: 'Needed by', required: true, notPast: true, withinDays: 30 },
      { id: 'returnBy', kind: 'date', label: 'Return by', required: false, after: { field: 'neededBy', days: 7 } },
    ];
    const created = await frank.json<Service>('POST', '/api/v1/services', {
      id: 'fin-advance',
      department: 'FIN',
      name: 'Cash advance',
      summary: 'Cash for a trip, paid before you go.',
      description: '',
      tags: [],
      ownerId: 'frank',
      audience: [],
      form,
      inputs: [],
      deliverables: [],
      stages: [{ id: 'in_progress', name: 'In progress' }],
      approval: { kind: 'none' },
      titleTemplate: '{what} by {neededBy}',
      standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: false },
      survey: { enabled: false, question: '' },
      reportTo: [],
    });
    expect(created.status).toBe(201);
    await frank.json('POST', '/api/v1/services/fin-advance/publish', { version: created.body.version });

    const file = (answers: Record<string, unknown>) =>
      anna.json<OrderView & Problem>('POST', '/api/v1/orders', { serviceId: 'fin-advance', answers });
    expect((await file({ what: 'Trip', neededBy: '2020-05-04' })).body.fields).toMatchObject({
      'answers.neededBy': { code: 'date_in_past' },
    });
    expect((await file({ what: 'Trip', neededBy: '2027-01-03' })).body.fields).toMatchObject({
      'answers.neededBy': { code: 'date_in_past' },
    });
    expect((await file({ what: 'Trip', neededBy: '2027-02-04' })).body.fields).toMatchObject({
      'answers.neededBy': { code: 'date_too_far', params: { days: 30 } },
    });
    expect((await file({ what: 'Trip', neededBy: '2027-01-10', returnBy: '2027-01-16' })).body.fields).toMatchObject({
      'answers.returnBy': { code: 'date_after_field', params: { field: 'Needed by', days: 7 } },
    });
    const today = await file({ what: 'Trip to Gdańsk', neededBy: '2027-01-04', returnBy: '2027-01-11' });
    expect(today.status).toBe(201);
    expect(today.body.order.title).toBe('Cash advance: Trip to Gdańsk by 2027-01-04');
  });

  it('refuses date rules the form cannot keep and a title template naming no field', async () => {
    const bad = await frank.json<Problem>('POST', '/api/v1/services', {
      id: 'fin-bad-dates',
      department: 'FIN',
      name: 'Bad dates',
      summary: 'A service with rules that cannot hold.',
      description: '',
      tags: [],
      ownerId: 'frank',
      audience: [],
      form: [
        { id: 'n', kind: 'number', label: 'N', required: false, notPast: true },
        { id: 'd', kind: 'date', label: 'D', required: true, after: { field: 'n' } },
      ],
      inputs: [],
      deliverables: [],
      stages: [{ id: 'in_progress', name: 'In progress' }],
      approval: { kind: 'none' },
      titleTemplate: '{who}',
      standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: false },
      survey: { enabled: false, question: '' },
      reportTo: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({
      'form.0.kind': { code: 'date_rules_date_only' },
      'form.1.after.field': { code: 'date_field_needed' },
      titleTemplate: { code: 'title_field_unknown', params: { id: 'who' } },
    });
  });
});

describe('the version people see', () => {
  it('counts publications (1 at the first), while each save stays conditional on the revision', async () => {
    const draft = {
      department: 'FIN',
      name: 'Invoice copy',
      summary: 'A copy of an invoice we issued or received.',
      description: '',
      tags: [],
      ownerId: 'frank',
      audience: [],
      form: [{ id: 'invoice', kind: 'text', label: 'Invoice number', required: true }],
      inputs: [],
      deliverables: [],
      stages: [{ id: 'in_progress', name: 'In progress' }],
      approval: { kind: 'none' },
      standard: { firstResponseMinutes: 240, resolutionMinutes: 960, warningAt: 0.8, always: false },
      survey: { enabled: false, question: '' },
      reportTo: [],
    };
    const created = await frank.json<Service>('POST', '/api/v1/services', { ...draft, id: 'fin-invoice-copy' });
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    expect(created.body.publication ?? 0).toBe(0);
    const { department: _d, ...body } = draft;
    const saved = await frank.json<Service>('PUT', '/api/v1/services/fin-invoice-copy', { ...body, version: 1 });
    const published = await frank.json<Service>('POST', '/api/v1/services/fin-invoice-copy/publish', {
      version: saved.body.version,
    });
    expect(published.body).toMatchObject({ status: 'published', version: 3, publication: 1 });

    const order = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fin-invoice-copy',
      answers: { invoice: 'FV/2027/001' },
    });
    expect(order.body.order).toMatchObject({ serviceVersion: 3, standardRef: 'v1' });

    const edited = await frank.json<Service>('PUT', '/api/v1/services/fin-invoice-copy', {
      ...body,
      summary: 'A copy of an invoice.',
      version: 3,
    });
    expect(edited.body).toMatchObject({ version: 4, publication: 2 });
    const stale = await frank.json<Problem>('PUT', '/api/v1/services/fin-invoice-copy', { ...body, version: 3 });
    expect(stale.status).toBe(409);
    const retired = await frank.json<Service>('POST', '/api/v1/services/fin-invoice-copy/retire', { version: 4 });
    expect(retired.body).toMatchObject({ status: 'retired', version: 5, publication: 2 });
  });
});
