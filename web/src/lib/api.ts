/**
 * The portal's one API client. Attaches the session's access token, renews it once when the API
 * refuses it, turns error bodies into `ApiError`, and hands over to sign-in when the session has
 * ended. Only types are imported from the API contract, so the request schemas stay out of the bundle.
 */
import type { z } from 'zod/mini';
import type {
  Backlog,
  CapacityResponse,
  CommentBody,
  CreateOrderBody,
  CustomersResponse,
  clarificationAnswerBody,
  GoalsBody,
  GoalsView,
  HandInputBody,
  handoffBody,
  OrderSummary,
  OrderView,
  Page,
  ReportTable,
  ReportView,
  rolesBody,
  ServiceView,
  SurveyView,
  TickDeliverableBody,
  TransitionBody,
  uploadRequestBody,
} from '#shared/api.ts';
import type { ResponseOf, RouteKey } from '#shared/contract.ts';
import type { CreateTokenBody, WebhookEvent } from '#shared/integrations.ts';
import type { Department } from '#shared/model.ts';
import type { createDepartmentBody } from '#shared/service-schema.ts';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { type BodyOf, call, download, type QueryOf } from './client.ts';
import type { Quiet } from './early.ts';
import { t } from './strings.ts';

export { ApiError, errorMessage, fieldErrors } from './api-error.ts';

const PREFIX = '/api/v1';

export type ServiceDetail = ServiceView;
/** A rating: the score, and optionally a category (for low ones) and a comment. */
export type SurveyAnswer = BodyOf<'POST /surveys/:token'>;
export type HandoffBody = z.input<typeof handoffBody>;
export type ClarificationAnswerBody = z.input<typeof clarificationAnswerBody>;
export type UploadRequest = z.input<typeof uploadRequestBody>;
export type RolesBody = z.input<typeof rolesBody>;
export type NewDepartmentBody = z.input<typeof createDepartmentBody>;
export type DepartmentFields = Pick<Department, 'name' | 'contactEmail' | 'headId' | 'calendar' | 'canvas'>;
/** Deliverables take an optional file as well as a note. */
export type DeliverableBody = TickDeliverableBody & { attachment?: string };
/** A page of orders; `people` (display names) is used when the API sends it. */
export type OrderPage = Page<OrderSummary> & { people?: Record<string, string> };
export type { Backlog, CapacityResponse, CustomersResponse, GoalsBody, GoalsView, ReportTable, ReportView, SurveyView };

/** A downloaded file and the name the API suggests for it (when the header is readable). */
export interface Download {
  blob: Blob;
  disposition: string | null;
}

let baseUrl = '';

/** In AWS the API lives elsewhere and `/config.json` says where; locally it is the same origin. */
export function setApiBase(url: string | undefined): void {
  baseUrl = (url ?? '').replace(/\/+$/, '');
}

/** How requests get their token: the session (web/src/session.ts) provides these. */
export interface TokenSource {
  /** The current access token (renewed first if it is about to run out), or null when signed out. */
  token(): Promise<string | null>;
  /** The API refused `rejected`: a renewed token, or null when the session cannot be renewed. */
  renew(rejected: string): Promise<string | null>;
  /** The session is over: keep what the person typed and go through sign-in. Resolves if that did not happen. */
  expired(): Promise<void>;
}

const signedOut: TokenSource = {
  token: async () => null,
  renew: async () => null,
  expired: async () => {},
};
let tokens: TokenSource = signedOut;

export function setTokenSource(source: TokenSource): void {
  tokens = source;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Public routes (emailed links): no token. */
  anonymous?: boolean;
  /** A refused token is reported, not followed by sign-in (the sign-in call itself, which must not loop). */
  keepSession?: boolean;
}

/** Token trouble that is not a refusal (the provider cannot be reached) reads as a network error. */
async function fromSession<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch {
    throw new ApiError(0, 'network', { words: t.errors.network });
  }
}

