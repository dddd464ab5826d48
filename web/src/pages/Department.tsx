import { useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Canvas } from '#shared/model.ts';
import { api } from '../api.ts';
import { createLoader } from '../data.ts';
import { t } from '../strings.ts';
import { ErrorNote, Loading, Prose, ServiceList, usePageTitle } from '../ui.tsx';

const CANVAS_ORDER: Array<keyof Canvas> = [
  'value',
  'customerSegments',
  'howToOrder',
  'channels',
  'keyProcesses',
  'qualityChecks',
  'standardsAndMetrics',
  'resources',
  'partners',
];

export default function DepartmentPage() {
  const params = useParams<{ code: string }>();
  const page = createLoader(() => params.code, api.department);
  usePageTitle(() => page.value()?.department.name);

  return (
    <Show
      when={page.value()}
      fallback={
        <Show when={page.error()} fallback={<Loading />}>
          {(e) => <ErrorNote error={e()} onRetry={() => void page.reload()} />}
        </Show>
      }
    >
      {(data) => (
        <article>
          <h1>{data().department.name}</h1>
          <p>
            {t.department.contact}:{' '}
            <a href={`mailto:${data().department.contactEmail}`}>{data().department.contactEmail}</a>
          </p>

          <section aria-labelledby="services-title">
            <h2 id="services-title">{t.department.services}</h2>
            <Show when={data().services.length > 0} fallback={<p class="empty">{t.department.noServices}</p>}>
              <ServiceList services={data().services} />
            </Show>
          </section>

          <section aria-labelledby="canvas-title">
            <h2 id="canvas-title">{t.department.canvasTitle}</h2>
            <div class="canvas">
              <For each={CANVAS_ORDER}>
                {(key) => (
                  <section class="canvas-cell" aria-labelledby={`canvas-${key}`}>
                    <h3 id={`canvas-${key}`}>{t.department.canvas[key]}</h3>
                    <Prose text={data().department.canvas[key]} />
                  </section>
                )}
              </For>
            </div>
          </section>
        </article>
      )}
    </Show>
  );
}
