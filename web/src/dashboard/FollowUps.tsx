/**
 * Follow-ups of low ratings (SPEC §14.6): every rating of 2 or less opens one for the process owner,
 * tracked until someone closes it with a note of what was done.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { FollowUp } from '#shared/model.ts';
import { ApiError, api, fieldErrors } from '../lib/api.ts';
import { filledIn, TextBox } from '../lib/fields.tsx';
import { formatDateTime } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, SubmitButton, submitWith } from '../lib/submit.tsx';
import { DateTime } from '../lib/ui.tsx';
import { isCategory } from '../survey/survey.ts';

const domId = (number: string) => `follow-up-${number.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function FollowUps(props: {
  code: string;
  serviceName: (id: string) => string;
  personName: (id: string) => string;
}) {
  const list = createLoader(() => props.code, api.followUps);
  const [notice, setNotice] = createSignal<string>();
  const open = () => (list.value() ?? []).filter((f) => f.status === 'open');
  const closed = () => (list.value() ?? []).filter((f) => f.status === 'closed');

  const closedOne = (done: FollowUp) => {
    list.set((list.value() ?? []).map((f) => (f.orderNumber === done.orderNumber ? done : f)));
    setNotice(t.dashboard.followUpDone(done.orderNumber));
  };

  return (
    <section class="panel wide surface" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t.dashboard.followUpsTitle}</h2>
      <p class="hint">{t.dashboard.followUpsIntro}</p>
      <div aria-live="polite">
        <Show when={notice()}>
          <p class="notice success">{notice()}</p>
        </Show>
      </div>
      <Loaded of={list}>
        {() => (
          <>
            <Show when={open().length > 0} fallback={<p class="empty">{t.dashboard.followUpsEmpty}</p>}>
              <ul class="follow-ups">
                <For each={open()}>
                  {(f) => (
                    <FollowUpItem
                      followUp={f}
                      code={props.code}
                      serviceName={props.serviceName}
                      onClosed={closedOne}
                      onStale={() => {
                        setNotice(t.dashboard.followUpAlready);
                        void list.reload();
                      }}
                    />
                  )}
                </For>
              </ul>
            </Show>
            <Show when={closed().length > 0}>
              <details class="closed-follow-ups">
                <summary>{t.dashboard.followUpsClosed(closed().length)}</summary>
                <ul class="follow-ups">
                  <For each={closed()}>
                    {(f) => (
                      <li class="follow-up">
                        <FollowUpHead followUp={f} serviceName={props.serviceName} />
                        <p class="meta">
                          {t.dashboard.followUpClosedBy(props.personName(f.closedBy ?? ''), formatWhen(f.closedAt))}
                        </p>
                        <Show when={f.note}>{(note) => <p class="prose">{note()}</p>}</Show>
                      </li>
                    )}
                  </For>
                </ul>
              </details>
            </Show>
          </>
        )}
      </Loaded>
    </section>
  );
}

function formatWhen(iso: string | undefined): string {
  if (!iso) return t.common.none;
  return formatDateTime(iso);
}

function categoryWords(category: string | undefined): string | undefined {
  return isCategory(category) ? t.lowScoreCategories[category] : category;
}

function FollowUpHead(props: { followUp: FollowUp; serviceName: (id: string) => string }) {
  const f = () => props.followUp;
  return (
    <>
      <h3>
        <A href={`/orders/${encodeURIComponent(f().orderNumber)}`}>{f().orderNumber}</A>{' '}
        <span class="meta">{props.serviceName(f().serviceId)}</span>
      </h3>
      <p>
        <strong>{t.dashboard.followUpScore(f().score)}</strong>
        <Show when={f().latestScore !== undefined && f().latestScore !== f().score ? f().latestScore : undefined}>
          {(latest) => <span data-testid="follow-up-latest">, {t.dashboard.followUpNow(latest())}</span>}
        </Show>
        <Show when={categoryWords(f().category)}>{(words) => <> · {words()}</>}</Show>
      </p>
      <p class="prose">{f().comment || t.dashboard.noComment}</p>
      <p class="meta">
        {t.dashboard.followUpOpened}: <DateTime iso={f().openedAt} />
      </p>
    </>
  );
}

function FollowUpItem(props: {
  followUp: FollowUp;
  code: string;
  serviceName: (id: string) => string;
  onClosed: (f: FollowUp) => void;
  onStale: () => void;
}) {
  const [note, setNote] = createSignal('');
  const id = () => domId(props.followUp.orderNumber);
  const close = createSubmit(
    (text: string) => api.closeFollowUp(props.code, props.followUp.orderNumber, text).then(props.onClosed),
    {
      // Closed by someone else meanwhile: the list is read again, and that says enough.
      failed: (e) => {
        if (!(e instanceof ApiError) || e.status !== 409) return fieldErrors(e).note;
        props.onStale();
        return '';
      },
    },
  );
  const error = () => close.error();

  function submit() {
    const text = filledIn(note(), close.fail, `${id()}-note`, t.order.fillIn);
    if (text) void close.run(text);
  }

  return (
    <li class="follow-up">
      <FollowUpHead followUp={props.followUp} serviceName={props.serviceName} />
      <form class="inline-form" novalidate onSubmit={submitWith(submit)}>
        <TextBox
          id={`${id()}-note`}
          label={t.dashboard.followUpNote(props.followUp.orderNumber)}
          rows={2}
          maxLength={2000}
          value={note()}
          error={error()}
          onInput={setNote}
        />
        <SubmitButton of={close} class="secondary">
          {t.dashboard.followUpClose}
          <span class="visually-hidden"> {props.followUp.orderNumber}</span>
        </SubmitButton>
      </form>
    </li>
  );
}
