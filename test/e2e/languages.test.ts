/**
 * The portal in every language besides English — Polish, Russian, Dutch and Chinese — each in a
 * browser that speaks it: the pages of every role say nothing from the English dictionary, show no
 * raw keys, carry the language's `lang` and pass axe's worded rules (every page in Polish, a third
 * of them in each of the others: `pagesIn`). One stack (with weeks of history) and
 * one browser serve every language. Then an employee files an order and follows it in Polish,
 * switches the portal to English on the profile and back, and a head gives a service its own words
 * in Polish, Russian, Dutch and Chinese, which readers of each language find. Catalog and demo
 * content (services, departments, people) is data and stays in the language it was written in.
 * Screenshots (with ORDO_SCREENSHOTS=all) go to test-results/e2e/<language>-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH_DUE_WORDS } from '#shared/due-words.ts';
import { statusWords } from '#shared/lifecycle.ts';
import { LANGUAGES, type Language, ORDER_STATUSES } from '#shared/model.ts';
import { demoDepartments, demoEmployees, demoServices, demoUsers } from '../../functions/local/demo-data.ts';
import type { Stack } from '../../scripts/stack.ts';
import { insightStrings } from '../../web/src/dashboard/insight-words.ts';
import { en, type Strings } from '../../web/src/i18n/en.ts';
import { canvasStrings } from '../../web/src/process/canvas-words.ts';
import { processStrings } from '../../web/src/process/words.ts';
import { PORTALS } from '../support/portals.ts';
import {
  closeBrowser,
  countRequests,
  desktopViewport,
  launchBrowser,
  screenshot,
  screenshotsOnFailure,
  seriousFindings,
  settled,
  signIn,
  startTestStack,
  stopTestStack,
  visit,
} from './browser.ts';
import { PAGES } from './journey-helpers.ts';

const { pl, ru, nl, zh } = PORTALS;

let stack: Stack;
let browser: Browser;
let url: string;
let number = '';

beforeAll(async () => {
  // With weeks of past orders, so the queue, the order page and the dashboard have figures and due times to say.
  [stack, browser] = await Promise.all([startTestStack({ history: true }), launchBrowser()]);
  url = stack.appUrl;
  const anna = (await stack.deps.users.get('anna'))!;
  const view = await stack.deps.orderWorkflow.create(anna, {
    serviceId: 'hr-onboarding',
    answers: {
      fullName: 'Page Check',
      startDate: '2027-01-11',
      contractType: 'Permanent',
      managerEmail: 'm@example.com',
    },
  });
  number = view.order.number;
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

screenshotsOnFailure(() => browser, 'languages');

/** Each language the sweep reads: its dictionary, the browser's locale and its name in screenshots. */
const SWEEP: Array<{ language: Exclude<Language, 'en'>; name: string; locale: string; words: Strings }> = [
  { language: 'pl', name: 'polish', locale: 'pl-PL', words: pl },
  { language: 'ru', name: 'russian', locale: 'ru-RU', words: ru },
  { language: 'nl', name: 'dutch', locale: 'nl-NL', words: nl },
  { language: 'zh', name: 'chinese', locale: 'zh-CN', words: zh },
];

/** A fresh profile whose browser speaks `locale`, signed in as `name` unless omitted. */
async function openIn(locale: string, name?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: desktopViewport, locale });
  await countRequests(context);
  const page = await context.newPage();
  if (name) await signIn(page, url, name);
  return page;
}
const openInPolish = (name?: string) => openIn('pl-PL', name);

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

/** Everything the demo data says: names, services, forms, stages. It is content, not the portal's words. */
const DATA = strings([demoUsers, demoEmployees, demoDepartments, demoServices]).map((s) => s.toLowerCase());
const isData = (text: string) => DATA.some((d) => d.includes(text.toLowerCase()));

const phrases = (node: unknown) => strings(node).filter((s) => s.trim().split(/\s+/).length >= 2);

/**
 * English a portal in another language must never show: every English leaf of two words or more
 * that the language says differently (the portal's dictionary and those of the insight pages, the
 * process views and the living canvas), the domain's status words and its due-time phrases.
 */
