/**
 * What each Lambda parses at a cold start (infra/bundling.ts, the options the stack deploys): what a
 * handler needs only sometimes reaches it through `import()`, so esbuild puts it in chunks loaded on
 * first use. A static import of one of them fails here: the api's rarely used areas, webhook delivery
 * in the mail jobs, mail words in languages other than English, the request schemas (zod) in the
 * scheduled jobs, the API's request schemas in mail in.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '@jridgewell/sourcemap-codec';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  buildOptions,
  ENTRY_FILE,
  FUNCTION_ENTRIES,
  type FunctionName,
  splitOutputs,
  trimSourceMaps,
} from '../../infra/bundling.ts';
import { createOrdoApp } from '../../infra/stack.ts';

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
  // The AWS SDK is bundled (infra/bundling.ts): its S3 client loads with the first attachment.
  'node_modules/@aws-sdk/client-s3/',
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

  it('mail in checks a mailed order’s answers with zod but never builds the API’s request schemas', async () => {
    const { atColdStart, onFirstUse } = await loadedBy('mail-in');
    expect(atColdStart).toContain('shared/form-check.ts');
    for (const module of ['shared/api.ts', 'shared/contract.ts'])
      expect([...atColdStart, ...onFirstUse], module).not.toContain(module);
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

describe('the stack synthesized as `cdk deploy` does (bundling on, an account and a region)', () => {
  it('gives every function its own code: the handler built from its own entry', async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'ordo-bundled-synth-'));
    try {
      const cdkContext = (JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')) as { context: object }).context;
      const { app, stack } = createOrdoApp(
        {
          outdir,
          context: {
            ...cdkContext,
            stage: 'prod',
            inboundDomain: 'in.example.com',
            [cxapi.FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
          },
        },
        { account: '123456789012', region: 'eu-west-1' },
      );
      const assembly = app.synth();
      const template = assembly.getStackByName(stack.stackName).template as {
        Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
      };
      // Ordo's handlers (infra/function.ts), not the functions CDK adds (the portal upload's); each
      // one's code is the asset staged as `asset.<hash>` beside the template.
      const assetOf = new Map<string, string>();
      for (const [id, resource] of Object.entries(template.Resources)) {
        const key = resource.Properties.Code?.S3Key;
        if (resource.Type === 'AWS::Lambda::Function' && key && /HandlerFunction[0-9A-F]{8}$/.test(id)) {
          assetOf.set(id, `asset.${key.replace(/\.zip$/, '')}`);
        }
      }
      // The five handlers: api, mail worker, SLA timer, retention, mail in.
      expect(assetOf.size).toBe(Object.keys(FUNCTION_ENTRIES).length);
      expect(new Set(assetOf.values()).size).toBe(assetOf.size);
      // Chunk names carry a hash that depends on where the build was written (its source map's paths).
      const unhashed = (code: string) => code.replace(/(chunks\/[\w.-]+?)-[A-Z0-9]{8}\.mjs/g, '$1.mjs');
      const deployed = new Set(
        [...assetOf.values()].map((asset) =>
          unhashed(readFileSync(path.join(assembly.directory, asset, ENTRY_FILE), 'utf8')),
        ),
      );
      for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
        const { outputFiles } = await build({
          ...buildOptions(root, name, path.join(root, 'dist', 'bundle-test', `${name}-synth`)),
          write: false,
          logLevel: 'silent',
        });
        const entry = outputFiles.find((file) => path.basename(file.path) === ENTRY_FILE);
        expect(deployed.has(unhashed(entry?.text ?? '')), name).toBe(true);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the source maps deployed beside the bundles', () => {
  it('keep the lines of Ordo’s code and drop the AWS SDK’s', async () => {
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    const outdir = mkdtempSync(path.join(root, 'dist', 'bundle-test-maps-'));
    try {
      await build({ ...buildOptions(root, 'sla-timer', outdir), logLevel: 'silent' });
      const mapped = (sources: RegExp) => {
        let lines = 0;
        for (const file of readdirSync(outdir, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.map')) continue;
          const map = JSON.parse(readFileSync(path.join(outdir, file), 'utf8')) as {
            sources: string[];
            mappings: string;
          };
          for (const segments of decode(map.mappings))
            for (const segment of segments)
              if (segment.length > 1 && sources.test(map.sources[segment[1]!] ?? '')) lines++;
        }
        return lines;
      };
      const SDK = /node_modules\/@(aws-sdk|smithy|aws)\//;
      const ORDO = /^(\.\.\/)*(functions|shared)\//;
      expect(mapped(SDK)).toBeGreaterThan(0);
      const ordo = mapped(ORDO);
      expect(ordo).toBeGreaterThan(0);
      trimSourceMaps(outdir);
      expect(mapped(SDK)).toBe(0);
      expect(mapped(ORDO)).toBe(ordo);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
