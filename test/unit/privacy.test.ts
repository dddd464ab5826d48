import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormField, Order, TimelineEvent } from '#shared/model.ts';
import { composeDigestMail, digestIdsOf, digestRetitled } from '#shared/notifications.ts';
import {
  ANONYMOUS_NAME,
  type AnonymiseScope,
  anonymiseEvent,
  anonymiseInbound,
  anonymiseOrder,
  formerEmployeeName,
  isRetentionDue,
  removableFields,
  retentionBound,
  retentionDue,
  retentionProblem,
  visibleAnswers,
  webhookPayloadTitled,
} from '#shared/privacy.ts';
import { serviceProblems } from '#shared/service-schema.ts';

const anna = 'anna';
const file = (owner: string, name = 'contract.pdf') => `uploads/${owner}/0b9e4d1c-1111-4222-8333-944455556666/${name}`;

const form: FormField[] = [
  { id: 'fullName', kind: 'text', label: 'Full name', required: true, privacy: 'personal' },
  { id: 'salary', kind: 'number', label: 'Salary', required: true, privacy: 'sensitive' },
  { id: 'laptop', kind: 'select', label: 'Laptop', required: true, options: ['mac', 'pc'] },
  { id: 'scan', kind: 'attachment', label: 'Signed contract', required: false },
];

const order: Order = {
  number: 'HR-1001',
  department: 'HR',
  serviceId: 'hr-contract',
  serviceVersion: 1,
  serviceName: 'Employment contract',
  requesterId: anna,
  filedById: anna,
  title: 'Anna Kowalska starts 2027-01-04',
  answers: { fullName: 'Anna Kowalska', salary: 9000, laptop: 'mac', scan: file(anna) },
  status: 'closed',
  stage: 'done',
  priority: 'normal',
  assigneeId: 'hana',
  ownerId: 'henry',
  watchers: ['bob', anna],
  inputs: [{ id: 'id', label: 'ID scan', required: true, done: true, attachment: file(anna, 'id.png'), by: anna }],
  deliverables: [
    {
      id: 'signed',
      label: 'Signed',
      required: true,
      done: true,
      attachment: file('hana', 'signed.pdf'),
      by: 'hana',
      note: 'Sent to Anna at home',
    },
  ],
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-09T09:00:00.000Z',
  clarifications: 0,
  reworks: 0,
  children: [],
  survey: {
    round: 'r1',
    score: 2,
    comment: 'Anna waited too long',
    category: 'speed',
    respondedAt: '2026-01-10T00:00:00.000Z',
  },
  closure: { reason: 'duplicate', text: 'Anna asked twice' },
  requesterName: 'Anna Kowalska',
  requesterEmail: 'anna@example.com',
  requesterProfile: { department: 'Sales', location: 'Warsaw' },
  version: 7,
};

const erasure: AnonymiseScope = { kind: 'person', personId: anna, alias: formerEmployeeName(3) };
const retention: AnonymiseScope = { kind: 'everyone', alias: ANONYMOUS_NAME };
const at = '2026-06-01T00:00:00.000Z';

