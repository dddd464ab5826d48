/**
 * Sign-in as production does it, against the local OpenID provider: the authorization-code flow with
 * PKCE through the provider's own page, renewal of a short-lived access token while the portal is in
 * use, a session that survives a reload, sign-out at the provider; and a session that ends mid-form,
 * which goes through sign-in and back to the same form with its text.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../scripts/stack.ts';
import {
  closeBrowser,
  launchBrowser,
  personButton,
  screenshot,
  screenshotsOnFailure,
  signIn,
  startTestStack,
  stopTestStack,
} from './browser.ts';

/** Seconds an access (and ID) token lives here: short, so the test sees one run out. */
const TOKEN_TTL = 20;

let stack: Stack;
let browser: Browser;
let issuer: string;
let discovery: { revocation_endpoint: string; token_endpoint: string };

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startTestStack({ oidcTtl: { accessToken: TOKEN_TTL, idToken: TOKEN_TTL } }),
    launchBrowser(),
  ]);
  issuer = stack.oidc.issuer;
  discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
});

afterAll(async () => {
  await closeBrowser(browser);
  await stopTestStack();
});

screenshotsOnFailure(() => browser, 'sign-in');

interface StoredTokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_at: number;
}

/** The session oidc-client-ts keeps in the portal's localStorage. */
async function storedTokens(page: Page): Promise<StoredTokens | null> {
  const key = `ordo.oidc.user:${issuer}:${stack.oidc.clientId}`;
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
}

interface ApiCall {
  at: number;
  method: string;
  path: string;
  token: string | undefined;
  status: number;
}

/** Every API answer the page got, with the bearer token it sent. */
function recordApi(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.origin !== stack.appUrl || !url.pathname.startsWith('/api/')) return;
    const auth = res.request().headers().authorization;
    calls.push({
      at: Date.now(),
      method: res.request().method(),
      path: url.pathname,
      token: auth?.replace(/^Bearer /, ''),
      status: res.status(),
    });
  });
  return calls;
}

/** The grant types the page asked the provider's token endpoint for. */
function recordGrants(page: Page): string[] {
  const grants: string[] = [];
  page.on('request', (req: Request) => {
    if (req.method() === 'POST' && req.url() === discovery.token_endpoint) {
      grants.push(new URLSearchParams(req.postData() ?? '').get('grant_type') ?? '?');
    }
  });
  return grants;
}

async function refreshWorks(refreshToken: string): Promise<boolean> {
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: stack.oidc.clientId,
    }),
  });
  return res.ok;
}

const onProvider = (page: Page) => page.url().startsWith(`${issuer}/interaction/`);

