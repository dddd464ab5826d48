/**
 * What every order use case shares: the repositories, loading an order the caller may see, the
 * department's calendar, writing an outcome (shared/order-actions.ts) with its mail in one
 * transaction, and the view the caller gets back. Each use case is load → apply → persist → respond.
 */
import type { OrderSummary, OrderView } from '#shared/api.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { availableActions } from '#shared/lifecycle.ts';
import type { Department, Language, MailMessage, Order, Service, TimelineEvent, User } from '#shared/model.ts';
import type { ChangeContext, Outcome } from '#shared/order-actions.ts';
import { slaSummary } from '#shared/order-clocks.ts';
import { actorRoles, canSeeInternal, canViewOrder } from '#shared/permissions.ts';
import { sensitiveFields, visibleAnswers } from '#shared/privacy.ts';
import { toSummary } from '#shared/summary.ts';
import { localizeEvent, localizeOrder } from '#shared/translate.ts';
import type { LinkSigner } from '../../auth/links.ts';
import type { DepartmentRepository } from '../../repositories/departments.ts';
import type { Alongside, OrderRepository, OrderRow } from '../../repositories/orders.ts';
import type { ServiceRepository } from '../../repositories/services.ts';
import type { UserRepository } from '../../repositories/users.ts';
import type { SurveyWorkflow } from '../surveys.ts';
import { OrderMail } from './mail.ts';

export interface OrderWorkflowDeps {
  surveys: SurveyWorkflow;
  orders: OrderRepository;
  services: ServiceRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  links: LinkSigner;
  portalUrl: string;
  now: () => Date;
}

/** An order as loaded for a change: with its timeline and the service version it was filed under. */
export interface Loaded {
  order: Order;
  timeline: TimelineEvent[];
  service: Service | undefined;
}

export class OrderContext {
  readonly mail: OrderMail;

  constructor(readonly deps: OrderWorkflowDeps) {
    this.mail = new OrderMail(deps);
  }

  /** The order (with timeline and service version) if the caller may see it; 404 otherwise. */
  async load(user: User, number: string): Promise<Loaded> {
    const found = await this.deps.orders.getWithTimeline(number);
    if (!found || !canViewOrder(user, found.order)) throw this.notFound(number);
    const service = await this.deps.services.getVersion(found.order.serviceId, found.order.serviceVersion);
    return { ...found, service };
  }

  notFound(number: string): NotFoundError {
    // The same answer whether the order does not exist or is not the caller's to see.
    return new NotFoundError('order_not_found', { number });
  }

  /** The department (cached), which must exist. */
  async department(code: string): Promise<Department> {
    const found = await this.deps.departments.get(code);
    if (!found) throw new NotFoundError('department_not_found', { code });
    return found;
  }

  /** What a change of a loaded order by `user` knows: the instant and the department's calendar. */
  async changeOf(user: User, loaded: Loaded): Promise<ChangeContext> {
    const now = this.deps.now().toISOString();
    const { calendar } = await this.department(loaded.order.department);
    return { actor: user, now, service: loaded.service, calendar };
  }

  /** A change as most use cases make it: load the order, apply the change (pure), commit, answer the view. */
  async change(
    user: User,
    number: string,
    apply: (order: Order, change: ChangeContext) => Outcome,
  ): Promise<OrderView> {
    const loaded = await this.load(user, number);
    return this.commit(user, loaded, apply(loaded.order, await this.changeOf(user, loaded)));
  }

  /** Writes an outcome with its planned mail, conditional on the version loaded, and answers the view. */
  async commit(user: User, loaded: Loaded, outcome: Outcome): Promise<OrderView> {
    return this.persist(user, loaded, outcome, await this.mail.compose(outcome.mails, outcome.order));
  }

  /** Writes an outcome with the mail already composed (and records changing alongside) in one transaction. */
  async persist(
    user: User,
    loaded: Loaded,
    outcome: Outcome,
    mail: MailMessage[],
    alongside: Alongside = {},
  ): Promise<OrderView> {
    const { order, events, counters } = outcome;
    await this.deps.orders.update(order, loaded.order, events, mail, counters, {
      ...alongside,
      unindexed: sensitiveFields(loaded.service?.form),
    });
    return this.present(user, order, [...loaded.timeline, ...events], loaded.service);
  }

  /** The order page: what the caller may see of the timeline, the actions they may take, names, SLA. */
  async present(user: User, order: Order, timeline: TimelineEvent[], service: Service | undefined): Promise<OrderView> {
    const roles = actorRoles(user, order, service);
    const visible = canSeeInternal(user, order) ? timeline : timeline.filter((e) => e.visibility === 'public');
    const ids = new Set<string>([
      order.requesterId,
      order.filedById,
      ...visible.map((e) => e.actorId),
      ...order.watchers,
    ]);
    if (order.assigneeId) ids.add(order.assigneeId);
    // Who the order waits for, so the page can say it by name.
    const approvers = order.status === 'awaiting_approval' ? await this.approvers(order, service) : [];
    for (const id of approvers) ids.add(id);
    const people = await this.deps.users.getMany(ids);
    // The service's words (name, title, checklists, stages) in the reader's language; stored once.
    const language = user.language ?? 'en';
    // Sensitive answers are for the requester (and who filed for them) and the team, never watchers.
    const seesSensitive = roles.has('requester') || canSeeInternal(user, order);
    const shown = { ...order, answers: visibleAnswers(order.answers, service?.form, seesSensitive) };
    const view: OrderView = {
      order: localizeOrder(shown, service, language),
      timeline: visible.map((e) => localizeEvent(e, service, language)),
      actions: availableActions(order, roles),
      people: Object.fromEntries([...people.values()].map((p) => [p.id, p.name])),
    };
    if (order.clocks) {
      view.sla = slaSummary(order.clocks, this.deps.now(), (await this.department(order.department)).calendar);
    }
    if (approvers.length > 0) view.approvers = approvers;
    return view;
  }

  /** The people who may approve the order: the service's named approvers, or the department's head. */
  private async approvers(order: Order, service: Service | undefined): Promise<string[]> {
    const approval = service?.approval;
    if (approval?.kind === 'named') return [...approval.approvers];
    if (approval?.kind === 'head') {
      const head = (await this.department(order.department)).headId;
      return head ? [head] : [];
    }
    return [];
  }

  /** List rows with their SLA at a glance (department calendars are cached, so this reads nothing new). */
  async summaries(orders: OrderRow[], language?: Language): Promise<OrderSummary[]> {
    const now = this.deps.now();
    return Promise.all(
      orders.map(async (order) => {
        const summary = toSummary(await this.inLanguage(order, language));
        if (order.clocks) {
          summary.sla = slaSummary(order.clocks, now, (await this.department(order.department)).calendar);
        }
        return summary;
      }),
    );
  }

  /**
   * An order's service words in the reader's language, from the version it was filed under (versions
   * never change, so each is read once per process). Readers without a language read the stored words.
   */
  private async inLanguage(order: OrderRow, language: Language | undefined): Promise<OrderRow> {
    if (!language) return order;
    return localizeOrder(order, await this.deps.services.getVersion(order.serviceId, order.serviceVersion), language);
  }

  /** Re-reads and retries a change that does not depend on what the caller saw, with jittered backoff. */
  async retrying<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        // Changes that never conflict in meaning (comments, watchers) lose only the race for the
        // version: retry with jittered exponential backoff, so twenty writers at once all land.
        if (!(error instanceof ConflictError) || attempt >= 19) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** attempt)));
      }
    }
  }
}
