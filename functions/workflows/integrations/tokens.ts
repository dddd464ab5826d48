/**
 * API tokens: a head (or an administrator) makes, lists and revokes the department's tokens; a
 * token's requests are authenticated here (secret, expiry, revocation, last use) and act as the
 * token's service account: filing with the services the token names, for a person named by email or
 * as the service account itself, and reading the department's orders (their public timeline).
 * DynamoDB calls per token request: 1 GetItem (+1 UpdateItem at most once a minute), then the
 * workflow's own (filing: the same as POST /orders, +1 Query to find the requester by email).
 */
import type { OrderSummary, OrderView, Page } from '#shared/api.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '#shared/errors.ts';
import type { TokenOrderBody } from '#shared/integration-routes.ts';
import {
  type ApiToken,
  type CreatedToken,
  type CreateTokenBody,
  checkExpiry,
  MAX_TOKEN_DAYS,
  mayFileWith,
  mayReadWith,
  tokenIdOf,
  tokenState,
} from '#shared/integrations.ts';
import type { User } from '#shared/model.ts';
import { refusal } from '#shared/refusals.ts';
import { newTokenSecret, secretMatches } from '../../auth/api-tokens.ts';
import { serviceAccountOf, type TokenRepository } from '../../repositories/tokens.ts';
import { OrderContext, type OrderWorkflowDeps } from '../orders/context.ts';
import { fileOrder } from '../orders/file.ts';
import { fieldRefused } from './refuse.ts';

/** Who a token request is: the token and the service account it acts as. */
export interface TokenCaller {
  token: ApiToken;
  account: User;
}

export interface TokenWorkflowDeps extends OrderWorkflowDeps {
  tokens: TokenRepository;
  /**
   * The person with this email (any case) when the people directory does not list them (a profile
   * not signed in since the directory began): the slow way, reading the people list.
   */
  personByEmail(email: string): Promise<User | undefined>;
}

/** A token as its department's settings page lists it. */
export type TokenListing = ApiToken & { state: ReturnType<typeof tokenState> };

export class TokenWorkflow {
  private readonly ctx: OrderContext;

  constructor(private readonly deps: TokenWorkflowDeps) {
    this.ctx = new OrderContext(deps);
  }

  async create(user: User, department: string, body: CreateTokenBody): Promise<CreatedToken> {
    const now = this.deps.now();
    const expiry = checkExpiry(body.expiresAt, now);
    if ('refused' in expiry) {
      throw fieldRefused(
        'expiresAt',
        expiry.refused === 'past' ? refusal('must_exceed', { min: 0 }) : refusal('too_big', { max: MAX_TOKEN_DAYS }),
      );
    }
    const services = body.scopes.includes('orders:file') ? [...new Set(body.services)] : [];
    const own = await this.deps.services.listByDepartment(department);
    const unknown = services.filter((id) => !own.some((s) => s.id === id));
    if (unknown.length > 0) {
      throw fieldRefused('services', refusal('unknown_items', { ids: unknown }));
    }
    const { id, secret, hash } = newTokenSecret();
    const token: ApiToken = {
      id,
      department,
      name: body.name,
      scopes: [...new Set(body.scopes)],
      services,
      createdAt: now.toISOString(),
      createdBy: user.id,
      expiresAt: expiry.at,
    };
    await this.deps.tokens.create(token, hash);
    return { token, secret };
  }

  async list(department: string): Promise<TokenListing[]> {
    const now = this.deps.now();
    return (await this.deps.tokens.ofDepartment(department)).map((t) => ({ ...t, state: tokenState(t, now) }));
  }

  async revoke(user: User, department: string, id: string): Promise<TokenListing> {
    const revoked = await this.deps.tokens.revoke(department, id, user.id, this.deps.now().toISOString());
    if (!revoked) throw new NotFoundError('not_found');
    return { ...revoked, state: tokenState(revoked, this.deps.now()) };
  }

  /** The caller of a request bearing `Bearer ordo_…`; a secret that is unknown, wrong, revoked or expired is a 401. */
  async authenticate(header: string): Promise<TokenCaller> {
    const secret = header.slice('Bearer '.length).trim();
    const id = tokenIdOf(secret);
    const stored = id ? await this.deps.tokens.get(id) : undefined;
    const now = this.deps.now();
    if (!stored || !secretMatches(secret, stored.hash) || tokenState(stored, now) !== 'active') {
      throw new UnauthorizedError('token_invalid');
    }
    await this.deps.tokens.touch(stored, now);
    const { hash: _hash, ...token } = stored;
    return { token, account: serviceAccountOf(token) };
  }

  /** Files an order through the token: for the person named by email, or as the service account. */
  async file(
    caller: TokenCaller,
    body: TokenOrderBody,
    idempotencyKey?: string,
  ): Promise<OrderView & { replayed?: true }> {
    const service = await this.deps.services.get(body.serviceId);
    // Another department's services stay unknown to the token; its own but not granted are refused.
    if (!service || service.department !== caller.token.department) {
      throw new NotFoundError('service_not_found', { id: body.serviceId });
    }
    if (!mayFileWith(caller.token, service)) throw new ForbiddenError('forbidden');
    const { requesterEmail, ...order } = body;
    let actor = caller.account;
    let requesterId: string | undefined;
    if (requesterEmail) {
      const person = await this.person(requesterEmail);
      if (!person) throw fieldRefused('requesterEmail', refusal('unknown_person'));
      requesterId = person.id;
      // The service must be offered to the person it is for.
      actor = { ...actor, ...(person.department ? { department: person.department } : {}) };
    }
    return fileOrder(this.ctx, actor, { ...order, ...(requesterId ? { requesterId } : {}) }, idempotencyKey, 'api');
  }

  /** The person with this email: one Query of the people directory, the people list only if it has no entry. */
  private async person(email: string): Promise<User | undefined> {
    const wanted = email.trim().toLowerCase();
    const card = (await this.deps.users.search(wanted)).find((p) => p.email.toLowerCase() === wanted);
    return card ? this.deps.users.get(card.id) : this.deps.personByEmail(wanted);
  }

  /** One of the department's orders, as its requester would see it (no internal notes). */
  async view(caller: TokenCaller, number: string): Promise<OrderView> {
    const found = await this.deps.orders.getWithTimeline(number);
    if (!found || !mayReadWith(caller.token, found.order)) throw new NotFoundError('order_not_found', { number });
    const service = await this.deps.services.getVersion(found.order.serviceId, found.order.serviceVersion);
    return this.ctx.present(caller.account, found.order, found.timeline, service);
  }

  /** The department's open orders by due time. */
  async openOrders(caller: TokenCaller, cursor: string | undefined, limit: number): Promise<Page<OrderSummary>> {
    const page = await this.deps.orders.queue(caller.token.department, cursor, limit);
    return {
      items: await this.ctx.summaries(page.orders),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}
