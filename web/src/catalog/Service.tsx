import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { isAgentOf } from '#shared/permissions.ts';
import { localizeService } from '#shared/translate.ts';
import { departments, user } from '../account/session.ts';
import { api } from '../lib/api.ts';
import { Facts } from '../lib/blocks.tsx';
import { durationWords, formatDateTime, standardWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { language, t } from '../lib/strings.ts';
import { Prose, usePageTitle } from '../lib/ui.tsx';
import { approvalWords } from './approval.tsx';
import { OrderForm } from './OrderForm.tsx';
import './catalog.css';

export default function ServicePage() {
  const params = useParams<{ id: string }>();
  // In the reader's language where the department gave one; ids and choice values stay as they are.
  const service = createLoader(
    () => params.id,
    (id: string) => api.service(id).then((found) => localizeService(found, language)),
  );
  const depts = createLoader(
    () => true,
    () => departments(),
  );
  usePageTitle(() => service.value()?.name);

  const departmentName = (code: string) => depts.value()?.find((d) => d.code === code)?.name ?? code;

  return (
    <Loaded of={service}>
      {(s) => (
        <article class="service">
          <h1>{s().name}</h1>
          <p class="lead">{s().summary}</p>
          <Show when={user() && isAgentOf(user()!, s().department)}>
            <p>
              <A href={`/services/${encodeURIComponent(s().id)}/edit`}>{t.services.edit(s().name)}</A>
            </p>
          </Show>
          <Prose text={s().description} />

          <Facts
            facts={[
              {
                term: t.service.department,
                detail: (
                  <A href={`/departments/${encodeURIComponent(s().department)}`}>{departmentName(s().department)}</A>
                ),
              },
              { term: t.service.owner, detail: s().ownerName ?? s().ownerId },
              { term: t.service.standard, detail: standardWords(s().standard) },
              {
                when: s().promisedAt,
                term: t.service.promiseLabel,
                detail: t.service.doneBy(formatDateTime(s().promisedAt ?? '')),
                class: 'standard',
                testId: 'service-promise',
              },
              {
                term: t.service.approval,
                detail: approvalWords(s().approval, s().form, s().translations?.[language]),
                testId: 'service-approval',
              },
            ]}
          />

          <div class="columns">
            <Checklist
              id="inputs"
              title={t.service.inputsTitle}
              empty={t.service.inputsEmpty}
              items={s().inputs}
              meta={(input) =>
                `(${t.service.inputKind[input.kind] ?? input.kind}, ${input.required ? t.common.required : t.common.optional})`
              }
            />
            <Checklist
              id="deliverables"
              title={t.service.deliverablesTitle}
              empty={t.service.deliverablesEmpty}
              items={s().deliverables}
              meta={(d) => (d.required ? undefined : `(${t.common.optional})`)}
            />
          </div>

          <Show when={s().stages.length > 0}>
            <section aria-labelledby="stages-title">
              <h2 id="stages-title">{t.service.stagesTitle}</h2>
              <ol class="stages">
                <For each={s().stages}>
                  {(stage) => (
                    <li>
                      {stage.name}
                      <Show when={stage.targetMinutes}>
                        {(m) => (
                          <span class="meta"> ({t.service.stageTarget(durationWords(m(), s().standard.always))})</span>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </section>
          </Show>

          <section aria-labelledby="order-title" class="order-section">
            <h2 id="order-title">{t.service.orderTitle}</h2>
            <Show when={s().status === 'published'} fallback={<p class="notice warning">{t.service.notOrderable}</p>}>
              <OrderForm service={s()} />
            </Show>
          </section>
        </article>
      )}
    </Loaded>
  );
}

/** What the service asks for or delivers, each with a note in brackets. */
function Checklist<T extends { label: string }>(props: {
  id: string;
  title: string;
  empty: string;
  items: T[];
  meta: (item: T) => string | undefined;
}) {
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
        <ul class="checklist">
          <For each={props.items}>
            {(item) => (
              <li>
                {item.label} <Show when={props.meta(item)}>{(meta) => <span class="meta">{meta()}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
