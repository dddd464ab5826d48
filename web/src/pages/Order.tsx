import { A, useParams } from '@solidjs/router';
import { type Accessor, createSignal, For, Index, type JSX, Show } from 'solid-js';
import type { OrderView } from '#shared/api.ts';
import {
  ACTIVE_STATUSES,
  type Action,
  missingItems,
  REJECTION_REASONS,
  type RejectionReason,
  statusWords,
} from '#shared/lifecycle.ts';
import type { ChecklistState, Order, TimelineEvent, Visibility } from '#shared/model.ts';
import { isAgentOf } from '#shared/permissions.ts';
import { ApiError, api, errorMessage, isOrderView, type ServiceDetail } from '../api.ts';
import { createLoader } from '../data.ts';
import { answerWords, formatDateTime } from '../format.ts';
import { user } from '../session.ts';
import { t } from '../strings.ts';
import { DateTime, ErrorNote, Loading, PriorityBadge, StatusBadge, usePageTitle } from '../ui.tsx';

/** Actions that need words from the person before they can be sent. */
const ACTIONS_WITH_FORM: ReadonlySet<Action> = new Set([
  'reject',
  'cancel',
  'request_clarification',
  'answer_clarification',
  'assign',
]);

type Perform = (work: (version: number) => Promise<OrderView>, done: string) => Promise<boolean>;

export default function OrderPage() {
  const params = useParams<{ number: string }>();
  const view = createLoader(() => params.number, api.order);
  // Labels, stage names: the service the order was filed under. The page works without it.
  const service = createLoader(
    () => view.value()?.order.serviceId,
    (id: string) => api.service(id).catch(() => undefined),
  );
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const [actionError, setActionError] = createSignal<string>();
  usePageTitle(() => view.value()?.order.number ?? params.number);

  const perform: Perform = async (work, done) => {
    const current = view.value();
    if (!current || busy()) return false;
    setBusy(true);
    setNotice(undefined);
    setActionError(undefined);
    try {
      view.set(await work(current.order.version));
      setNotice(done);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setActionError(t.order.conflict);
        if (isOrderView(error.current)) view.set(error.current);
        else await view.reload();
      } else {
        setActionError(errorMessage(error));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show
      when={view.value()}
      fallback={
        <Show when={view.error()} fallback={<Loading />}>
          {(e) => <ErrorNote error={e()} onRetry={() => void view.reload()} />}
        </Show>
      }
    >
      {(v) => {
        const order = () => v().order;
        const name = (id: string | undefined) => (id ? (v().people[id] ?? id) : t.common.nobody);
        const isTeam = () => {
          const u = user();
          return u !== undefined && isAgentOf(u, order().department);
        };
        return (
          <article class="order">
            <OrderHeader order={order()} service={service.value()} name={name} />

            <div aria-live="polite">
              <Show when={notice()}>
                <p class="notice success">{notice()}</p>
              </Show>
            </div>
            <Show when={actionError()}>
              <div class="notice error" role="alert">
                <p>{actionError()}</p>
              </div>
            </Show>
            <Show when={view.error()}>{(e) => <ErrorNote error={e()} onRetry={() => void view.reload()} />}</Show>

            <Show when={v().actions.some((a) => a !== 'auto_close')}>
              <ActionPanel actions={v().actions} busy={busy()} perform={perform} number={order().number} />
            </Show>

            <div class="columns">
              <Answers order={order()} service={service.value()} />
              <div>
                <InputsChecklist order={order()} />
                <Deliverables
                  order={order()}
                  canTick={isTeam() && ACTIVE_STATUSES.has(order().status)}
                  busy={busy()}
                  perform={perform}
                  name={name}
                />
              </div>
            </div>

            <Timeline events={v().timeline} name={name} />
            <CommentBox number={order().number} team={isTeam()} busy={busy()} perform={perform} />
          </article>
        );
      }}
    </Show>
  );
}

function OrderHeader(props: { order: Order; service: ServiceDetail | undefined; name: (id?: string) => string }) {
  const stageName = () => props.service?.stages.find((s) => s.id === props.order.stage)?.name ?? props.order.stage;
  return (
    <header class="order-head">
      <h1>
        <span class="order-number" data-testid="order-number">
          {props.order.number}
        </span>{' '}
        <span>{props.order.title}</span>
      </h1>
      <p class="order-badges">
        <StatusBadge status={props.order.status} testId="order-status" />
        <PriorityBadge priority={props.order.priority} />
      </p>
      <dl class="facts">
        <div>
          <dt>{t.order.service}</dt>
          <dd>
            <A href={`/services/${encodeURIComponent(props.order.serviceId)}`}>{props.order.serviceName}</A>
          </dd>
        </div>
        <div>
          <dt>{t.order.department}</dt>
          <dd>
            <A href={`/departments/${encodeURIComponent(props.order.department)}`}>{props.order.department}</A>
          </dd>
        </div>
        <div>
          <dt>{t.order.assignee}</dt>
          <dd data-testid="order-assignee">{props.name(props.order.assigneeId)}</dd>
        </div>
        <div>
          <dt>{t.order.stage}</dt>
          <dd data-testid="order-stage">{stageName()}</dd>
        </div>
        <div>
          <dt>{t.order.requester}</dt>
          <dd>
            {props.name(props.order.requesterId)}
            <Show when={props.order.filedById !== props.order.requesterId}>
              {' '}
              <span class="meta">({t.order.filedBy(props.name(props.order.filedById))})</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t.order.created}</dt>
          <dd>
            <DateTime iso={props.order.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t.order.updated}</dt>
          <dd>
            <DateTime iso={props.order.updatedAt} />
          </dd>
        </div>
      </dl>
    </header>
  );
}

