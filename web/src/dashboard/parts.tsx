/**
 * Building blocks of the dashboard pages (quality, goals, customers, capacity): panels, charts with
 * a spoken summary, and the tables that hold every figure of a chart.
 */
import { useSearchParams } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { Page, Table } from '../lib/blocks.tsx';

export { heads } from '../lib/blocks.tsx';

import { SelectBox } from '../lib/fields.tsx';
import { t } from '../lib/strings.ts';
import { ChartCanvas, type ChartSpec } from './Chart.tsx';
import { InsightNav } from './InsightNav.tsx';
import { peak, percent } from './shape.ts';
import './dashboard.css';

export type Cell = string | number;

export const numberWords = (n: number | null | undefined): string =>
  n === null || n === undefined ? t.dashboard.none : n.toLocaleString(t.locale, { maximumFractionDigits: 1 });
export const percentWords = (share: number | undefined): string => {
  const value = percent(share);
  return value === null ? t.dashboard.none : t.dashboard.percent(value);
};

export function Panel(props: { id: string; title: string; hint?: string; wide?: boolean; children: JSX.Element }) {
  return (
    <section class={props.wide ? 'panel wide surface' : 'panel surface'} aria-labelledby={`panel-${props.id}`}>
      <h2 id={`panel-${props.id}`}>{props.title}</h2>
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
      {props.children}
    </section>
  );
}

/** The settings of a view, named for screen readers. */
export function Settings(props: { id: string; title: string; children: JSX.Element; after?: JSX.Element }) {
  return (
    <section class="dash-filters surface" aria-labelledby={props.id}>
      <h2 id={props.id} class="visually-hidden">
        {props.title}
      </h2>
      <div class="filters">{props.children}</div>
      {props.after}
    </section>
  );
}

/** A choice among a few values, kept in the address. */
export function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<string | { value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const options = () => props.options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <SelectBox id={props.id} label={props.label} value={props.value} options={options()} onChange={props.onChange} />
  );
}

/** A department view of its head: the views' links, the title (the tab's too) and what the view is for. */
export function InsightPage(props: {
  code: string;
  name: string;
  title: string;
  intro: string;
  children: JSX.Element;
}) {
  return (
    <Page
      title={props.title}
      intro={props.intro}
      class={`dashboard ${props.name}-page`}
      above={<InsightNav code={props.code} />}
    >
      {props.children}
    </Page>
  );
}

export interface AddressSetting {
  key: string;
  id: string;
  label: string;
  /** The values to choose from; without them, a whole number between `min` and `max`. */
  options?: ReadonlyArray<string | { value: string; label: string }>;
  min?: number;
  max?: number;
}

/** A view's settings kept in the address, so the view can be shared. */
export function AddressSettings(props: {
  id: string;
  title: string;
  values: Record<string, string>;
  fields: readonly AddressSetting[];
}) {
  const [, setSearch] = useSearchParams();
  const set = (key: string, value: string) => setSearch({ [key]: value }, { replace: true });
  return (
    <Settings id={props.id} title={props.title}>
      <For each={props.fields}>
        {(field) => (
          <Show
            when={field.options}
            fallback={
              <div class="field field-number">
                <label for={field.id}>{field.label}</label>
                <input
                  id={field.id}
                  type="number"
                  min={field.min}
                  max={field.max}
                  value={props.values[field.key]}
                  onChange={(e) => set(field.key, e.currentTarget.value)}
                />
              </div>
            }
          >
            {(options) => (
              <Choice
                id={field.id}
                label={field.label}
                value={props.values[field.key] ?? ''}
                options={options()}
                onChange={(value) => set(field.key, value)}
              />
            )}
          </Show>
        )}
      </For>
    </Settings>
  );
}

/** A chart whose aria-label says what it shows and its peak; the table below holds every figure. */
export function Figure(props: {
  name: string;
  title: string;
  spec: ChartSpec;
  summary?: string;
  /** How the peak value reads (default: a plain number). */
  valueWords?: (value: number) => string;
}) {
  const label = () => {
    const top = peak(props.spec.data);
    const words = props.valueWords ?? numberWords;
    const summary = props.summary ?? (top ? t.dashboard.peakSummary(top.label, words(top.value)) : '');
    return t.dashboard.chartOf(props.title, summary);
  };
  return <ChartCanvas name={props.name} label={label()} spec={props.spec} />;
}

/** The figures of a chart as a table: the first column names the row. */
export function FigureTable(props: {
  caption: string;
  head: string[];
  rows: Cell[][];
  visibleCaption?: boolean;
  /** The column that names each row (default the first). */
  rowHeader?: number;
  /** Under a chart, which already says when there is nothing: no second notice. */
  quiet?: boolean;
}) {
  const header = () => props.rowHeader ?? 0;
  return (
    <Show when={props.rows.length > 0} fallback={props.quiet ? null : <p class="empty">{t.dashboard.noData}</p>}>
      <Table
        caption={props.caption}
        visibleCaption={props.visibleCaption}
        head={props.head}
        headClass={(i) => (i !== header() ? 'num' : undefined)}
        scroll={{ label: props.caption, class: 'figure-table' }}
        each={props.rows}
      >
        {(row) => (
          <tr>
            <For each={row}>
              {(cell, i) =>
                i() === header() ? (
                  <th scope="row" class="row-head">
                    {cell}
                  </th>
                ) : (
                  <td class="num">{typeof cell === 'number' ? numberWords(cell) : cell}</td>
                )
              }
            </For>
          </tr>
        )}
      </Table>
    </Show>
  );
}
