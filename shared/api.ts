/**
 * The API's contract: request schemas (validated by the API, reused by the portal) and response shapes.
 * Paths live under /api/v1.
 */
import * as z from 'zod/mini';
import type { HandoffMap } from './handoff-map.ts';
import type { CapacityView, CustomersView, GoalProgress } from './insight.ts';
import { ACTIONS, type Action } from './lifecycle.ts';
import type { LivingCanvas } from './living-canvas.ts';
import type { Department, Language, Order, OrderStatus, Priority, Service, TimelineEvent, User } from './model.ts';
import { ATTACHMENT_LIMITS, GOAL_METRICS, LANGUAGES, MAX_WEIGHT, PRIORITIES } from './model.ts';
import { MUTABLE_EVENTS } from './notifications.ts';
import { storableNumber } from './numbers.ts';
import type { SlaSummary } from './order-clocks.ts';
import type { ProcessMap } from './process-map.ts';
import type { RankedService, RankingWeights } from './ranking.ts';
import { customIssue, type ProblemCode, type RefusalCode, says, saysType } from './refusals.ts';
import type { Report } from './reports.ts';
import type { SipocView } from './sipoc.ts';
import { LOW_SCORE_CATEGORIES, SEGMENT_DIMENSIONS } from './stats.ts';
import { isOneLine } from './text.ts';

export const API_PREFIX = '/api/v1';

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.refine(isOneLine, says('one_line')));
const answerValue = z.union([
  z.string().check(z.maxLength(10_000)),
  storableNumber(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(500))).check(z.maxLength(100)),
  z.null(),
]);

/** An administrator sets a person's roles: department → agent | head, and admin. */
export const rolesBody = z.strictObject({
  memberships: z
    .record(
      z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,9}$/, says('department_code_format'))),
      z.enum(['agent', 'head']),
    )
    .check(z.refine((m) => Object.keys(m).length <= 20, { error: 'too_many', params: { max: 20 } })),
  admin: z.boolean(),
});

/**
 * The person's own settings: non-essential notifications to switch off (see
 * notifications.MUTABLE_EVENTS) and the portal's language. What is left out stays as it was.
 */
export const preferencesBody = z
  .strictObject({
    mutedEvents: z.optional(z.array(z.enum(MUTABLE_EVENTS)).check(z.maxLength(20))),
    language: z.optional(z.enum(LANGUAGES)),
  })
  .check(z.refine((body) => body.mutedEvents !== undefined || body.language !== undefined, says('nothing_to_change')));

/** POST /me/sign-in: the ID token the portal received with its access token. */
export const signInBody = z.strictObject({
  idToken: z.string().check(z.minLength(10), z.maxLength(8192)),
});

export const createOrderBody = z.strictObject({
  serviceId: id,
  answers: z
    .record(z.string().check(z.maxLength(100)), answerValue)
    .check(z.refine((a) => Object.keys(a).length <= 200, { error: 'too_many', params: { max: 200 } })),
  /** Inputs handed over with the order (input id → note or attachment key). */
  inputs: z.optional(
    z.record(
      z.string().check(z.maxLength(100)),
      z.strictObject({
        note: z.optional(z.string().check(z.trim(), z.maxLength(2_000))),
        attachment: z.optional(z.string().check(z.maxLength(1_024))),
      }),
    ),
  ),
  priority: z.optional(z.enum(PRIORITIES)),
  /** File on behalf of a colleague. */
  requesterId: z.optional(id),
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;

const answers = z
  .record(z.string().check(z.maxLength(100)), answerValue)
  .check(z.refine((a) => Object.keys(a).length <= 200, { error: 'too_many', params: { max: 200 } }));
const ids = z.array(id).check(z.maxLength(60));

export const transitionBody = z.strictObject({
  action: z.enum(ACTIONS),
  /** The order version the caller saw; a stale one gets 409. */
  version: z.number().check(z.int(), z.gte(1)),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(5_000))),
  /** reject: one of REJECTION_REASONS; cancel: why, in words. */
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  assigneeId: z.optional(id),
  /** request_clarification: the form fields to answer again; return_inputs / request_clarification: the inputs to hand over again. */
  fields: z.optional(ids),
  inputs: z.optional(ids),
  /** answer_clarification: new answers for the requested fields. */
  answers: z.optional(answers),
});
export type TransitionBody = z.infer<typeof transitionBody>;

/**
 * One line of an order's checklist marked done or not, with a note and a file. A new schema each
 * call: the OpenAPI document names a request schema after the first route that takes it.
 */
const checklistMarkBody = () =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    done: z.boolean(),
    note: z.optional(z.string().check(z.trim(), z.maxLength(2_000))),
    /** Key returned by POST /attachments. */
    attachment: z.optional(z.string().check(z.maxLength(1_024))),
  });

