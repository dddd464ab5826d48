/**
 * The API described once: every route under /api/v1 with who it serves, what it takes (the zod
 * schemas the handler validates with) and what it answers (a TypeScript type). The access table
 * (access.ts), the handlers' parsing (functions/http/routes.ts), the OpenAPI document
 * (functions/http/openapi.ts) and the portal's typed client (web/src/lib/client.ts, types only) are
 * all read from here, so none of them can describe a route the others do not.
 */
import * as z from 'zod/mini';
import type { Audience } from './access.ts';
import {
  type Backlog,
  type CapacityResponse,
  type ClarificationView,
  type CustomersResponse,
  canvasQuery,
  capacityQuery,
  clarificationAnswerBody,
  closeFollowUpBody,
  commentBody,
  createOrderBody,
  customersQuery,
  type DepartmentPage,
  departmentCodeParam,
  fromTemplateBody,
  type GoalsView,
  goalsBody,
  type HandoffMapView,
  handInputBody,
  handoffBody,
  type LivingCanvasView,
  type Me,
  type Member,
  type OrderSummary,
  type OrderView,
  orderNumberParam,
  type Page,
  type ProcessMapView,
  pageQuery,
  personIdParam,
  preferencesBody,
  priorityBody,
  processQuery,
  type RankingView,
  type ReportView,
  rankingBody,
  reportQuery,
  rolesBody,
  type ServiceSummary,
  type ServiceTemplateSummary,
  type ServiceView,
  type SipocResponse,
  type SurveyView,
  serviceIdParam,
  signInBody,
  stageBody,
  stepParam,
  surveyAnswerBody,
  templatesQuery,
  tickDeliverableBody,
  transitionBody,
  type UploadTicket,
  uploadRequestBody,
  watchersBody,
} from './api.ts';
import { INBOUND_ROUTES } from './inbound-routes.ts';
import { INTEGRATION_ROUTES } from './integration-routes.ts';
import type { TokenScope } from './integrations.ts';
import type { Department, FollowUp, Service, User } from './model.ts';
import { NOTE_ROUTES } from './note-routes.ts';
import type { PersonCard } from './people.ts';
import { type ErasureAnswer, type ExportAnswer, eraseBody } from './privacy-api.ts';
import { says } from './refusals.ts';
import { type Answer, answer, answers } from './route-answer.ts';
import type { SearchAnswer } from './search.ts';
import {
  createDepartmentBody,
  createServiceBody,
  serviceVersionBody,
  updateDepartmentBody,
  updateServiceBody,
} from './service-schema.ts';
import { SETUP_ROUTES } from './setup-routes.ts';
import { TRANSFER_ROUTES } from './transfer-routes.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type { Answer } from './route-answer.ts';

/** Another answer a route may give besides its JSON (a CSV export, a redirect to a file). */
export interface OtherAnswer {
  readonly status: 200 | 302;
  readonly description: string;
  readonly contentType?: string;
}

export type Tag = 'system' | 'links' | 'me' | 'catalog' | 'orders' | 'departments' | 'quality' | 'services' | 'admin';

export interface RouteSpec {
  audience: Audience;
  /** The API token scope that may call the route (integration-routes.ts); none: no token may. */
  tokenScope?: TokenScope;
  /** Writes count against the per-person (or per-link) rate limit. */
  write?: true;
  summary: string;
  tag: Tag;
  /** One schema per `:param` of the path, in any order. */
  params?: Readonly<Record<string, z.ZodMiniType<unknown, string>>>;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** The success status; 200 when left out. */
  status?: 200 | 201;
  response: Answer<unknown>;
  also?: readonly OtherAnswer[];
}

export const TAGS: Record<Tag, string> = {
  system: 'Health and this description.',
  links: 'Emailed signed links: the token in the path is the authority, no sign-in.',
  me: 'The signed-in person: sign-in, profile, preferences.',
  catalog: 'Departments and the services they offer.',
  orders: 'Filing and working orders, attachments.',
  departments: "A department's queue, services, members and follow-ups.",
  quality: 'Reports, backlog and the head’s insight views.',
  services: 'Heads editing their department and services.',
  admin: 'Platform administration.',
};

const token = z.string().check(z.describe('The signed token from the emailed link.'));
const serviceId = serviceIdParam;
const userId = personIdParam;
const itemId = z.string().check(z.minLength(1), z.maxLength(100));
const number = orderNumberParam;
const code = departmentCodeParam;

/** GET /orders/:number/attachments: a file the order refers to, as a redirect or its URL in JSON. */
export const attachmentQuery = z.strictObject({
  key: z.string().check(z.minLength(1), z.maxLength(1_024)),
  as: z._default(z.enum(['json', 'redirect']), 'redirect'),
});

