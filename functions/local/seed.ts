/**
 * Writes the demo data through the repositories, once: a table that already has departments is left alone.
 */
import type { Deps } from '../deps.ts';
import { demoDepartments, demoEmployees, demoGoals, demoServices, demoUsers } from './demo-data.ts';

export async function seedIfEmpty(deps: Pick<Deps, 'departments' | 'users' | 'services' | 'now'>): Promise<boolean> {
  if ((await deps.departments.list()).length > 0) return false;
  const now = deps.now().toISOString();
  await Promise.all([...demoUsers, ...demoEmployees].map((user) => deps.users.save(user)));
  await Promise.all(
    demoDepartments.map((department) =>
      deps.departments.save({ ...department, goals: demoGoals(department.code, deps.now()), version: 0 }),
    ),
  );
  await Promise.all(
    demoServices.map((service) =>
      deps.services.save({ ...service, status: 'published', version: 0, updatedAt: now }, undefined, now),
    ),
  );
  return true;
}
