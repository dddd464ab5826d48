/**
 * The portal's one API client. Attaches the session's access token, renews it once when the API
 * refuses it, turns error bodies into `ApiError`, and hands over to sign-in when the session has
 * ended. Only types are imported from the API contract, so the request schemas stay out of the bundle.
 */
import type { z } from 'zod';
import type {
  Backlog,
  CapacityResponse,
  ClarificationView,
  CommentBody,
  CreateOrderBody,
  CustomersResponse,
  clarificationAnswerBody,
  DepartmentPage,
  ErrorBody,
  GoalsBody,
  GoalsView,
  HandInputBody,
  handoffBody,
  Me,
  Member,
  OrderSummary,
  OrderView,
  Page,
  priorityBody,
  ReportTable,
  ReportView,
  rolesBody,
  ServiceSummary,
  ServiceView,
  SurveyAnswer,
  SurveyView,
  stageBody,
  TickDeliverableBody,
  TransitionBody,
  UploadTicket,
  uploadRequestBody,
  watchersBody,
} from '#shared/api.ts';
import type { Department, FollowUp, Language, Service, User } from '#shared/model.ts';
import type { MutableEvent } from '#shared/notifications.ts';
import type { createDepartmentBody, ServiceBody } from '#shared/service-schema.ts';
import { type Strings, t } from './strings.ts';

const PREFIX = '/api/v1';

export type ServiceDetail = ServiceView;
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
export type {
  Backlog,
  CapacityResponse,
  CustomersResponse,
  GoalsBody,
  GoalsView,
  ReportTable,
  ReportView,
  SurveyAnswer,
  SurveyView,
};

/** A downloaded file and the name the API suggests for it (when the header is readable). */
export interface Download {
  blob: Blob;
  disposition: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly current?: unknown;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    if (current !== undefined) this.current = current;
  }
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

/** Words for an error answer without its own message, by status. */
const FALLBACK: Record<number, keyof Strings['errors']> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  422: 'rule',
  429: 'tooMany',
};

function fallbackMessage(status: number): string {
  return t.errors[FALLBACK[status] ?? 'unexpected'];
}

function isErrorBody(data: unknown): data is ErrorBody & { error: { current?: unknown } } {
  return (
    typeof data === 'object' &&
    data !== null &&
    'error' in data &&
    typeof data.error === 'object' &&
    data.error !== null &&
    'message' in data.error
  );
}

interface RequestOptions {
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
    throw new ApiError(0, 'network', t.errors.network);
  }
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
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
      throw new ApiError(0, 'network', t.errors.network);
    }
  };

  let res: Response;
  if (options.anonymous) {
    res = await attempt(null);
  } else {
    const token = await fromSession(() => tokens.token());
    if (!token) {
      if (!options.keepSession) await tokens.expired();
      throw new ApiError(401, 'unauthorized', t.errors.unauthorized);
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

  const data = parseJson(await res.text().catch(() => ''));
  const error = isErrorBody(data) ? data.error : undefined;
  const current = error?.current ?? (data && typeof data === 'object' && 'current' in data ? data.current : undefined);
  const apiError = new ApiError(
    res.status,
    error?.code ?? `http_${res.status}`,
    error?.message ? t.message(error.message, fallbackMessage(res.status)) : fallbackMessage(res.status),
    localFields(error?.fields ?? {}),
    current,
  );
  throw apiError;
}

/**
 * The API writes field messages in English; they are shown in the portal's language. A value of one
 * word is a code the portal reads (a link's "expired"), not words, and stays as it is.
 */
function localFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) out[path] = /\s/.test(message) ? t.message(message) : message;
  return out;
}

