import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { isAgentOf } from '#shared/permissions.ts';
import { localizeService } from '#shared/translate.ts';
import { departments, user } from '../account/session.ts';
import { api } from '../lib/api.ts';
import { durationWords, promiseDate, standardWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { language, t } from '../lib/strings.ts';
import { Prose, usePageTitle } from '../lib/ui.tsx';
import { OrderForm } from './OrderForm.tsx';

export default function ServicePage() {
  const params = useParams<{ id: string }>();
  // In the reader's language where the department gave one; ids and choice values stay as they are.
  const service = createLoader(
    () => params.id,
    (id: string) => api.service(id).then((found) => localizeService(found, language)),
  );
  const depts = createLoader(() => true, departments);
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

          <dl class="facts">
            <div>
              <dt>{t.service.department}</dt>
              <dd>
                <A href={`/departments/${encodeURIComponent(s().department)}`}>{departmentName(s().department)}</A>
              </dd>
            </div>
            <div>
              <dt>{t.service.owner}</dt>
              <dd>{s().ownerName ?? s().ownerId}</dd>
            </div>
            <div>
              <dt>{t.service.standard}</dt>
              <dd>{standardWords(s().standard)}</dd>
            </div>
            <Show when={s().promisedAt}>
              {(at) => (
                <div>
                  <dt>{t.service.promiseLabel}</dt>
                  <dd class="standard" data-testid="service-promise">
                    {t.service.doneBy(promiseDate(at()))}
                  </dd>
                </div>
              )}
            </Show>
            <div>
              <dt>{t.service.approval}</dt>
              <dd>
                {s().approval.kind === 'none'
                  ? t.service.approvalNone
                  : s().approval.kind === 'head'
                    ? t.service.approvalHead
                    : t.service.approvalNamed}
              </dd>
            </div>
          </dl>

          <div class="columns">
            <section aria-labelledby="inputs-title">
              <h2 id="inputs-title">{t.service.inputsTitle}</h2>
              <Show when={s().inputs.length > 0} fallback={<p class="empty">{t.service.inputsEmpty}</p>}>
                <ul class="checklist">
                  <For each={s().inputs}>
                    {(input) => (
                      <li>
                        {input.label}{' '}
                        <span class="meta">
                          ({t.service.inputKind[input.kind] ?? input.kind},{' '}
                          {input.required ? t.common.required : t.common.optional})
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <section aria-labelledby="deliverables-title">
              <h2 id="deliverables-title">{t.service.deliverablesTitle}</h2>
              <Show when={s().deliverables.length > 0} fallback={<p class="empty">{t.service.deliverablesEmpty}</p>}>
                <ul class="checklist">
                  <For each={s().deliverables}>
                    {(d) => (
                      <li>
                        {d.label}{' '}
                        <Show when={!d.required}>
                          <span class="meta">({t.common.optional})</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
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
