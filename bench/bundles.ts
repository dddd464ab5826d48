/**
 * Lambda bundles built exactly as deployed (esbuild options and entries from infra/bundling.ts) into a
 * temporary directory, their minified size, and a cold-start proxy: a fresh Node process that imports
 * the bundle, which runs its top level (configuration, clients, the Hono app), timed from inside.
 * The AWS SDK is not in the bundles (the Lambda runtime provides it); the probe loads it from
 * node_modules, timed on its own and as part of the whole import.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildOptions, ENTRY_FILE, FUNCTION_ENTRIES, type FunctionName, splitOutputs } from '../infra/bundling.ts';
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

// Prints the time to import (and so initialise) the bundle, measured inside the fresh process. With
// packages to preload (the AWS SDK the bundle imports), those are imported first, each timed, so the
// bundle's own time is left.
const PROBE = `
const preload = JSON.parse(process.argv[2] ?? '[]');
const sdk = {};
const started = performance.now();
const cpuStarted = process.cpuUsage();
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
console.log(JSON.stringify({ preloadMs: bundleStarted - started, sdk, importMs: loaded - bundleStarted, cpuMs, sinceProcessStart: loaded }));
`;

interface Cold {
  /** Importing the bundle (with whatever it loads that was not preloaded). */
  importMs: number;
  /** CPU time of the import (user + system, every thread of the process): what a busy machine inflates least. */
  cpuMs: number;
  /** Importing the preloaded packages, in all and each. */
  preloadMs: number;
  sdk: Record<string, number>;
  processMs: number;
  wallMs: number;
}

function coldStart(file: string, nodeOptions: string, preload: string[] = []): Promise<Cold> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', PROBE, pathToFileURL(file).href, JSON.stringify(preload)],
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
        importMs: number;
        cpuMs: number;
        preloadMs: number;
        sdk: Record<string, number>;
        sinceProcessStart: number;
      };
      resolve({
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
    cpuMs: median(list.map((c) => c.cpuMs)),
    preloadMs: median(list.map((c) => c.preloadMs)),
    sdk: Object.fromEntries(names.map((name) => [name, median(list.map((c) => c.sdk[name] ?? 0))])),
    processMs: median(list.map((c) => c.processMs)),
    wallMs: median(list.map((c) => c.wallMs)),
  };
}

/** SDK packages a function does not need on every invocation, and how to load them only when needed. */
const LAZY_CANDIDATES: Record<FunctionName, { packages: string[]; how: string; note?: string }> = {
  api: {
    packages: [],
    how: '',
    note:
      'S3 and SES already load on first use (functions/storage/attachments.ts, functions/mail/ses.ts), so what a ' +
      'cold start still pays is the DynamoDB client every request needs; the split below imports every external ' +
      'package, the lazy ones included',
  },
  'sla-timer': {
    packages: [],
    how: '',
    note: 'SES loads with the first mail due; the job runs every minute, so its container is rarely cold',
  },
  'mail-worker': {
    packages: [],
    how: '',
    note: 'loading a client later would not help here: every invocation sends mail',
  },
  'mail-in': {
    packages: [],
    how: '',
    note: 'every invocation reads a raw message from S3 and parses it; S3 already loads on first use',
  },
  retention: {
    packages: [],
    how: '',
    note: 'runs once a day, always cold; S3 loads only when a file is to be removed',
  },
};

/** zod/mini against zod for a schema using every zod feature Ordo uses (esbuild, minified; checked once). */
const ZOD_MINI_SHARE = 36.6 / 101.7;

