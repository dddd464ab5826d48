/**
 * Lambda bundles built exactly as deployed (esbuild options and entries from infra/bundling.ts) into a
 * temporary directory, their minified size, and a cold-start proxy: a fresh Node process that imports
 * the bundle, which runs its top level (configuration, clients, the Hono app), timed from inside.
 * The AWS SDK is in the bundles (infra/bundling.ts says why); for comparison each handler is also built
 * with the SDK left to the Lambda runtime, whose packages the probe then loads from node_modules, timed
 * on their own and as part of the whole import.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  buildOptions,
  ENTRY_FILE,
  FUNCTION_ENTRIES,
  type FunctionName,
  RUNTIME_PROVIDED,
  splitOutputs,
  trimSourceMaps,
} from '../infra/bundling.ts';
import { root } from '../scripts/stack.ts';
import type { BenchContext } from './context.ts';
import { kb, median, ms } from './env.ts';
import { lambdaNode } from './lambda-node.ts';
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
  // Set when mailparser brought its character sets (iconv-lite, encoding-japanese) and HTML-to-text (1,542 KB);
  // with postal-mime it is ~400 KB.
  'mail-in': 1_700 * 1024,
  // The core dependencies and the privacy rules; S3 loads on the first file to remove.
  retention: 250 * 1024,
};
const COLD_LIMIT_MS = 100;

/**
 * What the deployed functions find in their environment (values are placeholders; nothing is called).
 * The stage is `test` so that the link key comes from LINK_SECRET: a deployed api reads it from Secrets
 * Manager at cold start (LINK_SECRET_ARN, a network call), which a proxy that calls nothing leaves out.
 */
const LAMBDA_ENV: Record<string, string> = {
  STAGE: 'test',
  LOG_LEVEL: 'info',
  OIDC_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
  OIDC_CLIENT_ID: 'benchclientid0123456789',
  ADMIN_GROUP: 'admin',
  TABLE_NAME: 'ordo-bench',
  LINK_SECRET: 'bench-link-secret-bench-link-secret',
  ATTACHMENTS_BUCKET: 'ordo-bench-attachments',
  // Mail in, as a stack deployed with -c inboundDomain gives it (the reply key from its text, as the link key).
  INBOUND_DOMAIN: 'in.example.com',
  INBOUND_BUCKET: 'ordo-bench-inbound',
  REPLY_SECRET: 'bench-reply-secret-bench-reply-secret',
  MAIL_FROM: 'ordo@example.com',
  PORTAL_URL: 'https://ordo.example.com',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * The Node.js built-ins Lambda's own runtime has loaded when it imports a handler. The managed Node.js
 * runtimes run the runtime interface client (github.com/aws/aws-lambda-nodejs-runtime-interface-client,
 * 3.3.0): its bootstrap (src/index.mjs) requires RAPIDClient.js, which requires `http` in its
 * constructor, ResponseStream.js (`net`), InvokeContext.js (`assert`), LogPatch.js and Errors.js
 * (`util`, `fs`) and UserFunction.js (`path`, `fs`, `module`), and builds the client before it loads the
 * handler. A handler's init finds these loaded, so the proxy loads them first and does not count them
 * (they are timed apart, and the bare figure is kept for comparison).
 */
export const RUNTIME_CLIENT_BUILTINS = ['util', 'assert', 'fs', 'path', 'module', 'net', 'http'];

// Prints the time to import (and so initialise) the bundle, measured inside the fresh process. The
// built-ins of the runtime's own client are required first (argv[3]; their time apart), as Lambda's
// runtime has them. With packages to preload (the AWS SDK the bundle imports), those are imported next,
// each timed, so the bundle's own time is left.
const PROBE = `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const builtinsStarted = performance.now();
for (const name of JSON.parse(process.argv[3] ?? '[]')) require(name);
const runtimeMs = performance.now() - builtinsStarted;
const preload = JSON.parse(process.argv[2] ?? '[]');
const sdk = {};
const started = performance.now();
for (const name of preload) {
  const t = performance.now();
  await import(name);
  sdk[name] = performance.now() - t;
}
const bundleStarted = performance.now();
const cpuBundle = process.cpuUsage();
const mod = await import(process.argv[1]);
const loaded = performance.now();
const cpu = process.cpuUsage(cpuBundle);
if (typeof mod.handler !== 'function') throw new Error('no handler export');
const cpuMs = (cpu.user + cpu.system) / 1000;
let firstMs;
if (process.argv[4]) {
  const context = { awsRequestId: 'bench-1', functionName: 'bench', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench', memoryLimitInMB: '256', getRemainingTimeInMillis: () => 10000 };
  const answered = await mod.handler(JSON.parse(process.argv[4]), context);
  firstMs = performance.now() - loaded;
  if (answered?.statusCode !== 200) throw new Error('the first request answered ' + JSON.stringify(answered).slice(0, 300));
}
console.log(JSON.stringify({ runtimeMs, preloadMs: bundleStarted - started, sdk, importMs: loaded - bundleStarted, cpuMs, firstMs, sinceProcessStart: loaded }));
`;

interface Cold {
  /** Importing the bundle (with whatever it loads that was not preloaded). */
  importMs: number;
  /** CPU time of the import (user + system, every thread of the process): what a busy machine inflates least. */
  cpuMs: number;
  /** The first request after the import (an HTTP API event that touches no network), when one was given. */
  firstMs?: number;
  /** Requiring the built-ins of Lambda's runtime client first (RUNTIME_CLIENT_BUILTINS), when asked to. */
  runtimeMs: number;
  /** Importing the preloaded packages, in all and each. */
  preloadMs: number;
  sdk: Record<string, number>;
  processMs: number;
  wallMs: number;
}

/**
 * The api's first request in the cold-start probe: the health check as API Gateway's HTTP API (payload
 * 2.0) delivers it, which reads nothing, so no network is touched.
 */
const HEALTH_EVENT = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/api/v1/health',
  rawQueryString: '',
  headers: { host: 'api.example.com', accept: 'application/json' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'bench',
    domainName: 'api.example.com',
    domainPrefix: 'api',
    http: { method: 'GET', path: '/api/v1/health', protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'bench' },
    requestId: 'bench-1',
    routeKey: '$default',
    stage: '$default',
    time: '05/Dec/2026:13:00:00 +0000',
    timeEpoch: 1796475600000,
  },
  isBase64Encoded: false,
};

