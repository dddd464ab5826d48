import { describe, expect, it } from 'vitest';
import { keys, orderItemKind, outboxIdOf, partitions } from '#functions/storage/keys.ts';

/** Each read must find exactly what the matching write stores: same partition, matching sort prefix. */
describe('key builders: reads find what writes store', () => {
  it('collections of the byCollection index', () => {
    expect(partitions.allUsers().gsi1pk).toBe(keys.usersCollection('Anna').gsi1pk);
    expect(partitions.allDepartments().gsi1pk).toBe(keys.departmentsCollection('HR').gsi1pk);
    expect(partitions.servicesOfDepartment('HR').gsi1pk).toBe(keys.servicesOfDepartment('HR', 'Laptop').gsi1pk);
    expect(partitions.servicesOfDepartment('HR').gsi1pk).not.toBe(partitions.servicesOfDepartment('IT').gsi1pk);
    expect(partitions.ordersOfRequester('u1').gsi1pk).toBe(keys.ordersOfRequester('u1', '2026-01-01', 'HR-1').gsi1pk);
  });

  it('items under a sort-key prefix', () => {
    const members = partitions.membersOfDepartment('HR');
    expect(keys.member('HR', 'u1')).toMatchObject({ pk: members.pk });
    expect(keys.member('HR', 'u1').sk.startsWith(members.skPrefix)).toBe(true);
    expect(keys.department('HR').sk.startsWith(members.skPrefix)).toBe(false);
    const followUps = partitions.followUpsOfDepartment('HR');
    expect(keys.followUp('HR', 'HR-1').pk).toBe(followUps.pk);
    expect(keys.followUp('HR', 'HR-1').sk.startsWith(followUps.skPrefix)).toBe(true);
    expect(keys.member('HR', 'u1').sk.startsWith(followUps.skPrefix)).toBe(false);
  });

  it('partitions of single tables and indexes', () => {
    expect(partitions.auditOfMonth('2026-03').pk).toBe(keys.auditEntry('2026-03-14T10:00:00Z', 'a').pk);
    expect(partitions.catalog().pk).toBe(keys.catalogEntry('HR', 's1').pk);
    expect(partitions.queueOfDepartment('HR').gsi2pk).toBe(keys.queueEntry('HR', undefined, 'HR-1').gsi2pk);
    expect(partitions.slaTimers().gsi3pk).toBe(keys.slaTimer('2026-01-01', 'HR-1').gsi3pk);
    expect(partitions.outboxDue().gsi3pk).toBe(keys.outboxPending('2026-01-01', 'm').gsi3pk);
    expect(partitions.outboxFailed().gsi3pk).toBe(keys.outboxFailed('2026-01-01', 'm').gsi3pk);
    expect(partitions.outboxFailed().gsi3pk).not.toBe(partitions.outboxDue().gsi3pk);
    expect(partitions.reportRows('HR').pk).toBe(keys.statsRow('HR', '2026-01-01', 'service', 's').pk);
    expect(partitions.reportRows('HR').pk).toBe(keys.statsRow('HR', '2026-01-01', 'agent', 'a').pk);
    expect(partitions.customerRows('HR').pk).toBe(keys.statsRow('HR', '2026-01-05', 'person', 'p').pk);
    expect(partitions.customerRows('HR').pk).toBe(keys.statsRow('HR', '2026-01-05', 'segment', 'g').pk);
    expect(partitions.loadRows('HR').pk).toBe(keys.statsRow('HR', '', 'serviceLoad', 's').pk);
    expect(partitions.loadRows('HR').pk).toBe(keys.statsRow('HR', '', 'agentLoad', 'a').pk);
  });

  it('tells the items of an order page apart', () => {
    const page = partitions.orderPage('HR-1').pk;
    expect(keys.order('HR-1').pk).toBe(page);
    expect(keys.timelineEvent('HR-1', 3, 0).pk).toBe(page);
    expect(keys.orderLink('HR-1', 'IT-7').pk).toBe(page);
    expect(orderItemKind(keys.order('HR-1').sk)).toBe('order');
    expect(orderItemKind(keys.orderLink('HR-1', 'IT-7').sk)).toBe('link');
    expect(orderItemKind(keys.timelineEvent('HR-1', 3, 0).sk)).toBe('event');
  });

  it('reads a message id back from an outbox key only', () => {
    expect(outboxIdOf(keys.outboxMessage('HR-1.assigned.3.assignee').pk)).toBe('HR-1.assigned.3.assignee');
    expect(outboxIdOf(keys.order('HR-1').pk)).toBeUndefined();
    expect(outboxIdOf(undefined)).toBeUndefined();
    expect(keys.outboxMessage('m').pk.startsWith(partitions.outboxMessages().pkPrefix)).toBe(true);
    expect(keys.order('HR-1').pk.startsWith(partitions.outboxMessages().pkPrefix)).toBe(false);
  });
});