/** GET /audit: the month to read, this month when left out. */
/** GET /people: the words to look for. */
export const peopleQuery = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

/** GET /orders/search, GET /departments/:code/search: the words to look for. */
export const searchQuery = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

export const auditQuery = z.strictObject({
  month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, says('not_month')))),
});

export const CONTRACT = {
  'GET /health': {
    audience: 'anyone',
    tag: 'system',
    summary: 'Says the API is up.',
    response: answer<{ ok: boolean }>('Health'),
  },
  'GET /openapi.json': {
    audience: 'anyone',
    tag: 'system',
    summary: 'This description of the API (OpenAPI 3.1).',
    response: answer<Record<string, unknown>>('OpenApiDocument'),
  },
  'GET /clarifications/:token': {
    audience: 'anyone',
    tag: 'links',
    summary: 'What the team asked, by the emailed link.',
    params: { token },
    response: answer<ClarificationView>('ClarificationView'),
  },
  'POST /clarifications/:token': {
    audience: 'anyone',
    write: true,
    tag: 'links',
    summary: 'Answer a clarification by the emailed link.',
    params: { token },
    body: clarificationAnswerBody,
    response: answer<{ ok: true; number: string }>('ClarificationAnswered'),
  },
  'GET /surveys/:token': {
    audience: 'anyone',
    tag: 'links',
    summary: 'The survey of a resolved order, by the emailed link.',
    params: { token },
    response: answer<SurveyView>('SurveyView'),
  },
  'POST /surveys/:token': {
    audience: 'anyone',
    write: true,
    tag: 'links',
    summary: 'Rate a resolved order by the emailed link (a later rating replaces it).',
    params: { token },
    body: surveyAnswerBody,
    response: answer<SurveyView>('SurveyView'),
  },

  'POST /me/sign-in': {
    audience: 'tokenHolder',
    tag: 'me',
    summary: 'Make or refresh the profile from the ID token’s claims.',
    body: signInBody,
    response: answer<Me>('Me'),
  },
  'GET /me': { audience: 'signedIn', tag: 'me', summary: 'The signed-in person.', response: answer<Me>('Me') },
  'PUT /me/preferences': {
    audience: 'signedIn',
    write: true,
    tag: 'me',
    summary: 'Save muted notifications and the language.',
    body: preferencesBody,
    response: answer<Me>('Me'),
  },
  'GET /catalog': {
    audience: 'signedIn',
    tag: 'catalog',
    summary: 'Published services offered to the caller.',
    response: answers<ServiceSummary>('ServiceSummary'),
  },
  'GET /departments': {
    audience: 'signedIn',
    tag: 'catalog',
    summary: 'All departments.',
    response: answers<Department>('Department'),
  },
  'GET /departments/:code': {
    audience: 'signedIn',
    tag: 'catalog',
    summary: 'A department with its published services.',
    params: { code },
    response: answer<DepartmentPage>('DepartmentPage'),
  },
  'GET /services/:id': {
    audience: 'signedIn',
    tag: 'catalog',
    summary: 'A service with its owner and the time an order filed now would be done.',
    params: { id: serviceId },
    response: answer<ServiceView>('ServiceView'),
  },
  'GET /service-templates': {
    audience: 'signedIn',
    tag: 'catalog',
    summary: 'Service templates a head may adopt, in the reader’s language.',
    query: templatesQuery,
    response: answers<ServiceTemplateSummary>('ServiceTemplateSummary'),
  },
  'GET /people': {
    audience: 'signedIn',
    tag: 'catalog',
    summary: 'Up to 10 people whose name or email has words beginning with each word of q (case and accents ignored).',
    query: peopleQuery,
    response: answers<PersonCard>('PersonCard'),
  },
  'POST /orders': {
    audience: 'signedIn',
    write: true,
    tag: 'orders',
    summary: 'File an order (201; 200 when an Idempotency-Key replays an earlier one).',
    body: createOrderBody,
    status: 201,
    response: answer<OrderView>('OrderView'),
  },
  'GET /orders/mine': {
    audience: 'signedIn',
    tag: 'orders',
    summary: 'The caller’s orders, newest first.',
    query: pageQuery,
    response: answer<Page<OrderSummary>>('OrderPage'),
  },
  'GET /orders/search': {
    audience: 'signedIn',
    tag: 'orders',
    summary:
      'The caller’s own orders found by number or by words beginning words of the title, answers or requester’s name (case and accents ignored), newest first, at most 20.',
    query: searchQuery,
    response: answer<SearchAnswer>('OrderSearch'),
  },
  'POST /attachments': {
    audience: 'signedIn',
    write: true,
    tag: 'orders',
    summary: 'A ticket to upload a file to attach.',
    body: uploadRequestBody,
    status: 201,
    response: answer<UploadTicket>('UploadTicket'),
  },

  'GET /orders/:number': {
    audience: 'orderViewer',
    tag: 'orders',
    summary: 'An order with its timeline and what the caller may do.',
    params: { number },
    response: answer<OrderView>('OrderView'),
  },
  'GET /orders/:number/attachments': {
    audience: 'orderViewer',
    tag: 'orders',
    summary: 'A file the order refers to: its URL (as=json) or a redirect to it.',
    params: { number },
    query: attachmentQuery,
    response: answer<{ url: string }>('DownloadUrl'),
    also: [{ status: 302, description: 'Redirect to the file (as=redirect).' }],
  },
  'POST /orders/:number/comments': {
    audience: 'orderViewer',
    write: true,
    tag: 'orders',
    summary: 'Comment on an order.',
    params: { number },
    body: commentBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/survey': {
    audience: 'orderRequester',
    write: true,
    tag: 'orders',
    summary: 'Rate a resolved order.',
    params: { number },
    body: surveyAnswerBody,
    response: answer<SurveyView>('SurveyView'),
  },
  'POST /orders/:number/transitions': {
    audience: 'orderByAction',
    write: true,
    tag: 'orders',
    summary: 'Take a lifecycle action (claim, resolve, …).',
    params: { number },
    body: transitionBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/inputs/:inputId': {
    audience: 'orderRequesterOrTeam',
    write: true,
    tag: 'orders',
    summary: 'Hand over a required input, or mark it received.',
    params: { number, inputId: itemId },
    body: handInputBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/watchers': {
    audience: 'orderRequesterOrTeam',
    write: true,
    tag: 'orders',
    summary: 'Add or remove watchers.',
    params: { number },
    body: watchersBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/deliverables/:deliverableId': {
    audience: 'orderTeam',
    write: true,
    tag: 'orders',
    summary: 'Tick or untick a deliverable.',
    params: { number, deliverableId: itemId },
    body: tickDeliverableBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/stage': {
    audience: 'orderTeam',
    write: true,
    tag: 'orders',
    summary: 'Move the order to another stage.',
    params: { number },
    body: stageBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/priority': {
    audience: 'orderTeam',
    write: true,
    tag: 'orders',
    summary: 'Change the priority.',
    params: { number },
    body: priorityBody,
    response: answer<OrderView>('OrderView'),
  },
  'POST /orders/:number/handoffs': {
    audience: 'orderTeam',
    write: true,
    tag: 'orders',
    summary: 'Hand part of the work to another department as a linked order.',
    params: { number },
    body: handoffBody,
    status: 201,
    response: answer<OrderView>('OrderView'),
  },

  'GET /departments/:code/queue': {
    audience: 'departmentTeam',
    tag: 'departments',
    summary: 'The department’s active orders, most urgent first, with their assignees’ names.',
    params: { code },
    query: pageQuery,
    response: answer<Page<OrderSummary> & { people: Record<string, string> }>('OrderPage'),
  },
  'GET /departments/:code/search': {
    audience: 'departmentTeam',
    tag: 'departments',
    summary:
      'The department’s orders, open or not, found by number (a bare number is the department’s) or by words beginning words of the title, answers or requester’s name, newest first, at most 20.',
    params: { code },
    query: searchQuery,
    response: answer<SearchAnswer>('OrderSearch'),
  },
  'GET /departments/:code/at-risk': {
    audience: 'departmentTeam',
    tag: 'departments',
    summary: 'Orders about to miss or past their standard.',
    params: { code },
    response: answers<OrderSummary>('OrderSummary'),
  },
  'GET /departments/:code/services': {
    audience: 'departmentTeam',
    tag: 'departments',
    summary: 'Every service of the department, drafts and retired ones included.',
    params: { code },
    response: answers<Service>('Service'),
  },
  'GET /departments/:code/backlog': {
    audience: 'departmentTeam',
    tag: 'quality',
    summary: 'Open orders by status, age and service.',
    params: { code },
    response: answer<Backlog>('Backlog'),
  },
  'GET /departments/:code/follow-ups': {
    audience: 'departmentTeam',
    tag: 'departments',
    summary: 'Follow-ups of low ratings.',
    params: { code },
    response: answers<FollowUp>('FollowUp'),
  },
  'POST /departments/:code/follow-ups/:number/close': {
    audience: 'headOrOwner',
    write: true,
    tag: 'departments',
    summary: 'Close a follow-up with what was done.',
    params: { code, number },
    body: closeFollowUpBody,
    response: answer<FollowUp>('FollowUp'),
  },
  'GET /departments/:code/report': {
    audience: 'reportReader',
    tag: 'quality',
    summary: 'The report of a period (JSON, or one table as CSV).',
    params: { code },
    query: reportQuery,
    response: answer<ReportView>('ReportView'),
    also: [{ status: 200, contentType: 'text/csv', description: 'One table of the report (format=csv).' }],
  },
  'GET /departments/:code/services/:id/process': {
    audience: 'departmentTeam',
    tag: 'quality',
    summary: 'The process map of a service: each step now and over a period, the moves and deviations between them.',
    params: { code, id: serviceId },
    query: processQuery,
    response: answer<ProcessMapView>('ProcessMapView'),
  },
  'GET /departments/:code/services/:id/process/:step': {
    audience: 'departmentTeam',
    tag: 'quality',
    summary: 'The orders of a service at one step of its flow now.',
    params: { code, id: serviceId, step: stepParam },
    response: answers<OrderSummary>('OrderSummary'),
  },
  'GET /departments/:code/services/:id/sipoc': {
    audience: 'departmentTeam',
    tag: 'quality',
    summary: 'SIPOC of a service from live data, beside the department canvas.',
    params: { code, id: serviceId },
    query: processQuery,
    response: answer<SipocResponse>('SipocResponse'),
  },
  'GET /handoffs': {
    audience: 'anyHeadOrAdmin',
    tag: 'quality',
    summary:
      'The company’s hand-off map: departments, hand-offs between them, rework and time lost at the boundary (JSON or CSV).',
    query: processQuery,
    response: answer<HandoffMapView>('HandoffMapView'),
    also: [{ status: 200, contentType: 'text/csv', description: 'The department pairs (format=csv).' }],
  },
  'GET /departments/:code/customers': {
    audience: 'departmentHead',
    tag: 'quality',
    summary: 'Customers over a window of weeks: segments, who stopped, least satisfied.',
    params: { code },
    query: customersQuery,
    response: answer<CustomersResponse>('CustomersResponse'),
  },
  'GET /departments/:code/capacity': {
    audience: 'departmentHead',
    tag: 'quality',
    summary: 'Demand, throughput and the forecast of people needed.',
    params: { code },
    query: capacityQuery,
    response: answer<CapacityResponse>('CapacityResponse'),
  },
  'GET /departments/:code/goals': {
    audience: 'departmentHead',
    tag: 'quality',
    summary: 'The department’s goals with their progress.',
    params: { code },
    response: answer<GoalsView>('GoalsView'),
  },
  'PUT /departments/:code/goals': {
    audience: 'departmentHead',
    write: true,
    tag: 'quality',
    summary: 'Replace the department’s goals.',
    params: { code },
    body: goalsBody,
    response: answer<GoalsView>('GoalsView'),
  },
  'GET /departments/:code/canvas': {
    audience: 'departmentHead',
    tag: 'quality',
    summary:
      'The living canvas: the figure that answers each section of the department’s canvas (customers, channels, goals, capacity, partners) over a window of weeks.',
    params: { code },
    query: canvasQuery,
    response: answer<LivingCanvasView>('LivingCanvasView'),
  },
  'GET /departments/:code/ranking': {
    audience: 'departmentHead',
    tag: 'quality',
    summary:
      'The services ranked by a weighted score, the one to improve first on top, with its indicators and penalties.',
    params: { code },
    query: processQuery,
    response: answer<RankingView>('RankingView'),
  },
  'PUT /departments/:code/ranking': {
    audience: 'departmentHead',
    write: true,
    tag: 'quality',
    summary: 'Set the weights of the service ranking.',
    params: { code },
    query: processQuery,
    body: rankingBody,
    response: answer<RankingView>('RankingView'),
  },
  'GET /departments/:code/members': {
    audience: 'departmentTeamOrAdmin',
    tag: 'departments',
    summary: 'The department’s agents and head.',
    params: { code },
    response: answers<Member>('Member'),
  },
  'PUT /departments/:code': {
    audience: 'departmentHeadOrAdmin',
    write: true,
    tag: 'services',
    summary: 'Change the department’s settings, calendar and canvas.',
    params: { code },
    body: updateDepartmentBody,
    response: answer<Department>('Department'),
  },
  'POST /services': {
    audience: 'departmentHead',
    write: true,
    tag: 'services',
    summary: 'Add a draft service.',
    body: createServiceBody,
    status: 201,
    response: answer<Service>('Service'),
  },
  'POST /departments/:code/services/from-template': {
    audience: 'departmentHead',
    write: true,
    tag: 'services',
    summary: 'Adopt a template as a draft service.',
    params: { code },
    body: fromTemplateBody,
    status: 201,
    response: answer<Service>('Service'),
  },
  'PUT /services/:id': {
    audience: 'departmentHead',
    write: true,
    tag: 'services',
    summary: 'Change a service (a new version).',
    params: { id: serviceId },
    body: updateServiceBody,
    response: answer<Service>('Service'),
  },
  'POST /services/:id/publish': {
    audience: 'departmentHead',
    write: true,
    tag: 'services',
    summary: 'Publish a service in the catalog.',
    params: { id: serviceId },
    body: serviceVersionBody,
    response: answer<Service>('Service'),
  },
  'POST /services/:id/retire': {
    audience: 'departmentHead',
    write: true,
    tag: 'services',
    summary: 'Take a service out of the catalog.',
    params: { id: serviceId },
    body: serviceVersionBody,
    response: answer<Service>('Service'),
  },

  'POST /departments': {
    audience: 'admin',
    write: true,
    tag: 'admin',
    summary: 'Add a department.',
    body: createDepartmentBody,
    status: 201,
    response: answer<Department>('Department'),
  },
  'GET /users': {
    audience: 'admin',
    tag: 'admin',
    summary: 'Everyone with a profile.',
    response: answers<User>('User'),
  },
  'PUT /users/:id/roles': {
    audience: 'admin',
    write: true,
    tag: 'admin',
    summary: 'Set a person’s department roles and administration.',
    params: { id: userId },
    body: rolesBody,
    response: answer<User>('User'),
  },
  'POST /users/:id/export': {
    audience: 'admin',
    write: true,
    tag: 'admin',
    summary:
      'Export everything Ordo holds about a person (GDPR articles 15 and 20): a JSON archive, answered as a link valid for an hour.',
    params: { id: userId },
    response: answer<ExportAnswer>('PersonExport'),
  },
  'POST /users/:id/erase': {
    audience: 'admin',
    write: true,
    tag: 'admin',
    summary:
      'Erase a person (GDPR article 17): their orders stay for the figures, their name, personal answers, comments and files go.',
    params: { id: userId },
    body: eraseBody,
    response: answer<ErasureAnswer>('Erasure'),
  },
  'GET /audit': {
    audience: 'admin',
    tag: 'admin',
    summary: 'The role changes of a month.',
    query: auditQuery,
    response: answers<Record<string, unknown>>('AuditEntry'),
  },
  ...INTEGRATION_ROUTES,
  ...INBOUND_ROUTES,
  ...TRANSFER_ROUTES,
  ...NOTE_ROUTES,
  ...SETUP_ROUTES,
} as const satisfies Record<`${Method} /${string}`, RouteSpec>;

