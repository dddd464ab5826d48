/**
 * The daily digest (SPEC §6, optional per person): each morning the head of each department gets
 * the orders that missed or are about to miss their standard, and the size of the backlog. Sent at
 * most once per department and day, whoever runs the timer job and however often: a conditional
 * write on the department's digest record decides. Written in the head's language.
 */
import { loadMailWords, mailLanguage } from '#shared/mail-words.ts';
import type { MailMessage } from '#shared/model.ts';
import { composeDigestMail, wantsMail } from '#shared/notifications.ts';
import { clockState } from '#shared/sla.ts';
import { localDay } from '#shared/stats.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { OrderRepository } from '../repositories/orders.ts';
import type { OutboxRepository } from '../repositories/outbox.ts';
import type { UserRepository } from '../repositories/users.ts';

/** Local hour from which the day's digest goes out. */
export const DIGEST_HOUR = 8;

export class DailyDigest {
  /** Departments already handled today in this process, to skip the conditional write. */
  private readonly done = new Map<string, string>();

  constructor(
    private readonly deps: {
      departments: DepartmentRepository;
      orders: OrderRepository;
      users: UserRepository;
      outbox: OutboxRepository;
      portalUrl: string;
      now: () => Date;
    },
  ) {}

  async run(): Promise<number> {
    const now = this.deps.now();
    let sent = 0;
    for (const department of await this.deps.departments.list()) {
      const tz = department.calendar.timeZone;
      const today = localDay(now.toISOString(), tz);
      if (this.done.get(department.code) === today) continue;
      const hour = Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(now),
      );
      if (hour < DIGEST_HOUR) continue;
      const message = await this.compose(department.code, department.headId, today, now);
      if (!message) {
        this.done.set(department.code, today);
        continue;
      }
      if (await this.deps.outbox.enqueueOncePerDay(department.code, today, message, now.toISOString())) sent++;
      this.done.set(department.code, today);
    }
    return sent;
  }

  private async compose(code: string, headId: string, today: string, now: Date): Promise<MailMessage | undefined> {
    const head = await this.deps.users.get(headId);
    if (!head || !wantsMail(head, 'daily_digest')) return undefined;
    let backlog = 0;
    const late: Array<{ number: string; title: string; state: 'breached' | 'at_risk' }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.orders.queue(code, cursor, 100);
      for (const order of page.orders) {
        backlog++;
        const clocks = order.clocks ? [order.clocks.firstResponse, order.clocks.resolution] : [];
        const states = clocks.map((c) => clockState(c, now));
        const state = states.includes('breached') ? 'breached' : states.includes('warning') ? 'at_risk' : undefined;
        if (state) late.push({ number: order.number, title: order.title, state });
      }
      cursor = page.nextCursor;
    } while (cursor);
    const language = mailLanguage(head);
    await loadMailWords([language]);
    return composeDigestMail({
      department: code,
      day: today,
      open: backlog,
      late,
      to: [head.email],
      portalUrl: this.deps.portalUrl,
      language,
    });
  }
}
