/**
 * The retention job: anonymises closed orders whose service's retention period has passed, for
 * everyone (anonymise.ts), found from each service's closings oldest first (never a Scan, never an
 * order that is not due). Runs late or twice do the same work once: each closing item goes with its
 * order's anonymisation. One audit record per run.
 */
import { ANONYMOUS_NAME, isRetentionDue, retentionBound, SYSTEM_ACTOR } from '#shared/privacy.ts';
import { anonymiseOrderFor } from './anonymise.ts';
import type { PrivacyDeps } from './deps.ts';

export interface RetentionRun {
  services: number;
  examined: number;
  anonymised: number;
  files: number;
}

export async function runRetention(deps: PrivacyDeps, limitPerService = 200): Promise<RetentionRun> {
  const now = deps.now();
  const run: RetentionRun = { services: 0, examined: 0, anonymised: 0, files: 0 };
  for (const department of await deps.departments.list()) {
    for (const service of await deps.services.listByDepartment(department.code)) {
      const period = service.retention;
      if (!period) continue;
      run.services++;
      for (const closing of await deps.privacy.closings(service.id, retentionBound(now, period), limitPerService)) {
        // Closings come oldest first and the due time grows with them: the first not due ends the list.
        if (!isRetentionDue(closing.closedAt, period, now)) break;
        run.examined++;
        const done = await anonymiseOrderFor(
          deps,
          closing.orderNumber,
          { kind: 'everyone', alias: ANONYMOUS_NAME },
          () => true,
          closing.key,
        );
        if (done?.changed) run.anonymised++;
        run.files += done?.files ?? 0;
      }
    }
  }
  await deps.privacy.audit({
    at: now.toISOString(),
    actorId: SYSTEM_ACTOR,
    action: 'retention_run',
    subjectId: 'retention',
    changes: [
      { field: 'services', after: run.services },
      { field: 'examined', after: run.examined },
      { field: 'anonymised', after: run.anonymised },
      { field: 'files', after: run.files },
    ],
  });
  deps.log.info('retention.run', { ...run });
  return run;
}
