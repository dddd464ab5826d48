/**
 * The single table and its indexes. Used by the local stack and tests to create the table; the CDK
 * stack in infra/ declares the same keys (asserted by the infra tests).
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const INDEX = {
  /** Listings of a collection: departments, users, services of a department, orders of a requester. */
  byCollection: { name: 'byCollection', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** A department's active orders by next due time (sparse: only active orders carry it). */
  queueByDue: { name: 'queueByDue', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** Work due at a time: SLA timer events and pending outbox messages (sparse). */
  dueWork: { name: 'dueWork', pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const gsi = (index: { name: string; pk: string; sk: string }) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.pk, KeyType: 'HASH' as const },
      { AttributeName: index.sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    GlobalSecondaryIndexes: [gsi(INDEX.byCollection), gsi(INDEX.queueByDue), gsi(INDEX.dueWork)],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
