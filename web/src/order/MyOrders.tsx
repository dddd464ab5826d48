import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { OrderSummary } from '#shared/api.ts';
import { ACTIVE_STATUSES } from '#shared/lifecycle.ts';
import { api } from '../lib/api.ts';
import { heads, Table } from '../lib/blocks.tsx';
import { createReadings, useAutoRefresh, useMinuteClock } from '../lib/clock.ts';
import { createPager } from '../lib/load.tsx';
import { createOrderSearch, SearchBox, SearchOrList } from '../lib/search.tsx';
import { createReaderOptions, SlaCell } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { DateTime, OrderCells, usePageTitle } from '../lib/ui.tsx';
import './order.css';

/** Rows that read the same after a refresh keep their place on the page. */
const sameRow = (a: OrderSummary, b: OrderSummary) =>
  a.number === b.number && a.version === b.version && a.sla?.state === b.sla?.state && a.sla?.dueAt === b.sla?.dueAt;

export default function MyOrders() {
  usePageTitle(() => t.orders.title);
  // Due words move with the minute, from each row's latest reading; the list reads itself again now
  // and then, keeping its rows.
  const now = useMinuteClock();
  const readings = createReadings();
  const pager = createPager(
    () => true,
    (_s: boolean, cursor?: string) =>
      api.myOrders(cursor).then((page) => ({ ...page, items: readings.note(page.items) })),
  );
  const wordsFor = createReaderOptions();
  useAutoRefresh(
    () => pager.refresh(sameRow),
    () => pager.value() !== undefined,
  );
  // The person's own orders by number or words, shown instead of the list while searching.
  const finder = createOrderSearch((q) =>
    api.searchMine(q).then((found) => {
      readings.note(found.items);
      return found;
    }),
  );

  const table = (caption: string, items: () => OrderSummary[]) => (
    <Table
      class="my-orders card-table"
      caption={caption}
      head={heads(t.orders, 'number', 'orderTitle', 'service', 'status', 'due', 'updated')}
      each={items()}
    >
      {(o) => (
        <tr>
          <OrderCells order={o} />
          <td class="m-due">
            {/* Due words only while the team owes work; afterwards whether the standard was kept. */}
            <Show
              when={ACTIVE_STATUSES.has(o.status) || o.status === 'resolved' || o.status === 'closed'}
              fallback={t.common.none}
            >
              <SlaCell
                sla={readings.slaAt(o, now())}
                options={wordsFor(o.department)}
                now={now()}
                stopped={!ACTIVE_STATUSES.has(o.status)}
              />
            </Show>
          </td>
          <td class="m-updated" data-label={t.orders.updated}>
            <DateTime iso={o.updatedAt} />
          </td>
        </tr>
      )}
    </Table>
  );

  return (
    <section>
      <h1>{t.orders.title}</h1>
      <SearchBox id="my-orders-search" search={finder} hint={t.search.hintMine} />
      <SearchOrList
        search={finder}
        list={pager}
        pager={pager}
        empty={
          <div class="empty">
            <p>{t.orders.empty}</p>
            <p>
              <A href="/">{t.orders.browse}</A>
            </p>
          </div>
        }
        hasFound={(finder.answer()?.items.length ?? 0) > 0}
        found={table(t.search.caption, () => finder.answer()?.items ?? [])}
      >
        {(items) => table(t.orders.caption, items)}
      </SearchOrList>
    </section>
  );
}