describe('anonymising an order', () => {
  const fields = removableFields(form);

  it('erasure: the requester loses name, address, personal and sensitive answers, files, comments; figures stay', () => {
    const { order: next, removedFiles } = anonymiseOrder(order, fields, erasure, at);
    expect(next.requesterName).toBe('Former employee #3');
    expect(next.requesterEmail).toBe('');
    expect(next.answers).toEqual({ laptop: 'mac' });
    expect(next.title).toBe('Employment contract');
    expect(next.watchers).toEqual(['bob']);
    expect(next.survey).toEqual({ round: 'r1', score: 2, category: 'speed', respondedAt: '2026-01-10T00:00:00.000Z' });
    expect(next.closure).toEqual({ reason: 'duplicate' });
    expect(next.inputs[0]?.attachment).toBeUndefined();
    // Someone else's file and note stay when one person is erased.
    expect(next.deliverables[0]?.attachment).toBe(file('hana', 'signed.pdf'));
    expect(removedFiles.sort()).toEqual([file(anna), file(anna, 'id.png')].sort());
    expect(next.anonymised).toEqual({ at, reason: 'erasure' });
    // What the reports count on is untouched.
    for (const key of ['status', 'requesterId', 'assigneeId', 'requesterProfile', 'createdAt', 'version'] as const) {
      expect(next[key]).toEqual(order[key]);
    }
  });

  it('erasure of a watcher leaves the requester’s order as it was, but for the watcher', () => {
    const { order: next, removedFiles } = anonymiseOrder(order, fields, { ...erasure, personId: 'bob' }, at);
    expect(next).toEqual({ ...order, watchers: [anna] });
    expect(removedFiles).toEqual([]);
  });

  it('retention removes every file and note, whoever wrote it', () => {
    const { order: next, removedFiles } = anonymiseOrder(order, fields, retention, at);
    expect(next.requesterName).toBe(ANONYMOUS_NAME);
    expect(next.deliverables[0]).not.toHaveProperty('note');
    expect(next.deliverables[0]).not.toHaveProperty('attachment');
    expect(removedFiles).toHaveLength(3);
    expect(next.anonymised?.reason).toBe('retention');
  });

  it('twice is the same as once (any order, any scope)', () => {
    const answer = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(file(anna)), fc.constant(file('bob')));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('fullName', 'salary', 'laptop', 'scan', 'other'), answer),
        fc.subarray([anna, 'bob', 'carl']),
        fc.constantFrom(erasure, retention, { ...erasure, personId: 'bob' }),
        fc.option(fc.string(), { nil: undefined }),
        (answers, watchers, scope, comment) => {
          const start: Order = {
            ...order,
            answers,
            watchers,
            survey: comment === undefined ? undefined : { round: 'r', comment },
          } as Order;
          const once = anonymiseOrder(start, fields, scope, at).order;
          const twice = anonymiseOrder(once, fields, scope, '2030-01-01T00:00:00.000Z');
          expect(twice.order).toEqual(once);
          expect(twice.removedFiles).toEqual([]);
        },
      ),
    );
  });

  it('events: the person’s words are replaced by the removed marker; twice equals once', () => {
    const event: TimelineEvent = {
      orderNumber: 'HR-1001',
      at,
      actorId: anna,
      kind: 'comment',
      comment: 'My PESEL is 90010112345',
      visibility: 'public',
    };
    const once = anonymiseEvent(event, erasure);
    expect(once).toEqual({
      orderNumber: 'HR-1001',
      at,
      actorId: anna,
      kind: 'comment',
      visibility: 'public',
      removed: true,
    });
    expect(anonymiseEvent(once, erasure)).toEqual(once);
    expect(anonymiseEvent({ ...event, actorId: 'bob' }, erasure)).toEqual({ ...event, actorId: 'bob' });
    // Retention: everyone's words but Ordo's own fixed ones.
    expect(anonymiseEvent({ ...event, actorId: 'bob' }, retention).comment).toBeUndefined();
    expect(anonymiseEvent({ ...event, actorId: 'ordo' }, retention).comment).toBe(event.comment);
    fc.assert(
      fc.property(
        fc.constantFrom(anna, 'bob', 'ordo'),
        fc.option(fc.string(), { nil: undefined }),
        (actorId, comment) => {
          const e = { ...event, actorId, comment } as TimelineEvent;
          for (const scope of [erasure, retention]) {
            const one = anonymiseEvent(e, scope);
            expect(anonymiseEvent(one, scope)).toEqual(one);
          }
        },
      ),
    );
  });
});

describe('sensitive answers', () => {
  it('are left out for readers other than the requester and the team', () => {
    expect(visibleAnswers(order.answers, form, false)).not.toHaveProperty('salary');
    expect(visibleAnswers(order.answers, form, false)).toHaveProperty('fullName');
    expect(visibleAnswers(order.answers, form, true)).toHaveProperty('salary', 9000);
  });

  it('may not be named by the title template (the title goes into mail)', () => {
    const body = {
      name: 'Contract',
      summary: 'A contract',
      description: '',
      tags: [],
      ownerId: 'henry',
      audience: [],
      form,
      inputs: [],
      deliverables: [],
      stages: [{ id: 'work', name: 'Work' }],
      approval: { kind: 'none' as const },
      standard: { firstResponseMinutes: 60, resolutionMinutes: 600, warningAt: 0.8, always: false },
      survey: { enabled: false, question: '' },
      reportTo: [],
    };
    expect(serviceProblems({ ...body, titleTemplate: '{fullName} earns {salary}' }).titleTemplate).toEqual({
      code: 'title_field_sensitive',
      params: { id: 'salary' },
    });
    expect(serviceProblems({ ...body, titleTemplate: '{fullName}' }).titleTemplate).toBeUndefined();
    expect(serviceProblems({ ...body, retention: { amount: 101, unit: 'years' } })['retention.amount']?.code).toBe(
      'too_big',
    );
  });
});

