/**
 * Journeys across people and departments, driven in the browser on the full local stack (SPEC §3, §4,
 * §9, §14.1, §14.2, §14.7). One stack for the file; every journey files its own orders. Each person
 * has their own browser profile, so sessions never mix. Screenshots (with ORDO_SCREENSHOTS=all) go to test-results/e2e/journey-*.png
 * and every axe run's result to test-results/e2e/axe-*.json.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  launchBrowser,
  openAs,
  phoneViewport,
  screenshot,
  screenshotsOnFailure,
  startTestStack,
  stopTestStack,
} from './browser.ts';
import {
  childRow,
  expectAccessible,
  expectNoSidewaysScroll,
  expectStatus,
  fileOrder,
  holdAnswers,
  openOrder,
  queueRow,
  sampleFile,
  waitForMail,
} from './journey-helpers.ts';

let stack: Stack;
let browser: Browser;
let url: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  url = stack.appUrl;
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

// When a step fails, keep what every open page showed at that moment.
screenshotsOnFailure(() => browser, 'journey');

const ANNA_EMAIL = 'anna.kowalska@example.com';

describe('journey 1: missing inputs → inputs handed over → the queue (on a phone for the requester)', () => {
  let anna: Page;
  let fiona: Page;
  let number = '';

  beforeAll(async () => {
    anna = await openAs(browser, url, 'Anna Kowalska', phoneViewport);
    fiona = await openAs(browser, url, 'Fiona Walsh');
  });

  it('Anna orders "Reimburse expenses" without the receipts and is told exactly what is missing', async () => {
    number = await fileOrder(
      anna,
      'receipts',
      'Reimburse expenses',
      [
        { label: 'Amount (EUR)', fill: '42.50' },
        { label: /^Cost centre/, fill: 'SA-101' },
        { label: 'What was it for', fill: 'Taxi to the customer workshop in Łódź' },
      ],
      async () => {
        await screenshot(anna, 'journey-1-phone-order-form');
        await expectAccessible(anna, 'journey-1-service-form');
        await expectNoSidewaysScroll(anna);
      },
    );
    expect(number).toMatch(/^FIN-\d+$/);
    await expectStatus(anna, 'awaiting inputs');
    expect(await anna.getByTestId('still-missing').getByRole('listitem').allInnerTexts()).toEqual([
      'Scans of the receipts',
    ]);
    // The form answer that provides the cost centre counts as handed over.
    await expect.poll(() => anna.getByTestId('inputs-checklist').innerText()).toMatch(/received:\s*Cost centre/);
    await screenshot(anna, 'journey-1-phone-awaiting-inputs');
    await expectAccessible(anna, 'journey-1-order-awaiting-inputs');
    await expectNoSidewaysScroll(anna);
    // The requester is also told by mail what is missing.
    const mail = await waitForMail(stack.sesEndpoint, ANNA_EMAIL, new RegExp(`^Hand over what is missing: ${number} `));
    expect(mail.body.text).toContain('Work starts once you hand over: Scans of the receipts.');
  });

  it('Finance sees it waiting for inputs, without a way to claim it', async () => {
    const row = await queueRow(fiona, url, 'FIN', number);
    await expect.poll(() => row.innerText()).toMatch(/awaiting inputs/);
    expect(await row.getByRole('button', { name: /^Claim/ }).count()).toBe(0);
    await screenshot(fiona, 'journey-1-fin-queue-awaiting-inputs');
    await expectAccessible(fiona, 'journey-1-fin-queue');

    await row.getByRole('link', { name: number, exact: true }).click();
    await expectStatus(fiona, 'awaiting inputs');
    expect(await fiona.getByRole('button', { name: 'Claim', exact: true }).count()).toBe(0);
  });

  it('Anna hands the receipt over on the order page and the order opens by itself', async () => {
    await anna.getByLabel('File for “Scans of the receipts”').setInputFiles(sampleFile('receipt.pdf'));
    await anna.getByText(/^Uploaded receipt\.pdf/).waitFor();
    await anna.getByRole('button', { name: 'Hand over “Scans of the receipts”' }).click();
    await expectStatus(anna, 'open');
    expect(await anna.getByTestId('still-missing').count()).toBe(0);
    const timeline = await anna.getByTestId('timeline').innerText();
    expect(timeline).toMatch(/Input handed over/);
    expect(timeline).toMatch(/Inputs complete/);
    expect(timeline).toMatch(/awaiting inputs → open/);
    await expect
      .poll(() => anna.getByTestId('inputs-checklist').innerText())
      .toMatch(/received:\s*Scans of the receipts/);
    await screenshot(anna, 'journey-1-phone-inputs-handed-over');
    await expectNoSidewaysScroll(anna);

    await anna.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).click();
    const mine = anna.getByRole('row').filter({ has: anna.getByRole('link', { name: number, exact: true }) });
    await expect.poll(() => mine.innerText()).toMatch(/Reimburse expenses[\s\S]*\bopen\b/);
    await screenshot(anna, 'journey-1-phone-my-orders');
    await expectAccessible(anna, 'journey-1-my-orders-phone');
    await expectNoSidewaysScroll(anna);
  });

  it('Fiona finds it open in the FIN queue and claims it', async () => {
    const row = await queueRow(fiona, url, 'FIN', number);
    await expect.poll(() => row.innerText()).toMatch(/\bopen\b/);
    await row.getByRole('button', { name: `Claim ${number}` }).click();
    await fiona.getByText(`You claimed ${number}.`).waitFor();
    await expect.poll(() => row.innerText()).toMatch(/in progress/);
    await screenshot(fiona, 'journey-1-fin-queue-claimed');

    await openOrder(fiona, url, number);
    await expectStatus(fiona, 'in progress');
    expect(await fiona.getByTestId('order-assignee').innerText()).toBe('Fiona Walsh');
    await expectAccessible(fiona, 'journey-1-order-in-progress-agent');
  });
});

describe('journey 2: a clarification answered from the emailed link, without signing in', () => {
  let anna: Page;
  let hana: Page;
  let guest: Page;
  let number = '';
  let link = '';
  const question = 'Is the start date still 11 January? The contract says February.';

  beforeAll(async () => {
    [anna, hana, guest] = await Promise.all([
      openAs(browser, url, 'Anna Kowalska'),
      openAs(browser, url, 'Hana Nowak'),
      openAs(browser, url, undefined),
    ]);
  });

  it('Anna orders an onboarding; Hana claims it and asks about the start date only', async () => {
    number = await fileOrder(anna, 'onboard', 'Onboard a new employee', [
      { label: 'Full name of the new hire', fill: 'Jan Zieliński' },
      { label: 'Start date', fill: '2027-01-11' },
      { label: 'Contract type', select: 'Permanent' },
      { label: "Manager's email", fill: 'marta@example.com' },
    ]);
    await expectStatus(anna, 'open');

    const row = await queueRow(hana, url, 'HR', number);
    await row.getByRole('link', { name: number, exact: true }).click();
    await hana.getByRole('button', { name: 'Claim', exact: true }).click();
    await expectStatus(hana, 'in progress');

    await hana.getByRole('button', { name: 'Request clarification' }).click();
    await hana.getByLabel('What do you need from the requester?').fill(question);
    await hana.getByRole('group', { name: 'Form answers to give again (optional)' }).getByLabel('Start date').check();
    await screenshot(hana, 'journey-2-clarification-form');
    await expectAccessible(hana, 'journey-2-clarification-form');
    await hana.getByRole('button', { name: 'Send request' }).click();
    await expectStatus(hana, 'waiting for the customer');
    await expect.poll(() => hana.getByTestId('order-counts').innerText()).toMatch(/^1 clarification,/);
  });

  it('the requester’s email holds a signed /answer/ link', async () => {
    const mail = await waitForMail(stack.sesEndpoint, ANNA_EMAIL, new RegExp(`^We need something from you: ${number}`));
    const body = `${mail.body.text ?? ''}\n${mail.body.html ?? ''}`;
    const found = body.match(/https?:\/\/[^\s"'<>]+\/answer\/[^\s"'<>]+/);
    expect(found, 'an /answer/ link in the mail').not.toBeNull();
    link = (found?.[0] ?? '').replaceAll('&amp;', '&');
    expect(link.startsWith(`${url}/answer/`)).toBe(true);
    expect(body).toContain(question);
  });

  it('the link opens, signed out, with the question and only the start date', async () => {
    await guest.goto(link);
    await guest.getByRole('heading', { level: 1, name: 'Answer the team’s question' }).waitFor();
    expect(await guest.getByTestId('current-user').count()).toBe(0);
    await guest.getByText(question).waitFor();
    const asked = guest.getByRole('group', { name: 'Please answer these again' });
    // Only the requested field, prefilled with the current answer.
    expect(await asked.locator('input, select, textarea').count()).toBe(1);
    await expect.poll(() => asked.getByLabel('Start date').inputValue()).toBe('2027-01-11');
    for (const other of ['Full name of the new hire', 'Contract type', "Manager's email"]) {
      expect(await guest.getByLabel(other).count()).toBe(0);
    }
    await screenshot(guest, 'journey-2-answer-page-signed-out');
    await expectAccessible(guest, 'journey-2-answer-page');

    await asked.getByLabel('Start date').fill('2027-02-01');
    await guest.getByLabel('Your answer').fill('Sorry, my mistake: Jan starts on 1 February.');
    await guest.getByRole('button', { name: 'Send answer' }).click();
    await guest.getByRole('heading', { name: 'Thank you. Your answer was sent to the team.' }).waitFor();
    await screenshot(guest, 'journey-2-answer-sent');
    await expectAccessible(guest, 'journey-2-answer-sent');
  });

  it('the order is back in progress by itself, and Hana sees the new answer and the timeline', async () => {
    await openOrder(hana, url, number);
    await expectStatus(hana, 'in progress');
    // The answers are labelled once the service (its form) has loaded next to the order.
    const answers = hana.getByRole('region', { name: 'Answers', exact: true });
    await expect.poll(() => answers.innerText()).toMatch(/Start date\s*1 Feb 2027/);
    expect(await answers.innerText()).not.toContain('2027-01-11');
    const timeline = await hana.getByTestId('timeline').innerText();
    expect(timeline).toMatch(/Clarification requested/);
    expect(timeline).toContain(question);
    expect(timeline).toMatch(/Clarification answered by Anna Kowalska/);
    expect(timeline).toContain('Sorry, my mistake: Jan starts on 1 February.');
    expect(timeline).toMatch(/waiting for the customer → in progress/);
    expect(await hana.getByTestId('order-counts').innerText()).toMatch(/^1 clarification,/);
    await screenshot(hana, 'journey-2-answered-agent-view');
    await expectAccessible(hana, 'journey-2-order-answered');
    await waitForMail(stack.sesEndpoint, 'hana.nowak@example.com', new RegExp(`^Customer replied: ${number}`));
  });

  it('the same link cannot be used a second time', async () => {
    await guest.goto(link);
    await guest.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
  });
});

describe('journey 3: hand-off to Finance with a round of rework', () => {
  let anna: Page;
  let hana: Page;
  let fiona: Page;
  let parent = '';
  let child = '';
  const missing = 'Only the HR record number came through; attach the scans of the relocation invoices.';

  beforeAll(async () => {
    [anna, hana, fiona] = await Promise.all([
      openAs(browser, url, 'Anna Kowalska'),
      openAs(browser, url, 'Hana Nowak'),
      openAs(browser, url, 'Fiona Walsh'),
    ]);
  });

  it('Hana works an onboarding order and ticks "Employee record created" with a note', async () => {
    parent = await fileOrder(anna, 'onboard', 'Onboard a new employee', [
      { label: 'Full name of the new hire', fill: 'Maria Nowak' },
      { label: 'Start date', fill: '2027-03-01' },
      { label: 'Contract type', select: 'Permanent' },
      { label: "Manager's email", fill: 'piotr@example.com' },
    ]);
    const row = await queueRow(hana, url, 'HR', parent);
    await row.getByRole('button', { name: `Claim ${parent}` }).click();
    await hana.getByText(`You claimed ${parent}.`).waitFor();
    await openOrder(hana, url, parent);
    await expectStatus(hana, 'in progress');

    await hana.getByLabel('Note on “Employee record created”').fill('Record E-2291; relocation paid by the new hire');
    const box = hana.getByRole('checkbox', { name: 'Employee record created', exact: true });
    await box.check();
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(() => hana.getByTestId('timeline').innerText()).toContain('Record E-2291');
  });

  it('she hands it off to "Reimburse expenses", passing the deliverable as the receipts', async () => {
    await hana.getByRole('button', { name: 'Hand off to another department' }).click();
    await hana.getByLabel('Service of the other department').selectOption({ label: 'Reimburse expenses' });
    const form = hana.getByRole('group', { name: 'The form of “Reimburse expenses”' });
    await form.getByLabel('Amount (EUR)').fill('310');
    await form.getByLabel(/^Cost centre/).fill('HR-204');
    await form.getByLabel('What was it for').fill('Relocation costs of Maria Nowak');
    await hana.getByLabel('“Employee record created” counts as').selectOption({ label: 'Scans of the receipts' });
    await hana.getByLabel('Note for the other team (optional)').fill('Please reimburse the relocation.');
    await screenshot(hana, 'journey-3-handoff-dialog');
    await expectAccessible(hana, 'journey-3-handoff-dialog');
    await hana.getByRole('button', { name: 'Send hand-off' }).click();

    const done = hana.getByText(/^Handed off as FIN-\d+\./);
    await done.waitFor();
    child = ((await done.innerText()).match(/FIN-\d+/) ?? [''])[0];
    expect(child).toMatch(/^FIN-\d+$/);
    const link = childRow(hana, child);
    await link.waitFor();
    expect(await link.innerText()).toMatch(/Reimburse expenses\s*\(FIN, hand-off\)\s*open/);
    expect(await hana.getByTestId('timeline').innerText()).toContain(`Handed off to Reimburse expenses as ${child}`);
    await screenshot(hana, 'journey-3-parent-with-child');
  });

  it('Fiona returns the child’s receipts for rework, saying what is missing', async () => {
    const row = await queueRow(fiona, url, 'FIN', child);
    await row.getByRole('link', { name: child, exact: true }).click();
    await expectStatus(fiona, 'open');
    const inputs = await fiona.getByTestId('inputs-checklist').innerText();
    expect(inputs).toContain(`From ${parent}: Employee record created — Record E-2291`);
    expect(await fiona.getByTestId('order-counts').innerText()).toMatch(/0 returns for rework$/);

    await fiona.getByRole('button', { name: 'Return inputs for rework' }).click();
    await fiona
      .getByRole('group', { name: /Which inputs are incomplete\?/ })
      .getByLabel('Scans of the receipts')
      .check();
    await fiona.getByLabel('What is missing?').fill(missing);
    await expectAccessible(fiona, 'journey-3-return-form');
    await fiona.getByRole('button', { name: 'Return for rework' }).click();
    await expectStatus(fiona, 'awaiting inputs');
    const mail = await waitForMail(stack.sesEndpoint, ANNA_EMAIL, new RegExp(`^Please rework your inputs: ${child} `));
    expect(mail.body.text).toContain('Still missing: Scans of the receipts.');
    // The rework is counted and shown to the team in the order's header.
    await expect
      .poll(() => fiona.getByTestId('order-counts').innerText())
      .toMatch(/^0 clarifications, 1 return for rework$/);
    expect(await fiona.getByTestId('timeline').innerText()).toMatch(/Returned for rework/);
    await screenshot(fiona, 'journey-3-child-returned');
  });

  it('Anna sees on the child what is missing and on the case that the child waits', async () => {
    await openOrder(anna, url, parent);
    await expect.poll(() => childRow(anna, child).innerText()).toMatch(/awaiting inputs/);
    await childRow(anna, child).getByRole('link', { name: child }).click();
    await anna.getByTestId('order-number').filter({ hasText: child }).waitFor();
    await expectStatus(anna, 'awaiting inputs');
    expect(await anna.getByTestId('still-missing').getByRole('listitem').allInnerTexts()).toEqual([
      'Scans of the receipts',
    ]);
    expect(await anna.getByTestId('inputs-checklist').innerText()).toContain(missing);
    await screenshot(anna, 'journey-3-requester-sees-rework');
    await expectAccessible(anna, 'journey-3-child-awaiting-inputs-requester');
  });

  it('Anna hands the receipts over again; the child opens and the case shows it', async () => {
    await anna.getByLabel('Note on “Scans of the receipts” (optional)').fill('Both relocation invoices attached.');
    await anna.getByLabel('File for “Scans of the receipts”').setInputFiles(sampleFile('invoices.png'));
    await anna.getByText(/^Uploaded invoices\.png/).waitFor();
    await anna.getByRole('button', { name: 'Hand over “Scans of the receipts”' }).click();
    await expectStatus(anna, 'open');
    await screenshot(anna, 'journey-3-child-open-again');

    await anna.getByRole('link', { name: parent, exact: true }).first().click();
    await anna.getByTestId('order-number').filter({ hasText: parent }).waitFor();
    await expect.poll(() => childRow(anna, child).innerText()).toMatch(/\bopen$/);
    await screenshot(anna, 'journey-3-case-shows-child-open');

    await openOrder(hana, url, parent);
    await expect.poll(() => childRow(hana, child).innerText()).toMatch(/\bopen$/);

    await openOrder(fiona, url, child);
    await expectStatus(fiona, 'open');
    expect(await fiona.getByTestId('order-counts').innerText()).toMatch(/1 return for rework$/);
    const timeline = await fiona.getByTestId('timeline').innerText();
    expect(timeline).toMatch(/Returned for rework[\s\S]*Input handed over[\s\S]*Inputs complete/);
    await screenshot(fiona, 'journey-3-child-rework-counted');
  });

  it('the head of Finance sees the return for rework counted for the service', async () => {
    const frank = await openAs(browser, url, 'Frank Moreau');
    await frank.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard FIN' }).click();
    const kpi = frank.getByTestId('dashboard-kpis').getByRole('listitem').filter({ hasText: 'Returned for rework' });
    await expect.poll(() => kpi.innerText(), { timeout: 15_000 }).toMatch(/Returned for rework\s*1$/);
    const table = frank.getByRole('table', { name: 'Services, the one needing attention most first' });
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
    const column = headers.indexOf('Returned for rework');
    expect(column).toBeGreaterThan(0);
    const row = table.getByRole('row').filter({ hasText: 'Reimburse expenses' });
    const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.trim());
    expect(cells[column]).toBe('1');
    await screenshot(frank, 'journey-3-fin-dashboard-reworks');
    await frank.context().close();
  });
});

describe('journey 4: one case across HR, IT and Facilities', () => {
  let anna: Page;
  let iris: Page;
  let felix: Page;
  let number = '';
  let itPart = '';
  let facPart = '';

  beforeAll(async () => {
    [anna, iris, felix] = await Promise.all([
      openAs(browser, url, 'Anna Kowalska'),
      openAs(browser, url, 'Iris Chen'),
      openAs(browser, url, 'Felix Braun'),
    ]);
  });

  it('Anna orders "New joiner: everything for day one" and sees the three parts', async () => {
    number = await fileOrder(anna, 'day one', 'New joiner: everything for day one', [
      { label: 'Full name of the new hire', fill: 'Ola Wiśniewska' },
      { label: 'Start date', fill: '2027-03-01' },
      { label: "Manager's email", fill: 'tomasz@example.com' },
      { label: 'Laptop', select: '14" standard' },
      { label: 'Office', select: 'Kraków' },
    ]);
    expect(number).toMatch(/^HR-\d+$/);
    // HR's own part: the case order.
    await expectStatus(anna, 'open');
    expect(await anna.getByRole('link', { name: 'HR', exact: true }).count()).toBeGreaterThan(0);

    const parts = anna.getByTestId('children').getByRole('listitem');
    await expect.poll(() => parts.count()).toBe(2);
    const texts = await parts.allInnerTexts();
    const it = texts.find((t) => /^IT-\d+/.test(t)) ?? '';
    const fac = texts.find((t) => /^FAC-\d+/.test(t)) ?? '';
    expect(it).toMatch(/New laptop\s*\(IT, part of the case\)\s*awaiting approval$/);
    expect(fac).toMatch(/Desk and access badge\s*\(FAC, part of the case\)\s*open$/);
    itPart = (it.match(/^IT-\d+/) ?? [''])[0];
    facPart = (fac.match(/^FAC-\d+/) ?? [''])[0];
    await screenshot(anna, 'journey-4-case-three-parts');
    await expectAccessible(anna, 'journey-4-case');
  });

  it('Iris (IT head) approves the IT part', async () => {
    const row = await queueRow(iris, url, 'IT', itPart);
    await expect.poll(() => row.innerText()).toMatch(/awaiting approval/);
    expect(await row.getByRole('button', { name: /^Claim/ }).count()).toBe(0);
    await row.getByRole('link', { name: itPart, exact: true }).click();
    await expectStatus(iris, 'awaiting approval');
    expect(await iris.getByRole('link', { name: number, exact: true }).count()).toBeGreaterThan(0);
    await iris.getByRole('button', { name: 'Approve', exact: true }).click();
    await expectStatus(iris, 'open');
    await iris.getByText('Approved.').waitFor();
    await screenshot(iris, 'journey-4-it-approved');
    await expectAccessible(iris, 'journey-4-it-part-approved');
  });

  it('Felix (Facilities) claims the Facilities part from his queue', async () => {
    const row = await queueRow(felix, url, 'FAC', facPart);
    await row.getByRole('button', { name: `Claim ${facPart}` }).click();
    await felix.getByText(`You claimed ${facPart}.`).waitFor();
    await expect.poll(() => row.innerText()).toMatch(/in progress/);
    await screenshot(felix, 'journey-4-fac-claimed');
    await expectAccessible(felix, 'journey-4-fac-queue');
  });

  it('Anna’s case page shows each part’s new status', async () => {
    await openOrder(anna, url, number);
    await expect.poll(() => childRow(anna, itPart).innerText()).toMatch(/\(IT, part of the case\)\s*open$/);
    await expect.poll(() => childRow(anna, facPart).innerText()).toMatch(/\(FAC, part of the case\)\s*in progress$/);
    await screenshot(anna, 'journey-4-case-parts-moved');

    // The parts are Anna's own orders too, each with its department and link back to the case.
    await childRow(anna, itPart).getByRole('link', { name: itPart }).click();
    await anna.getByTestId('order-number').filter({ hasText: itPart }).waitFor();
    await expectStatus(anna, 'open');
    expect(await anna.getByRole('link', { name: number, exact: true }).count()).toBeGreaterThan(0);
  });
});

describe('optimistic updates: shown at once, rolled back when refused', () => {
  let hana: Page;
  let number: string;

  beforeAll(async () => {
    const anna = await stack.deps.users.get('anna');
    const hanaUser = await stack.deps.users.get('hana');
    const filed = await stack.deps.orderWorkflow.create(anna!, {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Bank' },
    });
    number = filed.order.number;
    await stack.deps.orderWorkflow.transition(hanaUser!, number, { action: 'claim', version: filed.order.version });
    hana = await openAs(browser, url, 'Hana Nowak');
  });

  it('a ticked deliverable shows before the answer and stays when it is accepted', async () => {
    await openOrder(hana, url, number);
    const box = hana.getByRole('checkbox', { name: 'Signed certificate scan sent' });
    // Hold the answer back so the page has to show the tick on its own.
    const answer = await holdAnswers(hana, '**/deliverables/**');
    await box.check();
    expect(await box.isChecked()).toBe(true);
    answer.release();
    await hana.getByText('“Signed certificate scan sent” updated.').waitFor();
    expect(await box.isChecked()).toBe(true);
  });

  it('a change refused as a conflict is rolled back and the latest order is shown', async () => {
    await openOrder(hana, url, number);
    const box = hana.getByRole('checkbox', { name: 'Signed certificate scan sent' });
    expect(await box.isChecked()).toBe(true);
    // Someone else changes the order after the page read it: the page's version is now stale.
    const hanaUser = await stack.deps.users.get('hana');
    const current = await stack.deps.orderWorkflow.view(hanaUser!, number);
    await stack.deps.orderWorkflow.setPriority(hanaUser!, number, { version: current.order.version, priority: 'high' });
    // Held again, so the untick is seen before the refusal rolls it back.
    const answer = await holdAnswers(hana, '**/deliverables/**');
    await box.uncheck();
    expect(await box.isChecked()).toBe(false);
    answer.release();
    await hana.getByText('Someone else changed this order; here is the latest.').waitFor();
    await expect.poll(() => box.isChecked()).toBe(true);
    await hana.getByText('High', { exact: true }).first().waitFor();
  });
});
