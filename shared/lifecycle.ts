/**
 * The order state machine (SPEC §4). Every status change in Ordo goes through `decide`; nothing else
 * computes a next status. Pure: no clock, no I/O.
 */
import { conditionHolds } from './conditions.ts';
import {
  type Answers,
  type ApprovalMode,
  type ChecklistState,
  type Condition,
  type FormField,
  ORDER_STATUSES,
  type Order,
  type OrderStatus,
  type Service,
} from './model.ts';
import { type Refusal as CatalogueRefusal, type CodeWithStatus, refusal } from './refusals.ts';

export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['closed', 'cancelled', 'rejected']);

/** Statuses in which the team owes work: these orders sit in the department queue. */
export const ACTIVE_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'awaiting_approval',
  'awaiting_inputs',
  'open',
  'in_progress',
  'waiting_for_customer',
]);

/** Statuses in which the team is working the order: it may hand it off, tick deliverables, move stages. */
export const WORK_STATUSES: ReadonlySet<OrderStatus> = new Set(['open', 'in_progress', 'waiting_for_customer']);

export const ACTIONS = [
  'approve',
  'reject',
  'complete_inputs',
  'return_inputs',
  'claim',
  'assign',
  'request_clarification',
  'answer_clarification',
  'resolve',
  'confirm',
  'auto_close',
  'reopen',
  'cancel',
] as const;
export type Action = (typeof ACTIONS)[number];

/** How the acting person relates to this order. Computed by `permissions.actorRoles`. */
export type ActorRole = 'requester' | 'watcher' | 'agent' | 'head' | 'approver' | 'system';

export const REJECTION_REASONS = [
  'out_of_scope',
  'duplicate',
  'missing_information',
  'not_approved',
  'policy',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface DecisionContext {
  /** Reason code for reject, free text for cancel. */
  reason?: string;
  /** For reopen: whether the order is still within the reopen window. */
  withinReopenWindow?: boolean;
}

/**
 * A refusal says why: `role` (this person may never do it — the API answers 403), `state` (not from
 * this status) or `requirement` (something is missing first) — both 422.
 */
export type Refusal =
  | { ok: false; kind: 'role'; refusal: CatalogueRefusal<'action_not_yours'> }
  | { ok: false; kind: 'state' | 'requirement'; refusal: CatalogueRefusal<CodeWithStatus<422>> };
export type Decision = { ok: true; to: OrderStatus } | Refusal;

interface Rule {
  from: readonly OrderStatus[];
  by: readonly ActorRole[];
  to: (order: Pick<Order, 'inputs' | 'deliverables'>) => OrderStatus;
  /** Returns why the action may not happen now, or null. */
  requires?: (
    order: Pick<Order, 'inputs' | 'deliverables'>,
    ctx: DecisionContext,
  ) => CatalogueRefusal<CodeWithStatus<422>> | null;
}

/** Statuses before the work is handed back: all but resolved and the final ones. */
const NON_FINAL: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => s !== 'resolved' && !FINAL_STATUSES.has(s));

const TEAM: readonly ActorRole[] = ['agent', 'head'];

export function missingItems(items: readonly ChecklistState[]): ChecklistState[] {
  return items.filter((item) => item.required && !item.done);
}

function afterApproval(order: Pick<Order, 'inputs'>): OrderStatus {
  return missingItems(order.inputs).length > 0 ? 'awaiting_inputs' : 'open';
}

const RULES: Record<Action, Rule> = {
  approve: { from: ['awaiting_approval'], by: ['approver'], to: afterApproval },
  reject: {
    from: NON_FINAL,
    by: ['agent', 'head', 'approver'],
    to: () => 'rejected',
    requires: (_o, ctx) =>
      ctx.reason && (REJECTION_REASONS as readonly string[]).includes(ctx.reason)
        ? null
        : refusal('rejection_reason_needed', { reasons: [...REJECTION_REASONS] }),
  },
  complete_inputs: {
    from: ['awaiting_inputs'],
    by: ['requester', 'agent', 'head', 'system'],
    to: () => 'open',
    requires: (o) => {
      const missing = missingItems(o.inputs);
      return missing.length ? refusal('inputs_missing', { items: missing.map((i) => i.label) }) : null;
    },
  },
  // Hand-off contract (SPEC §14.1): the team sends inputs back as incomplete — "returned for rework".
  return_inputs: {
    from: ['open', 'in_progress'],
    by: TEAM,
    to: () => 'awaiting_inputs',
    requires: (o) => (missingItems(o.inputs).length > 0 ? null : refusal('inputs_not_marked')),
  },
  claim: { from: ['open'], by: TEAM, to: () => 'in_progress' },
  assign: { from: ['open', 'in_progress'], by: TEAM, to: () => 'in_progress' },
  request_clarification: { from: ['in_progress'], by: TEAM, to: () => 'waiting_for_customer' },
  answer_clarification: { from: ['waiting_for_customer'], by: ['requester'], to: () => 'in_progress' },
  resolve: {
    from: ['in_progress'],
    by: TEAM,
    to: () => 'resolved',
    requires: (o) => {
      const missing = missingItems(o.deliverables);
      return missing.length ? refusal('deliverables_unticked', { items: missing.map((d) => d.label) }) : null;
    },
  },
  confirm: { from: ['resolved'], by: ['requester'], to: () => 'closed' },
  auto_close: { from: ['resolved'], by: ['system'], to: () => 'closed' },
  reopen: {
    from: ['resolved'],
    by: ['requester'],
    to: () => 'in_progress',
    requires: (_o, ctx) => (ctx.withinReopenWindow === false ? refusal('reopen_window_passed') : null),
  },
  cancel: {
    // Once the work is handed back (resolved) the requester confirms or reopens instead of cancelling.
    from: NON_FINAL,
    by: ['requester'],
    to: () => 'cancelled',
    requires: (_o, ctx) => (ctx.reason?.trim() ? null : refusal('cancel_reason_needed')),
  },
};

