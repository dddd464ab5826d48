/**
 * Vitest global setup of the browser tests: one DynamoDB Local (in memory) for the whole run,
 * provided as `inject('dynamoEndpoint')`. Each test file's stack makes a table of its own in it,
 * so files stay independent while paying the emulator's start-up once. Everything else of a stack
 * (portal, API, workers, the SES, S3 and OpenID stand-ins) is still the file's own.
 *
 * Set ORDO_TEST_DYNAMODB_ENDPOINT to reuse an emulator that is already running.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { freePort } from '../../scripts/local/ports.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.ORDO_TEST_DYNAMODB_ENDPOINT;
  if (fromEnv) {
    project.provide('dynamoEndpoint', fromEnv);
    return async () => {};
  }
  const dynamo = await startDynamoDbLocal({ port: await freePort(), inMemory: true });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