export async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const attempt = async (token: string | null): Promise<Response> => {
    try {
      return await fetch(`${baseUrl}${PREFIX}${path}`, {
        method,
        headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers,
        body,
      });
    } catch {
      throw new ApiError(0, 'network', { words: t.errors.network });
    }
  };

  let res: Response;
  if (options.anonymous) {
    res = await attempt(null);
  } else {
    const token = await fromSession(() => tokens.token());
    if (!token) {
      if (!options.keepSession) await tokens.expired();
      throw new ApiError(401, 'unauthorized', { words: t.errors.unauthorized });
    }
    res = await attempt(token);
    // Refused (expired early, revoked, signing key rotated): renew once and send again. A 401 means
    // the request was not carried out, so sending it again cannot do it twice.
    if (res.status === 401) {
      const renewed = await fromSession(() => tokens.renew(token));
      if (renewed) res = await attempt(renewed);
    }
    if (res.status === 401 && !options.keepSession) await tokens.expired();
  }
  if (res.ok) return res;

  throw apiErrorFrom(res.status, parseJson(await res.text().catch(() => '')));
}

/** The API names backlog ages in English ("1–3 days"); the portal says them in its language. */
function localBacklog(backlog: Backlog): Backlog {
  return {
    ...backlog,
    ageing: backlog.ageing.map((a) => ({ ...a, bucket: t.dashboard.ageBuckets[a.bucket] ?? a.bucket })),
  };
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The dashboard keys its loaders by the view's query string; read back into the route's query (the
 * API validates it with the route's schema).
 */
function fromSearch<K extends RouteKey>(search: string): QueryOf<K> {
  return Object.fromEntries(new URLSearchParams(search)) as QueryOf<K>;
}

/**
 * One typed delegation per route the pages use; each is a `call` of the contract (client.ts), so its
 * request and answer are the route's own.
 */
export const api = {
  /** After sign-in and on every page load: the profile, created or refreshed from the ID token's claims. */
  signIn: (idToken: string, opts: Quiet = {}) => call('POST /me/sign-in', { body: { idToken }, ...opts }),
  me: () => call('GET /me'),
  catalog: (options: Quiet = {}) => call('GET /catalog', options),
  departments: (options: Quiet = {}) => call('GET /departments', options),
  department: (code: string) => call('GET /departments/:code', { params: { code } }),
  service: (id: string) => call('GET /services/:id', { params: { id } }),
  departmentServices: (code: string) => call('GET /departments/:code/services', { params: { code } }),
  members: (code: string) => call('GET /departments/:code/members', { params: { code } }),
  /** Up to 10 people whose name or email begins with the words typed (the person picker). */
  people: (q: string) => call('GET /people', { query: { q } }),
  updateDepartment: (code: string, body: BodyOf<'PUT /departments/:code'>) =>
    call('PUT /departments/:code', { params: { code }, body }),
  createService: (body: BodyOf<'POST /services'>) => call('POST /services', { body }),
  updateService: (id: string, body: BodyOf<'PUT /services/:id'>) => call('PUT /services/:id', { params: { id }, body }),
  publishService: (id: string, version: number) =>
    call('POST /services/:id/publish', { params: { id }, body: { version } }),
  retireService: (id: string, version: number) =>
    call('POST /services/:id/retire', { params: { id }, body: { version } }),
  requestUpload: (body: UploadRequest) => call('POST /attachments', { body }),
  attachmentUrl: (number: string, key: string) =>
    call('GET /orders/:number/attachments', { params: { number }, query: { key, as: 'json' } }),
  clarification: (token: string) => call('GET /clarifications/:token', { params: { token }, anonymous: true }),
  answerClarification: (token: string, body: ClarificationAnswerBody) =>
    call('POST /clarifications/:token', { params: { token }, body, anonymous: true }),
  createOrder: (body: CreateOrderBody, idempotencyKey: string) =>
    call('POST /orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  myOrders: (cursor?: string): Promise<OrderPage> => call('GET /orders/mine', { query: { cursor } }),
  searchMine: (q: string) => call('GET /orders/search', { query: { q } }),
  searchDepartment: (code: string, q: string) =>
    call('GET /departments/:code/search', { params: { code }, query: { q } }),
  order: (number: string, options: Quiet = {}) => call('GET /orders/:number', { params: { number }, ...options }),
  transition: (number: string, body: TransitionBody) =>
    call('POST /orders/:number/transitions', { params: { number }, body }),
  tickDeliverable: (number: string, deliverableId: string, body: DeliverableBody) =>
    call('POST /orders/:number/deliverables/:deliverableId', { params: { number, deliverableId }, body }),
  comment: (number: string, body: CommentBody) => call('POST /orders/:number/comments', { params: { number }, body }),
  handInput: (number: string, inputId: string, body: HandInputBody) =>
    call('POST /orders/:number/inputs/:inputId', { params: { number, inputId }, body }),
  setStage: (number: string, body: BodyOf<'POST /orders/:number/stage'>) =>
    call('POST /orders/:number/stage', { params: { number }, body }),
  setPriority: (number: string, body: BodyOf<'POST /orders/:number/priority'>) =>
    call('POST /orders/:number/priority', { params: { number }, body }),
  watchers: (number: string, body: BodyOf<'POST /orders/:number/watchers'>) =>
    call('POST /orders/:number/watchers', { params: { number }, body }),
  handoff: (number: string, body: HandoffBody) => call('POST /orders/:number/handoffs', { params: { number }, body }),
  queue: (code: string, cursor?: string, options: Quiet = {}): Promise<OrderPage> =>
    call('GET /departments/:code/queue', { params: { code }, query: { cursor }, ...options }),
  atRisk: (code: string) => call('GET /departments/:code/at-risk', { params: { code } }),
  /** Either or both: what is left out stays as it was. */
  savePreferences: (body: BodyOf<'PUT /me/preferences'>) => call('PUT /me/preferences', { body }),
  // The person's own notifications (the bell).
  notes: (cursor?: string) => call('GET /me/notifications', { query: { cursor } }),
  unreadNotes: () => call('GET /me/notifications/unread'),
  markNotesRead: (ids: string[]) => call('POST /me/notifications/read', { body: { ids } }),
  markAllNotesRead: () => call('POST /me/notifications/read-all'),
  survey: (token: string) => call('GET /surveys/:token', { params: { token }, anonymous: true }),
  rateByLink: (token: string, body: SurveyAnswer) =>
    call('POST /surveys/:token', { params: { token }, body, anonymous: true }),
  rateOrder: (number: string, body: SurveyAnswer) => call('POST /orders/:number/survey', { params: { number }, body }),
  followUps: (code: string) => call('GET /departments/:code/follow-ups', { params: { code } }),
  closeFollowUp: (code: string, number: string, note: string) =>
    call('POST /departments/:code/follow-ups/:number/close', { params: { code, number }, body: { note } }),
  /** `search`: from, to and the optional service and agent, as a query string. */
  report: (code: string, search: string) =>
    call('GET /departments/:code/report', { params: { code }, query: fromSearch(search) }),
  reportCsv: (code: string, search: string, table: ReportTable) =>
    download(
      'GET /departments/:code/report',
      { params: { code }, query: { ...fromSearch<'GET /departments/:code/report'>(search), format: 'csv', table } },
      'text/csv',
    ),
  backlog: (code: string) => call('GET /departments/:code/backlog', { params: { code } }).then(localBacklog),
  // Department insight (heads only). `search`: the view's query string.
  customers: (code: string, search: string) =>
    call('GET /departments/:code/customers', { params: { code }, query: fromSearch(search) }),
  capacity: (code: string, search: string) =>
    call('GET /departments/:code/capacity', { params: { code }, query: fromSearch(search) }),
  goals: (code: string) => call('GET /departments/:code/goals', { params: { code } }),
  // The live process views. `search`: from and to, as a query string.
  processMap: (code: string, id: string, search: string) =>
    call('GET /departments/:code/services/:id/process', { params: { code, id }, query: fromSearch(search) }),
  stepOrders: (code: string, id: string, step: string) =>
    call('GET /departments/:code/services/:id/process/:step', { params: { code, id, step } }),
  sipoc: (code: string, id: string, search: string) =>
    call('GET /departments/:code/services/:id/sipoc', { params: { code, id }, query: fromSearch(search) }),
  handoffs: (search: string) => call('GET /handoffs', { query: fromSearch(search) }),
  handoffsCsv: (search: string) =>
    download('GET /handoffs', { query: { ...fromSearch<'GET /handoffs'>(search), format: 'csv' } }, 'text/csv'),
  saveGoals: (code: string, body: GoalsBody) => call('PUT /departments/:code/goals', { params: { code }, body }),
  // The living canvas and the service ranking (heads). `search`: from and to, as a query string.
  canvas: (code: string, weeks: number) =>
    call('GET /departments/:code/canvas', { params: { code }, query: { weeks } }),
  ranking: (code: string, search: string) =>
    call('GET /departments/:code/ranking', { params: { code }, query: fromSearch(search) }),
  saveRanking: (code: string, search: string, body: BodyOf<'PUT /departments/:code/ranking'>) =>
    call('PUT /departments/:code/ranking', { params: { code }, query: fromSearch(search), body }),
  // Platform administration (admins only).
  users: () => call('GET /users'),
  setRoles: (id: string, body: RolesBody) => call('PUT /users/:id/roles', { params: { id }, body }),
  /** The month's audit records as stored; read them with `readAudit` (web/src/admin/audit.ts). */
  audit: (month: string) => call('GET /audit', { query: { month } }),
  createDepartment: (body: NewDepartmentBody) => call('POST /departments', { body }),
  // Integrations of a department (its head): API tokens and webhook subscriptions.
  apiTokens: (code: string) => call('GET /departments/:code/api-tokens', { params: { code } }),
  createApiToken: (code: string, body: CreateTokenBody) =>
    call('POST /departments/:code/api-tokens', { params: { code }, body }),
  revokeApiToken: (code: string, id: string) =>
    call('POST /departments/:code/api-tokens/:id/revoke', { params: { code, id } }),
  /** The department's incoming mail with what became of each message, and its own address (its head). */
  inbound: (code: string, cursor?: string, limit?: number) =>
    call('GET /departments/:code/inbound', { params: { code }, query: { cursor, limit } }),
  /** A short-lived link to one inbound message as it arrived (its department's head). */
  rawMail: (code: string, id: string) =>
    call('GET /departments/:code/inbound/:id/raw', { params: { code, id }, query: { as: 'json' } }),
  webhooks: (code: string) => call('GET /departments/:code/webhooks', { params: { code } }),
  subscribeWebhook: (code: string, body: { url: string; events: WebhookEvent[] }) =>
    call('POST /departments/:code/webhooks', { params: { code }, body }),
  setWebhookStatus: (code: string, id: string, status: 'active' | 'paused') =>
    call('PUT /departments/:code/webhooks/:id', { params: { code, id }, body: { status } }),
  deleteWebhook: (code: string, id: string) => call('DELETE /departments/:code/webhooks/:id', { params: { code, id } }),
  webhookDeliveries: (code: string, id: string) =>
    call('GET /departments/:code/webhooks/:id/deliveries', { params: { code, id } }),
  testWebhook: (code: string, id: string) =>
    call('POST /departments/:code/webhooks/:id/test', { params: { code, id } }),
};

/** An API token as its department's settings list it. */
export type TokenListing = ResponseOf<'GET /departments/:code/api-tokens'>[number];

export function isOrderView(value: unknown): value is OrderView {
  return typeof value === 'object' && value !== null && 'order' in value && 'timeline' in value && 'actions' in value;
}

/** A fresh key per order attempt so a retried request never files the order twice. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
