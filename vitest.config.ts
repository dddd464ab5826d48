import { defineConfig } from 'vitest/config';
import { INTEGRATION_WORKERS } from './test/support/workers.ts';

// Four kinds of tests, each its own project so they can run alone: `npx vitest run --project unit`.
export default defineConfig({
  test: {
    // The local stand-ins run on Node 20 here; Lambda runs a newer Node, so the SDK's notice is noise.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Two files at a time even on two cores (Vitest's default there is one): browser tests spend most
    // of their time waiting for the browser and their own stack, so a second file fills the idle core.
    // Integration files share one DynamoDB Local and run one at a time, as its timing tests expect.
    // Projects with different worker counts run one after another, in `groupOrder`.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
          // Pure code with no module state a test leaves behind (fake timers are put back after each):
          // importing the domain once per worker instead of once per file halves this project's time.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/standins.ts', 'test/support/snapshots.ts'],
          maxWorkers: INTEGRATION_WORKERS,
          // Each file builds its own dependencies (clients, caches, limits) from its own config; the
          // modules themselves keep only pure caches, so a worker imports the API once, not per file.
          isolate: false,
          sequence: { groupOrder: 1 },
          // A guard against a hang, not a measure: on a fresh clone the first run's integration files
          // have taken twice their usual time, and a test of 25 rounds then took more than 30 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // A file's stack, table and browser contexts are its own, but the code that starts them (the
          // whole local server) is imported once per worker, not once per file: about ten seconds a
          // file; the worker's DynamoDB Local and Chromium serve all its files (test/e2e/browser.ts).
          isolate: false,
          globalSetup: ['test/support/snapshots.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page answers within a second on a quiet machine; two stacks and two browsers on two
          // cores can take several, and a poll that gives up after Vitest's default 1 s fails for that.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
