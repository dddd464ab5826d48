/**
 * The living canvas on the department page (its head): each section of the canvas with the head's own
 * words and, beside them, the live figure that answers it over the last weeks (GET …/canvas).
 */
import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { LivingCanvasView } from '#shared/api.ts';
import { type AgainstGoal, CANVAS_SECTIONS, type CanvasSection } from '#shared/living-canvas.ts';
import type { Canvas } from '#shared/model.ts';
import { goalFigureWords } from '../dashboard/goal-words.ts';
import { numberWords, percentWords } from '../dashboard/parts.tsx';
import { api } from '../lib/api.ts';
import { durationWords } from '../lib/format.ts';
import { createLoader, Failure } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { Loading, Prose } from '../lib/ui.tsx';
import { tc } from './canvas-words.ts';
import { tp } from './words.ts';
import './process.css';

/** The window the canvas's figures cover. */
const WEEKS = 8;

export default function LivingCanvas(props: { code: string; canvas: Canvas }) {
  const view = createLoader(
    () => props.code,
    (code: string) => api.canvas(code, WEEKS),
  );
  const base = () => `/departments/${encodeURIComponent(props.code)}`;
  return (
    <section aria-labelledby="canvas-title" class="living-canvas">
      <h2 id="canvas-title">{t.department.canvasTitle}</h2>
      <p class="hint">{tc.canvas.intro(WEEKS)}</p>
      <p class="button-row">
        <A class="button-link" href={`${base()}/ranking`}>
          {tc.canvas.ranking}
        </A>
        <A class="button-link" href="/handoffs">
          {tp.nav.handoffs}
        </A>
      </p>
      <Failure of={view} />
      <Show when={view.loading() && !view.value()}>
        <Loading text={tc.canvas.loading} />
      </Show>
      <div class="canvas">
        <For each={CANVAS_SECTIONS}>
          {([section, field]) => (
            <section class="canvas-cell surface" aria-labelledby={`canvas-${field}`} data-testid={`canvas-${section}`}>
              <h3 id={`canvas-${field}`}>{t.department.canvas[field]}</h3>
              <Prose text={props.canvas[field]} />
              <Show when={view.value()}>
                {(v) => (
                  <div class="live-figure" data-testid={`live-${section}`}>
                    <p class="live-label">{tc.canvas.live}</p>
                    <Figure section={section} view={v()} base={base()} />
                  </div>
                )}
              </Show>
            </section>
          )}
        </For>
      </div>
    </section>
  );
}

function goalWords(goal: AgainstGoal | undefined): string | undefined {
  if (!goal) return undefined;
  const state = goal.met === undefined ? tc.canvas.goalOpen : goal.met ? tc.canvas.goalMet : tc.canvas.goalMissed;
  return `${tc.canvas.goal(goalFigureWords(goal.metric, goal.target))}: ${state}`;
}

/** Where a figure stands against the department's goal for it, when it has one. */
function Goal(props: { goal: AgainstGoal | undefined }) {
  return <Show when={goalWords(props.goal)}>{(words) => <p class="live-goal">{words()}</p>}</Show>;
}

/** A figure over the orders measured (`none` when there were none), then where it stands against its goal. */
function Measured(props: { count: number; none: string; goal: AgainstGoal | undefined; children: JSX.Element }) {
  return (
    <>
      <Show when={props.count > 0} fallback={<p>{props.none}</p>}>
        <p>{props.children}</p>
      </Show>
      <Goal goal={props.goal} />
    </>
  );
}

function Lines(props: { title?: string; items: readonly JSX.Element[] }) {
  return (
    <Show when={props.items.length > 0}>
      <Show when={props.title}>
        <p class="live-title">{props.title}</p>
      </Show>
      <ul class="live-list">
        <For each={props.items}>{(item) => <li>{item}</li>}</For>
      </ul>
    </Show>
  );
}