export type Contract = typeof CONTRACT;
export type RouteKey = keyof Contract;

// ---- types read from the table (the handlers', and the portal's through a type-only import) ----

type Spec<K extends RouteKey> = Contract[K];
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The route's path parameters by name. */
export type PathParams<K extends RouteKey> = ParamNames<PathOf<K>>;

/** What the route answers on success. */
export type ResponseOf<K extends RouteKey> = Spec<K>['response'] extends Answer<infer T> ? T : never;

/** The request as the handler reads it, after validation (defaults filled in, numbers coerced). */
export interface Input<K extends RouteKey> {
  params: Spec<K> extends { params: infer P extends Record<string, z.ZodMiniType> }
    ? { [N in keyof P]: z.output<P[N]> }
    : Record<never, string>;
  query: Spec<K> extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : undefined;
  body: Spec<K> extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
}

/** The request as a client sends it: path parameters as text, the query and body before defaults. */
export type ClientInput<K extends RouteKey> = ([PathParams<K>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<K>, string> }) &
  (Spec<K> extends { query: infer Q extends z.ZodMiniType } ? { query?: z.input<Q> } : { query?: undefined }) &
  (Spec<K> extends { body: infer B extends z.ZodMiniType } ? { body: z.input<B> } : { body?: undefined });

/** Routes that serve anyone (no token is sent). */
export type PublicRouteKey = { [K in RouteKey]: Spec<K>['audience'] extends 'anyone' ? K : never }[RouteKey];

export function splitKey(key: string): { method: Method; path: string } {
  const at = key.indexOf(' ');
  return { method: key.slice(0, at) as Method, path: key.slice(at + 1) };
}
