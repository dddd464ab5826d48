/**
 * What the department's editor and the administrators' "new department" form share: the draft with
 * its messages, the contact, the head, the canvas and the business calendar, and the check before
 * sending (the API's own schema and the calendar's rules).
 */
import { type Accessor, createSignal, For } from 'solid-js';
import type { BusinessCalendar, Canvas } from '#shared/model.ts';
import { CANVAS_ORDER } from '../lib/format.ts';
import { PersonPicker } from '../lib/PersonPicker.tsx';
import { controlId, type FieldErrors, issuesToFields } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import { CalendarEditor } from './CalendarEditor.tsx';
import { cleanCalendar } from './calendar.ts';
import { calendarProblems } from './calendar-check.ts';
import { createEditorErrors, type EditorErrors, FieldError, TextArea, TextField } from './controls.tsx';

export interface DepartmentDraft {
  name: string;
  contactEmail: string;
  headId: string;
  calendar: BusinessCalendar;
  canvas: Canvas;
}

// Methods, so a form of a wider draft serves where these parts expect a department draft.
export interface DepartmentForm<F extends DepartmentDraft> {
  fields: Accessor<F>;
  set(fields: F): void;
  update(path: string, patch: Partial<F>): void;
  errors: EditorErrors;
  /** The body to send with the calendar cleaned, or undefined after showing what to fix. */
  check<B extends F>(body: B, schema: { safeParse: (body: B) => SafeParse }): B | undefined;
}

type SafeParse =
  | { success: true }
  | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

export function createDepartmentForm<F extends DepartmentDraft>(
  initial: F,
  order?: (found: FieldErrors) => FieldErrors,
): DepartmentForm<F> {
  const [fields, setFields] = createSignal<F>(initial);
  const errors = createEditorErrors(order);
  return {
    fields,
    set: setFields,
    update: (path, patch) => {
      setFields((f) => ({ ...f, ...patch }));
      errors.drop(path);
    },
    errors,
    check: (draft, schema) => {
      const body = { ...draft, calendar: cleanCalendar(draft.calendar) };
      const parsed = schema.safeParse(body);
      const found = {
        ...(parsed.success ? {} : issuesToFields(parsed.error.issues)),
        ...calendarProblems(draft.calendar),
      };
      if (Object.keys(found).length > 0) {
        errors.show(found);
        return undefined;
      }
      errors.clear();
      return body;
    },
  };
}

/** Name and contact address. */
export function ContactFields(props: { form: DepartmentForm<DepartmentDraft> }) {
  const f = () => props.form.fields();
  const err = () => props.form.errors.errors();
  return (
    <>
      <TextField
        path="name"
        label={t.department.name}
        required
        value={f().name}
        error={err().name}
        onInput={(name) => props.form.update('name', { name })}
      />
      <TextField
        path="contactEmail"
        type="email"
        label={t.department.contactEmail}
        autocomplete="email"
        required
        value={f().contactEmail}
        error={err().contactEmail}
        onInput={(contactEmail) => props.form.update('contactEmail', { contactEmail })}
      />
    </>
  );
}

/** The head, found by name or email; `options` name the people already known (members, everyone). */
export function HeadField(props: {
  form: DepartmentForm<DepartmentDraft>;
  options: ReadonlyArray<{ value: string; label: string }> | undefined;
  words: { label: string; hint: string; listError: string; typed: string };
}) {
  const error = () => props.form.errors.errors().headId;
  const chosen = () => {
    const id = props.form.fields().headId;
    const name = props.options?.find((o) => o.value === id)?.label;
    return id ? { id, ...(name ? { name } : {}) } : undefined;
  };
  return (
    <PersonPicker
      id={controlId('headId')}
      label={props.words.label}
      hint={props.words.hint}
      required
      value={chosen()}
      error={error()}
      onChange={(person) => props.form.update('headId', { headId: person?.id ?? '' })}
    />
  );
}

/** The department's canvas, one box per part. */
export function CanvasFields(props: { form: DepartmentForm<DepartmentDraft>; hint: string }) {
  const set = (key: keyof Canvas, value: string) =>
    props.form.update(`canvas.${key}`, { canvas: { ...props.form.fields().canvas, [key]: value } });
  return (
    <fieldset class="field">
      <legend>{t.department.canvasEdit}</legend>
      <p class="hint">{props.hint}</p>
      <For each={CANVAS_ORDER}>
        {(key) => (
          <TextArea
            path={`canvas.${key}`}
            label={t.department.canvas[key]}
            value={props.form.fields().canvas[key]}
            error={props.form.errors.errors()[`canvas.${key}`]}
            onInput={(v) => set(key, v)}
          />
        )}
      </For>
    </fieldset>
  );
}

/** The business calendar with its messages. */
export function CalendarFields(props: { form: DepartmentForm<DepartmentDraft> }) {
  return (
    <>
      <CalendarEditor
        calendar={props.form.fields().calendar}
        errors={props.form.errors.errors()}
        onChange={(calendar) => {
          props.form.set({ ...props.form.fields(), calendar });
          props.form.errors.drop('calendar', true);
        }}
      />
      <FieldError path="calendar" error={props.form.errors.errors().calendar} />
    </>
  );
}