function Answers(props: { order: Order; service: ServiceDetail | undefined }) {
  const rows = () => {
    const answers = props.order.answers;
    const labelled = (props.service?.form ?? [])
      .filter((f) => Object.hasOwn(answers, f.id))
      .map((f) => ({ id: f.id, label: f.label, value: answers[f.id] }));
    const known = new Set(labelled.map((r) => r.id));
    const rest = Object.keys(answers)
      .filter((id) => !known.has(id))
      .map((id) => ({ id, label: id, value: answers[id] }));
    return [...labelled, ...rest];
  };
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t.order.answersTitle}</h2>
      <Show when={rows().length > 0} fallback={<p class="empty">{t.order.noAnswers}</p>}>
        <dl class="answers">
          <For each={rows()}>
            {(row) => (
              <div>
                <dt>{row.label}</dt>
                <dd class="prose">{answerWords(row.value)}</dd>
              </div>
            )}
          </For>
        </dl>
      </Show>
    </section>
  );
}

function CheckMark(props: { done: boolean; doneWord: string; notDoneWord: string }) {
  return (
    <>
      <span class={props.done ? 'mark done' : 'mark'} aria-hidden="true">
        {props.done ? '✓' : '○'}
      </span>
      <span class="visually-hidden">{props.done ? props.doneWord : props.notDoneWord}: </span>
    </>
  );
}

