/**
 * The audit record of a change, as an item that rides along in the change's own transaction, so no
 * change is written without its trace. Read back by month (UserRepository.audit, Query AUDIT#yyyy-mm).
 */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '#shared/audit.ts';
import { keys } from '../storage/keys.ts';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export function auditPut(tableName: string, record: AuditRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.auditEntry(record.at, crypto.randomUUID()), type: 'audit', ...record },
    },
  };
}
