/** How many integration files run at once, each against its own DynamoDB Local (test/support/standins.ts). */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export const INTEGRATION_WORKERS = 2;

/** The lock file that says which worker process holds the emulator at `endpoint` (its port is the run's own). */
export function dynamoLock(endpoint: string): string {
  return join(tmpdir(), `ordo-test-dynamo-${new URL(endpoint).port}.lock`);
}

let mine: string | undefined;

/**
 * This worker process's DynamoDB Local, claimed for the life of the process with a lock file per
 * emulator (the first free one; the same one again after a test resets the modules). Not by
 * VITEST_POOL_ID: with several projects in a run, two integration workers running at once have been
 * given the same id, and then shared one emulator while the other stood idle.
 */
export function workerDynamoEndpoint(): string {
  if (mine) return mine;
  const endpoints = inject('dynamoEndpoints');
  mine = endpoints.find(claim) ?? (endpoints[process.pid % endpoints.length] as string);
  return mine;
}

/** Takes the emulator's lock, or one whose holder has ended; false while a live process holds it. */
function claim(endpoint: string): boolean {
  const lock = dynamoLock(endpoint);
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.once('exit', () => rmSync(lock, { force: true }));
      return true;
    } catch {
      const holder = holderOf(lock);
      // This process's own claim, made before a test reset the module registry (vi.resetModules).
      if (holder === process.pid) return true;
      if (holder !== undefined && isAlive(holder)) return false;
      rmSync(lock, { force: true });
    }
  }
  return false;
}

/** The pid in the lock file; undefined when it has been released meanwhile. */
function holderOf(lock: string): number | undefined {
  try {
    return Number(readFileSync(lock, 'utf8'));
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  // Being written this moment (no pid yet): count it as held.
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // ESRCH: its holder is gone. EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
