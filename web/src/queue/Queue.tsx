/**
 * The team queue (SPEC §9): active orders sorted by due time with their time standard in words,
 * filters, claim, and keyboard shortcuts. `/queue/:code/at-risk` shows only the orders whose
 * standard is at risk or missed, the most overdue first.
 */
import { A, useMatch, useNavigate, useParams } from '@solidjs/router';
import { type Accessor, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { OrderSummary, OrderView } from '#shared/api.ts';
import { ACTIVE_STATUSES, statusWords } from '#shared/lifecycle.ts';
import { type OrderStatus, PRIORITIES, type Priority } from '#shared/model.ts';
import { toSummary } from '#shared/summary.ts';
import { ApiError, api } from '../lib/api.ts';
import { Table, Tabs } from '../lib/blocks.tsx';
import { SelectBox } from '../lib/fields.tsx';
import { createLoader, createPager, Loaded, LoadMore, type Source } from '../lib/load.tsx';
import { bySlaState, type ClockState, SLA_STATES, stateWords, type WordsOptions } from '../lib/sla.ts';
import { createReaderOptions, SlaCell } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, Outcome } from '../lib/submit.tsx';
import { DateTime, PriorityBadge, StatusBadge, usePageTitle } from '../lib/ui.tsx';
import { moveSelection, queueKeyAction } from './keys.ts';
import './queue.css';

/** A list row from an order the API just answered with, keeping its time standard. */
const summaryOf = (view: OrderView): OrderSummary => ({
  ...toSummary(view.order),
  ...(view.sla ? { sla: view.sla } : {}),
});

const orderHref = (number: string) => `/orders/${encodeURIComponent(number)}`;

export default function Queue() {
  const params = useParams<{ code: string }>();
  const atRisk = useMatch(() => '/queue/:code/at-risk');
  const navigate = useNavigate();
  const title = () => (atRisk() ? t.queue.atRiskTitle(params.code) : t.queue.title(params.code));
  usePageTitle(title);

  const pager = createPager(
    () => (atRisk() ? undefined : params.code),
    (code: string, cursor?: string) => api.queue(code, cursor),
  );
  const risky = createLoader(() => (atRisk() ? params.code : undefined), api.atRisk);
  // What the list is narrowed to: a status, a priority, a state of the time standard ('' = all).
  const [filter, setFilter] = createSignal<{ status: OrderStatus | ''; priority: Priority | ''; sla: ClockState | '' }>(
    {
      status: '',
      priority: '',
      sla: '',
    },
  );
  const [names, setNames] = createSignal<Record<string, string>>({});
  const [chosen, setChosen] = createSignal(-1);
  const wordsFor = createReaderOptions();
  const options = () => wordsFor(params.code);
  // Due words are relative to when the list was read; the API counted minutes left at that moment.
  const [readAt, setReadAt] = createSignal(new Date());

  // The view's list: every active order a page at a time, or the orders at risk at once.
  const list: Source<OrderSummary[]> = {
    value: () => (atRisk() ? risky.value() : pager.value()),
    error: () => (atRisk() ? risky.error() : pager.error()),
    loading: () => (atRisk() ? risky.loading() : pager.loading()),
    reload: () => {
      setReadAt(new Date());
      return atRisk() ? risky.reload() : pager.loadMore();
    },
  };
  const items = (): OrderSummary[] => list.value() ?? [];

  const filterOptions = () => ({
    status: [...ACTIVE_STATUSES].map((s) => ({ value: s, label: statusWords(s, t.status) })),
    priority: PRIORITIES.map((p) => ({ value: p, label: t.priority[p] })),
    sla: (atRisk() ? SLA_STATES.filter((s) => s === 'warning' || s === 'breached') : SLA_STATES).map((s) => ({
      value: s,
      label: stateWords(s),
    })),
  });
  const shown = createMemo(() =>
    bySlaState(items(), filter().sla).filter(
      (o) =>
        (!filter().status || o.status === filter().status) && (!filter().priority || o.priority === filter().priority),
    ),
  );
  const person = (id: string | undefined) => (id ? (names()[id] ?? pager.people()[id] ?? id) : t.common.nobody);

  function replaceRow(number: string, next: OrderSummary) {
    if (atRisk()) risky.set((risky.value() ?? []).map((o) => (o.number === number ? next : o)));
    else pager.replace((o) => o.number === number, next);
  }

  // Conditional on the version shown in the row: if someone else moved first, the API says 409.
  const claim = createSubmit(
    async (number: string, version: number) => {
      const view = await api.transition(number, { action: 'claim', version });
      setNames((n) => ({ ...n, ...view.people }));
      replaceRow(number, summaryOf(view));
    },
    {
      done: (_, number) => t.queue.claimed(number),
      failed: async (error, number) => {
        if (!(error instanceof ApiError && error.status === 409)) return undefined;
        const latest = await api.order(number).catch(() => undefined);
        if (latest) replaceRow(number, summaryOf(latest));
        return t.order.conflict;
      },
    },
  );

  /** Moves the choice and puts focus on the order's link, so Enter opens it and it is read out. */
  function choose(index: number) {
    setChosen(index);
    const row = shown()[index];
    if (!row) return;
    const link = document.querySelector<HTMLAnchorElement>(`[data-queue-row="${index}"] a`);
    link?.focus();
    link?.scrollIntoView({ block: 'nearest' });
  }

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : undefined;
      const action = queueKeyAction({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName,
        editable: target?.isContentEditable ?? false,
      });
      if (!action) return;
      const rows = shown();
      if (rows.length === 0) return;
      const current = chosen() < rows.length ? chosen() : -1;
      if (action === 'next' || action === 'previous') {
        event.preventDefault();
        choose(moveSelection(current, action === 'next' ? 1 : -1, rows.length));
        return;
      }
      const row = rows[current];
      if (!row) return;
      event.preventDefault();
      if (action === 'open') navigate(orderHref(row.number));
      else if (row.status === 'open' && !claim.pending()) void claim.run(row.number, row.version);
      else if (row.status !== 'open') claim.said(t.queue.cannotClaim(row.number));
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  return (
    <section>
      <h1>{title()}</h1>
      <Tabs
        label={t.queue.views}
        tabs={[
          { href: `/queue/${encodeURIComponent(params.code)}`, text: t.queue.viewAll, end: true },
          { href: `/queue/${encodeURIComponent(params.code)}/at-risk`, text: t.queue.viewAtRisk },
        ]}
      />
      <Show when={atRisk()}>
        <p class="lead">{t.queue.atRiskIntro}</p>
      </Show>
      <div class="filters">
        <For each={['status', 'priority', 'sla'] as const}>
          {(key) => (
            <SelectBox
              id={`queue-${key}`}
              label={{ status: t.queue.filterStatus, priority: t.queue.filterPriority, sla: t.queue.filterSla }[key]}
              value={filter()[key]}
              options={[{ value: '', label: t.queue.all }, ...filterOptions()[key]]}
              onChange={(value) => setFilter((f) => ({ ...f, [key]: value }))}
            />
          )}
        </For>
      </div>
      <Shortcuts />
      <Outcome of={claim} />
      <Loaded of={list} failures="after" empty={<p class="empty">{atRisk() ? t.queue.atRiskEmpty : t.queue.empty}</p>}>
        {() => (
          <Show when={shown().length > 0} fallback={<p class="empty">{t.queue.noMatch}</p>}>
            <QueueTable
              rows={shown}
              caption={atRisk() ? t.queue.atRiskCaption : t.queue.caption}
              chosen={chosen}
              person={person}
              claiming={claim.pending}
              onClaim={(o) => void claim.run(o.number, o.version)}
              onFocusRow={setChosen}
              words={options}
              now={readAt}
            />
          </Show>
        )}
      </Loaded>
      <LoadMore of={pager} when={!atRisk()} />
    </section>
  );
}