/** The team ticks one deliverable (or unticks it). */
export const tickDeliverableBody = checklistMarkBody();
export type TickDeliverableBody = z.infer<typeof tickDeliverableBody>;

/** The requester hands over one required input (or the team marks it received / not received). */
export const handInputBody = checklistMarkBody();
export type HandInputBody = z.infer<typeof handInputBody>;

export const stageBody = z.strictObject({ version: z.number().check(z.int(), z.gte(1)), stage: id });
export const priorityBody = z.strictObject({
  version: z.number().check(z.int(), z.gte(1)),
  priority: z.enum(PRIORITIES),
});
export const watchersBody = z.strictObject({ add: z.optional(ids), remove: z.optional(ids) });

/** Answer to a clarification, from the portal or the emailed signed link. */
export const clarificationAnswerBody = z.strictObject({
  comment: z.string().check(z.trim(), z.minLength(1), z.maxLength(5_000)),
  answers: z.optional(answers),
});

/** Hand-off: a linked child order in another department's service (SPEC §4, §14.1). */
export const handoffBody = z.strictObject({
  version: z.number().check(z.int(), z.gte(1)),
  serviceId: id,
  answers,
  /** Parent deliverables passed on as the child's inputs: parent deliverable id → child input id. */
  pass: z.optional(z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(100)))),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(5_000))),
});

export const uploadRequestBody = z.strictObject({
  fileName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(200),
      z.regex(/^[^/\\\0]+$/, says('file_name_format')),
      z.refine(isOneLine, says('one_line')),
    ),
  contentType: z.enum(ATTACHMENT_LIMITS.contentTypes, says('file_type')),
  size: z.number().check(z.int(), z.gte(1), z.lte(ATTACHMENT_LIMITS.maxBytes, says('file_too_big'))),
});

/** A survey answer: the 1–5 rating, and optionally why (a category for low ratings) and a comment. */
export const surveyAnswerBody = z.strictObject({
  score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], says('score_range')),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(2_000))),
  category: z.optional(z.enum(LOW_SCORE_CATEGORIES)),
});

export const closeFollowUpBody = z.strictObject({
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)),
});

export const reportQuery = z.strictObject({
  from: z.iso.date(says('not_date')),
  to: z.iso.date(says('not_date')),
  service: z.optional(z.string().check(z.maxLength(100))),
  agent: z.optional(z.string().check(z.maxLength(100))),
  format: z._default(z.enum(['json', 'csv']), 'json'),
  table: z.optional(z.enum(['services', 'agents', 'weekly', 'stages', 'rejections', 'breaches', 'lowScores'])),
});

/** The process views (process map, SIPOC, hand-off map): a period of local days; the last 30 days when left out. */
export const processQuery = z.strictObject({
  from: z.optional(z.iso.date(says('not_date'))),
  to: z.optional(z.iso.date(says('not_date'))),
  format: z._default(z.enum(['json', 'csv']), 'json'),
});
export type ProcessQuery = z.infer<typeof processQuery>;

/** A step of a service's flow, as the process map names it (filed, awaiting_inputs, stage:<id>, …). */
export const stepParam = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_:.-]{1,90}$/, says('unknown_stage')),
    z.describe('A step of the service’s flow: awaiting_approval, awaiting_inputs or stage:<stage id>.'),
  );

/** The customers view (heads): a window of weeks, and what counts as a regular customer who stopped. */
export const customersQuery = z.pipe(
  z
    .strictObject({
      weeks: z._default(z.coerce.number().check(z.int(), z.gte(4), z.lte(104)), 26),
      quietWeeks: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(26))),
      regularWeeks: z._default(z.coerce.number().check(z.int(), z.gte(2), z.lte(52)), 3),
      segment: z._default(z.enum(SEGMENT_DIMENSIONS), 'department'),
    })
    .check(
      z.refine((q) => q.quietWeeks === undefined || q.quietWeeks < q.weeks, {
        path: ['quietWeeks'],
        error: 'shorter_than_window',
      }),
    ),
  z.transform((q) => ({ ...q, quietWeeks: q.quietWeeks ?? Math.min(4, q.weeks - 1) })),
);

/** The capacity view (heads): weeks of history and of forecast. */
export const capacityQuery = z.strictObject({
  weeks: z._default(z.coerce.number().check(z.int(), z.gte(4), z.lte(52)), 12),
  horizon: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(12)), 6),
});

