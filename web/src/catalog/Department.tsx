import { A, useParams } from '@solidjs/router';
import { createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { todayIn } from '#shared/dates.ts';
import type { Canvas, Department, DepartmentGoal } from '#shared/model.ts';
import { isAgentOf, isHeadOf } from '#shared/permissions.ts';
import { user } from '../account/session.ts';
import { goalFigureWords } from '../dashboard/goal-words.ts';
import { ti } from '../dashboard/insight-words.ts';
import { dayWords } from '../dashboard/period.ts';
import { api } from '../lib/api.ts';
import { Toggle } from '../lib/blocks.tsx';
import { CANVAS_ORDER } from '../lib/format.ts';
import { LiveNotice } from '../lib/live-notice.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createToggled } from '../lib/toggled.ts';
import { Loading, Prose, usePageTitle } from '../lib/ui.tsx';
import { SetupLinks } from '../setup/links.tsx';
import { workingHoursLines } from './hours.ts';
import { ServiceList } from './ServiceList.tsx';
import './catalog.css';

/** The goals still running or ahead on the department's today: what it promises now. */
function promises(department: Pick<Department, 'goals' | 'calendar'>): DepartmentGoal[] {
  const today = todayIn(department.calendar.timeZone);
  return (department.goals ?? []).filter((g) => g.to >= today);
}

// Only heads and admins edit; everyone else never loads the editor (or its schemas).
const DepartmentEditor = lazy(() => import('../editor/DepartmentEditor.tsx'));
// Only the head reads the live figures beside the canvas; nobody else loads them.
const LivingCanvas = lazy(() => import('../process/LivingCanvas.tsx'));

export default function DepartmentPage() {
  const params = useParams<{ code: string }>();
  const page = createLoader(() => params.code, api.department);
  const [notice, setNotice] = createSignal<string>();
  const editor = createToggled('edit-department', () => setNotice(undefined));
  usePageTitle(() => page.value()?.department.name);

  const isTeam = () => {
    const u = user();
    return u !== undefined && (u.admin || isAgentOf(u, params.code));
  };
  const canEdit = () => {
    const u = user();
    return u !== undefined && (u.admin || isHeadOf(u, params.code));
  };

  return (
    <Loaded of={page}>
      {(data) => (
        <article>
          <h1>{data().department.name}</h1>
          <p>
            {t.department.contact}:{' '}
            <a href={`mailto:${data().department.contactEmail}`}>{data().department.contactEmail}</a>
          </p>
          <section aria-labelledby="hours-title" class="working-hours" data-testid="working-hours">
            <h2 id="hours-title">{t.workingHours.title}</h2>
            <Show when={!data().department.calendar.always} fallback={<p>{t.workingHours.always}</p>}>
              <ul>
                <For each={workingHoursLines(data().department.calendar, t.locale)}>{(line) => <li>{line}</li>}</For>
              </ul>
              <p class="hint">{t.workingHours.zone(data().department.calendar.timeZone)}</p>
            </Show>
          </section>
          <Show when={isTeam() || canEdit()}>
            <div class="button-row">
              <Show when={isTeam()}>
                <A class="button-link" href={`/departments/${encodeURIComponent(params.code)}/services`}>
                  {t.department.manageServices}
                </A>
              </Show>
              <Show when={user() !== undefined && isHeadOf(user()!, params.code)}>
                <A class="button-link" href={`/departments/${encodeURIComponent(params.code)}/integrations`}>
                  {t.integrations.link}
                </A>
                <A class="button-link" href={`/departments/${encodeURIComponent(params.code)}/inbound`}>
                  {t.inbound.link}
                </A>
                <SetupLinks code={params.code} offer={data().services.length === 0} setupOnly />
              </Show>
              <Show when={canEdit()}>
                <Toggle id="edit-department" controls="department-editor" open={editor.open()} onToggle={editor.toggle}>
                  {t.department.edit}
                </Toggle>
              </Show>
            </div>
          </Show>
          <LiveNotice text={notice()} />
          <div id="department-editor">
            <Show when={editor.open()}>
              <Suspense fallback={<Loading />}>
                <DepartmentEditor
                  department={data().department}
                  onClose={editor.close}
                  onSaved={(department) => {
                    page.set({ ...data(), department });
                    setNotice(t.department.saved);
                    editor.close();
                  }}
                />
              </Suspense>
            </Show>
          </div>

          <section aria-labelledby="services-title">
            <h2 id="services-title">{t.department.services}</h2>
            <Show when={data().services.length > 0} fallback={<p class="empty">{t.department.noServices}</p>}>
              <ServiceList services={data().services} />
            </Show>
          </section>

          <Show when={promises(data().department).length > 0}>
            <section aria-labelledby="promises-title" class="promises">
              <h2 id="promises-title">{ti.canvas.title}</h2>
              <ul class="promises-list">
                <For each={promises(data().department)}>
                  {(goal) => (
                    <li class="promises-item" data-testid="promise">
                      <strong>{ti.promise[goal.metric](goalFigureWords(goal.metric, goal.target))}</strong>{' '}
                      <Show when={goal.serviceId}>
                        {(id) => (
                          <span>{ti.canvas.forService(data().services.find((s) => s.id === id())?.name ?? id())} </span>
                        )}
                      </Show>
                      <span class="meta">{ti.canvas.period(dayWords(goal.from), dayWords(goal.to))}</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>

          <Show
            when={user() !== undefined && isHeadOf(user()!, params.code)}
            fallback={<PlainCanvas canvas={data().department.canvas} />}
          >
            <Suspense fallback={<PlainCanvas canvas={data().department.canvas} />}>
              <LivingCanvas code={params.code} canvas={data().department.canvas} />
            </Suspense>
          </Show>
        </article>
      )}
    </Loaded>
  );
}

/** The canvas in the department's words, as everyone but its head sees it. */
function PlainCanvas(props: { canvas: Canvas }) {
  return (
    <section aria-labelledby="canvas-title">
      <h2 id="canvas-title">{t.department.canvasTitle}</h2>
      <div class="canvas">
        <For each={CANVAS_ORDER}>
          {(key) => (
            <section class="canvas-cell surface" aria-labelledby={`canvas-${key}`}>
              <h3 id={`canvas-${key}`}>{t.department.canvas[key]}</h3>
              <Prose text={props.canvas[key]} />
            </section>
          )}
        </For>
      </div>
    </section>
  );
}