function englishFor(language: Exclude<Language, 'en'>, words: Strings): string[] {
  const dictionaries = [insightStrings, processStrings, canvasStrings] as const;
  const theirs = new Set([...strings(words), ...dictionaries.flatMap((d) => strings(d[language]))]);
  return [
    ...new Set([
      ...[en, ...dictionaries.map((d) => d.en)].flatMap(phrases).filter((s) => !theirs.has(s)),
      ...ORDER_STATUSES.map((s) => statusWords(s)).filter((s) => s.includes(' ')),
      ENGLISH_DUE_WORDS.workingDays(2).replace(/^\d+ /, ''),
      ENGLISH_DUE_WORDS.overdueSince('').trim(),
      'of working time',
    ]),
  ].filter((s) => !isData(s));
}
const ENGLISH = Object.fromEntries(
  SWEEP.map(({ language, words }) => [language, englishFor(language, words)]),
) as Record<Exclude<Language, 'en'>, string[]>;

/** A dictionary path shown instead of its words, e.g. "order.timelineTitle". */
const RAW_KEY = new RegExp(`\\b(?:${Object.keys(en).join('|')})\\.[a-z][A-Za-z]+\\b`);

async function englishOn(page: Page, language: Exclude<Language, 'en'> = 'pl'): Promise<string[]> {
  const text = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.title, document.body.innerText, ...labels].join('\n');
  });
  const found = ENGLISH[language].filter((s) => text.includes(s));
  const key = RAW_KEY.exec(text);
  return key ? [...found, `raw key: ${key[0]}`] : found;
}

const SCREENSHOTS: Record<string, string> = {
  '/': 'catalog',
  '/queue/HR': 'queue',
  '/departments/HR/dashboard': 'dashboard',
  '/departments/HR/capacity': 'capacity',
  '/services/hr-onboarding/edit': 'service-editor',
};

describe('the checks', () => {
  it('know what English looks like in each language', () => {
    for (const { language } of SWEEP) {
      expect(ENGLISH[language]).toContain('My orders');
      expect(ENGLISH[language]).toContain('waiting for the customer');
      expect(ENGLISH[language].length).toBeGreaterThan(400);
    }
    expect(SWEEP.map((s) => s.language)).toEqual(LANGUAGES.filter((l) => l !== 'en'));
  });
});

/** axe rules that read the page's words: its language, names of controls, links, images, frames and the title. */
const WORDED_RULES = [
  'html-has-lang',
  'html-lang-valid',
  'html-xml-lang-mismatch',
  'valid-lang',
  'document-title',
  'button-name',
  'input-button-name',
  'link-name',
  'label',
  'select-name',
  'image-alt',
  'svg-img-alt',
  'role-img-alt',
  'aria-command-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-meter-name',
  'aria-progressbar-name',
  'aria-tooltip-name',
  'aria-dialog-name',
  'frame-title',
  'empty-heading',
  'empty-table-header',
  'link-in-text-block',
];

/**
 * Every page in Polish; in Russian, Dutch and Chinese a third of each role's pages each, taking turns,
 * so every page is read in Polish and in one of the three. What differs between the languages is their
 * dictionaries, which i18n.test.ts checks key by key (every string translated, every function saying
 * something), and their counting and formatting, which every third page still shows; English written
 * into a page instead of its dictionary shows in Polish. The three full sweeps took a minute and a
 * half of the browser tests' time on two cores.
 */
function pagesIn(language: Exclude<Language, 'en'>, paths: string[]): string[] {
  const turn = SWEEP.findIndex((s) => s.language === language) - 1;
  return turn < 0 ? paths : paths.filter((_, i) => i % (SWEEP.length - 1) === turn);
}

