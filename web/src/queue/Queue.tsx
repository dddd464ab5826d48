/**
 * The team queue (SPEC §9): active orders with their time standard in words (ticking with the
 * clock), filters and a sort kept in the address, claim and assign one order or many, and keyboard
 * shortcuts. `/queue/:code/at-risk` shows only the orders whose standard is at risk or missed, the
 * most overdue first. The list reads itself again every ~45 s and when the tab comes back, keeping
 * the reader's place, filters, selection and focus.
 */
import { A, useMatch, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { type Accessor, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { OrderSummary, OrderView } from '#shared/api.ts';
import { ACTIVE_STATUSES, statusWords } from '#shared/lifecycle.ts';
import { PRIORITIES } from '#shared/model.ts';
import { toSummary } from '#shared/summary.ts';
import { user } from '../account/session.ts';
import { ApiError, api, errorMessage } from '../lib/api.ts';
import { Tabs } from '../lib/blocks.tsx';
import { createReadings, useAutoRefresh, useMinuteClock } from '../lib/clock.ts';
import { SelectBox } from '../lib/fields.tsx';
import { createLoader, createPager, type Source } from '../lib/load.tsx';
import { createOrderSearch, SearchBox, SearchOrList } from '../lib/search.tsx';
import { SLA_STATES, stateWords, type WordsOptions } from '../lib/sla.ts';
import { createReaderOptions, SlaCell } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, Outcome, type Submit } from '../lib/submit.tsx';
import { DateTime, PriorityBadge, StatusBadge, usePageTitle } from '../lib/ui.tsx';
import { moveSelection, queueKeyAction } from './keys.ts';
import { queueFirstPage } from './queue-data.ts';
import { applyView, type QueueView, readView, SORT_KEYS, type SortKey, toggleSort, viewParams } from './view.ts';
import './queue.css';

/** A list row from an order the API just answered with, keeping its time standard. */
const summaryOf = (view: OrderView): OrderSummary => ({
  ...toSummary(view.order),
  ...(view.sla ? { sla: view.sla } : {}),
});

/** Rows that read the same after a refresh keep their place on the page (and the focus in them). */
const sameRow = (a: OrderSummary, b: OrderSummary) =>
  a.number === b.number &&
  a.version === b.version &&
  a.status === b.status &&
  a.assigneeId === b.assigneeId &&
  a.sla?.state === b.sla?.state &&
  a.sla?.dueAt === b.sla?.dueAt;

const orderHref = (number: string) => `/orders/${encodeURIComponent(number)}`;

/** Statuses in which an order can be assigned (lifecycle: assign from open or in progress). */
const ASSIGNABLE = new Set(['open', 'in_progress']);

export default function Queue() {
  const params = useParams<{ code: string }>();
  const atRisk = useMatch(() => '/queue/:code/at-risk');
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const title = () => (atRisk() ? t.queue.atRiskTitle(params.code) : t.queue.title(params.code));
  usePageTitle(title);
  const now = useMinuteClock();
  const readings = createReadings();
  /** The row of an order an action answered with; its time standard is as read just now. */
  const fromAnswer = (view: OrderView): OrderSummary => {
    const row = summaryOf(view);
    readings.note([row]);
    return row;
  };

  const pager = createPager(
    () => (atRisk() ? undefined : params.code),
    (code: string, cursor?: string) =>
      (cursor === undefined ? queueFirstPage.load(code) : api.queue(code, cursor)).then((page) => ({
        ...page,
        items: readings.note(page.items),
      })),
  );
  const risky = createLoader(
    () => (atRisk() ? params.code : undefined),
    (code: string) => api.atRisk(code).then(readings.note),
  );
  const members = createLoader(
    () => params.code,
    (code: string) => api.members(code).catch(() => []),
  );
  // What the list is narrowed to and how it is sorted: the address says (Back restores it).
  const view = createMemo(() => readView(search));
  const setView = (next: QueueView) => setSearch(viewParams(next));
  const [names, setNames] = createSignal<Record<string, string>>({});
  // The chosen order by number, so it stays chosen when a refresh moves rows about.
  const [chosen, setChosen] = createSignal<string>();
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const wordsFor = createReaderOptions();
  const options = () => wordsFor(params.code);

  // The view's list: every active order a page at a time, or the orders at risk at once.
  const list: Source<OrderSummary[]> = {
    value: () => (atRisk() ? risky.value() : pager.value()),
    error: () => (atRisk() ? risky.error() : pager.error()),
    loading: () => (atRisk() ? risky.loading() : pager.loading()),
    reload: () => (atRisk() ? risky.reload() : pager.loadMore()),
  };
  const items = (): OrderSummary[] => list.value() ?? [];
  // Every order of the department, open or done, by number or words: shown instead of the list.
  const finder = createOrderSearch((q) =>
    api.searchDepartment(params.code, q).then((found) => {
      readings.note(found.items);
      return found;
    }),
  );

  /** A person's name: from the queue's answer, an action's answer, the team list, or the reader. */
  const nameOf = (id: string): string | undefined => {
    const me = user();
    return (
      names()[id] ??
      pager.people()[id] ??
      finder.answer()?.people[id] ??
      members.value()?.find((m) => m.id === id)?.name ??
      (me?.id === id ? me.name : undefined)
    );
  };
  const person = (id: string | undefined) => (id ? (nameOf(id) ?? t.queue.someone) : t.common.nobody);
  /** A row's time standard now: carried forward from when it was read, with the minute clock. */
  const slaNow = (o: OrderSummary) => readings.slaAt(o, now());

  const shown = createMemo(() =>
    applyView(
      finder.active() ? (finder.answer()?.items ?? []) : items(),
      view(),
      (o) => slaNow(o)?.state,
      (o) => (o.assigneeId ? person(o.assigneeId) : undefined),
    ),
  );
  const picked = createMemo(() => shown().filter((o) => selected().has(o.number)));

  function replaceRow(number: string, next: OrderSummary) {
    const back = focusInList();
    if (atRisk()) risky.set((risky.value() ?? []).map((o) => (o.number === number ? next : o)));
    else pager.replace((o) => o.number === number, next);
    finder.replace(number, next);
    back();
  }

  /** The row as claimed or assigned, before the API answers: the team sees it at once. */
  function assumed(row: OrderSummary, assigneeId: string): OrderSummary {
    return { ...row, status: 'in_progress', assigneeId };
  }

  /** A 409: someone moved first; the row shows what they did. */
  async function showLatest(number: string) {
    const latest = await api.order(number).catch(() => undefined);
    if (latest) {
      setNames((n) => ({ ...n, ...latest.people }));
      replaceRow(number, fromAnswer(latest));
    }
  }

  // Conditional on the version shown in the row: if someone else moved first, the API says 409.
  const claim = createSubmit(
    async (row: OrderSummary) => {
      const answer = await api.transition(row.number, { action: 'claim', version: row.version });
      setNames((n) => ({ ...n, ...answer.people }));
      replaceRow(row.number, fromAnswer(answer));
    },
    {
      done: (_, row) => t.queue.claimed(row.number),
      optimistic: (row) => {
        const me = user();
        if (me) replaceRow(row.number, assumed(row, me.id));
        return () => replaceRow(row.number, row);
      },
      failed: async (error, row) => {
        if (!(error instanceof ApiError && error.status === 409)) return undefined;
        await showLatest(row.number);
        return t.order.conflict;
      },
    },
  );

  // Many orders at once, one after another; each that fails goes back as it was and is named.
  const bulk = createSubmit(
    async (kind: 'claim' | 'assign', rows: OrderSummary[], assigneeId: string) => {
      let done = 0;
      const failures: string[] = [];
      for (const row of rows) {
        replaceRow(row.number, assumed(row, assigneeId));
        try {
          const answer = await api.transition(row.number, {
            action: kind,
            version: row.version,
            ...(kind === 'assign' ? { assigneeId } : {}),
          });
          setNames((n) => ({ ...n, ...answer.people }));
          replaceRow(row.number, fromAnswer(answer));
          done += 1;
        } catch (error) {
          replaceRow(row.number, row);
          if (error instanceof ApiError && error.status === 409) await showLatest(row.number);
          failures.push(t.queue.bulkFailedOne(row.number, errorMessage(error)));
        }
      }
      setSelected(new Set<string>());
      if (failures.length > 0) throw new BulkError(t.queue.bulkPartly(done, rows.length, failures.join(' ')));
      return done;
    },
    {
      done: (n, kind, _rows, assigneeId) =>
        kind === 'claim' ? t.queue.bulkClaimed(n) : t.queue.bulkAssigned(n, person(assigneeId)),
      failed: (error) => (error instanceof BulkError ? error.message : undefined),
    },
  );
  const busy = () => claim.pending() || bulk.pending();

  // What to send again after a failure: the same action on the rows as they are now.
  const [retry, setRetry] = createSignal<() => void>();
  const runClaim = (row: OrderSummary) => {
    setRetry(() => () => {
      const current = items().find((o) => o.number === row.number) ?? row;
      if (current.status === 'open') void runClaim(current);
    });
    return claim.run(row);
  };
  const runBulk = (kind: 'claim' | 'assign', rows: OrderSummary[], assigneeId: string) => {
    setRetry(() => () => {
      const again = items().filter(
        (o) =>
          rows.some((r) => r.number === o.number) &&
          (kind === 'claim' ? o.status === 'open' : ASSIGNABLE.has(o.status) && o.assigneeId !== assigneeId),
      );
      if (again.length > 0) void runBulk(kind, again, assigneeId);
    });
    return bulk.run(kind, rows, assigneeId);
  };

  useAutoRefresh(
    async () => {
      const back = focusInList();
      await (atRisk() ? refreshAtRisk() : pager.refresh(sameRow));
      back();
    },
    () => !busy() && list.value() !== undefined,
  );
  async function refreshAtRisk() {
    const code = params.code;
    const fresh = readings.note(await api.atRisk(code));
    if (!atRisk() || code !== params.code || busy()) return;
    const before = risky.value() ?? [];
    risky.set(fresh.map((row) => before.find((old) => sameRow(old, row)) ?? row));
  }

  const filterOptions = () => ({
    status: [...ACTIVE_STATUSES].map((s) => ({ value: s, label: statusWords(s, t.status) })),
    priority: PRIORITIES.map((p) => ({ value: p, label: t.priority[p] })),
    sla: (atRisk() ? SLA_STATES.filter((s) => s === 'warning' || s === 'breached') : SLA_STATES).map((s) => ({
      value: s,
      label: stateWords(s),
    })),
  });

  /** Moves the choice and puts focus on the order's link, so Enter opens it and it is read out. */
  function choose(index: number) {
    const row = shown()[index];
    if (!row) return;
    setChosen(row.number);
    const link = document.querySelector<HTMLAnchorElement>(`[data-queue-row="${CSS.escape(row.number)}"] a`);
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
      const current = rows.findIndex((o) => o.number === chosen());
      if (action === 'next' || action === 'previous') {
        event.preventDefault();
        choose(moveSelection(current, action === 'next' ? 1 : -1, rows.length));
        return;
      }
      const row = rows[current];
      if (!row) return;
      event.preventDefault();
      if (action === 'open') navigate(orderHref(row.number));
      else if (action === 'select') toggle(row.number, !selected().has(row.number));
      else if (row.status === 'open' && !busy()) void runClaim(row);
      else if (row.status !== 'open') claim.said(t.queue.cannotClaim(row.number));
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  const toggle = (number: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(number);
      else next.delete(number);
      return next;
    });

  const table = (caption: string) => (
    <QueueTable
      rows={shown}
      caption={caption}
      view={view()}
      onSort={(key) => setView(toggleSort(view(), key))}
      chosen={chosen}
      selected={selected}
      onSelect={toggle}
      onSelectAll={(on) => setSelected(on ? new Set(shown().map((o) => o.number)) : new Set<string>())}
      person={person}
      busy={busy}
      onClaim={(o) => void runClaim(o)}
      onFocusRow={setChosen}
      words={options}
      now={now}
      sla={slaNow}
    />
  );

  return (
    <section class="queue">
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
              value={view()[key]}
              options={[{ value: '', label: t.queue.all }, ...filterOptions()[key]]}
              onChange={(value) => setView({ ...view(), [key]: value })}
            />
          )}
        </For>
        <SelectBox<SortKey>
          id="queue-sort"
          label={t.queue.sortBy}
          value={view().sort}
          options={SORT_KEYS.map((key) => ({ value: key, label: t.queue.sortKeys[key] }))}
          onChange={(sort) => setView({ ...view(), sort, dir: 'asc' })}
        />
        <SelectBox<'asc' | 'desc'>
          id="queue-dir"
          label={t.queue.sortDirection}
          value={view().dir}
          options={[
            { value: 'asc', label: t.queue.sortAscending[view().sort] },
            { value: 'desc', label: t.queue.sortDescending[view().sort] },
          ]}
          onChange={(dir) => setView({ ...view(), dir })}
        />
      </div>
      <SearchBox id="queue-search" search={finder} hint={t.search.hintDepartment(params.code)} />
      <Shortcuts />
      <Show when={picked().length > 0}>
        <BulkBar
          count={picked().length}
          members={members.value() ?? []}
          busy={busy()}
          onClaim={() =>
            void runBulk(
              'claim',
              picked().filter((o) => o.status === 'open'),
              user()?.id ?? '',
            )
          }
          onAssign={(id) =>
            void runBulk(
              'assign',
              picked().filter((o) => ASSIGNABLE.has(o.status) && o.assigneeId !== id),
              id,
            )
          }
          onClear={() => setSelected(new Set<string>())}
          claimable={picked().some((o) => o.status === 'open')}
        />
      </Show>
      <Said of={claim} retry={retry()} />
      <Said of={bulk} retry={retry()} />
      <SearchOrList
        search={finder}
        list={list}
        pager={pager}
        paged={!atRisk()}
        empty={<p class="empty">{atRisk() ? t.queue.atRiskEmpty : t.queue.empty}</p>}
        hasFound={shown().length > 0}
        found={table(t.search.caption)}
      >
        {() => (
          <Show when={shown().length > 0} fallback={<p class="empty">{t.queue.noMatch}</p>}>
            {table(atRisk() ? t.queue.atRiskCaption : t.queue.caption)}
          </Show>
        )}
      </SearchOrList>
    </section>
  );
}

