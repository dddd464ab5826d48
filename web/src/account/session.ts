/**
 * Who is signed in. The tokens are oidc-client-ts's (web/src/auth.ts, loaded on its own chunk, in
 * localStorage so the session survives reloads and is shared by the person's tabs); the profile comes
 * from `POST /me/sign-in` once per page load. When the API refuses a token and renewal fails, the
 * open forms keep their text (web/src/drafts.ts) and sign-in brings the person back to the same page.
 */
import { createSignal } from 'solid-js';
import type { Department, User } from '#shared/model.ts';
import { ApiError, api, setApiBase, setTokenSource } from '../lib/api.ts';
import { drafts } from '../lib/drafts.ts';
import type { Quiet } from '../lib/early.ts';
import { safeNext } from '../lib/format.ts';
import { setLanguage, t } from '../lib/strings.ts';
import type { Auth, OidcUser } from './auth.ts';
import type { PortalConfig } from './config.ts';

const [user, setUser] = createSignal<User | undefined>();
/** A sign-in problem to show on the sign-in page (set where no page can show it). */
const [problem, setProblem] = createSignal<string>();

export { problem, setProblem, user };

/** Set by sign-out for the page it comes back to, which then shows "signed out" instead of signing in again. */
const SIGNED_OUT_KEY = 'ordo.signedOut';
/**
 * When this tab came back from sign-in lately. Tokens the API refuses again right after a second
 * round trip would only send the person round once more: that is shown instead.
 */
const SIGN_INS_KEY = 'ordo.signIns';
const LOOP_WINDOW_MS = 60_000;
const LOOP_ROUNDS = 2;

