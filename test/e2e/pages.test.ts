/**
 * Every page of the portal, as the person who would use it: axe finds no serious or critical
 * problems, and the pages employees use on the go fit a 390 px phone screen without sideways scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  launchBrowser,
  openAs,
  phoneViewport,
  screenshot,
  seriousFindings,
  settled,
  startTestStack,
  stopTestStack,
  visit,
} from './browser.ts';
import { PAGES } from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;
let number = '';

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  const anna = (await stack.deps.users.get('anna'))!;
  const view: OrderView = await stack.deps.orderWorkflow.create(anna, {
    serviceId: 'hr-onboarding',
    answers: {
      fullName: 'Page Check',
      startDate: '2027-01-11',
      contractType: 'Permanent',
      managerEmail: 'm@example.com',
    },
  });
  number = view.order.number;
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

/**
 * Opens `path` (loading the portal, or `inside` the one loaded, as its links do), waits for the page's
 * main heading, then runs axe and returns the serious and critical rule ids.
 */
async function seriousProblems(page: Page, path: string, rules?: string[], inside = false): Promise<string[]> {
  if (inside) await visit(page, path);
  else await page.goto(`${stack.appUrl}${path}`);
  // Every page names itself with one main heading.
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
  await settled(page);
  return (await seriousFindings(page, rules)).map((v) => `${v.id}: ${v.help}`);
}

describe('accessibility of every page', () => {
  for (const group of PAGES) {
    it(`has no serious or critical axe findings for ${group.who ?? 'someone signed out'}`, async () => {
      const page = await openAs(browser, stack.appUrl, group.who);
      const found: Record<string, string[]> = {};
      for (const [i, path] of group.paths(number).entries()) {
        // Signed out, each page loads on its own, as from an emailed link; signed in, the first loads
        // the portal and the others are reached inside it.
        const problems = await seriousProblems(page, path, undefined, i > 0 && group.who !== undefined);
        if (problems.length) found[path] = problems;
      }
      expect(found).toEqual({});
      await page.context().close();
    });
  }
});

describe('dark mode', () => {
  it('keeps every colour pair readable on the pages each role uses most', async () => {
    const found: Record<string, string[]> = {};
    const rounds: Array<[string, string[]]> = [
      ['Anna Kowalska', ['/', '/services/hr-onboarding', '/orders', `/orders/${number}`]],
      ['Hana Nowak', ['/queue/HR', `/orders/${number}`]],
      ['Henry Ortiz', ['/services/hr-onboarding/edit', '/departments/HR/goals', '/departments/HR/dashboard']],
    ];
    for (const [who, paths] of rounds) {
      const page = await openAs(browser, stack.appUrl, who);
      await page.emulateMedia({ colorScheme: 'dark' });
      for (const [i, path] of paths.entries()) {
        // The light pages had every rule above; only the colours differ in the dark.
        const problems = await seriousProblems(page, path, ['color-contrast', 'link-in-text-block'], i > 0);
        if (problems.length) found[`${who} ${path}`] = problems;
      }
      // The dark palette is really in use, not the light one.
      const canvas = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(canvas).toBe('rgb(13, 17, 23)');
      if (who === 'Henry Ortiz') await screenshot(page, 'dark-dashboard');
      await page.context().close();
    }
    expect(found).toEqual({});
  });
});

describe('phone screens (390 px)', () => {
  it('catalog, order form, my orders and the order page fit without sideways scrolling', async () => {
    const page = await openAs(browser, stack.appUrl, 'Anna Kowalska', phoneViewport);
    const overflow: Record<string, number> = {};
    for (const path of ['/', '/services/hr-onboarding', '/services/fin-expenses', '/orders', `/orders/${number}`]) {
      await page.goto(`${stack.appUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await settled(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) overflow[path] = width;
    }
    await screenshot(page, 'phone-order-page');
    expect(overflow).toEqual({});
    await page.context().close();
  });
});

describe('the first page of a load', () => {
  /**
   * Loads `path` with sign-in's profile request held until the page's own data has been asked for
   * (or 10 s have passed): the two requests overlap, so the page waits for one round trip, not two.
   * Answers whether the data was asked for while the profile was held, and how often in all.
   */
  async function loadWithProfileHeld(page: Page, path: string, data: RegExp) {
    const asked: string[] = [];
    let askedForData: () => void = () => {};
    const dataAsked = new Promise<void>((resolve) => {
      askedForData = resolve;
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && data.test(url.pathname)) {
        asked.push(url.pathname);
        askedForData();
      }
    });
    let whileHeld = false;
    await page.route('**/api/v1/me/sign-in', async (route) => {
      whileHeld = await Promise.race([
        dataAsked.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      await route.continue();
    });
    await page.goto(`${stack.appUrl}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await settled(page);
    await page.unrouteAll();
    return { whileHeld, asked };
  }

  it('asks for the catalog while sign-in reads the profile, and only once', async () => {
    const page = await openAs(browser, stack.appUrl, 'Anna Kowalska');
    const { whileHeld, asked } = await loadWithProfileHeld(page, '/', /^\/api\/v1\/(catalog|departments)$/);
    expect(whileHeld).toBe(true);
    expect(asked.sort()).toEqual(['/api/v1/catalog', '/api/v1/departments']);
    expect(await page.locator('.cards .card').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("asks for an agent's queue while sign-in reads the profile, and only once", async () => {
    const page = await openAs(browser, stack.appUrl, 'Hana Nowak');
    const { whileHeld, asked } = await loadWithProfileHeld(page, '/queue/HR', /^\/api\/v1\/departments\/HR\/queue$/);
    expect(whileHeld).toBe(true);
    expect(asked).toEqual(['/api/v1/departments/HR/queue']);
    await page.getByText(number).first().waitFor();
    await page.context().close();
  });

  it("asks for an emailed link's order while sign-in reads the profile, and only once", async () => {
    const page = await openAs(browser, stack.appUrl, 'Anna Kowalska');
    const { whileHeld, asked } = await loadWithProfileHeld(page, `/orders/${number}`, /^\/api\/v1\/orders\/[^/]+$/);
    expect(whileHeld).toBe(true);
    expect(asked).toEqual([`/api/v1/orders/${number}`]);
    await page.getByTestId('order-number').filter({ hasText: number }).waitFor();
    await page.context().close();
  });
});
