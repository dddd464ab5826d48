import { describe, expect, it } from 'vitest';
import type { TransitionBody } from '#shared/api.ts';
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from '#shared/errors.ts';
import { ACTIONS, ACTIVE_STATUSES, type Action, type ActorRole, decide } from '#shared/lifecycle.ts';
import {
  type BusinessCalendar,
  type Department,
  ORDER_STATUSES,
  type Order,
  type OrderStatus,
  type Service,
  type User,
} from '#shared/model.ts';
import type { MailEvent } from '#shared/notifications.ts';
import { applyTransition, type Outcome, type TransitionContext, withSurvey } from '#shared/order-actions.ts';
import {
  applyComment,
  applyHandInput,
  applyPriority,
  applyStageMove,
  applyTickDeliverable,
  applyWatchers,
} from '#shared/order-edits.ts';
import { checkFiling, draftOrder, type Filing } from '#shared/order-filing.ts';
import { CTX, ROLES, SPEC, stateFor } from './lifecycle-spec.ts';

// ---- a small world: one department, one service, five people ----

const calendar: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  hours: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '16:00' }]])),
  holidays: [],
};
const person = (id: string, memberships: User['memberships'] = {}): User => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  email: `${id}@example.com`,
  memberships,
  admin: false,
});
const anna = person('anna'); // the requester
const wes = person('wes'); // a watcher
const hana = person('hana', { HR: 'agent' });
const henry = person('henry', { HR: 'head' });
const pia = person('pia'); // the service's named approver
const department: Department = {
  code: 'HR',
  name: 'People',
  contactEmail: 'hr@example.com',
  headId: 'henry',
  calendar,
  canvas: {} as Department['canvas'],
  version: 1,
};
const service: Service = {
  id: 'onboarding',
  department: 'HR',
  name: 'Onboarding',
  summary: '',
  description: '',
  tags: [],
  status: 'published',
  ownerId: 'henry',
  audience: [],
  form: [
    { id: 'who', kind: 'text', label: 'Who', required: true },
    { id: 'start', kind: 'date', label: 'Start date', required: false },
  ],
  inputs: [{ id: 'id', label: 'Copy of ID', kind: 'attachment', required: true }],
  deliverables: [{ id: 'account', label: 'Account created', required: true }],
  stages: [
    { id: 'triage', name: 'Triage' },
    { id: 'setup', name: 'Set-up' },
  ],
  approval: { kind: 'named', approvers: ['pia'] },
  standard: { firstResponseMinutes: 60, resolutionMinutes: 960, warningAt: 0.8, always: false },
  survey: { enabled: false, question: '' },
  reportTo: ['wes'],
  version: 2,
  updatedAt: '2026-02-01T00:00:00Z',
};

const filedAt = '2026-03-02T08:30:00.000Z'; // a Monday morning in Warsaw
const now = '2026-03-02T10:00:00.000Z';
const filing: Filing = {
  actor: anna,
  requester: anna,
  service,
  answers: { who: 'Zoe' },
  priority: 'normal',
  handed: {},
};
/** Filed straight into the queue (no approval, the input handed over), so its clocks run. */
const straight: Filing = {
  ...filing,
  service: { ...service, approval: { kind: 'none' } },
  handed: { id: { attachment: 'uploads/anna/id.pdf' } },
};
const filed = draftOrder(straight, checkFiling(straight), 'HR-1001', filedAt, department).order;

const ticked = <T extends { done: boolean }>(items: T[]) => items.map((i) => ({ ...i, done: true }));
const missing = <T extends { done: boolean }>(items: T[]) => items.map((i) => ({ ...i, done: false }));
/** The filed order in `status`, everything handed over and ticked, so only the state machine can refuse. */
const orderIn = (status: OrderStatus, extra: Partial<Order> = {}): Order => ({
  ...filed,
  status,
  inputs: ticked(filed.inputs),
  deliverables: ticked(filed.deliverables),
  ...extra,
});
const ctx = (actor: User, extra: Partial<TransitionContext> = {}): TransitionContext => ({
  actor,
  now,
  service,
  calendar,
  assignee: hana,
  ...extra,
});
/** A body each action accepts on its own terms (reason, question, answer, inputs to return). */
const bodyFor = (action: Action, version: number): TransitionBody => ({
  action,
  version,
  ...(action === 'reject' || action === 'cancel' ? { reason: 'duplicate' } : {}),
  ...(action === 'request_clarification' || action === 'answer_clarification' ? { comment: 'Which laptop?' } : {}),
  ...(action === 'reopen' ? { comment: 'The payroll number is wrong.' } : {}),
  ...(action === 'return_inputs' ? { inputs: ['id'], comment: 'Unreadable scan.' } : {}),
  ...(action === 'assign' ? { assigneeId: 'hana' } : {}),
});

