import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ACTIVE_STATUSES } from '#shared/lifecycle.ts';
import { api } from '../lib/api.ts';
import { heads, Table } from '../lib/blocks.tsx';
import { createPager, Loaded, LoadMore } from '../lib/load.tsx';
import { createReaderOptions, SlaCell } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { DateTime, StatusBadge, usePageTitle } from '../lib/ui.tsx';

export default function MyOrders() {
  usePageTitle(() => t.orders.title);
  const pager = createPager(
    () => true,
    (_s: boolean, cursor?: string) => api.myOrders(cursor),
  );
  const wordsFor = createReaderOptions();
  const now = new Date();

  return (
    <section>
      <h1>{t.orders.title}</h1>
      <Loaded
        of={pager}
        failures="after"
        empty={
          <div class="empty">
            <p>{t.orders.empty}</p>
            <p>
              <A href="/">{t.orders.browse}</A>
            </p>
          </div>
        }
      >
        {(items) => (
          <Table
            caption={t.orders.caption}
            head={heads(t.orders, 'number', 'orderTitle', 'service', 'status', 'due', 'updated')}
          >
            <For each={items()}>
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
                    {/* Due words only while the team owes work; afterwards whether the standard was kept. */}
                    <Show
                      when={ACTIVE_STATUSES.has(o.status) || o.status === 'resolved' || o.status === 'closed'}
                      fallback={t.common.none}
                    >
                      <SlaCell
                        sla={o.sla}
                        options={wordsFor(o.department)}
                        now={now}
                        stopped={!ACTIVE_STATUSES.has(o.status)}
                      />
                    </Show>
                  </td>
                  <td>
                    <DateTime iso={o.updatedAt} />
                  </td>
                </tr>
              )}
            </For>
          </Table>
        )}
      </Loaded>
      <LoadMore of={pager} />
    </section>
  );
}
