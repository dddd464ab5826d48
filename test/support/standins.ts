/**
 * Vitest global setup: starts DynamoDB Local (in memory) and the SES stand-in once for the whole run,
 * on free ports, and provides their endpoints to tests (`inject('dynamoEndpoint')`, `inject('sesEndpoint')`).
 *
 * To reuse already running stand-ins (faster repeated runs), set ORDO_TEST_DYNAMODB_ENDPOINT and/or
 * ORDO_TEST_SES_ENDPOINT; those are then used as they are and not stopped.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { freePorts } from '../../scripts/local/ports.ts';
import { startSesLocal } from '../../scripts/local/ses.ts';

interface Started {
  endpoint: string;
  stop(): Promise<void>;
}

const external = (endpoint: string): Started => ({ endpoint, stop: async () => {} });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamoPort, sesPort] = await freePorts(2);
  const dynamoFromEnv = process.env.ORDO_TEST_DYNAMODB_ENDPOINT;
  const sesFromEnv = process.env.ORDO_TEST_SES_ENDPOINT;

  const results = await Promise.allSettled([
    dynamoFromEnv ? external(dynamoFromEnv) : startDynamoDbLocal({ port: dynamoPort!, inMemory: true }),
    sesFromEnv ? external(sesFromEnv) : startSesLocal({ port: sesPort! }),
  ]);
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  const stopAll = async () => {
    await Promise.all(started.map((service) => service.stop()));
  };
  if (failures.length > 0) {
    await stopAll();
    throw failures[0];
  }

  const [dynamo, ses] = started as [Started, Started];
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return stopAll;
}