/** SPEC §6: who hears of each action. */
const MAIL: Partial<Record<Action, Array<[MailEvent, string]>>> = {
  assign: [['assigned', 'assignee']],
  request_clarification: [['clarification_requested', 'requester']],
  answer_clarification: [['customer_replied', 'assignee']],
  return_inputs: [['inputs_returned', 'requester']],
  approve: [['new_in_queue', 'team']],
  resolve: [['order_resolved', 'requester']],
  reject: [['order_rejected', 'requester']],
  cancel: [
    ['order_cancelled', 'requester'],
    ['requester_cancelled', 'handlers'],
  ],
  reopen: [['order_reopened', 'handlers']],
};

/** Who each person is on the order; the named approver only while it awaits approval. */
const ACTORS: Array<{ user: User; roles: (status: OrderStatus) => ActorRole[] }> = [
  { user: anna, roles: () => ['requester'] },
  { user: wes, roles: () => ['watcher'] },
  { user: hana, roles: () => ['agent'] },
  { user: henry, roles: () => ['agent', 'head'] },
  { user: pia, roles: (status) => (status === 'awaiting_approval' ? ['approver'] : []) },
];

const serviceCounters = (outcome: Outcome) =>
  outcome.counters.find((d) => d.kind === 'service' && d.key === 'onboarding')?.counters ?? {};
const openGauge = (outcome: Outcome) =>
  outcome.counters.filter((d) => d.kind === 'serviceLoad').reduce((n, d) => n + (d.counters.open ?? 0), 0);

