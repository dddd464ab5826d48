/**
 * Quality journeys in the browser on the full local stack (SPEC §7, §14.3, §14.4, §14.6): a rating
 * given from the emailed one-click links, its low-rating follow-up tracked to closure by the process
 * owner, and a head changing a service's time standard while orders already filed keep theirs.
 * Screenshots (with ORDO_SCREENSHOTS=all) go to test-results/e2e/quality-*.png.
 */
import type { Browser, Page, Response } from 'playwright-core';
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
  expectNoSidewaysScroll,
  expectStatus,
  fileOrder,
  openOrder,
  queueRow,
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
screenshotsOnFailure(() => browser, 'quality');

const ANNA_EMAIL = 'anna.kowalska@example.com';
const HANA_EMAIL = 'hana.nowak@example.com';
const CERTIFICATE = 'Employment certificate';

/** Anna files an employment certificate for the bank from the catalog; returns its number. */
function fileCertificate(page: Page): Promise<string> {
  return fileOrder(page, 'certificate', CERTIFICATE, [{ label: 'What it is for', select: 'Bank' }]);
}

/** The one-click rating links of a survey mail, by score. */
function ratingLinks(text: string): Map<number, string> {
  const links = new Map<number, string>();
  for (const found of text.matchAll(/https?:\/\/[^\s"'<>]+\/survey\/[^\s"'<>]+/g)) {
    const link = found[0].replaceAll('&amp;', '&');
    const score = Number(new URL(link).searchParams.get('score'));
    if (score) links.set(score, link);
  }
  return links;
}

describe('journey A: a rating from the email, changed, and its follow-up closed by the process owner', () => {
  let anna: Page;
  let hana: Page;
  let guest: Page;
  let number = '';
  let links = new Map<number, string>();
  const comment = 'The scan came a day after the bank deadline; I had to ask twice.';

  beforeAll(async () => {
    [anna, hana, guest] = await Promise.all([
      openAs(browser, url, 'Anna Kowalska'),
      openAs(browser, url, 'Hana Nowak'),
      openAs(browser, url, undefined, phoneViewport),
    ]);
  });

  it('Anna files "Employment certificate"; Hana claims it, ticks the scan and resolves it', async () => {
    number = await fileCertificate(anna);
    expect(number).toMatch(/^HR-\d+$/);
    await expectStatus(anna, 'open');

    const row = await queueRow(hana, url, 'HR', number);
    await row.getByRole('button', { name: `Claim ${number}` }).click();
    await hana.getByText(`You claimed ${number}.`).waitFor();
    await openOrder(hana, url, number);
    await expectStatus(hana, 'in progress');
    const box = hana.getByRole('checkbox', { name: 'Signed certificate scan sent', exact: true });
    await box.check();
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(() => hana.getByTestId('timeline').innerText()).toContain('Signed certificate scan sent');
    await hana.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expectStatus(hana, 'resolved');
    await screenshot(hana, 'quality-a-resolved-by-hana');
  });

  it('the survey mail to Anna holds five one-click rating links', async () => {
    const mail = await waitForMail(stack.sesEndpoint, ANNA_EMAIL, new RegExp(`^How did we do\\? ${number}\\b`));
    links = ratingLinks(`${mail.body.text ?? ''}\n${mail.body.html ?? ''}`);
    expect([...links.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    // One signed token for the order; the links differ only in the score.
    const tokens = new Set([...links.values()].map((l) => new URL(l).pathname));
    expect(tokens.size).toBe(1);
    for (const link of links.values()) expect(link.startsWith(`${url}/survey/`)).toBe(true);
  });

  it('signed out on a phone, the link for 2 preselects 2 and records it only when she presses Save', async () => {
    await guest.goto(links.get(2) ?? '');
    // Opening the link (as a mail scanner would) records nothing: the page asks her to confirm.
    await guest.getByRole('heading', { level: 1, name: 'How did we do?' }).waitFor();
    expect(await guest.getByTestId('current-user').count()).toBe(0);
    await guest.getByText(`Order ${number}:`).waitFor();
    expect(await guest.getByRole('radio', { name: '2 of 5, dissatisfied' }).isChecked()).toBe(true);
    await guest.getByTestId('survey-confirm-hint').waitFor();
    const token = new URL(links.get(2) ?? '').pathname.split('/').pop() ?? '';
    const before = await guest.request.get(`${url}/api/v1/surveys/${token}`);
    expect(((await before.json()) as { score?: number }).score).toBeUndefined();
    await screenshot(guest, 'quality-a-phone-preselected-2');

    await guest.getByRole('button', { name: 'Save my rating' }).click();
    await guest.getByRole('heading', { level: 1, name: 'Thank you — you rated 2 of 5' }).waitFor();
    await guest.getByText('Saved. You rated 2 of 5.').waitFor();
    // The address no longer carries the score once it is recorded.
    await expect.poll(() => new URL(guest.url()).search).toBe('');
    await screenshot(guest, 'quality-a-phone-rated-2');
    await expectNoSidewaysScroll(guest);

    // A low score asks what went wrong.
    const why = guest.getByRole('group', { name: 'What went wrong? (optional)' });
    await why.getByRole('radio', { name: 'It took too long' }).check();
    await guest.getByLabel('Comment (optional)').fill(comment);
    await guest.getByRole('button', { name: 'Save changes' }).click();
    await guest.getByText('Saved. You rated 2 of 5.').waitFor();
    await screenshot(guest, 'quality-a-phone-category-and-comment');
    await expectNoSidewaysScroll(guest);

    // The process owner is told of the low rating.
    await waitForMail(stack.sesEndpoint, HANA_EMAIL, new RegExp(`^Low rating: ${number}\\b`));
  });

  it('she changes her mind with the link for 4: the page preselects 4, saves it on her press and keeps her comment', async () => {
    await guest.goto(links.get(4) ?? '');
    // Still the recorded 2 until she confirms the 4.
    await guest.getByRole('heading', { level: 1, name: 'Thank you — you rated 2 of 5' }).waitFor();
    expect(await guest.getByRole('radio', { name: '4 of 5, satisfied' }).isChecked()).toBe(true);
    await guest.getByTestId('survey-confirm-hint').waitFor();
    await guest.getByRole('button', { name: 'Save changes' }).click();
    await guest.getByRole('heading', { level: 1, name: 'Thank you — you rated 4 of 5' }).waitFor();
    expect(await guest.getByRole('radio', { name: '2 of 5, dissatisfied' }).isChecked()).toBe(false);
    await expect.poll(() => guest.getByLabel('Comment (optional)').inputValue()).toBe(comment);
    // "What went wrong" belongs to low ratings only.
    expect(await guest.getByRole('group', { name: 'What went wrong? (optional)' }).count()).toBe(0);
    await screenshot(guest, 'quality-a-phone-changed-to-4');
    await expectNoSidewaysScroll(guest);

    // A reload shows the rating as it is now, not the score of the link.
    await guest.reload();
    await guest.getByRole('heading', { level: 1, name: 'Thank you — you rated 4 of 5' }).waitFor();
  });

  it('signed in, Anna’s order page shows her current rating', async () => {
    await openOrder(anna, url, number);
    await expectStatus(anna, 'resolved');
    await expect.poll(() => anna.getByTestId('order-rating').innerText()).toBe('Your rating: 4 of 5.');
    const rating = anna.getByRole('region', { name: 'How did we do?' });
    expect(await rating.getByRole('radio', { name: '4 of 5, satisfied' }).isChecked()).toBe(true);
    expect(await rating.getByLabel('Comment (optional)').inputValue()).toBe(comment);
    const timeline = await anna.getByTestId('timeline').innerText();
    expect(timeline).toMatch(/Rated 2 of 5/);
    expect(timeline).toMatch(/Rated 4 of 5/);
    await screenshot(anna, 'quality-a-order-rating-4');
  });

  it('the follow-up opened by the 2 is on Hana’s dashboard, and she closes it with a note', async () => {
    await hana.goto(`${url}/departments/HR/dashboard`);
    const panel = hana.getByRole('region', { name: 'Follow-ups of low ratings' });
    await panel.waitFor();
    const item = panel.getByRole('listitem').filter({ has: hana.getByRole('link', { name: number, exact: true }) });
    await item.waitFor({ timeout: 15_000 });
    const text = await item.innerText();
    expect(text).toContain(CERTIFICATE);
    // Opened by the first rating, and it stays although the rating is now 4, which it shows too.
    expect(text).toContain('Rated 2 of 5');
    expect(await item.getByTestId('follow-up-latest').innerText()).toBe(', now 4 of 5');
    // The team sees the current rating on the order page as well.
    await openOrder(hana, url, number);
    expect(await hana.getByTestId('order-rating-fact').innerText()).toContain('4 of 5');
    await hana.goto(`${url}/departments/HR/dashboard`);
    await item.waitFor({ timeout: 15_000 });
    // What she said about the low score reaches the process owner who follows it up.
    expect.soft(text, 'the follow-up shows the category given for the low rating').toContain('It took too long');
    expect.soft(text, 'the follow-up shows the comment given with the low rating').toContain(comment);
    await screenshot(hana, 'quality-a-follow-up-open');

    const note = 'Called Anna; the bank accepted the scan. Scans now go out the same day.';
    await item.getByLabel(`What was done about ${number}?`).fill(note);
    await item.getByRole('button', { name: `Close follow-up ${number}` }).click();
    await panel.getByText(`The follow-up of ${number} is closed.`).waitFor();
    expect(await panel.getByLabel(`What was done about ${number}?`).count()).toBe(0);
    const closed = panel.locator('details').filter({ hasText: /Closed follow-ups \(\d+\)/ });
    await closed.locator('summary').click();
    const done = closed.getByRole('listitem').filter({ has: hana.getByRole('link', { name: number, exact: true }) });
    await expect.poll(() => done.innerText()).toContain(note);
    expect(await done.innerText()).toMatch(/closed by Hana Nowak/);
    await screenshot(hana, 'quality-a-follow-up-closed');

    // Still closed after a fresh load: nothing of it is left open.
    await hana.reload();
    await panel.waitFor();
    await panel.getByText(/^Closed follow-ups \(\d+\)$/).waitFor();
    expect(await panel.getByLabel(`What was done about ${number}?`).count()).toBe(0);
    await panel.getByText('No open follow-ups. Nothing to follow up.').waitFor();
  });
});

describe('journey B: the head of HR edits the standard of "Employment certificate"', () => {
  let anna: Page;
  let henry: Page;
  let before = '';
  let after = '';

  /** Opens the service page as it is now; returns the promise date the API gave the page. */
  async function serviceWithPromise(page: Page): Promise<number> {
    const response: Promise<Response> = page.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/api\/.*\/services\/hr-certificate$/.test(new URL(r.url()).pathname),
    );
    await page.goto(`${url}/services/hr-certificate`);
    const body = (await (await response).json()) as { promisedAt?: string };
    await page.getByRole('heading', { level: 1, name: CERTIFICATE }).waitFor();
    expect(body.promisedAt, 'the service page is given a promise date').toBeTruthy();
    return Date.parse(body.promisedAt ?? '');
  }

  /** Opens an order; returns the promise date the API gave the page. */
  async function orderWithPromise(page: Page, number: string): Promise<number> {
    const response: Promise<Response> = page.waitForResponse(
      (r) =>
        r.request().method() === 'GET' &&
        new URL(r.url()).pathname.startsWith('/api/') &&
        new URL(r.url()).pathname.endsWith(`/orders/${encodeURIComponent(number)}`),
    );
    await openOrder(page, url, number);
    const body = (await (await response).json()) as { order?: { promisedAt?: string } };
    expect(body.order?.promisedAt, `a promise date for ${number}`).toBeTruthy();
    return Date.parse(body.order?.promisedAt ?? '');
  }

  function facts(page: Page) {
    return page.locator('dl.facts').first();
  }

  beforeAll(async () => {
    [anna, henry] = await Promise.all([openAs(browser, url, 'Anna Kowalska'), openAs(browser, url, 'Henry Ortiz')]);
  });

  it('before the change, the service promises 2 working days and Anna files an order under it', async () => {
    await serviceWithPromise(anna);
    await expect
      .poll(() => facts(anna).innerText())
      .toMatch(/Our promise\s*answered within 4 working hours, done within 2 working days/);
    before = await fileCertificate(anna);
    await expect.poll(() => anna.getByTestId('clock-resolution').innerText()).toMatch(/Standard\s*2 working days/);
  });

  it('Henry changes "Done within" from 2 working days to 8 working hours, watching the words and the preview', async () => {
    await henry.goto(`${url}/services/hr-certificate/edit`);
    await henry.getByRole('heading', { level: 1, name: `Edit “${CERTIFICATE}”` }).waitFor();
    const done = henry.getByLabel(/^Done within/);
    const words = henry.getByTestId('edit-standard-resolutionMinutes-words');
    await expect.poll(() => done.inputValue()).toBe('2 working days');
    await expect.poll(() => words.innerText()).toBe('= 2 working days');
    await done.fill('8 h');
    await expect.poll(() => words.innerText()).toBe('= 1 working day');

    const preview = henry.getByRole('complementary', { name: 'Preview of the order form' });
    await preview.getByLabel(/What it is for/).waitFor();
    await screenshot(henry, 'quality-b-editor-with-preview');

    await henry.getByRole('button', { name: 'Save service' }).click();
    await henry.getByText('Saved.', { exact: true }).waitFor();
    await expect.poll(() => words.innerText()).toBe('= 1 working day');
    await screenshot(henry, 'quality-b-editor-saved');
  });

  it('the service page tells Anna the new standard, and promises no later than before', async () => {
    const promiseNow = await serviceWithPromise(anna);
    await expect
      .poll(() => facts(anna).innerText())
      .toMatch(/Our promise\s*answered within 4 working hours, done within 1 working day\b/);
    await anna.getByTestId('service-promise').waitFor();
    await screenshot(anna, 'quality-b-service-new-standard');

    // The order filed before the change was promised under 2 working days; one filed now cannot be later.
    const oldAt = await orderWithPromise(anna, before);
    expect(await anna.getByTestId('order-promised').innerText()).toMatch(/^done by /);
    after = await fileCertificate(anna);
    const newAt = await orderWithPromise(anna, after);
    expect(await anna.getByTestId('order-promised').innerText()).toMatch(/^done by /);
    expect(newAt).toBeLessThanOrEqual(oldAt);
    expect(promiseNow).toBeLessThanOrEqual(oldAt);
    // Filed a moment apart, the new order's promise is a working day earlier (not just "no later").
    expect(oldAt - newAt).toBeGreaterThan(0);
  });

  it('the order filed before keeps its standard; the new order is measured against the new one', async () => {
    await openOrder(anna, url, before);
    const old = anna.getByTestId('clock-resolution');
    await expect.poll(() => old.innerText()).toMatch(/Standard\s*2 working days/);
    const oldVersion = (await old.innerText()).match(/Standard version\s*(\S+)/)?.[1] ?? '';
    expect(oldVersion).toMatch(/^v\d+/);
    await screenshot(anna, 'quality-b-old-order-old-standard');

    await openOrder(anna, url, after);
    const fresh = anna.getByTestId('clock-resolution');
    await expect.poll(() => fresh.innerText()).toMatch(/Standard\s*1 working day\b/);
    const newVersion = (await fresh.innerText()).match(/Standard version\s*(\S+)/)?.[1] ?? '';
    expect(newVersion).toMatch(/^v\d+/);
    expect(newVersion).not.toBe(oldVersion);
    await screenshot(anna, 'quality-b-new-order-new-standard');
  });
});
