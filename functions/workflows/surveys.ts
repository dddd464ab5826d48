/**
 * Satisfaction surveys (SPEC §7, §14.6): the invitation on resolve within each person's fatigue
 * budget, one-click ratings by signed link or in the portal (one response per order; a later click
 * changes it), and a follow-up task for the process owner on every rating of 2 or less.
 */

import type { SurveyAnswer, SurveyView } from '#shared/api.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '#shared/errors.ts';
import type { FollowUp, MailMessage, Order, OrderSurvey, Service, TimelineEvent, User } from '#shared/model.ts';
import { canViewOrder, isHeadOf } from '#shared/permissions.ts';
import { refusal } from '#shared/refusals.ts';
import { type Counters, counterName, customerDeltas, localDay, type StatsDelta, weekStart } from '#shared/stats.ts';
import { localizeService } from '#shared/translate.ts';
import type { LinkSigner } from '../auth/links.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { Alongside, OrderRepository } from '../repositories/orders.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { SurveyRepository } from '../repositories/surveys.ts';
import type { UserRepository } from '../repositories/users.ts';
import { OrderMailComposer } from './orders/mail.ts';

/** Survey links stay valid this long; within it, a second click changes the rating. */
export const SURVEY_LINK_SECONDS = 14 * 24 * 3600;

export interface SurveyWorkflowDeps {
  orders: OrderRepository;
  services: ServiceRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  surveys: SurveyRepository;
  links: LinkSigner;
  portalUrl: string;
  /** At most one invitation per person in this many days, across all departments. */
  budgetDays: number;
  now: () => Date;
}

export interface InvitationPlan {
  survey: OrderSurvey;
  mail: MailMessage[];
  counters: Counters;
  /** The invitation spends the person's survey budget. */
  alongside: Alongside;
}

export class SurveyWorkflow {
  private readonly mail: OrderMailComposer;

  constructor(private readonly deps: SurveyWorkflowDeps) {
    this.mail = new OrderMailComposer(deps);
  }

  /** What resolving `order` does about its survey: invite, or sample out when the budget is spent. */
  async planInvitation(order: Order, service: Service | undefined): Promise<InvitationPlan | undefined> {
    if (!service?.survey.enabled || !order.resolvedAt) return undefined;
    const now = this.deps.now();
    const last = await this.deps.surveys.lastInvitedAt(order.requesterId);
    const budgetOpen = !last || Date.parse(last) <= now.getTime() - this.deps.budgetDays * 86_400_000;
    const round = order.resolvedAt;
    if (!budgetOpen) {
      // Kept on the order, so the requester's page can say why no survey came.
      const survey: OrderSurvey = { round, sampledOut: true, budgetDays: this.deps.budgetDays };
      if (last) survey.lastInvitedAt = last;
      return { survey, mail: [], counters: { sampledOut: 1 }, alongside: {} };
    }
    const token = this.deps.links.sign({
      purpose: 'survey',
      orderNumber: order.number,
      ref: round,
      exp: Math.floor(now.getTime() / 1000) + SURVEY_LINK_SECONDS,
    });
    const base = `${this.deps.portalUrl.replace(/\/$/, '')}/survey/${token}`;
    // Resolving already read the requester for the resolution mail, so this is a cache hit.
    const requester = await this.deps.users.get(order.requesterId);
    const to = [{ email: order.requesterEmail, language: requester?.language, id: requester?.id }];
    // The question and the service's words in the requester's language.
    const mail = await this.mail.messages(service, 'survey_invitation', order, to, 'requester', {
      comment: (language) => localizeService(service, language).survey.question,
      ratingUrls: [1, 2, 3, 4, 5].map((score) => `${base}?score=${score}`),
    });
    return {
      survey: { round, invitedAt: now.toISOString() },
      mail,
      counters: { invited: 1 },
      alongside: { surveyInvitation: { userId: order.requesterId, at: now.toISOString() } },
    };
  }

  async viewByLink(token: string): Promise<SurveyView> {
    const { order, service } = await this.fromLink(token);
    return this.view(order, service);
  }

  async rateByLink(token: string, answer: SurveyAnswer): Promise<SurveyView> {
    const { order } = await this.fromLink(token);
    const round = order.survey!.round;
    const saved = await this.record(order.number, round, answer, order.requesterId);
    return this.view(saved, await this.serviceOf(saved));
  }

  /** The requester rates from the order page. */
  async rate(user: User, number: string, answer: SurveyAnswer): Promise<SurveyView> {
    const order = await this.deps.orders.get(number);
    if (!order || !canViewOrder(user, order)) throw new NotFoundError('order_not_found', { number });
    if (order.requesterId !== user.id) throw new ForbiddenError('requester_only');
    if (!order.survey) throw new RuleViolationError('no_survey');
    const saved = await this.record(number, order.survey.round, answer, user.id);
    return this.view(saved, await this.serviceOf(saved));
  }

  async followUps(user: User, department: string): Promise<FollowUp[]> {
    const all = await this.deps.surveys.followUps(department);
    // Heads see the department's; process owners the ones of their services.
    return isHeadOf(user, department) ? all : all.filter((f) => f.ownerId === user.id);
  }

  async closeFollowUp(user: User, department: string, number: string, note: string): Promise<FollowUp> {
    const found = await this.deps.surveys.followUp(department, number);
    if (!found || (!isHeadOf(user, department) && found.ownerId !== user.id)) {
      throw new NotFoundError('follow_up_not_found', { number });
    }
    const closed = await this.deps.surveys.close(department, number, user.id, this.deps.now().toISOString(), note);
    if (!closed) throw new ConflictError('follow_up_closed', {}, found);
    return closed;
  }