/** One language's sweep of a role's pages: what it finds, by path. */
async function sweep(
  { language, name, locale }: (typeof SWEEP)[number],
  group: (typeof PAGES)[number],
): Promise<{ english: Record<string, string[]>; axe: Record<string, string[]> }> {
  const page = await openIn(locale, group.who);
  const english: Record<string, string[]> = {};
  const axe: Record<string, string[]> = {};
  for (const [i, path] of pagesIn(language, group.paths(number)).entries()) {
    // The first page loads the portal; the others are reached inside it, as its links reach them.
    // Signed out, each page loads on its own, as from an emailed link.
    if (i === 0 || !group.who) await page.goto(`${url}${path}`);
    else await visit(page, path);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang), `${name} ${path}`).toBe(language);
    const found = await englishOn(page, language);
    if (found.length) english[path] = found;
    // The rules whose outcome can change with the words: layout, colours and roles do not, and
    // pages.test.ts runs every rule on each of these pages in English.
    const serious = await seriousFindings(page, WORDED_RULES);
    if (serious.length) axe[path] = serious.map((v) => `${v.id}: ${v.help}`);
    const shot = SCREENSHOTS[path];
    if (shot) await screenshot(page, `${name}-${shot}`);
  }
  await page.context().close();
  return { english, axe };
}

for (const language of SWEEP) {
  describe(`${language.language === 'pl' ? 'every page' : 'its turn of the pages'} in ${language.name}`, () => {
    for (const group of PAGES) {
      it(`shows no English words, no raw keys and no serious axe findings for ${group.who ?? 'someone signed out'}`, async () => {
        const { english, axe } = await sweep(language, group);
        expect(english).toEqual({});
        expect(axe).toEqual({});
        // A role's pages with axe on each: about 30 s alone, several times that on a machine shared by many.
      }, 300_000);
    }
  });
}

