/**
 * The department's goals (SPEC §2): progress of each against its target this period, week by week,
 * the services that pull it down, and the head's editor. The goals also show on the department page.
 */
import { useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Index, Show } from 'solid-js';
import type { GoalProgress } from '#shared/insight.ts';
import { GOAL_METRICS, type GoalMetric } from '#shared/model.ts';
import { NumberField, SelectField } from '../editor/controls.tsx';
import { api, type GoalsView } from '../lib/api.ts';
import { createDepartmentToday } from '../lib/department-page.tsx';
import { TextBox } from '../lib/fields.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { controlId } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { createSubmit, SubmitButton, submitWith } from '../lib/submit.tsx';
import { goalFigureWords, isShareMetric } from './goal-words.ts';
import { ti } from './insight-words.ts';
import { Figure, FigureTable, InsightPage, Panel } from './parts.tsx';
import { addDays, dayWords, isoDay } from './period.ts';
import { percent, weekAxisLabel, weekWords } from './shape.ts';

interface DraftGoal {
  id?: string;
  metric: GoalMetric;
  /** As the head reads it: percent for shares, working hours for times. */
  target: number | undefined;
  serviceId: string;
  from: string;
  to: string;
}

function toDraft(progress: GoalProgress): DraftGoal {
  const { goal } = progress;
  return {
    id: goal.id,
    metric: goal.metric,
    target: isShareMetric(goal.metric) ? Math.round(goal.target * 1000) / 10 : goal.target / 60,
    serviceId: goal.serviceId ?? '',
    from: goal.from,
    to: goal.to,
  };
}

export default function Goals() {
  const params = useParams<{ code: string }>();
  const goals = createLoader(
    () => params.code,
    (code: string) => api.goals(code),
  );
  const services = createLoader(
    () => params.code,
    (code: string) => api.departmentServices(code).catch(() => []),
  );
  const serviceName = (id: string) =>
    goals.value()?.serviceNames[id] ?? services.value()?.find((s) => s.id === id)?.name ?? id;

  return (
    <InsightPage code={params.code} name="goals" title={ti.goals.title(params.code)} intro={ti.goals.intro}>
      <Loaded of={goals} loading={ti.goals.loading} failures="before">
        {(view) => (
          <>
            <Show when={view().goals.length === 0}>
              <p class="empty">{ti.goals.none}</p>
            </Show>
            <div class="goal-list">
              <For each={view().goals}>
                {(progress, i) => <GoalCard progress={progress} index={i()} serviceName={serviceName} />}
              </For>
            </div>
            <GoalEditor
              code={params.code}
              view={view()}
              services={services.value() ?? []}
              onSaved={() => void goals.reload()}
            />
          </>
        )}
      </Loaded>
    </InsightPage>
  );
}

function GoalCard(props: { progress: GoalProgress; index: number; serviceName: (id: string) => string }) {
  const goal = () => props.progress.goal;
  const name = () => ti.metric[goal().metric];
  const share = () => isShareMetric(goal().metric);
  const trendValue = (value: number | undefined) =>
    value === undefined ? null : share() ? percent(value) : Math.round((value / 60) * 10) / 10;
  return (
    <Panel id={`goal-${props.index}`} title={name()} wide>
      <p class="goal-scope">
        {goal().serviceId ? props.serviceName(goal().serviceId!) : ti.goals.wholeDepartment} ·{' '}
        {ti.goals.period(dayWords(goal().from), dayWords(goal().to))}
      </p>
      <p class="goal-promise">{ti.promise[goal().metric](goalFigureWords(goal().metric, goal().target))}</p>
      <dl class="kpis goal-figures">
        <div>
          <dt>{ti.goals.now}</dt>
          <dd>
            {props.progress.value === undefined
              ? t.dashboard.none
              : goalFigureWords(goal().metric, props.progress.value)}
          </dd>
        </div>
        <div>
          <dt>{ti.goals.target}</dt>
          <dd>{goalFigureWords(goal().metric, goal().target)}</dd>
        </div>
        <div>
          <dt>{ti.goals.statusLabel}</dt>
          <dd>
            <span class={`goal-status goal-${props.progress.status}`} data-testid="goal-status">
              {ti.goals.status[props.progress.status]}
            </span>
          </dd>
        </div>
      </dl>
      <p class="meta">
        {ti.goals.basedOn(props.progress.sample)} ·{' '}
        {ti.goals.elapsed(t.dashboard.percent(Math.round(props.progress.elapsed * 100)))}
      </p>
      <Show when={props.progress.trend.length > 0}>
        <Figure
          name={`goal-trend-${props.index}`}
          title={ti.goals.trendTitle(name())}
          spec={{
            kind: share() ? 'percentLines' : 'bars',
            data: {
              labels: props.progress.trend.map((w) => weekAxisLabel(w.week)),
              series: [
                { label: name(), values: props.progress.trend.map((w) => trendValue(w.value)) },
                // The target as a second line, so a week below it stands out.
                ...(share()
                  ? [{ label: ti.goals.target, values: props.progress.trend.map(() => trendValue(goal().target)) }]
                  : []),
              ],
            },
            ...(share() ? {} : { valueTitle: ti.goals.hoursAxis }),
          }}
        />
        <FigureTable
          quiet
          caption={ti.goals.trendTitle(name())}
          head={[ti.goals.week, ti.goals.value, ti.goals.sample]}
          rows={props.progress.trend.map((w) => [
            weekWords(w.week),
            w.value === undefined ? t.dashboard.none : goalFigureWords(goal().metric, w.value),
            w.sample,
          ])}
        />
      </Show>
      <Show when={!goal().serviceId && props.progress.status !== 'not_started'}>
        <h3>{ti.goals.pullingDown}</h3>
        <Show when={props.progress.pullingDown.length > 0} fallback={<p class="meta">{ti.goals.pullingDownNone}</p>}>
          <p class="formula">{ti.goals.pullingDownRule}</p>
          <FigureTable
            caption={ti.goals.pullingDown}
            head={[ti.goals.service, ti.goals.value, ti.goals.sample, ti.goals.impact]}
            rows={props.progress.pullingDown.map((p) => [
              props.serviceName(p.serviceId),
              goalFigureWords(goal().metric, p.value),
              p.sample,
              p.impact,
            ])}
          />
        </Show>
      </Show>
    </Panel>
  );
}