/** The state machine alone, for every role it knows (the timer job acts as `system`). */
describe('deciding an action: every status × action × role', () => {
  for (const status of ORDER_STATUSES) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const spec = SPEC[action];
        const allowed = spec.from.includes(status) && spec.by.includes(role);
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} when ${status}`, () => {
          const decision = decide({ status, ...stateFor(action) }, action, new Set([role]), CTX);
          if (allowed) {
            expect(decision).toEqual({ ok: true, to: spec.to });
          } else {
            expect(decision.ok).toBe(false);
            if (!decision.ok) {
              expect(decision.refusal.code).toBe(spec.by.includes(role) ? 'action_not_now' : 'action_not_yours');
              expect(decision.kind).toBe(spec.by.includes(role) ? 'state' : 'role');
            }
          }
        });
      }
    }
  }
});

/** The whole change, for the people on an order (their roles as actorRoles gives them). */
describe('applying an action: every status × action × role', () => {
  for (const status of ORDER_STATUSES) {
    for (const action of ACTIONS) {
      for (const { user, roles } of ACTORS) {
        const spec = SPEC[action];
        const held = roles(status);
        const mayAct = held.some((r) => spec.by.includes(r));
        const allowed = mayAct && spec.from.includes(status);
        it(`${user.id} (${held.join('+') || 'nobody'}) ${allowed ? 'may' : 'may not'} ${action} when ${status}`, () => {
          const order = orderIn(status);
          const run = () => applyTransition(order, bodyFor(action, order.version), ctx(user));
          if (!allowed) {
            // A role that may never do it is 403; a status it cannot be done from is 422.
            expect(run).toThrow(mayAct ? RuleViolationError : ForbiddenError);
            expect(() => run()).toThrow(/.{11,}/);
            return;
          }
          const outcome = run();
          expect(outcome.order.status).toBe(spec.to);
          expect(outcome.order.version).toBe(order.version + 1);
          expect(outcome.order.updatedAt).toBe(now);
          expect(outcome.events).toEqual([
            expect.objectContaining({ kind: action, from: status, to: spec.to, actorId: user.id, at: now }),
          ]);
          expect(outcome.mails.map((m) => [m.event, m.to])).toEqual(MAIL[action] ?? []);
          // The queue gauges follow the order in and out of the queue.
          expect(openGauge(outcome)).toBe(Number(ACTIVE_STATUSES.has(spec.to)) - Number(ACTIVE_STATUSES.has(status)));
        });
      }
    }
  }
});

describe('applying an action', () => {
  it('refuses a change made on another version, with the current order', () => {
    const order = orderIn('open');
    const run = () => applyTransition(order, bodyFor('claim', order.version - 1), ctx(hana));
    expect(run).toThrow(ConflictError);
    try {
      run();
    } catch (error) {
      expect((error as ConflictError).current).toBe(order);
    }
  });

  it('claims: the claimer holds it, and the first-response clock stops', () => {
    const outcome = applyTransition(orderIn('open'), bodyFor('claim', 1), ctx(hana));
    expect(outcome.order.assigneeId).toBe('hana');
    expect(outcome.order.clocks?.firstResponse.stoppedAt).toBe(now);
    expect(outcome.order.clocks?.resolution.stoppedAt).toBeUndefined();
    expect(outcome.order.holds?.at(-1)).toMatchObject({ assigneeId: 'hana', from: now });
    expect(outcome.order.holds?.at(-2)?.to).toBe(now);
    // Filed 9:30 in Warsaw, claimed at 11:00: 90 working minutes against a 60-minute standard.
    expect(serviceCounters(outcome)).toMatchObject({ frBreached: 1 });
    expect(outcome.order.clocks?.firstResponse.outcome).toBe('breached');
  });

  it('assigns only to an agent of the department', () => {
    const order = orderIn('open');
    expect(() => applyTransition(order, bodyFor('assign', 1), ctx(henry, { assignee: anna }))).toThrow(ValidationError);
    expect(() => applyTransition(order, bodyFor('assign', 1), ctx(henry, { assignee: undefined }))).toThrow(
      ValidationError,
    );
    expect(applyTransition(order, bodyFor('assign', 1), ctx(henry)).order.assigneeId).toBe('hana');
  });

  it('resolves: records when, closes the clocks, counts it, and schedules the auto-close; reopening undoes it', () => {
    const resolved = applyTransition(orderIn('in_progress', { assigneeId: 'hana' }), bodyFor('resolve', 1), ctx(hana));
    expect(resolved.order.resolvedAt).toBe(now);
    expect(resolved.order.clocks?.resolution.stoppedAt).toBe(now);
    expect(resolved.order.autoCloseAt! > now).toBe(true);
    expect(resolved.order.nextDueAt).toBeUndefined();
    expect(serviceCounters(resolved)).toMatchObject({ resolved: 1 });
    expect(resolved.counters.find((d) => d.kind === 'agent')?.key).toBe('hana');
    const reopened = applyTransition(resolved.order, bodyFor('reopen', 2), ctx(anna));
    expect(reopened.order.resolvedAt).toBeUndefined();
    expect(reopened.order.autoCloseAt).toBeUndefined();
    expect(reopened.order.clocks?.resolution.stoppedAt).toBeUndefined();
    expect(serviceCounters(reopened)).toMatchObject({ reopened: 1 });
  });

  it('refuses to resolve while a required deliverable is not ticked, and names it', () => {
    const order = orderIn('in_progress', { deliverables: missing(filed.deliverables) });
    expect(() => applyTransition(order, bodyFor('resolve', 1), ctx(hana))).toThrow(
      expect.objectContaining({ code: 'deliverables_unticked', params: { items: ['Account created'] } }),
    );
  });

  it('reopens only with what was missing or wrong: on the timeline and in the mail of whoever handles it', () => {
    const order = orderIn('resolved', { assigneeId: 'hana', autoCloseAt: '2099-01-01T00:00:00.000Z' });
    for (const comment of [undefined, '  ']) {
      const body: TransitionBody = { action: 'reopen', version: 1, ...(comment ? { comment } : {}) };
      const refusal = (() => {
        try {
          applyTransition(order, body, ctx(anna));
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(ValidationError);
      expect(Object.keys((refusal as ValidationError).fields ?? {})).toEqual(['comment']);
    }
    const reopened = applyTransition(order, bodyFor('reopen', 1), ctx(anna));
    expect(reopened.events[0]).toMatchObject({ kind: 'reopen', comment: 'The payroll number is wrong.' });
    expect(reopened.mails).toEqual([
      { event: 'order_reopened', to: 'handlers', comment: 'The payroll number is wrong.' },
    ]);
  });

  it('tells the team why the requester cancelled', () => {
    const body: TransitionBody = { action: 'cancel', version: 1, reason: 'Hired elsewhere.' };
    expect(applyTransition(orderIn('open'), body, ctx(anna)).mails).toEqual([
      { event: 'order_cancelled', to: 'requester', comment: 'Hired elsewhere.' },
      { event: 'requester_cancelled', to: 'handlers', comment: 'Hired elsewhere.' },
    ]);
  });

  it('refuses a reopen after the window', () => {
    const order = orderIn('resolved', { autoCloseAt: '2026-03-02T09:00:00.000Z' });
    expect(() => applyTransition(order, bodyFor('reopen', 1), ctx(anna))).toThrow(RuleViolationError);
  });

  it('asks the requester a question, and takes the answer to exactly what was asked', () => {
    const asked = applyTransition(
      orderIn('in_progress'),
      { ...bodyFor('request_clarification', 1), fields: ['start'] },
      ctx(hana),
    );
    expect(asked.order.clarification).toMatchObject({ id: 'c1', question: 'Which laptop?', fields: ['start'] });
    expect(asked.order.clocks?.resolution.pausedAt).toBe(now);
    expect(serviceCounters(asked)).toMatchObject({ clarifications: 1 });
    expect(asked.mails).toEqual([{ event: 'clarification_requested', to: 'requester', comment: 'Which laptop?' }]);
    const answer = { ...bodyFor('answer_clarification', 2), comment: 'Monday' };
    expect(() => applyTransition(asked.order, { ...answer, answers: { who: 'Someone else' } }, ctx(anna))).toThrow(
      expect.objectContaining({ fields: { answers: { code: 'not_asked', params: { ids: ['who'] } } } }),
    );
    const answered = applyTransition(asked.order, { ...answer, answers: { start: '2026-04-01' } }, ctx(anna));
    expect(answered.order.answers).toEqual({ who: 'Zoe', start: '2026-04-01' });
    expect(answered.order.clarification).toBeUndefined();
    expect(answered.order.clocks?.resolution.pausedAt).toBeUndefined();
  });

  it('returns inputs for rework: names them, marks them missing, counts the round', () => {
    const order = orderIn('in_progress');
    expect(() => applyTransition(order, { action: 'return_inputs', version: 1 }, ctx(hana))).toThrow(ValidationError);
    expect(() => applyTransition(order, { ...bodyFor('return_inputs', 1), inputs: ['nope'] }, ctx(hana))).toThrow(
      expect.objectContaining({ fields: { inputs: { code: 'unknown_items', params: { ids: ['nope'] } } } }),
    );
    const outcome = applyTransition(order, bodyFor('return_inputs', 1), ctx(hana));
    expect(outcome.order.inputs[0]).toMatchObject({ done: false, note: 'Unreadable scan.' });
    expect(outcome.order.reworks).toBe(1);
    expect(serviceCounters(outcome)).toMatchObject({ reworks: 1 });
  });

  it('rejects and cancels with the reason on the order', () => {
    const rejected = applyTransition(orderIn('open'), { ...bodyFor('reject', 1), comment: 'Filed twice' }, ctx(hana));
    expect(rejected.order.closure).toEqual({ reason: 'duplicate', text: 'Filed twice' });
    expect(rejected.events[0]?.reason).toBe('duplicate');
    expect(serviceCounters(rejected)).toMatchObject({ rejected: 1, rej_duplicate: 1 });
    const cancelled = applyTransition(orderIn('open'), bodyFor('cancel', 1), ctx(anna));
    expect(cancelled.order.closure).toEqual({ reason: 'duplicate' });
    expect(cancelled.events[0]?.reason).toBeUndefined();
    expect(serviceCounters(cancelled)).toMatchObject({ cancelled: 1 });
  });

  it('adds a resolution survey to the order and to the day counters', () => {
    const resolved = applyTransition(orderIn('in_progress'), bodyFor('resolve', 1), ctx(hana));
    const surveyed = withSurvey(resolved, { round: now, invitedAt: now }, { invited: 1 }, calendar.timeZone);
    expect(surveyed.order.survey).toEqual({ round: now, invitedAt: now });
    expect(surveyed.counters.at(-1)).toEqual({
      department: 'HR',
      day: '2026-03-02',
      kind: 'service',
      key: 'onboarding',
      counters: { invited: 1 },
    });
  });
});

describe('other changes of an order', () => {
  it('opens the order when the last input is handed over, and tells the team', () => {
    const order = orderIn('awaiting_inputs', { inputs: missing(filed.inputs) });
    const body = { version: 1, done: true, attachment: 'uploads/anna/id.pdf' };
    expect(() => applyHandInput(order, 'id', { ...body, attachment: 'uploads/hana/id.pdf' }, ctx(anna))).toThrow(
      expect.objectContaining({ fields: { attachment: { code: 'unknown_file' } } }),
    );
    expect(() => applyHandInput(order, 'id', body, ctx(wes))).toThrow(ForbiddenError);
    const outcome = applyHandInput(order, 'id', body, ctx(anna));
    expect(outcome.order.status).toBe('open');
    expect(outcome.events.map((e) => e.kind)).toEqual(['input_handed_over', 'complete_inputs']);
    expect(outcome.mails).toEqual([{ event: 'new_in_queue', to: 'team' }]);
    expect(outcome.order.clocks?.resolution.pausedAt).toBeUndefined();
    expect(() => applyHandInput(orderIn('closed'), 'id', body, ctx(anna))).toThrow(
      expect.objectContaining({ code: 'inputs_closed' }),
    );
  });

  it('ticks deliverables only while the order is worked, without counters', () => {
    const body = { version: 1, done: true, note: 'Done' };
    expect(() => applyTickDeliverable(orderIn('resolved'), 'account', body, ctx(hana))).toThrow(RuleViolationError);
    expect(() => applyTickDeliverable(orderIn('open'), 'account', body, ctx(anna))).toThrow(ForbiddenError);
    const outcome = applyTickDeliverable(
      orderIn('open', { deliverables: missing(filed.deliverables) }),
      'account',
      body,
      ctx(hana),
    );
    expect(outcome.order.deliverables[0]).toMatchObject({ done: true, by: 'hana', at: now, note: 'Done' });
    expect(outcome.events[0]).toMatchObject({ kind: 'deliverable_ticked', comment: 'Account created: Done' });
    expect(outcome.counters).toEqual([]);
  });

  it('moves the stage and tells the requester in a mail named after the version it moved from', () => {
    const order = orderIn('in_progress', { stage: 'triage', version: 4 });
    const outcome = applyStageMove(order, { version: 4, stage: 'setup' }, ctx(hana));
    expect(outcome.order.stage).toBe('setup');
    expect(outcome.order.holds?.at(-1)).toMatchObject({ stage: 'setup', from: now });
    expect(outcome.mails).toEqual([
      { event: 'stage_changed', to: 'requester', comment: 'Triage → Set-up', idVersion: 4 },
    ]);
    expect(serviceCounters(outcome)).toHaveProperty('stage_triage_n', 1);
    expect(() => applyStageMove(order, { version: 4, stage: 'nope' }, ctx(hana))).toThrow(
      expect.objectContaining({ fields: { stage: { code: 'unknown_stage' } } }),
    );
    expect(() => applyStageMove(order, { version: 4, stage: 'setup' }, ctx(anna))).toThrow(ForbiddenError);
  });

  it('changes the priority with an internal note', () => {
    const outcome = applyPriority(orderIn('open'), { version: 1, priority: 'high' }, ctx(hana));
    expect(outcome.order.priority).toBe('high');
    expect(outcome.events[0]).toMatchObject({
      kind: 'priority_changed',
      comment: 'normal → high',
      visibility: 'internal',
    });
    expect(outcome.mails).toEqual([]);
  });

  it('changes watchers, naming the people added and refusing unknown ones', () => {
    const known = new Map([['pia', pia]]);
    const outcome = applyWatchers(orderIn('open'), { add: ['pia'], remove: ['wes'] }, known, ctx(anna));
    expect(outcome.order.watchers).toEqual(['pia']);
    expect(outcome.events[0]?.comment).toBe('added Pia; removed wes');
    expect(() => applyWatchers(orderIn('open'), { add: ['zed'] }, known, ctx(anna))).toThrow(
      expect.objectContaining({ fields: { add: { code: 'unknown_people', params: { ids: ['zed'] } } } }),
    );
    expect(() => applyWatchers(orderIn('open'), { add: ['pia'] }, known, ctx(pia))).toThrow(ForbiddenError);
  });

  it("counts the team's first public comment as its first response; internal notes are the team's", () => {
    const reply = applyComment(orderIn('open'), { text: 'On it', visibility: 'public' }, ctx(hana));
    expect(reply.order.clocks?.firstResponse.stoppedAt).toBe(now);
    expect(reply.events[0]).toMatchObject({ kind: 'comment', comment: 'On it', visibility: 'public' });
    const note = applyComment(orderIn('open'), { text: 'Check HR file', visibility: 'internal' }, ctx(hana));
    expect(note.order.clocks?.firstResponse.stoppedAt).toBeUndefined();
    expect(note.events[0]?.kind).toBe('internal_note');
    const fromRequester = applyComment(orderIn('open'), { text: 'Any news?', visibility: 'public' }, ctx(anna));
    expect(fromRequester.order.clocks?.firstResponse.stoppedAt).toBeUndefined();
    expect(() => applyComment(orderIn('open'), { text: 'x', visibility: 'internal' }, ctx(anna))).toThrow(
      ForbiddenError,
    );
  });
});

describe('filing an order', () => {
  it('waits for the named approver, tells the requester and the approver, and counts it', () => {
    const draft = draftOrder(filing, checkFiling(filing), 'HR-1001', filedAt, department);
    expect(draft.order).toMatchObject({ status: 'awaiting_approval', stage: 'triage', watchers: ['wes'], version: 1 });
    expect(draft.order.title).toBe('Onboarding: Zoe');
    expect(draft.event).toMatchObject({ kind: 'submitted', to: 'awaiting_approval', actorId: 'anna' });
    expect(draft.mails).toEqual([
      { event: 'order_received', to: 'requesterOnly', audience: 'requester' },
      { event: 'approval_needed', to: 'people', people: ['pia'], audience: 'approvers' },
    ]);
    expect(serviceCounters(draft as unknown as Outcome)).toMatchObject({ created: 1, std_v2: 1 });
  });

  it('records how it came in, and counts its channel on the service row', () => {
    const channelOf = (f: Filing) => {
      const draft = draftOrder(f, checkFiling(f), 'HR-3', filedAt, department);
      const counters = serviceCounters(draft as unknown as Outcome);
      return [draft.order.channel, Object.keys(counters).filter((k) => k.startsWith('ch_'))];
    };
    expect(channelOf(filing)).toEqual(['portal', ['ch_portal']]);
    expect(channelOf({ ...filing, channel: 'email' })).toEqual(['email', ['ch_email']]);
    expect(channelOf({ ...filing, channel: 'api', parent: { number: 'HR-1', relation: 'bundle_part' } })).toEqual([
      'api',
      ['ch_api'],
    ]);
    const handoff = { number: 'IT-1', relation: 'handoff' as const, department: 'IT', serviceId: 'it-laptop' };
    expect(channelOf({ ...filing, channel: 'api', parent: handoff })).toEqual(['handoff', ['ch_handoff']]);
  });

  it('goes to the queue without approval and inputs, or waits for inputs; a bundle part stays quiet', () => {
    const open = { ...filing, service: { ...service, approval: { kind: 'none' as const }, inputs: [] } };
    expect(draftOrder(open, checkFiling(open), 'HR-2', filedAt, department).mails.at(-1)).toEqual({
      event: 'new_in_queue',
      to: 'team',
    });
    const inputs = {
      ...filing,
      service: { ...service, approval: { kind: 'none' as const } },
      parent: { number: 'HR-1', relation: 'bundle_part' as const },
      quiet: true,
    };
    const part = draftOrder(inputs, checkFiling(inputs), 'HR-3', filedAt, department);
    expect(part.order).toMatchObject({ status: 'awaiting_inputs', parentNumber: 'HR-1', relation: 'bundle_part' });
    expect(part.event.comment).toBe('Part of HR-1.');
    expect(part.mails).toEqual([{ event: 'inputs_missing', to: 'requesterOnly', audience: 'requester-inputs' }]);
  });

  it('checks answers and files before the order takes a number', () => {
    expect(() => checkFiling({ ...filing, answers: {} })).toThrow(ValidationError);
    expect(() => checkFiling({ ...filing, handed: { nope: {} } })).toThrow(
      expect.objectContaining({ fields: { 'inputs.nope': { code: 'unknown_input' } } }),
    );
    const foreign = { ...filing, handed: { id: { attachment: 'uploads/hana/x.pdf' } } };
    expect(() => checkFiling(foreign)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(checkFiling({ ...foreign, trustedAttachments: true })).toEqual({ who: 'Zoe' });
  });
});
