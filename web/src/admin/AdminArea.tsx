/**
 * The administration area's frame: its own tabs for administrators, and a plain refusal for everyone
 * else (the API refuses them too; this only saves them a page of errors).
 */
import type { RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { user } from '../account/session.ts';
import { DeadEnd, Tabs } from '../lib/blocks.tsx';
import { t } from '../lib/strings.ts';
import './admin.css';

function Refused() {
  const ways = [
    { href: '/', text: t.admin.refusedHome },
    { href: '/orders', text: t.waysBack.myOrders },
  ];
  return <DeadEnd testId="admin-refused" title={t.admin.refusedTitle} text={t.admin.refusedText} ways={ways} />;
}

export default function AdminArea(props: RouteSectionProps) {
  return (
    <Show when={user()?.admin} fallback={<Refused />}>
      <div class="admin">
        <Tabs
          label={t.admin.areaLabel}
          tabs={[
            { href: '/admin/people', text: t.admin.tabs.people },
            { href: '/admin/departments', text: t.admin.tabs.departments },
            { href: '/admin/audit', text: t.admin.tabs.audit },
            { href: '/admin/privacy', text: t.admin.tabs.privacy },
          ]}
        />
        {props.children}
      </div>
    </Show>
  );
}
