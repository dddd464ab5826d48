/**
 * Headless Chromium (Debian's package) driven by playwright-core, plus the full local stack on free
 * ports. People sign in as they do in production: the portal sends them to the OpenID provider (the
 * local one, with the demo people as its accounts), they choose themselves there, and come back.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page, type Route } from 'playwright-core';
import { beforeEach, inject } from 'vitest';
import { type RunningService, startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { freePort, freePorts, PortTakenError } from '../../scripts/local/ports.ts';
import { onShutdown, shutdown } from '../../scripts/local/processes.ts';
import { LOCAL_TABLE, root, type Stack, type StackOptions, startStack } from '../../scripts/stack.ts';
import { scratchRoot, snapshotsReady } from '../support/snapshots.ts';
import { copyTable, deleteTable } from '../support/tables.ts';

export const artifactsDir = join(root, 'test-results', 'e2e');

// Vitest ends its workers with SIGTERM, which would skip the exit handlers that stop what a worker
// keeps for all its files (its Chromium, its DynamoDB Local and that one's folder): exit on it instead.
process.once('SIGTERM', () => process.exit(143));

/** This worker's Chromium: launched by its first file and kept for the next, as long as it runs. */
let workerBrowser: Browser | undefined;

/**
 * The worker's Chromium, launched when it has none. A launch costs a second and a half of CPU; a file
 * keeps to browser contexts of its own (own storage, so its own sessions) and ends them with
 * `closeBrowser`, which leaves the browser to the worker's next file.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!workerBrowser?.isConnected()) workerBrowser = await launchChromium();
  return workerBrowser;
}

/** Closes every context the file opened in the worker's browser, with their pages. */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The demo company's people read in its departments' zone; a UTC reader would see "today" end
    // an hour or two before theirs, and the period views would miss the department's newest day.
    env: { ...process.env, TZ: 'Europe/Warsaw' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Free ports for every piece of the stack, distinct from each other. */
export async function testPorts(): Promise<StackOptions['ports']> {
  const [app, dynamo, ses, s3, oidc] = (await freePorts(5)) as [number, number, number, number, number];
  return { app, dynamo, ses, s3, oidc };
}

/**
 * The whole stack for one test file, started from a copy of the demo data (with weeks of history for
 * `history: true`, as `npm start` files them) that the run's global setup writes once, in the
 * background (test/support/snapshots.ts). The demo data is copied into a table of the file's own in
 * its worker's DynamoDB Local (`workerTable`); the history, ten times larger, comes with an emulator
 * of the file's own. The copies are removed when the stack stops.
 */
export async function startTestStack(
  opts: Pick<StackOptions, 'oidcTtl' | 'history' | 'apiEnv' | 'mailEveryMs'> = {},
): Promise<Stack> {
  const snapshots = inject('snapshots');
  const { historyOrders } = await snapshotsReady(snapshots);
  const snapshot = opts.history ? snapshots.history : snapshots.demo;
  const dataDir = mkdtempSync(join(scratchRoot, 'ordo-e2e-stack-'));
  onShutdown(() => rmSync(dataDir, { recursive: true, force: true }), 'test data copy');
  // The link key and the stored files; the demo's tables come by `workerTable` instead.
  const tables = join(snapshot, 'dynamodb');
  cpSync(snapshot, dataDir, { recursive: true, filter: (from) => opts.history || from !== tables });
  const dynamo = opts.history ? {} : { dynamo: await workerTable(tables) };
  // A port the OS called free can be taken before the stack listens on it (by the other worker's stack
  // or an outgoing connection, whose local ports come from the same range): the stack says so with a
  // PortTakenError, whether its first check or a server's listen found it, and is started again on new
  // ones (what had started is stopped with the file's stack).
  for (let attempt = 1; ; attempt++) {
    try {
      const stack = await startStack({
        ports: await testPorts(),
        logLevel: 'error',
        ...opts,
        ...dynamo,
        dataDir,
        // Two cores run several stacks and browsers at once: the product's 1 s per storage attempt is
        // meant for DynamoDB, not for an emulator sharing a loaded machine.
        apiEnv: { STORAGE_ATTEMPT_MS: '5000', ...opts.apiEnv },
      });
      return { ...stack, historyOrders: opts.history ? historyOrders : 0 };
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 3) throw error;
    }
  }
}