function Figure(props: { section: CanvasSection; view: LivingCanvasView; base: string }): JSX.Element {
  const v = () => props.view;
  const signed = (n: number) => (n > 0 ? `+${numberWords(n)}` : numberWords(n));
  const name = (code: string) => v().departmentNames[code] ?? code;
  switch (props.section) {
    case 'value':
      return (
        <>
          <p>{tc.canvas.value(v().value.created, v().value.resolved)}</p>
          <Lines
            title={tc.canvas.mostDelivered}
            items={v().value.topServices.map((s) => `${s.name}: ${numberWords(s.resolved)}`)}
          />
        </>
      );
    case 'customers':
      return (
        <>
          <p>{tc.canvas.customers(v().customers.customers, v().customers.orders)}</p>
          <Lines
            items={v().customers.segments.map(
              (s) => `${s.value || tc.canvas.unknownSegment}: ${percentWords(s.share)}`,
            )}
          />
          <p class="live-title">{tc.canvas.stopped}</p>
          <Show
            when={v().customers.stopped.length > 0}
            fallback={<p>{tc.canvas.noneStopped(v().customers.quietWeeks)}</p>}
          >
            <Lines items={v().customers.stopped.map((p) => tc.canvas.missed(p.name, numberWords(p.missedOrders)))} />
          </Show>
        </>
      );
    case 'ordering':
      return (
        <Show when={v().ordering.orders > 0} fallback={<p>{tc.canvas.none}</p>}>
          <Lines
            items={v().ordering.channels.map(
              (c) => `${tc.canvas.channel[c.channel]}: ${percentWords(c.share)} (${numberWords(c.orders)})`,
            )}
          />
          <Show when={v().ordering.unrecorded > 0}>
            <p class="hint">{tc.canvas.unrecorded(v().ordering.unrecorded)}</p>
          </Show>
        </Show>
      );
    case 'delivery': {
      const d = () => v().delivery;
      return (
        <>
          <Show when={d().measured > 0} fallback={<p>{tc.canvas.none}</p>}>
            <p>{tc.canvas.firstResponse(percentWords(d().firstResponseOnTime), d().measured)}</p>
          </Show>
          <Show when={d().medianFirstResponseMinutes !== undefined || d().medianResolutionMinutes !== undefined}>
            <p>
              {tc.canvas.medians(
                d().medianFirstResponseMinutes === undefined
                  ? t.dashboard.none
                  : durationWords(d().medianFirstResponseMinutes!),
                d().medianResolutionMinutes === undefined
                  ? t.dashboard.none
                  : durationWords(d().medianResolutionMinutes!),
              )}
            </p>
          </Show>
          <Goal goal={d().goal} />
        </>
      );
    }
    case 'processes':
      return (
        <>
          <p>{tc.canvas.deviations(v().processes.reworks, v().processes.clarifications)}</p>
          <Lines
            items={v().processes.services.map((s) => (
              <A href={`${props.base}/services/${encodeURIComponent(s.serviceId)}/process`}>
                {tc.canvas.serviceLine(s.name, s.created, s.reworks, s.clarifications)}
              </A>
            ))}
          />
        </>
      );
    case 'quality':
      return (
        <Measured count={v().quality.responses} none={tc.canvas.noRatings} goal={v().quality.goal}>
          {tc.canvas.satisfaction(percentWords(v().quality.csat), v().quality.responses)}
        </Measured>
      );
    case 'standards':
      return (
        <Measured count={v().standards.measured} none={tc.canvas.noResolutions} goal={v().standards.goal}>
          {tc.canvas.onTime(percentWords(v().standards.resolutionOnTime), v().standards.measured)}
        </Measured>
      );
    case 'resources': {
      const r = () => v().resources;
      return (
        <>
          <p>{tc.canvas.demand(numberWords(r().averagePerWeek), signed(r().trendPerWeek))}</p>
          <p>
            {tc.canvas.capacity(
              r().open,
              r().activeAgents,
              r().resolvedPerPersonWeek === undefined ? t.dashboard.none : numberWords(r().resolvedPerPersonWeek),
            )}
          </p>
          <Show when={r().peopleNeeded !== undefined}>
            <p>{tc.canvas.needed(r().peopleNeeded!)}</p>
          </Show>
        </>
      );
    }
    case 'partners': {
      const line = (p: { code: string; handoffs: number; reworkShare?: number }) =>
        tc.canvas.partner(name(p.code), p.handoffs, percentWords(p.reworkShare));
      return (
        <Show
          when={v().partners.handsTo.length + v().partners.receivesFrom.length > 0}
          fallback={<p>{tc.canvas.noPartners}</p>}
        >
          <Lines title={tc.canvas.handsTo} items={v().partners.handsTo.map(line)} />
          <Lines title={tc.canvas.receivesFrom} items={v().partners.receivesFrom.map(line)} />
        </Show>
      );
    }
  }
}
