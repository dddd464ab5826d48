/**
 * Every department with its head and contact, and a form to create a new one (SPEC §1, §2): code,
 * name, contact, head, a business calendar to start from and the canvas, which may stay empty.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Canvas, Department, User } from '#shared/model.ts';
import { createDepartmentBody } from '#shared/service-schema.ts';
import { forgetDepartments } from '../account/session.ts';
import { CalendarEditor } from '../editor/CalendarEditor.tsx';
import { cleanCalendar } from '../editor/calendar.ts';
import { calendarProblems, defaultCalendar } from '../editor/calendar-check.ts';
import { ErrorSummary, FieldError, SelectField, TextArea, TextField } from '../editor/controls.tsx';
import { ApiError, api, errorMessage, type NewDepartmentBody } from '../lib/api.ts';
import { createLoader } from '../lib/data.ts';
import { CANVAS_ORDER } from '../lib/format.ts';
import { type FieldErrors, issuesToFields, withoutPath } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { ErrorNote, Loading, usePageTitle } from '../lib/ui.tsx';
import { byName } from './people.ts';

const pageOf = (code: string) => `/departments/${encodeURIComponent(code)}`;

function emptyCanvas(): Canvas {
  return {
    value: '',
    customerSegments: '',
    howToOrder: '',
    channels: '',
    keyProcesses: '',
    qualityChecks: '',
    standardsAndMetrics: '',
    resources: '',
    partners: '',
  };
}

/** The form's order, so the list of problems reads top to bottom. */
const FORM_ORDER = ['code', 'name', 'contactEmail', 'headId', 'calendar', 'canvas'];
const rank = (path: string) => {
  const i = FORM_ORDER.indexOf(path.split('.')[0] ?? '');
  return i === -1 ? FORM_ORDER.length : i;
};
const inFormOrder = (found: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(found).sort(([a], [b]) => rank(a) - rank(b)));

function blank(): NewDepartmentBody {
  return { code: '', name: '', contactEmail: '', headId: '', calendar: defaultCalendar(), canvas: emptyCanvas() };
}

