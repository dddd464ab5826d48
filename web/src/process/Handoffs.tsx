/**
 * The company's hand-off map (heads and administrators): departments as nodes on a circle, the
 * hand-offs between them as arrows whose width shows their volume, labelled with the share returned
 * for rework and the median time at the boundary; the same per department pair as a table with CSV.
 */
import { useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { HandoffMapView } from '#shared/api.ts';
import { fileNameFromDisposition, safeFileName, saveBlob } from '../dashboard/csv.ts';
import { Panel, percentWords } from '../dashboard/parts.tsx';
import { api } from '../lib/api.ts';
import { heads, Page, Table } from '../lib/blocks.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { createSubmit } from '../lib/submit.tsx';
import { ArrowHead } from './drawing.tsx';
import { chosenDays, PeriodSettings } from './PeriodSettings.tsx';
import { minutes, periodSearch } from './shared.ts';
import { tp } from './words.ts';
import './process.css';

export default function HandoffsPage() {
  const [search] = useSearchParams();
  const days = () => chosenDays(search.days);
  const view = createLoader(days, (d: string) => api.handoffs(periodSearch(d)));
  const download = createSubmit(
    async (): Promise<string> => {
      const file = await api.handoffsCsv(periodSearch(days()));
      const v = view.value();
      const name = safeFileName(fileNameFromDisposition(file.disposition) ?? `handoffs-${v?.from}-${v?.to}.csv`);
      saveBlob(file.blob, name);
      return name;
    },
    { done: (name) => tp.handoffs.downloaded(name) },
  );
  return (
    <Page class="dashboard handoffs-page" title={tp.handoffs.title} intro={tp.handoffs.intro}>
      <PeriodSettings view="handoff" days={days()} />
      <Loaded of={view} loading={tp.handoffs.loading} failures="before">
        {(v) => (
          <Show when={v().pairs.length > 0} fallback={<p class="empty">{tp.handoffs.none}</p>}>
            <Panel id="handoff-map" title={tp.handoffs.title} wide>
              <HandoffDrawing view={v()} />
            </Panel>
            <Panel id="handoff-pairs" title={tp.handoffs.caption} wide>
              <p>
                <button
                  type="button"
                  class="secondary"
                  disabled={download.pending()}
                  onClick={() => void download.run()}
                >
                  {tp.handoffs.csv}
                </button>
              </p>
              <div aria-live="polite">
                <Show when={download.notice()}>{(text) => <p class="meta">{text()}</p>}</Show>
              </div>
              <Show when={download.error()}>{(text) => <p class="notice error">{text()}</p>}</Show>
              <PairTable view={v()} />
            </Panel>
            <details class="rules">
              <summary>{tp.map.rule}</summary>
              <p>{v().quantileRule}</p>
            </details>
          </Show>
        )}
      </Loaded>
    </Page>
  );
}

function HandoffDrawing(props: { view: HandoffMapView }) {
  const size = 560;
  const radius = 200;
  const centre = size / 2;
  const nodes = createMemo(() => {
    const n = props.view.departments.length;
    return new Map(
      props.view.departments.map((d, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
        return [d.code, { ...d, x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) }];
      }),
    );
  });
  const stroke = (count: number) => 1.5 + (10 * count) / Math.max(1, props.view.maxVolume);
  const NODE = 34;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a drawing wider than the screen scrolls sideways in its own frame, reachable by keyboard.
    <section class="process-frame" aria-label={tp.handoffs.frame} tabIndex={0} data-testid="handoff-frame">
      <svg class="handoff-map" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        <ArrowHead id="ho-arrow" />
        <For each={props.view.pairs}>
          {(pair) => {
            const a = () => nodes().get(pair.from)!;
            const b = () => nodes().get(pair.to)!;
            // A slight bend keeps the two directions of a pair apart.
            const geo = () => {
              const dx = b().x - a().x;
              const dy = b().y - a().y;
              const length = Math.hypot(dx, dy) || 1;
              const [ux, uy] = [dx / length, dy / length];
              const sx = a().x + ux * NODE;
              const sy = a().y + uy * NODE;
              const ex = b().x - ux * (NODE + 6);
              const ey = b().y - uy * (NODE + 6);
              const cx = (sx + ex) / 2 - uy * 30;
              const cy = (sy + ey) / 2 + ux * 30;
              return { d: `M ${sx} ${sy} Q ${cx} ${cy} ${ex} ${ey}`, lx: cx, ly: cy };
            };
            return (
              <g class="pm-flow pm-forward" data-pair={`${pair.from}>${pair.to}`}>
                <path d={geo().d} stroke-width={stroke(pair.handoffs)} marker-end="url(#ho-arrow)" fill="none" />
                <text x={geo().lx} y={geo().ly} text-anchor="middle" class="pm-count">
                  {tp.handoffs.edgeWords(
                    pair.handoffs,
                    percentWords(pair.reworkShare),
                    minutes(pair.medianBoundaryMinutes),
                  )}
                </text>
              </g>
            );
          }}
        </For>
        <For each={[...nodes().values()]}>
          {(node) => (
            <g class="pm-step" data-department={node.code}>
              <circle cx={node.x} cy={node.y} r={NODE} />
              <text x={node.x} y={node.y + 5} text-anchor="middle" class="pm-name">
                {node.code}
              </text>
            </g>
          )}
        </For>
      </svg>
    </section>
  );
}

function PairTable(props: { view: HandoffMapView }) {
  const name = (code: string) => props.view.departments.find((d) => d.code === code)?.name ?? code;
  return (
    <Table
      caption={tp.handoffs.caption}
      head={heads(tp.handoffs, 'from', 'to', 'handoffs', 'reworked', 'missing', 'claimed', 'median', 'p90')}
      scroll={{ label: tp.handoffs.caption }}
      testId="handoff-pairs"
      each={props.view.pairs}
    >
      {(p) => (
        <tr>
          <th scope="row">{name(p.from)}</th>
          <td>{name(p.to)}</td>
          <td class="num">{p.handoffs}</td>
          <td class="num">
            {p.reworked} ({percentWords(p.reworkShare)})
          </td>
          <td>{p.topMissing.map((m) => `${m.label} (${m.count})`).join('; ') || '—'}</td>
          <td class="num">{p.claimed}</td>
          <td class="num">{minutes(p.medianBoundaryMinutes)}</td>
          <td class="num">{minutes(p.p90BoundaryMinutes)}</td>
        </tr>
      )}
    </Table>
  );
}
