import { describe, expect, it } from 'vitest';
import { partitions } from '#functions/storage/keys.ts';
import { cursorIn, inPartition } from '#functions/storage/query-all.ts';
import { ValidationError } from '#shared/errors.ts';

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

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A page cursor continues only the list it came from; anything else is a field error, never a read. */
describe('cursorIn', () => {
  const inbound = partitions.inboundOfDepartment('IT');
  const own = { gsi1pk: inbound.gsi1pk, gsi1sk: '2026-12-01T10:00:00.000Z#m1', pk: 'INBOUND#m1', sk: 'INBOUND' };

  it('takes no cursor as the first page and a key of this list as where it left off', () => {
    expect(cursorIn(inbound, undefined)).toBeUndefined();
    expect(cursorIn(inbound, cursorOf(own))).toEqual(own);
  });

  it.each([
    ['another list of the same index', { ...own, gsi1pk: 'REQUESTER#iris' }],
    ['another index', { gsi2pk: 'QUEUE#IT', gsi2sk: 'x', pk: 'ORDER#x', sk: 'ORDER' }],
    ['a key part missing', { gsi1pk: inbound.gsi1pk, pk: 'INBOUND#m1', sk: 'INBOUND' }],
    ['an extra attribute', { ...own, extra: 'y' }],
    ['a number where a string belongs', { ...own, gsi1sk: 5 }],
    ['an empty key part', { ...own, sk: '' }],
    ['a key part too long', { ...own, gsi1sk: 'x'.repeat(1_025) }],
    ['not an object', ['INBOUND#m1']],
  ])('refuses %s as invalid_cursor', (_, value) => {
    expect(() => cursorIn(inbound, cursorOf(value))).toThrow(ValidationError);
    expect(() => cursorIn(inbound, 'not base64 json')).toThrow(ValidationError);
  });

  it('holds a table list to its sort-key prefix', () => {
    const notes = partitions.notesOfPerson('anna');
    const start = { pk: notes.pk, sk: `${notes.skPrefix}2026-12-01` };
    expect(cursorIn(notes, cursorOf(start))).toEqual(start);
    expect(() => cursorIn(notes, cursorOf({ pk: notes.pk, sk: 'PROFILE' }))).toThrow(ValidationError);
  });
});
