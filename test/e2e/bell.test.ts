/**
 * The bell in the header: a change that mails a person also shows in their notifications, and
 * following it (or marking all read) clears the count.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, screenshot, startTestStack, stopTestStack } from './browser.ts';
import { expectAccessible } from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

/** Waits until the mail worker has left `count` unread notes for the person. */
async function unreadBecomes(personId: string, count: number): Promise<void> {
  await expect.poll(() => stack.deps.notes.unreadCount(personId), { timeout: 15_000, interval: 200 }).toBe(count);
}

const bell = (page: Page) => page.getByRole('banner').getByTestId('bell');
const panel = (page: Page) => page.getByRole('region', { name: 'Notifications' });

describe('notifications', () => {
  it('the bell shows a new event and clears it', async () => {
    const anna = (await stack.deps.users.get('anna'))!;
    const hana = (await stack.deps.users.get('hana'))!;
    const { order } = await stack.deps.orderWorkflow.create(anna, {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Bank' },
    });
    // Filing mails Anna "we received your order": her first notification.
    await unreadBecomes('anna', 1);

    const page = await openAs(browser, stack.appUrl, 'Anna Kowalska');
    await page.goto(`${stack.appUrl}/orders`);
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await expect.poll(() => bell(page).innerText()).toBe('1');

    await bell(page).click();
    await expect.poll(() => bell(page).getAttribute('aria-expanded')).toBe('true');
    const received = panel(page).getByRole('link', { name: `Unread: We received your order ${order.number}` });
    await received.waitFor();
    await panel(page).getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, none unread');
    await panel(page)
      .getByRole('link', { name: `We received your order ${order.number}`, exact: true })
      .waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    // Escape hands the focus back to the bell.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bell');

    // The team writes to Anna: a new event.
    await stack.deps.orderWorkflow.comment(hana, order.number, { text: 'We have started.', visibility: 'public' });
    await unreadBecomes('anna', 1);
    await page.reload();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await bell(page).click();
    const commented = panel(page).getByRole('link', { name: `Unread: The team commented on ${order.number}` });
    await commented.waitFor();
    await expectAccessible(page, 'notifications-open');
    await screenshot(page, 'notifications-open');

    // Following it opens the order and marks it read.
    await commented.click();
    await page.waitForURL(`${stack.appUrl}/orders/${order.number}`);
    await page.getByTestId('order-number').filter({ hasText: order.number }).waitFor();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, none unread');
    expect(await bell(page).innerText()).toBe('');
    await unreadBecomes('anna', 0);
    await page.reload();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, none unread');
  });
});
