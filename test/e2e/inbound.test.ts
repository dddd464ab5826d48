/** A head's department page beside the integrations: the incoming mail, what came in and what Ordo did with it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundRepository } from '#functions/repositories/inbound.ts';
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

describe('incoming mail', () => {
  it('lists what came in, worded by its outcome, with the order it made', async () => {
    const anna = (await stack.deps.users.get('anna'))!;
    const { order } = await stack.deps.orderWorkflow.create(anna, {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Bank' },
    });
    // What mail in records once it is done with a message (functions/inbound/mail-in.ts).
    const inbound = new InboundRepository(stack.deps.db);
    expect(await inbound.setIntake({ department: 'HR', localPart: 'hr-desk', serviceId: 'hr-certificate' })).toBe(true);
    const record = (id: string, minutesAgo: number, rest: Record<string, unknown>) =>
      inbound.finish(
        {
          id,
          rawKey: `inbound/${id}`,
          receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
          status: 'processing',
          attempts: 1,
          department: 'HR',
          ...rest,
        },
        new Date(),
      );
    await record('m-filed', 3, {
      outcome: 'filed',
      from: 'anna.kowalska@example.com',
      subject: 'Certificate for the bank',
      orderNumber: order.number,
      personId: 'anna',
      attachments: [{ name: 'letter.pdf', contentType: 'application/pdf', size: 1000, key: 'k' }],
    });
    await record('m-unknown', 2, {
      outcome: 'refused_unknown_sender',
      from: 'stranger@example.org',
      subject: 'Hello',
      answered: true,
    });
    await record('m-closed', 1, {
      outcome: 'refused_by_order',
      detail: 'order_closed',
      from: 'anna.kowalska@example.com',
      subject: `Re: ${order.number}`,
      orderNumber: order.number,
    });

    const henry = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await henry.goto(`${stack.appUrl}/departments/HR`);
    await henry.getByRole('link', { name: 'Incoming mail' }).click();
    await henry.getByRole('heading', { level: 1, name: 'Incoming mail of HR' }).waitFor();
    const table = henry.getByTestId('inbound-mail');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    // Newest first, each outcome in words.
    const first = rows.nth(0);
    expect(await first.innerText()).toContain('Refused by the order');
    const second = await rows.nth(1).innerText();
    expect(second).toContain('stranger@example.org');
    expect(second).toContain('Refused: the sender is not known to Ordo');
    expect(second).toContain('The sender was told by mail.');
    const filed = rows.nth(2);
    expect(await filed.innerText()).toContain('Filed an order');
    expect(await filed.innerText()).toContain('1 attachment');
    expect(await henry.getByTestId('inbound-address').innerText()).toContain('hr-desk');
    await expectAccessible(henry, 'inbound-mail');

    await filed.getByRole('link', { name: order.number }).click();
    await henry.getByTestId('order-number').filter({ hasText: order.number }).waitFor();
  });

  it('is the head’s page: a team member is told so', async () => {
    const hana = await openAs(browser, stack.appUrl, 'Hana Nowak');
    await hana.goto(`${stack.appUrl}/departments/HR/inbound`);
    await hana.getByText('Only the head of the department sees its incoming mail.').waitFor();
    expect(await hana.getByTestId('inbound-mail').count()).toBe(0);
  });
});
