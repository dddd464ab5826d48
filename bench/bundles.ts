/**
 * Lambda bundles built exactly as deployed (esbuild options and entries from infra/bundling.ts) into a
 * temporary directory, their minified size, and a cold-start proxy: a fresh Node process that imports
 * the bundle, which runs its top level (configuration, clients, the Hono app), timed from inside.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESBUILD_OPTIONS, FUNCTION_ENTRIES, type FunctionName } from '../infra/bundling.ts';
import { root } from '../scripts/stack.ts';
import type { BenchContext } from './context.ts';
import { kb, median, ms } from './env.ts';
import { type Row, type Section, table, verdict } from './results.ts';

/** Which package a bundled file belongs to (`ordo` for functions/ and shared/). */
function packageOf(path: string): string {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'ordo';
}

const isSdk = (name: string) => /^@(aws-sdk|smithy|aws-crypto|aws)\//.test(name);

/** Bytes per part: the AWS SDK (all @aws-sdk, @smithy, @aws-crypto, @aws packages) as one, the rest by package. */
function parts(byPackage: Map<string, number>): { sdk: number; named: Map<string, number> } {
  let sdk = 0;
  const named = new Map<string, number>();
  for (const [name, bytes] of byPackage) {
    if (isSdk(name)) sdk += bytes;
    else named.set(name, bytes);
  }
  return { sdk, named };
}

const SIZE_LIMIT: Record<FunctionName, number> = {
  api: 250 * 1024,
  'sla-timer': 150 * 1024,
  'mail-worker': 150 * 1024,
};
const COLD_LIMIT_MS = 100;

