/**
 * Labelled controls for the editors. Each edits one path of the body ("form.2.label"); its id comes
 * from the path, so a message from the server or the client check lands next to it and the error
 * summary can link to it.
 */
import { type Accessor, createEffect, createSignal, For, type JSX, mergeProps, on, Show } from 'solid-js';
import { ApiError, fieldErrors } from '../lib/api.ts';
import {
  CheckBox,
  Chips,
  describedBy as describedById,
  Hint as FieldHint,
  FieldError as Message,
  SelectBox,
  TextBox,
} from '../lib/fields.tsx';
import type { ListFieldProps } from '../lib/PersonPicker.tsx';
import { controlId, type FieldErrors, withoutPath } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import './editor.css';

interface Base {
  path: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** The field's props with its id from the path. */
const byPath = <P extends { path: string }>(props: P) =>
  mergeProps(props, {
    get id() {
      return controlId(props.path);
    },
  });

export function describedBy(props: { path: string; hint?: string | undefined; error?: string | undefined }) {
  return describedById(byPath(props));
}

export function Hint(props: { path: string; hint?: string | undefined }) {
  return <FieldHint id={controlId(props.path)} hint={props.hint} />;
}

export function FieldError(props: { path: string; error?: string | undefined }) {
  return <Message id={controlId(props.path)} error={props.error} />;
}

export function TextField(
  props: Base & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'email';
    list?: string;
    autocomplete?: string;
    class?: string;
  },
) {
  return <TextBox {...byPath(props)} ariaRequired={props.required} class={`field ${props.class ?? ''}`} />;
}

export function TextArea(props: Base & { value: string; onInput: (value: string) => void; rows?: number }) {
  return <TextBox {...byPath(props)} rows={props.rows ?? 3} ariaRequired={props.required} />;
}

/**
 * A number box that keeps what is being typed ("-", "1.") and reports a number, or undefined when
 * empty. It follows the value when it changes from outside (a reload, a move).
 */
export function NumberField(
  props: Base & {
    value: number | undefined;
    onChange: (value: number | undefined) => void;
    /** Another element that describes the value (e.g. the duration in words). */
    describedByExtra?: string | undefined;
  },
) {
  const [text, setText] = createSignal(props.value === undefined ? '' : String(props.value));
  createEffect(
    on(
      () => props.value,
      (value) => {
        const typed = text().trim() === '' ? undefined : Number(text());
        if (typed !== value && !(value === undefined && Number.isNaN(typed)))
          setText(value === undefined ? '' : String(value));
      },
      { defer: true },
    ),
  );
  return (
    <TextBox
      {...byPath(props)}
      class="field field-number"
      inputmode="decimal"
      value={text()}
      ariaRequired={props.required}
      describedBy={props.describedByExtra}
      onInput={(raw) => {
        setText(raw);
        const n = Number(raw);
        if (raw.trim() === '') props.onChange(undefined);
        else if (Number.isFinite(n)) props.onChange(n);
      }}
    />
  );
}

export function CheckField(props: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return <CheckBox {...byPath(props)} />;
}

export function SelectField<V extends string>(
  props: Base & {
    value: V;
    options: ReadonlyArray<{ value: V; label: string }>;
    onChange: (value: V) => void;
  },
) {
  return <SelectBox {...byPath(props)} />;
}

/**
 * A list of short values (tags, user ids…): each shown with a remove button, and a box to add one
 * (Enter adds). Suggestions come from a datalist.
 */
export function ListEditor(
  props: ListFieldProps & {
    suggestions?: ReadonlyArray<{ value: string; label: string }>;
    itemLabel?: (value: string) => string;
    /** Turns the typed text into a value, e.g. a number for a number field's condition. */
    parse?: (text: string) => string;
  },
) {
  const [text, setText] = createSignal('');
  const id = () => controlId(props.path);
  const label = (v: string) => props.itemLabel?.(v) ?? v;

  function add() {
    const value = (props.parse ?? ((x: string) => x))(text().trim());
    if (!value) return;
    if (!props.items.includes(value)) props.onChange([...props.items, value]);
    setText('');
  }

  function remove(index: number) {
    props.onChange(props.items.filter((_, i) => i !== index));
    queueMicrotask(() => document.getElementById(id())?.focus());
  }

  return (
    <fieldset class="field list-editor">
      <legend>{props.label}</legend>
      <Hint path={props.path} hint={props.hint} />
      <Show when={props.items.length > 0} fallback={<p class="meta">{t.editor.listEmpty}</p>}>
        <Chips
          items={props.items}
          text={(item) => <span>{label(item)}</span>}
          removeLabel={(item) => t.common.removeItem(label(item))}
          onRemove={(_, i) => remove(i)}
        />
      </Show>
      <div class="inline-add">
        <label for={id()} class="visually-hidden">
          {t.editor.listInput(props.label)}
        </label>
        <input
          id={id()}
          type="text"
          autocomplete="off"
          list={props.suggestions ? `${id()}-list` : undefined}
          value={text()}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(props)}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="secondary small" aria-label={t.editor.listAdd(props.label)} onClick={add}>
          {t.common.add}
        </button>
      </div>
      <Show when={props.suggestions}>
        {(list) => (
          <datalist id={`${id()}-list`}>
            <For each={list()}>{(s) => <option value={s.value}>{s.label}</option>}</For>
          </datalist>
        )}
      </Show>
      <FieldError path={props.path} error={props.error} />
    </fieldset>
  );
}