  /**
   * Stores the answer for the order's current survey round. The first answer counts a response; a
   * later one moves the score between buckets on the day of the first. Retried on version races, so
   * concurrent clicks leave one response and consistent counters.
   */
  private async record(number: string, round: string, answer: SurveyAnswer, actorId: string): Promise<Order> {
    if (answer.score > 2) delete answer.category;
    for (let attempt = 0; ; attempt++) {
      const order = await this.deps.orders.get(number);
      if (!order?.survey || order.survey.round !== round || !['resolved', 'closed'].includes(order.status)) {
        throw new NotFoundError('survey_link_earlier');
      }
      const now = this.deps.now();
      const at = now.toISOString();
      const department = await this.deps.departments.get(order.department);
      const timeZone = department?.calendar.timeZone ?? 'UTC';
      const before = order.survey;
      const first = before.score === undefined;
      const survey: OrderSurvey = {
        ...before,
        score: answer.score,
        respondedAt: at,
        respondedDay: before.respondedDay ?? localDay(at, timeZone),
      };
      if (answer.comment) survey.comment = answer.comment;
      else delete survey.comment;
      if (answer.category) survey.category = answer.category;
      else delete survey.category;
      if (before.sampledOut && first) {
        delete survey.sampledOut;
        delete survey.lastInvitedAt;
        delete survey.budgetDays;
      }

      const counters: Counters = {};
      const add = (name: string, n: number) => {
        counters[name] = (counters[name] ?? 0) + n;
      };
      if (first) {
        add('responses', 1);
        if (before.sampledOut) {
          // Answered from the order page although not invited: count it as invited, not sampled out.
          add('invited', 1);
          add('sampledOut', -1);
        }
      } else {
        add(`score${before.score}`, -1);
        if (before.score! <= 2 && before.category) add(counterName('low', before.category), -1);
      }
      add(`score${answer.score}`, 1);
      if (answer.score <= 2 && answer.category) add(counterName('low', answer.category), 1);
      const stats: StatsDelta[] = [
        { department: order.department, day: survey.respondedDay!, kind: 'service', key: order.serviceId, counters },
      ];
      const ratingCounters: Counters = {};
      for (const [k, v] of Object.entries(counters)) if (/^score\d$|^responses$/.test(k)) ratingCounters[k] = v;
      // The customers view: how satisfied this requester (and their segments) is, in the week they answered.
      stats.push(...customerDeltas(order, weekStart(survey.respondedDay!), ratingCounters));
      if (order.assigneeId) {
        const agentCounters: Counters = { ...ratingCounters };
        stats.push({
          department: order.department,
          day: survey.respondedDay!,
          kind: 'agent',
          key: order.assigneeId,
          counters: agentCounters,
        });
      }

      const mail: MailMessage[] = [];
      const alongside: Alongside = {};
      if (answer.score <= 2 && !before.followUpOpened) {
        survey.followUpOpened = true;
        const followUp: FollowUp = {
          orderNumber: order.number,
          department: order.department,
          serviceId: order.serviceId,
          ownerId: order.ownerId,
          score: answer.score,
          status: 'open',
          openedAt: at,
          ...(answer.comment ? { comment: answer.comment } : {}),
          ...(answer.category ? { category: answer.category } : {}),
        };
        alongside.followUpOpened = followUp;
        const owner = await this.deps.users.get(order.ownerId);
        if (owner) {
          mail.push(
            ...(await this.mail.messages(undefined, 'low_rating', order, [owner], 'owner', {
              ...(answer.comment ? { comment: answer.comment } : {}),
            })),
          );
        }
      } else if (before.followUpOpened) {
        // The reason and comment usually come after the one-click score: keep the follow-up current.
        alongside.followUpAnswer = { department: order.department, number: order.number, answer };
      }
      const next: Order = { ...order, survey, updatedAt: at, version: order.version + 1 };
      const event: TimelineEvent = {
        orderNumber: number,
        at,
        actorId,
        kind: 'survey_response',
        comment: `Rated ${answer.score} of 5${answer.comment ? `: ${answer.comment}` : '.'}`,
        visibility: 'public',
      };
      try {
        await this.deps.orders.update(next, order, [event], mail, stats, alongside);
        return next;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 9) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
      }
    }
  }

  private async fromLink(token: string): Promise<{ order: Order; service: Service | undefined }> {
    const check = this.deps.links.verify(token, 'survey', Math.floor(this.deps.now().getTime() / 1000));
    if (!check.ok) {
      const expired = check.reason === 'expired';
      throw new ValidationError(
        expired ? 'survey_link_expired' : 'survey_link_invalid',
        {},
        { token: refusal(expired ? 'link_expired' : 'link_invalid') },
      );
    }
    const order = await this.deps.orders.get(check.claims.orderNumber);
    if (!order?.survey || order.survey.round !== check.claims.ref) {
      throw new NotFoundError('survey_link_earlier');
    }
    return { order, service: await this.serviceOf(order) };
  }

  private serviceOf(order: Order): Promise<Service | undefined> {
    return this.deps.services.getVersion(order.serviceId, order.serviceVersion);
  }

  private view(order: Order, service: Service | undefined): SurveyView {
    const view: SurveyView = {
      number: order.number,
      title: order.title,
      serviceName: order.serviceName,
      question: service?.survey.question || 'How satisfied are you?',
    };
    if (order.survey?.score) view.score = order.survey.score;
    if (order.survey?.comment) view.comment = order.survey.comment;
    if (order.survey?.category) view.category = order.survey.category;
    return view;
  }
}
