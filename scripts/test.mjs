/**
 * `npm test`: the linter, then the type checker beside the portal's build and every Vitest project.
 * The type checker keeps one core busy for half a minute, which the first Vitest projects leave free
 * often enough that running it alongside saves most of that time. Arguments go to Vitest
 * (`npm test -- test/unit/sla.test.ts`). A type error stops the tests and fails the run.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** Vitest run by this Node directly, not through npm, so that stopping it stops Vitest itself. */
const vitest = [process.execPath, join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs')];

/** Runs a command; `quiet` keeps its output to print once it has ended. */
function run([command, ...args], { quiet = false } = {}) {
  const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  let output = '';
  if (quiet) {
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
  }
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
  return { child, done };
}

const lint = await run(['npm', 'run', '-s', 'lint']).done;
if (lint.code !== 0) process.exit(lint.code);

const typecheck = run(['npm', 'run', '-s', 'typecheck'], { quiet: true });
let tests;
let stopped = false;
const typesChecked = typecheck.done.then((result) => {
  if (result.code !== 0) {
    stopped = true;
    tests?.child.kill('SIGTERM');
  }
  return result;
});

const build = await run(['npm', 'run', '-s', 'build:web']).done;
if (build.code !== 0 || stopped) {
  const types = await typesChecked;
  if (types.code !== 0) process.stderr.write(types.output);
  process.exit(build.code || types.code);
}
tests = run([...vitest, 'run', ...process.argv.slice(2)]);
const [types, tested] = await Promise.all([typesChecked, tests.done]);
if (types.code !== 0) {
  process.stderr.write(
    `\nThe type checker found errors${stopped ? ', so the tests were stopped' : ''}:\n${types.output}`,
  );
}
process.exit(types.code || tested.code);
