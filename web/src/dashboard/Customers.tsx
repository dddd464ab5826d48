/**
 * Who the department's customers are (SPEC §2 customer segments): orders per segment over time,
 * who orders most, who stopped, and the frequent customers who are least satisfied. The view's
 * settings live in the address so it can be shared.
 */
import { Show } from 'solid-js';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from '#shared/stats.ts';
import { api, type CustomersResponse } from '../lib/api.ts';
import { Facts } from '../lib/blocks.tsx';
import { dayShortWords } from '../lib/format.ts';
import { t } from '../lib/strings.ts';
import { ti } from './insight-words.ts';
import {
  type AddressSetting,
  type Cell,
  Figure,
  FigureTable,
  heads,
  numberWords,
  Panel,
  percentWords,
} from './parts.tsx';
import { dayWords, firstValue } from './period.ts';
import { createSettingsView, SettingsViewPage } from './settings-view.tsx';

const WINDOWS = ['12', '26', '52'];
/** The weekly chart draws this many of the largest segments; the table lists them all. */
const CHART_SEGMENTS = 5;
const SETTINGS: readonly AddressSetting[] = [
  { key: 'weeks', id: 'customers-window', label: ti.customers.window, options: WINDOWS },
  {
    key: 'segment',
    id: 'customers-segment',
    label: ti.customers.segment,
    options: SEGMENT_DIMENSIONS.map((d) => ({ value: d, label: ti.customers.dimension[d] })),
  },
  { key: 'quietWeeks', id: 'customers-quiet', label: ti.customers.quietWeeks, min: 1, max: 26 },
  { key: 'regularWeeks', id: 'customers-regular', label: ti.customers.regularWeeks, min: 2, max: 52 },
];

export default function Customers() {
  const customers = createSettingsView((search) => {
    const segment = firstValue(search.segment);
    return {
      weeks: WINDOWS.includes(firstValue(search.weeks) ?? '') ? firstValue(search.weeks)! : '26',
      segment: (SEGMENT_DIMENSIONS as readonly string[]).includes(segment ?? '')
        ? (segment as SegmentDimension)
        : 'department',
      quietWeeks: /^\d{1,2}$/.test(firstValue(search.quietWeeks) ?? '') ? firstValue(search.quietWeeks)! : '4',
      regularWeeks: /^\d{1,2}$/.test(firstValue(search.regularWeeks) ?? '') ? firstValue(search.regularWeeks)! : '3',
    };
  }, api.customers);
  return (
    <SettingsViewPage name="customers" of={customers} words={ti.customers} fields={SETTINGS}>
      {(v) => <CustomersBody view={v()} />}
    </SettingsViewPage>
  );
}

/** The week of a customer's last order, if any. */
const lastOrder = (person: { lastOrderWeek?: string | undefined }) =>
  person.lastOrderWeek ? dayWords(person.lastOrderWeek) : t.dashboard.none;

/** The lists of customers picked by a rule, by their words' prefix: their panel's id. */
const RULE_PANELS = { stopped: 'stopped', least: 'least-satisfied' } as const;

/** Customers picked by a rule: the rule, then their table, or the word for none. */
function RulePanel(props: { list: keyof typeof RULE_PANELS; rule: string; head: string[]; rows: Cell[][] }) {
  const words = (part: 'Title' | 'None' | 'Caption') => ti.customers[`${props.list}${part}`];
  return (
    <Panel id={RULE_PANELS[props.list]} title={words('Title')} wide>
      <p class="formula">{props.rule}</p>
      <Show when={props.rows.length > 0} fallback={<p class="empty">{words('None')}</p>}>
        <FigureTable caption={words('Caption')} head={props.head} rows={props.rows} />
      </Show>
    </Panel>
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
          rows={v().topCustomers.map((p) => [p.name, p.orders, p.responses, percentWords(p.csat), lastOrder(p)])}
        />
      </Panel>

      <RulePanel
        list="stopped"
        rule={c.stoppedRule(v().regularWeeks, v().quietWeeks)}
        head={heads(c, 'person', 'orders', 'activeWeeks', 'perWeek', 'missed', 'lastOrder')}
        rows={v().stopped.map((p) => [p.name, p.orders, p.activeWeeks, p.ordersPerWeek, p.missedOrders, lastOrder(p)])}
      />
      <RulePanel
        list="least"
        rule={c.leastRule}
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
    </>
  );
}