describe('an employee in Polish', () => {
  let ben: Page;
  let filed = '';

  beforeAll(async () => {
    ben = await openInPolish();
  });

  it('signs in, finds a service by search and files an order', async () => {
    await ben.goto(`${url}/sign-in`);
    await ben.getByRole('heading', { level: 1, name: 'Logowanie' }).waitFor();
    await signIn(ben, url, 'Ben Carter');
    const nav = ben.getByRole('navigation', { name: 'Menu główne' });
    await nav.getByRole('link', { name: 'Katalog', exact: true }).click();
    await ben.getByRole('heading', { level: 1, name: 'Katalog usług' }).waitFor();
    // The department gave this service Polish words: it is found and shown by them.
    await ben.getByLabel('Szukaj usług').fill('zaświadczenie');
    await ben.getByRole('link', { name: 'Zaświadczenie o zatrudnieniu', exact: true }).first().click();
    await ben.getByRole('heading', { level: 1, name: 'Zaświadczenie o zatrudnieniu' }).waitFor();
    await ben.getByRole('heading', { name: 'Zamów tę usługę' }).waitFor();
    expect(await ben.locator('main').innerText()).toContain(
      'czas odpowiedzi: 4 godziny robocze, czas realizacji: 2 dni robocze',
    );

    // Sent empty first: the form's own check answers in Polish.
    await ben.getByRole('button', { name: 'Złóż zamówienie' }).click();
    await ben.getByText('To pole jest wymagane.').first().waitFor();
    await ben.getByLabel('Do czego jest potrzebne').selectOption('Bank');
    await ben.getByRole('button', { name: 'Złóż zamówienie' }).click();
    await ben.getByTestId('order-number').waitFor();
    filed = (await ben.getByTestId('order-number').innerText()).trim();
    expect(filed).toMatch(/^HR-\d+$/);
    await expect.poll(async () => (await ben.getByTestId('order-status').innerText()).trim()).toBe('otwarte');
    await ben.getByRole('heading', { name: 'Standardy czasu' }).waitFor();
    await ben.getByRole('heading', { name: 'Historia' }).waitFor();
    expect(await ben.getByTestId('timeline').innerText()).toContain('Złożono zamówienie');
    await screenshot(ben, 'polish-order-page');
  });

  it('sees the order in "Moje zamówienia" and opens it', async () => {
    await ben.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Moje zamówienia' }).click();
    await ben.getByRole('heading', { level: 1, name: 'Moje zamówienia' }).waitFor();
    for (const header of ['Numer', 'Usługa', 'Stan', 'Zaktualizowano']) {
      await ben.getByRole('columnheader', { name: header, exact: true }).first().waitFor();
    }
    const row = ben.getByRole('row').filter({ has: ben.getByRole('link', { name: filed, exact: true }) });
    await expect.poll(() => row.innerText()).toMatch(/Employment certificate[\s\S]*otwarte/);
    await screenshot(ben, 'polish-my-orders');
    await row.getByRole('link', { name: filed, exact: true }).click();
    await ben.getByTestId('order-number').filter({ hasText: filed }).waitFor();
    await ben.getByRole('heading', { name: 'Co przekazuje zespół' }).waitFor();
    expect(await englishOn(ben)).toEqual([]);
  });

  it('switches the portal to English on the profile, and back to Polish', async () => {
    await ben.getByRole('link', { name: 'Profil', exact: true }).click();
    await ben.getByRole('heading', { level: 1, name: 'Twój profil' }).waitFor();
    // Each language by its own name, whatever the portal speaks.
    expect(await ben.getByLabel('Język Ordo').locator('option').allInnerTexts()).toEqual([
      'English',
      'Polski',
      'Русский',
      'Nederlands',
      '简体中文',
    ]);
    await ben.getByLabel('Język Ordo').selectOption('en');
    await ben.getByRole('button', { name: 'Zapisz język' }).click();

    await ben.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await ben.evaluate(() => document.documentElement.lang)).toBe('en');
    await ben.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).waitFor();
    expect(await ben.getByLabel('Language of Ordo').inputValue()).toBe('en');

    await ben.getByLabel('Language of Ordo').selectOption('pl');
    await ben.getByRole('button', { name: 'Save language' }).click();
    await ben.getByRole('heading', { level: 1, name: 'Twój profil' }).waitFor();
    expect(await ben.evaluate(() => document.documentElement.lang)).toBe('pl');
    await screenshot(ben, 'polish-profile');
  });

  it('keeps the choice on the person: an English browser signing in as them gets Polish', async () => {
    const context = await browser.newContext({ viewport: desktopViewport, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(page, url, 'Ben Carter');
    await page.getByRole('heading', { level: 1, name: 'Katalog usług' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await context.close();
  });
});

describe('a service’s own words in each language', () => {
  it('the head gives a service its name and summary in Polish, Russian, Dutch and Chinese; each reader finds and sees theirs', async () => {
    const given: Record<Exclude<Language, 'en'>, { name: string; summary: string; search: string }> = {
      pl: {
        name: 'Zmiana umowy',
        summary: 'Zmiana godzin, wynagrodzenia, stanowiska lub miejsca pracy.',
        search: 'umowy',
      },
      ru: {
        name: 'Изменение трудового договора',
        summary: 'Изменение часов, оклада, должности или места работы.',
        search: 'договора',
      },
      nl: {
        name: 'Wijziging van het contract',
        summary: 'Wijziging van uren, salaris, functie of werkplek.',
        search: 'contract',
      },
      zh: { name: '变更劳动合同', summary: '变更工作时间、薪资、职位或工作地点。', search: '合同' },
    };
    const context = await browser.newContext({ viewport: desktopViewport, locale: 'en-GB' });
    const henry = await context.newPage();
    await signIn(henry, url, 'Henry Ortiz');
    await henry.goto(`${url}/services/hr-contract-change/edit`);
    await henry.getByRole('heading', { name: 'Other languages' }).waitFor();
    for (const { language, words } of SWEEP) {
      // The editor offers every language, by its own name.
      await henry.getByText(words.languageNames[language], { exact: true }).click();
      await henry.locator(`#edit-translations-${language}-name`).fill(given[language].name);
      await henry.locator(`#edit-translations-${language}-summary`).fill(given[language].summary);
    }
    await henry.getByRole('button', { name: 'Save service' }).click();
    await henry.getByText('Saved.').first().waitFor();
    // The English reader keeps the service's own words.
    await henry.goto(`${url}/services/hr-contract-change`);
    await henry.getByRole('heading', { level: 1, name: 'Change of contract' }).waitFor();
    await context.close();

    for (const { language, locale, words } of SWEEP) {
      // Carl has no language saved (Ben chose Polish above): his browser's language decides.
      const reader = await openIn(locale, 'Carl Jensen');
      const { name, summary, search } = given[language];
      await reader.goto(`${url}/`);
      await reader.getByLabel(words.catalog.search).fill(search);
      await reader.getByRole('link', { name, exact: true }).click();
      await reader.getByRole('heading', { level: 1, name }).waitFor();
      expect(await reader.locator('.lead').innerText()).toBe(summary);
      await reader.context().close();
    }
  });
});
