/**
 * One source of truth for how the Lambda handlers are bundled. Used by the CDK functions
 * (infra/function.ts), by `npm run build:functions` (scripts/build-functions.ts) and by the benchmark
 * (bench/bundles.ts), so the size printed locally is the size that is deployed: build with
 * `buildOptions`, then `trimSourceMaps`. Kept free of aws-cdk-lib so the script loads fast.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';

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

/** A file of the AWS SDK (@aws-sdk/*, @smithy/*, @aws/*) as esbuild names its inputs and map sources. */
export const AWS_SDK_FILE = /node_modules\/@(aws-sdk|smithy|aws)\//;

/**
 * Drops the AWS SDK's lines from the source maps esbuild wrote into `outdir` (every `.map` beneath it).
 * Node reads a bundle's whole map at load with --enable-source-maps (infra/function.ts), and the SDK is
 * most of it: without its lines a cold start reads about half as much (sla-timer ~9 ms less of a
 * ~19 ms cost). Ordo's own frames in a stack trace still point into its TypeScript; frames inside the
 * SDK show the bundle's line and column instead.
 */
export function trimSourceMaps(outdir: string): void {
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.map')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; mappings: string };
    const sdk = new Set(map.sources.flatMap((source, index) => (AWS_SDK_FILE.test(source) ? [index] : [])));
    if (sdk.size === 0) continue;
    const lines = decode(map.mappings).map((segments) =>
      segments.filter((segment) => segment.length === 1 || !sdk.has(segment[1])),
    );
    writeFileSync(file, JSON.stringify({ ...map, mappings: encode(lines) }));
  }
}
