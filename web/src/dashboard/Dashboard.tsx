/**
 * The department dashboard (SPEC §8, §14.4, §14.6, §14.8): key figures, charts with the same numbers
 * in tables, CSV downloads, the services ranked by where to act first, and the follow-ups of low
 * ratings. Heads see the department, process owners their services, agents their own numbers.
 * Filters live in the address so a view can be shared.
 */
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { REJECTION_REASONS, type RejectionReason } from '#shared/lifecycle.ts';
import type { ParetoEntry } from '#shared/reports.ts';
import { user } from '../account/session.ts';
import { api, type ReportTable, type ReportView } from '../lib/api.ts';
import { Table } from '../lib/blocks.tsx';
import { createDepartmentToday } from '../lib/department-page.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { createOrderSearch, SearchBox } from '../lib/search.tsx';
import { formatMinutes } from '../lib/sla.ts';
import { createReaderOptions } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit } from '../lib/submit.tsx';
import { DateCell, OrderCells, usePageTitle } from '../lib/ui.tsx';
import { isCategory } from '../survey/survey.ts';
import { csvFileName, saveBlob } from './csv.ts';
import { FollowUps } from './FollowUps.tsx';
import { goalFigureWords } from './goal-words.ts';
import { InsightNav } from './InsightNav.tsx';
import { ti } from './insight-words.ts';
import { Choice, Figure, FigureTable, heads, numberWords, Panel, percentWords, Settings } from './parts.tsx';
import {
  type DashboardQuery,
  dashboardSearch,
  dayWords,
  isoDay,
  type PeriodPreset,
  presetRange,
  readDashboardQuery,
  reportSearch,
} from './period.ts';
import { readByKey, viewKey } from './settings-view.tsx';
import {
  backlogAgeing,
  type ChartData,
  csatDistribution,
  foldId,
  paretoChart,
  stageFunnel,
  stageNames,
  weeklyQuality,
  weeklyVolume,
  weekWords,
} from './shape.ts';

type Scope = ReportView['scope'];

/** The Pareto panels: their ids and the report's lists (and CSV tables) they show. */
const PARETOS = [
  ['rejections', 'rejections'],
  ['breaches', 'breaches'],
  ['low-scores', 'lowScores'],
] as const;

