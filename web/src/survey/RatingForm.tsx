/**
 * The 1–5 rating with an optional comment, and for low ratings what went wrong (SPEC §7, §14.6).
 * Used by the emailed survey page and by the requester on the order page.
 */
import { createSignal, For, Show } from 'solid-js';
import { LOW_SCORE_CATEGORIES } from '#shared/stats.ts';
import { fieldErrors, type SurveyAnswer } from '../lib/api.ts';
import { Radios, TextBox } from '../lib/fields.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import { LOW_SCORE, SCORES, type Score, surveyAnswer } from './survey.ts';
import './survey.css';

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
      const fields = fieldErrors(error);
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
    <form class="rating-form surface" novalidate onSubmit={submitWith(submit)}>
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
          <Radios
            name={id('category')}
            value={category()}
            options={[
              ...LOW_SCORE_CATEGORIES.map((c) => ({
                value: c,
                label: t.lowScoreCategories[c],
                id: id(`category-${c}`),
              })),
              { value: '', label: t.survey.noCategory, id: id('category-none') },
            ]}
            onChange={setCategory}
          />
        </fieldset>
      </Show>

      <TextBox
        id={id('comment')}
        label={t.survey.comment}
        hint={t.survey.commentHint}
        rows={4}
        maxLength={2000}
        value={comment()}
        error={commentError()}
        onInput={setComment}
      />

      <FormEnd of={send} busy={t.survey.saving} submit={props.submitLabel} />
    </form>
  );
}
