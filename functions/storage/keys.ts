/**
 * Key builders, named after the access pattern they serve. ARCHITECTURE.md has the full table.
 * Every item carries `type` so stream consumers and tools can tell items apart.
 */

import type { StatsKind } from '#shared/stats.ts';

/** Far-future sort value for queue entries without a due time, so they sort last. */
export const NO_DUE = '9999-12-31T23:59:59.999Z';

export const keys = {
  user: (id: string) => ({ pk: `USER#${id}`, sk: 'PROFILE' }),
  usersCollection: (name: string) => ({ gsi1pk: 'USERS', gsi1sk: name.toLowerCase() }),

  department: (code: string) => ({ pk: `DEPT#${code}`, sk: 'PROFILE' }),
  departmentsCollection: (code: string) => ({ gsi1pk: 'DEPARTMENTS', gsi1sk: code }),
  orderSequence: (code: string) => ({ pk: `DEPT#${code}`, sk: 'ORDER_SEQUENCE' }),
  member: (department: string, userId: string) => ({ pk: `DEPT#${department}`, sk: `MEMBER#${userId}` }),
  /** Admin actions, one partition per month so the log can be read back in order. */
  auditEntry: (at: string, id: string) => ({ pk: `AUDIT#${at.slice(0, 7)}`, sk: `${at}#${id}` }),

  serviceCurrent: (id: string) => ({ pk: `SVC#${id}`, sk: 'CURRENT' }),
  serviceVersion: (id: string, version: number) => ({ pk: `SVC#${id}`, sk: `V#${String(version).padStart(6, '0')}` }),
  servicesOfDepartment: (department: string, name: string) => ({
    gsi1pk: `DEPT#${department}#SERVICES`,
    gsi1sk: name.toLowerCase(),
  }),
  catalogEntry: (department: string, id: string) => ({ pk: 'CATALOG', sk: `${department}#${id}` }),

  order: (number: string) => ({ pk: `ORDER#${number}`, sk: 'ORDER' }),
  ordersOfRequester: (requesterId: string, createdAt: string, number: string) => ({
    gsi1pk: `REQUESTER#${requesterId}`,
    gsi1sk: `${createdAt}#${number}`,
  }),
  queueEntry: (department: string, dueAt: string | undefined, number: string) => ({
    gsi2pk: `QUEUE#${department}`,
    gsi2sk: `${dueAt ?? NO_DUE}#${number}`,
  }),
  /** Events sort by the order version that wrote them, so the timeline never depends on clocks agreeing. */
  timelineEvent: (number: string, orderVersion: number, index: number) => ({
    pk: `ORDER#${number}`,
    sk: `EVENT#${String(orderVersion).padStart(8, '0')}#${index}`,
  }),

  /** Orders with a pending SLA warning, breach or auto-close, by when it falls due (sparse). */
  slaTimer: (at: string, number: string) => ({ gsi3pk: 'SLA', gsi3sk: `${at}#${number}` }),

  /** A person's last survey invitation, for the fatigue budget. */
  surveyBudget: (userId: string) => ({ pk: `USER#${userId}`, sk: 'SURVEY_BUDGET' }),
  /** A low rating's follow-up task for the process owner. */
  followUp: (department: string, number: string) => ({ pk: `DEPT#${department}`, sk: `FOLLOWUP#${number}` }),

  /**
   * Counter rows (shared/stats.ts), three partitions per department so each view reads only its own:
   * the report's day rows (STATS#, day#S|A#key), the customers view's week rows (CUSTOMERS#,
   * week#P|G#key) and the queue gauges (LOAD#, S|A#key).
   */
  statsRow: (department: string, day: string, kind: StatsKind, key: string) => {
    switch (kind) {
      case 'service':
        return { pk: `STATS#${department}`, sk: `${day}#S#${key}` };
      case 'agent':
        return { pk: `STATS#${department}`, sk: `${day}#A#${key}` };
      case 'person':
        return { pk: `CUSTOMERS#${department}`, sk: `${day}#P#${key}` };
      case 'segment':
        return { pk: `CUSTOMERS#${department}`, sk: `${day}#G#${key}` };
      case 'serviceLoad':
        return { pk: `LOAD#${department}`, sk: `S#${key}` };
      case 'agentLoad':
        return { pk: `LOAD#${department}`, sk: `A#${key}` };
    }
  },

  /** Order creation requests by Idempotency-Key, per person (expire after a day via TTL). */
  idempotency: (userId: string, key: string) => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'REQUEST' }),

  outboxMessage: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'MESSAGE' }),
  outboxPending: (nextAttemptAt: string, id: string) => ({ gsi3pk: 'OUTBOX', gsi3sk: `${nextAttemptAt}#${id}` }),
} as const;

/** Strips storage attributes so only the domain object leaves a repository. */
export function fromItem<T>(item: Record<string, unknown>): T {
  // A plain copy loop: rest destructuring is several times slower on the SDK's item objects, and
  // this runs for every item of every page.
  const rest: Record<string, unknown> = {};
  for (const key in item) if (!STORAGE_KEYS.has(key)) rest[key] = item[key];
  return rest as T;
}

const STORAGE_KEYS = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
  'expiresAt',
]);

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: a malformed cursor is a client error, reported by the caller
  }
  return undefined;
}
