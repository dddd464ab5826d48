/**
 * The service ranking (the department's head): which service to improve first, by a score from
 * weighted indicators with the penalties apart; the weights and the formula shown and editable.
 */
import { useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { RankingView } from '#shared/api.ts';
import {
  RANKING_FACTORS,
  RANKING_INDICATORS,
  RANKING_PENALTIES,
  type RankedService,
  type RankingWeights,
  weightTotal,
} from '#shared/ranking.ts';
import { InsightPage, numberWords, percentWords } from '../dashboard/parts.tsx';
import { dayWords } from '../dashboard/period.ts';
import { NumberField } from '../editor/controls.tsx';
import { api } from '../lib/api.ts';
import { ApiError } from '../lib/api-error.ts';
import { Facts } from '../lib/blocks.tsx';
import { createDepartmentToday } from '../lib/department-page.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { createSubmit, SubmitButton, submitWith } from '../lib/submit.tsx';
import { tc } from './canvas-words.ts';
import { chosenDays, PeriodSettings } from './PeriodSettings.tsx';
import { periodSearch } from './shared.ts';
import './process.css';

export default function RankingPage() {
  const params = useParams<{ code: string }>();
  const [search] = useSearchParams();
  const days = () => chosenDays(search.days);
  // The period ends on the department's today (known once the department list is read).
  const today = createDepartmentToday(() => params.code);
  const key = createMemo(() => {
    const day = today();
    return day ? `${params.code}|${days()}|${day}` : undefined;
  });
  const view = createLoader(key, (k: string) => {
    const [code, d, day] = k.split('|') as [string, string, string];
    return api.ranking(code, periodSearch(d, day));
  });
  return (
    <InsightPage code={params.code} name="ranking" title={tc.ranking.title} intro={tc.ranking.intro}>
      <PeriodSettings view="ranking" days={days()} />
      <Loaded of={view} loading={tc.ranking.loading} failures="before">
        {(v) => (
          <RankingBody
            view={v()}
            code={params.code}
            search={periodSearch(days(), today())}
            onRanked={(next) => view.set(next)}
            reload={() => void view.reload()}
          />
        )}
      </Loaded>
    </InsightPage>
  );
}

function RankingBody(props: {
  view: RankingView;
  code: string;
  search: string;
  onRanked: (view: RankingView) => void;
  reload: () => void;
}) {
  const v = () => props.view;
  const [draft, setDraft] = createSignal<Record<string, number | undefined>>({ ...v().weights });
  const save = createSubmit(
    async () => {
      // An empty or odd weight goes as it is (NaN is null in JSON), so the API names the field.
      const weights = Object.fromEntries(RANKING_FACTORS.map((f) => [f, draft()[f] ?? Number.NaN])) as RankingWeights;
      const next = await api.saveRanking(props.code, props.search, { version: v().version, weights });
      setDraft({ ...next.weights });
      props.onRanked(next);
      return next;
    },
    {
      done: () => tc.ranking.saved,
      failed: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          props.reload();
          return tc.ranking.conflict;
        }
        return undefined;
      },
    },
  );
  const shown = () => v().weights;
  return (
    <>
      <section class="panel wide surface ranking-weights" aria-labelledby="ranking-weights-title">
        <h2 id="ranking-weights-title">{tc.ranking.weights}</h2>
        <p class="hint">
          {tc.ranking.weightsHint} {v().tuned ? tc.ranking.tuned : tc.ranking.defaults}
        </p>
        <form onSubmit={submitWith(save.run)} novalidate>
          <div class="weights">
            <For each={RANKING_FACTORS}>
              {(factor) => (
                <NumberField
                  path={`weights.${factor}`}
                  label={tc.ranking.factor[factor]}
                  value={draft()[factor]}
                  error={save.fields()[`weights.${factor}`]}
                  onChange={(value) => setDraft({ ...draft(), [factor]: value })}
                />
              )}
            </For>
          </div>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setDraft({ ...v().defaults })}>
              {tc.ranking.reset}
            </button>
            <SubmitButton of={save} busy={tc.ranking.saving}>
              {tc.ranking.save}
            </SubmitButton>
          </div>
          <div aria-live="polite">
            <Show when={save.notice() ?? save.error()}>
              {(text) => (
                <p class={save.error() ? 'notice error' : 'notice success'} data-testid="ranking-outcome">
                  {text()}
                </p>
              )}
            </Show>
          </div>
        </form>
        <h3>{tc.ranking.formula}</h3>
        <p class="ranking-formula" data-testid="ranking-formula">
          {tc.ranking.formulaText(shown(), weightTotal(shown()))}
        </p>
        <p class="hint">{tc.ranking.formulaTerms}</p>
      </section>

      <section class="panel wide surface" aria-labelledby="ranking-list-title">
        <h2 id="ranking-list-title">{tc.ranking.list}</h2>
        <p class="hint">
          {tc.ranking.period(
            dayWords(v().from),
            dayWords(v().to),
            dayWords(v().previousFrom),
            dayWords(v().previousTo),
          )}
        </p>
        <Show when={v().services.length > 0} fallback={<p class="empty">{tc.ranking.empty}</p>}>
          <ol class="ranking-list" data-testid="ranking-list">
            <For each={v().services}>{(service) => <ServiceCard service={service} />}</For>
          </ol>
        </Show>
      </section>
    </>
  );
}

function ServiceCard(props: { service: RankedService }) {
  const s = () => props.service;
  const titleId = () => `ranked-${s().serviceId}`;
  return (
    <li class="ranking-card surface" aria-labelledby={titleId()} data-testid="ranked-service">
      <h3 id={titleId()}>
        {tc.ranking.rank(s().rank)}: {s().name} · {tc.ranking.score(numberWords(s().score))}
      </h3>
      <p>{tc.ranking.orders(s().orders, s().previousOrders)}</p>
      <Facts
        facts={[
          { term: tc.ranking.quality, detail: numberWords(s().quality) },
          ...RANKING_INDICATORS.map((k) => ({
            term: tc.ranking.factor[k],
            detail: (
              <>
                {tc.ranking.indicator(percentWords(s().indicators[k].value), numberWords(s().indicators[k].points))}
                <Show when={s().indicators[k].assumed}> ({tc.ranking.assumed})</Show>
              </>
            ),
          })),
          { term: tc.ranking.penalty, detail: `−${numberWords(s().penalty)}` },
          ...RANKING_PENALTIES.map((k) => ({
            term: tc.ranking.factor[k],
            detail: tc.ranking.penaltyLine(
              s().penalties[k].count,
              percentWords(s().penalties[k].rate),
              numberWords(s().penalties[k].points),
            ),
          })),
        ]}
      />
    </li>
  );
}
