/**
 * Steps the journeys share: filing an order through the catalog, opening an order or a queue row,
 * reading mail from the SES stand-in, small files to upload, and the accessibility check (axe).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Route } from 'playwright-core';
import { expect } from 'vitest';
import { type CapturedEmail, readMailbox } from '../../scripts/local/ses.ts';
import { artifactsDir, axeFindings } from './browser.ts';

/** Values to type into a service's order form, by the field's visible label. */
export type FormFill = Array<
  | { label: string | RegExp; fill: string }
  | { label: string | RegExp; select: string }
  | { label: string | RegExp; check: boolean }
>;

export async function fillForm(scope: Page | Locator, fields: FormFill): Promise<void> {
  for (const field of fields) {
    const control = scope.getByLabel(field.label);
    if ('fill' in field) await control.fill(field.fill);
    else if ('select' in field) await control.selectOption(field.select);
    else await control.setChecked(field.check);
  }
}

/** From the catalog: search, open the service, fill its form, submit; returns the new order's number. */
export async function fileOrder(
  page: Page,
  search: string,
  serviceName: string,
  fields: FormFill,
  /** Runs on the filled-in form just before it is sent (screenshots, checks). */
  beforeSubmit?: () => Promise<void>,
): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByLabel('Search services').fill(search);
  await page.getByRole('link', { name: serviceName, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: serviceName }).waitFor();
  await fillForm(page, fields);
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Submit order' }).click();
  await page.getByTestId('order-number').waitFor();
  return (await page.getByTestId('order-number').innerText()).trim();
}

export async function openOrder(page: Page, baseUrl: string, number: string): Promise<void> {
  await page.goto(`${baseUrl}/orders/${encodeURIComponent(number)}`);
  await page.getByTestId('order-number').filter({ hasText: number }).waitFor();
}

export function orderStatus(page: Page): Promise<string> {
  return page.getByTestId('order-status').innerText();
}

/** Waits until the order page's status badge reads `status` (e.g. "in progress"). */
export async function expectStatus(page: Page, status: string | RegExp): Promise<void> {
  const wanted = typeof status === 'string' ? new RegExp(`^${status}$`, 'i') : status;
  await expect.poll(async () => (await orderStatus(page)).trim(), { timeout: 10_000 }).toMatch(wanted);
}

/** Opens a department's queue (freshly loaded) and returns the row of one order. */
export async function queueRow(page: Page, baseUrl: string, department: string, number: string): Promise<Locator> {
  await page.goto(`${baseUrl}/queue/${encodeURIComponent(department)}`);
  await page.getByRole('heading', { level: 1, name: `Queue ${department}` }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: number, exact: true }) });
  await row.waitFor();
  return row;
}

/** The row of one linked order in the "Started from this order" list of a case. */
export function childRow(page: Page, number: string): Locator {
  return page.getByTestId('children').getByRole('listitem').filter({ hasText: number });
}

/** Waits for a mail whose subject matches, sent to `to`; returns it. */
export async function waitForMail(
  sesEndpoint: string,
  to: string,
  subject: RegExp,
  timeout = 15_000,
): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await readMailbox(sesEndpoint);
        found = mails.find((m) => m.destination.to.includes(to) && subject.test(m.subject));
        return found !== undefined;
      },
      { timeout, message: `a mail to ${to} with subject ${subject}` },
    )
    .toBe(true);
  return found as CapturedEmail;
}

/** A small, real file to upload (a one-page PDF or a 1×1 PNG), in a fresh temporary folder. */
export function sampleFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-e2e-'));
  const path = join(dir, name);
  if (name.endsWith('.png')) {
    writeFileSync(
      path,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
  } else {
    writeFileSync(path, minimalPdf('Receipt 2026-11 / 42.00 EUR'));
  }
  return path;
}

function minimalPdf(text: string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 12 Tf 20 70 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

export interface A11yFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page as it is now and returns its serious and critical violations. Every run's full
 * result is kept in test-results/e2e/axe-<name>.json.
 */
export async function seriousA11yViolations(page: Page, name: string): Promise<A11yFinding[]> {
  const results = await axeFindings(page);
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(
    join(artifactsDir, `axe-${name}.json`),
    JSON.stringify({ url: results.url, violations: results.violations, passes: results.passes.length }, null, 2),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** Axe finds no serious or critical problem on the page (a soft check: the journey goes on). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const found = await seriousA11yViolations(page, name);
  expect.soft(found, `axe on ${name} (${page.url()})`).toEqual([]);
}

/** The page is not wider than the screen (nothing forces sideways scrolling on a phone). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect.soft(scrollWidth, `page width at ${innerWidth} px (${page.url()})`).toBeLessThanOrEqual(innerWidth);
}

/** Every page of the portal, by the role that sees it (`n`: an order of Anna's): the sweeps walk them all. */
export const PAGES: Array<{ who: string | undefined; paths: (n: string) => string[] }> = [
  {
    who: undefined,
    // `/auth/callback` without a sign-in under way ends on the sign-in page, saying it did not work.
    paths: () => ['/sign-in', '/auth/callback', '/survey/not-a-valid-link', '/answer/not-a-valid-link'],
  },
  {
    who: 'Anna Kowalska',
    paths: (n) => [
      '/',
      '/departments/HR',
      '/services/hr-onboarding',
      '/services/fin-expenses',
      '/orders',
      `/orders/${n}`,
      '/profile',
      '/nowhere',
    ],
  },
  { who: 'Hana Nowak', paths: (n) => ['/queue/HR', '/queue/HR/at-risk', `/orders/${n}`, '/departments/HR/services'] },
  {
    who: 'Henry Ortiz',
    paths: () => [
      '/departments/HR/dashboard',
      '/departments/HR/goals',
      '/departments/HR/customers',
      '/departments/HR/capacity',
      '/departments/HR/ranking',
      '/departments/HR/services/hr-onboarding/process',
      '/departments/HR/services/hr-onboarding/sipoc',
      '/handoffs',
      '/departments/HR/integrations',
      '/departments/HR/inbound',
      '/departments/HR/transfer',
      '/departments/HR',
      '/services/hr-onboarding/edit',
      '/departments/HR/services/new',
      '/departments/HR/setup',
      '/departments/HR/templates',
    ],
  },
  { who: 'Ada Lindqvist', paths: () => ['/admin/people', '/admin/departments', '/admin/audit', '/admin/privacy'] },
];

/**
 * Holds the API's answers to requests matching `url` until `release` is called, so a test can see
 * what the page shows before the answer arrives (optimistic updates).
 */
export async function holdAnswers(page: Page, url: string): Promise<{ release: () => void }> {
  let open: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    open = resolve;
  });
  // One answer is held; the route goes once it has let that answer through.
  const handler = async (route: Route) => {
    await held;
    await route.continue();
    await page.unroute(url, handler);
  };
  await page.route(url, handler);
  return { release: () => open() };
}
