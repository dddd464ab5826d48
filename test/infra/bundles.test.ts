/**
 * What the api Lambda parses at a cold start (infra/bundling.ts, the options the stack deploys): the
 * rarely used areas reach the handler only through `import()`, so esbuild puts them in chunks loaded on
 * their first request. A static import of one of them from the order or catalog paths fails here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildOptions, ENTRY_FILE, FUNCTION_ENTRIES, type FunctionName, splitOutputs } from '../../infra/bundling.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Modules (or packages) of the first-use areas, as esbuild names its inputs. */
const FIRST_USE = [
  'functions/workflows/reports.ts',
  'functions/workflows/insight.ts',
  'functions/workflows/process.ts',
  'functions/workflows/canvas.ts',
  'functions/workflows/transfer.ts',
  'functions/workflows/privacy/index.ts',
  'functions/workflows/integrations/webhooks.ts',
  'functions/repositories/privacy.ts',
  'functions/repositories/inbound.ts',
  'functions/http/openapi.ts',
  'shared/reports.ts',
  'shared/insight.ts',
  'shared/templates/index.ts',
  'shared/patterns.ts',
  'node_modules/ipaddr.js/',
  'node_modules/re2js/',
];

describe('the api bundle', () => {
  it('leaves the first-use areas out of what a cold start loads', async () => {
    const outdir = path.join(root, 'dist', 'bundle-test', 'api');
    const { metafile } = await build({
      ...buildOptions(root, 'api', outdir),
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const { eager, lazy } = splitOutputs(metafile, path.relative(root, path.join(outdir, ENTRY_FILE)));
    const inputsOf = (files: string[]) => files.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
    const atColdStart = inputsOf(eager);
    const onFirstUse = inputsOf(lazy);
    expect(atColdStart).toContain('functions/lambda/api.ts');
    for (const module of FIRST_USE) {
      expect(
        atColdStart.filter((input) => input.includes(module)),
        module,
      ).toEqual([]);
      expect(
        onFirstUse.some((input) => input.includes(module)),
        module,
      ).toBe(true);
    }
  }, 60_000);
});

describe('every function the stack deploys', () => {
  it('leaves out the Scan of the operator’s one-off backfill (repositories/unlisted.ts)', async () => {
    for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
      const { metafile } = await build({
        ...buildOptions(root, name, path.join(root, 'dist', 'bundle-test', name)),
        metafile: true,
        write: false,
        logLevel: 'silent',
      });
      const inputs = Object.keys(metafile.inputs);
      expect(
        inputs.some((input) => input.startsWith('functions/repositories/')),
        name,
      ).toBe(true);
      expect(
        inputs.filter((input) => input.includes('functions/repositories/unlisted.ts')),
        name,
      ).toEqual([]);
    }
  }, 120_000);
});