class BulkError extends Error {}

/**
 * Where the focus is in the list, to put it back when a row is drawn again (its order changed):
 * the same control of the same order's row, or its link when that control is gone (a claimed order
 * has no Claim button). Nothing happens when the focus is still somewhere.
 */
function focusInList(): () => void {
  const active = document.activeElement;
  const row = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-queue-row]') : null;
  const number = row?.dataset.queueRow;
  if (!number) return () => {};
  const part = active instanceof HTMLInputElement ? 'input' : active instanceof HTMLButtonElement ? 'button' : 'a';
  return () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const selector = `[data-queue-row="${CSS.escape(number)}"]`;
    const target =
      document.querySelector<HTMLElement>(`${selector} ${part}`) ??
      document.querySelector<HTMLElement>(`${selector} a`);
    target?.focus({ preventScroll: true });
  };
}

/** What an action said; a failure comes with a button that sends it again. */
function Said(props: { of: Submit<never>; retry: (() => void) | undefined }) {
  return (
    <Outcome of={props.of}>
      <Show when={props.retry}>
        {(again) => (
          <button type="button" class="secondary" onClick={() => again()()}>
            {t.common.retry}
          </button>
        )}
      </Show>
    </Outcome>
  );
}

function BulkBar(props: {
  count: number;
  members: Array<{ id: string; name: string }>;
  busy: boolean;
  claimable: boolean;
  onClaim: () => void;
  onAssign: (id: string) => void;
  onClear: () => void;
}) {
  const [to, setTo] = createSignal('');
  return (
    <section class="bulk-bar surface" aria-label={t.queue.bulkTitle}>
      <p class="bulk-count" aria-live="polite">
        {t.queue.selectedCount(props.count)}
      </p>
      <button type="button" class="primary" disabled={props.busy || !props.claimable} onClick={() => props.onClaim()}>
        {t.queue.claimSelected}
      </button>
      <form
        class="bulk-assign"
        onSubmit={(event) => {
          event.preventDefault();
          if (to()) props.onAssign(to());
        }}
      >
        <SelectBox
          id="bulk-assignee"
          label={t.queue.assignTo}
          value={to()}
          options={[
            { value: '', label: t.queue.choosePerson },
            ...props.members.map((m) => ({ value: m.id, label: m.name })),
          ]}
          onChange={setTo}
        />
        <button type="submit" class="secondary" disabled={props.busy || !to()}>
          {t.queue.assignSelected}
        </button>
      </form>
      <button type="button" class="link-button" onClick={() => props.onClear()}>
        {t.queue.clearSelection}
      </button>
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

function SortHead(props: { sortKey: SortKey; label: string; view: QueueView; onSort: (key: SortKey) => void }) {
  const on = () => props.view.sort === props.sortKey;
  return (
    <th scope="col" aria-sort={on() ? (props.view.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" class="sort-head" onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        <span class="sort-mark" aria-hidden="true">
          {on() ? (props.view.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function QueueTable(props: {
  rows: Accessor<OrderSummary[]>;
  caption: string;
  view: QueueView;
  onSort: (key: SortKey) => void;
  chosen: Accessor<string | undefined>;
  selected: Accessor<ReadonlySet<string>>;
  onSelect: (number: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  person: (id: string | undefined) => string;
  busy: Accessor<boolean>;
  onClaim: (order: OrderSummary) => void;
  onFocusRow: (number: string) => void;
  words: () => WordsOptions;
  now: Accessor<Date>;
  sla: (order: OrderSummary) => OrderSummary['sla'];
}) {
  const all = () => props.rows().length > 0 && props.rows().every((o) => props.selected().has(o.number));
  const head = (key: SortKey, label: string) => (
    <SortHead sortKey={key} label={label} view={props.view} onSort={props.onSort} />
  );
  return (
    <div class="table-wrap surface">
      <table class="queue-table card-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="q-pick">
              {/* The words show on phones, where the column heads give way to cards. */}
              <label class="q-all">
                <input type="checkbox" checked={all()} onChange={(e) => props.onSelectAll(e.currentTarget.checked)} />
                <span class="q-all-words">{t.queue.selectAll}</span>
              </label>
            </th>
            <th scope="col">{t.orders.number}</th>
            <th scope="col">{t.orders.orderTitle}</th>
            {head('due', t.queue.due)}
            <th scope="col">{t.orders.service}</th>
            {head('status', t.orders.status)}
            {head('priority', t.orders.priority)}
            {head('assignee', t.orders.assignee)}
            {head('age', t.orders.created)}
            <th scope="col">
              <span class="visually-hidden">{t.orders.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows()}>
            {(o) => (
              <tr
                data-queue-row={o.number}
                class={props.chosen() === o.number ? 'chosen' : undefined}
                onFocusIn={() => props.onFocusRow(o.number)}
              >
                <td class="q-pick">
                  <input
                    type="checkbox"
                    aria-label={t.queue.selectOne(o.number)}
                    checked={props.selected().has(o.number)}
                    onChange={(e) => props.onSelect(o.number, e.currentTarget.checked)}
                  />
                </td>
                <th scope="row" class="q-number">
                  <A href={orderHref(o.number)}>{o.number}</A>
                </th>
                <td class="q-title">{o.title}</td>
                <td class="q-due" data-due={o.sla?.dueAt}>
                  <SlaCell sla={props.sla(o)} options={props.words()} now={props.now()} />
                </td>
                <td class="q-service">{o.serviceName}</td>
                <td class="q-status">
                  <StatusBadge status={o.status} />
                </td>
                <td class="q-priority">
                  <PriorityBadge priority={o.priority} />
                </td>
                <td class="q-assignee" data-label={t.orders.assignee} data-testid="queue-assignee">
                  {props.person(o.assigneeId)}
                </td>
                <td class="q-created">
                  <DateTime iso={o.createdAt} />
                </td>
                <td class="q-action">
                  <Show when={o.status === 'open'}>
                    <button type="button" class="small" disabled={props.busy()} onClick={() => props.onClaim(o)}>
                      {t.queue.claim}
                      <span class="visually-hidden"> {o.number}</span>
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
