/** Building blocks of pages: tables, facts, and the page that says where to go instead. */
import { A } from '@solidjs/router';
import { type Accessor, For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import './blocks.css';
import { usePageTitle } from './ui.tsx';
// After blocks.css: a card table's rows keep their own layout over the plain tables' cards.
import './card-table.css';

/** Column heads from a dictionary, by key. */
export const heads = <D,>(words: D, ...keys: Array<keyof D>): string[] => keys.map((key) => String(words[key]));

export type Head = string | { label: JSX.Element; class?: string };

/** Column heads: plain words, or words with a class (e.g. `num` for figures). */
export function HeadRow(props: { head: readonly Head[]; class?: (index: number) => string | undefined }) {
  return (
    <tr>
      <For each={props.head}>
        {(cell, i) => (
          <th scope="col" class={typeof cell === 'string' ? props.class?.(i()) : cell.class}>
            {typeof cell === 'string' ? cell : cell.label}
          </th>
        )}
      </For>
    </tr>
  );
}

/**
 * Gives every body cell its column's head as `data-label`, and keeps doing so as rows come and go:
 * on a phone each row is shown as a card of "head: value" lines (blocks.css), so no column is ever
 * hidden in a box that scrolls sideways.
 */
function labelCells(table: HTMLTableElement) {
  const label = () => {
    const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map((th) => th.textContent?.trim() ?? '');
    for (const section of [...table.tBodies, ...(table.tFoot ? [table.tFoot] : [])]) {
      for (const row of section.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const head = heads[column] ?? '';
          if (cell.dataset.label !== head) cell.dataset.label = head;
          column += cell.colSpan || 1;
        }
      }
    }
  };
  label();
  const watch = new MutationObserver(label);
  watch.observe(table, { childList: true, subtree: true, characterData: true });
  onCleanup(() => watch.disconnect());
}

/**
 * A table in its wrapper; on a phone its rows become cards (see labelCells): a caption (for screen readers
 * unless `visibleCaption`), the column heads, the rows. A `scroll` label makes the wrapper a region
 * the keyboard can reach to scroll it.
 */
/** A table's body: a row for each item (`each`, with the row as children), or rows written out. */
type TableRows<T> =
  | { each: readonly T[] | undefined; children: (item: T, index: Accessor<number>) => JSX.Element }
  | { each?: undefined; children: JSX.Element };

export function Table<T>(
  props: {
    caption: string;
    head: readonly Head[];
    foot?: JSX.Element;
    class?: string;
    testId?: string;
    visibleCaption?: boolean;
    headClass?: (index: number) => string | undefined;
    scroll?: { label?: string; labelledBy?: string; class?: string };
  } & TableRows<T>,
) {
  let element: HTMLTableElement | undefined;
  onMount(() => element && labelCells(element));
  const table = (
    <table ref={element} class={props.class} data-testid={props.testId}>
      <caption class={props.visibleCaption ? 'table-caption' : 'visually-hidden'}>{props.caption}</caption>
      <thead>
        <HeadRow head={props.head} class={props.headClass} />
      </thead>
      <tbody>
        {'each' in props ? (
          <For each={props.each}>{props.children as (item: T, index: Accessor<number>) => JSX.Element}</For>
        ) : (
          (props.children as JSX.Element)
        )}
      </tbody>
      <Show when={'foot' in props}>
        <tfoot>{props.foot}</tfoot>
      </Show>
    </table>
  );
  const region = () => props.scroll ?? {};
  const wrap = () => ['table-wrap', region().class, 'surface'].filter(Boolean).join(' ');
  return (
    <Show when={props.scroll} fallback={<div class="table-wrap surface">{table}</div>}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard to scroll it. */}
      <section class={wrap()} aria-label={region().label} aria-labelledby={region().labelledBy} tabIndex={0}>
        {table}
      </section>
    </Show>
  );
}

export interface Fact {
  term: JSX.Element;
  detail: JSX.Element;
  testId?: string;
  /** When given, the fact is left out unless this is truthy. */
  when?: unknown;
  class?: string;
}

/** Terms and their details, side by side. */
export function Facts(props: { facts: readonly Fact[]; class?: string }) {
  return (
    <dl class={props.class ?? 'facts'}>
      <For each={props.facts.filter((f) => !('when' in f) || Boolean(f.when))}>
        {(fact) => (
          <div>
            <dt>{fact.term}</dt>
            <dd class={fact.class} data-testid={fact.testId}>
              {fact.detail}
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}

/** Links between the views of one place, the current one marked. */
export function Tabs(props: { label: string; tabs: ReadonlyArray<{ href: string; text: string; end?: boolean }> }) {
  return (
    <nav aria-label={props.label} class="tabs">
      <ul class="tab-list">
        <For each={props.tabs}>
          {(tab) => (
            <li>
              <A class="tab-link" href={tab.href} end={tab.end}>
                {tab.text}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

/** A button that shows and hides the part of the page whose id it `controls`. */
export function Toggle(props: {
  id: string;
  controls: string;
  open: boolean;
  onToggle: () => void;
  children: JSX.Element;
}) {
  return (
    <button
      id={props.id}
      type="button"
      class="secondary"
      aria-expanded={props.open}
      aria-controls={props.controls}
      onClick={() => props.onToggle()}
    >
      {props.children}
    </button>
  );
}

/** Words one under another, without bullets. */
export function WordList(props: { words: readonly string[] }) {
  return (
    <ul class="plain-list">
      <For each={props.words}>{(word) => <li>{word}</li>}</For>
    </ul>
  );
}

/**
 * A page's frame: its title (the tab's too), what the page is for, its content. `above` comes before
 * the title (a way back, a view's tabs).
 */
export function Page(props: {
  title: string;
  intro: string;
  class?: string;
  above?: JSX.Element;
  children: JSX.Element;
}) {
  usePageTitle(() => props.title);
  return (
    <section class={props.class}>
      {props.above}
      <h1>{props.title}</h1>
      <p class="lead">{props.intro}</p>
      {props.children}
    </section>
  );
}

/** A page that cannot show what was asked for: why (also the page's title), and the ways to go on from. */
export function DeadEnd(props: {
  title: string;
  text: JSX.Element;
  ways: ReadonlyArray<{ href: string; text: string }>;
  testId?: string;
  labelled?: string;
  children?: JSX.Element;
}) {
  usePageTitle(() => props.title);
  return (
    <section class="narrow" data-testid={props.testId} aria-labelledby={props.labelled}>
      <h1 id={props.labelled}>{props.title}</h1>
      {props.children}
      <p>{props.text}</p>
      <ul class="ways-back">
        <For each={props.ways}>
          {(link) => (
            <li>
              <A href={link.href}>{link.text}</A>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
