/**
 * "Edit department" for its head or an admin: name, contact, head, canvas and business calendar.
 * Checked with the API's own schema before sending; the server's messages land by path.
 */

import { createSignal } from 'solid-js';
import type { Department } from '#shared/model.ts';
import { updateDepartmentBody } from '#shared/service-schema.ts';
import { api, type DepartmentFields } from '../lib/api.ts';
import { createLoader } from '../lib/load.tsx';
import { controlId } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import { ConflictChoices, editorRefusal } from './controls.tsx';
import { CalendarFields, CanvasFields, ContactFields, createDepartmentForm, HeadField } from './department-form.tsx';

function fieldsOf(d: Department): DepartmentFields {
  return structuredClone({
    name: d.name,
    contactEmail: d.contactEmail,
    headId: d.headId,
    calendar: d.calendar,
    canvas: d.canvas,
  });
}

export default function DepartmentEditor(props: {
  department: Department;
  onSaved: (department: Department) => void;
  onClose: () => void;
}) {
  const form = createDepartmentForm(fieldsOf(props.department));
  const [version, setVersion] = createSignal(props.department.version);
  const [conflict, setConflict] = createSignal<{ theirs?: Department }>();
  const members = createLoader(() => props.department.code, api.members);
  const save = createSubmit(
    async (body: DepartmentFields & { version: number }) => {
      const saved = await api.updateDepartment(props.department.code, body);
      setConflict(undefined);
      props.onSaved(saved);
    },
    {
      failed: editorRefusal(form.errors, (error) => {
        setConflict(error.current && typeof error.current === 'object' ? { theirs: error.current as Department } : {});
        return t.department.conflict;
      }),
    },
  );

  const headOptions = () => {
    if (members.error()) return undefined;
    const list = (members.value() ?? []).map((m) => ({
      value: m.id,
      label: t.order.assignMember(m.name, t.order.roles[m.role] ?? m.role),
    }));
    const head = form.fields().headId;
    if (head && !list.some((o) => o.value === head)) list.unshift({ value: head, label: head });
    return list;
  };

  function submit() {
    save.clear();
    const body = form.check({ ...form.fields(), version: version() }, updateDepartmentBody);
    if (body) void save.run(body);
  }

  const theirs = async () =>
    conflict()?.theirs ?? (await api.department(props.department.code).catch(() => undefined))?.department;

  async function loadTheirs() {
    const found = await theirs();
    if (!found) return;
    form.set(fieldsOf(found));
    setVersion(found.version);
    setConflict(undefined);
    save.clear();
    form.errors.clear();
  }

  async function keepMine() {
    const found = await theirs();
    if (found) setVersion(found.version);
    setConflict(undefined);
    save.clear();
  }

  return (
    <form class="editor-form surface" novalidate aria-labelledby="dept-edit-title" onSubmit={submitWith(submit)}>
      <h2 id="dept-edit-title">{t.department.editTitle}</h2>
      <p class="hint">{t.common.requiredNote}</p>
      <form.errors.Summary />

      <ContactFields form={form} />
      <HeadField
        form={form}
        options={headOptions()}
        words={{
          label: t.department.headLabel,
          hint: t.department.headHint,
          listError: t.department.membersError,
          typed: t.department.headId,
        }}
      />
      <CanvasFields form={form} hint={t.department.canvasHint} />
      <CalendarFields form={form} />

      <FormEnd
        of={save}
        id={controlId('department-failure')}
        busy={t.common.saving}
        submit={t.common.save}
        close={{ text: t.common.neverMind, onClick: props.onClose }}
        sticky
      >
        <ConflictChoices when={conflict()} words={t.department} onLoad={loadTheirs} onKeep={keepMine} />
      </FormEnd>
    </form>
  );
}
