/**
 * A page's first data, asked for as the portal loads: the route's `preload` starts it while sign-in is
 * still reading the profile (`POST /me/sign-in`), so the two round trips overlap instead of following
 * each other. The page takes it once, for the same key; a later visit, another key or an early request
 * that failed loads as usual.
 *
 * The early request is quiet: a refused token is reported to nobody, since sign-in, running beside it,
 * is what deals with the session (and the page's own request after it deals with the rest).
 */
import { user } from '../account/session.ts';

/** The API client's option for requests that must not send the person through sign-in. */
export interface Quiet {
  keepSession?: boolean;
}

export const QUIET: Quiet = { keepSession: true };

export interface Early<K, T> {
  /** For the route's `preload`: starts loading `key` when this is the page load's first page. */
  preload(key: K, intent: string): void;
  /** For the page: what `preload` started for `key`, or a fresh load. */
  load(key: K): Promise<T>;
}

export function early<K, T>(fetch: (key: K, options: Quiet) => Promise<T>): Early<K, T> {
  let pending: { key: K; value: Promise<T> } | undefined;
  return {
    preload(key, intent) {
      // Only on the first page of a load, before anyone is known: later pages load with the person known.
      if (intent !== 'initial' || user()) return;
      // After sign-in's own request has been sent (the next task): the profile keeps the first connection.
      const value = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => fetch(key, QUIET));
      value.catch(() => {});
      pending = { key, value };
    },
    load(key) {
      const started = pending;
      pending = undefined;
      if (started?.key !== key) return fetch(key, {});
      return started.value.catch(() => fetch(key, {}));
    },
  };
}