const goalBody = z
  .strictObject({
    id: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, says('goal_id_format')))),
    metric: z.enum(GOAL_METRICS),
    target: storableNumber().check(z.gt(0)),
    serviceId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    from: z.iso.date(says('not_date')),
    to: z.iso.date(says('not_date')),
  })
  .check(
    z.superRefine((g, ctx) => {
      const share = g.metric === 'csat' || g.metric.endsWith('_on_time');
      if (share && g.target > 1) ctx.addIssue(customIssue(['target'], 'share_at_most_one'));
      if (!share && g.target > 100_000) ctx.addIssue(customIssue(['target'], 'time_too_long'));
      if (g.from > g.to) ctx.addIssue(customIssue(['to'], 'period_reversed'));
      else if ((Date.parse(g.to) - Date.parse(g.from)) / 86_400_000 > 400)
        ctx.addIssue(customIssue(['to'], 'period_too_long', { maxDays: 400 }));
    }),
  );

/** The living canvas (heads): a window of weeks up to the current one. */
export const canvasQuery = z.strictObject({
  weeks: z._default(z.coerce.number().check(z.int(), z.gte(4), z.lte(26)), 8),
});

const weight = z.number(saysType('not_number')).check(z.int(), z.gte(0), z.lte(MAX_WEIGHT));
/** The weights of the service ranking, all five, each a whole number from 0 to 10. */
export const rankingBody = z.strictObject({
  version: z.number().check(z.int(), z.gte(1)),
  weights: z.strictObject({
    onTime: weight,
    satisfaction: weight,
    demandGrowth: weight,
    rework: weight,
    clarifications: weight,
  }),
});
export type RankingBody = z.infer<typeof rankingBody>;

/** The department's goals, replaced as a whole (SPEC §2 "we promise…"). */
export const goalsBody = z.strictObject({
  goals: z.array(goalBody).check(z.maxLength(20)),
  version: z.number().check(z.int(), z.gte(1)),
});
export type GoalsBody = z.infer<typeof goalsBody>;

export const commentBody = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(5_000)),
  visibility: z._default(z.enum(['public', 'internal']), 'public'),
});
export type CommentBody = z.infer<typeof commentBody>;

/**
 * A list's cursor, as the API answered it. At most 1,000 characters: base64url of at most 750 bytes, so
 * no key in it can outgrow DynamoDB's (a sort key's 1,024 bytes) before the list checks it is its own.
 */
export const pageCursor = z.string().check(z.maxLength(1_000));

export const pageQuery = z.strictObject({
  cursor: z.optional(pageCursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

/** GET /service-templates: names and summaries in the reader's language, unless the portal asks for its own. */
export const templatesQuery = z.strictObject({ language: z.optional(z.enum(LANGUAGES)) });

/**
 * POST /departments/:code/services/from-template: a template adopted as a draft service of the
 * department. `id` and `name` are held to the rules of `POST /services` when the service is made from
 * them (service-schema.ts, kept out of this module so the portal's pages do not load it).
 */
export const fromTemplateBody = z.strictObject({
  templateId: id,
  /** The new service's id; `<department code in lower case>-<templateId>` when left out. */
  id: z.optional(z.string().check(z.maxLength(100))),
  /** The service's own name instead of the template's. */
  name: z.optional(z.string().check(z.maxLength(200))),
});
export type FromTemplateBody = z.infer<typeof fromTemplateBody>;

/** The Idempotency-Key header of a filing: the same key files once (a repeat answers the same order). */
export const idempotencyKeyHeader = z.string().check(z.regex(/^[\w-]{8,100}$/, says('idempotency_key_format')));

export const orderNumberParam = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,9}-\d{1,9}$/, says('order_number_format')));
export const departmentCodeParam = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,9}$/, says('department_code_format')));
// Ids with no format of their own: an unknown one answers 404. Their length is bounded all the same,
// longer than any id made here, so that no path reaches a DynamoDB key over its 1,024 bytes.
export const serviceIdParam = z
  .string()
  .check(z.maxLength(100), z.describe('A service id; an unknown one answers 404.'));
export const personIdParam = z
  .string()
  .check(z.maxLength(255), z.describe('A person’s id; an unknown one answers 404.'));

// ---- responses ----

/** A field's refusal in a problem: its code, parameters, and the English words. */
export interface ProblemField {
  code: RefusalCode;
  params: Record<string, unknown>;
  detail: string;
}

/**
 * Every refusal of the API: RFC 9457 problem details (`Content-Type: application/problem+json`).
 * `code` and `params` are the catalogue's (shared/refusals.ts); `type` is `/api/v1/problems/<code>`;
 * `title` says the status in English, `detail` the refusal; `fields` by dotted path. A conflict
 * carries the `current` state. A newer API may send codes this build does not know.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  params: Record<string, unknown>;
  fields?: Record<string, ProblemField>;
  current?: unknown;
}

/** GET /me: the person, with their saved preferences (`user.mutedEvents`, `user.language`). */
export interface Me {
  user: User;
}

