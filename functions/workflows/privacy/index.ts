/**
 * A person's data on request (GDPR articles 15, 17 and 20) and retention per service: an
 * administrator exports everything Ordo holds about a person (export.ts), or erases them
 * (erase.ts); the retention job anonymises closed orders past their service's period
 * (retention.ts); both anonymise an order through anonymise.ts. Rules in shared/privacy.ts; reads
 * and writes in the repositories (privacy, inbound, webhooks; no Scan). Report counters are never
 * written here, so every report, count and gauge reads the same before and after.
 */

import type { User } from '#shared/model.ts';
import type { ErasureAnswer, ExportAnswer } from '#shared/privacy.ts';
import type { PrivacyDeps } from './deps.ts';
import { erasePerson } from './erase.ts';
import { exportPerson } from './export.ts';
import { type RetentionRun, runRetention } from './retention.ts';

export { EXPORT_LINK_SECONDS, type FileStore, type PrivacyDeps } from './deps.ts';
export type { RetentionRun } from './retention.ts';

export class PrivacyWorkflow {
  constructor(private readonly deps: PrivacyDeps) {}

  export(admin: User, personId: string): Promise<ExportAnswer> {
    return exportPerson(this.deps, admin, personId);
  }

  erase(admin: User, personId: string): Promise<ErasureAnswer> {
    return erasePerson(this.deps, admin, personId);
  }

  retention(limitPerService = 200): Promise<RetentionRun> {
    return runRetention(this.deps, limitPerService);
  }
}
