/** API Gateway HTTP API (v2) → the Ordo Hono app. */
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';

export const handler = handle(createApp(createDeps(loadConfig())));