function InputsChecklist(props: { order: Order }) {
  const missing = () => missingItems(props.order.inputs);
  return (
    <section aria-labelledby="inputs-title">
      <h2 id="inputs-title">{t.order.inputsTitle}</h2>
      <Show when={props.order.status === 'awaiting_inputs' && missing().length > 0}>
        <div class="notice warning">
          <p>{t.order.inputsMissing}</p>
          <ul>
            <For each={missing()}>{(item) => <li>{item.label}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={props.order.inputs.length > 0} fallback={<p class="empty">{t.order.noChecklist}</p>}>
        <ul class="checklist" data-testid="inputs-checklist">
          <For each={props.order.inputs}>
            {(item) => (
              <li>
                <CheckMark done={item.done} doneWord={t.order.received} notDoneWord={t.order.missing} />
                {item.label}
                <Show when={!item.required}>
                  {' '}
                  <span class="meta">({t.common.optional})</span>
                </Show>
                <Show when={item.note}>
                  <p class="meta">{item.note}</p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function Deliverables(props: {
  order: Order;
  canTick: boolean;
  busy: boolean;
  perform: Perform;
  name: (id?: string) => string;
}) {
  return (
    <section aria-labelledby="deliverables-title">
      <h2 id="deliverables-title">{t.order.deliverablesTitle}</h2>
      <Show when={props.order.deliverables.length > 0} fallback={<p class="empty">{t.order.noChecklist}</p>}>
        <ul class="checklist" data-testid="deliverables-checklist">
          <Index each={props.order.deliverables}>
            {(item) => (
              <DeliverableRow
                item={item}
                number={props.order.number}
                canTick={props.canTick}
                busy={props.busy}
                perform={props.perform}
                name={props.name}
              />
            )}
          </Index>
        </ul>
      </Show>
    </section>
  );
}

function DeliverableRow(props: {
  item: Accessor<ChecklistState>;
  number: string;
  canTick: boolean;
  busy: boolean;
  perform: Perform;
  name: (id?: string) => string;
}) {
  const [note, setNote] = createSignal('');
  const id = () => `deliverable-${props.item().id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  async function tick(input: HTMLInputElement) {
    const d = props.item();
    const done = input.checked;
    const text = note().trim();
    const ok = await props.perform(
      (version) => api.tickDeliverable(props.number, d.id, { version, done, ...(text ? { note: text } : {}) }),
      t.order.ticked(d.label),
    );
    if (ok) setNote('');
    input.checked = props.item().done;
  }

  const details = (
    <>
      <Show when={!props.item().required}>
        {' '}
        <span class="meta">({t.common.optional})</span>
      </Show>
      <Show when={props.item().done && props.item().by}>
        <p class="meta">
          {t.order.doneBy(props.name(props.item().by), props.item().at ? formatDateTime(props.item().at ?? '') : '')}
        </p>
      </Show>
      <Show when={props.item().note}>
        <p class="meta prose">{props.item().note}</p>
      </Show>
    </>
  );

  return (
    <li>
      <Show
        when={props.canTick}
        fallback={
          <>
            <CheckMark done={props.item().done} doneWord={t.order.done} notDoneWord={t.order.notDone} />
            {props.item().label}
            {details}
          </>
        }
      >
        <div class="check">
          <input
            id={id()}
            type="checkbox"
            checked={props.item().done}
            disabled={props.busy}
            onChange={(e) => void tick(e.currentTarget)}
          />
          <label for={id()}>{props.item().label}</label>
        </div>
        {details}
        <div class="note-field">
          <label for={`${id()}-note`}>{t.order.noteFor(props.item().label)}</label>
          <input
            id={`${id()}-note`}
            type="text"
            autocomplete="off"
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
      </Show>
    </li>
  );
}

function ActionPanel(props: { actions: Action[]; busy: boolean; perform: Perform; number: string }) {
  const [open, setOpen] = createSignal<Action>();
  const visible = () => props.actions.filter((a) => a !== 'auto_close');
  // An open form closes by itself when its action is no longer offered (e.g. after someone else's change).
  const currentForm = () => {
    const action = open();
    return action && props.actions.includes(action) ? action : undefined;
  };

  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t.order.actionsTitle}</h2>
      <div class="button-row">
        <For each={visible()}>
          {(action) => (
            <Show
              when={ACTIONS_WITH_FORM.has(action)}
              fallback={
                <button
                  type="button"
                  class={action === 'claim' || action === 'resolve' || action === 'approve' ? 'primary' : 'secondary'}
                  disabled={props.busy}
                  onClick={() =>
                    void props.perform(
                      (version) => api.transition(props.number, { action, version }),
                      t.actionDone[action],
                    )
                  }
                >
                  {t.actions[action]}
                </button>
              }
            >
              <button
                type="button"
                class={action === 'cancel' || action === 'reject' ? 'danger' : 'secondary'}
                aria-expanded={open() === action}
                aria-controls="action-form"
                disabled={props.busy}
                onClick={() => setOpen((o) => (o === action ? undefined : action))}
              >
                {t.actions[action]}
              </button>
            </Show>
          )}
        </For>
      </div>
      <Show when={currentForm()} keyed>
        {(action) => (
          <ActionForm
            action={action}
            number={props.number}
            busy={props.busy}
            perform={props.perform}
            onClose={() => setOpen(undefined)}
          />
        )}
      </Show>
    </section>
  );
}

function ActionForm(props: { action: Action; number: string; busy: boolean; perform: Perform; onClose: () => void }) {
  const [text, setText] = createSignal('');
  const [reason, setReason] = createSignal<RejectionReason | ''>('');
  const [errors, setErrors] = createSignal<{ text?: string; reason?: string }>({});
  const textRequired = () => props.action !== 'reject';
  const textLabel = (): string => {
    switch (props.action) {
      case 'reject':
        return t.order.reasonDetails;
      case 'cancel':
        return t.order.cancelReasonLabel;
      case 'request_clarification':
        return t.order.clarificationQuestion;
      case 'answer_clarification':
        return t.order.clarificationAnswer;
      case 'assign':
        return t.order.assigneeLabel;
      default:
        return t.order.commentLabel;
    }
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const value = text().trim();
    const problems: { text?: string; reason?: string } = {};
    if (textRequired() && !value) problems.text = t.order.fillIn;
    if (props.action === 'reject' && !reason()) problems.reason = t.order.chooseReason;
    setErrors(problems);
    if (problems.text || problems.reason) {
      const first = problems.reason ? 'action-reason' : 'action-text';
      document.getElementById(first)?.focus();
      return;
    }
    const action = props.action;
    const ok = await props.perform((version) => {
      switch (action) {
        case 'reject':
          return api.transition(props.number, {
            action,
            version,
            reason: reason() || undefined,
            ...(value ? { comment: value } : {}),
          });
        case 'cancel':
          return api.transition(props.number, { action, version, reason: value });
        case 'assign':
          return api.transition(props.number, { action, version, assigneeId: value });
        default:
          return api.transition(props.number, { action, version, comment: value });
      }
    }, t.actionDone[action]);
    if (ok) props.onClose();
  }

  const textField = (): JSX.Element =>
    props.action === 'assign' ? (
      <input
        id="action-text"
        type="text"
        autocomplete="off"
        value={text()}
        aria-invalid={errors().text ? 'true' : undefined}
        aria-describedby={errors().text ? 'action-text-error' : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
    ) : (
      <textarea
        id="action-text"
        rows={3}
        value={text()}
        aria-invalid={errors().text ? 'true' : undefined}
        aria-describedby={errors().text ? 'action-text-error' : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
    );

  return (
    <form id="action-form" class="action-form" novalidate onSubmit={(e) => void submit(e)}>
      <Show when={props.action === 'reject'}>
        <div class="field">
          <label for="action-reason">
            {t.order.reasonLabel}
            <span class="req" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <select
            id="action-reason"
            required
            aria-invalid={errors().reason ? 'true' : undefined}
            aria-describedby={errors().reason ? 'action-reason-error' : undefined}
            onChange={(e) => setReason(e.currentTarget.value as RejectionReason | '')}
          >
            <option value="">{t.form.choose}</option>
            <For each={REJECTION_REASONS}>
              {(r) => (
                <option value={r} selected={reason() === r}>
                  {t.rejectionReasons[r]}
                </option>
              )}
            </For>
          </select>
          <Show when={errors().reason}>
            <p id="action-reason-error" class="field-error">
              {errors().reason}
            </p>
          </Show>
        </div>
      </Show>
      <div class="field">
        <label for="action-text">
          {textLabel()}
          <Show when={textRequired()}>
            <span class="req" aria-hidden="true">
              {' '}
              *
            </span>
          </Show>
        </label>
        {textField()}
        <Show when={errors().text}>
          <p id="action-text-error" class="field-error">
            {errors().text}
          </p>
        </Show>
      </div>
      <div class="button-row">
        <button
          type="submit"
          class={props.action === 'cancel' || props.action === 'reject' ? 'danger' : 'primary'}
          disabled={props.busy}
        >
          {t.actionSubmit[props.action] ?? t.common.send}
        </button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t.common.neverMind}
        </button>
      </div>
    </form>
  );
}

function eventKindWords(kind: string): string {
  return t.timeline.kinds[kind] ?? kind.replaceAll('_', ' ');
}

function Timeline(props: { events: TimelineEvent[]; name: (id?: string) => string }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.order.timelineTitle}</h2>
      <Show when={props.events.length > 0} fallback={<p class="empty">{t.order.timelineEmpty}</p>}>
        <ol class="timeline" data-testid="timeline">
          <For each={props.events}>
            {(event) => (
              <li class={event.visibility === 'internal' ? 'event internal' : 'event'}>
                <p class="event-head">
                  <strong>{eventKindWords(event.kind)}</strong> <span>{t.timeline.by(props.name(event.actorId))}</span>
                  {', '}
                  <DateTime iso={event.at} />
                  <Show when={event.visibility === 'internal'}>
                    {' '}
                    <span class="badge internal-badge">{t.order.internal}</span>
                  </Show>
                </p>
                <Show when={event.from && event.to && event.from !== event.to}>
                  <p class="event-change">
                    {t.timeline.change(statusWords(event.from ?? 'submitted'), statusWords(event.to ?? 'submitted'))}
                  </p>
                </Show>
                <Show when={event.comment}>
                  <p class="prose">{event.comment}</p>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function CommentBox(props: { number: string; team: boolean; busy: boolean; perform: Perform }) {
  const [text, setText] = createSignal('');
  const [visibility, setVisibility] = createSignal<Visibility>('public');
  const [error, setError] = createSignal<string>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const value = text().trim();
    if (!value) {
      setError(t.order.fillIn);
      document.getElementById('comment-text')?.focus();
      return;
    }
    setError(undefined);
    const ok = await props.perform(
      () => api.comment(props.number, { text: value, visibility: props.team ? visibility() : 'public' }),
      t.order.commentAdded,
    );
    if (ok) setText('');
  }

  return (
    <section aria-labelledby="comment-title">
      <h2 id="comment-title">{t.order.commentTitle}</h2>
      <form class="comment-form" novalidate onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="comment-text">{t.order.commentLabel}</label>
          <textarea
            id="comment-text"
            rows={4}
            value={text()}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={error() ? 'comment-text-error' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <Show when={error()}>
            <p id="comment-text-error" class="field-error">
              {error()}
            </p>
          </Show>
        </div>
        <Show when={props.team}>
          <fieldset class="field">
            <legend>{t.order.commentVisibility}</legend>
            <div class="check">
              <input
                id="comment-public"
                type="radio"
                name="visibility"
                value="public"
                checked={visibility() === 'public'}
                onChange={() => setVisibility('public')}
              />
              <label for="comment-public">{t.order.commentPublic}</label>
            </div>
            <div class="check">
              <input
                id="comment-internal"
                type="radio"
                name="visibility"
                value="internal"
                checked={visibility() === 'internal'}
                onChange={() => setVisibility('internal')}
              />
              <label for="comment-internal">{t.order.commentInternal}</label>
            </div>
          </fieldset>
        </Show>
        <button type="submit" class="primary" disabled={props.busy}>
          {t.order.commentSubmit}
        </button>
      </form>
    </section>
  );
}
