/**
 * The head's views of the department, one link each: quality (the dashboard), goals, customers,
 * capacity, the service ranking. The current one is marked for screen readers as well as visually.
 */
import { A, useLocation } from '@solidjs/router';
import { For } from 'solid-js';
import { tc } from '../process/canvas-words.ts';
import { tp } from '../process/words.ts';
import { ti } from './insight-words.ts';

const VIEWS = ['dashboard', 'goals', 'customers', 'capacity', 'ranking'] as const;

export function InsightNav(props: { code: string }) {
  const location = useLocation();
  const href = (view: (typeof VIEWS)[number]) => `/departments/${encodeURIComponent(props.code)}/${view}`;
  const words = {
    dashboard: ti.nav.quality,
    goals: ti.nav.goals,
    customers: ti.nav.customers,
    capacity: ti.nav.capacity,
    ranking: tc.canvas.ranking,
  };
  return (
    <nav class="insight-nav" aria-label={ti.nav.label}>
      <ul class="insight-nav-list">
        <For each={VIEWS}>
          {(view) => (
            <li>
              <A
                class="insight-nav-link"
                href={href(view)}
                aria-current={location.pathname === href(view) ? 'page' : undefined}
              >
                {words[view]}
              </A>
            </li>
          )}
        </For>
        <li>
          <A
            class="insight-nav-link"
            href="/handoffs"
            aria-current={location.pathname === '/handoffs' ? 'page' : undefined}
          >
            {tp.nav.handoffs}
          </A>
        </li>
      </ul>
    </nav>
  );
}
