/**
 * Bundles the Lambda handlers exactly as the CDK stack does (options from infra/bundling.ts) into
 * dist/functions/<name>/ (index.mjs and the chunks it loads lazily) and prints each bundle's size,
 * minified and gzipped: the entry a cold start loads, and the lazily loaded chunks beside it. With
 * --parts, also the largest packages and files of each output (esbuild's metafile).
 * Usage: npm run build:functions [-- [--parts] api sla-timer]   (default: all handlers)
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import {
  AWS_SDK_FILE,
  buildOptions,
  ENTRY_FILE,
  FUNCTION_ENTRIES,
  type FunctionName,
  splitOutputs,
  trimSourceMaps,
} from '../infra/bundling.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outRoot = path.join(root, 'dist', 'functions');

function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_ENTRIES, name);
}

const args = process.argv.slice(2);
const showParts = args.includes('--parts');
const requested = args.filter((arg) => arg !== '--parts');
const unknown = requested.filter((name) => !isFunctionName(name));
if (unknown.length > 0) {
  console.error(`Unknown function(s): ${unknown.join(', ')}. Known: ${Object.keys(FUNCTION_ENTRIES).join(', ')}.`);
  process.exit(2);
}
const names = (requested.length > 0 ? requested : Object.keys(FUNCTION_ENTRIES)).filter(isFunctionName);

const missing = names.filter((name) => !existsSync(path.join(root, FUNCTION_ENTRIES[name])));
if (missing.length > 0) {
  for (const name of missing) console.error(`Missing entry for ${name}: ${FUNCTION_ENTRIES[name]}`);
  process.exit(1);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const rows: string[][] = [];

const parts: string[] = [];

for (const name of names) {
  const outdir = path.join(outRoot, name);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({ ...buildOptions(root, name, outdir), metafile: true, logLevel: 'warning' });
  trimSourceMaps(outdir);
  const { eager, lazy } = splitOutputs(metafile, path.relative(root, path.join(outdir, ENTRY_FILE)));
  const bytes = (files: string[]) => files.map((file) => readFileSync(path.join(root, file)));
  const eagerCode = Buffer.concat(bytes(eager));
  const lazyTotal = bytes(lazy).reduce((sum, code) => sum + code.length, 0);
  const sdkAtColdStart = eager
    .flatMap((file) => Object.entries(metafile.outputs[file]?.inputs ?? {}))
    .filter(([input]) => AWS_SDK_FILE.test(input))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  rows.push([
    name,
    kb(eagerCode.length),
    kb(sdkAtColdStart),
    kb(gzipSync(eagerCode, { level: 9 }).length),
    lazy.length > 0 ? `${lazy.length}: ${kb(lazyTotal)}` : '—',
    kb(eagerCode.length + lazyTotal),
  ]);
  if (showParts) parts.push(...describe(name, metafile));
}

/** The largest packages and Ordo's largest files of each output file. */
function describe(name: string, metafile: Metafile): string[] {
  const lines = [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    const byPackage = new Map<string, number>();
    const own: Array<[string, number]> = [];
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'ordo';
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
      if (pkg === 'ordo') own.push([input, bytesInOutput]);
    }
    const top = (list: Array<[string, number]>, n: number) =>
      list
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([what, bytes]) => `${what} ${kb(bytes)}`)
        .join(', ');
    lines.push(`${name} ${path.relative(path.join(outRoot, name), path.join(root, file))} ${kb(output.bytes)}`);
    lines.push(`  packages: ${top([...byPackage], 8)}`);
    lines.push(`  ordo: ${top(own, 8)}`);
  }
  return lines;
}

const header = ['function', 'at cold start', 'AWS SDK of it', 'gzip', 'lazy chunks', 'all'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]): string =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  `Bundles in ${path.relative(root, outRoot)}/<function>/ (minified, with source maps; "at cold start" is index.mjs ` +
    'with the chunks it imports statically, the lazy chunks load on first use; the AWS SDK is bundled, as infra/bundling.ts ' +
    'says why, and counted).',
);
for (const line of parts) console.log(line);
