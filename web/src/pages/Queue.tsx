import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { OrderSummary, OrderView } from '#shared/api.ts';
import { ACTIVE_STATUSES, statusWords } from '#shared/lifecycle.ts';
import { type OrderStatus, PRIORITIES, type Priority } from '#shared/model.ts';
import { toSummary } from '#shared/summary.ts';
import { ApiError, api, errorMessage } from '../api.ts';
import { createPager } from '../data.ts';
import { t } from '../strings.ts';
import { DateTime, ErrorNote, Loading, PriorityBadge, StatusBadge, usePageTitle } from '../ui.tsx';

const summaryOf = (view: OrderView): OrderSummary => toSummary(view.order);

export default function Queue() {
  const params = useParams<{ code: string }>();
  usePageTitle(() => t.queue.title(params.code));
  const pager = createPager(
    () => params.code,
    (code: string, cursor?: string) => api.queue(code, cursor),
  );
  const [statusFilter, setStatusFilter] = createSignal<OrderStatus | ''>('');
  const [priorityFilter, setPriorityFilter] = createSignal<Priority | ''>('');
  const [claiming, setClaiming] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  const [claimError, setClaimError] = createSignal<unknown>();
  const [names, setNames] = createSignal<Record<string, string>>({});

  const shown = createMemo(() =>
    pager
      .items()
      .filter(
        (o) =>
          (!statusFilter() || o.status === statusFilter()) && (!priorityFilter() || o.priority === priorityFilter()),
      ),
  );
  const person = (id: string | undefined) => (id ? (names()[id] ?? pager.people()[id] ?? id) : t.common.nobody);

  async function claim(number: string, version: number) {
    setClaiming(number);
    setNotice(undefined);
    setClaimError(undefined);
    try {
      // Conditional on the version shown in the row: if someone else moved first, the API says 409.
      const view = await api.transition(number, { action: 'claim', version });
      setNames((n) => ({ ...n, ...view.people }));
      pager.replace((o) => o.number === number, summaryOf(view));
      setNotice(t.queue.claimed(number));
    } catch (error) {
      setClaimError(() => error);
      if (error instanceof ApiError && error.status === 409) {
        const latest = await api.order(number).catch(() => undefined);
        if (latest) pager.replace((o) => o.number === number, summaryOf(latest));
      }
    } finally {
      setClaiming(undefined);
    }
  }

  return (
    <section>
      <h1>{t.queue.title(params.code)}</h1>
      <div class="filters">
        <div class="field">
          <label for="queue-status">{t.queue.filterStatus}</label>
          <select id="queue-status" onChange={(e) => setStatusFilter(e.currentTarget.value as OrderStatus | '')}>
            <option value="">{t.queue.all}</option>
            <For each={[...ACTIVE_STATUSES]}>{(s) => <option value={s}>{statusWords(s)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="queue-priority">{t.queue.filterPriority}</label>
          <select id="queue-priority" onChange={(e) => setPriorityFilter(e.currentTarget.value as Priority | '')}>
            <option value="">{t.queue.all}</option>
            <For each={PRIORITIES}>{(p) => <option value={p}>{t.priority[p]}</option>}</For>
          </select>
        </div>
      </div>
      <div aria-live="polite">
        <Show when={notice()}>
          <p class="notice success">{notice()}</p>
        </Show>
      </div>
      <Show when={claimError()}>
        {(e) => (
          <div class="notice error" role="alert">
            <p>{e() instanceof ApiError && (e() as ApiError).status === 409 ? t.order.conflict : errorMessage(e())}</p>
          </div>
        )}
      </Show>
      <Show when={pager.loaded()} fallback={<Show when={!pager.error()}>{<Loading />}</Show>}>
        <Show when={pager.items().length > 0} fallback={<p class="empty">{t.queue.empty}</p>}>
          <Show when={shown().length > 0} fallback={<p class="empty">{t.queue.noMatch}</p>}>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">{t.queue.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.orders.number}</th>
                    <th scope="col">{t.orders.orderTitle}</th>
                    <th scope="col">{t.orders.service}</th>
                    <th scope="col">{t.orders.status}</th>
                    <th scope="col">{t.orders.priority}</th>
                    <th scope="col">{t.orders.assignee}</th>
                    <th scope="col">{t.orders.created}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t.orders.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>
                    {(o) => (
                      <tr>
                        <th scope="row">
                          <A href={`/orders/${encodeURIComponent(o.number)}`}>{o.number}</A>
                        </th>
                        <td>{o.title}</td>
                        <td>{o.serviceName}</td>
                        <td>
                          <StatusBadge status={o.status} />
                        </td>
                        <td>
                          <PriorityBadge priority={o.priority} />
                        </td>
                        <td>{person(o.assigneeId)}</td>
                        <td>
                          <DateTime iso={o.createdAt} />
                        </td>
                        <td>
                          <Show when={o.status === 'open'}>
                            <button
                              type="button"
                              class="small"
                              disabled={claiming() !== undefined}
                              onClick={() => void claim(o.number, o.version)}
                            >
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
          </Show>
        </Show>
      </Show>
      <Show when={pager.error()}>{(e) => <ErrorNote error={e()} onRetry={() => void pager.loadMore()} />}</Show>
      <Show when={pager.hasMore()}>
        <p>
          <button type="button" class="secondary" disabled={pager.loading()} onClick={() => void pager.loadMore()}>
            {pager.loading() ? t.common.loadingMore : t.common.loadMore}
          </button>
        </p>
      </Show>
    </section>
  );
}
