/**
 * Creates a fresh, uniquely named table on DynamoDB Local with the product's key design
 * (functions/storage/table-definition.ts), so test files never share data.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../../functions/storage/table-definition.ts';

export interface TestTable {
  tableName: string;
  /** Document client (plain JS values) bound to the endpoint. */
  doc: DynamoDBDocumentClient;
  /** Low-level client for the same endpoint (streams, DescribeTable, …). */
  client: DynamoDBClient;
  /** Deletes the table and closes the clients. */
  drop(): Promise<void>;
}

export async function createTestTable(endpoint: string, prefix = 'ordo-test'): Promise<TestTable> {
  const tableName = `${prefix}-${randomUUID()}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  return {
    tableName,
    doc,
    client,
    async drop() {
      try {
        await client.send(new DeleteTableCommand({ TableName: tableName }));
      } finally {
        client.destroy();
      }
    },
  };
}
