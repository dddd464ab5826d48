import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, type JSX, on, Show, untrack } from 'solid-js';
import type { OrderView } from '#shared/api.ts';
import { ACTIVE_STATUSES, statusWords, WORK_STATUSES } from '#shared/lifecycle.ts';
import type { Order, TimelineEvent, Visibility } from '#shared/model.ts';
import { isAgentOf } from '#shared/permissions.ts';
import { SYSTEM_ACTOR } from '#shared/privacy.ts';
import { localizeAnswer, localizeOrder, localizeService } from '#shared/translate.ts';
import { user } from '../account/session.ts';
import { ApiError, api, errorMessage, fieldErrors, isOrderView, type ServiceDetail } from '../lib/api.ts';
import { Facts } from '../lib/blocks.tsx';
import { summaryAt, useAutoRefresh, useMinuteClock } from '../lib/clock.ts';
import { keepDraft } from '../lib/drafts.ts';
import { filledIn, Radios, TextBox } from '../lib/fields.tsx';
import { answerWords, dayWords, formatDateTime } from '../lib/format.ts';
import { createLoader, Failure, Loaded } from '../lib/load.tsx';
import { createReaderOptions } from '../lib/sla-ui.tsx';
import { language, t } from '../lib/strings.ts';
import { createSubmit, Outcome, submitWith } from '../lib/submit.tsx';
import { DateTime, PriorityBadge, StatusBadge, usePageTitle } from '../lib/ui.tsx';
import { AttachmentLink } from '../lib/upload.tsx';
import { RatingForm } from '../survey/RatingForm.tsx';
import { ActionPanel } from './Actions.tsx';
import { ClocksPanel, HoldsTable } from './Clocks.tsx';
import type { OrderContext, OrderWrite, Perform } from './common.ts';
import { Deliverables } from './Deliverables.tsx';
import { HandoffPanel } from './Handoff.tsx';
import { InputsChecklist } from './Inputs.tsx';
import { LinkedOrders } from './Links.tsx';
import { NextStep, waitsForSomeone } from './NextStep.tsx';
import { orderData } from './order-data.ts';
import { isFinal } from './orders.ts';
import { WorkPanel } from './Work.tsx';
import './order.css';