/** The statuses in English words (the API's own texts; the portal passes its dictionary's). */
export const STATUS_WORDS: Readonly<Record<OrderStatus, string>> = {
  submitted: 'submitted',
  awaiting_approval: 'awaiting approval',
  awaiting_inputs: 'awaiting inputs',
  open: 'open',
  in_progress: 'in progress',
  waiting_for_customer: 'waiting for the customer',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'cancelled',
  rejected: 'rejected',
};

export function decide(
  order: Pick<Order, 'status' | 'inputs' | 'deliverables'>,
  action: Action,
  roles: ReadonlySet<ActorRole>,
  ctx: DecisionContext = {},
): Decision {
  const rule = RULES[action];
  if (!rule.by.some((r) => roles.has(r))) {
    return { ok: false, kind: 'role', refusal: refusal('action_not_yours', { action, roles: [...rule.by] }) };
  }
  if (!rule.from.includes(order.status)) {
    return { ok: false, kind: 'state', refusal: refusal('action_not_now', { action, status: order.status }) };
  }
  const missing = rule.requires?.(order, ctx);
  if (missing) return { ok: false, kind: 'requirement', refusal: missing };
  return { ok: true, to: rule.to(order) };
}

/** Which actions this person could take on the order now (drives the portal's buttons). */
export function availableActions(
  order: Pick<Order, 'status' | 'inputs' | 'deliverables'>,
  roles: ReadonlySet<ActorRole>,
): Action[] {
  return ACTIONS.filter((a) => {
    const rule = RULES[a];
    if (a === 'auto_close' || !rule.by.some((r) => roles.has(r)) || !rule.from.includes(order.status)) return false;
    // Offering "inputs complete" while inputs are missing would only lead to a refusal.
    return a !== 'complete_inputs' || missingItems(order.inputs).length === 0;
  });
}

/**
 * Whether an order with these answers needs approval before the queue: always when the service asks
 * for approval without a condition, otherwise only when the answers meet its `when`.
 */
export function approvalNeeded(approval: ApprovalMode, answers: Answers): boolean {
  if (approval.kind === 'none') return false;
  return approval.when === undefined || conditionHolds(approval.when, answers);
}

/** The status an order takes when it is filed, from its checked answers. */
export function initialStatus(
  service: Pick<Service, 'approval'>,
  inputs: readonly ChecklistState[],
  answers: Answers = {},
): OrderStatus {
  if (approvalNeeded(service.approval, answers)) return 'awaiting_approval';
  return missingItems(inputs).length > 0 ? 'awaiting_inputs' : 'open';
}

/** A number as people write it in English ("10,000"). */
const amount = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 10 });

/** A condition in English words, with the form's labels: "Amount (EUR) is above 10,000". */
export function conditionWords(rule: Condition, form: readonly Pick<FormField, 'id' | 'label'>[]): string {
  const label = form.find((f) => f.id === rule.field)?.label ?? rule.field;
  if (rule.equals)
    return `${label} is ${rule.equals.map((v) => (typeof v === 'number' ? amount(v) : String(v))).join(' or ')}`;
  const bounds = [
    rule.above !== undefined ? `above ${amount(rule.above)}` : '',
    rule.below !== undefined ? `below ${amount(rule.below)}` : '',
  ].filter(Boolean);
  return `${label} is ${bounds.join(' and ')}`;
}

/**
 * Why a filed order was or was not sent for approval, for its first timeline event; undefined when
 * the service has no approval condition (always or never asked, nothing to explain).
 */
export function approvalReason(service: Pick<Service, 'approval' | 'form'>, answers: Answers): string | undefined {
  const { approval } = service;
  if (approval.kind === 'none' || !approval.when) return undefined;
  const words = conditionWords(approval.when, service.form);
  return approvalNeeded(approval, answers)
    ? `Approval asked: ${words}.`
    : `No approval needed: approval is asked only when ${words}.`;
}

/** A status in words; English unless the caller passes its own words (the portal's other languages). */
export function statusWords(status: OrderStatus, words: Readonly<Record<OrderStatus, string>> = STATUS_WORDS): string {
  return words[status];
}