function Shortcuts() {
  return (
    <section class="shortcuts" aria-labelledby="queue-shortcuts">
      <h2 id="queue-shortcuts" class="shortcuts-title">
        {t.queue.shortcutsTitle}
      </h2>
      <ul class="shortcut-list">
        <For each={t.queue.shortcuts}>
          {([key, what]) => (
            <li>
              <kbd>{key}</kbd> {what}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function QueueTable(props: {
  rows: Accessor<OrderSummary[]>;
  caption: string;
  chosen: Accessor<number>;
  person: (id: string | undefined) => string;
  claiming: Accessor<boolean>;
  onClaim: (order: OrderSummary) => void;
  onFocusRow: (index: number) => void;
  words: () => WordsOptions;
  now: Accessor<Date>;
}) {
  return (
    <Table
      class="queue-table"
      caption={props.caption}
      head={[
        t.orders.number,
        t.orders.orderTitle,
        t.queue.due,
        t.orders.service,
        t.orders.status,
        t.orders.priority,
        t.orders.assignee,
        t.orders.created,
        { label: <span class="visually-hidden">{t.orders.actions}</span> },
      ]}
    >
      <For each={props.rows()}>
        {(o, i) => (
          <tr
            data-queue-row={i()}
            class={props.chosen() === i() ? 'chosen' : undefined}
            onFocusIn={() => props.onFocusRow(i())}
          >
            <th scope="row">
              <A href={orderHref(o.number)}>{o.number}</A>
            </th>
            <td>{o.title}</td>
            <td>
              <SlaCell sla={o.sla} options={props.words()} now={props.now()} />
            </td>
            <td>{o.serviceName}</td>
            <td>
              <StatusBadge status={o.status} />
            </td>
            <td>
              <PriorityBadge priority={o.priority} />
            </td>
            <td>{props.person(o.assigneeId)}</td>
            <td>
              <DateTime iso={o.createdAt} />
            </td>
            <td>
              <Show when={o.status === 'open'}>
                <button type="button" class="small" disabled={props.claiming()} onClick={() => props.onClaim(o)}>
                  {t.queue.claim}
                  <span class="visually-hidden"> {o.number}</span>
                </button>
              </Show>
            </td>
          </tr>
        )}
      </For>
    </Table>
  );
}