/** The API names backlog ages in English ("1–3 days"); the portal says them in its language. */
function localBacklog(backlog: Backlog): Backlog {
  return {
    ...backlog,
    ageing: backlog.ageing.map((a) => ({ ...a, bucket: t.dashboard.ageBuckets[a.bucket] ?? a.bucket })),
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  return parseJson(await res.text()) as T;
}

/** A file behind the bearer token (a CSV export), read whole. */
async function download(path: string, accept: string): Promise<Download> {
  const res = await send('GET', path, { headers: { Accept: accept } });
  return { blob: await res.blob(), disposition: res.headers.get('content-disposition') };
}

const seg = encodeURIComponent;
const cursorQuery = (cursor?: string) => (cursor ? `?cursor=${seg(cursor)}` : '');

export const api = {
  /** After sign-in and on every page load: the profile, created or refreshed from the ID token's claims. */
  signIn: (idToken: string, opts: { keepSession?: boolean } = {}) =>
    request<{ user: User }>('POST', '/me/sign-in', { body: { idToken }, ...opts }),
  me: () => request<Me>('GET', '/me'),
  catalog: () => request<ServiceSummary[]>('GET', '/catalog'),
  departments: () => request<Department[]>('GET', '/departments'),
  department: (code: string) => request<DepartmentPage>('GET', `/departments/${seg(code)}`),
  service: (id: string) => request<ServiceDetail>('GET', `/services/${seg(id)}`),
  departmentServices: (code: string) => request<Service[]>('GET', `/departments/${seg(code)}/services`),
  members: (code: string) => request<Member[]>('GET', `/departments/${seg(code)}/members`),
  updateDepartment: (code: string, body: DepartmentFields & { version: number }) =>
    request<Department>('PUT', `/departments/${seg(code)}`, { body }),
  createService: (body: ServiceBody & { id: string; department: string }) =>
    request<Service>('POST', '/services', { body }),
  updateService: (id: string, body: ServiceBody & { version: number }) =>
    request<Service>('PUT', `/services/${seg(id)}`, { body }),
  publishService: (id: string, version: number) =>
    request<Service>('POST', `/services/${seg(id)}/publish`, { body: { version } }),
  retireService: (id: string, version: number) =>
    request<Service>('POST', `/services/${seg(id)}/retire`, { body: { version } }),
  requestUpload: (body: UploadRequest) => request<UploadTicket>('POST', '/attachments', { body }),
  attachmentUrl: (number: string, key: string) =>
    request<{ url: string }>('GET', `/orders/${seg(number)}/attachments?key=${seg(key)}&as=json`),
  clarification: (token: string) =>
    request<ClarificationView>('GET', `/clarifications/${seg(token)}`, { anonymous: true }),
  answerClarification: (token: string, body: ClarificationAnswerBody) =>
    request<{ ok: true; number: string }>('POST', `/clarifications/${seg(token)}`, { body, anonymous: true }),
  createOrder: (body: CreateOrderBody, idempotencyKey: string) =>
    request<OrderView>('POST', '/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  myOrders: (cursor?: string) => request<OrderPage>('GET', `/orders/mine${cursorQuery(cursor)}`),
  order: (number: string) => request<OrderView>('GET', `/orders/${seg(number)}`),
  transition: (number: string, body: TransitionBody) =>
    request<OrderView>('POST', `/orders/${seg(number)}/transitions`, { body }),
  tickDeliverable: (number: string, deliverableId: string, body: DeliverableBody) =>
    request<OrderView>('POST', `/orders/${seg(number)}/deliverables/${seg(deliverableId)}`, { body }),
  comment: (number: string, body: CommentBody) =>
    request<OrderView>('POST', `/orders/${seg(number)}/comments`, { body }),
  handInput: (number: string, inputId: string, body: HandInputBody) =>
    request<OrderView>('POST', `/orders/${seg(number)}/inputs/${seg(inputId)}`, { body }),
  setStage: (number: string, body: z.input<typeof stageBody>) =>
    request<OrderView>('POST', `/orders/${seg(number)}/stage`, { body }),
  setPriority: (number: string, body: z.input<typeof priorityBody>) =>
    request<OrderView>('POST', `/orders/${seg(number)}/priority`, { body }),
  watchers: (number: string, body: z.input<typeof watchersBody>) =>
    request<OrderView>('POST', `/orders/${seg(number)}/watchers`, { body }),
  handoff: (number: string, body: HandoffBody) =>
    request<OrderView>('POST', `/orders/${seg(number)}/handoffs`, { body }),
  queue: (code: string, cursor?: string) =>
    request<OrderPage>('GET', `/departments/${seg(code)}/queue${cursorQuery(cursor)}`),
  atRisk: (code: string) => request<OrderSummary[]>('GET', `/departments/${seg(code)}/at-risk`),
  /** Either or both: what is left out stays as it was. */
  savePreferences: (body: { mutedEvents?: MutableEvent[]; language?: Language }) =>
    request<{ user: User }>('PUT', '/me/preferences', { body }),
  survey: (token: string) => request<SurveyView>('GET', `/surveys/${seg(token)}`, { anonymous: true }),
  rateByLink: (token: string, body: SurveyAnswer) =>
    request<SurveyView>('POST', `/surveys/${seg(token)}`, { body, anonymous: true }),
  rateOrder: (number: string, body: SurveyAnswer) =>
    request<SurveyView>('POST', `/orders/${seg(number)}/survey`, { body }),
  followUps: (code: string) => request<FollowUp[]>('GET', `/departments/${seg(code)}/follow-ups`),
  closeFollowUp: (code: string, number: string, note: string) =>
    request<FollowUp>('POST', `/departments/${seg(code)}/follow-ups/${seg(number)}/close`, { body: { note } }),
  /** `search`: from, to and the optional service and agent, as a query string. */
  report: (code: string, search: string) => request<ReportView>('GET', `/departments/${seg(code)}/report?${search}`),
  reportCsv: (code: string, search: string, table: ReportTable) =>
    download(`/departments/${seg(code)}/report?${search}&format=csv&table=${seg(table)}`, 'text/csv'),
  backlog: (code: string) => request<Backlog>('GET', `/departments/${seg(code)}/backlog`).then(localBacklog),
  // Department insight (heads only). `search`: the view's query string.
  customers: (code: string, search: string) =>
    request<CustomersResponse>('GET', `/departments/${seg(code)}/customers?${search}`),
  capacity: (code: string, search: string) =>
    request<CapacityResponse>('GET', `/departments/${seg(code)}/capacity?${search}`),
  goals: (code: string) => request<GoalsView>('GET', `/departments/${seg(code)}/goals`),
  saveGoals: (code: string, body: GoalsBody) => request<GoalsView>('PUT', `/departments/${seg(code)}/goals`, { body }),
  // Platform administration (admins only).
  users: () => request<User[]>('GET', '/users'),
  setRoles: (id: string, body: RolesBody) => request<User>('PUT', `/users/${seg(id)}/roles`, { body }),
  /** The month's audit records as stored; read them with `readAudit` (web/src/admin/audit.ts). */
  audit: (month: string) => request<unknown>('GET', `/audit?month=${seg(month)}`),
  createDepartment: (body: NewDepartmentBody) => request<Department>('POST', '/departments', { body }),
};

/** Plain words for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t.errors.unexpected;
}

export function isOrderView(value: unknown): value is OrderView {
  return typeof value === 'object' && value !== null && 'order' in value && 'timeline' in value && 'actions' in value;
}

/** A fresh key per order attempt so a retried request never files the order twice. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
