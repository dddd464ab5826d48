/**
 * The public survey page behind the emailed links `/survey/:token?score=N` (SPEC §7): no sign-in.
 * Opening the link records nothing: mail scanners open links too, and must not rate on the
 * person's behalf. The clicked score is preselected, and the person's press of the button records
 * it, with a comment and, for a low rating, what went wrong.
 */
import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api, errorMessage } from '../lib/api.ts';
import { DeadEnd } from '../lib/blocks.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { Alert, usePageTitle } from '../lib/ui.tsx';
import { RatingForm } from './RatingForm.tsx';
import { type LinkProblem, linkProblem, parseScore, type Score } from './survey.ts';

export default function SurveyPage() {
  const params = useParams<{ token: string }>();
  const [search] = useSearchParams<{ score?: string }>();
  const navigate = useNavigate();
  const [clicked, setClicked] = createSignal<Score>();
  // Reading the survey records nothing; only the button below does.
  const view = createLoader(
    () => params.token,
    async (token: string) => {
      const current = await api.survey(token);
      const score = parseScore(search.score);
      setClicked(score !== undefined && score !== current.score ? score : undefined);
      return current;
    },
  );
  // A link that cannot be used, found when reading it or when answering.
  const [refused, setRefused] = createSignal<unknown>();
  const problem = () => {
    const error = refused() ?? view.error();
    const kind = linkProblem(error);
    return kind ? { kind, message: errorMessage(error) } : undefined;
  };
  usePageTitle(() => t.survey.title);

  return (
    <Show
      when={problem()}
      fallback={
        <Loaded of={view}>
          {(v) => (
            <section class="narrow survey-page" aria-labelledby="survey-title">
              <h1 id="survey-title" tabIndex={-1}>
                {v().score ? t.survey.thanks(v().score ?? 0) : t.survey.title}
              </h1>
              <p class="lead">{t.survey.order(v().number, v().title)}</p>
              <p class="meta">{t.survey.service(v().serviceName)}</p>
              <Show
                when={clicked()}
                fallback={
                  <Show when={v().score}>
                    <p>{t.survey.changeHint}</p>
                  </Show>
                }
              >
                {(n) => (
                  <p class="notice" data-testid="survey-confirm-hint">
                    {t.survey.confirmHint(n(), v().score ? t.survey.change : t.survey.save)}
                  </p>
                )}
              </Show>
              <RatingForm
                idPrefix="survey"
                question={v().question}
                initial={{ score: clicked() ?? v().score, comment: v().comment, category: v().category }}
                submitLabel={v().score ? t.survey.change : t.survey.save}
                onSubmit={async (body) => {
                  try {
                    view.set(await api.rateByLink(params.token, body));
                    setClicked(undefined);
                    // Recorded: the address no longer needs the emailed score.
                    if (search.score !== undefined)
                      navigate(`/survey/${encodeURIComponent(params.token)}`, { replace: true, scroll: false });
                  } catch (e) {
                    if (linkProblem(e)) setRefused(() => e);
                    throw e;
                  }
                }}
              />
            </section>
          )}
        </Loaded>
      }
    >
      {(p) => <BadLink kind={p().kind} message={p().message} />}
    </Show>
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
    <DeadEnd
      labelled="survey-bad"
      title={title()}
      text={props.kind === 'earlier' ? t.survey.earlierHint : t.survey.badLinkHint}
      ways={[{ href: '/orders', text: t.survey.openOrder }]}
    >
      <Alert text={props.message} />
    </DeadEnd>
  );
}
