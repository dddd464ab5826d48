/**
 * The process map of a service (its department's team, read-only): the steps of its flow as boxes
 * with the orders there now, time spent against the target, breaches and deviations, the moves
 * between them as arrows whose width shows their volume. The drawing is for the eye; the table
 * below says the same for screen readers and keyboards. A step's orders now are listed on click.
 */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { OrderSummary, ProcessMapView } from '#shared/api.ts';
import type { ProcessStep } from '#shared/process-map.ts';
import { Panel, percentWords } from '../dashboard/parts.tsx';
import { firstValue } from '../dashboard/period.ts';
import { api } from '../lib/api.ts';
import { Table } from '../lib/blocks.tsx';
import { durationWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { ArrowHead } from './drawing.tsx';
import { createServiceView, ServiceViewPage } from './service-view.tsx';
import { minutes, stepName } from './shared.ts';
import { tp } from './words.ts';
import './process.css';

const BOX = { w: 180, h: 160, gap: 80, top: 90, left: 20 };

export default function ProcessMapPage() {
  const service = createServiceView(api.processMap);
  const { params, search, setSearch, days, base } = service;
  const step = () => firstValue(search.step);
  const orders = createLoader(
    () => (step() ? `${params.code}|${params.id}|${step()}` : undefined),
    (k: string) => {
      const [code, id, s] = k.split('|') as [string, string, string];
      return api.stepOrders(code, id, s);
    },
  );
  const pick = (id: string) => {
    setSearch({ step: id }, { replace: true });
    document.getElementById('step-orders')?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <ServiceViewPage name="process" class="dashboard process-page" service={service} words={tp.map}>
      {(v) => (
        <>
          <Panel id="map" title={tp.map.title(v().serviceName)} hint={tp.map.pick} wide>
            <MapDrawing view={v()} selected={step()} onPick={pick} />
          </Panel>
          <section id="step-orders" class="panel wide surface" aria-live="polite" aria-labelledby="step-orders-title">
            <Show when={step()} fallback={<p class="hint">{tp.map.pick}</p>}>
              {(s) => (
                <>
                  <h2 id="step-orders-title">{tp.map.stepOrders(stepLabel(v(), s()))}</h2>
                  <Loaded of={orders} loading={tp.map.stepLoading}>
                    {(list) => <StepOrders orders={list()} />}
                  </Loaded>
                </>
              )}
            </Show>
          </section>
          <Panel id="steps" title={tp.map.tableCaption} wide>
            <StepTable view={v()} onPick={pick} />
          </Panel>
          <Panel id="flows" title={tp.map.flowsCaption} wide>
            <Show when={v().flows.length > 0} fallback={<p class="empty">{t.dashboard.noData}</p>}>
              <Table
                caption={tp.map.flowsCaption}
                head={[tp.map.fromHead, tp.map.toHead, tp.map.countHead]}
                scroll={{ label: tp.map.flowsCaption }}
                each={v().flows}
              >
                {(f) => (
                  <tr>
                    <th scope="row">{stepLabel(v(), f.from)}</th>
                    <td>{stepLabel(v(), f.to)}</td>
                    <td class="num">{f.count}</td>
                  </tr>
                )}
              </Table>
            </Show>
          </Panel>
          <details class="rules">
            <summary>{tp.map.rule}</summary>
            <p>{v().quantileRule}</p>
          </details>
          <p>
            <A href={`${base()}/sipoc?days=${days()}`}>{tp.map.sipoc}</A>
          </p>
        </>
      )}
    </ServiceViewPage>
  );
}

function stepLabel(view: ProcessMapView, id: string): string {
  const step = view.steps.find((s) => s.id === id);
  return stepName(id, step?.name);
}

function deviationWords(step: ProcessStep): string {
  return step.deviations
    .map((d) => `${tp.deviation[d.kind]}${d.reason ? ` (${reasonWords(d.reason)})` : ''}: ${d.count}`)
    .join('; ');
}

function reasonWords(reason: string): string {
  return (t.rejectionReasons as Record<string, string>)[reason] ?? reason;
}

/** The drawing: boxes on one row, exits below, arrows scaled by volume. Hidden from screen readers (the table says it all). */
function MapDrawing(props: { view: ProcessMapView; selected: string | undefined; onPick: (id: string) => void }) {
  const main = createMemo(() => props.view.steps.filter((s) => s.kind !== 'exit'));
  const exits = createMemo(() => props.view.steps.filter((s) => s.kind === 'exit'));
  const x = (i: number) => BOX.left + i * (BOX.w + BOX.gap);
  const position = createMemo(() => {
    const at = new Map<string, { x: number; y: number; row: 0 | 1 }>();
    for (const [i, s] of main().entries()) at.set(s.id, { x: x(i), y: BOX.top, row: 0 });
    for (const [i, s] of exits().entries()) {
      at.set(s.id, { x: x(Math.max(0, main().length - exits().length + i)), y: BOX.top + BOX.h + 120, row: 1 });
    }
    return at;
  });
  const width = () => BOX.left * 2 + main().length * (BOX.w + BOX.gap) - BOX.gap;
  const height = () => BOX.top + BOX.h + (exits().length ? 120 + BOX.h * 0.6 : 90) + 20;
  const stroke = (count: number) => 1.5 + (10 * count) / Math.max(1, props.view.maxVolume);
  const index = (id: string) => main().findIndex((s) => s.id === id);

  const path = (from: string, to: string): { d: string; lx: number; ly: number } | undefined => {
    const a = position().get(from);
    const b = position().get(to);
    if (!a || !b) return undefined;
    if (b.row === 1) {
      const sx = a.x + BOX.w / 2;
      const ex = b.x + BOX.w / 2;
      const sy = a.y + BOX.h;
      const ey = b.y;
      return {
        d: `M ${sx} ${sy} C ${sx} ${sy + 60}, ${ex} ${ey - 60}, ${ex} ${ey - 6}`,
        lx: (sx + ex) / 2,
        ly: (sy + ey) / 2,
      };
    }
    const gap = index(to) - index(from);
    if (gap === 1) {
      const sy = a.y + BOX.h / 2;
      return { d: `M ${a.x + BOX.w} ${sy} L ${b.x - 6} ${sy}`, lx: a.x + BOX.w + BOX.gap / 2, ly: sy - 8 };
    }
    if (gap > 1) {
      // Skipping steps forward: an arc below the row.
      const sx = a.x + BOX.w * 0.7;
      const ex = b.x + BOX.w * 0.3;
      const y = a.y + BOX.h;
      const depth = 40 + 12 * gap;
      return {
        d: `M ${sx} ${y} C ${sx} ${y + depth}, ${ex} ${y + depth}, ${ex} ${y + 6}`,
        lx: (sx + ex) / 2,
        ly: y + depth * 0.75 + 4,
      };
    }
    // Back (rework, reopen): an arc above the row.
    const sx = a.x + BOX.w * 0.3;
    const ex = b.x + BOX.w * 0.7;
    const y = a.y;
    const height = 30 + 10 * Math.abs(gap);
    return {
      d: `M ${sx} ${y} C ${sx} ${y - height}, ${ex} ${y - height}, ${ex} ${y - 6}`,
      lx: (sx + ex) / 2,
      ly: y - height * 0.75 - 4,
    };
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a drawing wider than the screen scrolls sideways in its own frame, reachable by keyboard.
    <section class="process-frame" aria-label={tp.map.frame} tabIndex={0} data-testid="process-frame">
      <svg
        class="process-map"
        width={width()}
        height={height()}
        viewBox={`0 0 ${width()} ${height()}`}
        aria-hidden="true"
      >
        <ArrowHead id="pm-arrow" />
        <For each={props.view.flows}>
          {(flow) => {
            const p = path(flow.from, flow.to);
            return (
              <Show when={p}>
                {(geo) => (
                  <g class={`pm-flow pm-${flow.kind}`} data-flow={`${flow.from}>${flow.to}`}>
                    <path d={geo().d} stroke-width={stroke(flow.count)} marker-end="url(#pm-arrow)" fill="none" />
                    <text x={geo().lx} y={geo().ly} text-anchor="middle" class="pm-count">
                      {flow.count}
                    </text>
                  </g>
                )}
              </Show>
            );
          }}
        </For>
        <For each={props.view.steps}>
          {(step) => {
            const at = () => position().get(step.id)!;
            const clarifications = () => step.deviations.find((d) => d.kind === 'clarification')?.count ?? 0;
            const lines = () => stepLines(step);
            const exit = step.kind === 'exit';
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: the drawing is hidden from assistive technology; the table's buttons list a step's orders by keyboard and screen reader.
              <g
                class={`pm-step${step.listable ? ' pm-listable' : ''}${props.selected === step.id ? ' pm-selected' : ''}${(step.now?.overdue ?? 0) > 0 ? ' pm-alert' : ''}`}
                data-step={step.id}
                onClick={() => step.listable && props.onPick(step.id)}
              >
                <Show when={clarifications() > 0}>
                  <path
                    class="pm-loop"
                    d={`M ${at().x + BOX.w - 50} ${at().y} C ${at().x + BOX.w - 50} ${at().y - 40}, ${at().x + BOX.w - 10} ${at().y - 40}, ${at().x + BOX.w - 10} ${at().y - 6}`}
                    stroke-width={stroke(clarifications())}
                    marker-end="url(#pm-arrow)"
                    fill="none"
                  />
                  <text x={at().x + BOX.w - 30} y={at().y - 34} text-anchor="middle" class="pm-count">
                    ? {clarifications()}
                  </text>
                </Show>
                <rect x={at().x} y={at().y} width={BOX.w} height={exit ? BOX.h * 0.6 : BOX.h} rx="8" />
                <text x={at().x + 10} y={at().y + 22} class="pm-name">
                  {stepName(step.id, step.name)}
                </text>
                <For each={exit ? lines().slice(0, 2) : lines()}>
                  {(line, i) => (
                    <text x={at().x + 10} y={at().y + 42 + i() * 17} class="pm-line">
                      {line}
                    </text>
                  )}
                </For>
              </g>
            );
          }}
        </For>
      </svg>
    </section>
  );
}

