/**
 * "Edit department" for its head or an admin: name, contact, head, canvas and business calendar.
 * Checked with the API's own schema before sending; the server's messages land by path.
 */

import { createSignal, For, Show } from 'solid-js';
import type { Canvas, Department } from '#shared/model.ts';
import { updateDepartmentBody } from '#shared/service-schema.ts';
import { ApiError, api, type DepartmentFields, errorMessage } from '../lib/api.ts';
import { createLoader } from '../lib/data.ts';
import { CANVAS_ORDER } from '../lib/format.ts';
import { controlId, type FieldErrors, issuesToFields, withoutPath } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { CalendarEditor } from './CalendarEditor.tsx';
import { cleanCalendar } from './calendar.ts';
import { calendarProblems } from './calendar-check.ts';
import { ErrorSummary, FieldError, SelectField, TextArea, TextField } from './controls.tsx';

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
  const [fields, setFields] = createSignal<DepartmentFields>(fieldsOf(props.department));
  const [version, setVersion] = createSignal(props.department.version);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [conflict, setConflict] = createSignal<{ theirs?: Department }>();
  const members = createLoader(() => props.department.code, api.members);
  let summary: HTMLDivElement | undefined;

  const update = (path: string, patch: Partial<DepartmentFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setErrors((e) => withoutPath(e, path));
  };
  const setCanvas = (key: keyof Canvas, value: string) =>
    update(`canvas.${key}`, { canvas: { ...fields().canvas, [key]: value } });

  const headOptions = () => {
    const list = (members.value() ?? []).map((m) => ({
      value: m.id,
      label: t.order.assignMember(m.name, t.order.roles[m.role] ?? m.role),
    }));
    const head = fields().headId;
    if (head && !list.some((o) => o.value === head)) list.unshift({ value: head, label: head });
    return list;
  };

  function showErrors(found: FieldErrors) {
    setErrors(found);
    queueMicrotask(() => summary?.focus());
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setFailure(undefined);
    const body = { ...fields(), calendar: cleanCalendar(fields().calendar), version: version() };
    const parsed = updateDepartmentBody.safeParse(body);
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
      const saved = await api.updateDepartment(props.department.code, body);
      setConflict(undefined);
      props.onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(error.current && typeof error.current === 'object' ? { theirs: error.current as Department } : {});
        setFailure(t.department.conflict);
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

  async function loadTheirs() {
    const theirs =
      conflict()?.theirs ?? (await api.department(props.department.code).catch(() => undefined))?.department;
    if (!theirs) return;
    setFields(fieldsOf(theirs));
    setVersion(theirs.version);
    setConflict(undefined);
    setFailure(undefined);
    setErrors({});
  }

  async function keepMine() {
    const theirs =
      conflict()?.theirs ?? (await api.department(props.department.code).catch(() => undefined))?.department;
    if (theirs) setVersion(theirs.version);
    setConflict(undefined);
    setFailure(undefined);
  }

  return (
    <form class="editor-form" novalidate aria-labelledby="dept-edit-title" onSubmit={(e) => void save(e)}>
      <h2 id="dept-edit-title">{t.department.editTitle}</h2>
      <p class="hint">{t.common.requiredNote}</p>
      <ErrorSummary errors={errors()} ref={(el) => (summary = el)} />

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
        when={!members.error()}
        fallback={
          <>
            <p class="notice warning">{t.department.membersError}</p>
            <TextField
              path="headId"
              label={t.department.headId}
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
          label={t.department.headLabel}
          hint={t.department.headHint}
          required
          value={fields().headId}
          options={headOptions()}
          error={errors().headId}
          onChange={(headId) => update('headId', { headId })}
        />
      </Show>

      <fieldset class="field">
        <legend>{t.department.canvasEdit}</legend>
        <p class="hint">{t.department.canvasHint}</p>
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

      <CalendarEditor
        calendar={fields().calendar}
        errors={errors()}
        onChange={(calendar) => {
          setFields((f) => ({ ...f, calendar }));
          setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('calendar'))));
        }}
      />
      <FieldError path="calendar" error={errors().calendar} />

      <Show when={failure()}>
        <div class="notice error" role="alert" id={controlId('department-failure')}>
          <p>{failure()}</p>
          <Show when={conflict()}>
            <div class="button-row">
              <button type="button" class="secondary" onClick={() => void loadTheirs()}>
                {t.department.loadTheirs}
              </button>
              <button type="button" class="secondary" onClick={() => void keepMine()}>
                {t.department.keepMine}
              </button>
            </div>
          </Show>
        </div>
      </Show>
      <div class="button-row sticky-actions">
        <button type="submit" class="primary" disabled={saving()}>
          {saving() ? t.common.saving : t.common.save}
        </button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t.common.neverMind}
        </button>
      </div>
    </form>
  );
}