/** The worker's DynamoDB Local and how many tables its files have had. */
let workerDynamo: Promise<RunningService> | undefined;
let tablesMade = 0;

/**
 * A fresh copy of the demo data in a table of its own, in a DynamoDB Local that this worker starts
 * once, from the demo's folder, and keeps for all its files (the project does not isolate them, so this
 * module lives as long as the worker). An emulator per file cost each file three seconds and as many
 * of CPU to start; a copy of the demo's ~200 items costs a tenth of that. The table is deleted when
 * the stack stops.
 */
async function workerTable(demoTables: string): Promise<{ endpoint: string; tableName: string }> {
  workerDynamo ??= (async () => {
    const dbPath = mkdtempSync(join(scratchRoot, 'ordo-e2e-tables-'));
    process.once('exit', () => rmSync(dbPath, { recursive: true, force: true }));
    cpSync(demoTables, dbPath, { recursive: true });
    return startDynamoDbLocal({ port: await freePort(), dbPath, outlivesShutdown: true });
  })();
  const { endpoint } = await workerDynamo;
  tablesMade += 1;
  const tableName = `ordo-e2e-${tablesMade}`;
  await copyTable(endpoint, LOCAL_TABLE, tableName);
  onShutdown(() => deleteTable(endpoint, tableName), 'test table');
  return { endpoint, tableName };
}

/** Stops the file's stack; the sessions its provider issued go with it. */
export async function stopTestStack(): Promise<void> {
  sessions.clear();
  await shutdown();
}

/**
 * Screenshots of the steps are kept only when asked (`ORDO_SCREENSHOTS=all`, or `docs` to refresh the
 * README's): a full-page PNG costs a few hundred milliseconds of CPU, over a minute across the browser
 * tests on two cores. A failed test always keeps its pages' (`screenshotsOnFailure`).
 */
const keepScreenshots = ['all', 'docs'].includes(process.env.ORDO_SCREENSHOTS ?? '');

export async function screenshot(page: Page, name: string): Promise<void> {
  if (keepScreenshots) await capture(page, name);
}

async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** When a test of this file fails, every page open in its browser goes to `failed-<prefix>-<test>-<i>.png`. */
export function screenshotsOnFailure(browser: () => Browser | undefined, prefix: string): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const slug = task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
      const pages =
        browser()
          ?.contexts()
          .flatMap((c) => c.pages()) ?? [];
      await Promise.all(pages.map((p, i) => capture(p, `failed-${prefix}-${slug}-${i}`).catch(() => undefined)));
    });
  });
}

/** The demo person's button on the local provider's sign-in page (its name starts with theirs). */
export function personButton(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('list', { name: 'People' }).getByRole('button', { name: new RegExp(`^${escaped}\\b`) });
}

/**
 * Signs `name` in on this browser profile. The first time in a stack, through the provider's own
 * page, as in production: whoever was signed in before is forgotten first, in the portal and at the
 * provider, so the provider asks who it is. Later, in a fresh profile or for another person, the
 * portal is handed the session that sign-in stored (`sessions`), as a second tab of the same person
 * finds it: the provider's round trip costs three page loads, a third of the browser tests' time.
 */
export async function signIn(page: Page, baseUrl: string, name: string): Promise<void> {
  const key = `${baseUrl} ${name}`;
  const kept = sessions.get(key);
  if (kept && kept.expiresAt - Date.now() > SESSION_REUSE_MARGIN_MS) await resumeSession(page, baseUrl, kept.stored);
  else await signInAtProvider(page, baseUrl, name);
  await page.getByTestId('current-user').filter({ hasText: name }).waitFor();
  if (!kept) sessions.set(key, await storedSession(page));
}

