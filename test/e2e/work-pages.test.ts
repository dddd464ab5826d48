/**
 * The work pages as a demanding service-desk user expects them: the queue, the order page and
 * "My orders" tick with the clock and read themselves again, name people, sort and filter from the
 * address, work many orders at once, fit a phone, and never fail in silence.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  launchBrowser,
  openAs,
  phoneViewport,
  screenshot,
  signIn,
  startTestStack,
  stopTestStack,
} from './browser.ts';
import { fileOrder, openOrder } from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;
let anna: Page;
let hana: Page;
const filed: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  anna = await openAs(browser, stack.appUrl, 'Anna Kowalska');
  hana = await openAs(browser, stack.appUrl, 'Hana Nowak');
  for (const name of ['Jan Zieliński', 'Ewa Lis', 'Piotr Nowak']) {
    filed.push(
      await fileOrder(anna, 'onboard', 'Onboard a new employee', [
        { label: 'Full name of the new hire', fill: name },
        { label: 'Start date', fill: '2027-01-11' },
        { label: 'Contract type', select: 'Permanent' },
        { label: "Manager's email", fill: 'marta@example.com' },
      ]),
    );
  }
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

function rowOf(page: Page, number: string) {
  return page.locator('tr[data-queue-row]').filter({ has: page.getByRole('link', { name: number, exact: true }) });
}

async function openQueue(page: Page, search = '') {
  await page.goto(`${stack.appUrl}/queue/HR${search}`);
  await page.getByRole('heading', { level: 1, name: 'Queue HR' }).waitFor();
  await rowOf(page, filed[0] ?? '').waitFor();
}

describe('the queue', () => {
  it('claims and assigns many orders at once, naming people (not ids) at once and after', async () => {
    const [first, second] = filed as [string, string];
    await openQueue(hana);
    await rowOf(hana, first).getByRole('checkbox').check();
    await rowOf(hana, second).getByRole('checkbox').check();
    await expect.poll(() => hana.getByText('2 orders selected').count()).toBe(1);
    await hana.getByRole('button', { name: 'Claim selected' }).click();
    await expect.poll(() => hana.getByText('You claimed 2 orders.').count()).toBe(1);
    for (const number of [first, second]) {
      await expect.poll(() => rowOf(hana, number).getByTestId('queue-assignee').innerText()).toBe('Hana Nowak');
    }

    await rowOf(hana, second).getByRole('checkbox').check();
    await hana.getByLabel('Assign to').selectOption({ label: 'Olivia Grant' });
    await hana.getByRole('button', { name: 'Assign selected' }).click();
    await expect.poll(() => hana.getByText('1 order assigned to Olivia Grant.').count()).toBe(1);
    await expect.poll(() => rowOf(hana, second).getByTestId('queue-assignee').innerText()).toBe('Olivia Grant');

    // Read fresh from the API: every assignee is a name, never an id like "olivia".
    await openQueue(hana);
    const assignees = await hana.getByTestId('queue-assignee').allInnerTexts();
    expect(assignees.length).toBeGreaterThan(2);
    for (const name of assignees) expect(name).not.toMatch(/^[a-z]+$/);
    expect(await rowOf(hana, second).getByTestId('queue-assignee').innerText()).toBe('Olivia Grant');
  });

  it('sorts by its columns and keeps filters and sort in the address, so Back restores them', async () => {
    await openQueue(hana);
    const priorityHead = hana.getByRole('columnheader', { name: /Priority/ });
    await priorityHead.getByRole('button').click();
    await expect.poll(() => new URL(hana.url()).searchParams.get('sort')).toBe('priority');
    expect(await priorityHead.getAttribute('aria-sort')).toBe('ascending');
    await priorityHead.getByRole('button').click();
    await expect.poll(() => new URL(hana.url()).searchParams.get('dir')).toBe('desc');
    expect(await priorityHead.getAttribute('aria-sort')).toBe('descending');

    await hana.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await expect.poll(() => new URL(hana.url()).searchParams.get('status')).toBe('in_progress');
    const statuses = await hana.locator('tr[data-queue-row] .q-status').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(s).toMatch(/in progress/i);

    await hana.goBack();
    await expect.poll(() => new URL(hana.url()).searchParams.get('status')).toBeNull();
    expect(await hana.getByLabel('Status', { exact: true }).inputValue()).toBe('');
    expect(await hana.getByLabel('Sort by').inputValue()).toBe('priority');
    expect(await hana.getByLabel('Order', { exact: true }).inputValue()).toBe('desc');
    await hana.goBack();
    await expect.poll(() => new URL(hana.url()).searchParams.get('dir')).toBeNull();
    expect(await priorityHead.getAttribute('aria-sort')).toBe('ascending');

    // A link with the view in it opens the same view.
    await openQueue(hana, '?sort=age&dir=desc');
    expect(await hana.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('reads itself again when the tab comes back, keeping filters, selection and focus', async () => {
    const [first, second] = filed as [string, string];
    await hana.goto(`${stack.appUrl}/queue/HR?status=in_progress`);
    await rowOf(hana, first).waitFor();
    // x selects the chosen order, as the shortcuts say.
    await rowOf(hana, first).getByRole('link', { name: first }).focus();
    await hana.keyboard.press('x');
    expect(await rowOf(hana, first).getByRole('checkbox').isChecked()).toBe(true);
    await rowOf(hana, second).getByRole('link', { name: second }).focus();
    // Someone else raises the priority of the focused order meanwhile.
    const olivia = await openAs(browser, stack.appUrl, 'Olivia Grant');
    await openOrder(olivia, stack.appUrl, second);
    await olivia.getByLabel('Priority', { exact: true }).selectOption('high');
    await olivia.getByRole('button', { name: 'Set priority' }).click();
    await olivia.getByText('Priority set to High.').waitFor();
    await olivia.context().close();

    // Coming back to the tab reads the list again (at most every few seconds).
    await hana.waitForTimeout(5_500);
    await hana.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => rowOf(hana, second).locator('.q-priority').innerText()).toBe('High');
    expect(new URL(hana.url()).searchParams.get('status')).toBe('in_progress');
    expect(await rowOf(hana, first).getByRole('checkbox').isChecked()).toBe(true);
    expect(await hana.getByText('1 order selected').count()).toBe(1);
    expect(await hana.evaluate(() => document.activeElement?.textContent)).toBe(second);
  });

  it('ticks past a deadline by itself: the badge turns to overdue without a reload', async () => {
    const third = filed[2] ?? '';
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: new Date() });
    await signIn(page, stack.appUrl, 'Hana Nowak');
    await openQueue(page);
    const due = rowOf(page, third).locator('.q-due');
    expect(await due.innerText()).toMatch(/On track/);
    const dueAt = Date.parse((await due.getAttribute('data-due')) ?? '');
    expect(Number.isNaN(dueAt)).toBe(false);
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    const clockNow = await page.evaluate(() => Date.now());
    await page.clock.fastForward(dueAt - clockNow + 6 * 60_000);
    await expect.poll(() => due.innerText(), { timeout: 10_000 }).toMatch(/Overdue/);
    expect(await due.innerText()).toMatch(/overdue/);
    // The same page: nothing was loaded again.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await screenshot(page, 'work-queue-overdue');

    // The order page judges its clocks by the same clock.
    await rowOf(page, third).getByRole('link', { name: third }).click();
    await expect
      .poll(() => page.getByTestId('clock-first_response').innerText(), { timeout: 10_000 })
      .toMatch(/Overdue/);
    await context.close();

    // My orders ticks the same way for the requester.
    const mine = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const anne = await mine.newPage();
    await anne.clock.install({ time: new Date() });
    await signIn(anne, stack.appUrl, 'Anna Kowalska');
    await anne.getByRole('link', { name: 'My orders' }).click();
    const card = anne.getByRole('row').filter({ has: anne.getByRole('link', { name: third, exact: true }) });
    expect(await card.locator('.m-due').innerText()).toMatch(/On track/);
    await anne.clock.fastForward(dueAt - (await anne.evaluate(() => Date.now())) + 6 * 60_000);
    await expect.poll(() => card.locator('.m-due').innerText(), { timeout: 10_000 }).toMatch(/Overdue/);
    await mine.close();
  });

  it('on a phone is a list of cards: no sideways scroll, status, due time and claim in view', async () => {
    const phone = await openAs(browser, stack.appUrl, 'Hana Nowak', phoneViewport);
    await openQueue(phone);
    const row = rowOf(phone, filed[2] ?? '');
    await expect
      .poll(() =>
        phone.evaluate(() => {
          const s = document.scrollingElement;
          return s ? s.scrollWidth <= s.clientWidth : false;
        }),
      )
      .toBe(true);
    for (const part of [
      row.getByRole('link', { name: filed[2] ?? '' }),
      row.locator('.q-title'),
      row.locator('.q-status'),
      row.locator('.q-due'),
      row.getByRole('button', { name: /Claim/ }),
    ]) {
      expect(await part.isVisible()).toBe(true);
      // Inside the screen, not clipped at its edge.
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phoneViewport.width).toBe(true);
    }
    // The column heads give way to the cards; "select all" says what it does.
    expect(await phone.getByText('Select all orders shown').isVisible()).toBe(true);
    expect(await phone.getByRole('checkbox', { name: 'Select all orders shown' }).count()).toBe(1);
    await screenshot(phone, 'work-queue-phone');

    const mine = await openAs(browser, stack.appUrl, 'Anna Kowalska', phoneViewport);
    await mine.getByRole('link', { name: 'My orders' }).click();
    await mine.getByRole('link', { name: filed[0] ?? '' }).waitFor();
    expect(
      await mine.evaluate(() => {
        const s = document.scrollingElement;
        return s ? s.scrollWidth <= s.clientWidth : false;
      }),
    ).toBe(true);
    const card = mine.getByRole('row').filter({ has: mine.getByRole('link', { name: filed[0] ?? '' }) });
    for (const part of [card.locator('.m-status'), card.locator('.m-due'), card.locator('.m-title')]) {
      expect(await part.isVisible()).toBe(true);
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phoneViewport.width).toBe(true);
    }
    await screenshot(mine, 'work-my-orders-phone');
    await phone.context().close();
    await mine.context().close();
  });

  it('with the network down a claim says it failed, and Try again claims once back online', async () => {
    const third = filed[2] ?? '';
    await openQueue(hana);
    await hana.context().setOffline(true);
    await rowOf(hana, third).getByRole('button', { name: /Claim/ }).click();
    const alert = hana.getByRole('alert').filter({ hasText: 'cannot be reached' });
    await alert.waitFor();
    // The optimistic claim went back.
    await expect.poll(() => rowOf(hana, third).getByTestId('queue-assignee').innerText()).toBe('Nobody yet');
    await hana.context().setOffline(false);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => hana.getByText(`You claimed ${third}.`).count()).toBe(1);
    expect(await rowOf(hana, third).getByTestId('queue-assignee').innerText()).toBe('Hana Nowak');
  });
});

describe('the order page', () => {
  let laptop = '';

  it('while it awaits approval, says what happens next and who approves, by name', async () => {
    laptop = await fileOrder(anna, 'laptop', 'New laptop', [
      { label: 'Model', select: '14" standard' },
      { label: 'Needed by', fill: '2027-02-01' },
    ]);
    const next = anna.getByTestId('next-step');
    await next.waitFor();
    expect(await next.innerText()).toMatch(/What happens next/);
    expect(await anna.getByTestId('next-approver').innerText()).toBe('Waiting for approval by Iris Chen.');
    // Not "Stage: In progress" while nobody works it.
    expect(await anna.getByTestId('order-stage').count()).toBe(0);
    await screenshot(anna, 'work-order-next-step');
  });

  it('while it awaits inputs, says which are missing and who hands them over', async () => {
    await fileOrder(anna, 'receipts', 'Reimburse expenses', [
      { label: 'Amount (EUR)', fill: '18.00' },
      { label: /^Cost centre/, fill: 'SA-101' },
      { label: 'What was it for', fill: 'Train to the Kraków office' },
    ]);
    const next = anna.getByTestId('next-step');
    await next.waitFor();
    expect(await anna.getByTestId('next-missing').getByRole('listitem').allInnerTexts()).toEqual([
      'Scans of the receipts',
    ]);
    expect(await next.innerText()).toMatch(/Hand them over/);
    expect(await anna.getByTestId('order-stage').count()).toBe(0);
  });

  it('a cancelled order shows its time standards as stopped, not met', async () => {
    await openOrder(anna, stack.appUrl, laptop);
    await anna.getByRole('button', { name: 'Cancel order' }).click();
    await anna.getByLabel(/Why do you cancel/).fill('Ordered by mistake.');
    await anna.getByRole('button', { name: 'Cancel this order' }).click();
    await expect.poll(() => anna.getByTestId('order-status').innerText()).toMatch(/cancelled/i);
    for (const clock of ['clock-first_response', 'clock-resolution']) {
      const card = anna.getByTestId(clock);
      await expect.poll(() => card.innerText()).toMatch(/Stopped: cancelled/);
      expect(await card.innerText()).not.toMatch(/\bMet\b/);
    }
    expect(await anna.getByTestId('next-step').count()).toBe(0);
  });

  it('reads itself again without closing an open form or losing what is typed in it', async () => {
    const number = filed[0] ?? '';
    await openOrder(anna, stack.appUrl, number);
    await anna.getByRole('button', { name: 'Cancel order' }).click();
    const why = anna.getByLabel(/Why do you cancel/);
    await why.fill('Half-typed reason');
    await openOrder(hana, stack.appUrl, number);
    await hana.getByLabel('Your comment', { exact: true }).fill('We are on it.');
    await hana.getByRole('button', { name: 'Add comment' }).click();
    await hana.getByText('Your comment was added.').waitFor();

    await anna.waitForTimeout(5_500);
    await anna.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => anna.getByTestId('timeline').innerText()).toContain('We are on it.');
    expect(await why.inputValue()).toBe('Half-typed reason');
    await anna.getByRole('button', { name: 'Never mind' }).click();
  });

  it('with the network down "Add comment" says it failed and keeps the text; Try again sends it', async () => {
    const number = filed[0] ?? '';
    await openOrder(anna, stack.appUrl, number);
    const box = anna.getByLabel('Your comment', { exact: true });
    const text = 'Please send the contract to the manager too.';
    await box.fill(text);
    await anna.context().setOffline(true);
    try {
      await anna.getByRole('button', { name: 'Add comment' }).click();
      const alert = anna.getByRole('alert').filter({ hasText: 'cannot be reached' });
      await alert.waitFor();
      expect(await box.inputValue()).toBe(text);
      await anna.context().setOffline(false);
      await alert.getByRole('button', { name: 'Try again' }).click();
    } finally {
      await anna.context().setOffline(false);
    }
    await expect.poll(() => anna.getByText('Your comment was added.').count()).toBe(1);
    await expect.poll(() => anna.getByTestId('timeline').innerText()).toContain(text);
    expect(await box.inputValue()).toBe('');
  });

  it('with the network down an action says it failed, and Try again does it once back online', async () => {
    const number = filed[1] ?? '';
    await openOrder(hana, stack.appUrl, number);
    await hana.context().setOffline(true);
    try {
      await hana.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await hana.getByRole('button', { name: 'Set priority' }).click();
      const alert = hana.getByRole('alert').filter({ hasText: 'cannot be reached' });
      await alert.waitFor();
      await hana.context().setOffline(false);
      await alert.getByRole('button', { name: 'Try again' }).click();
    } finally {
      await hana.context().setOffline(false);
    }
    await expect.poll(() => hana.getByTestId('timeline').innerText()).toMatch(/priority/i);
    await expect.poll(() => hana.locator('.order-badges').innerText()).toMatch(/Urgent/);
  });
});