export async function runBundles(ctx: BenchContext): Promise<Section> {
  const runs = ctx.quick ? 5 : 21;
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
    /** Packages the bundle imports at run time instead of containing them. */
    externals: string[];
    withMaps: Cold;
    withoutMaps: Cold;
    /** The external packages imported first, then the bundle alone. */
    preloaded: Cold;
    /** The same handler with the SDK bundled instead, for comparison: its size and cold start. */
    sdkBundled?: { bytes: number; withMaps: Cold };
  }> = [];
  try {
    for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
      const outdir = join(outRoot, name);
      const outfile = join(outdir, ENTRY_FILE);
      const built = await build({ ...buildOptions(root, name, outdir), metafile: true, logLevel: 'error' });
      // What a cold start loads (the entry and the chunks it imports statically) and what loads on first use.
      const { eager, lazy } = splitOutputs(built.metafile, relative(root, outfile));
      const code = Buffer.concat(eager.map((file) => readFileSync(join(root, file))));
      const lazyBytes = lazy.reduce((sum, file) => sum + readFileSync(join(root, file)).length, 0);
      const byPackage = new Map<string, number>();
      const lazyByPackage = new Map<string, number>();
      for (const file of [...eager, ...lazy]) {
        const into = eager.includes(file) ? byPackage : lazyByPackage;
        for (const [path, { bytesInOutput }] of Object.entries(built.metafile.outputs[file]?.inputs ?? {})) {
          const key = packageOf(path);
          into.set(key, (into.get(key) ?? 0) + bytesInOutput);
        }
      }
      const externals = [
        ...new Set(
          eager.flatMap((file) =>
            (built.metafile.outputs[file]?.imports ?? [])
              .filter((i) => i.external && !isBuiltin(i.path))
              .map((i) => i.path),
          ),
        ),
      ].sort(byLoadOrder);
      const mapBytes = eager.reduce((sum, file) => sum + readFileSync(join(root, `${file}.map`)).length, 0);
      ctx.log(`  ${name}: ${kb(code.length)}; ${runs} cold starts…`);
      // For comparison, the same handler with the SDK inside the bundle (what was deployed before).
      const bundledDir = join(outRoot, `${name}-sdk-bundled`);
      const bundledFile = externals.length > 0 ? join(bundledDir, ENTRY_FILE) : undefined;
      let bundledBytes = 0;
      if (bundledFile) {
        const sdkBuilt = await build({
          ...buildOptions(root, name, bundledDir),
          external: [],
          metafile: true,
          logLevel: 'error',
        });
        bundledBytes = splitOutputs(sdkBuilt.metafile, relative(root, bundledFile)).eager.reduce(
          (sum, file) => sum + readFileSync(join(root, file)).length,
          0,
        );
        await coldStart(bundledFile, '--enable-source-maps');
      }
      const samples = { with: [] as Cold[], without: [] as Cold[], preloaded: [] as Cold[], sdkBundled: [] as Cold[] };
      await coldStart(outfile, '--enable-source-maps'); // file cache warm, as on a Lambda host
      for (let i = 0; i < runs; i++) {
        samples.with.push(await coldStart(outfile, '--enable-source-maps'));
        samples.without.push(await coldStart(outfile, ''));
        samples.preloaded.push(await coldStart(outfile, '--enable-source-maps', externals));
        if (bundledFile) samples.sdkBundled.push(await coldStart(bundledFile, '--enable-source-maps'));
      }
      results.push({
        name,
        bytes: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
        mapBytes,
        byPackage,
        externals,
        withMaps: summarize(samples.with),
        withoutMaps: summarize(samples.without),
        preloaded: summarize(samples.preloaded),
        lazyBytes,
        lazyByPackage,
        ...(bundledFile ? { sdkBundled: { bytes: bundledBytes, withMaps: summarize(samples.sdkBundled) } } : {}),
      });
    }
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }

  const rows: Row[] = [];
  for (const r of results) {
    rows.push({
      figure: `bundle size: ${r.name} (minified, loaded at cold start${r.externals.length > 0 ? ', AWS SDK from the runtime' : ''})`,
      target: `≤ ${SIZE_LIMIT[r.name] / 1024} KB`,
      measured:
        `${kb(r.bytes)} (gzip ${kb(r.gzip)})` +
        (r.lazyBytes > 0
          ? `; ${kb(r.lazyBytes)} more in chunks loaded on first use (${lazyParts(r.lazyByPackage)})`
          : ''),
      verdict: verdict(r.bytes <= SIZE_LIMIT[r.name]),
    });
  }
  for (const r of results) {
    const sdkNote =
      r.externals.length > 0
        ? ` (split in a separate run: AWS SDK from node_modules ${ms(r.preloaded.preloadMs)}, then the bundle alone ${ms(r.preloaded.importMs)})`
        : '';
    rows.push({
      figure: `cold-start proxy: ${r.name} (import + init${r.externals.length > 0 ? ' with the AWS SDK' : ''}, deployed NODE_OPTIONS)`,
      target: `≤ ${COLD_LIMIT_MS} ms`,
      measured: `${ms(r.withMaps.importMs)} (CPU ${ms(r.withMaps.cpuMs)})${sdkNote}; without --enable-source-maps: ${ms(r.withoutMaps.importMs)}`,
      verdict: verdict(r.withMaps.importMs <= COLD_LIMIT_MS),
    });
  }
  const unmet: string[] = [];
  for (const r of results) {
    const { sdk, named } = parts(r.byPackage);
    const zod = named.get('zod') ?? 0;
    const luxon = named.get('luxon') ?? 0;
    const ordo = named.get('ordo') ?? 0;
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
          `take the AWS SDK (${kb(sdk)} of it) from the Lambda runtime: mark @aws-sdk/* and @smithy/* external in ` +
            'infra/bundling.ts',
        );
        after -= sdk;
      }
      if (zod > 0) {
        const saved = zod * (1 - ZOD_MINI_SHARE);
        fixes.push(
          `replace zod with zod/mini, which builds the same kinds of schemas in about a third of the bytes (checked ` +
            'once for a schema using every zod feature Ordo uses: 101.7 → 36.6 KB minified), so about ' +
            `${kb(saved)} less; that means rewriting the schemas in zod/mini's functional style ` +
            '(`z.optional(z.string().check(z.maxLength(n)))`) in shared/api.ts, shared/forms.ts, ' +
            'shared/service-schema.ts and functions/routes/admin.ts and orders.ts (the portal imports the same schemas)',
        );
        after -= saved;
      }
      if (luxon > 0) {
        fixes.push(`drop luxon (${kb(luxon)}) for Intl`);
        after -= luxon;
      }
      unmet.push(
        `${r.name} bundle is ${kb(r.bytes)}` +
          (sdk > 0 ? `, the AWS SDK ${kb(sdk)} of it` : ' with the AWS SDK left to the Lambda runtime') +
          `: Ordo's own code ${kb(ordo)}, ${others}. ` +
          (fixes.length > 0
            ? `Fix: ${fixes.join('; ')} → about ${kb(after)}${after > SIZE_LIMIT[r.name] ? ', still over the limit' : ''}.`
            : "What is left is Ordo's own code and the libraries it needs."),
      );
    }
    if (r.withMaps.importMs > COLD_LIMIT_MS) {
      const bundleAlone = r.preloaded.importMs;
      if (r.externals.length > 0 && bundleAlone <= COLD_LIMIT_MS) {
        const eachSdk = Object.entries(r.preloaded.sdk)
          .map(([pkg, t]) => `${pkg.replace('@aws-sdk/', '')} ${ms(t, 0)}`)
          .join(', ');
        const lazyPackages = LAZY_CANDIDATES[r.name];
        const lazy = Object.entries(r.preloaded.sdk)
          .filter(([pkg]) => lazyPackages.packages.includes(pkg))
          .reduce((sum, [, t]) => sum + t, 0);
        unmet.push(
          `${r.name} cold start ${ms(r.withMaps.importMs)}: the bundle itself loads and initialises in ` +
            `${ms(bundleAlone)} once the AWS SDK is loaded; loading the SDK from node_modules takes ` +
            `${ms(r.preloaded.preloadMs)} (in import order, each after the ones before: ${eachSdk}), now that it is ` +
            "not in the bundle. The runtime loads its copy the same way (the packages' unminified dist-cjs files), so " +
            'a Lambda cold start pays a cost of this kind too' +
            (lazyPackages.note ? ` (${lazyPackages.note})` : '') +
            '. Fix: ' +
            (lazy > 10 ? `${lazyPackages.how}: a cold start would then skip about ${ms(lazy, 0)}; or ` : '') +
            'bundle the SDK again (' +
            (r.sdkBundled
              ? `measured in the same run: ${kb(r.sdkBundled.bytes)}, ${ms(r.sdkBundled.withMaps.importMs)} to import; `
              : '') +
            'one minified file parses faster than the packages; the SDK team recommends ' +
            'bundling for functions sensitive to cold starts, aws.amazon.com/blogs/developer/reduce-lambda-cold-' +
            'start-times-migrate-to-aws-sdk-for-javascript-v3), at the cost of the size targets; or call SES and ' +
            'presign S3 URLs with a thin SigV4 client (e.g. aws4fetch) instead of the full clients (less SDK to load ' +
            'whether it is bundled or not).',
        );
      } else {
        unmet.push(
          `${r.name} cold start ${ms(r.withMaps.importMs)} with NODE_OPTIONS=--enable-source-maps (set by ` +
            `infra/function.ts), ${ms(r.withoutMaps.importMs)} without` +
            (r.externals.length > 0 ? `, ${ms(bundleAlone)} for the bundle alone` : '') +
            `. Across the three bundles the import time follows their size (${results
              .map((x) => `${x.name} ${kb(x.bytes)}: ${ms(x.withoutMaps.importMs, 0)}`)
              .join(', ')}, without maps), so it is mostly parsing and compiling the bundle and running its top ` +
            'level (configuration, clients, app). Fix: a smaller bundle, and create the S3 and SES clients lazily ' +
            'on first use (most requests need neither).',
        );
      }
    }
  }
  const anyExternal = results.some((r) => r.externals.length > 0);
  return {
    id: 'bundles',
    title: 'Lambda bundles and cold-start proxy',
    rows,
    unmet,
    details: [
      'Bundled with the options of infra/bundling.ts (esbuild, ESM, minified; @aws-sdk/* and @smithy/* external, ' +
        'taken from the Lambda runtime; code loaded with import() split into chunks) into a temporary directory ' +
        'under dist/. The sizes are those of the deployed index.mjs with the chunks it imports statically (what a ' +
        'cold start parses) and do not count the SDK; the lazy chunks (the service templates, the pattern engine, ' +
        'Secrets Manager) load on the first request that needs them and are listed apart. Cold-start proxy: a fresh `node` process ' +
        `(${process.version}; Lambda runs Node 24) imports the bundle and times the import from inside; the import runs ` +
        "the handler module's top level (loadConfig, createDeps with the DynamoDB client (the SES and S3 clients load on first use) and the " +
        'Cognito verifier, createApp). ' +
        (anyExternal
          ? "The SDK packages the bundle imports load from the repository's node_modules (version " +
            `${sdkVersion()}; the runtime has its own version) and are counted in the import: that is what a ` +
            'cold start pays. A third run per sample imports those packages first, each timed, and then the bundle ' +
            'alone; a fourth imports the same handler built with the SDK inside the bundle, for comparison. '
          : '') +
        'The environment is what the functions get in AWS (placeholder values; no network is touched), with and ' +
        `without NODE_OPTIONS=--enable-source-maps, which infra/function.ts sets. Median of ${runs} runs each, after ` +
        "one run to warm the file cache. CPU time is user + system time of the import over all the process's threads " +
        '(compilation included): it grows far less than the wall time when other processes share the cores. Not ' +
        'measured: the Lambda runtime bootstrap, the network of the first request and the lazy chunks it may load.',
      table(
        [
          'function',
          'minified, at cold start',
          'gzip',
          'source map',
          'lazy chunks (first use)',
          'import + init (maps on)',
          'its CPU time',
          'import + init (maps off)',
          'AWS SDK alone (maps on)',
          'bundle alone, SDK loaded first (maps on)',
          'process start → ready (maps on)',
          'SDK bundled instead: minified, import + init (maps on)',
        ],
        results.map((r) => [
          r.name,
          kb(r.bytes),
          kb(r.gzip),
          kb(r.mapBytes),
          r.lazyBytes > 0 ? kb(r.lazyBytes) : '—',
          ms(r.withMaps.importMs),
          ms(r.withMaps.cpuMs),
          ms(r.withoutMaps.importMs),
          r.externals.length > 0 ? ms(r.preloaded.preloadMs) : '—',
          r.externals.length > 0 ? ms(r.preloaded.importMs) : '—',
          ms(r.withMaps.processMs),
          r.sdkBundled ? `${kb(r.sdkBundled.bytes)}, ${ms(r.sdkBundled.withMaps.importMs)}` : '—',
        ]),
      ),
      '**What the bundles are made of** (minified bytes in the output, largest first; then what each imports from ' +
        'the runtime)',
      table(
        ['function', 'largest parts', 'from the runtime (load time, each after the ones before)'],
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
          const runtime = Object.entries(r.preloaded.sdk)
            .map(([pkg, t]) => `${pkg} ${ms(t, 0)}`)
            .join(', ');
          return [r.name, `${sdk > 0 ? `AWS SDK ${kb(sdk)} (${sdkTop}, …); ` : ''}${others}`, runtime || '—'];
        }),
      ),
    ],
  };
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
