/**
 * Can the team carry the demand (SPEC §2 resources)? Weekly demand per service with an explained
 * forecast, the queue and workload now, time spent per service, and the team size the standards
 * need, with the formula on the page.
 */
import { useParams, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { ti } from '../i18n/insight.ts';
import { api, type CapacityResponse } from '../lib/api.ts';
import { durationWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { usePageTitle } from '../lib/ui.tsx';
import { InsightNav } from './InsightNav.tsx';
import { Figure, FigureTable, numberWords, Panel } from './parts.tsx';
import { dayWords, firstValue } from './period.ts';

const HISTORY = ['8', '12', '26'];
const HORIZONS = ['4', '6', '8'];

export default function Capacity() {
  const params = useParams<{ code: string }>();
  const [search, setSearch] = useSearchParams();
  usePageTitle(() => ti.capacity.title(params.code));
  const settings = createMemo(() => ({
    weeks: HISTORY.includes(firstValue(search.weeks) ?? '') ? firstValue(search.weeks)! : '12',
    horizon: HORIZONS.includes(firstValue(search.horizon) ?? '') ? firstValue(search.horizon)! : '6',
  }));
  const key = createMemo(() => `${params.code}?${new URLSearchParams(settings())}`);
  const view = createLoader(key, (k: string) => {
    const at = k.indexOf('?');
    return api.capacity(k.slice(0, at), k.slice(at + 1));
  });
  const members = createLoader(
    () => params.code,
    (code: string) => api.members(code).catch(() => []),
  );
  const personName = (id: string) => members.value()?.find((m) => m.id === id)?.name ?? id;

  return (
    <section class="dashboard capacity-page">
      <InsightNav code={params.code} />
      <h1>{ti.capacity.title(params.code)}</h1>
      <p class="lead">{ti.capacity.intro}</p>
      <section class="dash-filters" aria-labelledby="capacity-controls">
        <h2 id="capacity-controls" class="visually-hidden">
          {ti.capacity.controls}
        </h2>
        <div class="filters">
          <div class="field">
            <label for="capacity-weeks">{ti.capacity.history}</label>
            <select
              id="capacity-weeks"
              value={settings().weeks}
              onChange={(e) => setSearch({ weeks: e.currentTarget.value }, { replace: true })}
            >
              <For each={HISTORY}>{(w) => <option value={w}>{w}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="capacity-horizon">{ti.capacity.horizon}</label>
            <select
              id="capacity-horizon"
              value={settings().horizon}
              onChange={(e) => setSearch({ horizon: e.currentTarget.value }, { replace: true })}
            >
              <For each={HORIZONS}>{(w) => <option value={w}>{w}</option>}</For>
            </select>
          </div>
        </div>
      </section>
      <Loaded of={view} loading={ti.capacity.loading} failures="before">
        {(v) => <CapacityBody view={v()} personName={personName} />}
      </Loaded>
    </section>
  );
}

const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function CapacityBody(props: { view: CapacityResponse; personName: (id: string) => string }) {
  const v = () => props.view;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${numberWords(n)}`;
  const demand = () => ({
    labels: [...v().weeks, ...v().forecastWeeks].map((w) => dayWords(w)),
    series: [
      { label: ti.capacity.actual, values: [...v().total.weekly, ...v().forecastWeeks.map(() => null)] },
      { label: ti.capacity.forecast, values: [...v().weeks.map(() => null), ...v().total.forecast] },
    ],
  });
  /** The busiest service's sentence: the standard it must meet at its forecast volume. */
  const headline = () => v().services.find((s) => s.peopleNeeded !== undefined && s.standardMinutes !== undefined);
  return (
    <>
      <p class="meta">{t.dashboard.periodWords(dayWords(v().weeks[0]!), dayWords(v().weeks.at(-1)!))}</p>
      <dl class="kpis">
        <div>
          <dt>{ti.capacity.demand}</dt>
          <dd>{numberWords(v().total.averagePerWeek)}</dd>
        </div>
        <div>
          <dt>{ti.capacity.trend}</dt>
          <dd>{ti.capacity.trendWords(signed(v().total.trendPerWeek))}</dd>
        </div>
        <div>
          <dt>{ti.capacity.forecastAverage}</dt>
          <dd>{numberWords(average(v().total.forecast))}</dd>
        </div>
        <div>
          <dt>{ti.capacity.open}</dt>
          <dd>{numberWords(v().total.open)}</dd>
        </div>
        <div>
          <dt>{ti.capacity.throughput}</dt>
          <dd>{numberWords(v().total.resolvedPerPersonWeek)}</dd>
        </div>
        <div>
          <dt>{ti.capacity.people}</dt>
          <dd data-testid="people-needed">{numberWords(v().total.peopleNeeded)}</dd>
        </div>
      </dl>
      <p class="meta">{ti.capacity.peopleNow(v().total.activeAgents)}</p>
      <Show when={v().total.resolvedPerPersonWeek === undefined}>
        <p class="notice">{ti.capacity.noThroughput}</p>
      </Show>
      <Show when={headline()}>
        {(s) => (
          <p class="capacity-sentence">
            {s().name}:{' '}
            {ti.capacity.peopleSentence(
              numberWords(Math.ceil(s().peopleNeeded! * 10) / 10),
              durationWords(s().standardMinutes!),
              numberWords(average(s().forecast)),
            )}
          </p>
        )}
      </Show>

      <Panel id="demand" title={ti.capacity.demandTitle} wide>
        <Figure
          name="capacity-demand"
          title={ti.capacity.demandTitle}
          spec={{ kind: 'bars', data: demand(), valueTitle: ti.capacity.actual }}
        />
        <FigureTable
          quiet
          caption={ti.capacity.demandCaption}
          head={[ti.capacity.week, ti.capacity.actual, ti.capacity.forecast]}
          rows={[
            ...v().weeks.map((w, i) => [dayWords(w), v().total.weekly[i] ?? 0, t.dashboard.none]),
            ...v().forecastWeeks.map((w, i) => [dayWords(w), t.dashboard.none, v().total.forecast[i] ?? 0]),
          ]}
        />
      </Panel>

      <Panel id="capacity-services" title={ti.capacity.servicesTitle} wide>
        <FigureTable
          caption={ti.capacity.servicesCaption}
          head={[
            ti.capacity.service,
            ti.capacity.demand,
            ti.capacity.trend,
            ti.capacity.forecastAverage,
            ti.capacity.open,
            ti.capacity.waiting,
            ti.capacity.spent,
            ti.capacity.perOrder,
            ti.capacity.standard,
            ti.capacity.need,
          ]}
          rows={v().services.map((s) => [
            s.name,
            s.averagePerWeek,
            signed(s.trendPerWeek),
            numberWords(average(s.forecast)),
            s.open,
            s.waiting,
            durationWords(s.businessMinutes),
            s.averageBusinessMinutes === undefined ? t.dashboard.none : durationWords(s.averageBusinessMinutes),
            s.standardMinutes === undefined ? t.dashboard.none : durationWords(s.standardMinutes),
            numberWords(s.peopleNeeded),
          ])}
        />
      </Panel>

      <Panel id="capacity-agents" title={ti.capacity.agentsTitle} wide>
        <FigureTable
          caption={ti.capacity.agentsCaption}
          head={[
            ti.capacity.agent,
            ti.capacity.open,
            ti.capacity.waiting,
            ti.capacity.resolved,
            ti.capacity.resolvedPerWeek,
          ]}
          rows={[
            ...v().agents.map((a) => [props.personName(a.agentId), a.open, a.waiting, a.resolved, a.resolvedPerWeek]),
            ...(v().unassigned > 0 ? [[ti.capacity.unassigned, v().unassigned, '', '', '']] : []),
          ]}
        />
      </Panel>

      <section class="panel wide" aria-labelledby="capacity-rules">
        <h2 id="capacity-rules">{ti.capacity.rules}</h2>
        <p class="formula">{ti.capacity.forecastRule(v().weeks.length, v().forecastWeeks.length)}</p>
        <p class="formula">{ti.capacity.peopleRule(Math.round(v().utilisation * 100))}</p>
      </section>
    </>
  );
}
