/**
 * Form rules in the portal: the purchase order says when it needs approval, on the service page and
 * live on the form as the amount is typed; a contract ending before it starts is refused in the
 * browser with the other field named; the head finds the approval condition in the service editor.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, screenshot, signIn, startTestStack, stopTestStack } from './browser.ts';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

describe('form rules in the portal', () => {
  it('the order form says whether this purchase order will need approval, as the amount is typed', async () => {
    await signIn(page, stack.appUrl, 'Anna Kowalska');
    await page.goto(`${stack.appUrl}/services/fin-purchase`);
    await page.getByRole('heading', { name: 'Purchase order' }).waitFor();
    expect(await page.getByTestId('service-approval').innerText()).toBe(
      'Needs approval by the department head when “Amount (EUR)” is above 10,000; other orders go straight to the team',
    );

    const note = page.getByTestId('approval-note');
    await page.getByLabel(/Amount \(EUR\)/).fill('1200');
    await expect
      .poll(() => note.innerText())
      .toBe('No approval needed for this order (it is needed when “Amount (EUR)” is above 10,000).');
    await page.getByLabel(/Amount \(EUR\)/).fill('12000');
    await expect
      .poll(() => note.innerText())
      .toBe('This order will need approval by the department head before work starts.');
    await screenshot(page, 'order-form-approval');
  });

  it('a contract that ends before it starts is refused in the browser, naming the start date', async () => {
    await page.goto(`${stack.appUrl}/services/hr-onboarding`);
    await page.getByRole('heading', { name: 'Onboard a new employee' }).waitFor();
    await page.getByLabel(/Full name of the new hire/).fill('Jan Zieliński');
    await page.getByLabel(/Start date/).fill('2030-03-01');
    await page.getByLabel(/Contract type/).selectOption('Fixed-term');
    await page.getByLabel(/Manager's email/).fill('marta@example.com');
    // The rule is said beside the field, and the date picker starts at the start date.
    await expect.poll(() => page.getByText('On or after “Start date”.').count()).toBe(1);
    expect(await page.getByLabel(/Contract end date/).getAttribute('min')).toBe('2030-03-01');
    await page.getByLabel(/Contract end date/).fill('2030-02-28');
    await page.getByRole('button', { name: 'Submit order' }).click();
    await expect.poll(() => page.getByText('Must be on or after Start date.').count()).toBeGreaterThan(0);
    expect(await page.getByLabel(/Contract end date/).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'order-form-date-rule');

    await page.getByLabel(/Contract end date/).fill('2031-02-28');
    await expect.poll(() => page.getByText('Must be on or after Start date.').count()).toBe(0);
  });

  it('the head finds the approval condition in the service editor', async () => {
    await signIn(page, stack.appUrl, 'Frank Moreau');
    await page.goto(`${stack.appUrl}/services/fin-purchase/edit`);
    await page.getByRole('heading', { name: /Edit “Purchase order”/ }).waitFor();
    expect(await page.getByLabel('Needs approval only when').inputValue()).toBe('amount');
    expect(await page.getByLabel('Compared how').inputValue()).toBe('above');
    expect(await page.getByLabel('Number', { exact: true }).inputValue()).toBe('10000');
    expect(await page.getByLabel('Order title').inputValue()).toBe('{supplier}, {amount} EUR');
    await screenshot(page, 'editor-approval-condition');
  });

  it('the head types the time standard as people say it, and nonsense is refused by the box', async () => {
    // Still in the purchase order's editor: Finance works 8-hour days.
    const done = page.getByLabel('Done within');
    const words = page.getByTestId('edit-standard-resolutionMinutes-words');
    await done.fill('2 working days');
    await expect.poll(() => words.innerText()).toBe('= 2 working days');
    await done.fill('20 h');
    await expect.poll(() => words.innerText()).toBe('= 2 working days 4 h');
    await done.fill('soon');
    await expect
      .poll(() => page.getByText('Type a number with its unit, e.g. 2 working days, 4 h or 30 min.').count())
      .toBeGreaterThan(0);
    expect(await done.getAttribute('aria-invalid')).toBe('true');
    expect(await words.count()).toBe(0);
    await done.fill('90 min');
    await expect.poll(() => words.innerText()).toBe('= 1 h 30 min');
    expect(await done.getAttribute('aria-invalid')).not.toBe('true');
    await screenshot(page, 'editor-standard-in-words');
  });
});
