/**
 * API Gateway HTTP API (v2) → the Ordo Hono app. The link keys are read once, at cold start. Logs and
 * metrics go through Powertools, the SDK clients' traces to X-Ray (observability/lambda.ts); metrics are
 * written as each invocation ends.
 */
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { loadApiConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { lambdaObservability } from '../observability/lambda.ts';

const config = await loadApiConfig();
const observed = lambdaObservability(config);
const api = handle(createApp(createDeps(config, observed)));

export const handler = observed.handler((event: LambdaEvent, context?: LambdaContext) => api(event, context));