describe('signing in with the code flow', () => {
  it('signs in at the provider, keeps working after the access token ran out, survives a reload and signs out there', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const calls = recordApi(page);
    const grants = recordGrants(page);
    const authorizations: URL[] = [];
    page.on('request', (req) => {
      if (req.url().startsWith(`${issuer}/auth?`)) authorizations.push(new URL(req.url()));
    });

    // A page behind sign-in sends the person to the provider's own sign-in page.
    await page.goto(`${stack.appUrl}/orders?page=mine`);
    await page.getByRole('list', { name: 'People' }).waitFor();
    expect(onProvider(page)).toBe(true);
    expect(authorizations).toHaveLength(1);
    const request = authorizations[0] as URL;
    expect(request.searchParams.get('response_type')).toBe('code');
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(request.searchParams.get('redirect_uri')).toBe(`${stack.appUrl}/auth/callback`);

    // Its search narrows the people down (on the server), showing names and roles in words.
    await page.getByLabel('Find a person').fill('Kowalska');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/[?&]q=Kowalska/);
    const people = page.getByRole('list', { name: 'People' }).getByRole('button');
    expect(await people.count()).toBe(1);
    await screenshot(page, 'sign-in-provider');
    await personButton(page, 'Anna Kowalska').click();

    // Back on the exact page that was asked for, signed in.
    await page.getByTestId('current-user').filter({ hasText: 'Anna Kowalska' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    expect(page.url()).toBe(`${stack.appUrl}/orders?page=mine`);
    expect(grants).toEqual(['authorization_code']);
    const first = (await storedTokens(page)) as StoredTokens;
    expect(first.refresh_token).toBeTruthy();
    const signInCall = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/me/sign-in');
    expect(signInCall).toMatchObject({ status: 200, token: first.access_token });

    // The first access token runs out while the portal stays open.
    const expiredAt = first.expires_at * 1000;
    await page.waitForTimeout(Math.max(0, expiredAt - Date.now()) + 1500);
    expect(grants).toContain('refresh_token');

    // Used after that, the portal still works: its requests carry a renewed token.
    const catalogAnswer = page.waitForResponse((r) => r.url() === `${stack.appUrl}/api/v1/catalog`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Service catalog' }).waitFor();
    expect((await catalogAnswer).status()).toBe(200);
    await page.getByRole('link', { name: 'Onboard a new employee', exact: true }).first().waitFor();
    const after = calls.filter((c) => c.at > expiredAt);
    expect(after.length).toBeGreaterThan(0);
    for (const call of after) {
      expect(call.status, call.path).toBe(200);
      expect(call.token).not.toBe(first.access_token);
    }
    // Renewed ahead of time: the API never had to refuse a token.
    expect(calls.filter((c) => c.status === 401)).toEqual([]);
    const renewed = (await storedTokens(page)) as StoredTokens;
    expect(renewed.access_token).not.toBe(first.access_token);
    // Refresh tokens rotate: the first one is spent.
    expect(renewed.refresh_token).not.toBe(first.refresh_token);

    // A reload keeps the session: no trip to the provider, the profile comes back from the API.
    const signInsBefore = calls.filter((c) => c.path === '/api/v1/me/sign-in').length;
    await page.reload();
    await page.getByTestId('current-user').filter({ hasText: 'Anna Kowalska' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Service catalog' }).waitFor();
    expect(page.url()).toBe(`${stack.appUrl}/`);
    expect(grants.filter((g) => g === 'authorization_code')).toHaveLength(1);
    expect(calls.filter((c) => c.path === '/api/v1/me/sign-in').length).toBe(signInsBefore + 1);

    // Sign-out ends the session at the provider too, and lands signed out.
    const beforeSignOut = (await storedTokens(page)) as StoredTokens;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await storedTokens(page)).toBeNull();
    await page.getByTestId('current-user').waitFor({ state: 'detached' });
    // Its refresh token was revoked at the provider.
    expect(await refreshWorks(beforeSignOut.refresh_token as string)).toBe(false);

    // A page behind sign-in asks again, at the provider, which no longer knows the person.
    await page.goto(`${stack.appUrl}/orders`);
    await page.getByRole('list', { name: 'People' }).waitFor();
    expect(onProvider(page)).toBe(true);
    await context.close();
  });
});

describe('a session that ends mid-task', () => {
  /** Ends the session as a revoked sign-in would: refresh token revoked, the access token refused by the API. */
  async function endSession(page: Page): Promise<void> {
    const tokens = (await storedTokens(page)) as StoredTokens;
    const res = await fetch(discovery.revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens.refresh_token as string,
        token_type_hint: 'refresh_token',
        client_id: stack.oidc.clientId,
      }),
    });
    expect(res.ok).toBe(true);
    expect(await refreshWorks(tokens.refresh_token as string)).toBe(false);
    const key = `ordo.oidc.user:${issuer}:${stack.oidc.clientId}`;
    await page.evaluate((k) => {
      const stored = JSON.parse(localStorage.getItem(k) ?? '{}');
      // Same shape, broken signature: the API refuses it.
      stored.access_token = `${stored.access_token.slice(0, -4)}AAAA`;
      localStorage.setItem(k, JSON.stringify(stored));
    }, key);
  }

  it('brings the person through sign-in back to the same order form, with what they typed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, stack.appUrl, 'Anna Kowalska');
    await page.goto(`${stack.appUrl}/services/hr-onboarding`);
    await page.getByRole('heading', { level: 1, name: 'Onboard a new employee' }).waitFor();
    await page.getByLabel('Full name of the new hire').fill('Zofia Kept');
    await page.getByLabel('Start date').fill('2027-03-01');
    await page.getByLabel('Contract type').selectOption('Permanent');
    await page.getByLabel("Manager's email").fill('kept.manager@example.com');
    await page.getByLabel('Priority').selectOption('high');

    await endSession(page);
    // The provider's own session has ended too: it asks who is signing in.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Submit order' }).click();

    await page.getByRole('list', { name: 'People' }).waitFor();
    expect(onProvider(page)).toBe(true);
    await personButton(page, 'Anna Kowalska').click();

    await page.getByRole('heading', { level: 1, name: 'Onboard a new employee' }).waitFor();
    expect(page.url()).toBe(`${stack.appUrl}/services/hr-onboarding`);
    await page.getByRole('status').filter({ hasText: 'You were signed out; your text was kept.' }).waitFor();
    expect(await page.getByLabel('Full name of the new hire').inputValue()).toBe('Zofia Kept');
    expect(await page.getByLabel('Start date').inputValue()).toBe('2027-03-01');
    expect(await page.getByLabel('Contract type').inputValue()).toBe('Permanent');
    expect(await page.getByLabel("Manager's email").inputValue()).toBe('kept.manager@example.com');
    expect(await page.getByLabel('Priority').inputValue()).toBe('high');
    await screenshot(page, 'sign-in-draft-kept');

    // Sent now, the order carries the kept text.
    await page.getByRole('button', { name: 'Submit order' }).click();
    await page.getByTestId('order-number').waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('Zofia Kept');
    // The text was handed back once: it is not kept any longer.
    expect(await page.evaluate(() => sessionStorage.getItem('ordo.drafts'))).toBeNull();
    await context.close();
  });

  it('keeps a comment being written on an order while the provider signs the person straight back in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, stack.appUrl, 'Anna Kowalska');
    const anna = (await stack.deps.users.get('anna'))!;
    const view = await stack.deps.orderWorkflow.create(anna, {
      serviceId: 'hr-onboarding',
      answers: {
        fullName: 'Comment Check',
        startDate: '2027-01-11',
        contractType: 'Permanent',
        managerEmail: 'm@example.com',
      },
    });
    const number = view.order.number;
    await page.goto(`${stack.appUrl}/orders/${number}`);
    await page.getByTestId('order-number').filter({ hasText: number }).waitFor();
    await page.getByLabel('Your comment').fill('Please use the side entrance on the first day.');

    // The provider still knows the person (its session cookie is alive): no page to choose on.
    await endSession(page);
    await page.getByRole('button', { name: 'Add comment' }).click();

    await page.waitForURL(`${stack.appUrl}/orders/${number}`);
    await page.getByRole('status').filter({ hasText: 'You were signed out; your text was kept.' }).waitFor();
    expect(await page.getByLabel('Your comment').inputValue()).toBe('Please use the side entrance on the first day.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect
      .poll(() => page.getByTestId('timeline').innerText())
      .toContain('Please use the side entrance on the first day.');
    await context.close();
  });
});
