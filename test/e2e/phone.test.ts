/**
 * Every page of the portal on a phone (390 px), with the demo history so the department views have
 * their tables and charts: nothing makes the page scroll sideways, and no table hides columns in a
 * box of its own that scrolls sideways (tables become cards or wrap).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkSigner } from '#functions/auth/links.ts';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  launchBrowser,
  openAs,
  phoneViewport,
  screenshot,
  settled,
  startTestStack,
  stopTestStack,
} from './browser.ts';
import { PAGES } from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;
let number = '';
let survey = '';

beforeAll(async () => {
  // Weeks of history are filed at start.
  stack = await startTestStack({ history: true });
  browser = await launchBrowser();
  // An HR order of Anna's for the pages that show one (the HR team sees it too).
  const anna = await openAs(browser, stack.appUrl, 'Anna Kowalska', phoneViewport);
  await anna.goto(`${stack.appUrl}/services/hr-certificate`);
  await anna.getByLabel(/What it is for/).selectOption('Bank');
  await anna.getByRole('button', { name: 'Submit order' }).click();
  await anna.getByTestId('order-number').waitFor();
  number = (await anna.getByTestId('order-number').innerText()).trim();
  await anna.context().close();
  // A resolved certificate of Anna's and its survey link, for the survey page (a low score opens
  // what went wrong and the note box, the widest state of the page).
  const flow = stack.deps.orderWorkflow;
  const [requester, hana] = await Promise.all([stack.deps.users.get('anna'), stack.deps.users.get('hana')]);
  const { order } = await flow.create(requester!, { serviceId: 'hr-certificate', answers: { purpose: 'Visa' } });
  let view = await flow.transition(hana!, order.number, { action: 'claim', version: order.version });
  view = await flow.tickDeliverable(hana!, order.number, 'scan', { version: view.order.version, done: true });
  await flow.transition(hana!, order.number, { action: 'resolve', version: view.order.version });
  const round = (await stack.deps.orders.get(order.number))?.survey?.round ?? '';
  const exp = Math.floor(Date.now() / 1000) + 3600;
  survey = new LinkSigner(stack.deps.config.linkKeys).sign({
    purpose: 'survey',
    orderNumber: order.number,
    ref: round,
    exp,
  });
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

/** Pages beyond the sweep's list that only some roles reach. */
const MORE: typeof PAGES = [
  { who: 'Henry Ortiz', paths: () => ['/departments/HR', '/departments/HR/services', '/queue/HR', '/profile'] },
  { who: undefined, paths: () => [`/survey/${survey}?score=2`, `/survey/${survey}`] },
];

describe('phone screens (390 px)', () => {
  const rounds = [...PAGES, ...MORE];
  for (const round of rounds) {
    it(`every page of ${round.who ?? 'someone signed out'} fits: no sideways scrolling, no hidden columns`, async () => {
      const page = await openAs(browser, stack.appUrl, round.who, phoneViewport);
      const problems: Record<string, string> = {};
      for (const path of round.paths(number)) {
        await page.goto(`${stack.appUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await settled(page);
        const found = await page.evaluate(() => {
          const out: string[] = [];
          const width = document.documentElement.scrollWidth;
          if (width > window.innerWidth) out.push(`page is ${width} px wide`);
          for (const table of document.querySelectorAll('main table')) {
            const box = table.getBoundingClientRect();
            if (box.width === 0) continue;
            // A table wider than the screen, or cut off by a box of its own that scrolls sideways.
            let el: HTMLElement | null = table.parentElement;
            while (el && el.tagName !== 'MAIN') {
              if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
                const name = table.querySelector('caption')?.textContent?.trim() ?? table.className;
                out.push(`table "${name}" is ${el.scrollWidth} px in a ${el.clientWidth} px box`);
                break;
              }
              el = el.parentElement;
            }
            if (box.right > window.innerWidth + 1) out.push(`a table ends at ${Math.round(box.right)} px`);
          }
          return out;
        });
        if (found.length) {
          problems[path] = found.join('; ');
          await screenshot(page, `phone-problem${path.replaceAll('/', '-')}`);
        }
      }
      await page.context().close();
      expect(problems).toEqual({});
    });
  }

  it('the head’s search shows the orders it finds as cards, like My orders, on a dashboard opened first', async () => {
    // A fresh page: no order page has loaded its styles before, so the cards come from the list's own.
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz', phoneViewport);
    await page.goto(`${stack.appUrl}/departments/HR/dashboard`);
    await page.getByRole('searchbox', { name: 'Search orders' }).fill(number.toLowerCase());
    const table = page.getByRole('table', { name: 'Orders found, newest first' });
    await table.waitFor();
    const seen = await table.evaluate((el) => ({
      row: getComputedStyle(el.querySelector('tbody tr')!).display,
      head: getComputedStyle(el.querySelector('thead')!).display,
    }));
    await screenshot(page, 'phone-head-search');
    await page.context().close();
    expect(seen).toEqual({ row: 'grid', head: 'none' });
  });

  it('the survey page keeps its question and every answer inside the form’s box', async () => {
    const page = await openAs(browser, stack.appUrl, undefined, phoneViewport);
    await page.goto(`${stack.appUrl}/survey/${survey}?score=2`);
    await page.locator('form.rating-form legend').first().waitFor();
    const outside = await page.evaluate(() => {
      const form = document.querySelector('form.rating-form')!.getBoundingClientRect();
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(
        'form.rating-form legend, form.rating-form label, form.rating-form textarea, form.rating-form button, form.rating-form p',
      )) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || el.classList.contains('visually-hidden')) continue;
        if (box.left < form.left - 0.5 || box.right > form.right + 0.5)
          out.push(`${el.tagName} "${el.textContent?.trim().slice(0, 30)}"`);
      }
      return out;
    });
    // "(optional)" stays on the line of the words it belongs to.
    const [seen, alone] = await page.evaluate(() => {
      const out: string[] = [];
      let seen = 0;
      for (const el of document.querySelectorAll<HTMLElement>('form.rating-form legend, form.rating-form label')) {
        const node = [...el.childNodes].find(
          (n) => n.nodeType === Node.TEXT_NODE && /\(optional\)/.test(n.textContent ?? ''),
        );
        if (!node) continue;
        seen += 1;
        const at = (node.textContent ?? '').indexOf('(optional)');
        const range = document.createRange();
        range.setStart(node, at - 2);
        range.setEnd(node, at - 1);
        const before = range.getBoundingClientRect().top;
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        if (Math.abs(range.getBoundingClientRect().top - before) > 1) out.push(el.textContent ?? '');
      }
      return [seen, out] as const;
    });
    await screenshot(page, 'phone-survey');
    await page.context().close();
    expect(outside).toEqual([]);
    expect(seen).toBe(2);
    expect(alone).toEqual([]);
  });
});
