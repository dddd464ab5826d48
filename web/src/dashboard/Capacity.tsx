/**
 * Can the team carry the demand (SPEC §2 resources)? Weekly demand per service with an explained
 * forecast, the queue and workload now, time spent per service, and the team size the standards
 * need, with the formula on the page.
 */
import { Show } from 'solid-js';
import { api, type CapacityResponse } from '../lib/api.ts';
import { Facts } from '../lib/blocks.tsx';
import { durationWords } from '../lib/format.ts';
import { createLoader } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { ti } from './insight-words.ts';
import { type AddressSetting, Figure, FigureTable, heads, numberWords, Panel } from './parts.tsx';
import { dayWords, firstValue } from './period.ts';
import { createSettingsView, SettingsViewPage } from './settings-view.tsx';

const HISTORY = ['8', '12', '26'];
const HORIZONS = ['4', '6', '8'];
const SETTINGS: readonly AddressSetting[] = [
  { key: 'weeks', id: 'capacity-weeks', label: ti.capacity.history, options: HISTORY },
  { key: 'horizon', id: 'capacity-horizon', label: ti.capacity.horizon, options: HORIZONS },
];

export default function Capacity() {
  const capacity = createSettingsView(
    (search) => ({
      weeks: HISTORY.includes(firstValue(search.weeks) ?? '') ? firstValue(search.weeks)! : '12',
      horizon: HORIZONS.includes(firstValue(search.horizon) ?? '') ? firstValue(search.horizon)! : '6',
    }),
    api.capacity,
  );
  const members = createLoader(
    () => capacity.params.code,
    (code: string) => api.members(code).catch(() => []),
  );
  const personName = (id: string) => members.value()?.find((m) => m.id === id)?.name ?? id;

  return (
    <SettingsViewPage name="capacity" of={capacity} words={ti.capacity} fields={SETTINGS}>
      {(v) => <CapacityBody view={v()} personName={personName} />}
    </SettingsViewPage>
  );
}

const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function CapacityBody(props: { view: CapacityResponse; personName: (id: string) => string }) {
  const v = () => props.view;
  const c = ti.capacity;
  // Rounded as shown first, so a trend of -0.04 reads "0", never "-0".
  const signed = (n: number) => {
    const shown = Math.round(n * 10) / 10 || 0;
    return `${shown > 0 ? '+' : ''}${numberWords(shown)}`;
  };
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
      <Facts
        class="kpis"
        facts={[
          { term: ti.capacity.demand, detail: numberWords(v().total.averagePerWeek) },
          { term: ti.capacity.trend, detail: ti.capacity.trendWords(signed(v().total.trendPerWeek)) },
          { term: ti.capacity.forecastAverage, detail: numberWords(average(v().total.forecast)) },
          { term: ti.capacity.open, detail: numberWords(v().total.open) },
          { term: ti.capacity.throughput, detail: numberWords(v().total.resolvedPerPersonWeek) },
          { term: ti.capacity.people, detail: numberWords(v().total.peopleNeeded), testId: 'people-needed' },
        ]}
      />
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
          head={heads(c, 'week', 'actual', 'forecast')}
          rows={[
            ...v().weeks.map((w, i) => [dayWords(w), v().total.weekly[i] ?? 0, t.dashboard.none]),
            ...v().forecastWeeks.map((w, i) => [dayWords(w), t.dashboard.none, v().total.forecast[i] ?? 0]),
          ]}
        />
      </Panel>

      <Panel id="capacity-services" title={ti.capacity.servicesTitle} wide>
        <FigureTable
          caption={ti.capacity.servicesCaption}
          head={heads(
            c,
            'service',
            'demand',
            'trend',
            'forecastAverage',
            'open',
            'waiting',
            'spent',
            'perOrder',
            'standard',
            'need',
          )}
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
          head={heads(c, 'agent', 'open', 'waiting', 'resolved', 'resolvedPerWeek')}
          rows={[
            ...v().agents.map((a) => [props.personName(a.agentId), a.open, a.waiting, a.resolved, a.resolvedPerWeek]),
            ...(v().unassigned > 0 ? [[ti.capacity.unassigned, v().unassigned, '', '', '']] : []),
          ]}
        />
      </Panel>

      <section class="panel wide surface" aria-labelledby="capacity-rules">
        <h2 id="capacity-rules">{ti.capacity.rules}</h2>
        <p class="formula">{ti.capacity.forecastRule(v().weeks.length, v().forecastWeeks.length)}</p>
        <p class="formula">{ti.capacity.peopleRule(Math.round(v().utilisation * 100))}</p>
      </section>
    </>
  );
}
