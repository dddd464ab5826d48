import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, type Stack } from '../../scripts/stack.ts';
import {
  artifactsDir,
  closeBrowser,
  findingAt,
  launchBrowser,
  screenshot,
  seriousFindings,
  signIn,
  startTestStack,
  stopTestStack,
} from './browser.ts';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The same first start as `npm start`: demo data plus weeks of past orders through the workflows.
  stack = await startTestStack({ history: true });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

/**
 * Screenshots shown in the README live in docs/ (tracked), and are refreshed only when asked with
 * ORDO_SCREENSHOTS=docs, so a test run leaves the clone unchanged; every run keeps its own in
 * test-results/e2e/ (untracked).
 */
function publish(name: string) {
  if (process.env.ORDO_SCREENSHOTS !== 'docs') return;
  mkdirSync(join(root, 'docs'), { recursive: true });
  copyFileSync(join(artifactsDir, `${name}.png`), join(root, 'docs', `${name}.png`));
}

describe('the head dashboard on the seeded history', () => {
  it('shows the key figures and charts for HR', async () => {
    expect(stack.historyOrders).toBeGreaterThan(50);
    await signIn(page, stack.appUrl, 'Henry Ortiz');
    await page.goto(`${stack.appUrl}/departments/HR/dashboard`);
    const kpis = page.getByTestId('dashboard-kpis');
    await kpis.waitFor();
    await expect.poll(async () => (await kpis.textContent()) ?? '').toMatch(/\d/);
    const charts = page.locator('[data-testid^="chart-"]');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(5);
    // Every chart with data draws a canvas; HR's history has volume, compliance, CSAT and stages at least.
    await expect.poll(() => page.locator('[data-testid^="chart-"] canvas').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'dashboard');
    publish('dashboard');
    expect((await seriousFindings(page)).map((v) => v.id)).toEqual([]);
  });

  it('exports a table as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV/ }).first().click(),
    ]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^HR-.+\.csv$/);
    expect(csv.split(/\r?\n/).length).toBeGreaterThan(1);
    expect(csv.split(/\r?\n/)[0]).toMatch(/,/);
  });

  it('catalog, order page and queue screenshots for the README', async () => {
    // A fresh order so the queue has today's work at the top.
    const anna = await stack.deps.users.get('anna');
    await stack.deps.orderWorkflow.create(anna!, {
      serviceId: 'hr-onboarding',
      answers: {
        fullName: 'Jan Zieliński',
        startDate: '2027-01-11',
        contractType: 'Permanent',
        managerEmail: 'marta@example.com',
      },
    });
    await page.goto(`${stack.appUrl}/`);
    await page.getByLabel('Search services').waitFor();
    await screenshot(page, 'catalog');
    publish('catalog');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${stack.appUrl}/queue/HR`);
    const first = page.getByRole('link', { name: /^HR-\d+$/ }).first();
    await first.waitFor();
    // In a 1280 px window every column fits, the Claim button included: whole inside the table's
    // visible box (its wrapper, which would scroll sideways were the table wider).
    const table = page.locator('.queue .table-wrap');
    const claim = table.getByRole('button', { name: /^Claim HR-\d+$/ }).first();
    await claim.waitFor();
    const [button, box] = [await claim.boundingBox(), await table.boundingBox()];
    expect(button && box && button.x >= box.x && button.x + button.width <= box.x + box.width).toBe(true);
    expect(button && button.x + button.width <= 1280).toBe(true);
    expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, 'queue');
    publish('queue');
    await first.click();
    await page.getByTestId('order-number').waitFor();
    await screenshot(page, 'order-page');
    publish('order-page');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

/** A word chart.js drew on a canvas in its latest frame: where it lies and whether it is turned. */
interface DrawnText {
  text: string;
  left: number;
  right: number;
  rotated: boolean;
}

/**
 * Runs in the page before its scripts: remembers, per canvas, the words drawn since the canvas was
 * last cleared (chart.js clears it whole before every frame), with their box on the canvas and
 * whether they were drawn turned. Plain script text, as the page runs it.
 */
const recordCanvasText = `(() => {
  const proto = CanvasRenderingContext2D.prototype;
  const drawn = new WeakMap();
  const clearRect = proto.clearRect;
  proto.clearRect = function (x, y, w, h) {
    if (x === 0 && y === 0) drawn.set(this.canvas, []);
    return clearRect.call(this, x, y, w, h);
  };
  const fillText = proto.fillText;
  proto.fillText = function (text, x, y, maxWidth) {
    const m = this.getTransform();
    const at = m.a * x + m.c * y + m.e;
    const width = this.measureText(text).width * Math.hypot(m.a, m.b);
    const align = this.textAlign;
    const left = align === 'center' ? at - width / 2 : align === 'right' || align === 'end' ? at - width : at;
    const list = drawn.get(this.canvas) || [];
    list.push({ text: String(text), left, right: left + width, rotated: Math.abs(m.b) > 1e-6 });
    drawn.set(this.canvas, list);
    return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
  };
  window.drawnText = (canvas) => drawn.get(canvas) || [];
})();`;

/** The weekly chart's axis labels ("3 Dec") as last drawn, left to right. */
async function weekLabels(canvas: ReturnType<Page['locator']>): Promise<DrawnText[]> {
  const all = await canvas.evaluate((el) =>
    (window as unknown as { drawnText: (c: HTMLCanvasElement) => DrawnText[] }).drawnText(el as HTMLCanvasElement),
  );
  return all.filter((d) => /^\d{1,2} [A-Z][a-z]{2,3}$/.test(d.text)).sort((a, b) => a.left - b.left);
}

/** Level, apart from each other, and more than one. */
async function expectLevelApart(canvas: ReturnType<Page['locator']>) {
  await expect.poll(async () => (await weekLabels(canvas)).length, { timeout: 10_000 }).toBeGreaterThan(1);
  const labels = await weekLabels(canvas);
  expect(labels.filter((l) => l.rotated)).toEqual([]);
  for (let i = 1; i < labels.length; i++) expect(labels[i]!.left).toBeGreaterThan(labels[i - 1]!.right);
}

async function expectNoSeriousViolations() {
  expect((await seriousFindings(page)).map(findingAt)).toEqual([]);
}

describe('department insight on the seeded history', () => {
  it('ends the period on the department’s today for a reader in a zone behind it', async () => {
    // 23:30 UTC: already tomorrow in Warsaw (HR's calendar), still today in New York (the reader's).
    const now = new Date();
    const evening = new Date(`${now.toISOString().slice(0, 10)}T23:30:00Z`);
    if (evening > now) evening.setUTCDate(evening.getUTCDate() - 1);
    const warsawDay = new Date(evening.getTime() + 86_400_000).toISOString().slice(0, 10);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/New_York',
    });
    const reader = await context.newPage();
    await signIn(reader, stack.appUrl, 'Henry Ortiz');
    await reader.clock.setFixedTime(evening);
    const [report] = await Promise.all([
      reader.waitForRequest((r) => r.url().includes('/departments/HR/report?')),
      reader.goto(`${stack.appUrl}/departments/HR/dashboard`),
    ]);
    await context.close();
    expect(new URL(report.url()).searchParams.get('to')).toBe(warsawDay);
  });

  it('shows each goal with its progress, trend and what pulls it down, and edits them', async () => {
    await page.goto(`${stack.appUrl}/departments/HR/dashboard`);
    // The quality dashboard lists the goals with their status, linking to the goals page.
    const strip = page.getByRole('region', { name: 'Goals' });
    await expect.poll(() => strip.locator('li').count()).toBe(3);
    await page.getByRole('navigation', { name: 'Department views' }).getByRole('link', { name: 'Goals' }).click();
    await page.getByRole('heading', { name: 'Goals HR', level: 1 }).waitFor();
    const statuses = page.getByTestId('goal-status');
    await expect.poll(() => statuses.count()).toBe(3);
    expect(await statuses.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(On track|Behind|No data yet)$/)]),
    );
    await expect.poll(() => page.locator('[data-testid^="chart-goal-trend-"] canvas').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations();
    await screenshot(page, 'goals');

    // The editor starts from the saved goals, the service-wide one included.
    await expect.poll(() => page.locator('#edit-goals-2-serviceId').inputValue()).toBe('hr-onboarding');
    // A wrong target is refused next to the field; a right one is saved and shown.
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.locator('#edit-goals-3-metric').selectOption({ label: 'Resolved within the standard' });
    await page.locator('#edit-goals-3-target').fill('150');
    await page.getByRole('button', { name: 'Save the goals' }).click();
    await page.getByText('A share is at most 1 (100 %).').waitFor();
    await page.locator('#edit-goals-3-target').fill('80');
    await page.getByRole('button', { name: 'Save the goals' }).click();
    await page.getByText('The goals are saved.').waitFor();
    await expect.poll(() => statuses.count()).toBe(4);
    // Saving the list kept the third goal on its service.
    await page.getByText('Onboard a new employee · ', { exact: false }).first().waitFor();
    expect(await page.locator('#edit-goals-2-serviceId').inputValue()).toBe('hr-onboarding');

    // Employees see the promises on the department page.
    await page.goto(`${stack.appUrl}/departments/HR`);
    await page.getByRole('heading', { name: 'We promise' }).waitFor();
    await expect.poll(() => page.getByTestId('promise').count()).toBe(4);
  });

  it('shows who orders, who stopped and who is least satisfied', async () => {
    await page.addInitScript({ content: recordCanvasText });
    await page.goto(`${stack.appUrl}/departments/HR/customers?regularWeeks=2`);
    await page.getByRole('heading', { name: 'Customers HR', level: 1 }).waitFor();
    await expect.poll(() => page.locator('[data-testid="chart-customer-segments"] canvas').count()).toBe(1);
    // Week by week, each week is one column with its segments stacked, not five hairline bars.
    const weekly = page.getByTestId('chart-customer-segments-weekly');
    await expect.poll(() => weekly.locator('canvas').count()).toBe(1);
    expect(await weekly.getAttribute('class')).toContain('chart-stackedBars');
    // Its week labels are short ("3 Dec") and level, and none overlaps the next, wide or on a phone.
    await expectLevelApart(weekly.locator('canvas'));
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(async () => Math.max(...(await weekLabels(weekly.locator('canvas'))).map((l) => l.right)))
      .toBeLessThan(390);
    await expectLevelApart(weekly.locator('canvas'));
    await page.setViewportSize({ width: 1280, height: 900 });
    const stopped = page.getByRole('region', { name: 'Regular customers without an order lately' });
    await stopped.waitFor().catch(async (error) => {
      await screenshot(page, 'customers-failed');
      throw error;
    });
    await expect.poll(() => stopped.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByLabel('Group customers by').selectOption('location');
    await expect.poll(() => page.url()).toContain('segment=location');
    await page.getByRole('rowheader', { name: 'Warsaw' }).first().waitFor();
    // The segments' table shows all six columns at 1280 px: none is hidden in a box scrolling sideways.
    const segmentsTable = page.locator('section[aria-labelledby="panel-segments"] .figure-table');
    expect(await segmentsTable.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations();
    await screenshot(page, 'customers');
  });

  it('shows demand with its forecast, workload and the team the standards need', async () => {
    await page.goto(`${stack.appUrl}/departments/HR/capacity`);
    await page.getByRole('heading', { name: 'Capacity HR', level: 1 }).waitFor();
    await expect.poll(async () => (await page.getByTestId('people-needed').textContent()) ?? '').toMatch(/^\d/);
    await expect.poll(() => page.locator('[data-testid="chart-capacity-demand"] canvas').count()).toBe(1);
    await page.getByText(/you need about [\d.,]+ people/).waitFor();
    const services = page.getByRole('region', { name: 'Demand, queue, time spent and people needed per service' });
    await expect.poll(() => services.locator('tbody tr').count()).toBeGreaterThan(0);
    // A trend that rounds to nothing reads 0, never "-0".
    expect(await page.getByRole('main').innerText()).not.toMatch(/(^|[^\d.,])-0(?![\d.,])/m);
    await expectNoSeriousViolations();
    await screenshot(page, 'capacity');
    publish('capacity');
  });
});
