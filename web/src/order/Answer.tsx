/**
 * The public answer page behind the emailed link `/answer/:token` (SPEC §14.2): no sign-in. Shows the
 * team's question and only the requested fields, prefilled; sends the answer with a comment.
 */
import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ClarificationView } from '#shared/api.ts';
import { hasSession } from '../account/session.ts';
import { createAnswers, FormFields, focusFirstInvalid } from '../catalog/OrderForm.tsx';
import { ApiError, api, errorMessage } from '../lib/api.ts';
import { createLoader } from '../lib/data.ts';
import { t } from '../lib/strings.ts';
import { ErrorNote, Loading, usePageTitle } from '../lib/ui.tsx';

/** 404, or a 400 about nothing but the link itself (tampered, expired, malformed). */
function linkIsBad(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 || (error.status === 400 && Object.keys(error.fields).every((field) => field === 'token')))
  );
}

function InvalidLink(props: { message?: string | undefined }) {
  return (
    <section class="narrow" aria-labelledby="answer-invalid">
      <h1 id="answer-invalid">{t.answer.invalidTitle}</h1>
      <div class="notice error" role="alert">
        <p>{props.message || t.answer.invalid}</p>
      </div>
      <p>{t.answer.invalidHint}</p>
      <p>
        <A href="/orders">{t.answer.home}</A>
      </p>
    </section>
  );
}

export default function AnswerPage() {
  const params = useParams<{ token: string }>();
  const view = createLoader(() => params.token, api.clarification);
  usePageTitle(() => t.answer.title);
  return (
    <Show
      when={view.value()}
      keyed
      fallback={
        <Show when={view.error()} fallback={<Loading />}>
          {(e) => (
            <Show when={linkIsBad(e())} fallback={<ErrorNote error={e()} onRetry={() => void view.reload()} />}>
              <InvalidLink message={errorMessage(e())} />
            </Show>
          )}
        </Show>
      }
    >
      {(v) => <AnswerForm token={params.token} view={v} />}
    </Show>
  );
}

function AnswerForm(props: { token: string; view: ClarificationView }) {
  // Files need an upload ticket, which needs a session: without one, file fields are answered in Ordo.
  const [signedIn, setSignedIn] = createSignal(false);
  void hasSession().then(setSignedIn);
  const fields = () => props.view.fields.filter((f) => f.kind !== 'attachment' || signedIn());
  const fileFields = () => props.view.fields.filter((f) => f.kind === 'attachment' && !signedIn());
  const state = createAnswers(fields, props.view.answers);
  const [comment, setComment] = createSignal('');
  const [commentError, setCommentError] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [sending, setSending] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [invalid, setInvalid] = createSignal<string>();
  let formEl: HTMLFormElement | undefined;
  const orderHref = () => `/orders/${encodeURIComponent(props.view.number)}`;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setFailure(undefined);
    const text = comment().trim();
    setCommentError(text ? undefined : t.order.fillIn);
    if (state.uploading()) {
      setFailure(t.form.waitUploads);
      return;
    }
    const checked = state.attempt();
    if (!text || !checked.ok) {
      focusFirstInvalid(formEl);
      return;
    }
    setSending(true);
    try {
      const result = await api.answerClarification(props.token, {
        comment: text,
        ...(fields().length > 0 ? { answers: checked.answers } : {}),
      });
      setDone(result.number || props.view.number);
    } catch (error) {
      if (linkIsBad(error)) {
        setInvalid(errorMessage(error));
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        state.setServerErrors(error.fields);
        if (error.fields.comment) setCommentError(error.fields.comment);
        setFailure(error.message);
        focusFirstInvalid(formEl);
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <Show when={!invalid()} fallback={<InvalidLink message={invalid()} />}>
      <Show
        when={!done()}
        fallback={
          <section class="narrow" aria-labelledby="answer-done">
            <h1 id="answer-done">{t.answer.thanks}</h1>
            <p class="notice success" role="status">
              {t.answer.thanksOrder(done() ?? '')}
            </p>
            <p>
              <A href={orderHref()}>{t.answer.openOrder}</A>
            </p>
          </section>
        }
      >
        <section class="narrow answer-page">
          <h1>{t.answer.title}</h1>
          <p class="lead">{t.answer.order(props.view.number, props.view.title)}</p>
          <section class="notice warning" aria-labelledby="answer-question">
            <h2 id="answer-question">{t.answer.question}</h2>
            <p class="prose">{props.view.question}</p>
          </section>
          <form ref={formEl} class="order-form" novalidate onSubmit={(e) => void submit(e)}>
            <p class="hint">{t.common.requiredNote}</p>
            <Show when={fields().length > 0}>
              <fieldset class="field">
                <legend>{t.answer.fields}</legend>
                <FormFields form={fields()} state={state} idPrefix="answer" />
              </fieldset>
            </Show>
            <Show when={props.view.inputs.length > 0 || fileFields().length > 0}>
              <div class="notice warning">
                <p>{t.answer.inputs}</p>
                <ul>
                  <For each={[...fileFields(), ...props.view.inputs]}>{(item) => <li>{item.label}</li>}</For>
                </ul>
                <p>
                  {t.answer.inputsHint} <A href={orderHref()}>{t.answer.openOrder}</A>
                </p>
              </div>
            </Show>
            <div class="field">
              <label for="answer-comment">
                {t.answer.comment}
                <span class="req" aria-hidden="true">
                  {' '}
                  *
                </span>
              </label>
              <textarea
                id="answer-comment"
                rows={5}
                value={comment()}
                aria-required="true"
                aria-invalid={commentError() ? 'true' : undefined}
                aria-describedby={commentError() ? 'answer-comment-error' : undefined}
                onInput={(e) => setComment(e.currentTarget.value)}
              />
              <Show when={commentError()}>
                <p id="answer-comment-error" class="field-error">
                  {commentError()}
                </p>
              </Show>
            </div>
            <Show when={failure()}>
              <div class="notice error" role="alert">
                <p>{failure()}</p>
              </div>
            </Show>
            <button type="submit" class="primary" disabled={sending()}>
              {sending() ? t.answer.sending : t.answer.submit}
            </button>
          </form>
        </section>
      </Show>
    </Show>
  );
}
