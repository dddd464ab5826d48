/**
 * The administration area's frame: its own tabs for administrators, and a plain refusal for everyone
 * else (the API refuses them too; this only saves them a page of errors).
 */
import { A, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { user } from '../account/session.ts';
import { DeadEnd } from '../lib/blocks.tsx';
import { t } from '../lib/strings.ts';
import { usePageTitle } from '../lib/ui.tsx';

function Refused() {
  usePageTitle(() => t.admin.refusedTitle);
  return (
    <DeadEnd
      testId="admin-refused"
      title={t.admin.refusedTitle}
      text={t.admin.refusedText}
      link={{ href: '/', text: t.admin.refusedHome }}
    />
  );
}

export default function AdminArea(props: RouteSectionProps) {
  return (
    <Show when={user()?.admin} fallback={<Refused />}>
      <div class="admin">
        <nav aria-label={t.admin.areaLabel} class="tabs">
          <ul class="tab-list">
            <li>
              <A class="tab-link" href="/admin/people">
                {t.admin.tabs.people}
              </A>
            </li>
            <li>
              <A class="tab-link" href="/admin/departments">
                {t.admin.tabs.departments}
              </A>
            </li>
            <li>
              <A class="tab-link" href="/admin/audit">
                {t.admin.tabs.audit}
              </A>
            </li>
          </ul>
        </nav>
        {props.children}
      </div>
    </Show>
  );
}
