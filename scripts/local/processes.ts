/**
 * A tiny supervisor for the local stack.
 *
 * - `onShutdown(fn)` registers cleanup (stop a child process, close an in-process server).
 * - `shutdown()` runs every registered cleanup once, newest first.
 * - `installSignalHandlers()`: the first Ctrl-C (SIGINT) or SIGTERM stops everything and exits 0;
 *   a second one forces an immediate exit.
 * - `trackChild(child)` makes sure a child process never outlives this process, even on a crash.
 */
import type { ChildProcess } from 'node:child_process';

type Cleanup = () => void | Promise<void>;

const cleanups: { name: string; fn: Cleanup }[] = [];
const children = new Set<ChildProcess>();
/** Children that `shutdown()` leaves running: only their own stop or this process's exit ends them. */
const outliving = new WeakSet<ChildProcess>();
let shuttingDown: Promise<void> | undefined;
let handlersInstalled = false;

/** Registers a cleanup; returns a function that unregisters it (e.g. after a manual stop). */
export function onShutdown(fn: Cleanup, name = 'cleanup'): () => void {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/**
 * Runs all registered cleanups exactly once (newest first, errors are reported, not thrown). Calls
 * while it runs share it; once done, what registers later (a next stack in a test process) is
 * stopped by the next call.
 */
export function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    while (cleanups.length > 0) {
      const { name, fn } = cleanups.pop()!;
      try {
        await fn();
      } catch (error) {
        console.error(`Stopping ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    killAllChildren('SIGKILL', (child) => !outliving.has(child));
  })().finally(() => {
    shuttingDown = undefined;
  });
  return shuttingDown;
}

/** Sends `signal` to every tracked child (or those `which` picks) still running (synchronous: safe inside 'exit'). */
function killAllChildren(signal: NodeJS.Signals, which: (child: ChildProcess) => boolean = () => true): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && which(child)) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Tracks a child so it is killed when this process exits for any reason (normal exit, uncaught error,
 * process.exit). Spawn children WITHOUT `detached` so a terminal Ctrl-C also reaches them directly.
 */
export function trackChild(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

process.on('exit', () => killAllChildren('SIGKILL'));

/**
 * Collects a child's output lines (last `keep`) and forwards each to `onLine`.
 * `tail()` gives the last lines without Java stack frames, for error messages.
 */
export function captureOutput(child: ChildProcess, onLine?: (line: string) => void, keep = 50) {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > keep) lines.shift();
      onLine?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    lines,
    tail(count = 10): string {
      const useful = lines.filter((line) => !/^\s+at |^\s+\.\.\. \d+ more/.test(line));
      const shown = useful.slice(-count);
      return shown.length ? `\nLast output:\n${shown.join('\n')}` : '';
    },
  };
}

/**
 * Stops a child: SIGTERM, then SIGKILL after `graceMs`. Resolves once it has exited.
 */
export function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (!child.kill('SIGTERM')) {
      // The signal could not be delivered: the process is already gone.
      clearTimeout(timer);
      resolve();
    }
  });
}

/**
 * A child that ends with this process: tracked, its output captured (lines to `onLine`), and a `stop`
 * registered for shutdown (unless `outlivesShutdown`: then only `stop` or this process's exit end it).
 * `stop` runs `beforeStop` (e.g. ask the child to end on its own), then SIGTERM and, after a grace
 * period, SIGKILL; it may be called more than once.
 */
export function supervise(
  child: ChildProcess,
  name: string,
  options: { onLine?: (line: string) => void; beforeStop?: () => Promise<void>; outlivesShutdown?: boolean } = {},
) {
  trackChild(child);
  if (options.outlivesShutdown) outliving.add(child);
  const output = captureOutput(child, options.onLine);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      unregister();
      await options.beforeStop?.();
      await stopChild(child);
    })();
    return stopped;
  };
  const unregister = options.outlivesShutdown ? () => {} : onShutdown(stop, name);
  return { child, output, stop };
}

/**
 * Asks a child with an IPC channel to stop (`message`) and waits up to `waitMs` for it to exit, so it
 * can finish what it was doing and report before it is signalled.
 */
export async function askToExit(child: ChildProcess, message: unknown, waitMs: number): Promise<void> {
  if (!child.connected) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send(message as object);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
}

/**
 * First SIGINT/SIGTERM: stop everything once, then exit 0. Second: exit immediately (code 130).
 * Idempotent.
 */
export function installSignalHandlers(options: { log?: (message: string) => void } = {}): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const log = options.log ?? ((message: string) => console.log(message));
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log(`\nReceived ${signal} again: forcing exit.`);
      killAllChildren('SIGKILL');
      process.exit(130);
    }
    signalled = true;
    log(`\nReceived ${signal}: stopping the local stack (press Ctrl-C again to force)…`);
    shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
