/**
 * The mail an outcome plans (shared/order-actions.ts MailPlan), composed for the people it names:
 * one message per language among them (shared/notifications.ts), each person's muted events left out.
 * The people among the recipients ride along on each message (`readers`): the same choice puts the
 * message in their notification list, so mail and the portal's bell never disagree on who hears of what.
 */
import { loadMailWords, mailLanguage } from '#shared/mail-words.ts';
import type { MailMessage, Order, Service, User } from '#shared/model.ts';
import {
  composeOrderMails,
  type MailEvent,
  type OrderAudience,
  type Recipient,
  wantsMail,
} from '#shared/notifications.ts';
import type { MailPlan } from '#shared/order-actions.ts';
import type { ServiceRepository } from '../../repositories/services.ts';
import type { OrderWorkflowDeps } from './context.ts';

/** Clarification links in emails stay valid this long. */
const CLARIFICATION_LINK_SECONDS = 14 * 24 * 3600;

/** What an order mail may carry besides its event: a comment (or words per language), a signed link, rating links. */
export type OrderMailExtras = Pick<Parameters<typeof composeOrderMails>[0], 'comment' | 'actionUrl' | 'ratingUrls'>;

/**
 * The one way an order's mail is composed, for the order use cases, the timer job and surveys:
 * one message per language among the recipients, the service's words (the version the order was
 * filed under) in each. The messages go to the outbox in the same write as the change they tell of.
 */
export class OrderMailComposer {
  constructor(private readonly deps: { services?: Pick<ServiceRepository, 'getVersion'>; portalUrl: string }) {}

  /** The service version the order was filed under (versions never change: read once per process). */
  service(order: Order): Promise<Service | undefined> {
    return this.deps.services?.getVersion(order.serviceId, order.serviceVersion) ?? Promise.resolve(undefined);
  }

  /** One message per language among the recipients, with the service already in hand. */
  async messages(
    service: Service | undefined,
    event: MailEvent,
    order: Order,
    recipients: readonly Recipient[],
    audience: string,
    extras: OrderMailExtras = {},
  ): Promise<MailMessage[]> {
    await loadMailWords(recipients.map(mailLanguage));
    return composeOrderMails({
      event,
      order,
      recipients,
      audience,
      portalUrl: this.deps.portalUrl,
      service,
      ...extras,
    });
  }

  /** The same, reading the service version first. */
  async compose(
    event: MailEvent,
    order: Order,
    recipients: readonly Recipient[],
    audience: string,
    extras: OrderMailExtras = {},
  ): Promise<MailMessage[]> {
    return this.messages(await this.service(order), event, order, recipients, audience, extras);
  }
}

export class OrderMail {
  private readonly composer: OrderMailComposer;

  constructor(
    private readonly deps: Pick<
      OrderWorkflowDeps,
      'users' | 'departments' | 'services' | 'links' | 'portalUrl' | 'now'
    >,
  ) {
    this.composer = new OrderMailComposer(deps);
  }

  /**
   * The messages of every plan, in order. `known`: people already in hand (read nothing for them).
   * The service's words are the recipients' language, from the version the order was filed under
   * (read once per process: versions never change).
   */
  async compose(plans: readonly MailPlan[], order: Order, known: readonly User[] = []): Promise<MailMessage[]> {
    const mail: MailMessage[] = [];
    if (plans.length === 0) return mail;
    const service = await this.composer.service(order);
    for (const plan of plans) {
      if (plan.to === 'requesterOnly') {
        const requester =
          known.find((p) => p.id === order.requesterId) ?? (await this.deps.users.get(order.requesterId));
        const to = requester ? [{ email: order.requesterEmail, language: requester.language, id: requester.id }] : [];
        mail.push(...(await this.messages(service, plan.event, order, to, plan.audience)));
      } else if (plan.to === 'people') {
        const people = await this.deps.users.getMany(plan.people);
        mail.push(...(await this.messages(service, plan.event, order, [...people.values()], plan.audience)));
      } else {
        const about = plan.idVersion === undefined ? order : { ...order, version: plan.idVersion };
        mail.push(...(await this.forAudience(service, plan.event, about, plan.to, plan.comment)));
      }
    }
    return mail;
  }

  /** The signed link that answers the order's open question without signing in. */
  clarificationLink(order: Order): string | undefined {
    if (!order.clarification) return undefined;
    const token = this.deps.links.sign({
      purpose: 'clarification',
      orderNumber: order.number,
      ref: order.clarification.id,
      exp: Math.floor(this.deps.now().getTime() / 1000) + CLARIFICATION_LINK_SECONDS,
    });
    return `${this.deps.portalUrl.replace(/\/$/, '')}/answer/${token}`;
  }

  /** One message per language among the recipients. */
  private messages(
    service: Service | undefined,
    event: MailEvent,
    order: Order,
    recipients: Recipient[],
    audience: string,
    comment?: string,
    link?: string,
  ): Promise<MailMessage[]> {
    return this.composer.messages(service, event, order, recipients, audience, {
      ...(comment ? { comment } : {}),
      ...(link ? { actionUrl: link } : {}),
    });
  }

  /** The mail for one audience of an order: requester (+ watchers), assignee, or the department team. */
  private async forAudience(
    service: Service | undefined,
    event: MailEvent,
    order: Order,
    audience: OrderAudience,
    comment?: string,
  ): Promise<MailMessage[]> {
    if (audience === 'requester') {
      const people = await this.deps.users.getMany([order.requesterId, ...order.watchers]);
      const requester = people.get(order.requesterId);
      // The address the order was filed with, in the language the person chose since.
      const toRequester: Recipient[] = wantsMail(requester, event)
        ? [{ email: order.requesterEmail, language: requester?.language, id: requester?.id }]
        : [];
      const watchers = (watcherEvent: MailEvent) =>
        order.watchers
          .map((id) => people.get(id))
          .filter((p): p is User => Boolean(p && p.email !== order.requesterEmail && wantsMail(p, watcherEvent)));
      if (event === 'clarification_requested') {
        // The signed link answers as the requester, so it goes to them alone. Watchers read the
        // question and follow the order page; an answer in the portal is recorded as whoever gives it.
        return [
          ...(await this.messages(
            service,
            event,
            order,
            toRequester,
            audience,
            comment,
            this.clarificationLink(order),
          )),
          ...(await this.messages(service, 'requester_asked', order, watchers('requester_asked'), 'watchers', comment)),
        ];
      }
      return this.messages(service, event, order, [...toRequester, ...watchers(event)], audience, comment);
    }
    if (audience === 'handlers') {
      // Whoever holds the order hears of it; while nobody does, the team's mailbox.
      return this.forAudience(service, event, order, order.assigneeId ? 'assignee' : 'team', comment);
    }
    if (audience === 'team') {
      // The team's shared mailbox is nobody's profile: it gets English.
      const department = await this.deps.departments.get(order.department);
      return department
        ? this.messages(service, event, order, [{ email: department.contactEmail }], audience, comment)
        : [];
    }
    if (!order.assigneeId) return [];
    const assignee = await this.deps.users.get(order.assigneeId);
    return assignee && wantsMail(assignee, event)
      ? this.messages(service, event, order, [assignee], audience, comment)
      : [];
  }
}