/** What the deployed functions find in their environment (values are placeholders; nothing is called). */
const LAMBDA_ENV: Record<string, string> = {
  STAGE: 'bench',
  LOG_LEVEL: 'info',
  AUTH_MODE: 'cognito',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEfGhI',
  COGNITO_CLIENT_ID: 'benchclientid0123456789',
  TABLE_NAME: 'ordo-bench',
  LINK_SECRET: 'bench-link-secret-bench-link-secret',
  ATTACHMENTS_BUCKET: 'ordo-bench-attachments',
  MAIL_FROM: 'ordo@example.com',
  PORTAL_URL: 'https://ordo.example.com',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

// Prints the time to import (and so initialise) the bundle, measured inside the fresh process.
const PROBE = `
const started = performance.now();
const mod = await import(process.argv[1]);
const loaded = performance.now();
if (typeof mod.handler !== 'function') throw new Error('no handler export');
console.log(JSON.stringify({ importMs: loaded - started, sinceProcessStart: loaded }));
`;

interface Cold {
  importMs: number;
  processMs: number;
  wallMs: number;
}

function coldStart(file: string, nodeOptions: string): Promise<Cold> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(file).href], {
      env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold start of ${file} exited with ${code}: ${err.slice(-800)}`));
      const line = out.trim().split('\n').at(-1) ?? '{}';
      const parsed = JSON.parse(line) as { importMs: number; sinceProcessStart: number };
      resolve({ importMs: parsed.importMs, processMs: parsed.sinceProcessStart, wallMs });
    });
  });
}

export async function runBundles(ctx: BenchContext): Promise<Section> {
  const runs = ctx.quick ? 5 : 21;
  const outRoot = mkdtempSync(join(tmpdir(), 'ordo-bench-bundles-'));
  const { banner, ...options } = ESBUILD_OPTIONS;
  const results: Array<{
    name: FunctionName;
    bytes: number;
    gzip: number;
    mapBytes: number;
    byPackage: Map<string, number>;
    withMaps: Cold;
    withoutMaps: Cold;
  }> = [];
  try {
    for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
      const outfile = join(outRoot, name, 'index.mjs');
      const built = await build({
        ...options,
        metafile: true,
        mainFields: [...options.mainFields],
        external: [...options.external],
        banner: { js: banner },
        entryPoints: [join(root, FUNCTION_ENTRIES[name])],
        outfile,
        absWorkingDir: root,
        logLevel: 'error',
      });
      const code = readFileSync(outfile);
      const output = Object.entries(built.metafile.outputs).find(([path]) => path.endsWith('index.mjs'))?.[1];
      const byPackage = new Map<string, number>();
      for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
        const key = packageOf(path);
        byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
      }
      const mapBytes = readFileSync(`${outfile}.map`).length;
      ctx.log(`  ${name}: ${kb(code.length)}; ${runs} cold starts…`);
      const samples = { with: [] as Cold[], without: [] as Cold[] };
      await coldStart(outfile, '--enable-source-maps'); // file cache warm, as on a Lambda host
      for (let i = 0; i < runs; i++) {
        samples.with.push(await coldStart(outfile, '--enable-source-maps'));
        samples.without.push(await coldStart(outfile, ''));
      }
      const summarize = (list: Cold[]): Cold => ({
        importMs: median(list.map((c) => c.importMs)),
        processMs: median(list.map((c) => c.processMs)),
        wallMs: median(list.map((c) => c.wallMs)),
      });
      results.push({
        name,
        bytes: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
        mapBytes,
        byPackage,
        withMaps: summarize(samples.with),
        withoutMaps: summarize(samples.without),
      });
    }
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }

  const rows: Row[] = [];
  for (const r of results) {
    rows.push({
      figure: `bundle size: ${r.name} (minified)`,
      target: `≤ ${SIZE_LIMIT[r.name] / 1024} KB`,
      measured: `${kb(r.bytes)} (gzip ${kb(r.gzip)})`,
      verdict: verdict(r.bytes <= SIZE_LIMIT[r.name]),
    });
  }
  for (const r of results) {
    rows.push({
      figure: `cold-start proxy: ${r.name} (import + init, deployed NODE_OPTIONS)`,
      target: `≤ ${COLD_LIMIT_MS} ms`,
      measured: `${ms(r.withMaps.importMs)} (without --enable-source-maps: ${ms(r.withoutMaps.importMs)})`,
      verdict: verdict(r.withMaps.importMs <= COLD_LIMIT_MS),
    });
  }
  const unmet: string[] = [];
  for (const r of results) {
    const { sdk, named } = parts(r.byPackage);
    const zod = named.get('zod') ?? 0;
    const luxon = named.get('luxon') ?? 0;
    if (r.bytes > SIZE_LIMIT[r.name]) {
      const withoutSdk = r.bytes - sdk;
      const slimmer = [
        zod ? 'zod with zod/mini (same schemas, tree-shakable)' : '',
        luxon ? "luxon's zone maths with Intl (shared/sla.ts)" : '',
      ]
        .filter(Boolean)
        .join(' and ');
      unmet.push(
        `${r.name} bundle is ${kb(r.bytes)}: the AWS SDK is ${kb(sdk)} of it (bundled on purpose, see infra/bundling.ts)` +
          (zod ? `, zod ${kb(zod)}` : '') +
          (luxon ? `, luxon ${kb(luxon)}` : '') +
          `, Ordo's own code ${kb(named.get('ordo') ?? 0)}. Fix: take the SDK from the Lambda runtime (nodejs24.x ships ` +
          `SDK v3: mark @aws-sdk/* and @smithy/* external in infra/bundling.ts) → about ${kb(withoutSdk)}` +
          (withoutSdk > SIZE_LIMIT[r.name] && slimmer
            ? `, still over the limit: also replace ${slimmer} → about ${kb(withoutSdk - zod - luxon)} plus what ` +
              'the replacements cost'
            : '') +
          '. Trade-off: the runtime SDK is not the version the tests run, and loading its many unminified files ' +
          'costs cold-start time; the alternative that keeps one tested bundle is thin SigV4 clients (e.g. ' +
          'aws4fetch) for SES and for presigning S3 URLs instead of the full clients.',
      );
    }
    if (r.withMaps.importMs > COLD_LIMIT_MS) {
      const mapsAlone = r.withoutMaps.importMs <= COLD_LIMIT_MS;
      unmet.push(
        `${r.name} cold start ${ms(r.withMaps.importMs)} with NODE_OPTIONS=--enable-source-maps (set by ` +
          `infra/function.ts), ${ms(r.withoutMaps.importMs)} without. ` +
          (mapsAlone
            ? `Node reads the ${kb(r.mapBytes)} source map at load; fix: drop --enable-source-maps in production ` +
              '(decode stack traces offline with the kept .map) or keep it only in non-production stages.'
            : `Across the three bundles the import time follows their size (${results
                .map((x) => `${x.name} ${kb(x.bytes)}: ${ms(x.withoutMaps.importMs, 0)}`)
                .join(', ')}, without maps), so it is mostly parsing and compiling the bundle and running its top ` +
              'level (configuration, clients, app). Fix: the smaller bundle above, and create the S3 and SES ' +
              'clients lazily on first use (most requests need neither).'),
      );
    }
  }
  return {
    id: 'bundles',
    title: 'Lambda bundles and cold-start proxy',
    rows,
    unmet,
    details: [
      'Bundled with the options of infra/bundling.ts (esbuild, ESM, minified, AWS SDK bundled) into a temporary ' +
        `directory. Cold-start proxy: a fresh \`node\` process (${process.version}; Lambda runs Node 24) imports ` +
        "the bundle and times the import from inside; the import runs the handler module's top level " +
        '(loadConfig, createDeps with the DynamoDB, SES and S3 clients and the Cognito verifier, createApp). The ' +
        'environment is what the functions get in AWS (placeholder values; no network is touched), with and ' +
        `without NODE_OPTIONS=--enable-source-maps, which infra/function.ts sets. Median of ${runs} runs each, after ` +
        'one run to warm the file cache. Not measured: the Lambda runtime bootstrap and the network of the first request.',
      table(
        [
          'function',
          'minified',
          'gzip',
          'source map',
          'import + init (maps on)',
          'import + init (maps off)',
          'process start → ready (maps on)',
        ],
        results.map((r) => [
          r.name,
          kb(r.bytes),
          kb(r.gzip),
          kb(r.mapBytes),
          ms(r.withMaps.importMs),
          ms(r.withoutMaps.importMs),
          ms(r.withMaps.processMs),
        ]),
      ),
      '**What the bundles are made of** (minified bytes in the output, largest first)',
      table(
        ['function', 'largest parts'],
        results.map((r) => {
          const { sdk } = parts(r.byPackage);
          const sdkTop = [...r.byPackage]
            .filter(([name]) => isSdk(name))
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4)
            .map(([name, bytes]) => `${name} ${kb(bytes)}`)
            .join(', ');
          const others = [...parts(r.byPackage).named]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([name, bytes]) => `${name} ${kb(bytes)}`)
            .join('; ');
          return [r.name, `AWS SDK ${kb(sdk)} (${sdkTop}, …); ${others}`];
        }),
      ),
    ],
  };
}