export default function Dashboard() {
  const params = useParams<{ code: string }>();
  const [search, setSearch] = useSearchParams();
  // The period ends on the department's today; until its zone is known, the reader's stands in
  // on screen and no report is asked for.
  const departmentToday = createDepartmentToday(() => params.code);
  const today = () => departmentToday() ?? isoDay(new Date());
  const read = createMemo(() => readDashboardQuery({ ...search }, today()));
  const query = () => read().query;

  const me = () => user();
  const isHead = () => me()?.memberships[params.code] === 'head';
  const services = createLoader(
    () => params.code,
    (code: string) => api.departmentServices(code).catch(() => []),
  );
  const members = createLoader(
    () => (isHead() ? params.code : undefined),
    (code: string) => api.members(code).catch(() => []),
  );
  const owned = () => (services.value() ?? []).filter((s) => s.ownerId === me()?.id);
  // What the API will answer with, known before it answers (the report's own scope wins later).
  const expectedScope = (): Scope => (isHead() ? 'department' : owned().length > 0 ? 'owned_services' : 'own_work');

  const reportKey = createMemo(() =>
    read().problem || !departmentToday() ? undefined : viewKey(params.code, reportSearch(query())),
  );
  // The last report stays on screen while the next one loads, so the page does not jump.
  const report = createLoader(reportKey, readByKey(api.report), { keep: true });
  const shown = report.value;
  const goals = createLoader(
    () => (isHead() ? params.code : undefined),
    (code: string) => api.goals(code).catch(() => undefined),
  );
  const backlog = createLoader(
    () => params.code,
    (code: string) => api.backlog(code),
  );
  const scope = (): Scope => shown()?.scope ?? expectedScope();
  const title = () =>
    scope() === 'department'
      ? t.dashboard.title(params.code)
      : scope() === 'owned_services'
        ? t.dashboard.titleOwner(params.code)
        : t.dashboard.titleOwn(params.code);
  usePageTitle(title);

  const wordsFor = createReaderOptions();
  const hoursPerDay = () => wordsFor(params.code).hoursPerDay;
  const working = (minutes: number | undefined) =>
    minutes === undefined ? t.dashboard.none : formatMinutes(minutes, hoursPerDay());
  const calendar = (minutes: number | undefined) => (minutes === undefined ? t.dashboard.none : formatMinutes(minutes));

  const names = createMemo(() => stageNames(services.value() ?? []));
  const stageLabel = (key: string) => names().get(foldId(key)) ?? key.replaceAll('_', ' ');
  const serviceName = (id: string) =>
    shown()?.serviceNames[id] ?? services.value()?.find((s) => s.id === id)?.name ?? id;
  const personName = (id: string) => {
    if (id === me()?.id) return me()?.name ?? id;
    return members.value()?.find((m) => m.id === id)?.name ?? id;
  };
  const rejectionLabel = (key: string) =>
    (REJECTION_REASONS as readonly string[]).includes(key) ? t.rejectionReasons[key as RejectionReason] : key;
  const categoryLabel = (key: string) => (isCategory(key) ? t.lowScoreCategories[key] : key.replaceAll('_', ' '));

  function update(patch: Partial<DashboardQuery>) {
    const next: DashboardQuery = { ...query(), ...patch };
    if (patch.preset === 'custom' && query().preset !== 'custom') {
      // Start the custom period from what was on screen.
      next.from = query().from || presetRange('30', today()).from;
      next.to = query().to || today();
    }
    setSearch(dashboardSearch(next), { replace: true });
  }

  const download = createSubmit(
    async (table: ReportTable) => {
      const file = await api.reportCsv(params.code, reportSearch(query()), table);
      const name = csvFileName(file.disposition, {
        department: params.code,
        table,
        from: query().from,
        to: query().to,
      });
      saveBlob(file.blob, name);
      return name;
    },
    { done: (name) => t.dashboard.downloaded(name) },
  );
  /** A download button for a table of the report; none when the table is empty. */
  const csv = (table: ReportTable, what: string, rows: number) => (
    <Show when={rows > 0}>
      <p class="csv">
        <button
          type="button"
          class="small secondary"
          disabled={download.pending() || !reportKey()}
          onClick={() => void download.run(table)}
        >
          {t.dashboard.download}
          <span class="visually-hidden"> — {what}</span>
        </button>
      </p>
    </Show>
  );

  return (
    <section class="dashboard">
      <Show when={isHead()}>
        <InsightNav code={params.code} />
      </Show>
      <h1>{title()}</h1>
      <p class="lead">{t.dashboard.scope[scope()]}</p>
      <Show when={isHead()}>
        <HeadSearch code={params.code} />
      </Show>

      <Filters
        query={query()}
        onChange={update}
        services={scope() === 'department' ? (services.value() ?? []) : owned()}
        showServices={scope() !== 'own_work'}
        agents={isHead() ? (members.value() ?? []) : []}
        problem={read().problem}
      />

      <div aria-live="polite" class="status-line">
        <Show when={report.loading() && shown()}>
          <p class="meta">{t.dashboard.refreshing}</p>
        </Show>
        <Show when={download.pending() ? t.dashboard.downloading : download.notice()}>
          {(text) => <p class="meta">{text()}</p>}
        </Show>
        <Show when={download.error()}>{(text) => <p class="notice error">{text()}</p>}</Show>
      </div>

      <Loaded of={report} loading={t.dashboard.loading} failures="before">
        {(r) => (
          <>
            <p class="meta">{t.dashboard.periodWords(dayWords(r().filter.from), dayWords(r().filter.to))}</p>
            <Kpis report={r()} backlogTotal={backlog.value()?.total} working={working} />
            <Show when={goals.value()?.goals.length}>
              <section class="goal-strip" aria-labelledby="goal-strip-title">
                <h2 id="goal-strip-title">{ti.nav.goals}</h2>
                <ul class="goal-strip-list">
                  <For each={goals.value()!.goals}>
                    {(progress) => (
                      <li class="goal-strip-item">
                        <span class={`goal-status goal-${progress.status}`}>{ti.goals.status[progress.status]}</span>{' '}
                        {ti.metric[progress.goal.metric]}
                        {progress.goal.serviceId ? ` · ${serviceName(progress.goal.serviceId)}` : ''}:{' '}
                        {progress.value === undefined
                          ? t.dashboard.none
                          : goalFigureWords(progress.goal.metric, progress.value)}{' '}
                        / {goalFigureWords(progress.goal.metric, progress.goal.target)}
                      </li>
                    )}
                  </For>
                </ul>
                <p>
                  <A href={`/departments/${encodeURIComponent(params.code)}/goals`}>{ti.goals.title(params.code)}</A>
                </p>
              </section>
            </Show>

            <div class="dash-grid">
              <Panel id="volume" title={t.dashboard.volumeTitle}>
                <Figure
                  name="weekly-volume"
                  title={t.dashboard.volumeTitle}
                  spec={{ kind: 'bars', data: weeklyVolume(r()), valueTitle: t.dashboard.orders }}
                />
                <FigureTable
                  quiet
                  caption={t.dashboard.volumeCaption}
                  head={heads(t.dashboard, 'weekCol', 'created', 'resolved')}
                  rows={r().weekly.map((w) => [weekWords(w.week), w.created, w.resolved])}
                />
                {csv('weekly', t.dashboard.volumeTitle, r().weekly.length)}
              </Panel>

              <Panel id="quality" title={t.dashboard.qualityTitle}>
                <Figure
                  name="weekly-quality"
                  title={t.dashboard.qualityTitle}
                  spec={{ kind: 'percentLines', data: weeklyQuality(r()) }}
                  summary={t.dashboard.qualitySummary(r().weekly.length)}
                />
                <FigureTable
                  quiet
                  caption={t.dashboard.qualityCaption}
                  head={heads(t.dashboard, 'weekCol', 'resolutionCompliance', 'csat')}
                  rows={r().weekly.map((w) => [
                    weekWords(w.week),
                    percentWords(w.resolutionCompliance),
                    percentWords(w.csat),
                  ])}
                />
                {csv('weekly', t.dashboard.qualityTitle, r().weekly.length)}
              </Panel>

              <Panel id="csat" title={t.dashboard.csatTitle}>
                <Figure
                  name="csat-distribution"
                  title={t.dashboard.csatTitle}
                  spec={{ kind: 'bars', data: csatDistribution(r()), valueTitle: t.dashboard.responses }}
                />
                <FigureTable
                  caption={t.dashboard.csatCaption}
                  head={heads(t.dashboard, 'score', 'responses')}
                  rows={r().csat.distribution.map((count, i) => [
                    `${t.survey.scoreName(i + 1)} (${t.survey.scoreWords[i]})`,
                    count,
                  ])}
                />
              </Panel>

              <For each={PARETOS}>
                {([id, key]) => (
                  <ParetoPanel
                    id={id}
                    title={t.dashboard[`${key}Title`]}
                    hint={key === 'breaches' ? t.dashboard.breachesHint : undefined}
                    entries={r().pareto[key]}
                    label={{ rejections: rejectionLabel, breaches: stageLabel, lowScores: categoryLabel }[key]}
                    csv={csv(key, t.dashboard[`${key}Title`], r().pareto[key].length)}
                  />
                )}
              </For>

              <Panel id="stages" title={t.dashboard.stagesTitle} hint={t.dashboard.stagesHint}>
                <Figure
                  name="stage-funnel"
                  title={t.dashboard.stagesTitle}
                  spec={{
                    kind: 'horizontalBars',
                    data: stageFunnel(r().stages, stageLabel, hoursPerDay()),
                    valueTitle: t.dashboard.averageWorkingDays,
                  }}
                  valueWords={working}
                />
                <FigureTable
                  quiet
                  caption={t.dashboard.stagesCaption}
                  head={heads(t.dashboard, 'stage', 'stays', 'totalWorking', 'averagePerStay')}
                  rows={r().stages.map((s) => [
                    stageLabel(s.stage),
                    s.holds,
                    working(s.minutes),
                    working(s.averageMinutes),
                  ])}
                />
                {csv('stages', t.dashboard.stagesTitle, r().stages.length)}
              </Panel>

              <Panel id="backlog" title={t.dashboard.backlogTitle}>
                <Loaded of={backlog}>
                  {(b) => (
                    <>
                      <Figure
                        name="backlog-ageing"
                        title={t.dashboard.backlogTitle}
                        spec={{ kind: 'bars', data: backlogAgeing(b()), valueTitle: t.dashboard.orders }}
                      />
                      <FigureTable
                        caption={t.dashboard.backlogCaption}
                        head={heads(t.dashboard, 'age', 'orders')}
                        rows={b().ageing.map((a) => [a.bucket, a.count])}
                      />
                      <Show when={b().byService.length > 0}>
                        <FigureTable
                          caption={t.dashboard.backlogByService}
                          visibleCaption
                          head={heads(t.dashboard, 'service', 'orders')}
                          rows={b().byService.map((s) => [s.serviceName, s.count])}
                        />
                      </Show>
                    </>
                  )}
                </Loaded>
              </Panel>

              <Panel id="time" title={t.dashboard.timeTitle} hint={t.dashboard.timeIntro}>
                <FigureTable
                  caption={t.dashboard.timeCaption}
                  head={heads(t.dashboard, 'measure', 'value')}
                  rows={[
                    [t.dashboard.medianWorking, working(r().timeToResolve.medianBusinessMinutes)],
                    [t.dashboard.p90Working, working(r().timeToResolve.p90BusinessMinutes)],
                    [t.dashboard.averageWorkingTime, working(r().timeToResolve.averageBusinessMinutes)],
                    [t.dashboard.averagePaused, working(r().timeToResolve.averagePausedMinutes)],
                    [t.dashboard.averageCalendar, calendar(r().timeToResolve.averageCalendarMinutes)],
                  ]}
                />
              </Panel>
            </div>

            <Show when={r().scope !== 'own_work'}>
              <Panel id="services" title={t.dashboard.servicesTitle} wide>
                <p class="formula">{t.dashboard.attentionWords}</p>
                <FigureTable
                  caption={t.dashboard.servicesCaption}
                  rowHeader={1}
                  head={heads(
                    t.dashboard,
                    'rank',
                    'service',
                    'created',
                    'resolved',
                    'firstResponseCompliance',
                    'resolutionCompliance',
                    'csat',
                    'medianCol',
                    'clarifications',
                    'reworks',
                    'versions',
                    'attention',
                  )}
                  rows={r().services.map((s, i) => [
                    i + 1,
                    serviceName(s.serviceId),
                    s.created,
                    s.resolved,
                    percentWords(s.firstResponseCompliance),
                    percentWords(s.resolutionCompliance),
                    percentWords(s.csat),
                    working(s.medianMinutes),
                    s.clarifications,
                    s.reworks,
                    t.dashboard.versionsList(s.standardVersions),
                    numberWords(s.attention),
                  ])}
                />
                {csv('services', t.dashboard.servicesTitle, r().services.length)}
              </Panel>
            </Show>

            <Show when={r().agents.length > 0}>
              <Panel id="agents" title={t.dashboard.agentsTitle} wide>
                <FigureTable
                  caption={t.dashboard.agentsCaption}
                  head={heads(
                    t.dashboard,
                    'agent',
                    'resolved',
                    'firstResponseCompliance',
                    'resolutionCompliance',
                    'csat',
                  )}
                  rows={r().agents.map((a) => [
                    personName(a.agentId),
                    a.resolved,
                    percentWords(a.firstResponseCompliance),
                    percentWords(a.resolutionCompliance),
                    percentWords(a.csat),
                  ])}
                />
                {csv('agents', t.dashboard.agentsTitle, r().agents.length)}
              </Panel>
            </Show>
          </>
        )}
      </Loaded>

      <Show when={scope() !== 'own_work'}>
        <FollowUps code={params.code} serviceName={serviceName} personName={personName} />
      </Show>
    </section>
  );
}

