/**
 * Form rules beyond one answer: conditions (conditional fields and conditional approval, one
 * language), the filing decision on approval with the timeline's reason, date rules against another
 * date field and against the department's today, title templates, and what the service schema
 * refuses of them. Also the version people see: the count of publications.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, conditionHolds, dateRefusal, validateAnswers } from '#shared/forms.ts';
import { approvalNeeded, approvalReason, conditionWords, initialStatus } from '#shared/lifecycle.ts';
import type { BusinessCalendar, Department, FormField, Service, User } from '#shared/model.ts';
import { standardInForce } from '#shared/order-clocks.ts';
import { checkFiling, draftOrder, type Filing, orderTitle } from '#shared/order-filing.ts';
import { type ServiceBody, serviceBody, serviceProblems, templateFields } from '#shared/service-schema.ts';

const calendar: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  hours: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '16:00' }]])),
  holidays: [],
};
const department: Department = {
  code: 'FIN',
  name: 'Finance',
  contactEmail: 'fin@example.com',
  headId: 'frank',
  calendar,
  canvas: {} as Department['canvas'],
  version: 1,
};
const anna: User = { id: 'anna', name: 'Anna', email: 'anna@example.com', memberships: {}, admin: false };

const purchase: Service = {
  id: 'fin-purchase',
  department: 'FIN',
  name: 'Purchase order',
  summary: 'Buy from a supplier.',
  description: '',
  tags: [],
  status: 'published',
  ownerId: 'frank',
  audience: [],
  form: [
    { id: 'supplier', kind: 'text', label: 'Supplier', required: true },
    { id: 'amount', kind: 'number', label: 'Amount (EUR)', required: true, min: 1, max: 10_000_000 },
  ],
  inputs: [],
  deliverables: [],
  stages: [{ id: 'in_progress', name: 'In progress' }],
  approval: { kind: 'head', when: { field: 'amount', above: 10_000 } },
  standard: { firstResponseMinutes: 60, resolutionMinutes: 960, warningAt: 0.8, always: false },
  survey: { enabled: false, question: '' },
  reportTo: [],
  version: 3,
  updatedAt: '2026-02-01T00:00:00Z',
};
const filedAt = '2026-03-02T08:30:00.000Z';

function file(service: Service, answers: Filing['answers']) {
  const filing: Filing = { actor: anna, requester: anna, service, answers, priority: 'normal', handed: {} };
  return draftOrder(filing, checkFiling(filing, '2026-03-02'), 'FIN-1001', filedAt, department);
}

describe('conditions', () => {
  it('match one of the values, or a number above and/or below a bound', () => {
    expect(conditionHolds({ field: 'kind', equals: ['A', 'B'] }, { kind: 'B' })).toBe(true);
    expect(conditionHolds({ field: 'kind', equals: ['A'] }, { kind: ['C', 'A'] })).toBe(true);
    expect(conditionHolds({ field: 'kind', equals: ['A'] }, {})).toBe(false);
    expect(conditionHolds({ field: 'amount', above: 10_000 }, { amount: 10_000 })).toBe(false);
    expect(conditionHolds({ field: 'amount', above: 10_000 }, { amount: 10_000.01 })).toBe(true);
    expect(conditionHolds({ field: 'amount', below: 5 }, { amount: 4 })).toBe(true);
    expect(conditionHolds({ field: 'amount', above: 1, below: 5 }, { amount: 5 })).toBe(false);
    // An unanswered or non-number answer is never above or below anything.
    expect(conditionHolds({ field: 'amount', above: 0 }, { amount: '12' })).toBe(false);
    expect(conditionHolds({ field: 'amount', above: 0 }, { amount: null })).toBe(false);
    expect(conditionHolds({ field: 'amount' }, { amount: 3 })).toBe(false);
  });

  it('show a field on a number bound like on a value', () => {
    const form: FormField[] = [
      { id: 'amount', kind: 'number', label: 'Amount', required: true },
      {
        id: 'quote',
        kind: 'text',
        label: 'Second quote',
        required: true,
        visibleWhen: { field: 'amount', above: 5000 },
      },
    ];
    expect(validateAnswers(form, { amount: 4800 })).toEqual({ ok: true, answers: { amount: 4800 } });
    expect(validateAnswers(form, { amount: 5200 })).toEqual({
      ok: false,
      fields: { quote: { code: 'required' } },
    });
  });

  it('read in words with the form’s labels', () => {
    expect(conditionWords({ field: 'amount', above: 10_000 }, purchase.form)).toBe('Amount (EUR) is above 10,000');
    expect(conditionWords({ field: 'amount', above: 1, below: 5 }, purchase.form)).toBe(
      'Amount (EUR) is above 1 and below 5',
    );
    expect(conditionWords({ field: 'supplier', equals: ['A', 'B'] }, purchase.form)).toBe('Supplier is A or B');
  });
});

describe('conditional approval at filing', () => {
  it('asks for approval only above the bound, and the first event says why', () => {
    const small = file(purchase, { supplier: 'Biuro Plus', amount: 1200 });
    expect(small.order.status).toBe('open');
    expect(small.event.comment).toBe('No approval needed: approval is asked only when Amount (EUR) is above 10,000.');
    expect(small.mails.map((m) => m.event)).toEqual(['order_received', 'new_in_queue']);

    const big = file(purchase, { supplier: 'Biuro Plus', amount: 12_000 });
    expect(big.order.status).toBe('awaiting_approval');
    expect(big.event.comment).toBe('Approval asked: Amount (EUR) is above 10,000.');
    expect(big.mails.map((m) => m.event)).toEqual(['order_received', 'approval_needed']);
    expect(big.mails[1]).toMatchObject({ people: ['frank'] });
  });

  it('without a condition asks always (head, named) or never, and explains nothing', () => {
    expect(initialStatus({ approval: { kind: 'head' } }, [], { amount: 1 })).toBe('awaiting_approval');
    expect(initialStatus({ approval: { kind: 'named', approvers: ['x'] } }, [])).toBe('awaiting_approval');
    expect(initialStatus({ approval: { kind: 'none' } }, [], { amount: 1e9 })).toBe('open');
    expect(approvalReason({ approval: { kind: 'head' }, form: purchase.form }, { amount: 1 })).toBeUndefined();
  });

  it('a filed order is awaiting approval exactly when its answers meet the condition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom<'above' | 'below'>('above', 'below'),
        fc.constantFrom<'head' | 'named'>('head', 'named'),
        (amount, bound, side, kind) => {
          const when = side === 'above' ? { field: 'amount', above: bound } : { field: 'amount', below: bound };
          const approval = kind === 'head' ? { kind, when } : { kind, approvers: ['pia'], when };
          const { order } = file({ ...purchase, approval }, { supplier: 'S', amount });
          const meets = side === 'above' ? amount > bound : amount < bound;
          expect(order.status === 'awaiting_approval').toBe(meets);
          expect(approvalNeeded(approval, { amount })).toBe(meets);
        },
      ),
    );
  });
});

describe('date rules', () => {
  const contract: FormField[] = [
    { id: 'start', kind: 'date', label: 'Start date', required: true, notPast: true },
    { id: 'type', kind: 'select', label: 'Type', required: true, options: ['Permanent', 'Fixed-term'] },
    {
      id: 'end',
      kind: 'date',
      label: 'End date',
      required: true,
      after: { field: 'start' },
      visibleWhen: { field: 'type', equals: ['Fixed-term'] },
    },
    { id: 'neededBy', kind: 'date', label: 'Needed by', required: false, withinDays: 30 },
  ];
  const today = '2026-03-02';

  it('refuse an end before (or on) its start, with the other field named', () => {
    const answers = { start: '2026-04-01', type: 'Fixed-term', end: '2026-03-31' };
    expect(validateAnswers(contract, answers, { today })).toEqual({
      ok: false,
      fields: { end: { code: 'date_after_field', params: { field: 'Start date', days: 1 } } },
    });
    expect(validateAnswers(contract, { ...answers, end: '2026-04-01' }, { today }).ok).toBe(false);
    expect(validateAnswers(contract, { ...answers, end: '2026-04-02' }, { today }).ok).toBe(true);
    // The end is hidden for a permanent contract: nothing to compare.
    expect(validateAnswers(contract, { ...answers, type: 'Permanent' }, { today }).ok).toBe(true);
  });

  it('judge "today" only when given: a start in 2020 at filing, not on a later clarification', () => {
    expect(validateAnswers(contract, { start: '2020-01-06', type: 'Permanent' }, { today })).toEqual({
      ok: false,
      fields: { start: { code: 'date_in_past', params: {} } },
    });
    expect(validateAnswers(contract, { start: today, type: 'Permanent' }, { today }).ok).toBe(true);
    expect(validateAnswers(contract, { start: '2020-01-06', type: 'Permanent' }).ok).toBe(true);
  });

  it('within N days from today: not before today, at most N days after it', () => {
    const base = { start: today, type: 'Permanent' };
    expect(validateAnswers(contract, { ...base, neededBy: '2026-04-01' }, { today }).ok).toBe(true);
    expect(validateAnswers(contract, { ...base, neededBy: '2026-04-02' }, { today })).toEqual({
      ok: false,
      fields: { neededBy: { code: 'date_too_far', params: { days: 30 } } },
    });
    expect(validateAnswers(contract, { ...base, neededBy: '2026-03-01' }, { today })).toEqual({
      ok: false,
      fields: { neededBy: { code: 'date_in_past', params: {} } },
    });
  });

  it('carry a code with parameters, by N days or on the same day', () => {
    const field: FormField = { id: 'b', kind: 'date', label: 'B', required: true, before: { field: 'a', days: 3 } };
    const form: FormField[] = [{ id: 'a', kind: 'date', label: 'Deadline', required: true }, field];
    expect(dateRefusal(field, '2026-03-08', { a: '2026-03-10' }, form, undefined)).toEqual({
      code: 'date_before_field',
      params: { field: 'Deadline', days: 3 },
    });
    expect(validateAnswers(form, { a: '2026-03-10', b: '2026-03-08' })).toEqual({
      ok: false,
      fields: { b: { code: 'date_before_field', params: { field: 'Deadline', days: 3 } } },
    });
    expect(validateAnswers(form, { a: '2026-03-10', b: '2026-03-07' }).ok).toBe(true);
    const sameDay: FormField[] = [form[0]!, { ...field, before: { field: 'a', days: 0 } }];
    expect(validateAnswers(sameDay, { a: '2026-03-10', b: '2026-03-10' }).ok).toBe(true);
    expect(validateAnswers(sameDay, { a: '2026-03-10', b: '2026-03-11' })).toEqual({
      ok: false,
      fields: { b: { code: 'date_before_field', params: { field: 'Deadline', days: 0 } } },
    });
  });

  it('"after by N days" holds exactly when the dates are N or more days apart', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 60 }), (start, end, days) => {
        const form: FormField[] = [
          { id: 'start', kind: 'date', label: 'Start', required: true },
          { id: 'end', kind: 'date', label: 'End', required: true, after: { field: 'start', days } },
        ];
        const apart = (Date.parse(end) - Date.parse(start)) / 86_400_000;
        expect(validateAnswers(form, { start, end }).ok).toBe(apart >= days);
      }),
    );
  });

  it('count days across month ends, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('title templates', () => {
  const onboarding = {
    name: 'Onboard a new employee',
    form: [
      { id: 'phone', kind: 'text', label: 'Phone', required: false },
      { id: 'fullName', kind: 'text', label: 'Full name', required: true },
      { id: 'startDate', kind: 'date', label: 'Start', required: true },
    ] satisfies FormField[],
    titleTemplate: '{fullName} starts {startDate}',
  };

  it('fill in the answers after the service name, falling back to the first text answer', () => {
    const answers = { phone: '+48 600 100 200', fullName: 'Jan Zieliński', startDate: '2027-01-11' };
    expect(orderTitle(onboarding, answers)).toBe('Onboard a new employee: Jan Zieliński starts 2027-01-11');
    expect(orderTitle({ ...onboarding, titleTemplate: undefined }, answers)).toBe(
      'Onboard a new employee: +48 600 100 200',
    );
    // Nothing of the template answered: the template would say nothing.
    expect(orderTitle({ ...onboarding, titleTemplate: '{startDate}' }, { phone: '1' })).toBe(
      'Onboard a new employee: 1',
    );
    expect(orderTitle({ ...onboarding, titleTemplate: '{fullName}' }, { fullName: 'x'.repeat(300) })).toHaveLength(200);
    expect(
      file({ ...purchase, titleTemplate: '{supplier}, {amount} EUR' }, { supplier: 'Biuro', amount: 5 }).order.title,
    ).toBe('Purchase order: Biuro, 5 EUR');
  });

  it('name their fields in braces', () => {
    expect(templateFields('{fullName} starts {startDate}')).toEqual(['fullName', 'startDate']);
    expect(templateFields('no fields')).toEqual([]);
  });
});

describe('what the service schema refuses', () => {
  const body = (patch: Partial<ServiceBody>): ServiceBody => {
    const { id: _i, department: _d, status: _s, version: _v, updatedAt: _u, ...rest } = purchase;
    return { ...rest, ...patch } as ServiceBody;
  };

  it('accepts conditions, date rules and a title template that fit the form', () => {
    const ok = body({
      form: [
        ...purchase.form,
        { id: 'start', kind: 'date', label: 'Start', required: true, notPast: true, withinDays: 90 },
        { id: 'end', kind: 'date', label: 'End', required: true, after: { field: 'start', days: 0 } },
      ],
      titleTemplate: '{supplier} from {start}',
    });
    const parsed = serviceBody.safeParse(ok);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(serviceProblems(ok)).toEqual({});
  });

  it('refuses an approval condition on no field, a bound on a non-number, values and bounds together', () => {
    expect(serviceProblems(body({ approval: { kind: 'head', when: { field: 'nope', above: 1 } } }))).toEqual({
      'approval.when.field': { code: 'condition_field_unknown' },
    });
    expect(serviceProblems(body({ approval: { kind: 'head', when: { field: 'supplier', above: 1 } } }))).toEqual({
      'approval.when': { code: 'condition_needs_number' },
    });
    expect(
      serviceProblems(
        body({ approval: { kind: 'named', approvers: ['x'], when: { field: 'amount', equals: [1], above: 1 } } }),
      ),
    ).toEqual({ 'approval.when': { code: 'condition_values_or_bounds' } });
    const later = body({
      approval: { kind: 'none' },
      form: [
        { id: 'a', kind: 'text', label: 'A', required: false, visibleWhen: { field: 'b', above: 3 } },
        { id: 'b', kind: 'number', label: 'B', required: false },
        { id: 'c', kind: 'text', label: 'C', required: false, visibleWhen: { field: 'a', below: 3 } },
      ],
    });
    expect(serviceProblems(later)).toEqual({
      'form.0.visibleWhen.field': { code: 'depends_on_later' },
      'form.2.visibleWhen': { code: 'condition_needs_number' },
    });
  });

  it('refuses date rules off a date field or against something that is not another date field', () => {
    const wrong = body({
      approval: { kind: 'none' },
      form: [
        { id: 'when', kind: 'date', label: 'When', required: true, after: { field: 'when' } },
        { id: 'n', kind: 'number', label: 'N', required: false, notPast: true },
        { id: 'then', kind: 'date', label: 'Then', required: true, before: { field: 'n' } },
      ],
    });
    expect(serviceProblems(wrong)).toEqual({
      'form.0.after.field': { code: 'date_field_needed' },
      'form.1.kind': { code: 'date_rules_date_only' },
      'form.2.before.field': { code: 'date_field_needed' },
    });
    const never = body({
      approval: { kind: 'none' },
      form: [{ id: 'd', kind: 'date', label: 'D', required: true, withinDays: 0 }],
    });
    expect(serviceBody.safeParse(never).success).toBe(false);
  });

  it('refuses a title template naming a field the form does not have', () => {
    expect(serviceProblems(body({ titleTemplate: '{supplier} for {costCentre}' }))).toEqual({
      titleTemplate: { code: 'title_field_unknown', params: { id: 'costCentre' } },
    });
  });
});

describe('the version people see', () => {
  it('is the count of publications, not the revision that guards saves', () => {
    expect(standardInForce({ ...purchase, version: 3, publication: 1 }, '2026-03-02').ref).toBe('v1');
    expect(standardInForce({ ...purchase, version: 3 }, '2026-03-02').ref).toBe('v3');
    const { order } = file({ ...purchase, version: 7, publication: 2 }, { supplier: 'S', amount: 1 });
    expect(order).toMatchObject({ serviceVersion: 7, standardRef: 'v2' });
    expect(order.clocks?.resolution.standardVersion).toBe(2);
  });
});