export default function OrderPage() {
  const params = useParams<{ number: string }>();
  const view = createLoader(() => params.number, orderData.load);
  // Labels, stage names: the service the order was filed under. The page works without it.
  const service = createLoader(
    () => view.value()?.order.serviceId,
    (id: string) =>
      api
        .service(id)
        .then((found) => localizeService(found, language))
        .catch(() => undefined),
  );
  const department = () => view.value()?.order.department;
  const isTeam = createMemo(() => {
    const u = user();
    const code = department();
    return u !== undefined && code !== undefined && isAgentOf(u, code);
  });
  // The assign picker and watcher suggestions: the department's members (team only).
  const members = createLoader(
    () => (isTeam() ? department() : undefined),
    (code: string) => api.members(code).catch(() => []),
  );
  const wordsFor = createReaderOptions();
  // Due words are relative to when the order was last read (the API counted the minutes left then),
  // and move on with the minute clock; every read, kept on screen or not, sets them right again.
  const [reading, setReading] = createSignal<{ sla: OrderView['sla']; at: Date }>();
  createEffect(on(view.value, (v) => setReading(v ? { sla: v.sla, at: new Date() } : undefined)));
  const slaNow = () => {
    const read = reading();
    return read ? summaryAt(read.sla, read.at, now()) : undefined;
  };
  const now = useMinuteClock();
  usePageTitle(() => view.value()?.order.number ?? params.number);

  // Every change of the order, against the version on screen; the answer replaces the order shown.
  const [lastWrite, setLastWrite] = createSignal<OrderWrite>();
  const [canRetry, setCanRetry] = createSignal(false);
  const write = createSubmit(
    async (step: OrderWrite, current: OrderView) => {
      setLastWrite(step);
      setCanRetry(false);
      view.set(await step.work(current.order.version));
      step.extra?.afterwards?.();
    },
    {
      done: (_, step) => step.done,
      optimistic: (step, current) => {
        if (step.optimistic) view.set({ ...current, order: step.optimistic(current.order) });
        return () => step.optimistic && view.set(current);
      },
      failed: async (error, step) => {
        // Nothing reached the API, or it could not answer: the same change can simply be sent again.
        setCanRetry(!(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500);
        // A conflict shows the latest order instead.
        if (error instanceof ApiError && error.status === 409) {
          if (isOrderView(error.current)) view.set(error.current);
          else await view.reload();
          return t.order.conflict;
        }
        const fields = fieldErrors(error);
        if (step.onFields && Object.keys(fields).length > 0) step.onFields(fields);
        const detail = Object.values(fields).filter((m) => m !== errorMessage(error));
        return [errorMessage(error), ...(step.onFields ? [] : detail)].join(' ');
      },
    },
  );
  const perform: Perform = (work, done, onFields, optimistic, extra) => {
    const current = view.value();
    return current ? write.run({ work, done, onFields, optimistic, extra }, current) : Promise.resolve(false);
  };
  const retry = () => {
    const step = lastWrite();
    const current = view.value();
    if (step && current) void write.run(step, current);
  };
  /** What the last change said, where it was asked for; a failure that may pass comes with Try again. */
  const said = (at?: 'comment') => (
    <Show when={lastWrite()?.extra?.at === at}>
      <Outcome of={write}>
        <Show when={canRetry()}>
          <button type="button" class="secondary" disabled={write.pending()} onClick={retry}>
            {t.common.retry}
          </button>
        </Show>
      </Outcome>
    </Show>
  );

  // The order reads itself again now and then and when the tab comes back (someone else's change,
  // a clock the timer moved); what the person is typing and any open form stay as they are.
  useAutoRefresh(
    async () => {
      const current = view.value();
      if (!current) return;
      const latest = await api.order(current.order.number);
      if (write.pending() || view.value() !== current) return;
      const moved =
        latest.order.version !== current.order.version ||
        latest.sla?.state !== current.sla?.state ||
        latest.sla?.dueAt !== current.sla?.dueAt ||
        latest.actions.join() !== current.actions.join();
      if (moved) view.set(latest);
      else setReading({ sla: latest.sla, at: new Date() });
    },
    () => view.value() !== undefined && !write.pending(),
  );

  return (
    <Loaded of={view}>
      {(v) => {
        // Checklist labels in the reader's language where the service has them (ids never change).
        const order = () => localizeOrder(v().order, service.value(), language);
        const name = (id: string | undefined) => (id ? (v().people[id] ?? id) : t.common.nobody);
        const u = () => user();
        const isRequester = () => {
          const me = u();
          return me !== undefined && (order().requesterId === me.id || order().filedById === me.id);
        };
        const final = () => isFinal(order());
        const options = () => wordsFor(order().department);
        const stageName = (id: string) => service.value()?.stages.find((s) => s.id === id)?.name ?? id;
        // Only the requester rates, once the work is done and a survey belongs to this resolution.
        const canRate = () =>
          u()?.id === order().requesterId &&
          (order().status === 'resolved' || order().status === 'closed') &&
          order().survey !== undefined;
        const ctx: OrderContext = {
          get order() {
            return order();
          },
          get service() {
            return service.value();
          },
          get members() {
            return members.value();
          },
          get busy() {
            return write.pending();
          },
          perform,
          name,
        };
        return (
          <article class="order">
            <OrderHeader order={order()} service={service.value()} name={name} team={isTeam()} />
            <NextStep
              order={order()}
              approvers={v().approvers ?? []}
              name={name}
              isRequester={isRequester()}
              canApprove={v().actions.includes('approve')}
            />
            <ClocksPanel order={order()} sla={slaNow()} options={options()} now={now()} />

            {said()}
            <Failure of={view} />

            <Clarification order={order()} name={name} />

            <Show when={v().actions.some((a) => a !== 'auto_close')}>
              <ActionPanel ctx={ctx} actions={v().actions} />
            </Show>

            <Show when={canRate()}>
              <section aria-labelledby="rating-title" class="rating-section">
                <h2 id="rating-title">{t.order.ratingTitle}</h2>
                <p data-testid="order-rating">
                  {order().survey?.score ? t.order.ratingCurrent(order().survey?.score ?? 0) : t.order.ratingNone}
                </p>
                <Show when={order().survey?.sampledOut && order().survey}>
                  {(s) => (
                    <p class="hint" data-testid="survey-skipped">
                      {t.order.surveySkipped(
                        s().lastInvitedAt ? formatDateTime(s().lastInvitedAt ?? '') : undefined,
                        s().budgetDays,
                      )}
                    </p>
                  )}
                </Show>
                <RatingForm
                  idPrefix="order-rating"
                  question={service.value()?.survey.question || t.survey.title}
                  initial={{
                    score: order().survey?.score,
                    comment: order().survey?.comment,
                    category: order().survey?.category,
                  }}
                  submitLabel={order().survey?.score ? t.survey.change : t.survey.save}
                  onSubmit={async (body) => {
                    await api.rateOrder(order().number, body);
                    await view.reload();
                  }}
                />
              </section>
            </Show>

            <LinkedOrders order={order()} />

            <div class="columns">
              <Answers order={order()} service={service.value()} />
              <div>
                <InputsChecklist
                  ctx={ctx}
                  isRequester={isRequester()}
                  isTeam={isTeam()}
                  canMark={isTeam() && ACTIVE_STATUSES.has(order().status)}
                />
                <Deliverables ctx={ctx} canTick={isTeam() && ACTIVE_STATUSES.has(order().status)} />
              </div>
            </div>

            <Show when={isTeam() || isRequester() || order().watchers.length > 0}>
              <WorkPanel
                ctx={ctx}
                isTeam={isTeam()}
                canWatch={(isTeam() || isRequester()) && !final()}
                final={final()}
              />
            </Show>
            <Show when={isTeam() && WORK_STATUSES.has(order().status)}>
              <HandoffPanel ctx={ctx} reload={() => view.reload()} />
            </Show>

            <HoldsTable order={order()} stageName={stageName} name={name} options={options()} now={now()} />
            <Timeline events={v().timeline} name={name} />
            <CommentBox number={order().number} team={isTeam()} busy={write.pending()} perform={perform}>
              {said('comment')}
            </CommentBox>
          </article>
        );
      }}
    </Loaded>
  );
}

/** The open question while the order waits for the customer (SPEC §14.2). */
function Clarification(props: { order: Order; name: (id?: string) => string }) {
  return (
    <Show when={props.order.status === 'waiting_for_customer' && props.order.clarification}>
      {(c) => (
        <section class="notice warning clarification" aria-labelledby="clarification-title">
          <h2 id="clarification-title">{t.order.clarificationTitle}</h2>
          <p class="prose">{c().question}</p>
          <p class="meta">
            {t.timeline.by(props.name(c().askedBy))}, {t.order.askedAt(formatDateTime(c().askedAt))}
          </p>
        </section>
      )}
    </Show>
  );
}

function OrderHeader(props: {
  order: Order;
  service: ServiceDetail | undefined;
  name: (id?: string) => string;
  team: boolean;
}) {
  const o = () => props.order;
  const stageName = () => props.service?.stages.find((s) => s.id === o().stage)?.name ?? o().stage;
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
      <Facts
        facts={[
          {
            term: t.order.service,
            detail: <A href={`/services/${encodeURIComponent(o().serviceId)}`}>{o().serviceName}</A>,
          },
          {
            term: t.order.department,
            detail: <A href={`/departments/${encodeURIComponent(o().department)}`}>{o().department}</A>,
          },
          { term: t.order.assignee, detail: props.name(o().assigneeId), testId: 'order-assignee' },
          // While it waits for an approval or inputs, the banner below says what happens next instead.
          { when: !waitsForSomeone(o()), term: t.order.stage, detail: stageName(), testId: 'order-stage' },
          {
            term: t.order.requester,
            detail: (
              <>
                {props.name(o().requesterId)}
                <Show when={o().filedById !== o().requesterId}>
                  {' '}
                  <span class="meta">({t.order.filedBy(props.name(o().filedById))})</span>
                </Show>
              </>
            ),
          },
          {
            when: o().promisedAt,
            term: t.order.promised,
            detail: t.service.doneBy(formatDateTime(o().promisedAt ?? '')),
            testId: 'order-promised',
          },
          {
            when: o().parentNumber,
            term: t.order.partOf,
            detail: <A href={`/orders/${encodeURIComponent(o().parentNumber ?? '')}`}>{o().parentNumber}</A>,
          },
          {
            when: props.team && o().survey?.score,
            term: t.order.ratingFact,
            detail: t.order.ratingOf(o().survey?.score ?? 0),
            testId: 'order-rating-fact',
          },
          {
            when: props.team,
            term: t.order.counts,
            detail: `${t.order.clarificationsCount(o().clarifications ?? 0)}, ${t.order.reworksCount(o().reworks ?? 0)}`,
            testId: 'order-counts',
          },
          { term: t.order.created, detail: <DateTime iso={o().createdAt} /> },
          { term: t.order.updated, detail: <DateTime iso={o().updatedAt} /> },
        ]}
      />
    </header>
  );
}

