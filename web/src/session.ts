/** Who is signed in. The token lives in localStorage; the user is loaded once per session. */
import { createSignal } from 'solid-js';
import type { Department, User } from '#shared/model.ts';
import { api, readToken, writeToken } from './api.ts';
import { setLanguage } from './strings.ts';

const [token, setToken] = createSignal<string | null>(readToken());
const [user, setUser] = createSignal<User | undefined>();

export { token, user };

export function startSession(newToken: string, newUser: User): void {
  writeToken(newToken);
  setToken(newToken);
  setUser(newUser);
}

/** After the person changed their own profile (e.g. notification choices). */
export function setCurrentUser(next: User): void {
  setUser(next);
}

export function endSession(): void {
  writeToken(null);
  setToken(null);
  setUser(undefined);
  departmentsCache = undefined;
}

export async function loadUser(): Promise<User> {
  const known = user();
  if (known) return known;
  const me = await api.me();
  // The person's saved language wins over this browser's; switching reloads the page.
  if (me.user.language) setLanguage(me.user.language);
  setUser(me.user);
  return me.user;
}

/** Departments change rarely: one request per session is enough for names and grouping. */
let departmentsCache: Promise<Department[]> | undefined;
export function departments(): Promise<Department[]> {
  if (!departmentsCache) {
    departmentsCache = api.departments().catch((error: unknown) => {
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