function recentSignIns(now = Date.now()): number[] {
  try {
    const value: unknown = JSON.parse(tabStore()?.getItem(SIGN_INS_KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((v): v is number => typeof v === 'number' && now - v < LOOP_WINDOW_MS)
      : [];
  } catch {
    return [];
  }
}

function notConfigured(): ApiError {
  return new ApiError(0, 'sign_in_not_configured', { words: t.signIn.notConfigured });
}

// Loaded while the page starts, in parallel with /config.json; nothing waits for it to paint.
const authModule = typeof window === 'undefined' ? undefined : import('./auth.ts');
let auth: Promise<Auth | undefined> = Promise.resolve(undefined);
let navigateTo: (path: string) => void = (path) => location.assign(path);

function tabStore(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/** Once, at start-up, with the run-time configuration. */
export function startSession(config: PortalConfig): void {
  setApiBase(config.apiUrl);
  const oidc = config.oidc;
  if (oidc && authModule) auth = authModule.then((m) => m.createAuth(oidc, location.origin));
  setTokenSource({
    token: async () => (await currentTokens())?.access_token ?? null,
    renew: async (rejected) => {
      const a = await auth;
      return (await a?.renew(rejected))?.access_token ?? null;
    },
    expired,
  });
}

/** The router's navigate, for hand-overs that start outside a page. */
export function setNavigator(navigate: (path: string) => void): void {
  navigateTo = navigate;
}

/** Whether sign-in is configured at all (config.json names a provider). */
export async function signInAvailable(): Promise<boolean> {
  return (await auth) !== undefined;
}

async function currentTokens(opts: { freshIdToken?: boolean } = {}): Promise<OidcUser | null> {
  const a = await auth;
  return a ? a.current(opts) : null;
}

/** Whether this browser holds a session (it may still need renewing). */
export async function hasSession(): Promise<boolean> {
  try {
    return (await currentTokens()) !== null;
  } catch {
    return false;
  }
}

/** Off to the provider's sign-in, coming back to `returnTo` (a same-site path). */
export async function startSignIn(returnTo: string, opts: { replace?: boolean } = {}): Promise<void> {
  const a = await auth;
  if (!a) throw notConfigured();
  tabStore()?.removeItem(SIGNED_OUT_KEY);
  await a.signIn(safeNext(returnTo), opts);
}

/**
 * The profile for the stored session, loaded once per page load through `POST /me/sign-in` (so it
 * is created or refreshed from the ID token, and administrator rights are evaluated afresh).
 * Null when there is no session.
 */
export async function loadUser(): Promise<User | null> {
  const known = user();
  if (known) return known;
  let tokens: OidcUser | null;
  try {
    // The API reads the profile from the ID token, so it must still be valid too.
    tokens = await currentTokens({ freshIdToken: true });
  } catch {
    throw new ApiError(0, 'network', { words: t.errors.network });
  }
  if (!tokens) return null;
  const profile = tokens.id_token ? (await api.signIn(tokens.id_token)).user : (await api.me()).user;
  adoptProfile(profile);
  return profile;
}

function adoptProfile(profile: User): void {
  // The person's saved language wins over this browser's; switching reloads the page.
  if (profile.language) setLanguage(profile.language);
  setUser(profile);
}

/** The callback page: completes the code flow, loads the profile, says where to go next. */
export async function finishSignIn(url: string): Promise<string> {
  const a = await auth;
  if (!a) throw notConfigured();
  const { user: tokens, returnTo } = await a.finishSignIn(url);
  try {
    if (!tokens.id_token) throw new ApiError(401, 'unauthorized', { words: t.signIn.failed });
    // A refusal here is shown, not sent round through sign-in again.
    const { user: profile } = await api.signIn(tokens.id_token, { keepSession: true });
    tabStore()?.setItem(SIGN_INS_KEY, JSON.stringify([...recentSignIns(), Date.now()]));
    drafts.adopt(profile.id);
    const next = safeNext(returnTo);
    setUser(profile);
    // In another language the page loads afresh where sign-in was heading.
    if (profile.language && setLanguage(profile.language, next)) return new Promise<never>(() => {});
    return next;
  } catch (error) {
    await a.forget();
    throw error;
  }
}

/** After the person changed their own profile (e.g. notification choices). */
export function setCurrentUser(next: User): void {
  setUser(next);
}

/** Signs out here and at the provider, which comes back to the portal's front page. */
export async function signOut(): Promise<void> {
  drafts.clear();
  tabStore()?.setItem(SIGNED_OUT_KEY, '1');
  departmentsCache = undefined;
  const a = await auth;
  try {
    if (!a) throw notConfigured();
    await a.signOut();
  } catch {
    // The provider's sign-out could not start: this browser has forgotten the session all the same.
    setUser(undefined);
    navigateTo('/sign-in');
  }
}

/** True once after sign-out: the page it lands on shows "signed out" rather than signing in again. */
export function takeSignedOut(): boolean {
  const store = tabStore();
  const was = store?.getItem(SIGNED_OUT_KEY) === '1';
  store?.removeItem(SIGNED_OUT_KEY);
  return was;
}

let leaving: Promise<void> | undefined;

/**
 * The API refused the token and renewal failed: the open forms keep what was typed, and the person
 * goes through sign-in back to this page. The returned promise settles only if they come back
 * without signing in (Back), or if sign-in cannot help (it has just happened: shown instead).
 */
function expired(): Promise<void> {
  leaving ??= (async () => {
    const here = location.pathname + location.search + location.hash;
    const a = await auth;
    await a?.forget();
    if (!a || recentSignIns().length >= LOOP_ROUNDS) {
      setUser(undefined);
      setProblem(a ? t.signIn.notAccepted : t.signIn.notConfigured);
      navigateTo(`/sign-in?next=${encodeURIComponent(here)}`);
      return;
    }
    const owner = user()?.id;
    if (owner) drafts.save(location.pathname + location.search, owner);
    await a.signIn(safeNext(here));
  })().finally(() => {
    leaving = undefined;
  });
  return leaving;
}

/** Departments change rarely: one request per session is enough for names and grouping. */
let departmentsCache: Promise<Department[]> | undefined;
export function departments(options: Quiet = {}): Promise<Department[]> {
  if (!departmentsCache) {
    departmentsCache = api.departments(options).catch((error: unknown) => {
      departmentsCache = undefined;
      throw error;
    });
  }
  return departmentsCache;
}

/** After a department was created: the next read asks the API again. */
export function forgetDepartments(): void {
  departmentsCache = undefined;
}
