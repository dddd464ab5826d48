/**
 * Order search in the portal: the team types in the queue's search box and finds an order by a word
 * of its answers (unfinished, without accents), with the count read out; the requester finds it in
 * My orders; another department's agent never does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, screenshot, startTestStack, stopTestStack } from './browser.ts';
import { fileOrder } from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;
let anna: Page;
let hana: Page;
let number: string;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  anna = await openAs(browser, stack.appUrl, 'Anna Kowalska');
  hana = await openAs(browser, stack.appUrl, 'Hana Nowak');
  number = await fileOrder(anna, 'onboard', 'Onboard a new employee', [
    { label: 'Full name of the new hire', fill: 'Żaneta Kwiatkowska-Źdźbło' },
    { label: 'Start date', fill: '2027-01-11' },
    { label: 'Contract type', select: 'Permanent' },
    { label: "Manager's email", fill: 'marta@example.com' },
  ]);
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

const status = (page: Page) => page.getByTestId('search-status').innerText();

describe('order search', () => {
  it('finds the order in the queue as the agent types a word of it, and says how many', async () => {
    await hana.goto(`${stack.appUrl}/queue/HR`);
    await hana.getByRole('heading', { level: 1, name: 'Queue HR' }).waitFor();
    const box = hana.getByRole('searchbox', { name: 'Search orders' });
    await box.pressSequentially('zdzbl', { delay: 40 });
    const row = hana
      .locator('tr[data-queue-row]')
      .filter({ has: hana.getByRole('link', { name: number, exact: true }) });
    await row.waitFor();
    await expect.poll(() => status(hana)).toBe('1 order matches.');
    expect(await hana.locator('tr[data-queue-row]').count()).toBe(1);
    await screenshot(hana, 'search-queue');

    // Another word: the order is gone from the results, and the page says so.
    await box.fill('zdzbl nosuchword');
    await expect.poll(() => status(hana)).toBe('No order matches.');
    expect(await hana.locator('tr[data-queue-row]').count()).toBe(0);

    // An empty box brings the queue back, under its own caption.
    await box.fill('');
    await hana.getByRole('table', { name: 'Active orders, the most urgent due first' }).waitFor();
    await row.waitFor();
    expect(await status(hana)).toBe('');
  });

  it('finds it in My orders by its number, and an agent of another department cannot search HR', async () => {
    await anna.goto(`${stack.appUrl}/orders`);
    await anna.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    await anna.getByRole('searchbox', { name: 'Search orders' }).fill(number.toLowerCase());
    await expect.poll(() => status(anna)).toBe('1 order matches.');
    await anna.getByRole('table', { name: 'Orders found, newest first' }).getByRole('link', { name: number }).waitFor();

    const ivan = await openAs(browser, stack.appUrl, 'Ivan Petrov');
    await ivan.goto(`${stack.appUrl}/orders`);
    await ivan.getByRole('searchbox', { name: 'Search orders' }).fill('kwiatkowska');
    await expect.poll(() => status(ivan)).toBe('No order matches.');
  });
});