/**
 * Every message of a failed save, each linking to its control. Messages whose control is not on the
 * page (e.g. about a whole list) are listed as they are.
 */
export function ErrorSummary(props: { errors: FieldErrors; ref?: (el: HTMLDivElement) => void }) {
  const entries = () => Object.entries(props.errors);
  const labelOf = (path: string): string | undefined => {
    const el = document.getElementById(controlId(path));
    if (!el) return undefined;
    const own = 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : undefined;
    const label = own?.replace(/\s*\*\s*$/, '').trim() || el.getAttribute('aria-label') || undefined;
    // Inside a list row ("Field 2: Start date"), say which row.
    const row = el.closest('.builder-item')?.querySelector('legend')?.textContent?.trim();
    return [row, label].filter(Boolean).join(' · ') || undefined;
  };
  const focus = (event: MouseEvent, path: string) => {
    const el = document.getElementById(controlId(path));
    if (!el) return;
    event.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  };
  return (
    <Show when={entries().length > 0}>
      <div class="notice error error-summary" role="alert" tabIndex={-1} ref={props.ref}>
        <p>{t.common.fixBelow}</p>
        <ul>
          <For each={entries()}>
            {([path, message]) => {
              const label = labelOf(path);
              return (
                <li>
                  <a href={`#${controlId(path)}`} on:click={(e) => focus(e, path)}>
                    {label ? `${label}: ${message}` : message}
                  </a>
                </li>
              );
            }}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/** A section heading with its own list-level message (e.g. "The id x is used twice."). */
export function SectionError(props: { path: string; errors: FieldErrors }): JSX.Element {
  return (
    <Show when={props.errors[props.path]}>
      <p id={controlId(props.path)} class="field-error" tabIndex={-1}>
        {props.errors[props.path]}
      </p>
    </Show>
  );
}

/** The messages of an editor by path, and the summary that lists them (focused when they change). */
export interface EditorErrors {
  errors: Accessor<FieldErrors>;
  /** Shows these messages and moves focus to the summary. */
  show: (found: FieldErrors) => void;
  /** Drops the messages at a path and below it, or those starting with a prefix. */
  drop: (path: string, prefix?: boolean) => void;
  clear: () => void;
  Summary: () => JSX.Element;
}

export function createEditorErrors(order: (found: FieldErrors) => FieldErrors = (found) => found): EditorErrors {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  let summary: HTMLDivElement | undefined;
  return {
    errors,
    show: (found) => {
      setErrors(order(found));
      queueMicrotask(() => summary?.focus());
    },
    drop: (path, prefix) =>
      setErrors((e) =>
        prefix ? Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(path))) : withoutPath(e, path),
      ),
    clear: () => setErrors({}),
    Summary: () => <ErrorSummary errors={errors()} ref={(el) => (summary = el)} />,
  };
}

/**
 * How an editor takes a refusal: a conflict (409) goes to `onConflict`, which may say it in words; a
 * refusal with messages per field shows them in the summary; the API's message says the rest.
 */
export function editorRefusal(
  errors: EditorErrors,
  onConflict: (error: ApiError) => string | undefined,
): (error: unknown) => string | undefined {
  return (error) => {
    if (error instanceof ApiError && error.status === 409) return onConflict(error);
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) errors.show(fieldErrors(error));
    return undefined;
  };
}

/** After a conflict: take the other version, or keep this draft and save over it. */
export function ConflictChoices(props: {
  when: unknown;
  words: { loadTheirs: string; keepMine: string };
  onLoad: () => void;
  onKeep: () => void;
}) {
  return (
    <Show when={props.when}>
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => props.onLoad()}>
          {props.words.loadTheirs}
        </button>
        <button type="button" class="secondary" onClick={() => props.onKeep()}>
          {props.words.keepMine}
        </button>
      </div>
    </Show>
  );
}
