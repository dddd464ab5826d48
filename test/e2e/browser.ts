/**
 * Headless Chromium (Debian's package) driven by playwright-core, plus the full local stack on free ports.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort } from '../../scripts/local/ports.ts';
import { shutdown } from '../../scripts/local/processes.ts';
import { root, type Stack, startStack } from '../../scripts/stack.ts';

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

export async function startTestStack(): Promise<Stack> {
  const [app, dynamo, ses, s3] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  return startStack({ ports: { app, dynamo, ses, s3 }, mailEveryMs: 200, logLevel: 'error' });
}

export const stopTestStack = shutdown;

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
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
