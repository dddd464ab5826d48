import { describe, expect, it } from 'vitest';
import { partitions } from '#functions/storage/keys.ts';
import { inPartition } from '#functions/storage/query-all.ts';

/** A partition of keys.ts becomes the key condition on the index that holds it. */
describe('inPartition', () => {
  it('reads a table partition, with its sort-key prefix where it has one', () => {
    expect(inPartition(partitions.orderPage('HR-1'))).toEqual({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'ORDER#HR-1' },
    });
    expect(inPartition(partitions.membersOfDepartment('HR'))).toEqual({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'DEPT#HR', ':prefix': 'MEMBER#' },
    });
  });

  it('reads an index partition on its own index and sort key', () => {
    expect(inPartition(partitions.allDepartments())).toEqual({
      IndexName: 'byCollection',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'DEPARTMENTS' },
    });
    expect(inPartition(partitions.queueOfDepartment('HR')).IndexName).toBe('queueByDue');
    expect(inPartition(partitions.slaTimers(), { upTo: '2026-01-01T00:00:00.000Z#~' })).toEqual({
      IndexName: 'dueWork',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :upTo',
      ExpressionAttributeValues: { ':pk': 'SLA', ':upTo': '2026-01-01T00:00:00.000Z#~' },
    });
    expect(inPartition(partitions.searchOfRequester('u1', 'lap')).KeyConditionExpression).toBe(
      'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    );
  });
});
