/**
 * The person picker wherever a person is chosen: filing on a colleague's behalf, adding a watcher,
 * a service's "Also tell" list. It is a combobox: typing a name or an email lists the people found
 * with their department, arrow keys and Enter choose, and the chosen person is shown by name.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, phoneViewport, startTestStack, stopTestStack } from './browser.ts';
import { expectAccessible, openOrder } from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;
let url: string;

beforeAll(async () => {
  stack = await startTestStack();
  url = stack.appUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

/** The list of people a picker shows while open. */
const listOf = (page: Page, label: string | RegExp) => page.getByRole('listbox', { name: label });

describe('the person picker', () => {
  let anna: Page;
  let number = '';

  beforeAll(async () => {
    anna = await openAs(browser, url, 'Anna Kowalska');
  });

  it('Anna files an order for Carl, found by part of his name and chosen with the keyboard', async () => {
    await anna.goto(`${url}/services/hr-certificate`);
    await anna.getByLabel(/What it is for/).selectOption('Bank');
    const box = anna.getByRole('combobox', { name: 'On behalf of a colleague' });
    await box.pressSequentially('jens');
    const list = listOf(anna, 'On behalf of a colleague');
    const carl = list.getByRole('option', { name: /Carl Jensen/ });
    await carl.waitFor();
    // Each person with their email and department, so two of the same name can be told apart.
    expect(await carl.innerText()).toMatch(/carl\.jensen@example\.com · Marketing/);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await carl.getAttribute('id'));
    await expectAccessible(anna, 'person picker open');
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Carl Jensen');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    // The chosen person's email and department stay under the box, and describe it.
    const chosen = anna.locator('#order-on-behalf-chosen');
    expect(await chosen.innerText()).toBe('carl.jensen@example.com · Marketing');
    expect(await box.getAttribute('aria-describedby')).toContain('order-on-behalf-chosen');
    await anna.getByRole('button', { name: 'Submit order' }).click();
    await anna.getByTestId('order-number').waitFor();
    number = (await anna.getByTestId('order-number').innerText()).trim();
    await anna.getByText('Carl Jensen').first().waitFor();
  });

  it('ignores accents and case, and Escape closes the list, then clears the box', async () => {
    await anna.goto(`${url}/services/hr-certificate`);
    const box = anna.getByRole('combobox', { name: 'On behalf of a colleague' });
    await box.pressSequentially('DABROW');
    await listOf(anna, 'On behalf of a colleague')
      .getByRole('option', { name: /Dąbrowski/ })
      .waitFor();
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    await box.pressSequentially('zzzzq');
    await anna.getByText('No one found for “zzzzq”.', { exact: false }).waitFor();
  });

  it('Henry adds a watcher to the order by name; the watcher is shown by name', async () => {
    const henry = await openAs(browser, url, 'Henry Ortiz');
    await openOrder(henry, url, number);
    const box = henry.getByRole('combobox', { name: 'Add a watcher' });
    await box.pressSequentially('ben car');
    const ben = listOf(henry, 'Add a watcher').getByRole('option', { name: /Ben Carter/ });
    await ben.waitFor();
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Ben Carter');
    await henry.getByRole('button', { name: 'Add watcher' }).click();
    await henry.getByRole('list', { name: 'Watchers' }).getByText('Ben Carter').waitFor();
    expect(await box.inputValue()).toBe('');
  });

  it('in the service editor, "Also tell" takes people by name and lists them by name', async () => {
    const henry = await openAs(browser, url, 'Henry Ortiz', phoneViewport);
    await henry.goto(`${url}/services/hr-certificate/edit`);
    const box = henry.getByRole('combobox', { name: /Also tell/ });
    await box.pressSequentially('kowalska');
    await listOf(henry, /Also tell/)
      .getByRole('option', { name: /Anna Kowalska/ })
      .click();
    const region = henry.getByRole('region', { name: /Also tell/ });
    await region.getByRole('button', { name: 'Remove Anna Kowalska' }).waitFor();
    expect(await box.inputValue()).toBe('');
    // The process owner is a person picker too, showing the owner by name.
    const owner = henry.getByRole('combobox', { name: /Process owner/ });
    expect(await owner.inputValue()).not.toBe('');
  });
});
