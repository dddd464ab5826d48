/**
 * Building blocks of the dashboard pages (quality, goals, customers, capacity): panels, charts with
 * a spoken summary, and the tables that hold every figure of a chart.
 */
import { For, type JSX, Show } from 'solid-js';
import { t } from '../lib/strings.ts';
import { ChartCanvas, type ChartSpec } from './Chart.tsx';
import { peak, percent } from './shape.ts';

export type Cell = string | number;

export const numberWords = (n: number | null | undefined): string =>
  n === null || n === undefined ? t.dashboard.none : n.toLocaleString(t.locale, { maximumFractionDigits: 1 });
export const percentWords = (share: number | undefined): string => {
  const value = percent(share);
  return value === null ? t.dashboard.none : t.dashboard.percent(value);
};

export function Panel(props: { id: string; title: string; hint?: string; wide?: boolean; children: JSX.Element }) {
  return (
    <section class={props.wide ? 'panel wide' : 'panel'} aria-labelledby={`panel-${props.id}`}>
      <h2 id={`panel-${props.id}`}>{props.title}</h2>
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
      {props.children}
    </section>
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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard to scroll it. */}
      <section class="table-wrap figure-table" aria-label={props.caption} tabIndex={0}>
        <table>
          <caption class={props.visibleCaption ? 'table-caption' : 'visually-hidden'}>{props.caption}</caption>
          <thead>
            <tr>
              <For each={props.head}>
                {(cell, i) => (
                  <th scope="col" class={i() !== header() ? 'num' : undefined}>
                    {cell}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
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
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}
