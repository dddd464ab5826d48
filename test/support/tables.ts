/**
 * Tables of a test's own in a shared DynamoDB Local: a fresh copy of seeded data in a few calls (the
 * demo data is ~200 items), where seeding it again through the workflows takes seconds.
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { writeInBatches } from '../../functions/storage/batch-write.ts';
import { tableDefinition } from '../../functions/storage/table-definition.ts';
import { LOCAL_AWS } from '../../scripts/local/dynamodb.ts';

async function withClient<T>(endpoint: string, use: (client: DynamoDBDocumentClient) => Promise<T>): Promise<T> {
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
  try {
    return await use(DynamoDBDocumentClient.from(client));
  } finally {
    client.destroy();
  }
}

/** Creates table `to` and writes every item of table `from` into it. */
export function copyTable(endpoint: string, from: string, to: string): Promise<void> {
  return withClient(endpoint, async (doc) => {
    await doc.send(new CreateTableCommand(tableDefinition(to)));
    for await (const page of paginateScan({ client: doc }, { TableName: from })) {
      await writeInBatches(
        doc,
        to,
        (page.Items ?? []).map((Item) => ({ PutRequest: { Item } })),
      );
    }
  });
}

export function deleteTable(endpoint: string, tableName: string): Promise<void> {
  return withClient(endpoint, async (doc) => {
    await doc.send(new DeleteTableCommand({ TableName: tableName }));
  });
}
