/**
 * The live process views: a service's process map and SIPOC (its department's team), and the
 * company's hand-off map (heads and administrators). Each reads aggregates only — the service, the
 * department (cached), the service's process rows of the period and its gauge row, or the company's
 * hand-off rows — never an order, so its cost does not grow with history (ARCHITECTURE.md).
 */
import type { HandoffMapView, ProcessMapView, ProcessQuery, SipocResponse } from '#shared/api.ts';
import { ForbiddenError, NotFoundError } from '#shared/errors.ts';
import { buildHandoffMap, handoffCsvRows } from '#shared/handoff-map.ts';
import type { Department, Service, User } from '#shared/model.ts';
import { isAgentOf } from '#shared/permissions.ts';
import { buildProcessMap, QUANTILE_RULE } from '#shared/process-map.ts';
import { toCsv } from '#shared/reports.ts';
import { buildSipoc } from '#shared/sipoc.ts';
import { addDays } from '#shared/stats.ts';
import { DepartmentViews } from './department-views.ts';

/** The longest period one view covers, like a report. */
const MAX_DAYS = 400;
/** The period when none is asked: the last 30 days, today included. */
const DEFAULT_DAYS = 30;

export class ProcessWorkflow extends DepartmentViews {
  /** The process map of a service over a period. Reads: service, process rows, gauge row (+ department, cached). */
  async processMap(user: User, code: string, serviceId: string, query: ProcessQuery): Promise<ProcessMapView> {
    const { department, service } = await this.serviceOf(user, code, serviceId);
    const period = this.period(department, query);
    const [rows, gauges] = await Promise.all([
      this.deps.stats.processRows(serviceId, period.from, period.to),
      this.deps.stats.serviceGauges(code, serviceId),
    ]);
    return {
      ...buildProcessMap(service, rows, gauges, period),
      department: code,
      serviceName: service.name,
      quantileRule: QUANTILE_RULE,
    };
  }

  /** The SIPOC of a service over a period. Reads: service, process rows (+ department, cached). */
  async sipoc(user: User, code: string, serviceId: string, query: ProcessQuery): Promise<SipocResponse> {
    const { department, service } = await this.serviceOf(user, code, serviceId);
    const period = this.period(department, query);
    const rows = await this.deps.stats.processRows(serviceId, period.from, period.to);
    return { ...buildSipoc(service, department.canvas, rows, period), department: code, serviceName: service.name };
  }

  /** The company's hand-off map over a period. Reads: hand-off rows, departments. */
  async handoffMap(user: User, query: ProcessQuery): Promise<HandoffMapView> {
    const heads = Object.values(user.memberships).includes('head');
    if (!heads && !user.admin) throw new ForbiddenError('head_only');
    const today = this.deps.now().toISOString().slice(0, 10);
    const period = periodOf(query, today);
    const [rows, departments] = await Promise.all([
      this.deps.stats.handoffRows(period.from, period.to),
      this.deps.departments.list(),
    ]);
    const view = buildHandoffMap(rows, period);
    const names = new Map(departments.map((d) => [d.code, d.name]));
    return {
      ...view,
      departments: view.departments.map((d) => ({ ...d, name: names.get(d.code) ?? d.code })),
      quantileRule: QUANTILE_RULE,
    };
  }

  /** The hand-off map's department pairs as CSV. */
  handoffCsv(view: HandoffMapView): string {
    return toCsv(handoffCsvRows(view));
  }

  /** The service of the department in the path, for one of its team (the guard let only the team in). */
  private async serviceOf(
    user: User,
    code: string,
    serviceId: string,
  ): Promise<{ department: Department; service: Service }> {
    if (!isAgentOf(user, code)) throw new NotFoundError('nothing_here', { department: code });
    const [department, service] = await Promise.all([
      this.deps.departments.get(code),
      this.deps.services.get(serviceId),
    ]);
    if (!department) throw new NotFoundError('nothing_here', { department: code });
    if (service?.department !== code) throw new NotFoundError('service_not_found', { id: serviceId });
    return { department, service };
  }

  private period(department: Department, query: ProcessQuery): { from: string; to: string } {
    return periodOf(query, this.today(department));
  }
}

/** The period asked, or the last 30 days up to `today`; at most 400 days, never reversed. */
export function periodOf(query: ProcessQuery, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw new NotFoundError('report_period_reversed');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS)
    throw new NotFoundError('report_too_long', { maxDays: MAX_DAYS });
  return { from, to };
}
