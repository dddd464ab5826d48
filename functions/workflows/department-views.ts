/**
 * What the department's read-only views (insight, the living canvas, the process views) share: the
 * repositories they read aggregates from, the clock, who may read a head's view, and the department's
 * today.
 */
import { ForbiddenError, NotFoundError } from '#shared/errors.ts';
import type { Department, Service, User } from '#shared/model.ts';
import { isHeadOf } from '#shared/permissions.ts';
import { localDay } from '#shared/stats.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { StatsRepository } from '../repositories/stats.ts';

export interface DepartmentViewDeps {
  stats: StatsRepository;
  services: ServiceRepository;
  departments: DepartmentRepository;
  now: () => Date;
}

export abstract class DepartmentViews {
  constructor(protected readonly deps: DepartmentViewDeps) {}

  /** The department, for its head only: 404 when there is none, 403 for anyone else. */
  protected async headsDepartment(user: User, code: string): Promise<Department> {
    const department = await this.deps.departments.get(code);
    if (!department) throw new NotFoundError('department_not_found', { code });
    if (!isHeadOf(user, code)) throw new ForbiddenError('head_only');
    return department;
  }

  /** Today in the department's time zone. */
  protected today(department: Department): string {
    return localDay(this.deps.now().toISOString(), department.calendar.timeZone);
  }
}

/**
 * The services as the capacity figures read them: each resolution standard also in weeks of the
 * clock it runs on (the department's business week, or all week for a 24×7 standard).
 */
export function servicesWithStandardWeeks(services: readonly Service[], businessMinutesPerWeek: number) {
  return services.map((s) => {
    const clockWeek = s.standard.always ? 7 * 1440 : businessMinutesPerWeek;
    return {
      id: s.id,
      name: s.name,
      resolutionMinutes: s.standard.resolutionMinutes,
      ...(clockWeek > 0 ? { standardWeeks: s.standard.resolutionMinutes / clockWeek } : {}),
    };
  });
}
