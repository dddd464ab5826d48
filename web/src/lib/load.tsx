/**
 * The portal's one way to load data: `createLoader` (one value) and `createPager` ("load more"
 * lists) never suspend the page, so a refresh keeps what is on screen; `Loaded` shows what they hold
 * with the same loading, error-with-retry and empty states everywhere.
 */
import { type Accessor, createEffect, createMemo, createSignal, type JSX, on, Show, untrack } from 'solid-js';
import type { Page } from '#shared/api.ts';
import { t } from './strings.ts';
import { ErrorNote, Loading } from './ui.tsx';

/** Something loaded: what `Loaded` and `Failure` show. */
export interface Source<T> {
  value: Accessor<T | undefined>;
  error: Accessor<unknown>;
  loading: Accessor<boolean>;
  reload: () => Promise<void>;
}

export interface Loader<T> extends Source<T> {
  set: (value: T) => void;
}

/** Runs tasks one after another's place: only the newest run's outcome lands. */
function createRuns(initiallyLoading: boolean) {
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(initiallyLoading);
  let run = 0;
  async function start<R>(task: () => Promise<R>, land: (result: R) => void, fail?: () => void): Promise<void> {
    const mine = ++run;
    setLoading(true);
    setError(undefined);
    try {
      const result = await task();
      if (mine === run) land(result);
    } catch (e) {
      if (mine !== run) return;
      setError(() => e);
      fail?.();
    } finally {
      if (mine === run) setLoading(false);
    }
  }
  return { error, loading, start };
}

/**
 * Loads `fetcher(source)` whenever the source changes (nothing while it is undefined). With `keep`,
 * the last value stays on screen while the next one loads.
 */
export function createLoader<S, T>(
  sourceFn: () => S | undefined,
  fetcher: (source: S) => Promise<T>,
  options: { keep?: boolean } = {},
): Loader<T> {
  // Reload only when the source really changes, not whenever something it reads is updated.
  const source = createMemo(sourceFn);
  const [value, setValue] = createSignal<T>();
  const runs = createRuns(untrack(source) !== undefined);
  const load = (s: S, fresh = false) =>
    runs.start(
      () => fetcher(s),
      (result) => setValue(() => result),
      // A value kept while loading goes when its successor fails.
      () => fresh && setValue(undefined),
    );

  createEffect(
    on(source, (s) => {
      if (!options.keep || s === undefined) setValue(undefined);
      if (s !== undefined) void load(s, true);
    }),
  );

  return {
    value,
    error: runs.error,
    loading: runs.loading,
    reload: () => {
      const s = untrack(source);
      return s === undefined ? Promise.resolve() : load(s);
    },
    set: (v) => setValue(() => v),
  };
}

export interface Pager<T> extends Source<T[]> {
  items: Accessor<T[]>;
  people: Accessor<Record<string, string>>;
  hasMore: Accessor<boolean>;
  loadMore: () => Promise<void>;
  replace: (match: (item: T) => boolean, next: T) => void;
  /**
   * Reads the pages on screen again in the background and puts in what changed; rows `same` as
   * before keep their place in the page, so nothing flickers and focus stays where it was.
   */
  refresh: (same: (before: T, after: T) => boolean) => Promise<void>;
}

