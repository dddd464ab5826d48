/**
 * What each Lambda parses at a cold start (infra/bundling.ts, the options the stack deploys): what a
 * handler needs only sometimes reaches it through `import()`, so esbuild puts it in chunks loaded on
 * first use. A static import of one of them fails here: the api's rarely used areas, webhook delivery
 * in the mail jobs, mail words in languages other than English, the request schemas (zod) in the
 * scheduled jobs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildOptions, ENTRY_FILE, FUNCTION_ENTRIES, type FunctionName, splitOutputs } from '../../infra/bundling.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The order mail's words in the languages other than English: each loads with the first mail in it. */
const MAIL_CATALOGS = ['pl', 'ru', 'nl', 'zh'].map((language) => `shared/mail-words.${language}.json`);

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
  ...MAIL_CATALOGS,
];

/** The inputs (esbuild's names) of what a function's cold start loads and of its first-use chunks. */
async function loadedBy(name: FunctionName): Promise<{ atColdStart: string[]; onFirstUse: string[] }> {
  const outdir = path.join(root, 'dist', 'bundle-test', name);
  const { metafile } = await build({
    ...buildOptions(root, name, outdir),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const { eager, lazy } = splitOutputs(metafile, path.relative(root, path.join(outdir, ENTRY_FILE)));
  const inputsOf = (files: string[]) => files.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
  return { atColdStart: inputsOf(eager), onFirstUse: inputsOf(lazy) };
}

describe('the api bundle', () => {
  it('leaves the first-use areas out of what a cold start loads', async () => {
    const { atColdStart, onFirstUse } = await loadedBy('api');
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

describe('the jobs’ bundles', () => {
  it('load webhook delivery with the first webhook item, a language’s mail words with its first mail, and no request schemas at all', async () => {
    for (const name of ['mail-worker', 'sla-timer'] as const) {
      const { atColdStart, onFirstUse } = await loadedBy(name);
      expect(atColdStart, name).toContain(FUNCTION_ENTRIES[name]);
      for (const module of [
        'functions/webhooks/delivery.ts',
        'node_modules/ipaddr.js/',
        'node_modules/standardwebhooks/',
      ]) {
        expect(
          atColdStart.filter((input) => input.includes(module)),
          `${name}: ${module}`,
        ).toEqual([]);
        expect(
          onFirstUse.some((input) => input.includes(module)),
          `${name}: ${module}`,
        ).toBe(true);
      }
    }
    for (const name of ['mail-worker', 'sla-timer', 'retention'] as const) {
      const { atColdStart, onFirstUse } = await loadedBy(name);
      expect(
        [...atColdStart, ...onFirstUse].filter((input) => input.includes('node_modules/zod/')),
        name,
      ).toEqual([]);
      expect(
        atColdStart.filter((input) => MAIL_CATALOGS.includes(input)),
        name,
      ).toEqual([]);
    }
    // The timer job composes mail: each language's words wait in a chunk of their own.
    const { onFirstUse } = await loadedBy('sla-timer');
    for (const catalog of MAIL_CATALOGS) expect(onFirstUse, catalog).toContain(catalog);
  }, 120_000);
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