function Filters(props: {
  query: DashboardQuery;
  onChange: (patch: Partial<DashboardQuery>) => void;
  services: Array<{ id: string; name: string }>;
  showServices: boolean;
  agents: Array<{ id: string; name: string }>;
  problem: string | undefined;
}) {
  const sorted = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  // A service in the address that is not in the list (yet) still shows as chosen.
  const services = () => {
    const chosen = props.query.service;
    const list = sorted(props.services).map((s) => ({ value: s.id, label: s.name }));
    const extra = chosen && !props.services.some((s) => s.id === chosen) ? [{ value: chosen, label: chosen }] : [];
    return [{ value: '', label: t.dashboard.allServices }, ...list, ...extra];
  };
  const day = (key: 'from' | 'to', label: string, limits: { min?: string; max?: string }) => (
    <div class="field field-date">
      <label for={`dash-${key}`}>{label}</label>
      <input
        id={`dash-${key}`}
        type="date"
        value={props.query[key]}
        min={limits.min || undefined}
        max={limits.max || undefined}
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={props.problem ? 'dash-period-problem' : undefined}
        onChange={(e) => props.onChange({ [key]: e.currentTarget.value })}
      />
    </div>
  );
  return (
    <Settings
      id="dashboard-filters"
      title={t.dashboard.filters}
      after={
        <Show when={props.problem}>
          <p id="dash-period-problem" class="field-error" role="alert">
            {props.problem}
          </p>
        </Show>
      }
    >
      <Choice
        id="dash-period"
        label={t.dashboard.period}
        value={props.query.preset}
        options={[
          { value: '30', label: t.dashboard.last30 },
          { value: '90', label: t.dashboard.last90 },
          { value: 'custom', label: t.dashboard.custom },
        ]}
        onChange={(preset) => props.onChange({ preset: preset as PeriodPreset })}
      />
      <Show when={props.query.preset === 'custom'}>
        {day('from', t.dashboard.from, { max: props.query.to })}
        {day('to', t.dashboard.to, { min: props.query.from })}
      </Show>
      <Show when={props.showServices}>
        <Choice
          id="dash-service"
          label={t.dashboard.service}
          value={props.query.service ?? ''}
          options={services()}
          onChange={(service) => props.onChange({ service: service || undefined })}
        />
      </Show>
      <Show when={props.agents.length > 0}>
        <Choice
          id="dash-agent"
          label={t.dashboard.agent}
          value={props.query.agent ?? ''}
          options={[
            { value: '', label: t.dashboard.allAgents },
            ...sorted(props.agents).map((a) => ({ value: a.id, label: a.name })),
          ]}
          onChange={(agent) => props.onChange({ agent: agent || undefined })}
        />
      </Show>
    </Settings>
  );
}

