/**
 * Bundles the Lambda handlers exactly as the CDK stack does (options from infra/bundling.ts) into
 * dist/functions/<name>/index.mjs and prints each bundle's size, minified and gzipped.
 * Usage: npm run build:functions [-- api sla-timer]   (default: all handlers)
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildOptions, FUNCTION_ENTRIES, type FunctionName } from '../infra/bundling.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outRoot = path.join(root, 'dist', 'functions');

function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_ENTRIES, name);
}

const requested = process.argv.slice(2);
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

for (const name of names) {
  const outdir = path.join(outRoot, name);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, 'index.mjs');
  await build({ ...buildOptions(root, name, outfile), logLevel: 'warning' });
  const code = readFileSync(outfile);
  rows.push([name, kb(code.length), kb(gzipSync(code, { level: 9 }).length)]);
}

const header = ['function', 'minified', 'gzip'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]): string =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  `Bundles in ${path.relative(root, outRoot)}/<function>/index.mjs (with source maps; the AWS SDK, ` +
    '@aws-sdk/* and @smithy/*, is left to the Lambda runtime and not counted).',
);
