/**
 * The live process views in the browser: a head opens the process map of a service with orders at
 * several stages, clicks a step and sees its orders; opens the SIPOC and the hand-off map. Each page
 * is axe clean and readable at 390 px (only the drawing's own frame may scroll sideways).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANVAS_SECTIONS } from '#shared/living-canvas.ts';
import type { User } from '#shared/model.ts';
import type { Stack } from '../../scripts/stack.ts';
import { processStrings } from '../../web/src/process/words.ts';
import {
  closeBrowser,
  desktopViewport,
  findingAt,
  launchBrowser,
  openAs,
  phoneViewport,
  screenshot,
  seriousFindings,
  signIn,
  startTestStack,
  stopTestStack,
} from './browser.ts';

let stack: Stack;
let browser: Browser;
const numbers: Record<string, string> = {};

const MAP = '/departments/HR/services/hr-onboarding/process';
const SIPOC = '/departments/HR/services/hr-onboarding/sipoc';
const HANDOFFS = '/handoffs';
const DEPARTMENT = '/departments/HR';
const RANKING = '/departments/HR/ranking';

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  const { orderWorkflow: orders, users } = stack.deps;
  const anna = (await users.get('anna')) as User;
  const hana = (await users.get('hana')) as User;
  const file = async () =>
    (
      await orders.create(anna, {
        serviceId: 'hr-onboarding',
        answers: {
          fullName: 'Maria Nowak',
          startDate: '2027-03-01',
          contractType: 'Permanent',
          managerEmail: 'henry@example.com',
        },
        priority: 'normal',
      })
    ).order;
  // One order waits at triage, one is in paperwork, one at handover (handed off to Facilities first).
  numbers.triage = (await file()).number;
  let paperwork = await file();
  paperwork = (await orders.transition(hana, paperwork.number, { action: 'claim', version: paperwork.version })).order;
  paperwork = (await orders.moveStage(hana, paperwork.number, { version: paperwork.version, stage: 'paperwork' }))
    .order;
  numbers.paperwork = paperwork.number;
  let handover = await file();
  handover = (await orders.transition(hana, handover.number, { action: 'claim', version: handover.version })).order;
  await orders.handoff(hana, handover.number, {
    version: handover.version,
    serviceId: 'fac-desk',
    answers: { person: 'Maria Nowak', startDate: '2027-03-01', building: 'Kraków' },
  });
  handover = (await orders.view(hana, handover.number)).order;
  handover = (await orders.moveStage(hana, handover.number, { version: handover.version, stage: 'handover' })).order;
  numbers.handover = handover.number;
  // For the ranking: a fourth onboarding comes back for rework (1 of 4 orders), and the one employment
  // certificate needs a clarification (1 of 1): by the default weights the certificate is first.
  let rework = await file();
  rework = (await orders.transition(hana, rework.number, { action: 'claim', version: rework.version })).order;
  await orders.transition(hana, rework.number, {
    action: 'return_inputs',
    version: rework.version,
    inputs: ['manager'],
    comment: 'Which manager?',
  });
  let certificate = (
    await orders.create(anna, { serviceId: 'hr-certificate', answers: { purpose: 'Bank' }, priority: 'normal' })
  ).order;
  certificate = (await orders.transition(hana, certificate.number, { action: 'claim', version: certificate.version }))
    .order;
  await orders.transition(hana, certificate.number, {
    action: 'request_clarification',
    version: certificate.version,
    comment: 'Which bank?',
  });
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

async function axeClean(page: Page) {
  expect((await seriousFindings(page)).map(findingAt)).toEqual([]);
}

/** What scrolls sideways at this width besides the drawings' own frames. */
async function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      out.push(`page is ${document.documentElement.scrollWidth} px wide`);
    }
    for (const table of document.querySelectorAll('main table')) {
      const box = table.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > window.innerWidth + 1) out.push(`a table ends at ${Math.round(box.right)} px`);
      let el: HTMLElement | null = table.parentElement;
      while (el && el.tagName !== 'MAIN') {
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
          out.push(`table "${table.querySelector('caption')?.textContent?.trim()}" scrolls sideways`);
          break;
        }
        el = el.parentElement;
      }
    }
    return out;
  });
}

