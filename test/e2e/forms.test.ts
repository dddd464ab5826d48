/** Forms say what is wrong where it is read first: the order form's message sits above its fields and takes the focus. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, phoneViewport, startTestStack, stopTestStack } from './browser.ts';

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

describe('the order form refused', () => {
  it('says "Please correct the fields marked below" above the fields, with the focus on it', async () => {
    const anna = await openAs(browser, stack.appUrl, 'Anna Kowalska', phoneViewport);
    await anna.goto(`${stack.appUrl}/services/hr-certificate`);
    const field = anna.getByLabel(/What it is for/);
    await field.waitFor();
    await anna.getByRole('button', { name: 'Submit order' }).click();
    const alert = anna.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' });
    await alert.waitFor();
    await expect
      .poll(() => anna.evaluate(() => document.activeElement?.textContent?.trim() ?? ''))
      .toContain('Please correct the fields marked below.');
    const [message, first] = [await alert.boundingBox(), await field.boundingBox()];
    expect(message && first && message.y < first.y).toBe(true);
  });

  it('a phone number in the wrong format is refused beside an example of the right one', async () => {
    const anna = await openAs(browser, stack.appUrl, 'Anna Kowalska', phoneViewport);
    await anna.goto(`${stack.appUrl}/services/it-password`);
    const phone = anna.getByLabel(/Phone number to call you back/);
    await phone.fill('call me');
    await anna.getByRole('button', { name: 'Submit order' }).click();
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    const described = await phone.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );
    await anna.context().close();
    expect(described).toContain('Not in the expected format.');
    expect(described).toMatch(/for example \+48 600 100 200/);
  });
});

describe('a required field', () => {
  it('shows one * and is said to be required once, on a phone and wide', async () => {
    for (const viewport of [phoneViewport, { width: 1280, height: 800 }]) {
      const anna = await openAs(browser, stack.appUrl, 'Anna Kowalska', viewport);
      await anna.goto(`${stack.appUrl}/services/hr-contract-change`);
      // A group of choices names "required" in its name (a group has no required state of its own)…
      const group = anna.getByRole('group', { name: 'What changes (required)', exact: true });
      await group.waitFor();
      const legend = group.locator('legend');
      expect(await legend.locator('.req').count()).toBe(1);
      // …which a sighted reader does not see: only the mark shows, the words are clipped away.
      expect(await legend.getByText('(required)').boundingBox()).toMatchObject({ width: 1, height: 1 });
      // A text box says it once through its state, its name is the label alone.
      const employee = anna.getByRole('textbox', { name: 'Employee', exact: true });
      expect(await employee.evaluate((el) => (el as HTMLInputElement).required || el.ariaRequired === 'true')).toBe(
        true,
      );
      await anna.context().close();
    }
  });
});