export default function AdminDepartments() {
  usePageTitle(() => t.admin.departments.title);
  const data = createLoader(
    () => true,
    async () => {
      // The list stands on its own; without the people it shows the heads' ids.
      const [departments, users] = await Promise.all([api.departments(), api.users().catch(() => undefined)]);
      return { departments, users: users ? [...users].sort(byName) : undefined };
    },
  );
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<Department>();
  const sorted = createMemo(() => [...(data.value()?.departments ?? [])].sort((a, b) => a.code.localeCompare(b.code)));
  const nameOf = (id: string) => data.value()?.users?.find((u) => u.id === id)?.name ?? id;

  const close = () => {
    setCreating(false);
    queueMicrotask(() => document.getElementById('new-department')?.focus());
  };

  return (
    <section>
      <h1>{t.admin.departments.title}</h1>
      <p class="lead">{t.admin.departments.intro}</p>
      <Show
        when={data.value()}
        fallback={
          <Show when={data.error()} fallback={<Loading />}>
            {(e) => <ErrorNote error={e()} onRetry={() => void data.reload()} />}
          </Show>
        }
      >
        {(loaded) => (
          <>
            <div class="button-row">
              <button
                id="new-department"
                type="button"
                class="secondary"
                aria-expanded={creating()}
                aria-controls="department-create"
                onClick={() => {
                  setCreated(undefined);
                  setCreating((v) => !v);
                }}
              >
                {t.admin.departments.create}
              </button>
            </div>
            <div aria-live="polite">
              <Show when={created()}>
                {(d) => (
                  <div class="notice success" data-testid="department-created">
                    <p>{t.admin.departments.created(d().name, d().code)}</p>
                    <p>
                      <A href={pageOf(d().code)}>{t.admin.departments.openCreated(d().name)}</A>
                      <Show when={d().headId}>
                        {' · '}
                        <A href={`/admin/people?person=${encodeURIComponent(d().headId)}`}>
                          {t.admin.departments.headRole(nameOf(d().headId))}
                        </A>
                      </Show>
                    </p>
                  </div>
                )}
              </Show>
            </div>
            <div id="department-create">
              <Show when={creating()}>
                <CreateDepartment
                  users={loaded().users}
                  onClose={close}
                  onCreated={(department) => {
                    forgetDepartments();
                    data.set({ ...loaded(), departments: [...loaded().departments, department] });
                    setCreated(department);
                    close();
                  }}
                />
              </Show>
            </div>

            <Show when={sorted().length > 0} fallback={<p class="empty">{t.admin.departments.empty}</p>}>
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">{t.admin.departments.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.admin.departments.code}</th>
                      <th scope="col">{t.admin.departments.name}</th>
                      <th scope="col">{t.admin.departments.head}</th>
                      <th scope="col">{t.admin.departments.contact}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={sorted()}>
                      {(d) => (
                        <tr data-testid={`department-${d.code}`}>
                          <th scope="row">{d.code}</th>
                          <td>
                            <A href={pageOf(d.code)}>{d.name}</A>
                          </td>
                          <td>{d.headId ? nameOf(d.headId) : t.common.none}</td>
                          <td>
                            <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function CreateDepartment(props: {
  users: User[] | undefined;
  onCreated: (department: Department) => void;
  onClose: () => void;
}) {
  const [fields, setFields] = createSignal<NewDepartmentBody>(blank());
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  let summary: HTMLDivElement | undefined;

  const update = (path: string, patch: Partial<NewDepartmentBody>) => {
    setFields((f) => ({ ...f, ...patch }));
    setErrors((e) => withoutPath(e, path));
  };
  const setCanvas = (key: keyof Canvas, value: string) =>
    update(`canvas.${key}`, { canvas: { ...fields().canvas, [key]: value } });

  const headOptions = () => [
    { value: '', label: t.admin.departments.choose },
    ...(props.users ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
  ];

  function showErrors(found: FieldErrors) {
    setErrors(inFormOrder(found));
    queueMicrotask(() => summary?.focus());
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setFailure(undefined);
    const body: NewDepartmentBody = {
      ...fields(),
      code: fields().code.trim().toUpperCase(),
      contactEmail: fields().contactEmail.trim(),
      calendar: cleanCalendar(fields().calendar),
    };
    const parsed = createDepartmentBody.safeParse(body);
    const found = {
      ...(parsed.success ? {} : issuesToFields(parsed.error.issues)),
      ...calendarProblems(fields().calendar),
    };
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      props.onCreated(await api.createDepartment(body));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setFailure(error.message);
        showErrors({ code: t.admin.departments.exists(body.code) });
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setFailure(error.message);
        showErrors(error.fields);
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="editor-form" novalidate aria-labelledby="dept-create-title" onSubmit={(e) => void submit(e)}>
      <h2 id="dept-create-title">{t.admin.departments.createTitle}</h2>
      <p class="hint">{t.common.requiredNote}</p>
      <ErrorSummary errors={errors()} ref={(el) => (summary = el)} />

      <TextField
        path="code"
        label={t.admin.departments.codeLabel}
        hint={t.admin.departments.codeHint}
        required
        value={fields().code}
        error={errors().code}
        onInput={(code) => update('code', { code: code.toUpperCase() })}
      />
      <TextField
        path="name"
        label={t.department.name}
        required
        value={fields().name}
        error={errors().name}
        onInput={(name) => update('name', { name })}
      />
      <TextField
        path="contactEmail"
        type="email"
        label={t.department.contactEmail}
        autocomplete="email"
        required
        value={fields().contactEmail}
        error={errors().contactEmail}
        onInput={(contactEmail) => update('contactEmail', { contactEmail })}
      />
      <Show
        when={props.users}
        fallback={
          <>
            <p class="notice warning">{t.admin.departments.peopleError}</p>
            <TextField
              path="headId"
              label={t.admin.departments.headId}
              required
              value={fields().headId}
              error={errors().headId}
              onInput={(headId) => update('headId', { headId })}
            />
          </>
        }
      >
        <SelectField
          path="headId"
          label={t.admin.departments.headLabel}
          hint={t.admin.departments.headHint}
          required
          value={fields().headId}
          options={headOptions()}
          error={errors().headId}
          onChange={(headId) => update('headId', { headId })}
        />
      </Show>

      <CalendarEditor
        calendar={fields().calendar}
        errors={errors()}
        onChange={(calendar) => {
          setFields((f) => ({ ...f, calendar }));
          setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('calendar'))));
        }}
      />
      <FieldError path="calendar" error={errors().calendar} />

      <fieldset class="field">
        <legend>{t.department.canvasEdit}</legend>
        <p class="hint">{t.admin.departments.canvasHint}</p>
        <For each={CANVAS_ORDER}>
          {(key) => (
            <TextArea
              path={`canvas.${key}`}
              label={t.department.canvas[key]}
              value={fields().canvas[key]}
              error={errors()[`canvas.${key}`]}
              onInput={(v) => setCanvas(key, v)}
            />
          )}
        </For>
      </fieldset>

      <Show when={failure()}>
        <div class="notice error" role="alert">
          <p>{failure()}</p>
        </div>
      </Show>
      <div class="button-row sticky-actions">
        <button type="submit" class="primary" disabled={saving()}>
          {saving() ? t.admin.departments.creating : t.admin.departments.submit}
        </button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t.admin.departments.cancel}
        </button>
      </div>
    </form>
  );
}
