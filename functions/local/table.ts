/**
 * Creates the table on a DynamoDB Local endpoint when it is missing (local stack and tests only;
 * in AWS the CDK stack owns the table).
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateScan,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../storage/table-definition.ts';

const localClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'exists'> {
  const client = localClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    return 'created';
  } finally {
    client.destroy();
  }
}

/**
 * Creates table `to` and writes every item of table `from` into it, on one DynamoDB Local: a fresh copy
 * of seeded data in a few calls (the demo data is ~200 items), where seeding it again takes seconds.
 */
export async function copyTable(endpoint: string, from: string, to: string): Promise<number> {
  const client = localClient(endpoint);
  try {
    await client.send(new CreateTableCommand(tableDefinition(to)));
    let copied = 0;
    for await (const page of paginateScan({ client }, { TableName: from })) {
      const items = page.Items ?? [];
      for (let i = 0; i < items.length; i += 25) {
        let writes: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        while (writes.length > 0) {
          const done = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: writes } }));
          writes = done.UnprocessedItems?.[to] ?? [];
        }
      }
      copied += items.length;
    }
    return copied;
  } finally {
    client.destroy();
  }
}

export async function deleteTable(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } finally {
    client.destroy();
  }
}
