/**
 * The administrator's screens: roles of people (audited), departments, and the audit log; and what
 * the others see of them.
 */
import { readFileSync } from 'node:fs';
import { utils as sheets, write as writeWorkbook } from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  desktopViewport,
  findingAt,
  launchBrowser,
  phoneViewport,
  screenshot,
  seriousFindings,
  signIn,
  startTestStack,
  stopTestStack,
} from './browser.ts';

let stack: Stack;
let browser: Browser;
let ada: Page;

/** A fresh profile (own session) signed in as `name`; axe needs the page to come from an explicit context. */
async function pageAs(name: string, viewport: { width: number; height: number } = desktopViewport): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, stack.appUrl, name);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  return (await seriousFindings(page)).map(findingAt);
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const adminTabs = (page: Page) => page.getByRole('navigation', { name: 'Administration' });

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  ada = await pageAs('Ada Lindqvist');
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

describe('administration', () => {
  it('Ada makes Carl an agent of Facilities', async () => {
    await mainNav(ada).getByRole('link', { name: 'Administration' }).click();
    await ada.getByRole('heading', { level: 1, name: 'People and roles' }).waitFor();
    await ada.getByLabel('Search people').fill('carl');
    await ada.getByRole('button', { name: 'Carl Jensen', exact: true }).click();
    const editor = ada.getByRole('form', { name: 'Roles of Carl Jensen' });
    await editor.waitFor();
    await editor.getByLabel('Facilities (FAC)').selectOption('agent');
    await editor.getByRole('button', { name: 'Save roles' }).click();
    await ada.getByTestId('roles-notice').filter({ hasText: 'The roles of Carl Jensen were saved.' }).waitFor();
    await expect.poll(() => ada.getByTestId('roles-carl').innerText()).toBe('Agent in FAC');

    // Making him head of Facilities points to the department, which still names Fatima.
    await editor.getByLabel('Facilities (FAC)').selectOption('head');
    await expect
      .poll(() => ada.getByTestId('head-hint').innerText())
      .toMatch(/department itself names Fatima Zahra as its head/);
    await ada.getByTestId('head-hint').getByRole('link', { name: 'Edit Facilities' }).waitFor();
    await editor.getByLabel('Facilities (FAC)').selectOption('agent');
    await expect.poll(() => ada.getByTestId('head-hint').count()).toBe(0);

    await screenshot(ada, 'admin-people');
    expect(await seriousViolations(ada)).toEqual([]);
  });

  it('the audit log tells the change in words', async () => {
    await adminTabs(ada).getByRole('link', { name: 'Audit log' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const entry = ada.getByTestId('audit-entry').filter({ hasText: 'Ada Lindqvist made Carl Jensen agent of FAC' });
    await entry.waitFor();
    await entry.getByText('Before and after').click();
    await expect.poll(() => entry.innerText()).toMatch(/Before\s+No roles \(employee only\)\s+After\s+Agent in FAC/);
    expect(await seriousViolations(ada)).toEqual([]);

    // On a phone the log reads without scrolling sideways.
    await ada.setViewportSize(phoneViewport);
    expect(await ada.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneViewport.width);
    await screenshot(ada, 'admin-audit-phone');
    await ada.setViewportSize(desktopViewport);
  });

  it('Ada creates Legal, headed by Carl', async () => {
    await adminTabs(ada).getByRole('link', { name: 'Departments' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Departments' }).waitFor();
    await ada.getByTestId('department-FAC').waitFor();
    await ada.getByRole('button', { name: 'New department' }).click();
    const form = ada.getByRole('form', { name: 'New department' });
    await form.waitFor();

    // Nothing filled in: the messages are listed and shown next to their fields.
    await form.getByRole('button', { name: 'Create department' }).click();
    const summary = form.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Code: Use 2–10 capital letters/);
    expect(await summary.innerText()).toMatch(/Department head: Required\./);

    await form.getByRole('textbox', { name: /^Code/ }).fill('leg');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Legal');
    await form.getByRole('textbox', { name: /^Contact email/ }).fill('legal@example.com');
    // The head is found by name and chosen from the list, which shows each person's department.
    await form.getByRole('combobox', { name: /^Department head/ }).pressSequentially('carl jen');
    await form.getByRole('option', { name: /Carl Jensen.*Marketing/ }).click();
    // The default calendar is there to adjust: Monday to Friday, 9 to 5, Warsaw.
    expect(await form.getByLabel(/^Time zone/).inputValue()).toBe('Europe/Warsaw');
    expect(await form.getByLabel('Monday, interval 1: from').inputValue()).toBe('09:00');
    await form.getByLabel(/^Value we deliver/).fill('Contracts reviewed before anyone signs.');
    expect(await seriousViolations(ada)).toEqual([]);
    await form.getByRole('button', { name: 'Create department' }).click();

    await ada.getByTestId('department-created').filter({ hasText: 'Legal (LEG) was created.' }).waitFor();
    const row = ada.getByTestId('department-LEG');
    await expect.poll(() => row.innerText()).toMatch(/LEG\s+Legal\s+Carl Jensen\s+legal@example\.com/);
    await screenshot(ada, 'admin-departments');
    expect(await seriousViolations(ada)).toEqual([]);

    // The catalog lists it among the departments, and its page opens.
    await mainNav(ada).getByRole('link', { name: 'Catalog', exact: true }).click();
    const index = ada.getByRole('navigation', { name: 'Departments' });
    await index.getByRole('link', { name: 'Legal (LEG)' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Legal' }).waitFor();
    await ada.getByText('Contracts reviewed before anyone signs.').waitFor();
  });

  it('Carl now works the Facilities queue', async () => {
    const carl = await pageAs('Carl Jensen');
    await mainNav(carl).getByRole('link', { name: 'Queue FAC' }).click();
    await carl.getByRole('heading', { level: 1, name: 'Queue FAC' }).waitFor();
    await expect.poll(() => carl.locator('table, .empty').count()).toBeGreaterThan(0);
    expect(await carl.getByRole('alert').count()).toBe(0);
    expect(await mainNav(carl).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await carl.context().close();
  });

  it('anyone else is told plainly that administration is not for them (on a phone)', async () => {
    const anna = await pageAs('Anna Kowalska', phoneViewport);
    expect(await mainNav(anna).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await anna.goto(`${stack.appUrl}/admin/people`);
    await anna.getByRole('heading', { level: 1, name: 'This page is for administrators' }).waitFor();
    expect(await anna.getByRole('table').count()).toBe(0);
    const width = await anna.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phoneViewport.width);
    await anna.context().close();
  });
});

describe('a department’s catalog exported and imported', () => {
  it('Henry downloads HR’s catalog, previews a changed copy and applies it', async () => {
    const henry = await pageAs('Henry Ortiz');
    await henry.goto(`${stack.appUrl}/departments/HR/services`);
    await henry.getByRole('link', { name: 'Export and import' }).click();
    await henry.getByRole('heading', { level: 1, name: 'Export and import the catalog of HR' }).waitFor();

    const [file] = await Promise.all([
      henry.waitForEvent('download'),
      henry.getByRole('button', { name: 'Download the catalog (JSON)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('ordo-HR.json');
    const document = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      format: string;
      services: Array<Record<string, unknown> & { id: string; name: string; summary: string }>;
    };
    expect(document.format).toBe('ordo.catalog');
    const changed = structuredClone(document);
    changed.services[0]!.summary = 'Done within a day, every time.';
    changed.services.push({ ...changed.services[0]!, id: 'hr-exit-interview', name: 'Exit interview' });

    // A malformed copy: the refusals by path in words, and nothing to apply.
    const broken = structuredClone(document);
    broken.services[0]!.name = '';
    const input = henry.getByLabel('Catalog file (JSON, CSV or XLSX)');
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const problems = henry.getByTestId('transfer-problems');
    await expect.poll(() => problems.innerText()).toMatch(/services\.0\.name: Required\./);
    expect(await henry.getByRole('button', { name: 'Apply the import' }).count()).toBe(0);

    await input.setInputFiles({
      name: 'hr.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(changed)),
    });
    const preview = henry.getByTestId('transfer-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/Added: 1\. Changed: 1\. Unchanged: \d+\./);
    const changedRow = preview.locator('tr[data-change="changed"]');
    expect(await changedRow.innerText()).toMatch(
      new RegExp(`${document.services[0]!.name}[\\s\\S]*Changed[\\s\\S]*Summary`),
    );
    expect(await preview.locator('tr[data-change="added"]').innerText()).toMatch(
      /Exit interview[\s\S]*Added as a draft/,
    );
    expect(await seriousViolations(henry)).toEqual([]);

    await henry.getByRole('button', { name: 'Apply the import' }).click();
    await henry.getByText(/^Imported\. New services are drafts/).waitFor();
    await henry.goto(`${stack.appUrl}/departments/HR/services`);
    await henry.getByRole('link', { name: 'Exit interview' }).waitFor();
    await henry.goto(`${stack.appUrl}/services/${document.services[0]!.id}`);
    await henry.getByText('Done within a day, every time.').first().waitFor();
    await henry.context().close();
  });

  it('Henry imports a list of services from an Excel workbook: refusals by row and column, then a preview to apply', async () => {
    const henry = await pageAs('Henry Ortiz');
    await henry.goto(`${stack.appUrl}/departments/HR/transfer`);
    const input = henry.getByLabel('Catalog file (JSON, CSV or XLSX)');
    /** A workbook as a spreadsheet program saves it: the first sheet is the list, a second one is ignored. */
    const workbook = (rows: unknown[][]) => {
      const book = sheets.book_new();
      sheets.book_append_sheet(book, sheets.aoa_to_sheet(rows), 'Services');
      sheets.book_append_sheet(book, sheets.aoa_to_sheet([['notes'], ['not read']]), 'Notes');
      return Buffer.from(writeWorkbook(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
    };
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const header = ['Name', 'Summary', 'Tags', 'Owner', 'Resolution'];

    // The example list the page offers imports as it is.
    const [example] = await Promise.all([
      henry.waitForEvent('download'),
      henry.getByRole('button', { name: 'Download an example list (CSV)' }).click(),
    ]);
    const exampleCsv = readFileSync(await example.path(), 'utf8');
    expect(exampleCsv).toMatch(/^\uFEFFname,summary,tags,resolution\r\nContract review,/);
    await input.setInputFiles({ name: 'example.csv', mimeType: 'text/csv', buffer: Buffer.from(exampleCsv) });
    await expect.poll(() => henry.getByTestId('transfer-preview').innerText()).toMatch(/Added: 2\./);

    // A file named .xlsx that is no workbook: said so, with how to save it.
    await input.setInputFiles({ name: 'services.xlsx', mimeType: xlsx, buffer: Buffer.from('name,summary\nA,B') });
    await henry.getByText(/^This file cannot be read as an Excel workbook\. Save it again as \.xlsx/).waitFor();

    // A resolution nobody can read: said by the row and column of the sheet, nothing to apply.
    await input.setInputFiles({
      name: 'services.xlsx',
      mimeType: xlsx,
      buffer: workbook([header, ['Visa letter', 'A letter for your visa application', 'visa', 'henry', 'soon']]),
    });
    const problems = henry.getByTestId('transfer-problems');
    await expect.poll(() => problems.innerText()).toMatch(/Row 2, column resolution: Type a number with its unit/);
    expect(await henry.getByRole('button', { name: 'Apply the import' }).count()).toBe(0);

    // Corrected: two services, a number of hours read as hours, a comma inside a cell kept.
    await input.setInputFiles({
      name: 'services.xlsx',
      mimeType: xlsx,
      buffer: workbook([
        header,
        ['Visa letter', 'A letter for your visa application, in English', 'visa', 'henry', '2 days'],
        [],
        ['Relocation help', 'Help with moving to another office', 'relocation; moving', 'henry', 16],
      ]),
    });
    const preview = henry.getByTestId('transfer-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/Added: 2\. Changed: 0\. Unchanged: 0\./);
    expect(await preview.locator('tr[data-change="added"]').allInnerTexts()).toEqual([
      expect.stringMatching(/Visa letter[\s\S]*hr-visa-letter[\s\S]*Added as a draft/),
      expect.stringMatching(/Relocation help[\s\S]*hr-relocation-help/),
    ]);
    expect(await seriousViolations(henry)).toEqual([]);
    await henry.getByRole('button', { name: 'Apply the import' }).click();
    await henry.getByText(/^Imported\. New services are drafts/).waitFor();

    const visa = (await stack.deps.services.get('hr-visa-letter'))!;
    expect(visa).toMatchObject({
      status: 'draft',
      summary: 'A letter for your visa application, in English',
      ownerId: 'henry',
      // HR's working day is 8 hours.
      standard: { resolutionMinutes: 960 },
    });
    expect((await stack.deps.services.get('hr-relocation-help'))!.tags).toEqual(['relocation', 'moving']);
    await henry.context().close();
  });
});
