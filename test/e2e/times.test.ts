/** Times the portal states: a department's page says the working hours its promises count on. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, startTestStack, stopTestStack } from './browser.ts';

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

describe('working hours', () => {
  it('the department page states the hours and zone its time standards count', async () => {
    const anna = await openAs(browser, stack.appUrl, 'Anna Kowalska');
    await anna.goto(`${stack.appUrl}/departments/HR`);
    const hours = anna.getByRole('region', { name: 'Working hours' });
    await hours.waitFor();
    const text = await hours.innerText();
    // HR works a split shift on weekdays (demo data).
    expect(text).toContain('Mon–Fri 08:00–12:00, 12:30–16:30');
    expect(text).toContain('Europe/Warsaw');
  });
});
