/**
 * Who the department's customers are (SPEC §2 customer segments): orders per segment over time,
 * who orders most, who stopped, and the frequent customers who are least satisfied. The view's
 * settings live in the address so it can be shared.
 */
import { useParams, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from '#shared/stats.ts';
import { ti } from '../i18n/insight.ts';
import { api, type CustomersResponse } from '../lib/api.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { usePageTitle } from '../lib/ui.tsx';
import { InsightNav } from './InsightNav.tsx';
import { Figure, FigureTable, numberWords, Panel, percentWords } from './parts.tsx';
import { dayWords, firstValue } from './period.ts';

const WINDOWS = ['12', '26', '52'];
/** The weekly chart draws this many of the largest segments; the table lists them all. */
const CHART_SEGMENTS = 5;

export default function Customers() {
  const params = useParams<{ code: string }>();
  const [search, setSearch] = useSearchParams();
  usePageTitle(() => ti.customers.title(params.code));

  const settings = createMemo(() => {
    const segment = firstValue(search.segment);
    return {
      weeks: WINDOWS.includes(firstValue(search.weeks) ?? '') ? firstValue(search.weeks)! : '26',
      segment: (SEGMENT_DIMENSIONS as readonly string[]).includes(segment ?? '')
        ? (segment as SegmentDimension)
        : 'department',
      quietWeeks: /^\d{1,2}$/.test(firstValue(search.quietWeeks) ?? '') ? firstValue(search.quietWeeks)! : '4',
      regularWeeks: /^\d{1,2}$/.test(firstValue(search.regularWeeks) ?? '') ? firstValue(search.regularWeeks)! : '3',
    };
  });
  const key = createMemo(() => {
    const s = settings();
    return `${params.code}?${new URLSearchParams({ weeks: s.weeks, segment: s.segment, quietWeeks: s.quietWeeks, regularWeeks: s.regularWeeks })}`;
  });
  const view = createLoader(key, (k: string) => {
    const at = k.indexOf('?');
    return api.customers(k.slice(0, at), k.slice(at + 1));
  });

  return (
    <section class="dashboard customers-page">
      <InsightNav code={params.code} />
      <h1>{ti.customers.title(params.code)}</h1>
      <p class="lead">{ti.customers.intro}</p>

      <section class="dash-filters" aria-labelledby="customers-controls">
        <h2 id="customers-controls" class="visually-hidden">
          {ti.customers.controls}
        </h2>
        <div class="filters">
          <div class="field">
            <label for="customers-window">{ti.customers.window}</label>
            <select
              id="customers-window"
              value={settings().weeks}
              onChange={(e) => setSearch({ weeks: e.currentTarget.value }, { replace: true })}
            >
              <For each={WINDOWS}>{(w) => <option value={w}>{w}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="customers-segment">{ti.customers.segment}</label>
            <select
              id="customers-segment"
              value={settings().segment}
              onChange={(e) => setSearch({ segment: e.currentTarget.value }, { replace: true })}
            >
              <For each={SEGMENT_DIMENSIONS}>{(d) => <option value={d}>{ti.customers.dimension[d]}</option>}</For>
            </select>
          </div>
          <div class="field field-number">
            <label for="customers-quiet">{ti.customers.quietWeeks}</label>
            <input
              id="customers-quiet"
              type="number"
              min="1"
              max="26"
              value={settings().quietWeeks}
              onChange={(e) => setSearch({ quietWeeks: e.currentTarget.value }, { replace: true })}
            />
          </div>
          <div class="field field-number">
            <label for="customers-regular">{ti.customers.regularWeeks}</label>
            <input
              id="customers-regular"
              type="number"
              min="2"
              max="52"
              value={settings().regularWeeks}
              onChange={(e) => setSearch({ regularWeeks: e.currentTarget.value }, { replace: true })}
            />
          </div>
        </div>
      </section>

      <Loaded of={view} loading={ti.customers.loading} failures="before">
        {(v) => <CustomersBody view={v()} />}
      </Loaded>
    </section>
  );
}

function CustomersBody(props: { view: CustomersResponse }) {
  const v = () => props.view;
  const segmentName = (value: string) => value || ti.customers.notSet;
  const weekLabel = (week: string) => dayWords(week);
  const weekly = () => ({
    labels: v().weeks.map(weekLabel),
    series: v()
      .segments.slice(0, CHART_SEGMENTS)
      .map((s) => ({ label: segmentName(s.value), values: s.weekly })),
  });
  return (
    <>
      <p class="meta">
        {t.dashboard.periodWords(dayWords(v().weeks[0]!), dayWords(v().weeks.at(-1)!))} ·{' '}
        {ti.customers.dimension[v().dimension]}
      </p>
      <dl class="kpis">
        <div>
          <dt>{ti.customers.orders}</dt>
          <dd>{numberWords(v().totals.orders)}</dd>
        </div>
        <div>
          <dt>{ti.customers.customers}</dt>
          <dd>{numberWords(v().totals.customers)}</dd>
        </div>
        <div>
          <dt>{ti.customers.responses}</dt>
          <dd>{numberWords(v().totals.responses)}</dd>
        </div>
        <div>
          <dt>{ti.customers.csat}</dt>
          <dd>{percentWords(v().totals.csat)}</dd>
        </div>
      </dl>

      <div class="dash-grid">
        <Panel id="segments" title={ti.customers.segmentsTitle}>
          <Figure
            name="customer-segments"
            title={ti.customers.segmentsTitle}
            spec={{
              kind: 'horizontalBars',
              data: {
                labels: v().segments.map((s) => segmentName(s.value)),
                series: [{ label: ti.customers.orders, values: v().segments.map((s) => s.orders) }],
              },
              valueTitle: ti.customers.orders,
            }}
          />
          <FigureTable
            caption={ti.customers.segmentsCaption}
            head={[
              ti.customers.segmentCol,
              ti.customers.orders,
              ti.customers.share,
              ti.customers.responses,
              ti.customers.csat,
              ti.customers.averageScore,
            ]}
            rows={v().segments.map((s) => [
              segmentName(s.value),
              s.orders,
              percentWords(s.share),
              s.responses,
              percentWords(s.csat),
              numberWords(s.averageScore),
            ])}
          />
        </Panel>
        <Panel id="segments-weekly" title={ti.customers.segmentWeeklyTitle}>
          <Figure
            name="customer-segments-weekly"
            title={ti.customers.segmentWeeklyTitle}
            spec={{ kind: 'bars', data: weekly(), valueTitle: ti.customers.orders }}
          />
          <FigureTable
            quiet
            caption={ti.customers.segmentWeeklyCaption}
            head={[ti.capacity.week, ...weekly().series.map((s) => s.label)]}
            rows={v().weeks.map((week, i) => [weekLabel(week), ...weekly().series.map((s) => s.values[i] ?? 0)])}
          />
        </Panel>
      </div>

      <Panel id="top-customers" title={ti.customers.topTitle} wide>
        <FigureTable
          caption={ti.customers.topCaption}
          head={[
            ti.customers.person,
            ti.customers.orders,
            ti.customers.responses,
            ti.customers.csat,
            ti.customers.lastOrder,
          ]}
          rows={v().topCustomers.map((p) => [
            p.name,
            p.orders,
            p.responses,
            percentWords(p.csat),
            p.lastOrderWeek ? dayWords(p.lastOrderWeek) : t.dashboard.none,
          ])}
        />
      </Panel>

      <Panel id="stopped" title={ti.customers.stoppedTitle} wide>
        <p class="formula">{ti.customers.stoppedRule(v().regularWeeks, v().quietWeeks)}</p>
        <Show when={v().stopped.length > 0} fallback={<p class="empty">{ti.customers.stoppedNone}</p>}>
          <FigureTable
            caption={ti.customers.stoppedCaption}
            head={[
              ti.customers.person,
              ti.customers.orders,
              ti.customers.activeWeeks,
              ti.customers.perWeek,
              ti.customers.missed,
              ti.customers.lastOrder,
            ]}
            rows={v().stopped.map((p) => [
              p.name,
              p.orders,
              p.activeWeeks,
              p.ordersPerWeek,
              p.missedOrders,
              p.lastOrderWeek ? dayWords(p.lastOrderWeek) : t.dashboard.none,
            ])}
          />
        </Show>
      </Panel>

      <Panel id="least-satisfied" title={ti.customers.leastTitle} wide>
        <p class="formula">{ti.customers.leastRule}</p>
        <Show when={v().leastSatisfied.length > 0} fallback={<p class="empty">{ti.customers.leastNone}</p>}>
          <FigureTable
            caption={ti.customers.leastCaption}
            head={[
              ti.customers.person,
              ti.customers.orders,
              ti.customers.responses,
              ti.customers.unhappy,
              ti.customers.averageScore,
              ti.customers.impact,
            ]}
            rows={v().leastSatisfied.map((p) => [
              p.name,
              p.orders,
              p.responses,
              p.unhappy,
              numberWords(p.averageScore),
              p.impact,
            ])}
          />
        </Show>
      </Panel>
    </>
  );
}
