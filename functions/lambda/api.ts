/** API Gateway HTTP API (v2) → the Ordo Hono app. The link keys are read once, at cold start. */
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { loadApiConfig } from '../config.ts';
import { createDeps } from '../deps.ts';

export const handler = handle(createApp(createDeps(await loadApiConfig())));
