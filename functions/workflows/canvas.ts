/**
 * The head's living canvas and service ranking. Each reads aggregates only, never an order, so its
 * cost does not grow with history (ARCHITECTURE.md, reads per view):
 *   canvas   services, report rows, customer rows and queue gauges of the department, the company's
 *            hand-off rows of the window, the department list (+ the department, cached): 6
 *   ranking  services, and the services' sums of the period and the one before (+ the department,
 *            cached): day rows in one Query when both span at most 93 days, else month rows for the
 *            whole months and day rows for each partial month at the edges (at most 3): 2 to 5
 * Setting the weights writes the department (version condition) with its audit record.
 */
import type { LivingCanvasView, ProcessQuery, RankingBody, RankingView } from '#shared/api.ts';
import { rankingAudit } from '#shared/audit.ts';
import { ConflictError } from '#shared/errors.ts';
import { weeklyBusinessMinutes, weeksEnding } from '#shared/insight.ts';
import { buildLivingCanvas } from '#shared/living-canvas.ts';
import type { Department, User } from '#shared/model.ts';
import { DEFAULT_WEIGHTS, type RankingInput, type RankingWeights, rankServices } from '#shared/ranking.ts';
import { addDays, weekStart } from '#shared/stats.ts';
import { DepartmentViews, servicesWithStandardWeeks } from './department-views.ts';
import { UTILISATION } from './insight.ts';
import { periodOf } from './process.ts';

const DAY_MS = 86_400_000;

export class CanvasWorkflow extends DepartmentViews {
  /** The figures beside each section of the canvas, over `weeks` weeks up to today. */
  async canvas(user: User, code: string, query: { weeks: number }): Promise<LivingCanvasView> {
    const department = await this.headsDepartment(user, code);
    const today = this.today(department);
    const weeks = weeksEnding(weekStart(today), query.weeks);
    const from = weeks[0]!;
    const [services, rows, customerRows, load, handoffRows, departments] = await Promise.all([
      this.deps.services.listByDepartment(code),
      this.deps.stats.rows(code, from, today),
      this.deps.stats.customerRows(code, from, weeks.at(-1)!),
      this.deps.stats.load(code),
      this.deps.stats.handoffRows(from, today),
      this.deps.departments.list(),
    ]);
    const perWeek = weeklyBusinessMinutes(department.calendar);
    const view = buildLivingCanvas({
      code,
      weeks,
      today,
      goals: department.goals ?? [],
      services: servicesWithStandardWeeks(services, perWeek),
      businessMinutesPerWeek: perWeek,
      utilisation: UTILISATION,
      rows,
      customerRows,
      load,
      handoffRows,
    });
    const partners = new Set([...view.partners.handsTo, ...view.partners.receivesFrom].map((p) => p.code));
    return {
      ...view,
      department: code,
      departmentNames: Object.fromEntries(departments.filter((d) => partners.has(d.code)).map((d) => [d.code, d.name])),
    };
  }

  /** The services ranked over the period (30 days to today unless asked), the one to improve first on top. */
  async ranking(user: User, code: string, query: ProcessQuery): Promise<RankingView> {
    const department = await this.headsDepartment(user, code);
    return this.rank(department, query);
  }

  /** Saves the head's weights on the department (audited) and ranks with them. */
  async setRanking(user: User, code: string, query: ProcessQuery, body: RankingBody): Promise<RankingView> {
    const department = await this.headsDepartment(user, code);
    if (body.version !== department.version) throw new ConflictError('department_changed', { code });
    const at = this.deps.now().toISOString();
    const saved = await this.deps.departments.save(
      { ...department, ranking: body.weights },
      body.version,
      rankingAudit(user.id, at, department, body.weights),
    );
    return this.rank(saved, query);
  }

  private async rank(department: Department, query: ProcessQuery): Promise<RankingView> {
    const period = periodOf(query, this.today(department));
    const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
    const previousTo = addDays(period.from, -1);
    const previousFrom = addDays(period.from, -days);
    const [services, [current, previous]] = await Promise.all([
      this.deps.services.listByDepartment(department.code),
      this.deps.stats.serviceTotals(department.code, [
        { from: period.from, to: period.to },
        { from: previousFrom, to: previousTo },
      ]),
    ]);
    const inputs: RankingInput[] = services.map((s) => ({
      serviceId: s.id,
      name: s.name,
      current: current?.get(s.id) ?? {},
      previous: previous?.get(s.id) ?? {},
    }));
    const weights: RankingWeights = department.ranking ?? DEFAULT_WEIGHTS;
    return {
      department: department.code,
      version: department.version,
      ...period,
      previousFrom,
      previousTo,
      weights,
      defaults: DEFAULT_WEIGHTS,
      tuned: department.ranking !== undefined,
      services: rankServices(inputs, weights),
    };
  }
}
