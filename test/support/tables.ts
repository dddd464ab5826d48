/**
 * Tables of a test's own in a shared DynamoDB Local: a fresh copy of seeded data in a few calls (the
 * demo data is ~200 items), where seeding it again through the workflows takes seconds.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  paginateScan,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../functions/storage/table-definition.ts';
import { LOCAL_AWS } from '../../scripts/local/dynamodb.ts';

async function withClient<T>(endpoint: string, use: (client: DynamoDBClient) => Promise<T>): Promise<T> {
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

/** Creates table `to` and writes every item of table `from` into it. */
export function copyTable(endpoint: string, from: string, to: string): Promise<void> {
  return withClient(endpoint, async (client) => {
    await client.send(new CreateTableCommand(tableDefinition(to)));
    for await (const page of paginateScan({ client }, { TableName: from })) {
      const items = page.Items ?? [];
      for (let i = 0; i < items.length; i += 25) {
        let writes: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        while (writes.length > 0) {
          const done = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: writes } }));
          writes = done.UnprocessedItems?.[to] ?? [];
        }
      }
    }
  });
}

export function deleteTable(endpoint: string, tableName: string): Promise<void> {
  return withClient(endpoint, async (client) => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  });
}
