/**
 * `npm start` runs this file: it bundles scripts/start.ts with Ordo's TypeScript that it imports (the
 * packages stay in node_modules) into dist/local/start.mjs with esbuild, when any of it is newer than
 * the bundle, and then runs the bundle in this process. So the stack's Node process runs plain
 * JavaScript: no TypeScript loader (tsx: ~30 MiB) and no esbuild service stay in it.
 *
 * Each file's own `import.meta.url` and `import.meta.dirname` are kept as they are in the sources, so
 * paths relative to a file (the repository root, the DynamoDB Local fetcher) mean the same as when
 * the TypeScript runs directly (`npx tsx scripts/start.ts` still works).
 */
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/local/start.mjs');

/** The newest modification time among what the bundle is built from (folders count: a deleted file). */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const path of ['functions', 'shared', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    visit(join(root, path));
  }
  return newest;
}

/** Replaces `import.meta.url` and `import.meta.dirname` in Ordo's own files by their values there. */
const ownPaths = {
  name: 'own-paths',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${join('/', 'node_modules')}/`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

async function bundleStack() {
  const startedAt = new Date();
  const esbuild = await import('esbuild');
  try {
    await esbuild.build({
      entryPoints: [join(root, 'scripts/start.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      plugins: [ownPaths],
      // Not minified: each file's path stays in the bundle as a comment above its code, for stack traces.
      logLevel: 'warning',
    });
  } finally {
    // Its service process ends here instead of staying beside the stack.
    await esbuild.stop();
  }
  // Dated to the start, so a source saved during the build still counts as newer next time.
  utimesSync(bundle, startedAt, startedAt);
}

const built = statSync(bundle, { throwIfNoEntry: false });
if (!built || built.mtimeMs < newestSource()) {
  process.stdout.write('[ordo] bundling the local server (scripts/start.ts → dist/local/start.mjs)…\n');
  await bundleStack();
}
await import(pathToFileURL(bundle).href);
