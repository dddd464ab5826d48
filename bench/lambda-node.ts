/**
 * The Node.js the cold-start proxy runs on: the major version Lambda runs (NODE_MAJOR, infra/bundling.ts),
 * not whatever this machine has, since parsing, compiling and reading source maps differ between
 * majors. When this machine's Node is another major, the npm registry's build of that major for this
 * platform (the package `node-<platform>-<arch>`, the plain Node.js binary) is unpacked once under
 * node_modules/.cache/ and used from there; where none can be had the proxy runs on this machine's
 * Node and says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MAJOR } from '../infra/bundling.ts';
import { root } from '../scripts/stack.ts';

export interface LambdaNode {
  /** The `node` executable. */
  path: string;
  /** Its version, `v24.…`. */
  version: string;
  /** Whether it is the major Lambda runs. */
  lambdaMajor: boolean;
}

const versionOf = (path: string) => execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();

export function lambdaNode(log: (line: string) => void): LambdaNode {
  if (process.versions.node.split('.')[0] === String(NODE_MAJOR))
    return { path: process.execPath, version: process.version, lambdaMajor: true };
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(root, 'node_modules', '.cache', 'ordo-bench', `${pkg}-${NODE_MAJOR}`);
  const binary = join(dir, 'package', 'bin', 'node');
  if (!existsSync(binary)) {
    try {
      log(`  fetching Node.js ${NODE_MAJOR} for the cold starts (npm pack ${pkg}@${NODE_MAJOR})…`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      execFileSync('npm', ['pack', '--silent', `${pkg}@${NODE_MAJOR}`], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
      if (!tarball) throw new Error('npm pack wrote no tarball');
      execFileSync('tar', ['xzf', tarball], { cwd: dir });
      rmSync(join(dir, tarball));
    } catch (error) {
      log(
        `  no Node.js ${NODE_MAJOR} to be had (${(error as Error).message.split('\n')[0]}); using ${process.version}`,
      );
      rmSync(dir, { recursive: true, force: true });
      return { path: process.execPath, version: process.version, lambdaMajor: false };
    }
  }
  return { path: binary, version: versionOf(binary), lambdaMajor: true };
}