function stepLines(step: ProcessStep): string[] {
  const lines: string[] = [];
  if (step.now) lines.push(tp.map.now(step.now.orders));
  if (step.now && (step.now.atRisk || step.now.overdue)) lines.push(tp.map.risk(step.now.atRisk, step.now.overdue));
  if (step.kind !== 'filed') lines.push(tp.map.entered(step.entered));
  if (step.medianMinutes !== undefined) {
    lines.push(tp.map.median(minutes(step.medianMinutes)), tp.map.p90(minutes(step.p90Minutes)));
  }
  if (step.targetMinutes !== undefined) lines.push(tp.map.target(durationWords(step.targetMinutes)));
  if (step.breachShare !== undefined && step.breached > 0) lines.push(tp.map.breached(percentWords(step.breachShare)));
  const back = step.deviations.filter((d) => d.kind !== 'clarification').reduce((n, d) => n + d.count, 0);
  if (back > 0) lines.push(`↩ ${back}`);
  return lines.slice(0, 7);
}

function StepTable(props: { view: ProcessMapView; onPick: (id: string) => void }) {
  return (
    <Table
      caption={tp.map.tableCaption}
      head={[
        tp.map.stepHead,
        tp.map.nowHead,
        tp.map.riskHead,
        tp.map.overdueHead,
        tp.map.enteredHead,
        tp.map.medianHead,
        tp.map.p90Head,
        tp.map.targetHead,
        tp.map.breachHead,
        tp.map.deviationsHead,
        tp.map.ordersHead,
      ]}
      scroll={{ label: tp.map.tableCaption }}
      each={props.view.steps}
    >
      {(s) => (
        <tr data-step={s.id}>
          <th scope="row">{stepName(s.id, s.name)}</th>
          <td class="num">{s.now?.orders ?? '—'}</td>
          <td class="num">{s.now?.atRisk ?? '—'}</td>
          <td class="num">{s.now?.overdue ?? '—'}</td>
          <td class="num">{s.entered}</td>
          <td class="num">{minutes(s.medianMinutes)}</td>
          <td class="num">{minutes(s.p90Minutes)}</td>
          <td class="num">{s.targetMinutes === undefined ? '—' : durationWords(s.targetMinutes)}</td>
          <td class="num">{s.breachShare === undefined ? '—' : percentWords(s.breachShare)}</td>
          <td>{deviationWords(s) || '—'}</td>
          <td>
            <Show when={s.listable} fallback="—">
              <button type="button" class="link-button" onClick={() => props.onPick(s.id)}>
                {tp.map.show(stepName(s.id, s.name))}
              </button>
            </Show>
          </td>
        </tr>
      )}
    </Table>
  );
}

function StepOrders(props: { orders: OrderSummary[] }) {
  return (
    <Show when={props.orders.length > 0} fallback={<p class="empty">{tp.map.stepEmpty}</p>}>
      <ul class="step-orders" data-testid="step-orders">
        <For each={props.orders}>
          {(o) => (
            <li>
              <A href={`/orders/${encodeURIComponent(o.number)}`}>{o.number}</A> {o.title}{' '}
              <span class="meta">{t.status[o.status]}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
