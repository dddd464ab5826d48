/**
 * Vitest global setup: starts the SES stand-in and the local OpenID provider once for the whole run,
 * and one DynamoDB Local (in memory) per integration worker, on free ports, and provides their
 * endpoints to tests (`workerDynamoEndpoint()`, `inject('sesEndpoint')`, `inject('oidc')`). Each
 * worker has its own DynamoDB Local so that one file's writes never delay another's timing tests.
 *
 * To reuse already running stand-ins (faster repeated runs), set ORDO_TEST_DYNAMODB_ENDPOINT and/or
 * ORDO_TEST_SES_ENDPOINT; those are then used as they are and not stopped.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { demoEmployees, demoUsers } from '../../functions/local/demo-data.ts';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { accountOf, newSigningKey, startOidcProvider } from '../../scripts/local/oidc.ts';
import { freePorts } from '../../scripts/local/ports.ts';
import { startSesLocal } from '../../scripts/local/ses.ts';
import { dynamoLock, INTEGRATION_WORKERS } from './workers.ts';

interface Started {
  endpoint: string;
  stop(): Promise<void>;
}

const external = (endpoint: string): Started => ({ endpoint, stop: async () => {} });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [sesPort, oidcPort, ...dynamoPorts] = await freePorts(2 + INTEGRATION_WORKERS);
  const signingKey = await newSigningKey();
  const accounts = [...demoUsers, ...demoEmployees].map(accountOf);
  const dynamoFromEnv = process.env.ORDO_TEST_DYNAMODB_ENDPOINT;
  const sesFromEnv = process.env.ORDO_TEST_SES_ENDPOINT;

  const results = await Promise.allSettled([
    sesFromEnv ? external(sesFromEnv) : startSesLocal({ port: sesPort! }),
    startOidcProvider({
      port: oidcPort!,
      accounts: () => accounts,
      // Every harness has its own portal URL; the callback is never followed, only its code read.
      portalUrls: ['http://ordo.test'],
      acceptUnknownAccounts: true,
      signingKey,
    }).then((p) => ({ endpoint: p.issuer, stop: p.stop, provider: p })),
    ...(dynamoFromEnv
      ? [external(dynamoFromEnv)]
      : dynamoPorts.map((port) => startDynamoDbLocal({ port, inMemory: true }))),
  ]);
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  const stopAll = async () => {
    await Promise.all(started.map((service) => service.stop()));
    // The workers' claims on the emulators (workerDynamoEndpoint), left by any that was killed.
    for (const port of dynamoPorts) rmSync(dynamoLock(`http://127.0.0.1:${port}`), { force: true });
  };
  if (failures.length > 0) {
    await stopAll();
    throw failures[0];
  }

  const [ses, oidc, ...dynamos] = started as [
    Started,
    Started & { provider: Awaited<ReturnType<typeof startOidcProvider>> },
    ...Started[],
  ];
  project.provide(
    'dynamoEndpoints',
    dynamos.map((d) => d.endpoint),
  );
  project.provide('sesEndpoint', ses.endpoint);
  const { issuer, clientId, redirectUri } = oidc.provider;
  project.provide('oidc', { issuer, clientId, redirectUri });
  project.provide('oidcSigningKey', signingKey);
  return stopAll;
}
