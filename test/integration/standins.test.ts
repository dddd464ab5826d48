/**
 * Proves the local stand-ins behave like the AWS services the product relies on:
 * DynamoDB Local (transactions with conditions, GSI queries, streams enabled) and the SES v2 stand-in.
 */

import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readMailbox } from '../../scripts/local/ses.ts';
import { createTestTable, type TestTable } from '../support/table.ts';
import { workerDynamoEndpoint } from '../support/workers.ts';

describe('DynamoDB Local', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createTestTable(workerDynamoEndpoint());
  });
  afterAll(async () => {
    await table?.drop();
  });

  it('creates the table with the product key design, indexes and stream', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'byCollection',
      'dueWork',
      'queueByDue',
    ]);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('cancels a whole transaction when one condition fails, with per-item reasons', async () => {
    const { doc, tableName } = table;
    await doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'ORDER#1', sk: 'META', status: 'open' } }));

    const attempt = doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { pk: 'ORDER#1', sk: 'EVENT#1', kind: 'assigned' } } },
          {
            Update: {
              TableName: tableName,
              Key: { pk: 'ORDER#1', sk: 'META' },
              UpdateExpression: 'SET #s = :next',
              ConditionExpression: '#s = :expected',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':next': 'assigned', ':expected': 'submitted' },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
      }),
    );
    const error = await attempt.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
    expect(reasons.map((reason) => reason.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(reasons[1]?.Item?.status).toEqual({ S: 'open' });

    // Nothing of the cancelled transaction was written.
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ORDER#1' },
      }),
    );
    expect(Items?.map((item) => item.sk)).toEqual(['META']);
  });

  it('queries a global secondary index in sort-key order', async () => {
    const { doc, tableName } = table;
    const queue = `DEPT#${randomUUID()}`;
    const due = ['2030-01-03T09:00:00Z', '2030-01-01T09:00:00Z', '2030-01-02T09:00:00Z'];
    await Promise.all(
      due.map((at, n) =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk: `ORDER#q${n}`, sk: 'META', gsi2pk: queue, gsi2sk: `${at}#q${n}` },
          }),
        ),
      ),
    );

    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'queueByDue',
        KeyConditionExpression: 'gsi2pk = :queue AND gsi2sk < :before',
        ExpressionAttributeValues: { ':queue': queue, ':before': '2030-01-03' },
      }),
    );
    expect(Items?.map((item) => item.pk)).toEqual(['ORDER#q1', 'ORDER#q2']);
  });
});

describe('SES v2 stand-in', () => {
  it('captures a sent email that readMailbox finds by subject', async () => {
    const endpoint = inject('sesEndpoint');
    const ses = new SESv2Client({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const since = Math.floor(Date.now() / 1000);
    const subject = `Order ORD-${randomUUID().slice(0, 8)} was approved`;
    try {
      const { MessageId } = await ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'ordo@example.com',
          Destination: { ToAddresses: ['requester@example.com'], CcAddresses: ['manager@example.com'] },
          Content: {
            Simple: {
              Subject: { Data: subject },
              Body: { Text: { Data: 'Your order was approved.' }, Html: { Data: '<p>Your order was approved.</p>' } },
            },
          },
        }),
      );
      expect(MessageId).toBeTruthy();
    } finally {
      ses.destroy();
    }

    const mail = (await readMailbox(endpoint, since)).find((email) => email.subject === subject);
    expect(mail).toMatchObject({
      from: 'ordo@example.com',
      destination: { to: ['requester@example.com'], cc: ['manager@example.com'] },
      body: { text: 'Your order was approved.', html: '<p>Your order was approved.</p>' },
    });
  });
});
