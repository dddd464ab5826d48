/**
 * SPEC §4 written out independently of the implementation, for the state-machine tests
 * (lifecycle.test.ts) and the tests of applying actions (order-actions.test.ts).
 */
import type { Action, ActorRole } from '#shared/lifecycle.ts';
import type { ChecklistState, OrderStatus } from '#shared/model.ts';

export const ROLES: ActorRole[] = ['requester', 'watcher', 'agent', 'head', 'approver', 'system'];

export const NON_FINAL: OrderStatus[] = [
  'submitted',
  'awaiting_approval',
  'awaiting_inputs',
  'open',
  'in_progress',
  'waiting_for_customer',
];

/** Action → (allowed from, allowed roles, to). */
export const SPEC: Record<Action, { from: OrderStatus[]; by: ActorRole[]; to: OrderStatus }> = {
  approve: { from: ['awaiting_approval'], by: ['approver'], to: 'open' },
  reject: { from: NON_FINAL, by: ['agent', 'head', 'approver'], to: 'rejected' },
  complete_inputs: { from: ['awaiting_inputs'], by: ['requester', 'agent', 'head', 'system'], to: 'open' },
  return_inputs: { from: ['open', 'in_progress'], by: ['agent', 'head'], to: 'awaiting_inputs' },
  claim: { from: ['open'], by: ['agent', 'head'], to: 'in_progress' },
  assign: { from: ['open', 'in_progress'], by: ['agent', 'head'], to: 'in_progress' },
  request_clarification: { from: ['in_progress'], by: ['agent', 'head'], to: 'waiting_for_customer' },
  answer_clarification: { from: ['waiting_for_customer'], by: ['requester'], to: 'in_progress' },
  resolve: { from: ['in_progress'], by: ['agent', 'head'], to: 'resolved' },
  confirm: { from: ['resolved'], by: ['requester'], to: 'closed' },
  auto_close: { from: ['resolved'], by: ['system'], to: 'closed' },
  reopen: { from: ['resolved'], by: ['requester'], to: 'in_progress' },
  cancel: { from: NON_FINAL, by: ['requester'], to: 'cancelled' },
};

export const done = (required: boolean, isDone: boolean): ChecklistState => ({
  id: 'x',
  label: 'X',
  required,
  done: isDone,
});
export const complete = { inputs: [done(true, true)], deliverables: [done(true, true)] };
/** For return_inputs, an input has been marked incomplete by the team. */
export const withReturnedInput = { inputs: [done(true, false)], deliverables: [done(true, true)] };
export const stateFor = (action: Action) => (action === 'return_inputs' ? withReturnedInput : complete);

export const CTX = { reason: 'duplicate', withinReopenWindow: true };
