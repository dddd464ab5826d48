/**
 * API Gateway HTTP API (v2) → the Ordo Hono app. The link keys are read once, at cold start. Logs,
 * metrics and traces go through Powertools (observability/lambda.ts); metrics are written as each
 * invocation ends.
 */
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { loadApiConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { lambdaObservability } from '../observability/lambda.ts';
import { createTracer } from '../observability/tracer.ts';

const config = await loadApiConfig();
const observed = lambdaObservability(config);
const { log, metrics } = observed;
const { instrument } = createTracer();
const api = handle(createApp(createDeps(config, { log, metrics, instrument })));

export const handler = observed.handler((event: LambdaEvent, context?: LambdaContext) => api(event, context));