describe('retention', () => {
  it('is due the period after closing (months end on the month’s last day)', () => {
    expect(retentionDue('2026-01-31T10:00:00.000Z', { amount: 1, unit: 'months' })).toBe('2026-02-28T10:00:00.000Z');
    expect(retentionDue('2026-03-01T00:00:00.000Z', { amount: 90, unit: 'days' })).toBe('2026-05-30T00:00:00.000Z');
    expect(retentionDue('2024-02-29T12:00:00.000Z', { amount: 10, unit: 'years' })).toBe('2034-02-28T12:00:00.000Z');
    expect(retentionProblem({ amount: 1200, unit: 'months' })).toBeUndefined();
    expect(retentionProblem({ amount: 36_501, unit: 'days' })).toEqual({ code: 'too_big', params: { max: 36_500 } });
  });

  it('the query bound never hides a due closing, and due grows with the closing instant', () => {
    const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(
        instant,
        instant,
        fc.record({ amount: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom('days', 'months', 'years') }),
        (closed, now, period) => {
          const p = { ...period, amount: period.unit === 'years' ? (period.amount % 60) + 1 : period.amount };
          if (isRetentionDue(closed.toISOString(), p, now)) {
            expect(closed.toISOString() <= retentionBound(now, p)).toBe(true);
          }
          const later = new Date(closed.getTime() + 3_600_000);
          expect(retentionDue(later.toISOString(), p) >= retentionDue(closed.toISOString(), p)).toBe(true);
        },
      ),
    );
  });
});

describe('mail in and webhook events anonymised', () => {
  const record = {
    id: 'm1',
    outcome: 'commented',
    orderNumber: 'HR-1001',
    personId: 'anna',
    from: 'anna@example.com',
    subject: 'Re: HR-1001 Anna Kowalska',
    messageId: '<x@example.com>',
    attachments: [{ name: 'scan.pdf', contentType: 'application/pdf', size: 10, key: 'uploads/anna/u/scan.pdf' }],
  };

  it('takes the subject always, the sender’s own data for the sender, and changes nothing more when run again', () => {
    const other = anonymiseInbound(record, false, '2026-03-02T09:00:00Z');
    expect(other).toEqual({ ...record, subject: undefined, anonymisedAt: '2026-03-02T09:00:00Z' });
    expect(other).not.toHaveProperty('subject');
    const sender = anonymiseInbound(record, true, '2026-03-02T09:00:00Z');
    expect(sender).toEqual({
      id: 'm1',
      outcome: 'commented',
      orderNumber: 'HR-1001',
      personId: 'anna',
      attachments: [{ name: '', contentType: 'application/pdf', size: 10 }],
      anonymisedAt: '2026-03-02T09:00:00Z',
    });
    expect(anonymiseInbound(sender, true, '2027-01-01T00:00:00Z')).toEqual(sender);
  });

  it('renames the order in a webhook payload and leaves anything else as it is', () => {
    const payload = JSON.stringify({ type: 'order.filed', timestamp: 't', data: { number: 'HR-1', title: 'Anna K' } });
    expect(JSON.parse(webhookPayloadTitled(payload, 'Contract'))).toEqual({
      type: 'order.filed',
      timestamp: 't',
      data: { number: 'HR-1', title: 'Contract' },
    });
    const ping = JSON.stringify({ type: 'ping', data: { department: 'HR', subscriptionId: 's' } });
    expect(webhookPayloadTitled(ping, 'Contract')).toBe(ping);
    expect(webhookPayloadTitled('not json', 'Contract')).toBe('not json');
    const same = webhookPayloadTitled(payload, 'Contract');
    expect(webhookPayloadTitled(same, 'Contract')).toBe(same);
  });
});

describe('the head’s digest without an erased requester’s title', () => {
  it('names the order by its new title in text and HTML, and leaves other orders and other digests alone', () => {
    const digest = composeDigestMail({
      department: 'HR',
      day: '2026-03-03',
      open: 2,
      late: [
        { number: 'HR-1001', title: 'Laptop for <Anna> (urgent)', state: 'breached' },
        { number: 'HR-10011', title: 'Ben Carter', state: 'at_risk' },
      ],
      to: ['henry@example.com'],
      portalUrl: 'https://ordo.example.com',
    });
    const next = digestRetitled(digest, 'HR-1001', 'Contract');
    expect(next?.text).not.toContain('Anna');
    expect(next?.html).not.toContain('Anna');
    expect(next?.text).toContain('HR-1001 (');
    expect(next?.text).toContain(') Contract: https://ordo.example.com/orders/HR-1001');
    expect(next?.html).toContain(') Contract</li>');
    expect(next?.text).toContain('Ben Carter');
    expect(next?.html).toContain('Ben Carter');
    expect(digestRetitled({ text: next?.text, html: next?.html }, 'HR-1001', 'Contract')).toBeUndefined();
    expect(digestRetitled(digest, 'HR-2002', 'Contract')).toBeUndefined();
  });

  it('reads every day the order may have been listed, the day before and after included', () => {
    expect(digestIdsOf({ department: 'HR', createdAt: '2026-03-02T23:30:00Z' }, '2026-03-04T10:00:00Z')).toEqual([
      'DIGEST.HR.2026-03-01',
      'DIGEST.HR.2026-03-02',
      'DIGEST.HR.2026-03-03',
      'DIGEST.HR.2026-03-04',
      'DIGEST.HR.2026-03-05',
    ]);
  });
});
