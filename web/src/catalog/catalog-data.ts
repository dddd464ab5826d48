/** The catalog page's data: the services, and the departments that name their groups. */
import type { ServiceSummary } from '#shared/api.ts';
import type { Department } from '#shared/model.ts';
import { departments } from '../account/session.ts';
import { api } from '../lib/api.ts';
import { early } from '../lib/early.ts';

export interface CatalogData {
  services: ServiceSummary[];
  depts: Department[];
}

/** Started by the front page's route while sign-in reads the profile (lib/early.ts). */
export const catalogData = early(async (_key: 'catalog', options) => {
  const [services, depts] = await Promise.all([api.catalog(options), departments(options).catch(() => [])]);
  return { services, depts };
});
