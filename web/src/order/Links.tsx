/** The case around an order: the order it came from, and the orders it started (with their status). */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Order } from '#shared/model.ts';
import { t } from '../lib/strings.ts';
import { StatusBadge } from '../lib/ui.tsx';

const orderHref = (n: string) => `/orders/${encodeURIComponent(n)}`;

export function LinkedOrders(props: { order: Order }) {
  return (
    <Show when={props.order.parentNumber || props.order.children.length > 0}>
      <section aria-labelledby="links-title" class="links">
        <h2 id="links-title">{t.order.linksTitle}</h2>
        <Show when={props.order.parentNumber}>
          {(parent) => (
            <p>
              {t.order.partOf}: <A href={orderHref(parent())}>{parent()}</A>
            </p>
          )}
        </Show>
        <Show when={props.order.children.length > 0}>
          <h3>{t.order.children}</h3>
          <ul class="link-list" data-testid="children">
            <For each={props.order.children}>
              {(child) => (
                <li>
                  <A href={orderHref(child.number)}>{child.number}</A> <span>{child.serviceName}</span>{' '}
                  <span class="meta">
                    ({child.department}, {t.order.relation[child.relation] ?? child.relation})
                  </span>{' '}
                  <StatusBadge status={child.status} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}