/** Where the bundle is imported: after the built-ins Lambda's runtime has loaded, or in a bare process. */
type Host = 'runtime' | 'bare';

function coldStart(
  node: string,
  file: string,
  nodeOptions: string,
  host: Host,
  preload: string[] = [],
  firstRequest?: object,
): Promise<Cold> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      node,
      [
        '--input-type=module',
        '-e',
        PROBE,
        pathToFileURL(file).href,
        JSON.stringify(preload),
        JSON.stringify(host === 'runtime' ? RUNTIME_CLIENT_BUILTINS : []),
        firstRequest ? JSON.stringify(firstRequest) : '',
      ],
      {
        // Bare imports in the probe resolve from the repository, as the bundle's own do.
        cwd: root,
        env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
      const parsed = JSON.parse(line) as {
        firstMs?: number;
        runtimeMs: number;
        importMs: number;
        cpuMs: number;
        preloadMs: number;
        sdk: Record<string, number>;
        sinceProcessStart: number;
      };
      resolve({
        ...(parsed.firstMs === undefined ? {} : { firstMs: parsed.firstMs }),
        runtimeMs: parsed.runtimeMs,
        importMs: parsed.importMs,
        cpuMs: parsed.cpuMs,
        preloadMs: parsed.preloadMs,
        sdk: parsed.sdk,
        processMs: parsed.sinceProcessStart,
        wallMs,
      });
    });
  });
}

function summarize(list: Cold[]): Cold {
  const names = Object.keys(list[0]?.sdk ?? {});
  return {
    importMs: median(list.map((c) => c.importMs)),
    runtimeMs: median(list.map((c) => c.runtimeMs)),
    ...(list.every((c) => c.firstMs !== undefined) ? { firstMs: median(list.map((c) => c.firstMs ?? 0)) } : {}),
    cpuMs: median(list.map((c) => c.cpuMs)),
    preloadMs: median(list.map((c) => c.preloadMs)),
    sdk: Object.fromEntries(names.map((name) => [name, median(list.map((c) => c.sdk[name] ?? 0))])),
    processMs: median(list.map((c) => c.processMs)),
    wallMs: median(list.map((c) => c.wallMs)),
  };
}