async function signInAtProvider(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/sign-in`);
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('ordo.oidc.')) localStorage.removeItem(key);
  });
  // The page's one button, whatever the portal's language.
  await page.getByRole('main').getByRole('button').click();
  await personButton(page, name).click();
}

/**
 * Sessions the running stack's provider issued, by portal address and person: what the portal stored
 * (its `ordo.oidc.` keys) and when the access token runs out. Forgotten when the stack stops, since a
 * later stack may get the same port.
 */
const sessions = new Map<string, { stored: Record<string, string>; expiresAt: number }>();

/**
 * A kept session is handed on only while its access token has minutes left: the portal renews a minute
 * before the end, and two profiles renewing one rotating refresh token would end each other's session.
 * Tests that shorten the tokens' lifetime therefore always go through the provider.
 */
const SESSION_REUSE_MARGIN_MS = 7 * 60_000;

async function storedSession(page: Page): Promise<{ stored: Record<string, string>; expiresAt: number }> {
  const stored = await page.evaluate(() =>
    Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('ordo.oidc.user:'))),
  );
  const expiresAt = Math.min(
    ...Object.values(stored).map((user) => Number((JSON.parse(user) as { expires_at?: number }).expires_at) * 1000),
  );
  return { stored, expiresAt: Number.isFinite(expiresAt) ? expiresAt : 0 };
}

/** Puts a kept session where the portal keeps it, from an empty page of its origin, then opens the portal. */
async function resumeSession(page: Page, baseUrl: string, stored: Record<string, string>): Promise<void> {
  await page.context().clearCookies();
  const blank = `${baseUrl}/e2e-blank`;
  const fulfil = (route: Route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>-</title>' });
  await page.route(blank, fulfil);
  await page.goto(blank);
  await page.unroute(blank, fulfil);
  await page.evaluate((session) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('ordo.oidc.')) localStorage.removeItem(key);
    for (const [key, value] of Object.entries(session)) localStorage.setItem(key, value);
  }, stored);
  await page.goto(`${baseUrl}/`);
}

/** A phone screen: 390 px wide, as most current phones in portrait. */
export const phoneViewport = { width: 390, height: 844 } as const;
export const desktopViewport = { width: 1280, height: 900 } as const;

/** A fresh browser profile (own storage, so its own session), signed in as `name` unless omitted. */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  name: string | undefined,
  viewport: { width: number; height: number } = desktopViewport,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await countRequests(context);
  const page = await context.newPage();
  if (name) await signIn(page, baseUrl, name);
  return page;
}

/** Makes the context's pages count the portal's requests under way, for `settled`. */
export async function countRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { ordoRequests: number };
    w.ordoRequests = 0;
    const send = window.fetch.bind(window);
    window.fetch = (...args: Parameters<typeof fetch>) => {
      w.ordoRequests += 1;
      return send(...args).finally(() => {
        w.ordoRequests -= 1;
      });
    };
  });
}

/**
 * Waits until the page has nothing left to show: no request of the portal under way and no
 * "Loading…" (the one loading primitive's mark), for three checks in a row. It replaces Playwright's
 * `networkidle`, which always waits half a second after the last request.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { ordoRequests?: number; ordoQuiet?: number };
      const quiet = (w.ordoRequests ?? 0) === 0 && document.querySelector('.loading') === null;
      w.ordoQuiet = quiet ? (w.ordoQuiet ?? 0) + 1 : 0;
      return w.ordoQuiet >= 3;
    },
    undefined,
    { polling: 50, timeout: 15_000 },
  );
}

/**
 * Opens `path` inside the portal already loaded in `page`, as a link does: the router shows the
 * route without loading the page again (and axe, once injected, stays). The caller waits for it to
 * settle, as after a `goto`: the quiet count starts again here.
 */
export async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    (window as unknown as { ordoQuiet?: number }).ordoQuiet = 0;
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((to) => location.pathname === to, path);
}

// axe-core as @axe-core/playwright ships it, so both always run the same rules.
const requireHere = createRequire(import.meta.url);
const axeSource = readFileSync(
  createRequire(requireHere.resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe's findings on the page as it is now, all rules or only `rules`. axe runs inside the page itself:
 * @axe-core/playwright's builder checks each frame and assembles the results in a second page, which
 * takes five to ten times as long on pages without frames, as the portal's are.
 */
export async function axeFindings(page: Page, rules?: readonly string[]): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    (only) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(
        document,
        only ? { runOnly: { type: 'rule', values: only } } : {},
      ),
    rules ? [...rules] : null,
  );
}

/** axe's serious and critical findings on the page as it is now (all rules or only `rules`). */
export async function seriousFindings(page: Page, rules?: readonly string[]): Promise<Result[]> {
  const { violations } = await axeFindings(page, rules);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A finding as a failed expectation shows it: the rule and where. */
export const findingAt = (v: Result) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
