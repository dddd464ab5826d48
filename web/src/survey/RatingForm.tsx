/**
 * The 1–5 rating with an optional comment, and for low ratings what went wrong (SPEC §7, §14.6).
 * Used by the emailed survey page and by the requester on the order page.
 */
import { createSignal, For, Show } from 'solid-js';
import { LOW_SCORE_CATEGORIES } from '#shared/stats.ts';
import { ApiError, type SurveyAnswer } from '../lib/api.ts';
import { t } from '../lib/strings.ts';
import { createSubmit, Outcome, SubmitButton, submitWith } from '../lib/submit.tsx';
import { LOW_SCORE, SCORES, type Score, surveyAnswer } from './survey.ts';

export interface RatingInitial {
  score?: number | undefined;
  comment?: string | undefined;
  category?: string | undefined;
}

export function RatingForm(props: {
  idPrefix: string;
  question: string;
  initial: RatingInitial;
  submitLabel: string;
  /** Sends the answer; throws on failure. */
  onSubmit: (body: SurveyAnswer) => Promise<void>;
}) {
  const start = props.initial;
  const [score, setScore] = createSignal<Score | undefined>(
    SCORES.includes(start.score as Score) ? (start.score as Score) : undefined,
  );
  const [comment, setComment] = createSignal(start.comment ?? '');
  const [category, setCategory] = createSignal(start.category ?? '');
  const [scoreError, setScoreError] = createSignal<string>();
  const id = (part: string) => `${props.idPrefix}-${part}`;
  const send = createSubmit((chosen: Score) => props.onSubmit(surveyAnswer(chosen, comment(), category())), {
    done: (_, chosen) => t.survey.saved(chosen),
    failed: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      if (fields.comment) document.getElementById(id('comment'))?.focus();
      if (fields.score) setScoreError(fields.score);
      return undefined;
    },
  });
  const commentError = () => send.fields().comment;

  function submit() {
    const chosen = score();
    if (chosen === undefined) {
      send.clear();
      setScoreError(t.survey.pick);
      document.getElementById(id('score-1'))?.focus();
      return;
    }
    setScoreError(undefined);
    void send.run(chosen);
  }

  return (
    <form class="rating-form" novalidate onSubmit={submitWith(submit)}>
      <fieldset
        class="field rating-field"
        aria-describedby={scoreError() ? `${id('scale')} ${id('score-error')}` : id('scale')}
      >
        <legend>{props.question}</legend>
        <p id={id('scale')} class="hint">
          {t.survey.scale}
        </p>
        <div class="rating">
          <For each={SCORES}>
            {(n) => (
              <span class="rating-option">
                <input
                  id={id(`score-${n}`)}
                  type="radio"
                  name={id('score')}
                  value={n}
                  checked={score() === n}
                  aria-invalid={scoreError() ? 'true' : undefined}
                  onChange={() => {
                    setScore(n);
                    setScoreError(undefined);
                  }}
                />
                <label class="rating-label" for={id(`score-${n}`)}>
                  <span aria-hidden="true">{n}</span>
                  <span class="visually-hidden">
                    {t.survey.scoreName(n)}, {t.survey.scoreWords[n - 1]}
                  </span>
                </label>
              </span>
            )}
          </For>
        </div>
        <Show when={scoreError()}>
          <p id={id('score-error')} class="field-error">
            {scoreError()}
          </p>
        </Show>
      </fieldset>

      <Show when={(score() ?? 5) <= LOW_SCORE}>
        <fieldset class="field" aria-describedby={id('category-hint')}>
          <legend>{t.survey.category}</legend>
          <p id={id('category-hint')} class="hint">
            {t.survey.categoryHint}
          </p>
          <For each={LOW_SCORE_CATEGORIES}>
            {(c) => (
              <div class="check">
                <input
                  id={id(`category-${c}`)}
                  type="radio"
                  name={id('category')}
                  value={c}
                  checked={category() === c}
                  onChange={() => setCategory(c)}
                />
                <label for={id(`category-${c}`)}>{t.lowScoreCategories[c]}</label>
              </div>
            )}
          </For>
          <div class="check">
            <input
              id={id('category-none')}
              type="radio"
              name={id('category')}
              value=""
              checked={category() === ''}
              onChange={() => setCategory('')}
            />
            <label for={id('category-none')}>{t.survey.noCategory}</label>
          </div>
        </fieldset>
      </Show>

      <div class="field">
        <label for={id('comment')}>{t.survey.comment}</label>
        <p id={id('comment-hint')} class="hint">
          {t.survey.commentHint}
        </p>
        <textarea
          id={id('comment')}
          rows={4}
          maxLength={2000}
          value={comment()}
          aria-describedby={commentError() ? `${id('comment-hint')} ${id('comment-error')}` : id('comment-hint')}
          aria-invalid={commentError() ? 'true' : undefined}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
        <Show when={commentError()}>
          <p id={id('comment-error')} class="field-error">
            {commentError()}
          </p>
        </Show>
      </div>

      <Outcome of={send} />
      <SubmitButton of={send} busy={t.survey.saving}>
        {props.submitLabel}
      </SubmitButton>
    </form>
  );
}
