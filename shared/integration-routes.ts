/**
 * The integration routes of the API contract (contract.ts spreads them into its table): what a
 * service account's API token may call (`tokenScope`), and the head's settings for tokens and
 * webhooks. Kept apart so the integration can grow without touching the rest of the table.
 */
import * as z from 'zod/mini';
import type { Audience } from './access.ts';
import {
  createOrderBody,
  departmentCodeParam,
  type OrderSummary,
  type OrderView,
  orderNumberParam,
  type Page,
  pageCursor,
} from './api.ts';
import {
  type ApiToken,
  type CreatedToken,
  TOKEN_SCOPES,
  type TokenScope,
  type TokenState,
  WEBHOOK_EVENTS,
  type WebhookDeliveryLog,
  type WebhookSubscription,
} from './integrations.ts';
import { answer, answers } from './route-answer.ts';

// ---- request schemas ----

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

export const createTokenBody = z
  .strictObject({
    name,
    scopes: z.array(z.enum(TOKEN_SCOPES)).check(z.minLength(1), z.maxLength(TOKEN_SCOPES.length)),
    /** Services of the department `orders:file` may file with. */
    services: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)), []),
    /** When the token stops working (ISO date or instant); at most a year ahead. */
    expiresAt: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.scopes.includes('orders:file') && body.services.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['services'], message: 'required' });
      }
    }),
  );

/** What a token files: an order as `POST /orders` takes it, for a named person (by email) or itself. */
export const tokenOrderBody = z.extend(z.omit(createOrderBody, { requesterId: true }), {
  /** The person the order is for, by email; they must have signed in to Ordo once. Absent: the service account. */
  requesterEmail: z.optional(z.email().check(z.maxLength(254))),
});

export const tokenOrdersQuery = z.strictObject({
  cursor: z.optional(pageCursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});

export const createSubscriptionBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2_000)),
  events: z.array(z.enum(WEBHOOK_EVENTS)).check(z.minLength(1), z.maxLength(WEBHOOK_EVENTS.length)),
});

export const changeSubscriptionBody = z.strictObject({ status: z.enum(['active', 'paused']) });

const code = departmentCodeParam;
const id = z
  .string()
  .check(
    z.regex(/^[a-z0-9]{1,40}$/),
    z.describe('The id of a token or subscription of the department; an unknown one answers 404.'),
  );

/** Token listing: the token with its state (active, expired, revoked). */
type TokenListing = ApiToken & { state: TokenState };

const TOKEN = 'apiToken' satisfies Audience;
const HEAD_OR_ADMIN = 'departmentHeadOrAdmin' satisfies Audience;
const HEAD = 'departmentHead' satisfies Audience;

export const INTEGRATION_ROUTES = {
  'POST /integration/orders': {
    audience: TOKEN,
    tokenScope: 'orders:file' as TokenScope,
    write: true,
    tag: 'orders',
    summary:
      'File an order with an API token (scope orders:file, services the token names): for the person named by requesterEmail, or as the service account.',
    body: tokenOrderBody,
    status: 201,
    response: answer<OrderView>('OrderView'),
  },
  'GET /integration/orders': {
    audience: TOKEN,
    tokenScope: 'orders:read' as TokenScope,
    tag: 'orders',
    summary: 'The open orders of the token’s department by due time (scope orders:read).',
    query: tokenOrdersQuery,
    response: answer<Page<OrderSummary>>('OrderPage'),
  },
  'GET /integration/orders/:number': {
    audience: TOKEN,
    tokenScope: 'orders:read' as TokenScope,
    tag: 'orders',
    summary: 'One order of the token’s department with its public timeline (scope orders:read).',
    params: { number: orderNumberParam },
    response: answer<OrderView>('OrderView'),
  },

  'GET /departments/:code/api-tokens': {
    audience: HEAD_OR_ADMIN,
    tag: 'departments',
    summary: 'The department’s API tokens (never their secrets).',
    params: { code },
    response: answers<TokenListing>('ApiToken'),
  },
  'POST /departments/:code/api-tokens': {
    audience: HEAD_OR_ADMIN,
    write: true,
    tag: 'departments',
    summary: 'Make an API token for a service account; the answer carries its secret, shown this once.',
    params: { code },
    body: createTokenBody,
    status: 201,
    response: answer<CreatedToken>('CreatedApiToken'),
  },
  'POST /departments/:code/api-tokens/:id/revoke': {
    audience: HEAD_OR_ADMIN,
    write: true,
    tag: 'departments',
    summary: 'Revoke an API token: its next request is refused (401).',
    params: { code, id },
    response: answer<TokenListing>('ApiToken'),
  },

  'GET /departments/:code/webhooks': {
    audience: HEAD,
    tag: 'departments',
    summary: 'The department’s webhook subscriptions (never their secrets).',
    params: { code },
    response: answers<WebhookSubscription>('WebhookSubscription'),
  },
  'POST /departments/:code/webhooks': {
    audience: HEAD,
    write: true,
    tag: 'departments',
    summary:
      'Subscribe an HTTPS URL to the department’s events; the answer carries the signing secret (whsec_…), shown this once.',
    params: { code },
    body: createSubscriptionBody,
    status: 201,
    response: answer<{ subscription: WebhookSubscription; secret: string }>('CreatedWebhook'),
  },
  'PUT /departments/:code/webhooks/:id': {
    audience: HEAD,
    write: true,
    tag: 'departments',
    summary: 'Pause or resume a subscription (resuming sends what waited, in order).',
    params: { code, id },
    body: changeSubscriptionBody,
    response: answer<WebhookSubscription>('WebhookSubscription'),
  },
  'DELETE /departments/:code/webhooks/:id': {
    audience: HEAD,
    write: true,
    tag: 'departments',
    summary: 'Delete a subscription; nothing more is sent to it.',
    params: { code, id },
    response: answer<{ ok: true }>('Ok'),
  },
  'GET /departments/:code/webhooks/:id/deliveries': {
    audience: HEAD,
    tag: 'departments',
    summary: 'The subscription’s last 50 delivery attempts, newest first.',
    params: { code, id },
    response: answers<WebhookDeliveryLog>('WebhookDelivery'),
  },
  'POST /departments/:code/webhooks/:id/test': {
    audience: HEAD,
    write: true,
    tag: 'departments',
    summary: 'Send a test event (type ping) to the subscription through the outbox.',
    params: { code, id },
    status: 201,
    response: answer<{ messageId: string }>('WebhookTest'),
  },
} as const;

export type TokenOrderBody = z.infer<typeof tokenOrderBody>;
export type CreateSubscriptionBody = z.infer<typeof createSubscriptionBody>;
