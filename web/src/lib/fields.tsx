/**
 * Labelled form controls: a label (with the required mark), a hint and a message, wired to the
 * control by id (`<id>-hint`, `<id>-error`), so every form says the same things the same way.
 */
import { For, type JSX, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';

export interface FieldProps {
  id: string;
  label: JSX.Element;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The ids a control is described by: its hint and its message, when shown. */
export function describedBy(props: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    [props.hint ? hintId(props.id) : '', props.error ? errorId(props.id) : ''].filter(Boolean).join(' ') || undefined
  );
}

export const invalid = (error: unknown) => (error ? 'true' : undefined);

/**
 * The trimmed text of a box that must be filled in, or undefined after saying so (`say`) and moving
 * focus to the box `id`. `say` hears undefined when the text is there.
 */
export function filledIn(text: string, say: (problem: string | undefined) => void, id: string, words: string) {
  const value = text.trim();
  say(value ? undefined : words);
  if (!value) document.getElementById(id)?.focus();
  return value || undefined;
}

export function RequiredMark() {
  return (
    <span class="req" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

export function Label(props: { id: string; label: JSX.Element; required?: boolean | undefined; class?: string }) {
  return (
    <label for={props.id} class={props.class}>
      {props.label}
      <Show when={props.required}>
        <RequiredMark />
      </Show>
    </label>
  );
}

/** A field's hint, or with `error` its message, under the id the control is described by. */
function Note(props: { id: string; text?: string | undefined; error?: boolean }) {
  return (
    <Show when={props.text}>
      <p id={props.error ? errorId(props.id) : hintId(props.id)} class={props.error ? 'field-error' : 'hint'}>
        {props.text}
      </p>
    </Show>
  );
}

export const Hint = (props: { id: string; hint?: string | undefined }) => <Note id={props.id} text={props.hint} />;

export const FieldError = (props: { id: string; error?: string | undefined }) => (
  <Note id={props.id} text={props.error} error />
);

/** Label, hint, the control, the message. */
export function Field(props: FieldProps & { class?: string; children: JSX.Element }) {
  return (
    <div class={props.class ?? 'field'}>
      <Label id={props.id} label={props.label} required={props.required} />
      <Hint id={props.id} hint={props.hint} />
      {props.children}
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

/** A text box in its field (a textarea when it has `rows`); reports what is typed. */
export function TextBox(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    rows?: number;
    type?: 'text' | 'email' | 'date';
    /** Report when the value is committed (change) rather than on every key (input). */
    commit?: boolean;
    class?: string;
    autocomplete?: string;
    maxLength?: number;
    list?: string;
    disabled?: boolean;
    /** Said to screen readers as required as well as marked. */
    ariaRequired?: boolean;
    /** More ids that describe the control. */
    describedBy?: string | undefined;
    inputmode?: 'decimal' | 'numeric';
    /** Shown after the control (a datalist of suggestions). */
    after?: JSX.Element;
    name?: string;
  },
) {
  const report = (e: Event & { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value);
  return (
    <Field {...props}>
      <Dynamic
        component={props.rows ? 'textarea' : 'input'}
        id={props.id}
        name={props.name}
        type={props.rows ? undefined : (props.type ?? 'text')}
        rows={props.rows}
        value={props.value}
        autocomplete={props.rows ? undefined : (props.autocomplete ?? 'off')}
        inputmode={props.inputmode}
        maxLength={props.maxLength}
        list={props.list}
        disabled={props.disabled}
        aria-required={props.ariaRequired ? 'true' : undefined}
        aria-invalid={invalid(props.error)}
        aria-describedby={[describedBy(props), props.describedBy].filter(Boolean).join(' ') || undefined}
        onInput={props.commit ? undefined : report}
        onChange={props.commit ? report : undefined}
      />
      {props.after}
    </Field>
  );
}

/** A select in its field. */
export function SelectBox<V extends string>(
  props: FieldProps & {
    value: V;
    options: ReadonlyArray<{ value: V; label: string; lang?: string }>;
    onChange: (value: V) => void;
    class?: string;
    name?: string;
    /** The browser's own required flag as well as the mark. */
    requiredAttr?: boolean;
  },
) {
  return (
    <Field {...props}>
      <select
        id={props.id}
        name={props.name}
        required={props.requiredAttr}
        aria-invalid={invalid(props.error)}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onChange(e.currentTarget.value as V)}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} lang={option.lang} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </Field>
  );
}

/** A checkbox with its label beside it, then its hint and message. */
export function CheckBox(
  props: FieldProps & { checked: boolean; onChange: (checked: boolean) => void; name?: string; onBlur?: () => void },
) {
  return (
    <div class="field field-checkbox">
      <div class="check">
        <input
          id={props.id}
          name={props.name}
          type="checkbox"
          checked={props.checked}
          required={props.required}
          aria-invalid={invalid(props.error)}
          aria-describedby={describedBy(props)}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
          onBlur={() => props.onBlur?.()}
        />
        <Label id={props.id} label={props.label} required={props.required} />
      </div>
      <Hint id={props.id} hint={props.hint} />
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

/** The values chosen after one checkbox of a list changed: its value added (at the end) or taken out. */
export function withChoice<T>(chosen: readonly T[], value: T, checked: boolean): T[] {
  const rest = chosen.filter((v) => v !== value);
  return checked ? [...rest, value] : rest;
}

/** One radio button or checkbox with its label beside it. */
export function Check(props: {
  id: string;
  label: JSX.Element;
  checked: boolean;
  onChange: (checked: boolean, input: HTMLInputElement) => void;
  type?: 'radio' | 'checkbox';
  name?: string;
  value?: string;
  disabled?: boolean;
  error?: unknown;
  onBlur?: () => void;
}) {
  return (
    <div class="check">
      <input
        id={props.id}
        type={props.type ?? 'checkbox'}
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={invalid(props.error)}
        onChange={(e) => props.onChange(e.currentTarget.checked, e.currentTarget)}
        onBlur={() => props.onBlur?.()}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** Radio buttons choosing one value. */
export function Radios<V extends string>(props: {
  name: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: JSX.Element; id: string }>;
  onChange: (value: V) => void;
}) {
  return (
    <For each={props.options}>
      {(option) => (
        <Check
          type="radio"
          id={option.id}
          name={props.name}
          value={option.value}
          checked={props.value === option.value}
          label={option.label}
          onChange={() => props.onChange(option.value)}
        />
      )}
    </For>
  );
}

/** Checkboxes choosing several values under their legend; a value ticked joins the end of the list. */
export function CheckList<V>(props: {
  legend: string;
  options: readonly V[];
  chosen: readonly V[];
  id: (option: V) => string;
  label: (option: V) => JSX.Element;
  onChange: (chosen: V[]) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <For each={props.options}>
        {(option) => (
          <Check
            id={props.id(option)}
            label={props.label(option)}
            checked={props.chosen.includes(option)}
            onChange={(on) => props.onChange(on ? [...props.chosen, option] : props.chosen.filter((v) => v !== option))}
          />
        )}
      </For>
    </fieldset>
  );
}

/** Values as chips, each with its remove button while removing is allowed. */
export function Chips<T>(props: {
  items: readonly T[];
  text: (item: T) => JSX.Element;
  removeLabel: (item: T) => string;
  onRemove: (item: T, index: number) => void;
  canRemove?: boolean;
  disabled?: boolean;
  label?: string;
  labelledBy?: string;
  invalid?: (index: number) => boolean;
}) {
  return (
    <ul class="chips" aria-label={props.label} aria-labelledby={props.labelledBy}>
      <For each={props.items}>
        {(item, i) => (
          <li classList={{ invalid: props.invalid?.(i()) ?? false }}>
            {props.text(item)}
            <Show when={props.canRemove ?? true}>
              <button
                type="button"
                class="chip-remove"
                aria-label={props.removeLabel(item)}
                disabled={props.disabled}
                onClick={() => props.onRemove(item, i())}
              >
                ×
              </button>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
