/** A department's integrations page, for its head: API tokens shown once and revoked, webhooks subscribed. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import { closeBrowser, launchBrowser, openAs, startTestStack, stopTestStack } from './browser.ts';
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

describe('integrations', () => {
  it('a token is shown once and revoked; a webhook is subscribed and listed', async () => {
    const henry = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await henry.goto(`${stack.appUrl}/departments/HR`);
    await henry.getByRole('link', { name: 'Integrations' }).click();
    await henry.getByRole('heading', { level: 1, name: 'Integrations of HR' }).waitFor();

    const tokens = henry.getByRole('region', { name: 'API tokens' });
    await tokens.getByLabel('Name').fill('Payroll system');
    await tokens.getByLabel('File orders (the services chosen below)').uncheck();
    await tokens.getByLabel('Read the department’s orders').check();
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const secret = henry.getByTestId('secret');
    await secret.waitFor();
    expect(await secret.innerText()).toMatch(/^ordo_/);
    await henry.getByText('Copy it now: it is shown only this once and cannot be seen again.').first().waitFor();
    const row = tokens.locator('tbody tr', { hasText: 'Payroll system' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Active');
    await expectAccessible(henry, 'integrations-token');

    // Shown once: the page read again lists the token without its secret.
    await henry.reload();
    await tokens.locator('tbody tr', { hasText: 'Payroll system' }).waitFor();
    expect(await henry.getByTestId('secret').count()).toBe(0);

    await tokens.getByRole('button', { name: 'Revoke the token “Payroll system”' }).click();
    await henry.getByText('The token “Payroll system” is revoked; its next request is refused.').waitFor();
    await expect.poll(() => tokens.locator('tbody tr', { hasText: 'Payroll system' }).innerText()).toContain('Revoked');
    expect(await tokens.getByRole('button', { name: 'Revoke the token “Payroll system”' }).count()).toBe(0);

    const hooks = henry.getByRole('region', { name: 'Webhooks' });
    await hooks.getByLabel('Address (HTTPS)').fill('https://8.8.4.4/ordo-hook');
    await hooks.getByLabel('Resolved').check();
    await hooks.getByRole('button', { name: 'Subscribe' }).click();
    await henry.getByText('The signing secret').waitFor();
    expect(await henry.getByTestId('secret').innerText()).toMatch(/^whsec_/);
    const hook = hooks.locator('tbody tr', { hasText: 'https://8.8.4.4/ordo-hook' });
    await hook.waitFor();
    const listed = await hook.innerText();
    expect(listed).toContain('Active');
    expect(listed).toContain('Resolved');
    await expectAccessible(henry, 'integrations-webhook');
  });
});
