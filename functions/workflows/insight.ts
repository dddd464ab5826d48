/**
 * Department insight for heads (SPEC §2): customers, capacity and goals. Each view reads the
 * department (cached), at most the service list, and counter rows — never an order.
 */

import type { CapacityResponse, CustomersResponse, GoalsBody, GoalsView } from '#shared/api.ts';
import { goalsAudit } from '#shared/audit.ts';
import { ValidationError } from '#shared/errors.ts';
import {
  buildCapacity,
  buildCustomers,
  FORECAST_RULE,
  goalProgress,
  LEAST_SATISFIED_RULE,
  PEOPLE_RULE,
  PULLING_DOWN_RULE,
  STOPPED_RULE,
  weeklyBusinessMinutes,
  weeksEnding,
} from '#shared/insight.ts';
import type { DepartmentGoal, User } from '#shared/model.ts';
import { type FieldRefusals, refusal } from '#shared/refusals.ts';
import { addDays, type SegmentDimension, weekStart } from '#shared/stats.ts';
import { DepartmentViews, servicesWithStandardWeeks } from './department-views.ts';

/** Beyond this share of their time on orders, queues (and resolution times) grow without bound. */
export const UTILISATION = 0.85;

export class InsightWorkflow extends DepartmentViews {
  async customers(
    user: User,
    code: string,
    query: { weeks: number; quietWeeks: number; regularWeeks: number; segment: SegmentDimension },
  ): Promise<CustomersResponse> {
    const department = await this.headsDepartment(user, code);
    const thisWeek = weekStart(this.today(department));
    const weeks = weeksEnding(thisWeek, query.weeks);
    const rows = await this.deps.stats.customerRows(code, weeks[0]!, thisWeek);
    const view = buildCustomers(rows, {
      weeks,
      dimension: query.segment,
      quietWeeks: query.quietWeeks,
      regularWeeks: query.regularWeeks,
      top: 15,
    });
    return {
      ...view,
      department: code,
      stoppedRule: STOPPED_RULE.replace('{regular}', String(query.regularWeeks)).replaceAll(
        '{quiet}',
        String(query.quietWeeks),
      ),
      leastSatisfiedRule: LEAST_SATISFIED_RULE,
    };
  }

  async capacity(user: User, code: string, query: { weeks: number; horizon: number }): Promise<CapacityResponse> {
    const department = await this.headsDepartment(user, code);
    // Complete weeks only: the current week would pull the trend down.
    const lastWeek = addDays(weekStart(this.today(department)), -7);
    const weeks = weeksEnding(lastWeek, query.weeks);
    const [services, rows, load] = await Promise.all([
      this.deps.services.listByDepartment(code),
      this.deps.stats.rows(code, weeks[0]!, addDays(lastWeek, 6)),
      this.deps.stats.load(code),
    ]);
    const perWeek = weeklyBusinessMinutes(department.calendar);
    const view = buildCapacity(rows, load, {
      weeks,
      horizon: query.horizon,
      businessMinutesPerWeek: perWeek,
      utilisation: UTILISATION,
      services: servicesWithStandardWeeks(services, perWeek),
    });
    return {
      ...view,
      department: code,
      forecastRule: FORECAST_RULE.replace('{weeks}', String(query.weeks)).replace('{horizon}', String(query.horizon)),
      peopleRule: PEOPLE_RULE.replace('{utilisation}', String(Math.round(UTILISATION * 100))),
    };
  }

  async goals(user: User, code: string): Promise<GoalsView> {
    const department = await this.headsDepartment(user, code);
    const goals = department.goals ?? [];
    const today = this.today(department);
    // One Query covers every goal: from the earliest start to the latest end that has passed.
    const from = goals.map((g) => g.from).sort()[0];
    const to = [
      goals
        .map((g) => g.to)
        .sort()
        .at(-1) ?? today,
      today,
    ].sort()[0]!;
    const [services, rows] = await Promise.all([
      this.deps.services.listByDepartment(code),
      from && from <= to ? this.deps.stats.rows(code, from, to) : Promise.resolve([]),
    ]);
    return {
      department: code,
      version: department.version,
      goals: goals.map((goal) => goalProgress(goal, rows, today)),
      serviceNames: Object.fromEntries(services.map((s) => [s.id, s.name])),
      pullingDownRule: PULLING_DOWN_RULE,
    };
  }

  async setGoals(user: User, code: string, body: GoalsBody): Promise<GoalsView> {
    const department = await this.headsDepartment(user, code);
    const services = await this.deps.services.listByDepartment(code);
    const known = new Set(services.map((s) => s.id));
    const fields: FieldRefusals = {};
    body.goals.forEach((g, i) => {
      if (g.serviceId && !known.has(g.serviceId)) fields[`goals.${i}.serviceId`] = refusal('unknown_service');
    });
    if (Object.keys(fields).length > 0) throw new ValidationError('invalid_request', {}, fields);
    const used = new Set<string>();
    const goals: DepartmentGoal[] = body.goals.map((g, i) => {
      let id = g.id ?? `goal-${i + 1}`;
      while (used.has(id)) id = `${id}-${i + 1}`;
      used.add(id);
      return {
        id,
        metric: g.metric,
        target: g.target,
        from: g.from,
        to: g.to,
        ...(g.serviceId ? { serviceId: g.serviceId } : {}),
      };
    });
    const at = this.deps.now().toISOString();
    await this.deps.departments.save(
      { ...department, goals },
      body.version,
      goalsAudit(user.id, at, department, goals),
    );
    return this.goals(user, code);
  }
}
