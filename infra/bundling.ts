/**
 * One source of truth for how the Lambda handlers are bundled. Used by the CDK functions
 * (infra/function.ts) and by `npm run build:functions` (scripts/build-functions.ts), so the size
 * printed locally is the size that is deployed. Kept free of aws-cdk-lib so the script loads fast.
 */

/** Node.js major version of the Lambda runtime (nodejs24.x, the newest aws-cdk-lib 2.276 offers). */
export const NODE_MAJOR = 24;

/** Handler entry points, relative to the repository root. Each exports `handler`. */
export const FUNCTION_ENTRIES = {
  api: 'functions/lambda/api.ts',
  'mail-worker': 'functions/lambda/mail-worker.ts',
  'sla-timer': 'functions/lambda/sla-timer.ts',
} as const;

export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/**
 * ESM output still meets CommonJS dependencies that call `require` for Node built-ins; esbuild's
 * shim throws on those at run time, so give the bundle a real `require`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);";

/**
 * esbuild options shared by both consumers (names follow the esbuild API).
 * The AWS SDK v3 clients are bundled, not taken from the runtime: only the commands the code
 * imports survive tree-shaking (ESM builds picked through `mainFields`), one minified file loads
 * faster at cold start than the runtime's many unminified SDK files, and the deployed SDK is the
 * version pinned in package-lock.json and exercised by the tests.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${NODE_MAJOR}`,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  external: [] as string[],
  legalComments: 'none',
} as const;
