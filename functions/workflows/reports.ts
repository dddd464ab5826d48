/**
 * Reports for heads, process owners and agents (SPEC §8). The report reads the department's counter
 * rows for the period (one Query) and the service list (one Query) — never an order. The backlog
 * reads the active orders through the queue index.
 */

import type { Backlog, ReportTable, ReportView } from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { User } from '#shared/model.ts';
import { isAgentOf, isHeadOf } from '#shared/permissions.ts';
import { ATTENTION_FORMULA, buildReport, type ReportFilter, reportCsv } from '#shared/reports.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { OrderRepository } from '../repositories/orders.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { StatsRepository } from '../repositories/stats.ts';

const AGE_BUCKETS: Array<[string, number]> = [
  ['< 1 day', 1],
  ['1–3 days', 3],
  ['3–7 days', 7],
  ['7–14 days', 14],
  ['> 14 days', Number.POSITIVE_INFINITY],
];

/** The longest period one report covers. */
const MAX_DAYS = 400;

export class ReportWorkflow {
  constructor(
    private readonly deps: {
      stats: StatsRepository;
      services: ServiceRepository;
      orders: OrderRepository;
      departments: DepartmentRepository;
      now: () => Date;
    },
  ) {}

  async report(user: User, department: string, filter: ReportFilter): Promise<ReportView> {
    if (filter.from > filter.to) throw new NotFoundError('report_period_reversed');
    const days = (Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000;
    if (days > MAX_DAYS) throw new NotFoundError('report_too_long', { maxDays: MAX_DAYS });
    const [services, rows] = await Promise.all([
      this.deps.services.listByDepartment(department),
      this.deps.stats.rows(department, filter.from, filter.to),
    ]);
    const serviceNames = Object.fromEntries(services.map((s) => [s.id, s.name]));
    let scope: ReportView['scope'] = 'department';
    let visible = rows;
    const effective: ReportFilter = { ...filter };
    if (!isHeadOf(user, department)) {
      const owned = new Set(services.filter((s) => s.ownerId === user.id).map((s) => s.id));
      if (owned.size > 0 && !filter.agent) {
        scope = 'owned_services';
        if (filter.service && !owned.has(filter.service)) throw new NotFoundError('service_not_owned');
        visible = rows.filter((r) => r.kind === 'service' && owned.has(r.key));
      } else if (isAgentOf(user, department)) {
        // An agent sees their own numbers only.
        scope = 'own_work';
        effective.agent = user.id;
        visible = rows.filter((r) => r.kind === 'agent' && r.key === user.id);
      } else {
        throw new NotFoundError('nothing_here', { department });
      }
    }
    return { ...buildReport(visible, effective), department, scope, serviceNames, attentionFormula: ATTENTION_FORMULA };
  }

  /** A table of the report as CSV (shared/reports.ts); here so the report maths load on first use with the rest. */
  csv(report: ReportView, table: ReportTable): string {
    return reportCsv(report, table);
  }

  async backlog(user: User, department: string): Promise<Backlog> {
    if (!isAgentOf(user, department)) throw new NotFoundError('nothing_here', { department });
    const now = this.deps.now().getTime();
    const byStatus: Record<string, number> = {};
    const ages = AGE_BUCKETS.map(([bucket]) => ({ bucket, count: 0 }));
    const byService = new Map<string, { serviceId: string; serviceName: string; count: number }>();
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await this.deps.orders.queue(department, cursor, 100);
      for (const order of page.orders) {
        total++;
        byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
        const ageDays = (now - Date.parse(order.createdAt)) / 86_400_000;
        const i = AGE_BUCKETS.findIndex(([, upper]) => ageDays < upper);
        ages[i]!.count++;
        const entry = byService.get(order.serviceId) ?? {
          serviceId: order.serviceId,
          serviceName: order.serviceName,
          count: 0,
        };
        entry.count++;
        byService.set(order.serviceId, entry);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return { total, byStatus, ageing: ages, byService: [...byService.values()].sort((a, b) => b.count - a.count) };
  }
}
