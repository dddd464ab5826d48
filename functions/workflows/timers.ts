/**
 * The SLA timer job (SPEC §5): raises due warnings and breaches, and closes resolved orders whose
 * reopen window has passed. It reads only orders that are due (the dueWork index), never all open
 * orders. Each order is written conditionally on the version read, and the clock remembers what was
 * raised, so running twice, concurrently or late raises every event exactly once.
 */
import { ConflictError } from '#shared/errors.ts';
import { decide } from '#shared/lifecycle.ts';
import { mailMoment, mailWords } from '#shared/mail-words.ts';
import type { MailMessage, Order, TimelineEvent } from '#shared/model.ts';
import type { MailEvent, Recipient } from '#shared/notifications.ts';
import { advanceClocks, nextDueAt, type OrderClocks, rotateHold } from '#shared/order-clocks.ts';
import { SYSTEM_ACTOR } from '#shared/privacy.ts';
import { stepSinceAfter } from '#shared/process-stats.ts';
import { fireTimers } from '#shared/sla.ts';
import { counterName, localDay, orderDeltas } from '#shared/stats.ts';
import type { Logger } from '../observability/logger.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { OrderRepository } from '../repositories/orders.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';
import { OrderMailComposer } from './orders/mail.ts';

export interface TimerRun {
  examined: number;
  warnings: number;
  breaches: number;
  autoClosed: number;
  conflicts: number;
}

export class SlaTimerJob {
  private readonly mail: OrderMailComposer;

  constructor(
    private readonly deps: {
      orders: OrderRepository;
      departments: DepartmentRepository;
      users: UserRepository;
      /** The service version of an order, for its words in each recipient's language. */
      services?: Pick<ServiceRepository, 'getVersion'>;
      portalUrl: string;
      log: Logger;
      now: () => Date;
    },
  ) {
    this.mail = new OrderMailComposer(deps);
  }

  async run(limit = 200): Promise<TimerRun> {
    const now = this.deps.now();
    const run: TimerRun = { examined: 0, warnings: 0, breaches: 0, autoClosed: 0, conflicts: 0 };
    for (const number of await this.deps.orders.dueForTimers(now, limit)) {
      run.examined++;
      try {
        await this.visit(number, now, run);
      } catch (error) {
        // Someone else changed the order meanwhile; it stays in the index and is looked at next run.
        if (error instanceof ConflictError) run.conflicts++;
        else throw error;
      }
    }
    return run;
  }

  private async visit(number: string, now: Date, run: TimerRun): Promise<void> {
    const order = await this.deps.orders.get(number);
    if (!order?.clocks) return;
    const at = now.toISOString();
    const next: Order = { ...order, updatedAt: at, version: order.version + 1 };
    const events: TimelineEvent[] = [];
    const mail: MailMessage[] = [];
    const clocks: OrderClocks = { ...order.clocks };
    for (const key of ['firstResponse', 'resolution'] as const) {
      const fired = fireTimers(clocks[key], now);
      clocks[key] = fired.clock;
      for (const kind of fired.events) {
        events.push({
          orderNumber: number,
          at,
          actorId: SYSTEM_ACTOR,
          kind: kind === 'warning' ? 'sla_warning' : 'sla_breach',
          clock: fired.clock.kind,
          visibility: 'internal',
        });
        mail.push(...(await this.escalate(kind === 'warning' ? 'sla_warning' : 'sla_breach', next, key)));
        if (kind === 'warning') run.warnings++;
        else run.breaches++;
      }
    }
    next.clocks = clocks;

    if (order.status === 'resolved' && order.autoCloseAt && order.autoCloseAt <= at) {
      const decision = decide(order, 'auto_close', new Set(['system']));
      if (decision.ok) {
        const calendar = (await this.deps.departments.get(order.department))?.calendar;
        next.status = decision.to;
        next.stepSince = stepSinceAfter(order, next);
        delete next.autoCloseAt;
        if (calendar) {
          next.clocks = advanceClocks(clocks, { from: order.status, to: next.status }, now, calendar);
          next.holds = rotateHold(order.holds ?? [], now, calendar, null);
        }
        events.push({
          orderNumber: number,
          at,
          actorId: SYSTEM_ACTOR,
          kind: 'auto_close',
          from: order.status,
          to: next.status,
          visibility: 'public',
        });
        // One read per auto-closed order, for the requester's language (cached per process).
        const requester = await this.deps.users.get(order.requesterId);
        mail.push(
          ...(await this.mail.compose(
            'order_closed',
            next,
            [{ email: order.requesterEmail, language: requester?.language }],
            'requester',
          )),
        );
        run.autoClosed++;
      }
    }
    if (events.length === 0) return;
    const due = next.clocks ? nextDueAt(next.clocks) : undefined;
    if (due) next.nextDueAt = due;
    const calendar = (await this.deps.departments.get(order.department))?.calendar;
    const timeZone = calendar?.timeZone ?? 'UTC';
    const stats = orderDeltas(order, next, 'timer', calendar ?? timeZone);
    // Breach causes for the Pareto: the stage the order was in when it missed its standard.
    const breaches = events.filter((e) => e.kind === 'sla_breach').length;
    if (breaches > 0) {
      stats.push({
        department: order.department,
        day: localDay(at, timeZone),
        kind: 'service',
        key: order.serviceId,
        counters: {
          [counterName('breach', order.status === 'waiting_for_customer' ? 'waiting_for_customer' : order.stage)]:
            breaches,
        },
      });
    }
    await this.deps.orders.update(next, order, events, mail, stats);
  }

  /** Warning: the assignee (or the team when nobody holds it). Breach: assignee, process owner and head. */
  private async escalate(event: MailEvent, order: Order, clock: keyof OrderClocks): Promise<MailMessage[]> {
    const department = await this.deps.departments.get(order.department);
    const ids = event === 'sla_breach' ? [order.assigneeId, order.ownerId, department?.headId] : [order.assigneeId];
    const people = await this.deps.users.getMany(ids.filter((id): id is string => Boolean(id)));
    // Nobody to name: the team's shared mailbox, which is nobody's profile and gets English.
    const to: Recipient[] = people.size ? [...people.values()] : department ? [{ email: department.contactEmail }] : [];
    const dueAt = order.clocks?.[clock].dueAt;
    const timeZone = department?.calendar.timeZone ?? 'UTC';
    return this.mail.compose(event, order, to, `escalation-${clock}`, {
      comment: (language) =>
        mailWords(language).escalation(
          clock,
          event === 'sla_breach',
          dueAt ? mailMoment(dueAt, language, timeZone) : undefined,
        ),
    });
  }
}