/** A list read a page at a time; `value` is undefined until the first page is in. */
export function createPager<S, T>(
  sourceFn: () => S | undefined,
  fetchPage: (source: S, cursor?: string) => Promise<Page<T> & { people?: Record<string, string> }>,
): Pager<T> {
  const source = createMemo(sourceFn);
  const [items, setItems] = createSignal<T[]>([]);
  const [people, setPeople] = createSignal<Record<string, string>>({});
  const [cursor, setCursor] = createSignal<string>();
  const [loaded, setLoaded] = createSignal(false);
  const runs = createRuns(untrack(source) !== undefined);

  const fetchNext = (s: S, after: string | undefined, fresh: boolean) =>
    runs.start(
      () => fetchPage(s, after),
      (page) => {
        setItems((prev) => (fresh ? page.items : [...prev, ...page.items]));
        setPeople((prev) => ({ ...prev, ...page.people }));
        setCursor(page.nextCursor);
        setLoaded(true);
      },
    );

  createEffect(
    on(source, (s) => {
      setItems([]);
      setCursor(undefined);
      setLoaded(false);
      if (s !== undefined) void fetchNext(s, undefined, true);
    }),
  );

  const loadMore = () => {
    const s = untrack(source);
    return s === undefined ? Promise.resolve() : fetchNext(s, untrack(cursor), !untrack(loaded));
  };
  const refresh = async (same: (before: T, after: T) => boolean) => {
    const s = untrack(source);
    if (s === undefined || !untrack(loaded) || untrack(runs.loading)) return;
    const shown = untrack(items).length;
    const fresh: T[] = [];
    const names: Record<string, string> = {};
    let next: string | undefined;
    do {
      const page = await fetchPage(s, next);
      fresh.push(...page.items);
      Object.assign(names, page.people);
      next = page.nextCursor;
    } while (next && fresh.length < shown);
    // The list moved on meanwhile (another source, a page loading): this read is out of date.
    if (untrack(source) !== s || untrack(runs.loading)) return;
    const before = untrack(items);
    setItems(fresh.map((item) => before.find((old) => same(old, item)) ?? item));
    setPeople((prev) => ({ ...prev, ...names }));
    setCursor(next);
  };
  return {
    value: () => (loaded() ? items() : undefined),
    error: runs.error,
    loading: runs.loading,
    reload: loadMore,
    refresh,
    items,
    people,
    hasMore: () => cursor() !== undefined,
    loadMore,
    replace: (match, next) => setItems((prev) => prev.map((item) => (match(item) ? next : item))),
  };
}

/** The failure of the last load, with a button that tries again. */
export function Failure(props: { of: Pick<Source<unknown>, 'error' | 'reload'> }) {
  return <Show when={props.of.error()}>{(e) => <ErrorNote error={e()} onRetry={() => void props.of.reload()} />}</Show>;
}

/** Why an action beside its button (a download, opening a file) failed: said at once, in line with it. */
export function ActionError(props: { of: { error: Accessor<string | undefined> } }) {
  return (
    <Show when={props.of.error()}>
      {(text) => (
        <span class="field-error" role="alert">
          {text()}
        </span>
      )}
    </Show>
  );
}

const emptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

/**
 * What a loader holds: its content once there, else the failure with a retry button, else "Loading…"
 * while it loads. `empty` replaces the content when there is nothing (an empty list, or `isEmpty`).
 * With `failures` a failure shows above or below whatever else is there (a value kept from before,
 * a page of a list that did not come) instead of in its place.
 */
export function Loaded<T>(props: {
  of: Source<T>;
  loading?: string;
  empty?: JSX.Element;
  isEmpty?: (value: T) => boolean;
  failures?: 'before' | 'after';
  keyed?: boolean;
  children: JSX.Element | ((value: Accessor<T>) => JSX.Element);
}) {
  const content = (value: Accessor<T>) => (
    <Show when={props.empty === undefined || !(props.isEmpty ?? emptyList)(value())} fallback={props.empty}>
      {untrack(() => (typeof props.children === 'function' ? props.children(value) : props.children))}
    </Show>
  );
  // Without a value: the failure (unless it goes below), else "Loading…" while loading.
  const waiting = (
    <Show
      when={!props.failures && props.of.error()}
      fallback={
        <Show when={!props.of.error() && props.of.loading()}>
          <Loading text={props.loading} />
        </Show>
      }
    >
      <Failure of={props.of} />
    </Show>
  );
  return (
    <>
      <Show when={props.failures === 'before'}>
        <Failure of={props.of} />
      </Show>
      <Show
        when={props.keyed}
        fallback={
          <Show when={props.of.value()} fallback={waiting}>
            {(v) => content(v)}
          </Show>
        }
      >
        <Show when={props.of.value()} keyed fallback={waiting}>
          {(v) => content(() => v)}
        </Show>
      </Show>
      <Show when={props.failures === 'after'}>
        <Failure of={props.of} />
      </Show>
    </>
  );
}

/** "Load more" under a paged list while there is more. */
export function LoadMore(props: { of: Pick<Pager<unknown>, 'hasMore' | 'loading' | 'loadMore'>; when?: boolean }) {
  return (
    <Show when={(props.when ?? true) && props.of.hasMore()}>
      <p>
        <button type="button" class="secondary" disabled={props.of.loading()} onClick={() => void props.of.loadMore()}>
          {props.of.loading() ? t.common.loadingMore : t.common.loadMore}
        </button>
      </p>
    </Show>
  );
}
