/**
 * Vitest global setup: starts DynamoDB Local (in memory), the SES stand-in and the local OpenID
 * provider once for the whole run, on free ports, and provides their endpoints to tests
 * (`inject('dynamoEndpoint')`, `inject('sesEndpoint')`, `inject('oidc')`).
 *
 * To reuse already running stand-ins (faster repeated runs), set ORDO_TEST_DYNAMODB_ENDPOINT and/or
 * ORDO_TEST_SES_ENDPOINT; those are then used as they are and not stopped.
 */
import type { TestProject } from 'vitest/node';
import { demoEmployees, demoUsers } from '../../functions/local/demo-data.ts';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { accountOf, newSigningKey, startOidcProvider } from '../../scripts/local/oidc.ts';
import { freePorts } from '../../scripts/local/ports.ts';
import { startSesLocal } from '../../scripts/local/ses.ts';

interface Started {
  endpoint: string;
  stop(): Promise<void>;
}

const external = (endpoint: string): Started => ({ endpoint, stop: async () => {} });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamoPort, sesPort, oidcPort] = await freePorts(3);
  const signingKey = await newSigningKey();
  const accounts = [...demoUsers, ...demoEmployees].map(accountOf);
  const dynamoFromEnv = process.env.ORDO_TEST_DYNAMODB_ENDPOINT;
  const sesFromEnv = process.env.ORDO_TEST_SES_ENDPOINT;

  const results = await Promise.allSettled([
    dynamoFromEnv ? external(dynamoFromEnv) : startDynamoDbLocal({ port: dynamoPort!, inMemory: true }),
    sesFromEnv ? external(sesFromEnv) : startSesLocal({ port: sesPort! }),
    startOidcProvider({
      port: oidcPort!,
      accounts: () => accounts,
      // Every harness has its own portal URL; the callback is never followed, only its code read.
      portalUrls: ['http://ordo.test'],
      acceptUnknownAccounts: true,
      signingKey,
    }).then((p) => ({ endpoint: p.issuer, stop: p.stop, provider: p })),
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

  const [dynamo, ses, oidc] = started as [
    Started,
    Started,
    Started & { provider: Awaited<ReturnType<typeof startOidcProvider>> },
  ];
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  const { issuer, clientId, redirectUri } = oidc.provider;
  project.provide('oidc', { issuer, clientId, redirectUri });
  project.provide('oidcSigningKey', signingKey);
  return stopAll;
}
