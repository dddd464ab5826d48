import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, availableActions, decide, FINAL_STATUSES, initialStatus } from '#shared/lifecycle.ts';
import { ORDER_STATUSES, type OrderStatus } from '#shared/model.ts';
import { CTX, complete, done, ROLES, SPEC, stateFor, withReturnedInput } from './lifecycle-spec.ts';

describe('order state machine', () => {
  it('refuses to resolve while a required deliverable is not ticked, and names it', () => {
    const decision = decide(
      {
        status: 'in_progress',
        inputs: [],
        deliverables: [{ id: 'a', label: 'Account created', required: true, done: false }],
      },
      'resolve',
      new Set(['agent']),
    );
    expect(decision).toEqual({
      ok: false,
      kind: 'requirement',
      refusal: { code: 'deliverables_unticked', params: { items: ['Account created'] } },
    });
  });

  it('does not wait for optional deliverables', () => {
    const decision = decide(
      { status: 'in_progress', inputs: [], deliverables: [done(false, false)] },
      'resolve',
      new Set(['agent']),
    );
    expect(decision).toEqual({ ok: true, to: 'resolved' });
  });

  it('keeps an order awaiting inputs until every required input is handed over', () => {
    const missing = decide(
      { status: 'awaiting_inputs', inputs: [done(true, false)], deliverables: [] },
      'complete_inputs',
      new Set(['requester']),
    );
    expect(missing.ok).toBe(false);
    const approvedWithMissing = decide(
      { status: 'awaiting_approval', inputs: [done(true, false)], deliverables: [] },
      'approve',
      new Set(['approver']),
    );
    expect(approvedWithMissing).toEqual({ ok: true, to: 'awaiting_inputs' });
  });

  it('needs a listed reason to reject and a reason to cancel', () => {
    expect(decide({ status: 'open', ...complete }, 'reject', new Set(['agent']), { reason: 'because' }).ok).toBe(false);
    expect(decide({ status: 'open', ...complete }, 'cancel', new Set(['requester']), { reason: '  ' }).ok).toBe(false);
  });

  it('refuses a reopen after the window', () => {
    expect(
      decide({ status: 'resolved', ...complete }, 'reopen', new Set(['requester']), { withinReopenWindow: false }).ok,
    ).toBe(false);
  });

  it('files an order into approval, inputs or the queue', () => {
    expect(initialStatus({ approval: { kind: 'head' } }, [])).toBe('awaiting_approval');
    expect(initialStatus({ approval: { kind: 'none' } }, [done(true, false)])).toBe('awaiting_inputs');
    expect(initialStatus({ approval: { kind: 'none' } }, [done(false, false)])).toBe('open');
  });

  it('final statuses are absorbing and every reachable status is a known one (property)', () => {
    const roleSet = fc.subarray(ROLES, { minLength: 1 }).map((r) => new Set(r));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ACTIONS), roleSet), { maxLength: 40 }), (steps) => {
        let status: OrderStatus = 'open';
        for (const [action, roles] of steps) {
          const wasFinal = FINAL_STATUSES.has(status);
          const decision = decide({ status, ...stateFor(action) }, action, roles, CTX);
          if (decision.ok) {
            expect(wasFinal).toBe(false);
            expect(SPEC[action].from).toContain(status);
            status = decision.to;
          }
          expect(ORDER_STATUSES).toContain(status);
        }
      }),
    );
  });

  it('offers exactly the actions that decide would allow (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.subarray(ROLES), (status, roles) => {
        const set = new Set(roles);
        const offered = availableActions({ status, ...complete }, set);
        const offeredWhenReturned = availableActions({ status, ...withReturnedInput }, set);
        for (const action of ACTIONS) {
          if (action === 'auto_close') continue;
          const allowed = decide({ status, ...stateFor(action) }, action, set, CTX).ok;
          const list = action === 'return_inputs' ? offeredWhenReturned : offered;
          expect(list.includes(action)).toBe(allowed);
        }
      }),
    );
  });
});
