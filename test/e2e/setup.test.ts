/**
 * A department live in an afternoon: the head of a new, empty department follows the guided setup
 * from the department page (answers a step, skips one, leaves and comes back where they left), keeps
 * the suggested calendar with the country's holidays (told they were filled in), adopts two templates
 * from its own area (listed first, the others folded), publishes both (told before that nothing is in
 * the catalog yet), lands on the department's page, and an employee finds them in the catalog. On a
 * phone the step comes before the list of steps. axe on the setup's steps and the template library.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  findingAt,
  launchBrowser,
  openAs,
  phoneViewport,
  screenshotsOnFailure,
  seriousFindings,
  startTestStack,
  stopTestStack,
} from './browser.ts';

let stack: Stack;
let browser: Browser;

const EMPTY_CANVAS = {
  value: '',
  customerSegments: '',
  howToOrder: '',
  channels: '',
  keyProcesses: '',
  qualityChecks: '',
  standardsAndMetrics: '',
  resources: '',
  partners: '',
};

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const ada = (await stack.deps.users.get('ada'))!;
  // What an administrator's "new department" form sends: the suggested working week, nothing else yet.
  const day = () => [{ start: '09:00', end: '17:00' }];
  await stack.deps.catalogWorkflow.createDepartment(ada, {
    code: 'LEG',
    name: 'Legal',
    contactEmail: 'legal@example.com',
    headId: 'ben',
    calendar: { timeZone: 'Europe/Warsaw', hours: { 1: day(), 2: day(), 3: day(), 4: day(), 5: day() }, holidays: [] },
    canvas: EMPTY_CANVAS,
  });
});

screenshotsOnFailure(() => browser, 'setup');

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

async function expectNoSeriousFindings(page: Page, where: string) {
  const found = await seriousFindings(page);
  expect.soft(found.map(findingAt), `axe on ${where}`).toEqual([]);
}

const step = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();

describe('guided setup of a new department', () => {
  it('takes the head from the canvas to published services an employee orders from the catalog', async () => {
    const ben = await openAs(browser, stack.appUrl, 'Ben Carter');
    await ben.goto(`${stack.appUrl}/departments/LEG`);
    // Nothing is published yet: the department page offers the guided setup.
    await ben.getByRole('link', { name: 'Guided setup' }).click();
    await ben.getByRole('heading', { level: 1, name: 'Set up Legal' }).waitFor();
    await step(ben, 'Value');
    expect(await ben.getByText('Step 1 of 11').count()).toBe(1);
    // Each step says what it is for and shows an example.
    await ben.getByText('For example:').waitFor();
    await expectNoSeriousFindings(ben, 'setup: value');

    await ben.getByLabel('Your answer').fill('Contracts reviewed and signed without delay.');
    await ben.getByRole('button', { name: 'Save and continue' }).click();
    await step(ben, 'Customers');
    await ben.getByRole('button', { name: 'Skip for now' }).click();
    await step(ben, 'How people order');
    await ben.getByLabel('Your answer').fill('From the catalog in Ordo.');
    await ben.getByRole('button', { name: 'Save and continue' }).click();
    await step(ben, 'Delivery');

    // Leave, and come back another time: the setup opens where it was left.
    await ben.goto(`${stack.appUrl}/`);
    await ben.goto(`${stack.appUrl}/departments/LEG`);
    await ben.getByRole('link', { name: 'Guided setup' }).click();
    await step(ben, 'Delivery');
    await ben.getByText('Welcome back: you go on where you left.').waitFor();
    const steps = ben.getByRole('navigation', { name: 'Steps of the setup' });
    expect(await steps.getByRole('listitem').nth(1).innerText()).toMatch(/Customers\s*\(skipped\)/);
    expect(await steps.getByRole('listitem').nth(0).innerText()).toMatch(/Value\s*\(done\)/);
    await ben.getByRole('button', { name: 'Save and continue' }).click();

    // The calendar comes with Poland's public holidays for Warsaw time, which the head sees and keeps.
    await step(ben, 'Working hours');
    expect(await ben.getByLabel('Public holidays of').inputValue()).toBe('PL');
    await ben.getByText(/^We filled in the public holidays of Poland for \d{4} and \d{4}/).waitFor();
    const year = new Date().getFullYear();
    await ben.getByText(`${year}-11-11`).first().waitFor();
    await expectNoSeriousFindings(ben, 'setup: calendar');
    // A wrong time far above the button: said beside the button too, and the reader taken to it.
    const mondayEnd = ben.getByLabel('Monday, interval 1: until', { exact: true });
    await mondayEnd.fill('08:00');
    await ben.getByRole('button', { name: 'Save and continue' }).click();
    await ben.getByRole('alert').filter({ hasText: 'Some answers above need correcting' }).waitFor();
    await expect.poll(() => mondayEnd.evaluate((e) => e === document.activeElement)).toBe(true);
    await mondayEnd.fill('17:00');
    await ben.getByRole('button', { name: 'Save and continue' }).click();

    // Processes: two services from the template library.
    await step(ben, 'Processes');
    await ben.getByRole('heading', { level: 3, name: 'Legal' }).waitFor();
    // Legal's own templates first; the other areas folded, a link for a service no template fits.
    expect(await ben.locator('.template-area h3').first().innerText()).toBe('Legal');
    expect(await ben.getByRole('heading', { level: 3, name: 'Human resources' }).isVisible()).toBe(false);
    expect(await ben.getByText('Templates of other areas').count()).toBe(1);
    expect(await ben.getByRole('link', { name: 'Start an empty service' }).getAttribute('href')).toBe(
      '/departments/LEG/services/new',
    );
    const nda = ben.getByTestId('template-nda');
    await nda.getByText('What it contains').click();
    await nda.getByText('Time standard').waitFor();
    await expectNoSeriousFindings(ben, 'setup: template library');
    await nda.getByRole('button', { name: 'Adopt “Non-disclosure agreement (NDA)”' }).click();
    await nda.getByText('“Non-disclosure agreement (NDA)” is already one of your department’s services.').waitFor();
    expect(await nda.getByRole('link', { name: 'Open it in the editor' }).getAttribute('href')).toBe(
      '/services/leg-nda/edit',
    );
    await ben.getByText(/You check and publish it in the last step, Publish\./).waitFor();
    const review = ben.getByTestId('template-contract-review');
    await review.getByRole('button', { name: 'Adopt “Contract review”' }).click();
    await review.getByText('“Contract review” is already one of your department’s services.').waitFor();
    await ben.getByLabel('Your answer').fill('Reviewing contracts; drafting NDAs.');
    await ben.getByRole('button', { name: 'Save and continue' }).click();

    for (const name of ['Quality', 'Standards', 'Resources', 'Partners']) {
      await step(ben, name);
      await ben.getByRole('button', { name: 'Skip for now' }).click();
    }

    // Publish: each draft on its own, then on to the catalog.
    await step(ben, 'Publish');
    // Publishing is said before it is done: nothing of Legal is in the catalog yet.
    await ben.getByText(/^Publishing puts a draft in the catalog/).waitFor();
    await ben.getByTestId('nothing-published').waitFor();
    // On a phone the step comes first, then the list of steps.
    const phone = await openAs(browser, stack.appUrl, 'Ben Carter', phoneViewport);
    await phone.goto(`${stack.appUrl}/departments/LEG/setup?step=publish`);
    await step(phone, 'Publish');
    const stepTop = await phone.getByTestId('setup-step').boundingBox();
    const listTop = await phone.getByRole('navigation', { name: 'Steps of the setup' }).boundingBox();
    expect(stepTop!.y).toBeLessThan(listTop!.y);
    await phone.context().close();
    await ben.getByRole('button', { name: 'Publish “Non-disclosure agreement (NDA)”' }).click();
    await ben.getByTestId('draft-leg-nda').getByText('Published').waitFor();
    expect(await ben.getByTestId('nothing-published').count()).toBe(0);
    await ben.getByRole('button', { name: 'Publish “Contract review”' }).click();
    await ben.getByTestId('draft-leg-contract-review').getByText('Published').waitFor();
    await expectNoSeriousFindings(ben, 'setup: publish');
    // Finishing leads back to the department's page, its services listed there.
    await ben.getByRole('button', { name: 'Finish and open the department page' }).click();
    await ben.getByRole('heading', { level: 1, name: 'Legal' }).waitFor();
    await ben.getByRole('link', { name: 'Contract review', exact: true }).waitFor();

    // What the head wrote is on the department's canvas; the guided setup stays reachable.
    const legal = (await stack.deps.departments.get('LEG'))!;
    expect(legal.canvas.value).toBe('Contracts reviewed and signed without delay.');
    expect(legal.canvas.customerSegments).toBe('');
    expect(legal.calendar.holidays).toContain(`${year}-11-11`);

    // The template library on its own page knows what the department already has.
    await ben.goto(`${stack.appUrl}/departments/LEG/templates`);
    await ben
      .getByTestId('template-nda')
      .getByText('“Non-disclosure agreement (NDA)” is already one of your department’s services.')
      .waitFor();

    // An employee finds both in the catalog and opens one.
    const anna = await openAs(browser, stack.appUrl, 'Anna Kowalska');
    await anna.getByLabel('Search services').fill('NDA');
    await anna.getByRole('link', { name: 'Non-disclosure agreement (NDA)', exact: true }).first().click();
    await anna.getByRole('heading', { level: 1, name: 'Non-disclosure agreement (NDA)' }).waitFor();
    await anna.goto(`${stack.appUrl}/departments/LEG`);
    await anna.getByRole('link', { name: 'Contract review', exact: true }).waitFor();
    expect(await anna.getByRole('link', { name: 'Guided setup' }).count()).toBe(0);
  });
});
