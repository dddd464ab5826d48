/**
 * Finding a colleague by name or email, for every field where a person is chosen (filing on
 * someone's behalf, watchers, a service's owner and approvers, roles).
 */
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';

export function peopleRoutes(deps: Deps, on: On): void {
  on('GET /people', (_c, { query }) => deps.users.search(query.q));
}