function GoalEditor(props: {
  code: string;
  view: GoalsView;
  services: Array<{ id: string; name: string }>;
  onSaved: () => void;
}) {
  const [draft, setDraft] = createSignal<DraftGoal[]>([]);
  const [version, setVersion] = createSignal(props.view.version);
  // A fresh view from the server (after loading or saving) replaces the draft.
  createEffect(() => {
    setDraft(props.view.goals.map(toDraft));
    setVersion(props.view.version);
  });

  // A new goal starts on the department's today.
  const departmentToday = createDepartmentToday(() => props.code);
  const update = (i: number, patch: Partial<DraftGoal>) =>
    setDraft((all) => all.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () => {
    const today = departmentToday() ?? isoDay(new Date());
    setDraft((all) => [...all, { metric: 'csat', target: 90, serviceId: '', from: today, to: addDays(today, 90) }]);
  };
  const remove = (i: number) => setDraft((all) => all.filter((_, j) => j !== i));

  const save = createSubmit(
    async () => {
      const goals = draft().map((g) => {
        // An empty target goes as NaN (null in JSON), so the API names the field that needs one.
        const typed = g.target ?? Number.NaN;
        return {
          ...(g.id ? { id: g.id } : {}),
          metric: g.metric,
          target: isShareMetric(g.metric) ? typed / 100 : Math.round(typed * 60),
          ...(g.serviceId ? { serviceId: g.serviceId } : {}),
          from: g.from,
          to: g.to,
        };
      });
      const saved = await api.saveGoals(props.code, { version: version(), goals });
      setVersion(saved.version);
      props.onSaved();
    },
    { done: () => ti.goals.saved },
  );

  const err = (i: number, name: string) => save.fields()[`goals.${i}.${name}`];

  return (
    <section class="panel wide goal-editor surface" aria-labelledby="goal-editor-title">
      <h2 id="goal-editor-title">{ti.goals.editTitle}</h2>
      <p class="hint">{ti.goals.editIntro}</p>
      <form onSubmit={submitWith(save.run)} novalidate>
        <Index each={draft()}>
          {(goal, i) => (
            <fieldset class="goal-row">
              <legend>{ti.goals.goalN(i + 1)}</legend>
              <SelectField
                path={`goals.${i}.metric`}
                label={ti.goals.metricLabel}
                value={goal().metric}
                options={GOAL_METRICS.map((metric) => ({ value: metric, label: ti.metric[metric] }))}
                error={err(i, 'metric')}
                onChange={(metric) => update(i, { metric })}
              />
              <NumberField
                path={`goals.${i}.target`}
                label={isShareMetric(goal().metric) ? ti.goals.targetPercent : ti.goals.targetHours}
                value={goal().target}
                error={err(i, 'target')}
                onChange={(target) => update(i, { target })}
              />
              <SelectField
                path={`goals.${i}.serviceId`}
                label={ti.goals.appliesTo}
                value={goal().serviceId}
                options={[
                  { value: '', label: ti.goals.wholeDepartment },
                  ...props.services.map((s) => ({ value: s.id, label: s.name })),
                ]}
                error={err(i, 'serviceId')}
                onChange={(serviceId) => update(i, { serviceId })}
              />
              <For each={['from', 'to'] as const}>
                {(end) => (
                  <DateField
                    path={`goals.${i}.${end}`}
                    label={ti.goals[end]}
                    value={goal()[end]}
                    error={err(i, end)}
                    onChange={(day) => update(i, { [end]: day })}
                  />
                )}
              </For>
              <button type="button" class="small secondary" onClick={() => remove(i)}>
                {ti.goals.remove(i + 1)}
              </button>
            </fieldset>
          )}
        </Index>
        <div class="actions">
          <button type="button" class="secondary" onClick={add} disabled={draft().length >= 20}>
            {ti.goals.add}
          </button>
          <SubmitButton of={save} class="" busy={ti.goals.saving}>
            {ti.goals.save}
          </SubmitButton>
        </div>
        <div aria-live="polite">
          <Show when={save.notice() ?? save.error()}>
            {(text) => <p class={save.error() ? 'notice error' : 'notice'}>{text()}</p>}
          </Show>
        </div>
      </form>
    </section>
  );
}

/** A date input with its label and message, like the editor's other controls (same ids by path). */
function DateField(props: {
  path: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <TextBox
      id={controlId(props.path)}
      class="field field-date"
      type="date"
      commit
      label={props.label}
      value={props.value}
      error={props.error}
      onInput={props.onChange}
    />
  );
}
