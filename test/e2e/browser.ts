/**
 * Headless Chromium (Debian's package) driven by playwright-core, plus the full local stack on free
 * ports. People sign in as they do in production: the portal sends them to the OpenID provider (the
 * local one, with the demo people as its accounts), they choose themselves there, and come back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort } from '../../scripts/local/ports.ts';
import { shutdown } from '../../scripts/local/processes.ts';
import { root, type Stack, type StackOptions, startStack } from '../../scripts/stack.ts';

export const artifactsDir = join(root, 'test-results', 'e2e');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
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

/** Free ports for every piece of the stack. */
export async function testPorts(): Promise<StackOptions['ports']> {
  const [app, dynamo, ses, s3, oidc] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  return { app, dynamo, ses, s3, oidc };
}

/**
 * The whole stack for one test file, with a DynamoDB Local of its own: files that file weeks of
 * history (`history: true`, as `npm start` does) at the same time would queue behind each other's
 * writes in one shared emulator. */
export async function startTestStack(
  opts: Pick<StackOptions, 'oidcTtl' | 'history' | 'apiEnv' | 'mailEveryMs'> = {},
): Promise<Stack> {
  return startStack({
    ports: await testPorts(),
    mailEveryMs: 200,
    logLevel: 'error',
    ...opts,
    // Two cores run several stacks and browsers at once: the product's 1 s per storage attempt is
    // meant for DynamoDB, not for an emulator sharing a loaded machine.
    apiEnv: { STORAGE_ATTEMPT_MS: '5000', ...opts.apiEnv },
  });
}

export const stopTestStack = shutdown;

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** The demo person's button on the local provider's sign-in page (its name starts with theirs). */
export function personButton(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('list', { name: 'People' }).getByRole('button', { name: new RegExp(`^${escaped}\\b`) });
}

/**
 * Signs `name` in on this browser profile through the provider's own page. Whoever was signed in
 * before is forgotten first, in the portal and at the provider, so the provider asks who it is.
 */
export async function signIn(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/sign-in`);
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('ordo.oidc.')) localStorage.removeItem(key);
  });
  // The page's one button, whatever the portal's language.
  await page.getByRole('main').getByRole('button').click();
  await personButton(page, name).click();
  await page.getByTestId('current-user').filter({ hasText: name }).waitFor();
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
  const page = await context.newPage();
  if (name) await signIn(page, baseUrl, name);
  return page;
}
