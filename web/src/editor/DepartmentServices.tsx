import { A, useParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { offersSetup } from '#shared/setup.ts';
import { api } from '../lib/api.ts';
import { heads, Table } from '../lib/blocks.tsx';
import { DepartmentPage, HeadOnly } from '../lib/department-page.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { DateCell, ServiceStatusBadge } from '../lib/ui.tsx';
import { SERVICE_STATUS_ORDER } from '../order/orders.ts';
import { tp } from '../process/words.ts';
import { SetupLinks } from '../setup/links.tsx';
import './editor.css';

/** All services of a department, drafts and retired ones included, for its team. */
export default function DepartmentServices() {
  const params = useParams<{ code: string }>();
  const services = createLoader(() => params.code, api.departmentServices);
  const members = createLoader(
    () => params.code,
    (code: string) => api.members(code).catch(() => []),
  );
  const sorted = createMemo(() =>
    [...(services.value() ?? [])].sort(
      (a, b) => SERVICE_STATUS_ORDER[a.status] - SERVICE_STATUS_ORDER[b.status] || a.name.localeCompare(b.name),
    ),
  );
  const person = (id: string) => members.value()?.find((m) => m.id === id)?.name ?? (id || t.common.nobody);

  return (
    <DepartmentPage code={params.code} title={t.services.title(params.code)} intro={t.services.intro}>
      <HeadOnly code={params.code} admins refusal={t.services.headOnly}>
        <p>
          <A class="button-link primary" href={`/departments/${encodeURIComponent(params.code)}/services/new`}>
            {t.services.new}
          </A>{' '}
          <A class="button-link" href={`/departments/${encodeURIComponent(params.code)}/transfer`}>
            {t.transfer.link}
          </A>{' '}
          <SetupLinks code={params.code} offer={offersSetup(services.value() ?? [{ status: 'published' }])} />
        </p>
      </HeadOnly>
      <Loaded of={services}>
        <Show when={sorted().length > 0} fallback={<p class="empty">{t.services.empty}</p>}>
          <Table
            caption={t.services.caption}
            head={heads(t.services, 'name', 'status', 'version', 'owner', 'updated')}
            each={sorted()}
          >
            {(s) => (
              <tr>
                <th scope="row">
                  <A href={`/services/${encodeURIComponent(s.id)}/edit`}>{s.name}</A>
                  <span class="meta block">{s.id}</span>
                  <span class="meta block">
                    <A
                      href={`/departments/${encodeURIComponent(params.code)}/services/${encodeURIComponent(s.id)}/process`}
                    >
                      {tp.nav.processMap}
                    </A>
                    {' · '}
                    <A
                      href={`/departments/${encodeURIComponent(params.code)}/services/${encodeURIComponent(s.id)}/sipoc`}
                    >
                      {tp.nav.sipoc}
                    </A>
                  </span>
                </th>
                <td>
                  <ServiceStatusBadge status={s.status} />
                </td>
                <td>{s.publication || '—'}</td>
                <td>{person(s.ownerId)}</td>
                <DateCell iso={s.updatedAt} />
              </tr>
            )}
          </Table>
        </Show>
      </Loaded>
    </DepartmentPage>
  );
}
