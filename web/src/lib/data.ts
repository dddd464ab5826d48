/**
 * Small data helpers: a loader that never suspends the page (so a refresh keeps what is on screen)
 * and a cursor pager for "load more" lists.
 */
import { type Accessor, createEffect, createMemo, createSignal, on, untrack } from 'solid-js';
import type { Page } from '#shared/api.ts';

export interface Loader<T> {
  value: Accessor<T | undefined>;
  error: Accessor<unknown>;
  loading: Accessor<boolean>;
  reload: () => Promise<void>;
  set: (value: T) => void;
}

export function createLoader<S, T>(sourceFn: () => S | undefined, fetcher: (source: S) => Promise<T>): Loader<T> {
  // Reload only when the source really changes, not whenever something it reads is updated.
  const source = createMemo(sourceFn);
  const [value, setValue] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(false);
  let run = 0;

  async function load(s: S): Promise<void> {
    const mine = ++run;
    setLoading(true);
    setError(undefined);
    try {
      const result = await fetcher(s);
      if (mine === run) setValue(() => result);
    } catch (e) {
      if (mine === run) setError(() => e);
    } finally {
      if (mine === run) setLoading(false);
    }
  }

  createEffect(
    on(source, (s) => {
      setValue(undefined);
      if (s !== undefined) void load(s);
    }),
  );

  return {
    value,
    error,
    loading,
    reload: () => {
      const s = untrack(source);
      return s === undefined ? Promise.resolve() : load(s);
    },
    set: (v) => setValue(() => v),
  };
}

export interface Pager<T> {
  items: Accessor<T[]>;
  people: Accessor<Record<string, string>>;
  loading: Accessor<boolean>;
  loaded: Accessor<boolean>;
  error: Accessor<unknown>;
  hasMore: Accessor<boolean>;
  loadMore: () => Promise<void>;
  replace: (match: (item: T) => boolean, next: T) => void;
}

export function createPager<S, T>(
  sourceFn: () => S | undefined,
  fetchPage: (source: S, cursor?: string) => Promise<Page<T> & { people?: Record<string, string> }>,
): Pager<T> {
  const source = createMemo(sourceFn);
  const [items, setItems] = createSignal<T[]>([]);
  const [people, setPeople] = createSignal<Record<string, string>>({});
  const [cursor, setCursor] = createSignal<string>();
  const [loading, setLoading] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let run = 0;

  async function fetchNext(s: S, after: string | undefined, fresh: boolean): Promise<void> {
    const mine = ++run;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(s, after);
      if (mine !== run) return;
      setItems((prev) => (fresh ? page.items : [...prev, ...page.items]));
      setPeople((prev) => ({ ...prev, ...page.people }));
      setCursor(page.nextCursor);
      setLoaded(true);
    } catch (e) {
      if (mine === run) setError(() => e);
    } finally {
      if (mine === run) setLoading(false);
    }
  }

  createEffect(
    on(source, (s) => {
      setItems([]);
      setCursor(undefined);
      setLoaded(false);
      if (s !== undefined) void fetchNext(s, undefined, true);
    }),
  );

  return {
    items,
    people,
    loading,
    loaded,
    error,
    hasMore: () => cursor() !== undefined,
    loadMore: () => {
      const s = untrack(source);
      return s === undefined ? Promise.resolve() : fetchNext(s, untrack(cursor), !untrack(loaded));
    },
    replace: (match, next) => setItems((prev) => prev.map((item) => (match(item) ? next : item))),
  };
}