export async function runBundles(ctx: BenchContext): Promise<Section> {
  const runs = ctx.quick ? 5 : 21;
  const node = lambdaNode(ctx.log);
  // Inside the repository (dist/ is ignored by git), so the bundles' bare imports of the AWS SDK resolve
  // from its node_modules, as they resolve from the runtime's in Lambda.
  mkdirSync(join(root, 'dist'), { recursive: true });
  const outRoot = mkdtempSync(join(root, 'dist', 'bench-bundles-'));
  const results: Array<{
    name: FunctionName;
    bytes: number;
    gzip: number;
    mapBytes: number;
    byPackage: Map<string, number>;
    /** The chunks loaded on first use (`import()`), not at cold start: their bytes and parts. */
    lazyBytes: number;
    lazyByPackage: Map<string, number>;
    /** As deployed (source maps on), after the built-ins Lambda's runtime has loaded: the proxy. */
    withMaps: Cold;
    /** The same in a bare Node process, which loads those built-ins too (the proxy until 2026-12). */
    bare: Cold;
    withoutMaps: Cold;
    /**
     * The other choice, for comparison: the same handler with the AWS SDK left to the runtime. Its size,
     * the SDK packages it imports, its cold start, and the same with those packages imported first (each
     * timed) and then the bundle alone.
     */
    fromRuntime: { bytes: number; externals: string[]; withMaps: Cold; preloaded: Cold };
  }> = [];
  // The least an api function can be (bench/lambda-floor.ts), built as the api is; measured beside it.
  const floorDir = join(outRoot, 'api-floor');
  const floorFile = join(floorDir, ENTRY_FILE);
  const floorSamples: Cold[] = [];
  let floorBytes = 0;
  try {
    const floorBuilt = await build({
      ...buildOptions(root, 'api', floorDir),
      entryPoints: { index: join(root, 'bench', 'lambda-floor.ts') },
      metafile: true,
      logLevel: 'error',
    });
    trimSourceMaps(floorDir);
    floorBytes = bytesOf(splitOutputs(floorBuilt.metafile, relative(root, floorFile)).eager);
    for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
      const outdir = join(outRoot, name);
      const outfile = join(outdir, ENTRY_FILE);
      const built = await build({ ...buildOptions(root, name, outdir), metafile: true, logLevel: 'error' });
      trimSourceMaps(outdir);
      // What a cold start loads (the entry and the chunks it imports statically) and what loads on first use.
      const { eager, lazy } = splitOutputs(built.metafile, relative(root, outfile));
      const code = Buffer.concat(eager.map((file) => readFileSync(join(root, file))));
      const lazyBytes = bytesOf(lazy);
      const byPackage = new Map<string, number>();
      const lazyByPackage = new Map<string, number>();
      for (const file of [...eager, ...lazy]) {
        const into = eager.includes(file) ? byPackage : lazyByPackage;
        for (const [path, { bytesInOutput }] of Object.entries(built.metafile.outputs[file]?.inputs ?? {})) {
          const key = packageOf(path);
          into.set(key, (into.get(key) ?? 0) + bytesInOutput);
        }
      }
      const mapBytes = bytesOf(eager.map((file) => `${file}.map`));
      ctx.log(`  ${name}: ${kb(code.length)}; ${runs} cold starts…`);
      // For comparison, the same handler with the SDK left to the Lambda runtime.
      const runtimeDir = join(outRoot, `${name}-sdk-from-runtime`);
      const runtimeFile = join(runtimeDir, ENTRY_FILE);
      const runtimeBuilt = await build({
        ...buildOptions(root, name, runtimeDir),
        external: [...RUNTIME_PROVIDED],
        metafile: true,
        logLevel: 'error',
      });
      const runtimeEager = splitOutputs(runtimeBuilt.metafile, relative(root, runtimeFile)).eager;
      const runtimeBytes = bytesOf(runtimeEager);
      const externals = [
        ...new Set(
          runtimeEager.flatMap((file) =>
            (runtimeBuilt.metafile.outputs[file]?.imports ?? [])
              .filter((i) => i.external && !isBuiltin(i.path))
              .map((i) => i.path),
          ),
        ),
      ].sort(byLoadOrder);
      const samples = {
        with: [] as Cold[],
        bare: [] as Cold[],
        without: [] as Cold[],
        runtime: [] as Cold[],
        preloaded: [] as Cold[],
      };
      // File caches warm, as on a Lambda host.
      const first = name === 'api' ? HEALTH_EVENT : undefined;
      await coldStart(node.path, outfile, '--enable-source-maps', 'runtime');
      await coldStart(node.path, runtimeFile, '--enable-source-maps', 'runtime');
      if (first) await coldStart(node.path, floorFile, '--enable-source-maps', 'runtime', [], first);
      for (let i = 0; i < runs; i++) {
        samples.with.push(await coldStart(node.path, outfile, '--enable-source-maps', 'runtime', [], first));
        if (first)
          floorSamples.push(await coldStart(node.path, floorFile, '--enable-source-maps', 'runtime', [], first));
        samples.bare.push(await coldStart(node.path, outfile, '--enable-source-maps', 'bare'));
        samples.without.push(await coldStart(node.path, outfile, '', 'runtime'));
        samples.runtime.push(await coldStart(node.path, runtimeFile, '--enable-source-maps', 'runtime'));
        samples.preloaded.push(await coldStart(node.path, runtimeFile, '--enable-source-maps', 'runtime', externals));
      }
      results.push({
        name,
        bytes: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
        mapBytes,
        byPackage,
        withMaps: summarize(samples.with),
        bare: summarize(samples.bare),
        withoutMaps: summarize(samples.without),
        fromRuntime: {
          bytes: runtimeBytes,
          externals,
          withMaps: summarize(samples.runtime),
          preloaded: summarize(samples.preloaded),
        },
        lazyBytes,
        lazyByPackage,
      });
    }
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }

  const rows: Row[] = [];
  for (const r of results) {
    const { sdk } = parts(r.byPackage);
    rows.push({
      figure: `bundle size: ${r.name} (minified, loaded at cold start, AWS SDK inside)`,
      target: `≤ ${SIZE_LIMIT[r.name] / 1024} KB`,
      measured:
        `${kb(r.bytes)} (gzip ${kb(r.gzip)}), the AWS SDK ${kb(sdk)} of it; with the SDK from the runtime instead ` +
        `${kb(r.fromRuntime.bytes)}` +
        (r.lazyBytes > 0
          ? `; ${kb(r.lazyBytes)} more in chunks loaded on first use (${lazyParts(r.lazyByPackage)})`
          : ''),
      verdict: verdict(r.bytes <= SIZE_LIMIT[r.name]),
    });
  }
  for (const r of results) {
    const other = r.fromRuntime;
    rows.push({
      figure: `cold-start proxy: ${r.name} (import + init of the deployed bundle, deployed NODE_OPTIONS, Node ${node.version.split('.')[0]})`,
      target: `≤ ${COLD_LIMIT_MS} ms`,
      measured:
        `${ms(r.withMaps.importMs)} (CPU ${ms(r.withMaps.cpuMs)}); in a bare process, which loads the ` +
        `runtime's built-ins too: ${ms(r.bare.importMs)}; without --enable-source-maps: ` +
        `${ms(r.withoutMaps.importMs)}; with the SDK from the runtime instead: ${ms(other.withMaps.importMs)} ` +
        `(in a separate run: its packages from node_modules ${ms(other.preloaded.preloadMs)}, then the bundle alone ` +
        `${ms(other.preloaded.importMs)})` +
        (r.withMaps.firstMs === undefined
          ? ''
          : `; then its first request (GET /api/v1/health, no network) ${ms(r.withMaps.firstMs)}`),
      verdict: verdict(r.withMaps.importMs <= COLD_LIMIT_MS),
    });
  }
  const floor = floorSamples.length > 0 ? summarize(floorSamples) : undefined;
  const apiResult = results.find((r) => r.name === 'api');
  if (floor && apiResult) {
    rows.push({
      figure:
        'cold-start floor of an api function (bench/lambda-floor.ts: configuration, observability, table client, ' +
        'token check, a two-route Hono app)',
      target: 'report',
      measured:
        `${ms(floor.importMs)} at ${kb(floorBytes)}, then ${ms(floor.firstMs ?? 0)} for its first request; the api ` +
        `beside it ${ms(apiResult.withMaps.importMs)}, then ${ms(apiResult.withMaps.firstMs ?? 0)}`,
      verdict: 'report',
    });
  }
  const unmet: string[] = [];
  for (const r of results) {
    const { sdk, named } = parts(r.byPackage);
    const luxon = named.get('luxon') ?? 0;
    const ordo = named.get('ordo') ?? 0;
    const other = r.fromRuntime;
    if (r.bytes > SIZE_LIMIT[r.name]) {
      const others = [...named]
        .filter(([pkg]) => pkg !== 'ordo')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`)
        .join(', ');
      const fixes: string[] = [];
      let after = r.bytes;
      if (sdk > 0) {
        fixes.push(
          `take the AWS SDK from the Lambda runtime (${kb(other.bytes)}, but a cold start of ` +
            `${ms(other.withMaps.importMs)} instead of ${ms(r.withMaps.importMs)}: the other choice, measured above)`,
        );
        after = other.bytes;
      }
      if (luxon > 0) {
        fixes.push(`drop luxon (${kb(luxon)}) for Intl`);
        after -= luxon;
      }
      unmet.push(
        `${r.name} bundle is ${kb(r.bytes)}, the AWS SDK ${kb(sdk)} of it: Ordo's own code ${kb(ordo)}, ${others}. ` +
          (fixes.length > 0
            ? `Fix: ${fixes.join('; ')} → about ${kb(after)}${after > SIZE_LIMIT[r.name] ? ', still over the limit' : ''}.`
            : "What is left is Ordo's own code and the libraries it needs."),
      );
    }
    if (r.withMaps.importMs > COLD_LIMIT_MS) {
      const eachSdk = Object.entries(other.preloaded.sdk)
        .map(([pkg, t]) => `${pkg.replace('@aws-sdk/', '')} ${ms(t, 0)}`)
        .join(', ');
      unmet.push(
        `${r.name} cold start ${ms(r.withMaps.importMs)} with NODE_OPTIONS=--enable-source-maps (set by ` +
          `infra/function.ts), ${ms(r.withoutMaps.importMs)} without. With the SDK from the runtime it is slower, ` +
          `${ms(other.withMaps.importMs)}: its packages alone take ${ms(other.preloaded.preloadMs)} to load from ` +
          `node_modules (${eachSdk}) and the bundle ${ms(other.preloaded.importMs)} after them. Across the ` +
          `functions the import time follows the bundle's size (${results
            .map((x) => `${x.name} ${kb(x.bytes)}: ${ms(x.withoutMaps.importMs, 0)}`)
            .join(', ')}, without maps), so it is mostly parsing and compiling the bundle and running its top ` +
          `level (configuration, clients, app). ` +
          (r.name === 'api' && floor
            ? `What a split could reach: a function with only the configuration, observability, table client, ` +
              `token check and a two-route Hono app (bench/lambda-floor.ts, ${kb(floorBytes)}) imports in ` +
              `${ms(floor.importMs)} beside it, so functions made of the api's routes would each start between ` +
              `that and ${ms(r.withMaps.importMs)}. Deferring parts to the first request moves time rather than ` +
              `saving it: the first request of either already finds the web platform's Request and Headers loaded ` +
              `(the token check's key set builds its Headers at init; Hono's Lambda adapter makes a Request of ` +
              `every event) and takes ${ms(r.withMaps.firstMs ?? 0)} more.`
            : `Fix: a smaller bundle: Ordo's own code (${kb(ordo)}) split so a cold start loads only the paths of ` +
              'its first request.'),
      );
    }
  }
  return {
    id: 'bundles',
    title: 'Lambda bundles and cold-start proxy',
    rows,
    unmet,
    details: [
      'Bundled with the options of infra/bundling.ts (esbuild, ESM, minified, the AWS SDK inside; code loaded with ' +
        'import() split into chunks) into a temporary directory under dist/. The sizes are those of the deployed ' +
        'index.mjs with the chunks it imports statically (what a cold start parses); the lazy chunks (the rarely ' +
        'used areas, the service templates, the pattern engine, the S3, SES and Secrets Manager clients, the mail ' +
        'words of each language but English) load on first use and are listed apart. Cold-start proxy: a fresh ' +
        `\`node\` process of the major Lambda runs (${node.lambdaMajor ? node.version : `not to be had here, so this machine's ${node.version}`}; bench/lambda-node.ts; this machine's own is ${process.version}) first requires the ` +
        `built-ins Lambda's runtime interface client has loaded before it imports a handler (${RUNTIME_CLIENT_BUILTINS.join(', ')}: ` +
        'its bootstrap builds the Runtime API client, which requires `http`, before it loads the handler; ' +
        'RUNTIME_CLIENT_BUILTINS in bench/bundles.ts names the files), timed apart and not counted, then imports the bundle and ' +
        'times the import from inside; the same in a bare process, which loads those built-ins as part of the import, is ' +
        'given for comparison (it was this proxy until 2026-12-05). The api is then handed its first request, the ' +
        "health check as API Gateway's HTTP API delivers it (no network), timed apart; and a function with only the " +
        "api's configuration, observability, table client, token check and a two-route Hono app " +
        '(bench/lambda-floor.ts, built the same way) is measured in turn with it, as the floor under any split of the ' +
        "api by route. The import runs the handler module's top level " +
        '(loadConfig, createDeps with the DynamoDB client and ' +
        'the Cognito verifier, createApp). For comparison each handler is also built with @aws-sdk/* and @smithy/* ' +
        "external, taken from the Lambda runtime: its SDK packages then load from the repository's node_modules " +
        `(version ${sdkVersion()}, the packages' unminified dist-cjs files, as the runtime's copy is) and are counted ` +
        'in the import; a fifth run per sample imports those packages first, each timed, and then that bundle ' +
        'alone. The environment is what the functions get in AWS (placeholder values; no network is touched), ' +
        `with and without NODE_OPTIONS=--enable-source-maps, which infra/function.ts sets. Median of ${runs} runs ` +
        "each, after one run to warm the file cache. CPU time is user + system time of the import over all the process's " +
        'threads (compilation included): it grows far less than the wall time when other processes share the cores. ' +
        'Not measured: the Lambda runtime bootstrap, the network of the first request and the lazy chunks it may load.',
      table(
        [
          'function',
          'minified, at cold start (SDK inside)',
          'gzip',
          'source map',
          'lazy chunks (first use)',
          'import + init (maps on)',
          'its CPU time',
          "in a bare process (maps on; the runtime's built-ins counted)",
          "the runtime's built-ins (not counted)",
          'import + init (maps off)',
          'process start → ready (maps on)',
          'SDK from the runtime instead: minified, import + init (maps on)',
          'of which its SDK packages alone',
          'then the bundle alone',
        ],
        results.map((r) => [
          r.name,
          kb(r.bytes),
          kb(r.gzip),
          kb(r.mapBytes),
          r.lazyBytes > 0 ? kb(r.lazyBytes) : '—',
          ms(r.withMaps.importMs),
          ms(r.withMaps.cpuMs),
          ms(r.bare.importMs),
          ms(r.withMaps.runtimeMs),
          ms(r.withoutMaps.importMs),
          ms(r.withMaps.processMs),
          `${kb(r.fromRuntime.bytes)}, ${ms(r.fromRuntime.withMaps.importMs)}`,
          ms(r.fromRuntime.preloaded.preloadMs),
          ms(r.fromRuntime.preloaded.importMs),
        ]),
      ),
      '**What the bundles are made of** (minified bytes in the output at cold start, largest first; then, for the ' +
        'other choice, the SDK packages it would load from the runtime)',
      table(
        ['function', 'largest parts', 'SDK packages from the runtime instead (load time, each after the ones before)'],
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
          const runtime = Object.entries(r.fromRuntime.preloaded.sdk)
            .map(([pkg, t]) => `${pkg} ${ms(t, 0)}`)
            .join(', ');
          return [r.name, `${sdk > 0 ? `AWS SDK ${kb(sdk)} (${sdkTop}, …); ` : ''}${others}`, runtime || '—'];
        }),
      ),
    ],
  };
}

/** The bytes of output files, named as the metafile names them (relative to the repository). */
function bytesOf(files: string[]): number {
  return files.reduce((sum, file) => sum + readFileSync(join(root, file)).length, 0);
}

/** The largest packages of the lazily loaded chunks. */
function lazyParts(byPackage: Map<string, number>): string {
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
}

/** DynamoDB first: it brings the SDK core the other clients share, so their times are their own. */
function byLoadOrder(a: string, b: string): number {
  const rank = (name: string) => (name.includes('dynamodb') ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function sdkVersion(): string {
  try {
    const manifest = JSON.parse(
      readFileSync(join(root, 'node_modules', '@aws-sdk', 'client-dynamodb', 'package.json'), 'utf8'),
    ) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