describe('process map', () => {
  it('a head sees the steps with their orders now, clicks a step and sees its orders', async () => {
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await page.goto(`${stack.appUrl}${MAP}`);
    const frame = page.getByTestId('process-frame');
    await frame.waitFor();
    const steps = page.locator('[data-testid="process-frame"] g[data-step]');
    await expect.poll(() => steps.count()).toBeGreaterThanOrEqual(6);
    const triage = page.locator('table tr[data-step="stage:triage"]');
    await expect.poll(async () => (await triage.locator('td').first().textContent())?.trim()).toBe('1');
    await expect
      .poll(async () => (await page.locator('table tr[data-step="stage:paperwork"] td').first().textContent())?.trim())
      .toBe('1');
    // Arrows are drawn with a width by their volume: the three filings are the widest.
    const widths = await page
      .locator('[data-testid="process-frame"] g[data-flow] path')
      .evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('stroke-width'))));
    expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths));

    await page.locator('[data-testid="process-frame"] g[data-step="stage:paperwork"]').click();
    const list = page.getByTestId('step-orders');
    await list.waitFor();
    expect(await list.innerText()).toContain(numbers.paperwork);
    expect(await list.innerText()).not.toContain(numbers.triage);
    // The table's button lists the same for keyboards and screen readers.
    await page.getByRole('button', { name: /Show the orders at Handover/ }).click();
    await expect.poll(async () => await page.getByTestId('step-orders').innerText()).toContain(numbers.handover);
    await screenshot(page, 'process-map');
    await axeClean(page);
    await page.context().close();
  });

  it('the team reads it too', async () => {
    const hana = await openAs(browser, stack.appUrl, 'Hana Nowak');
    await hana.goto(`${stack.appUrl}${MAP}`);
    await hana.getByTestId('process-frame').waitFor();
    await hana.context().close();
  });
});

describe('SIPOC and hand-off map', () => {
  it('the SIPOC shows the five columns beside the department’s words', async () => {
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await page.goto(`${stack.appUrl}${SIPOC}`);
    for (const column of ['suppliers', 'inputs', 'process', 'outputs', 'customers']) {
      await page.getByTestId(`sipoc-${column}`).waitFor();
    }
    expect(await page.getByTestId('sipoc-suppliers').innerText()).toContain('Sales');
    expect(await page.getByTestId('sipoc-customers').innerText()).toContain('FAC');
    await axeClean(page);
    await page.context().close();
  });

  it('the hand-off map shows HR to Facilities with its table', async () => {
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await page.goto(`${stack.appUrl}${HANDOFFS}`);
    const table = page.getByTestId('handoff-pairs');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('Human Resources');
    expect(text).toContain('Facilities');
    await page.locator('[data-testid="handoff-frame"] g[data-pair="HR>FAC"]').waitFor({ state: 'attached' });
    await screenshot(page, 'handoff-map');
    await axeClean(page);
    await page.context().close();
  });
});

