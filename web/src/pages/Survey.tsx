/**
 * The public survey page behind the emailed links `/survey/:token?score=N` (SPEC §7): no sign-in.
 * The score in the link is recorded at once (the one click from the email), then the person may
 * change it, add a comment and, for a low rating, say what went wrong.
 */
import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { api, errorMessage, type SurveyView } from '../api.ts';
import { t } from '../strings.ts';
import { RatingForm } from '../survey/RatingForm.tsx';
import { type LinkProblem, linkProblem, parseScore, surveyAnswer } from '../survey/survey.ts';
import { ErrorNote, Loading, usePageTitle } from '../ui.tsx';

export default function SurveyPage() {
  const params = useParams<{ token: string }>();
  const [search] = useSearchParams<{ score?: string }>();
  const navigate = useNavigate();
  const [view, setView] = createSignal<SurveyView>();
  const [error, setError] = createSignal<unknown>();
  const [problem, setProblem] = createSignal<{ kind: LinkProblem; message: string }>();
  const [recording, setRecording] = createSignal<number>();
  usePageTitle(() => t.survey.title);

  function fail(e: unknown): boolean {
    const kind = linkProblem(e);
    if (kind) setProblem({ kind, message: errorMessage(e) });
    else setError(() => e);
    return kind !== undefined;
  }

  async function load() {
    setError(undefined);
    const token = params.token;
    const clicked = parseScore(search.score);
    try {
      let current = await api.survey(token);
      if (clicked !== undefined) {
        setRecording(clicked);
        // Keep what was said before: the API replaces the whole answer.
        current = await api.rateByLink(token, surveyAnswer(clicked, current.comment, current.category));
        // A reload must not record the emailed score again over a later change.
        navigate(`/survey/${encodeURIComponent(token)}`, { replace: true, scroll: false });
      }
      setView(current);
    } catch (e) {
      fail(e);
    } finally {
      setRecording(undefined);
    }
  }

  onMount(() => void load());

  return (
    <Switch fallback={<Loading text={recording() !== undefined ? t.survey.recording : undefined} />}>
      <Match when={problem()}>{(p) => <BadLink kind={p().kind} message={p().message} />}</Match>
      <Match when={error()}>{(e) => <ErrorNote error={e()} onRetry={() => void load()} />}</Match>
      <Match when={view()}>
        {(v) => (
          <section class="narrow survey-page" aria-labelledby="survey-title">
            <h1 id="survey-title" tabIndex={-1}>
              {v().score ? t.survey.thanks(v().score ?? 0) : t.survey.title}
            </h1>
            <p class="lead">{t.survey.order(v().number, v().title)}</p>
            <p class="meta">{t.survey.service(v().serviceName)}</p>
            <Show when={v().score}>
              <p>{t.survey.changeHint}</p>
            </Show>
            <RatingForm
              idPrefix="survey"
              question={v().question}
              initial={{ score: v().score, comment: v().comment, category: v().category }}
              submitLabel={v().score ? t.survey.change : t.survey.save}
              onSubmit={async (body) => {
                try {
                  setView(await api.rateByLink(params.token, body));
                } catch (e) {
                  if (linkProblem(e)) fail(e);
                  throw e;
                }
              }}
            />
          </section>
        )}
      </Match>
    </Switch>
  );
}

function BadLink(props: { kind: LinkProblem; message: string }) {
  const title = () =>
    props.kind === 'expired'
      ? t.survey.expiredTitle
      : props.kind === 'earlier'
        ? t.survey.earlierTitle
        : t.survey.invalidTitle;
  return (
    <section class="narrow" aria-labelledby="survey-bad">
      <h1 id="survey-bad">{title()}</h1>
      <div class="notice error" role="alert">
        <p>{props.message}</p>
      </div>
      <p>{props.kind === 'earlier' ? t.survey.earlierHint : t.survey.badLinkHint}</p>
      <p>
        <A href="/orders">{t.survey.openOrder}</A>
      </p>
    </section>
  );
}