function Kpis(props: { report: ReportView; backlogTotal: number | undefined; working: (m?: number) => string }) {
  const r = () => props.report;
  const compliance = (c: { met: number; breached: number }) =>
    c.met + c.breached > 0 ? t.dashboard.complianceOf(c.met, c.met + c.breached) : t.dashboard.noneMeasured;
  const tiles = (): Array<{ label: string; value: string; note?: string }> => [
    {
      label: t.dashboard.created,
      value: numberWords(r().volume.created),
      note: t.dashboard.rejectedCancelled(r().volume.rejected, r().volume.cancelled),
    },
    {
      label: t.dashboard.resolved,
      value: numberWords(r().volume.resolved),
      note: t.dashboard.reopened(r().volume.reopened),
    },
    {
      label: t.dashboard.firstResponseCompliance,
      value: percentWords(r().sla.firstResponse.compliance),
      note: compliance(r().sla.firstResponse),
    },
    {
      label: t.dashboard.resolutionCompliance,
      value: percentWords(r().sla.resolution.compliance),
      note: compliance(r().sla.resolution),
    },
    {
      label: t.dashboard.median,
      value: props.working(r().timeToResolve.medianBusinessMinutes),
      note: t.dashboard.workingTime,
    },
    {
      label: t.dashboard.p90,
      value: props.working(r().timeToResolve.p90BusinessMinutes),
      note: t.dashboard.workingTime,
    },
    {
      label: t.dashboard.csat,
      value: percentWords(r().csat.csat),
      note: [
        t.dashboard.csatNote(
          r().csat.responses,
          percentWords(r().csat.responseRate),
          percentWords(r().csat.nonResponseRate),
        ),
        ...(r().csat.sampledOut > 0 ? [t.dashboard.sampledOut(r().csat.sampledOut)] : []),
      ].join('. '),
    },
    { label: t.dashboard.clarifications, value: numberWords(r().clarifications) },
    { label: t.dashboard.reworks, value: numberWords(r().reworks) },
    { label: t.dashboard.backlog, value: numberWords(props.backlogTotal), note: t.dashboard.backlogNote },
  ];
  return (
    <section aria-labelledby="dashboard-kpis-title">
      <h2 id="dashboard-kpis-title" class="visually-hidden">
        {t.dashboard.kpis}
      </h2>
      <ul class="kpis" data-testid="dashboard-kpis">
        <For each={tiles()}>
          {(tile) => (
            <li class="kpi surface">
              <span class="kpi-label">{tile.label}</span>
              <span class="kpi-value">{tile.value}</span>
              <Show when={tile.note}>{(note) => <span class="kpi-note">{note()}</span>}</Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function ParetoPanel(props: {
  id: string;
  title: string;
  hint?: string;
  entries: ParetoEntry[];
  label: (key: string) => string;
  csv: JSX.Element;
}) {
  const data = (): ChartData => paretoChart(props.entries, props.label);
  return (
    <Panel id={props.id} title={props.title} {...(props.hint ? { hint: props.hint } : {})}>
      <Figure
        name={`pareto-${props.id}`}
        title={props.title}
        spec={{ kind: 'pareto', data: data(), valueTitle: t.dashboard.count }}
      />
      <FigureTable
        quiet
        caption={t.dashboard.paretoCaption(props.title)}
        head={heads(t.dashboard, 'cause', 'count', 'share', 'cumulative')}
        rows={props.entries.map((e) => [
          props.label(e.key),
          e.count,
          percentWords(e.share),
          percentWords(e.cumulative),
        ])}
      />
      {props.csv}
    </Panel>
  );
}

/** The head's search of every order of the department, open or done, in the rows of the order lists. */
function HeadSearch(props: { code: string }) {
  const finder = createOrderSearch((q) => api.searchDepartment(props.code, q));
  const person = (id: string | undefined) => (id ? (finder.answer()?.people[id] ?? id) : t.common.nobody);
  return (
    <section class="head-search" aria-label={t.search.label}>
      <SearchBox id="head-search" search={finder} hint={t.search.hintDepartment(props.code)} />
      <Show when={finder.active() && (finder.answer()?.items.length ?? 0) > 0}>
        <Table
          class="my-orders card-table"
          caption={t.search.caption}
          head={heads(t.orders, 'number', 'orderTitle', 'service', 'status', 'assignee', 'created')}
          each={finder.answer()?.items ?? []}
        >
          {(o) => (
            <tr>
              <OrderCells order={o} />
              <td>{person(o.assigneeId)}</td>
              <DateCell iso={o.createdAt} />
            </tr>
          )}
        </Table>
      </Show>
    </section>
  );
}
