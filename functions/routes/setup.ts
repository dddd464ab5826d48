/**
 * A department's guided setup, for its head (the guard admits only the head of :code): read the
 * progress, mark a step. Load → apply (shared/setup.ts) → persist (one UpdateItem) → respond.
 */
import { NotFoundError } from '#shared/errors.ts';
import { setupView } from '#shared/setup.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';
import { SetupRepository } from '../repositories/setup.ts';

export function setupRoutes(deps: Deps, on: On): void {
  const progress = new SetupRepository(deps.db);
  const known = async (code: string) => {
    if (!(await deps.departments.get(code))) throw new NotFoundError('department_not_found', { code });
  };
  on('GET /departments/:code/setup', async (_c, { params: { code } }) => {
    await known(code);
    return setupView(await progress.get(code));
  });
  on('PUT /departments/:code/setup', async (_c, { params: { code }, body }) => {
    await known(code);
    return setupView(await progress.mark(code, body.step, body.mark, deps.now().toISOString()));
  });
}
