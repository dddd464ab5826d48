/**
 * Who the department's customers are (SPEC §2 customer segments): orders per segment over time,
 * who orders most, who stopped, and the frequent customers who are least satisfied. The view's
 * settings live in the address so it can be shared.
 */
import { useParams, useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from '#shared/stats.ts';
import { api, type CustomersResponse } from '../lib/api.ts';
import { Facts } from '../lib/blocks.tsx';
import { dayShortWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { usePageTitle } from '../lib/ui.tsx';
import { ti } from './insight-words.ts';
import {
  AddressSettings,
  Figure,
  FigureTable,
  heads,
  InsightPage,
  numberWords,
  Panel,
  percentWords,
} from './parts.tsx';
import { dayWords, firstValue } from './period.ts';

const WINDOWS = ['12', '26', '52'];
/** The weekly chart draws this many of the largest segments; the table lists them all. */
const CHART_SEGMENTS = 5;

export default function Customers() {
  const params = useParams<{ code: string }>();
  const [search] = useSearchParams();
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
    <InsightPage code={params.code} name="customers" title={ti.customers.title(params.code)} intro={ti.customers.intro}>
      <AddressSettings
        id="customers-controls"
        title={ti.customers.controls}
        values={settings()}
        fields={[
          { key: 'weeks', id: 'customers-window', label: ti.customers.window, options: WINDOWS },
          {
            key: 'segment',
            id: 'customers-segment',
            label: ti.customers.segment,
            options: SEGMENT_DIMENSIONS.map((d) => ({ value: d, label: ti.customers.dimension[d] })),
          },
          { key: 'quietWeeks', id: 'customers-quiet', label: ti.customers.quietWeeks, min: 1, max: 26 },
          { key: 'regularWeeks', id: 'customers-regular', label: ti.customers.regularWeeks, min: 2, max: 52 },
        ]}
      />
      <Loaded of={view} loading={ti.customers.loading} failures="before">
        {(v) => <CustomersBody view={v()} />}
      </Loaded>
    </InsightPage>
  );
}

function CustomersBody(props: { view: CustomersResponse }) {
  const v = () => props.view;
  const c = ti.customers;
  const segmentName = (value: string) => value || ti.customers.notSet;
  const weekLabel = (week: string) => dayWords(week);
  const weekly = () => ({
    // Short and level on the axis ("3 Dec"); the table under it says the whole date.
    labels: v().weeks.map((week) => dayShortWords(week)),
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
      <Facts
        class="kpis"
        facts={[
          { term: ti.customers.orders, detail: numberWords(v().totals.orders) },
          { term: ti.customers.customers, detail: numberWords(v().totals.customers) },
          { term: ti.customers.responses, detail: numberWords(v().totals.responses) },
          { term: ti.customers.csat, detail: percentWords(v().totals.csat) },
        ]}
      />

      <div class="dash-grid">
        {/* Wide: its table has six columns, which half a row would hide in a box scrolling sideways. */}
        <Panel id="segments" title={ti.customers.segmentsTitle} wide>
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
            head={heads(c, 'segmentCol', 'orders', 'share', 'responses', 'csat', 'averageScore')}
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
            spec={{ kind: 'stackedBars', data: weekly(), valueTitle: ti.customers.orders }}
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
          head={heads(c, 'person', 'orders', 'responses', 'csat', 'lastOrder')}
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
            head={heads(c, 'person', 'orders', 'activeWeeks', 'perWeek', 'missed', 'lastOrder')}
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
            head={heads(c, 'person', 'orders', 'responses', 'unhappy', 'averageScore', 'impact')}
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