function Answers(props: { order: Order; service: ServiceDetail | undefined }) {
  const rows = () => {
    const answers = props.order.answers;
    const labelled = (props.service?.form ?? [])
      .filter((f) => Object.hasOwn(answers, f.id))
      .map((f) => ({
        id: f.id,
        label: f.label,
        value: answers[f.id],
        file: f.kind === 'attachment',
        date: f.kind === 'date',
      }));
    const known = new Set(labelled.map((r) => r.id));
    const rest = Object.keys(answers)
      .filter((id) => !known.has(id))
      .map((id) => ({ id, label: id, value: answers[id], file: false, date: false }));
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
                <dd class="prose">
                  <Show
                    when={row.file && typeof row.value === 'string' && row.value}
                    fallback={
                      row.date && typeof row.value === 'string'
                        ? dayWords(row.value)
                        : answerWords(localizeAnswer(row.value, row.id, props.service?.translations?.[language]))
                    }
                  >
                    {(key) => <AttachmentLink number={props.order.number} fileKey={key()} />}
                  </Show>
                </dd>
              </div>
            )}
          </For>
        </dl>
      </Show>
    </section>
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
              <li class={event.visibility === 'internal' ? 'event internal surface' : 'event surface'}>
                <p class="event-head">
                  <strong>{eventKindWords(event.kind)}</strong>{' '}
                  <span>
                    {event.actorId === SYSTEM_ACTOR
                      ? t.timeline.automatically
                      : t.timeline.by(props.name(event.actorId))}
                  </span>
                  {', '}
                  <DateTime iso={event.at} />
                  <Show when={event.visibility === 'internal'}>
                    {' '}
                    <span class="badge internal-badge">{t.order.internal}</span>
                  </Show>
                </p>
                <Show when={event.from && event.to && event.from !== event.to}>
                  <p class="event-change">
                    {t.timeline.change(
                      statusWords(event.from ?? 'submitted', t.status),
                      statusWords(event.to ?? 'submitted', t.status),
                    )}
                  </p>
                </Show>
                <Show when={event.clock}>{(clock) => <p class="event-change">{t.sla.clocks[clock()]}</p>}</Show>
                <Show when={event.comment}>{(comment) => <p class="prose">{comment()}</p>}</Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function CommentBox(props: { number: string; team: boolean; busy: boolean; perform: Perform; children?: JSX.Element }) {
  // Kept through sign-in when the session ends before the comment is sent (web/src/drafts.ts).
  const kept: unknown = keepDraft(
    `comment:${untrack(() => props.number)}`,
    (): { text: string; visibility: Visibility } | undefined =>
      text().trim() ? { text: text(), visibility: visibility() } : undefined,
  );
  const keptText = typeof kept === 'object' && kept !== null && 'text' in kept ? kept.text : undefined;
  const keptInternal =
    typeof kept === 'object' && kept !== null && 'visibility' in kept && kept.visibility === 'internal';
  const [text, setText] = createSignal(typeof keptText === 'string' ? keptText : '');
  const [visibility, setVisibility] = createSignal<Visibility>(keptInternal ? 'internal' : 'public');
  const [error, setError] = createSignal<string>();

  async function submit() {
    const value = filledIn(text(), setError, 'comment-text', t.order.fillIn);
    if (!value) return;
    // The text stays in the box until the comment is in, also when it goes in on a retry.
    await props.perform(
      () => api.comment(props.number, { text: value, visibility: props.team ? visibility() : 'public' }),
      t.order.commentAdded,
      undefined,
      undefined,
      { at: 'comment', afterwards: () => setText('') },
    );
  }

  return (
    <section aria-labelledby="comment-title">
      <h2 id="comment-title">{t.order.commentTitle}</h2>
      <form class="comment-form surface" novalidate onSubmit={submitWith(submit)}>
        <TextBox
          id="comment-text"
          label={t.order.commentLabel}
          rows={4}
          value={text()}
          error={error()}
          onInput={setText}
        />
        <Show when={props.team}>
          <fieldset class="field">
            <legend>{t.order.commentVisibility}</legend>
            <Radios
              name="visibility"
              value={visibility()}
              options={[
                { value: 'public', label: t.order.commentPublic, id: 'comment-public' },
                { value: 'internal', label: t.order.commentInternal, id: 'comment-internal' },
              ]}
              onChange={setVisibility}
            />
          </fieldset>
        </Show>
        {props.children}
        <button type="submit" class="primary" disabled={props.busy}>
          {t.order.commentSubmit}
        </button>
      </form>
    </section>
  );
}
