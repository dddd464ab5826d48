/**
 * One source of truth for how the Lambda handlers are bundled. Used by the CDK functions
 * (infra/function.ts), by `npm run build:functions` (scripts/build-functions.ts) and by the benchmark
 * (bench/bundles.ts), so the size printed locally is the size that is deployed. Kept free of
 * aws-cdk-lib so the script loads fast.
 */
import path from 'node:path';

/** Node.js major version of the Lambda runtime (nodejs24.x, the newest aws-cdk-lib 2.276 offers). */
export const NODE_MAJOR = 24;

/** Handler entry points, relative to the repository root. Each exports `handler`. */
export const FUNCTION_ENTRIES = {
  api: 'functions/lambda/api.ts',
  'mail-worker': 'functions/lambda/mail-worker.ts',
  'sla-timer': 'functions/lambda/sla-timer.ts',
  retention: 'functions/lambda/retention.ts',
  'mail-in': 'functions/lambda/mail-in.ts',
} as const;

export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/**
 * ESM output still meets CommonJS dependencies that call `require` for Node built-ins; esbuild's
 * shim throws on those at run time, so give the bundle a real `require`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);";

/**
 * The AWS SDK for JavaScript v3 as the Node.js runtimes ship it (every `@aws-sdk/*` package with its
 * `@smithy/*` dependencies). The functions do NOT take it from there: it is bundled, minified, with
 * what they import of it. One minified file loads in about half the time the runtime's unminified
 * packages take (BENCHMARKS.md, both measured side by side; the SDK team recommends bundling for
 * functions sensitive to cold starts), and the SDK that runs is the version package-lock.json pins and
 * the tests run, not the runtime's. The price is size: the SDK's core and clients add about 250 KB.
 * The benchmark builds the other choice with these packages external, for comparison.
 */
export const RUNTIME_PROVIDED = ['@aws-sdk/*', '@smithy/*'];

/**
 * esbuild options shared by every consumer (names follow the esbuild API). Only what the handlers
 * import survives tree-shaking (ESM builds picked through `mainFields`), the AWS SDK's too. Code splitting: what a handler
 * loads with `import()` (the service template library, the pattern engine) becomes a chunk of its
 * own next to `index.mjs`, read from the function's directory the first time it is needed, so a cold
 * start parses only what every invocation needs.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${NODE_MAJOR}`,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  splitting: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // Nothing is left to the runtime: the AWS SDK is bundled too (see RUNTIME_PROVIDED).
  external: [] as string[],
  legalComments: 'none',
} as const;

/** The handler's file in the function's directory (Lambda's handler `index.handler`). */
export const ENTRY_FILE = 'index.mjs';

/** Where the lazily loaded chunks go inside the function's directory. */
export const CHUNK_NAMES = 'chunks/[name]-[hash]';

/**
 * The esbuild build options for one handler, written into `outdir` (`index.mjs`, its chunks and their
 * source maps): what the CDK stack (infra/function.ts), `npm run build:functions` and the benchmark build.
 */
export function buildOptions(root: string, name: FunctionName, outdir: string) {
  const { banner, ...options } = ESBUILD_OPTIONS;
  return {
    ...options,
    mainFields: [...options.mainFields],
    external: [...options.external],
    banner: { js: banner },
    entryPoints: { index: path.join(root, FUNCTION_ENTRIES[name]) },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: CHUNK_NAMES,
    absWorkingDir: root,
  };
}

/** What esbuild's metafile says of the output files (the part of esbuild's `Metafile` read here). */
interface Outputs {
  outputs: Record<string, { imports: ReadonlyArray<{ path: string; kind: string; external?: boolean }> }>;
}

/**
 * The output files of one handler's build, as a cold start meets them: `eager`, the entry and every
 * chunk it imports statically (loaded before the handler runs), and `lazy`, the chunks only `import()`
 * reaches (loaded on first use). Source maps are left out. Paths as in the metafile.
 */
export function splitOutputs(metafile: Outputs, entry: string): { eager: string[]; lazy: string[] } {
  const eager = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (!imported.external && imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entry);
  const code = Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'));
  return { eager: code.filter((file) => eager.has(file)), lazy: code.filter((file) => !eager.has(file)) };
}
