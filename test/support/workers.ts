/** How many integration files run at once, each against its own DynamoDB Local (test/support/standins.ts). */
import { inject } from 'vitest';

export const INTEGRATION_WORKERS = 2;

/** This worker's DynamoDB Local: Vitest numbers its workers 1…maxWorkers in VITEST_POOL_ID. */
export function workerDynamoEndpoint(): string {
  const endpoints = inject('dynamoEndpoints');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return endpoints[(worker - 1) % endpoints.length] as string;
}
