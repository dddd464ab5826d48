/**
 * People and their roles (SPEC §1): a searchable list of everyone, and for the chosen person the role
 * in each department and the administrator role. Every change is audited by the API.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Department, DepartmentRole, User } from '#shared/model.ts';
import { setCurrentUser, user } from '../account/session.ts';
import { CheckField, FieldError, SelectField } from '../editor/controls.tsx';
import { api } from '../lib/api.ts';
import { heads, Page, Table } from '../lib/blocks.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import type { RoleSet } from './audit.ts';
import { byName, cleanMemberships, headMismatches, personMatches, roleSummary, sameRoles } from './people.ts';

const rowButtonId = (id: string) => `person-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export default function AdminPeople() {
  const [params, setParams] = useSearchParams<{ person?: string; q?: string }>();
  const data = createLoader(
    () => true,
    async () => {
      const [users, departments] = await Promise.all([api.users(), api.departments()]);
      return {
        users: [...users].sort(byName),
        departments: [...departments].sort((a, b) => a.code.localeCompare(b.code)),
      };
    },
  );
  const query = () => params.q ?? '';
  const found = createMemo(() => (data.value()?.users ?? []).filter((u) => personMatches(u, query())));
  const chosenId = () => (data.value()?.users.some((u) => u.id === params.person) ? params.person : undefined);

  const choose = (id: string) => {
    setParams({ person: id });
    queueMicrotask(() => document.getElementById('role-editor-title')?.focus());
  };
  const close = () => {
    const id = params.person;
    setParams({ person: undefined });
    if (id) queueMicrotask(() => document.getElementById(rowButtonId(id))?.focus());
  };

  const replaceUser = (saved: User) => {
    const current = data.value();
    if (current) data.set({ ...current, users: current.users.map((u) => (u.id === saved.id ? saved : u)) });
  };

  return (
    <Page title={t.admin.people.title} intro={t.admin.people.intro}>
      <Loaded of={data}>
        {(loaded) => (
          <>
            <Show when={chosenId()} keyed>
              {(id) => (
                <RoleEditor
                  person={loaded().users.find((u) => u.id === id) as User}
                  departments={loaded().departments}
                  nameOf={(other) => loaded().users.find((u) => u.id === other)?.name ?? other}
                  onSaved={replaceUser}
                  onClose={close}
                />
              )}
            </Show>

            <div class="search">
              <label for="people-search">{t.admin.people.search}</label>
              <input
                id="people-search"
                type="search"
                autocomplete="off"
                aria-describedby="people-search-hint"
                value={query()}
                onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
              />
              <p id="people-search-hint" class="hint">
                {t.admin.people.searchHint}
              </p>
            </div>
            <p class="count" aria-live="polite">
              {t.admin.people.count(found().length, loaded().users.length)}
            </p>
            <Show when={loaded().users.length > 0} fallback={<p class="empty">{t.admin.people.empty}</p>}>
              <Show when={found().length > 0} fallback={<p class="empty">{t.admin.people.noMatch(query().trim())}</p>}>
                <Table
                  class="people-table"
                  caption={t.admin.people.caption}
                  head={heads(t.admin.people, 'name', 'email', 'department', 'location', 'roles')}
                  each={found()}
                >
                  {(person) => (
                    <tr classList={{ chosen: person.id === chosenId() }}>
                      <th scope="row">
                        <button
                          id={rowButtonId(person.id)}
                          type="button"
                          class="link-button"
                          aria-controls="role-editor"
                          aria-expanded={person.id === chosenId()}
                          onClick={() => choose(person.id)}
                        >
                          {person.name}
                        </button>
                      </th>
                      <td>{person.email}</td>
                      <td>{person.department ?? t.common.none}</td>
                      <td>{person.location ?? t.common.none}</td>
                      <td data-testid={`roles-${person.id}`}>{roleSummary(person)}</td>
                    </tr>
                  )}
                </Table>
              </Show>
            </Show>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function RoleEditor(props: {
  person: User;
  departments: Department[];
  nameOf: (id: string) => string;
  onSaved: (user: User) => void;
  onClose: () => void;
}) {
  const [choices, setChoices] = createSignal<Record<string, DepartmentRole | ''>>({ ...props.person.memberships });
  const [admin, setAdmin] = createSignal(props.person.admin);
  const [saved, setSaved] = createSignal<RoleSet>({ memberships: props.person.memberships, admin: props.person.admin });
  const save = createSubmit(
    async (body: RoleSet) => {
      const next = await api.setRoles(props.person.id, body);
      setSaved({ memberships: next.memberships, admin: next.admin });
      if (isSelf()) setCurrentUser(next);
      props.onSaved(next);
      return next;
    },
    { done: (next) => t.admin.editor.saved(next.name) },
  );
  const isSelf = () => user()?.id === props.person.id;
  const known = createMemo(() => new Set(props.departments.map((d) => d.code)));
  const memberships = () => cleanMemberships(choices(), known());
  const mismatches = () => headMismatches(props.person.id, memberships(), props.departments);

  const choose = (code: string, role: DepartmentRole | '') => {
    setChoices((c) => ({ ...c, [code]: role }));
    save.clear();
  };

  function submit() {
    const body = { memberships: memberships(), admin: admin() };
    if (sameRoles(body, saved())) save.said(t.admin.editor.unchanged);
    else void save.run(body);
  }

  const headName = (id: string) => (id ? props.nameOf(id) : t.admin.editor.nobody);

  return (
    <form
      id="role-editor"
      class="editor-form role-editor surface"
      novalidate
      aria-labelledby="role-editor-title"
      onSubmit={submitWith(submit)}
    >
      <h2 id="role-editor-title" tabIndex={-1}>
        {t.admin.editor.title(props.person.name)}
      </h2>
      <p class="meta">{props.person.email}</p>
      <p class="hint">{t.admin.editor.intro}</p>

      <fieldset class="field role-grid">
        <legend>{t.admin.editor.departments}</legend>
        <Show when={props.departments.length > 0} fallback={<p class="empty">{t.admin.editor.noDepartments}</p>}>
          <For each={props.departments}>
            {(department) => (
              <SelectField<DepartmentRole | ''>
                path={`memberships.${department.code}`}
                label={t.admin.editor.departmentLabel(department.name, department.code)}
                value={choices()[department.code] ?? ''}
                options={[
                  { value: '', label: t.admin.editor.noRole },
                  { value: 'agent', label: t.admin.editor.agent },
                  { value: 'head', label: t.admin.editor.head },
                ]}
                onChange={(role) => choose(department.code, role)}
              />
            )}
          </For>
        </Show>
        <FieldError path="memberships" error={save.fields().memberships} />
      </fieldset>

      <Show when={mismatches().length > 0}>
        <div class="notice warning" data-testid="head-hint">
          <For each={mismatches()}>
            {(m) => (
              <p>
                {m.kind === 'head'
                  ? t.admin.editor.headHint(props.person.name, m.department.name, headName(m.department.headId))
                  : t.admin.editor.headGoneHint(props.person.name, m.department.name)}{' '}
                <A href={`/departments/${encodeURIComponent(m.department.code)}`}>
                  {t.admin.editor.headLink(m.department.name)}
                </A>
              </p>
            )}
          </For>
        </div>
      </Show>

      <CheckField
        path="admin"
        label={t.admin.editor.admin}
        hint={isSelf() && !admin() ? t.admin.editor.adminSelf : t.admin.editor.adminHint}
        checked={admin()}
        error={save.fields().admin}
        onChange={(value) => {
          setAdmin(value);
          save.clear();
        }}
      />

      <FormEnd
        of={save}
        noticeTestId="roles-notice"
        busy={t.common.saving}
        submit={t.admin.editor.save}
        close={{ text: t.admin.editor.close, onClick: props.onClose }}
      />
    </form>
  );
}
