/**
 * The order search box of the queue, My orders and the head's dashboard: asks the API a moment after
 * the person stops typing (never for fewer than two characters), keeps only the answer to the latest
 * question, and says what it found in a live region, so a screen reader hears the count.
 * `SearchOrList` shows the page's list, or what the search found while one is on.
 */
import { type Accessor, createSignal, type JSX, onCleanup, Show } from 'solid-js';
import type { OrderSummary } from '#shared/api.ts';
import type { SearchAnswer } from '#shared/search.ts';
import { errorMessage } from './api-error.ts';
import { Loaded, LoadMore, type Pager, type Source } from './load.tsx';
import { t } from './strings.ts';
import './search.css';

/** How long typing must pause before the search asks. */
export const SEARCH_DELAY_MS = 250;

export interface OrderSearch {
  query: () => string;
  ask: (q: string) => void;
  /** A search is on: the page shows its results instead of its list. */
  active: () => boolean;
  answer: () => SearchAnswer | undefined;
  pending: () => boolean;
  error: () => string | undefined;
  /** A row changed by an action on the page, kept in the results. */
  replace: (number: string, row: OrderSummary) => void;
}

export function createOrderSearch(find: (q: string) => Promise<SearchAnswer>): OrderSearch {
  const [query, setQuery] = createSignal('');
  const [answer, setAnswer] = createSignal<SearchAnswer>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));
  const active = () => query().trim().length >= 2;

  function ask(q: string) {
    setQuery(q);
    clearTimeout(timer);
    const mine = ++asked;
    if (!active()) {
      setAnswer(undefined);
      setError(undefined);
      setPending(false);
      return;
    }
    setPending(true);
    timer = setTimeout(async () => {
      try {
        const found = await find(q.trim());
        if (mine === asked) {
          setAnswer(found);
          setError(undefined);
        }
      } catch (failure) {
        if (mine === asked) setError(errorMessage(failure));
      } finally {
        if (mine === asked) setPending(false);
      }
    }, SEARCH_DELAY_MS);
  }

  return {
    query,
    ask,
    active,
    answer,
    pending,
    error,
    replace: (number, row) =>
      setAnswer((a) => a && { ...a, items: a.items.map((o) => (o.number === number ? row : o)) }),
  };
}

/** The labelled search box, its hint, and what the search found (read out as it changes). */
export function SearchBox(props: { id: string; search: OrderSearch; hint: string }) {
  const status = () => {
    const s = props.search;
    if (!s.active()) return '';
    if (s.pending()) return t.search.searching;
    const failed = s.error();
    if (failed) return failed;
    const found = s.answer();
    return found ? t.search.found(found.items.length, found.more) : '';
  };
  return (
    <search class="order-search">
      <label for={props.id}>{t.search.label}</label>
      <input
        id={props.id}
        type="search"
        autocomplete="off"
        spellcheck={false}
        maxLength={200}
        value={props.search.query()}
        aria-describedby={`${props.id}-hint`}
        onInput={(event) => props.search.ask(event.currentTarget.value)}
      />
      <p id={`${props.id}-hint`} class="meta">
        {props.hint}
      </p>
      <p class="meta search-status" aria-live="polite" data-testid="search-status">
        {status()}
      </p>
    </search>
  );
}

/**
 * A page's list, or what the search found while one is on (`found`, when `hasFound`): the list with
 * its loading, failure (after it) and `empty` states, and "Load more" under it while it pages.
 */
export function SearchOrList<T>(props: {
  search: OrderSearch;
  list: Source<T>;
  pager: Pick<Pager<unknown>, 'hasMore' | 'loading' | 'loadMore'>;
  /** Whether the list is read a page at a time now (default: yes). */
  paged?: boolean;
  empty: JSX.Element;
  hasFound: boolean;
  found: JSX.Element;
  children: JSX.Element | ((value: Accessor<T>) => JSX.Element);
}) {
  return (
    <>
      <Show
        when={props.search.active()}
        fallback={
          <Loaded of={props.list} failures="after" empty={props.empty}>
            {props.children}
          </Loaded>
        }
      >
        <Show when={props.hasFound}>{props.found}</Show>
      </Show>
      <LoadMore of={props.pager} when={(props.paged ?? true) && !props.search.active()} />
    </>
  );
}
