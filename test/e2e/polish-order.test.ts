/**
 * Maja reads Ordo in Polish: her order page says the service's own words — its name, her choice, the
 * deliverable handed back — in the words HR gave them, resolved from the service version her order was
 * filed under; My orders says the service's Polish name; and an order that brought no survey says why.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import type { User } from '#shared/model.ts';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  desktopViewport,
  launchBrowser,
  screenshot,
  signIn,
  startTestStack,
  stopTestStack,
} from './browser.ts';

let stack: Stack;
let browser: Browser;
let page: Page;
let first = '';
let second = '';

/** Files a certificate for Maja and has Hana hand it back and resolve it. */
async function certificateDone(maja: User, hana: User, purpose: string): Promise<string> {
  const flow = stack.deps.orderWorkflow;
  const { order } = await flow.create(maja, { serviceId: 'hr-certificate', answers: { purpose } });
  let view: OrderView = await flow.transition(hana, order.number, { action: 'claim', version: order.version });
  view = await flow.tickDeliverable(hana, order.number, 'scan', { version: view.order.version, done: true });
  await flow.transition(hana, order.number, { action: 'resolve', version: view.order.version });
  return order.number;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const maja = (await stack.deps.users.get('maja.wisniewska'))!;
  const hana = (await stack.deps.users.get('hana'))!;
  first = await certificateDone(maja, hana, 'Visa');
  // Within the survey budget: no survey mail for this one.
  second = await certificateDone(maja, hana, 'Bank');
  const context = await browser.newContext({ viewport: desktopViewport, locale: 'pl-PL' });
  page = await context.newPage();
  await signIn(page, stack.appUrl, 'Maja Wiśniewska');
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

describe('Maja’s order in Polish', () => {
  it('says the service’s name, her choice and what was handed back in HR’s Polish words', async () => {
    await page.goto(`${stack.appUrl}/orders/${first}`);
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.innerText()).toContain('Wysłano skan podpisanego zaświadczenia');
    // The answers' words come with the service, which the page loads after the order.
    const answers = page.locator('dl.answers');
    await expect.poll(() => answers.innerText()).toContain('Wiza');
    const text = await page.locator('main').innerText();
    await screenshot(page, 'polish-order-service-words');
    expect(text).toContain('Zaświadczenie o zatrudnieniu');
    expect(text).toContain('Wiza');
    for (const english of ['Employment certificate', 'Signed certificate scan sent', 'Visa', 'What it is for']) {
      expect(text, english).not.toContain(english);
    }
  });

  it('writes its dates and times in Polish’s one format, in the reader’s own zone without naming it', async () => {
    await page.goto(`${stack.appUrl}/orders/${first}`);
    const created = page.getByTestId('timeline').locator('time').first();
    await expect.poll(() => created.count()).toBe(1);
    const months = 'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia';
    expect(await created.innerText()).toMatch(new RegExp(`^\\d{1,2} (${months}) \\d{4}, \\d\\d:\\d\\d$`));
    expect(await page.locator('main').innerText()).not.toMatch(/\d:\d\d ?(AM|PM)|\d{4}-\d\d-\d\dT/);
  });

  it('offers the purpose’s choices in HR’s Polish words, while the answer sent stays the option’s own value', async () => {
    await page.goto(`${stack.appUrl}/services/hr-certificate`);
    const select = page.locator('select[name="purpose"]');
    await select.waitFor();
    await expect
      .poll(() =>
        select.locator('option').evaluateAll((all) => all.map((o) => [(o as HTMLOptionElement).value, o.textContent])),
      )
      .toContainEqual(['Visa', 'Wiza']);
    expect(await select.locator('option').allInnerTexts()).not.toContain('Visa');
  });

  it('lists the order under the service’s Polish name in My orders', async () => {
    await page.goto(`${stack.appUrl}/orders`);
    const list = page.locator('main');
    await expect.poll(() => list.innerText()).toContain(first);
    const text = await list.innerText();
    expect(text).toContain('Zaświadczenie o zatrudnieniu');
    expect(text).not.toContain('Employment certificate');
  });

  it('says why no survey came for the second order', async () => {
    await page.goto(`${stack.appUrl}/orders/${second}`);
    const note = page.getByTestId('survey-skipped');
    await expect.poll(() => note.innerText()).toContain('nie wysłaliśmy ankiety');
    expect(await note.innerText()).toContain('raz na 14 dni');
  });
});