describe('living canvas and service ranking', () => {
  it('the head reads the live figure beside each section of the department’s canvas', async () => {
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await page.goto(`${stack.appUrl}${DEPARTMENT}`);
    await page.getByTestId('live-ordering').waitFor();
    for (const section of CANVAS_SECTIONS.map(([section]) => section)) {
      expect(await page.getByTestId(`live-${section}`).count(), section).toBe(1);
    }
    // Five orders, all filed in the portal; the head's own words stay beside them.
    expect(await page.getByTestId('live-value').innerText()).toContain('5 orders filed');
    expect(await page.getByTestId('live-ordering').innerText()).toContain('Portal: 100');
    expect(await page.getByTestId('live-partners').innerText()).toContain('Facilities: 1 hand-off,');
    expect(await page.getByTestId('canvas-value').innerText()).toContain('People join, change roles and leave');
    await screenshot(page, 'living-canvas');
    await axeClean(page);
    await page.context().close();
  });

  it('an employee sees the canvas in the department’s words only', async () => {
    const page = await openAs(browser, stack.appUrl, 'Anna Kowalska');
    await page.goto(`${stack.appUrl}${DEPARTMENT}`);
    await page.getByRole('heading', { name: 'How this department works' }).waitFor();
    expect(await page.locator('[data-testid^="live-"]').count()).toBe(0);
    await page.context().close();
  });

  it('the head changes a weight and the ranking turns round', async () => {
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz');
    await page.goto(`${stack.appUrl}${RANKING}`);
    const first = () => page.getByTestId('ranked-service').first().locator('h3').innerText();
    await page.getByTestId('ranked-service').first().waitFor();
    expect(await first()).toContain('Employment certificate');
    expect(await page.getByTestId('ranked-service').count()).toBe(2);
    expect(await page.getByTestId('ranking-formula').innerText()).toContain('1 × clarification rate');
    await axeClean(page);

    await page.getByLabel('Clarifications (penalty)').fill('0');
    await page.getByRole('button', { name: 'Save the weights' }).click();
    await expect.poll(() => page.getByTestId('ranking-outcome').innerText()).toContain('saved');
    await expect.poll(first).toContain('Onboard a new employee');
    expect(await page.getByTestId('ranking-formula').innerText()).toContain('0 × clarification rate');
    // A weight beyond 10 is refused beside its field, and nothing changes.
    await page.getByLabel('On time').fill('11');
    await page.getByRole('button', { name: 'Save the weights' }).click();
    await expect.poll(() => page.getByTestId('ranking-outcome').innerText()).not.toContain('saved');
    expect(await page.getByLabel('On time').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'service-ranking');
    await axeClean(page);
    await page.context().close();
  });
});

describe('at 390 px', () => {
  it('each view fits the phone; only the map scrolls sideways, inside its frame', async () => {
    const page = await openAs(browser, stack.appUrl, 'Henry Ortiz', phoneViewport);
    const problems: Record<string, string[]> = {};
    for (const path of [MAP, SIPOC, HANDOFFS]) {
      await page.goto(`${stack.appUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.locator('main table').first().waitFor();
      const found = await sidewaysProblems(page);
      if (found.length) problems[path] = found;
    }
    for (const [path, ready] of [
      [DEPARTMENT, 'live-partners'],
      [RANKING, 'ranked-service'],
    ] as const) {
      await page.goto(`${stack.appUrl}${path}`);
      await page.getByTestId(ready).first().waitFor();
      const found = await sidewaysProblems(page);
      if (found.length) problems[path] = found;
    }
    expect(problems).toEqual({});
    await page.goto(`${stack.appUrl}${MAP}`);
    const frame = page.getByTestId('process-frame');
    await frame.waitFor();
    const [scroll, client] = await frame.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeGreaterThan(client);
    expect(client).toBeLessThanOrEqual(390);
    await screenshot(page, 'process-map-phone');
    await axeClean(page);
    await page.context().close();
  });
});

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

describe('in Polish', () => {
  it('the three views say nothing in English', async () => {
    const polish = strings(processStrings.pl);
    const english = strings(processStrings.en).filter((s) => s.trim().split(/\s+/).length >= 2 && !polish.includes(s));
    expect(english.length).toBeGreaterThan(40);
    const context = await browser.newContext({ viewport: desktopViewport, locale: 'pl-PL' });
    const page = await context.newPage();
    await signIn(page, stack.appUrl, 'Henry Ortiz');
    const found: Record<string, string[]> = {};
    for (const path of [MAP, SIPOC, HANDOFFS]) {
      await page.goto(`${stack.appUrl}${path}`);
      await page.locator('main table').first().waitFor();
      const text = await page.evaluate(() => document.body.innerText);
      const seen = english.filter((s) => text.includes(s));
      if (seen.length) found[path] = seen;
    }
    expect(found).toEqual({});
    expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toContain('Przekazania');
    await axeClean(page);
    await context.close();
  });
});
