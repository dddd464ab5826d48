/**
 * Other systems talking to Ordo: API tokens of service accounts (what a token may call) and
 * webhooks out (which events a department's subscriptions hear and what they carry). Pure rules and
 * the request schemas; the storage, hashing and HTTP live in functions/.
 */
import type { Order, OrderStatus, TimelineEvent } from './model.ts';

// ---- API tokens ----

/**
 * What a token may do. `orders:file`: file orders with the services it names (of its department);
 * `orders:read`: read its department's orders.
 */
export const TOKEN_SCOPES = ['orders:file', 'orders:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A token lives at most this long; its expiry is required. */
export const MAX_TOKEN_DAYS = 366;
/** Last use is written at most this often per token, so a busy integration costs no write per call. */
export const LAST_USED_EVERY_MS = 60_000;
/** The secret's shape: `ordo_<token id>_<random>` (the id finds the record, the rest is the secret). */
export const TOKEN_PATTERN = /^ordo_([a-z0-9]{10,32})_([A-Za-z0-9_-]{32,64})$/;

/** A token as stored and listed (never its secret; the hash stays in the repository). */
export interface ApiToken {
  id: string;
  department: string;
  /** Who the service account is, e.g. "HR system"; the timeline names orders filed through it after it. */
  name: string;
  scopes: TokenScope[];
  /** Services `orders:file` may file with (all of `department`). */
  services: string[];
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** The id part of a presented secret, or undefined when it is not shaped like one of ours. */
export function tokenIdOf(secret: string): string | undefined {
  return TOKEN_PATTERN.exec(secret)?.[1];
}

/** Whether an Authorization header carries an Ordo API token (rather than the identity provider's). */
export function isApiTokenHeader(header: string | undefined): boolean {
  return header?.startsWith('Bearer ordo_') === true;
}

/**
 * May a token call a route? `routeScope` is the route's `tokenScope` in the access table (none: no
 * token may call it). Revoked or expired tokens never reach this (they are 401 before).
 */
export type ScopeDecision = 'allowed' | 'not_for_tokens' | 'missing_scope';

export function scopeDecision(token: Pick<ApiToken, 'scopes'>, routeScope: TokenScope | undefined): ScopeDecision {
  if (routeScope === undefined) return 'not_for_tokens';
  return token.scopes.includes(routeScope) ? 'allowed' : 'missing_scope';
}

/** May the token file an order with this service? Its department's, and named in the token. */
export function mayFileWith(
  token: Pick<ApiToken, 'scopes' | 'services' | 'department'>,
  service: { id: string; department: string },
): boolean {
  return (
    token.scopes.includes('orders:file') &&
    service.department === token.department &&
    token.services.includes(service.id)
  );
}

/** May the token read this order? Only its own department's, with `orders:read`. */
export function mayReadWith(token: Pick<ApiToken, 'scopes' | 'department'>, order: Pick<Order, 'department'>): boolean {
  return token.scopes.includes('orders:read') && order.department === token.department;
}

/** The id of the service account a token acts as (its profile carries the token's name). */
export function serviceAccountId(tokenId: string): string {
  return `apitoken-${tokenId}`;
}

/** The expiry instant of a new token, or the reason it is refused (`past`, `too_far`). */
export function checkExpiry(raw: string, now: Date): { at: string } | { refused: 'past' | 'too_far' } {
  const at = new Date(raw.length === 10 ? `${raw}T23:59:59.999Z` : raw);
  if (at.getTime() <= now.getTime()) return { refused: 'past' };
  if (at.getTime() > now.getTime() + MAX_TOKEN_DAYS * 86_400_000) return { refused: 'too_far' };
  return { at: at.toISOString() };
}

/** What a new token asks for (the API validates it with createTokenBody, integration-routes.ts). */
export interface CreateTokenBody {
  name: string;
  scopes: TokenScope[];
  services: string[];
  expiresAt: string;
}

/** A token just made: the record and, this once, the secret. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

// ---- webhooks ----

export const WEBHOOK_EVENTS = [
  'order.filed',
  'order.status_changed',
  'order.sla_warning',
  'order.sla_breach',
  'order.resolved',
  'order.rated',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent by "send test event" only; every subscription hears it. */
export const TEST_EVENT = 'ping';

/** A subscription pauses after this many failed deliveries in a row… */
export const PAUSE_AFTER_FAILURES = 10;
/** …or when it has failed for this long without one success. */
export const PAUSE_AFTER_FAILING_MS = 24 * 3600_000;
/** Subscriptions per department (each event is one outbox item per subscription, in the order's transaction). */
export const MAX_SUBSCRIPTIONS = 10;

export interface WebhookSubscription {
  id: string;
  department: string;
  url: string;
  events: WebhookEvent[];
  status: 'active' | 'paused';
  /** Why it was paused: by the head, or after failing. */
  pausedReason?: 'by_head' | 'failing';
  pausedAt?: string;
  createdAt: string;
  createdBy: string;
  consecutiveFailures: number;
  /** When the current run of failures began (absent while deliveries succeed). */
  failingSince?: string;
  lastDeliveryAt?: string;
  lastStatus?: number;
}

/** One attempt to deliver an event, as the subscription's log shows it. */
export interface WebhookDeliveryLog {
  at: string;
  messageId: string;
  event: string;
  orderNumber?: string;
  attempt: number;
  /** The receiver's HTTP status; absent when it never answered. */
  status?: number;
  durationMs: number;
  ok: boolean;
  error?: string;
}

/** Whether a subscription should pause after this failure. */
export function shouldPause(
  sub: Pick<WebhookSubscription, 'consecutiveFailures' | 'failingSince'>,
  now: Date,
): boolean {
  if (sub.consecutiveFailures >= PAUSE_AFTER_FAILURES) return true;
  return sub.failingSince !== undefined && now.getTime() - Date.parse(sub.failingSince) >= PAUSE_AFTER_FAILING_MS;
}

/** What a webhook says about an order: enough to act on or fetch the rest with a token. */
export interface WebhookOrderData {
  number: string;
  department: string;
  serviceId: string;
  title: string;
  status: OrderStatus;
  from?: OrderStatus;
  to?: OrderStatus;
  score?: number;
}

export interface WebhookPayload {
  type: WebhookEvent | typeof TEST_EVENT;
  timestamp: string;
  data: WebhookOrderData | { department: string; subscriptionId: string };
}

/** The webhook events one timeline event raises (a resolve is both a status change and `order.resolved`). */
export function webhookEventsOf(event: Pick<TimelineEvent, 'kind' | 'from' | 'to'>): WebhookEvent[] {
  switch (event.kind) {
    case 'submitted':
      return ['order.filed'];
    case 'sla_warning':
      return ['order.sla_warning'];
    case 'sla_breach':
      return ['order.sla_breach'];
    case 'survey_response':
      return ['order.rated'];
  }
  if (event.to === undefined || event.from === undefined || event.from === event.to) return [];
  return event.to === 'resolved' ? ['order.status_changed', 'order.resolved'] : ['order.status_changed'];
}

export function webhookPayload(
  type: WebhookEvent,
  order: Order,
  event: Pick<TimelineEvent, 'at' | 'from' | 'to'>,
): WebhookPayload {
  const score = type === 'order.rated' ? order.survey?.score : undefined;
  const data: WebhookOrderData = {
    number: order.number,
    department: order.department,
    serviceId: order.serviceId,
    title: order.title,
    status: order.status,
    ...(event.from && event.to && event.from !== event.to ? { from: event.from, to: event.to } : {}),
    ...(score !== undefined ? { score } : {}),
  };
  return { type, timestamp: event.at, data };
}
