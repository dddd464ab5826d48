/**
 * The daily digest (SPEC §6, optional per person): each morning the head of each department gets
 * the orders that missed or are about to miss their standard, and the size of the backlog. Sent at
 * most once per department and day, whoever runs the timer job and however often: a conditional
 * write on the department's digest record decides.
 */
import type { MailMessage } from '#shared/model.ts';
import { escapeHtml, wantsMail } from '#shared/notifications.ts';
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
    const late: Array<{ number: string; title: string; state: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.orders.queue(code, cursor, 100);
      for (const order of page.orders) {
        backlog++;
        const clocks = order.clocks ? [order.clocks.firstResponse, order.clocks.resolution] : [];
        const states = clocks.map((c) => clockState(c, now));
        const state = states.includes('breached') ? 'breached' : states.includes('warning') ? 'at risk' : undefined;
        if (state) late.push({ number: order.number, title: order.title, state });
      }
      cursor = page.nextCursor;
    } while (cursor);
    const base = this.deps.portalUrl.replace(/\/$/, '');
    const lines = late.map((o) => `${o.number} (${o.state}) ${o.title}: ${base}/orders/${o.number}`);
    const text = [
      `Good morning. ${code} has ${backlog} open orders; ${late.length} missed or are about to miss their standard.`,
      '',
      ...lines,
      '',
      `Dashboard: ${base}/departments/${code}/dashboard`,
      '',
      '— Ordo',
    ].join('\n');
    const html = [
      '<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">',
      `<p>${escapeHtml(`${code} has ${backlog} open orders; ${late.length} missed or are about to miss their standard.`)}</p>`,
      late.length
        ? `<ul>${late.map((o) => `<li><a href="${escapeHtml(`${base}/orders/${o.number}`)}">${escapeHtml(o.number)}</a> (${escapeHtml(o.state)}) ${escapeHtml(o.title)}</li>`).join('')}</ul>`
        : '',
      `<p><a href="${escapeHtml(`${base}/departments/${code}/dashboard`)}">Open the dashboard</a></p>`,
      '<p style="color:#555">— Ordo</p></body></html>',
    ].join('');
    return {
      id: `DIGEST.${code}.${today}`,
      event: 'daily_digest',
      to: [head.email],
      subject: `${code} daily digest ${today}: ${late.length} at risk or late, ${backlog} open`,
      text,
      html,
    };
  }
}