export interface ServiceSummary {
  id: string;
  department: string;
  name: string;
  summary: string;
  tags: string[];
  standard: Service['standard'];
  /** The name and summary in other languages, where the department gave them. */
  translations?: Partial<Record<Language, { name?: string; summary?: string }>>;
}

export interface DepartmentPage {
  department: Department;
  services: ServiceSummary[];
}

export interface OrderSummary {
  number: string;
  title: string;
  serviceName: string;
  department: string;
  status: OrderStatus;
  stage: string;
  priority: Priority;
  requesterId: string;
  assigneeId?: string;
  createdAt: string;
  updatedAt: string;
  nextDueAt?: string;
  /** The most urgent clock at the time of the answer. */
  sla?: SlaSummary;
  /** Lets a list act on the order (e.g. claim) without loading it first. */
  version: number;
}

export interface OrderView {
  order: Order;
  timeline: TimelineEvent[];
  /** Actions this caller may take now. */
  actions: Action[];
  /** Display names of the people mentioned on the order. */
  people: Record<string, string>;
  /** The most urgent clock at the time of the answer. */
  sla?: SlaSummary;
  /** While the order awaits approval: who may approve it (their names are in `people`). */
  approvers?: string[];
}

export interface Member {
  id: string;
  name: string;
  role: 'agent' | 'head';
}

/** GET /service-templates: one entry per template, in the reader's language. */
export type { TemplateSummary as ServiceTemplateSummary } from './templates/types.ts';

/** GET /services/:id adds who owns it and when an order filed now would be done. */
export type ServiceView = Service & { ownerName?: string; promisedAt?: string };

/** GET /clarifications/:token (no sign-in): what the team asked and which fields to answer again. */
export interface ClarificationView {
  number: string;
  title: string;
  question: string;
  fields: Service['form'];
  inputs: Array<{ id: string; label: string }>;
  answers: Order['answers'];
}

export interface UploadTicket {
  /** Put this key into an attachment answer or input. */
  key: string;
  /** PUT the file here with exactly these headers before the URL expires. */
  uploadUrl: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** GET /departments/:code/report: the report with who sees what. */
export interface ReportView extends Report {
  department: string;
  /** What this reader sees: the whole department, their services, or their own work. */
  scope: 'department' | 'owned_services' | 'own_work';
  serviceNames: Record<string, string>;
  attentionFormula: string;
}

export type ReportTable = 'services' | 'agents' | 'weekly' | 'stages' | 'rejections' | 'breaches' | 'lowScores';

export interface Backlog {
  total: number;
  byStatus: Record<string, number>;
  /** Calendar age of active orders: under a day, 1–3 days, 3–7, 7–14, over 14. */
  ageing: Array<{ bucket: string; count: number }>;
  byService: Array<{ serviceId: string; serviceName: string; count: number }>;
}

export interface SurveyAnswer {
  score: 1 | 2 | 3 | 4 | 5;
  comment?: string | undefined;
  category?: string | undefined;
}

/** GET/POST /surveys/:token, POST /orders/:number/survey. */
export interface SurveyView {
  number: string;
  title: string;
  serviceName: string;
  question: string;
  score?: number;
  comment?: string;
  category?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The dashboard's goals panel: each goal with its progress, and the names its services go by. */
export interface GoalsView {
  department: string;
  version: number;
  goals: GoalProgress[];
  serviceNames: Record<string, string>;
  pullingDownRule: string;
}

export interface CustomersResponse extends CustomersView {
  department: string;
  stoppedRule: string;
  leastSatisfiedRule: string;
}

export interface CapacityResponse extends CapacityView {
  department: string;
  forecastRule: string;
  peopleRule: string;
}

export interface ProcessMapView extends ProcessMap {
  department: string;
  serviceName: string;
  quantileRule: string;
}

export interface SipocResponse extends SipocView {
  department: string;
  serviceName: string;
}

/** The department page's canvas: the head's words (on the department) beside the live figures. */
export interface LivingCanvasView extends LivingCanvas {
  department: string;
  /** Names of the departments among the partners. */
  departmentNames: Record<string, string>;
}

/** The service ranking with the weights it was computed with; `tuned`: the department set its own. */
export interface RankingView {
  department: string;
  version: number;
  from: string;
  to: string;
  /** The period of equal length before, for demand growth. */
  previousFrom: string;
  previousTo: string;
  weights: RankingWeights;
  defaults: RankingWeights;
  tuned: boolean;
  services: RankedService[];
}

export interface HandoffMapView extends Omit<HandoffMap, 'departments'> {
  departments: Array<HandoffMap['departments'][number] & { name: string }>;
  quantileRule: string;
}
