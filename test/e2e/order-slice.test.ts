import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMailbox } from '../../scripts/local/ses.ts';
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

describe('the order slice in the portal', () => {
  let number = '';

  it('an employee finds the service, files an order and sees its number', async () => {
    await signIn(page, stack.appUrl, 'Anna Kowalska');
    await page.getByLabel('Search services').fill('onboard');
    await page.getByRole('link', { name: 'Onboard a new employee' }).first().click();
    await page.getByRole('heading', { name: 'Onboard a new employee' }).waitFor();
    await screenshot(page, 'service-page');

    await page.getByLabel(/Full name of the new hire/).fill('Jan Zieliński');
    await page.getByLabel(/Start date/).fill('2027-01-11');
    await page.getByLabel(/Contract type/).selectOption('Fixed-term');
    // Conditional field appears only for fixed-term contracts; leaving it empty is refused in the browser.
    await page.getByLabel(/Manager's email/).fill('marta@example.com');
    await page.getByRole('button', { name: 'Submit order' }).click();
    // The refusal is the field's: marked invalid, its code worded beside it.
    await expect.poll(() => page.getByLabel(/Contract end date/).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByText('Required.').count()).toBeGreaterThan(0);
    await page.getByLabel(/Contract end date/).fill('2027-12-31');
    await page.getByRole('button', { name: 'Submit order' }).click();

    await page.getByTestId('order-number').waitFor();
    number = (await page.getByTestId('order-number').innerText()).trim();
    expect(number).toMatch(/^HR-\d{4}$/);
    expect(await page.getByTestId('order-status').innerText()).toMatch(/open/i);
    await screenshot(page, 'order-filed');
  });

  it('an HR agent claims it from the queue, ticks the deliverables and resolves it', async () => {
    await signIn(page, stack.appUrl, 'Hana Nowak');
    await page.getByRole('link', { name: 'Queue HR' }).click();
    await page.getByRole('link', { name: number }).waitFor();
    await screenshot(page, 'queue');
    await page.getByRole('link', { name: number }).click();
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect.poll(() => page.getByTestId('order-status').innerText()).toMatch(/in progress/i);

    // The first is ticked without a note, the second with one.
    const notes: Record<string, string> = {
      'Employee record created': '',
      'Registered in payroll': 'Payroll no. 4711',
    };
    for (const [label, note] of Object.entries(notes)) {
      if (note) await page.getByRole('textbox', { name: `Note on “${label}”` }).fill(note);
      const box = page.getByRole('checkbox', { name: label });
      await box.check();
      await expect.poll(() => box.isChecked()).toBe(true);
      await expect.poll(() => page.getByTestId('timeline').innerText()).toContain(label);
    }
    // Ticked, neither keeps a note box (the unticked one still has its own); the note given shows
    // as text under its deliverable.
    const checklist = page.getByTestId('deliverables-checklist');
    const noteBox = (label: string) => checklist.getByRole('textbox', { name: `Note on “${label}”` });
    expect(await noteBox('Employee record created').count()).toBe(0);
    expect(await noteBox('Registered in payroll').count()).toBe(0);
    expect(await noteBox('Welcome pack sent to the new hire').count()).toBe(1);
    await checklist.locator('li').filter({ hasText: 'Registered in payroll' }).getByText('Payroll no. 4711').waitFor();
    expect(await checklist.locator('li').filter({ hasText: 'Employee record created' }).locator('.prose').count()).toBe(
      0,
    );
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => page.getByTestId('order-status').innerText()).toMatch(/resolved/i);
    await screenshot(page, 'order-resolved');
  });

  it('the requester sees the resolved order with its timeline, and both emails arrived', async () => {
    await signIn(page, stack.appUrl, 'Anna Kowalska');
    await page.getByRole('link', { name: 'My orders' }).click();
    await page.getByRole('link', { name: number }).click();
    await expect.poll(() => page.getByTestId('order-status').innerText()).toMatch(/resolved/i);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toMatch(/Order filed/);
    expect(timeline).toMatch(/Claimed/);
    expect(timeline).toMatch(/Resolved/);

    await expect
      .poll(
        async () => (await readMailbox(stack.sesEndpoint)).map((m) => m.subject).filter((s) => s.includes(number)),
        {
          timeout: 10_000,
        },
      )
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^We received your order/), expect.stringMatching(/^Done:/)]),
      );
  });
});
