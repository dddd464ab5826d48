/**
 * Every department with its head and contact, and a form to create a new one (SPEC §1, §2): code,
 * name, contact, head, a business calendar to start from and the canvas, which may stay empty.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import type { Canvas, Department, User } from '#shared/model.ts';
import { createDepartmentBody } from '#shared/service-schema.ts';
import { forgetDepartments } from '../account/session.ts';
import { defaultCalendar } from '../editor/calendar-check.ts';
import { editorRefusal, TextField } from '../editor/controls.tsx';
import {
  CalendarFields,
  CanvasFields,
  ContactFields,
  createDepartmentForm,
  HeadField,
} from '../editor/department-form.tsx';
import { api, type NewDepartmentBody } from '../lib/api.ts';
import { heads, Page, Table, Toggle } from '../lib/blocks.tsx';
import { CANVAS_ORDER } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import type { FieldErrors } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import { createToggled } from '../lib/toggled.ts';
import { byName } from './people.ts';

const pageOf = (code: string) => `/departments/${encodeURIComponent(code)}`;

const emptyCanvas = (): Canvas =>
  Object.fromEntries(CANVAS_ORDER.map((key) => [key, ''])) as Record<keyof Canvas, string>;

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
  const data = createLoader(
    () => true,
    async () => {
      // The list stands on its own; without the people it shows the heads' ids.
      const [departments, users] = await Promise.all([api.departments(), api.users().catch(() => undefined)]);
      return { departments, users: users ? [...users].sort(byName) : undefined };
    },
  );
  const [created, setCreated] = createSignal<Department>();
  const creating = createToggled('new-department', () => setCreated(undefined));
  const sorted = createMemo(() => [...(data.value()?.departments ?? [])].sort((a, b) => a.code.localeCompare(b.code)));
  const nameOf = (id: string) => data.value()?.users?.find((u) => u.id === id)?.name ?? id;

  return (
    <Page title={t.admin.departments.title} intro={t.admin.departments.intro}>
      <Loaded of={data}>
        {(loaded) => (
          <>
            <div class="button-row">
              <Toggle
                id="new-department"
                controls="department-create"
                open={creating.open()}
                onToggle={creating.toggle}
              >
                {t.admin.departments.create}
              </Toggle>
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
              <Show when={creating.open()}>
                <CreateDepartment
                  users={loaded().users}
                  onClose={creating.close}
                  onCreated={(department) => {
                    forgetDepartments();
                    data.set({ ...loaded(), departments: [...loaded().departments, department] });
                    setCreated(department);
                    creating.close();
                  }}
                />
              </Show>
            </div>

            <Show when={sorted().length > 0} fallback={<p class="empty">{t.admin.departments.empty}</p>}>
              <Table
                caption={t.admin.departments.caption}
                head={heads(t.admin.departments, 'code', 'name', 'head', 'contact')}
                each={sorted()}
              >
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
              </Table>
            </Show>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function CreateDepartment(props: {
  users: User[] | undefined;
  onCreated: (department: Department) => void;
  onClose: () => void;
}) {
  const form = createDepartmentForm<NewDepartmentBody>(blank(), inFormOrder);
  const create = createSubmit((body: NewDepartmentBody) => api.createDepartment(body).then(props.onCreated), {
    failed: editorRefusal(form.errors, () => {
      form.errors.show({ code: t.admin.departments.exists(form.fields().code.trim().toUpperCase()) });
      return undefined;
    }),
  });

  const headOptions = () =>
    props.users && [
      { value: '', label: t.admin.departments.choose },
      ...props.users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    ];

  function submit() {
    create.clear();
    const f = form.fields();
    const body = form.check(
      { ...f, code: f.code.trim().toUpperCase(), contactEmail: f.contactEmail.trim() },
      createDepartmentBody,
    );
    if (body) void create.run(body);
  }

  return (
    <form class="editor-form surface" novalidate aria-labelledby="dept-create-title" onSubmit={submitWith(submit)}>
      <h2 id="dept-create-title">{t.admin.departments.createTitle}</h2>
      <p class="hint">{t.common.requiredNote}</p>
      <form.errors.Summary />

      <TextField
        path="code"
        label={t.admin.departments.codeLabel}
        hint={t.admin.departments.codeHint}
        required
        value={form.fields().code}
        error={form.errors.errors().code}
        onInput={(code) => form.update('code', { code: code.toUpperCase() })}
      />
      <ContactFields form={form} />
      <HeadField
        form={form}
        options={headOptions()}
        words={{
          label: t.admin.departments.headLabel,
          hint: t.admin.departments.headHint,
          listError: t.admin.departments.peopleError,
          typed: t.admin.departments.headId,
        }}
      />
      <CalendarFields form={form} />
      <CanvasFields form={form} hint={t.admin.departments.canvasHint} />

      <FormEnd
        of={create}
        busy={t.admin.departments.creating}
        submit={t.admin.departments.submit}
        close={{ text: t.admin.departments.cancel, onClick: props.onClose }}
        sticky
      />
    </form>
  );
}
