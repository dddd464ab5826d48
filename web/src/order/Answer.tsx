/**
 * The public answer page behind the emailed link `/answer/:token` (SPEC §14.2): no sign-in. Shows the
 * team's question and only the requested fields, prefilled; sends the answer with a comment.
 */
import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ClarificationView } from '#shared/api.ts';
import { hasSession } from '../account/session.ts';
import { answersRefused, createAnswers, FormFields, focusFirstInvalid, readyAnswers } from '../catalog/OrderForm.tsx';
import { ApiError, api, type ClarificationAnswerBody, errorMessage } from '../lib/api.ts';
import { DeadEnd } from '../lib/blocks.tsx';
import { TextBox } from '../lib/fields.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import { Alert, usePageTitle } from '../lib/ui.tsx';

/** 404, or a 400 about nothing but the link itself (tampered, expired, malformed). */
function linkIsBad(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 || (error.status === 400 && Object.keys(error.fields).every((field) => field === 'token')))
  );
}

function InvalidLink(props: { message?: string | undefined }) {
  return (
    <DeadEnd
      labelled="answer-invalid"
      title={t.answer.invalidTitle}
      text={t.answer.invalidHint}
      ways={[{ href: '/orders', text: t.answer.home }]}
    >
      <Alert text={props.message || t.answer.invalid} />
    </DeadEnd>
  );
}

export default function AnswerPage() {
  const params = useParams<{ token: string }>();
  const view = createLoader(() => params.token, api.clarification);
  usePageTitle(() => t.answer.title);
  return (
    <Show when={!linkIsBad(view.error())} fallback={<InvalidLink message={errorMessage(view.error())} />}>
      <Loaded of={view} keyed>
        {(v) => <AnswerForm token={params.token} view={v()} />}
      </Loaded>
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
  const [done, setDone] = createSignal<string>();
  const [invalid, setInvalid] = createSignal<string>();
  let formEl: HTMLFormElement | undefined;
  const orderHref = () => `/orders/${encodeURIComponent(props.view.number)}`;
  const refused = answersRefused(state, () => formEl);
  const send = createSubmit(
    async (body: ClarificationAnswerBody) =>
      setDone((await api.answerClarification(props.token, body)).number || props.view.number),
    {
      failed: (error) => {
        if (linkIsBad(error)) {
          setInvalid(errorMessage(error));
          return '';
        }
        if (refused(error)) setCommentError((c) => send.fields().comment ?? c);
        return undefined;
      },
    },
  );

  function submit() {
    send.clear();
    const text = comment().trim();
    setCommentError(text ? undefined : t.order.fillIn);
    const answers = readyAnswers(state, send, formEl);
    if (answers && !text) focusFirstInvalid(formEl);
    if (answers && text) void send.run({ comment: text, ...(fields().length > 0 ? { answers } : {}) });
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
          <form ref={formEl} class="order-form surface" novalidate onSubmit={submitWith(submit)}>
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
            <TextBox
              id="answer-comment"
              label={t.answer.comment}
              required
              ariaRequired
              rows={5}
              value={comment()}
              error={commentError()}
              onInput={setComment}
            />
            <FormEnd of={send} busy={t.answer.sending} submit={t.answer.submit} />
          </form>
        </section>
      </Show>
    </Show>
  );
}
