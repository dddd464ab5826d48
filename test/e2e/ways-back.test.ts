/**
 * Ways back: a page that is not there or not for the reader leads on (the catalog, my orders) rather
 * than only offering to try again; the catalog's search survives Back; and after moving to another
 * page the focus is on its heading, not left on the body or the link that was followed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, startTestStack, stopTestStack } from './browser.ts';

let stack: Stack;
let browser: Browser;
let url: string;
let anna: Page;

beforeAll(async () => {
  stack = await startTestStack();
  url = stack.appUrl;
  browser = await launchBrowser();
  anna = await openAs(browser, url, 'Anna Kowalska');
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

const main = (page: Page) => page.getByRole('main');

/** What has the focus: its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? '',
    text: (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '',
  }));

async function expectWaysBack(page: Page) {
  await main(page).getByRole('link', { name: 'Go to the catalog' }).waitFor();
  await main(page).getByRole('link', { name: 'Go to my orders' }).waitFor();
}

describe('ways back', () => {
  it('an order that does not exist leads to the catalog and my orders, with nothing to try again', async () => {
    await anna.goto(`${url}/orders/HR-999999`);
    await expectWaysBack(anna);
    expect(await main(anna).getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await main(anna).getByRole('link', { name: 'Go to my orders' }).click();
    await anna.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
  });

  it('a page that does not exist, and administration for someone else, lead to both as well', async () => {
    await anna.goto(`${url}/nowhere`);
    await anna.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectWaysBack(anna);
    await anna.goto(`${url}/admin`);
    await anna.getByRole('heading', { level: 1, name: 'This page is for administrators' }).waitFor();
    await expectWaysBack(anna);
  });

  it('the catalog keeps its search in the address, so Back finds the list as it was left', async () => {
    await anna.goto(url);
    await anna.getByLabel('Search services').fill('certificate');
    await expect.poll(() => new URL(anna.url()).searchParams.get('q')).toBe('certificate');
    await anna.getByRole('link', { name: 'Employment certificate', exact: true }).first().click();
    await anna.getByRole('heading', { level: 1, name: 'Employment certificate' }).waitFor();
    await anna.goBack();
    await anna.getByRole('heading', { level: 1, name: 'Service catalog' }).waitFor();
    expect(await anna.getByLabel('Search services').inputValue()).toBe('certificate');
    // The list is read again after Back; wait for it rather than count what is there this instant.
    await expect.poll(() => anna.getByText('1 service').count()).toBeGreaterThan(0);
  });

  it('after moving to another page, the focus is on its heading', async () => {
    await anna.goto(url);
    await anna.getByRole('heading', { level: 1, name: 'Service catalog' }).waitFor();
    await anna.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).click();
    await anna.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    await expect.poll(() => focused(anna)).toEqual({ tag: 'H1', text: 'My orders' });
    // A link inside the page as well: the new page's heading, not the body.
    await anna.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
    await anna.getByRole('link', { name: 'Employment certificate', exact: true }).first().click();
    await expect.poll(() => focused(anna)).toEqual({ tag: 'H1', text: 'Employment certificate' });
  });
});
