/**
 * The order form, generated from the service's form schema. It validates with the same
 * `validateAnswers` the API uses, so the portal and the API agree on every message.
 */
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Match, Show, Switch, untrack } from 'solid-js';
import type { CreateOrderBody } from '#shared/api.ts';
import { isVisible, validateAnswers } from '#shared/forms.ts';
import { type Answers, type FormField, PRIORITIES, type Priority } from '#shared/model.ts';
import { ApiError, api, errorMessage, newIdempotencyKey, type ServiceDetail } from './api.ts';
import { t } from './strings.ts';

type Value = Answers[string];

function initialAnswers(form: readonly FormField[]): Answers {
  const answers: Answers = {};
  for (const field of form) {
    if (field.kind === 'checkbox') answers[field.id] = false;
    else if (field.kind === 'multiSelect') answers[field.id] = [];
  }
  return answers;
}

function domId(fieldId: string): string {
  return `field-${fieldId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Server field keys may be `answers.<id>` or the field id itself. */
function fieldKey(key: string): string {
  return key.startsWith('answers.') ? key.slice('answers.'.length) : key;
}

function RequiredMark() {
  return (
    <span class="req" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

interface FieldProps {
  field: FormField;
  value: Value | undefined;
  error: string | undefined;
  onChange: (value: Value) => void;
  onBlur: () => void;
}

function Field(props: FieldProps) {
  const id = domId(props.field.id);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const kindHint = t.form.kindHint[props.field.kind];
  const hasHelp = Boolean(props.field.help || kindHint);
  const describedBy = () => [hasHelp ? helpId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = () => (props.error ? 'true' : undefined);
  // Text inputs are left uncontrolled so typing is never rewritten; they start from the current answer.
  const initial = untrack(() => props.value);
  const initialText = typeof initial === 'string' || typeof initial === 'number' ? String(initial) : '';
  const selected = () => (Array.isArray(props.value) ? props.value : []);

  const help = (
    <Show when={hasHelp}>
      <p id={helpId} class="hint">
        {[props.field.help, kindHint].filter(Boolean).join(' ')}
      </p>
    </Show>
  );
  const error = (
    <Show when={props.error}>
      <p id={errorId} class="field-error">
        {props.error}
      </p>
    </Show>
  );
  const label = (
    <label for={id}>
      {props.field.label}
      <Show when={props.field.required}>
        <RequiredMark />
      </Show>
    </label>
  );
  const textInput = (type: 'text' | 'email' | 'date'): JSX.Element => (
    <input
      id={id}
      name={props.field.id}
      type={type}
      value={initialText}
      required={props.field.required}
      aria-invalid={invalid()}
      aria-describedby={describedBy()}
      autocomplete={type === 'email' ? 'email' : 'off'}
      onInput={(e) => {
        const v = e.currentTarget.value;
        props.onChange(type === 'date' && v === '' ? null : v);
      }}
      onBlur={() => props.onBlur()}
    />
  );

  return (
    <Switch>
      <Match when={props.field.kind === 'checkbox'}>
        <div class="field field-checkbox">
          <div class="check">
            <input
              id={id}
              name={props.field.id}
              type="checkbox"
              checked={props.value === true}
              required={props.field.required}
              aria-invalid={invalid()}
              aria-describedby={describedBy()}
              onChange={(e) => props.onChange(e.currentTarget.checked)}
              onBlur={() => props.onBlur()}
            />
            {label}
          </div>
          {help}
          {error}
        </div>
      </Match>
      <Match when={props.field.kind === 'multiSelect'}>
        <fieldset class="field" aria-describedby={describedBy()}>
          <legend>
            {props.field.label}
            <Show when={props.field.required}>
              <RequiredMark />
              <span class="visually-hidden"> ({t.common.required})</span>
            </Show>
          </legend>
          {help}
          <For each={props.field.options ?? []}>
            {(option, i) => (
              <div class="check">
                <input
                  id={`${id}-${i()}`}
                  name={props.field.id}
                  type="checkbox"
                  value={option}
                  checked={selected().includes(option)}
                  aria-invalid={invalid()}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    const rest = selected().filter((o) => o !== option);
                    props.onChange(on ? [...rest, option] : rest);
                  }}
                  onBlur={() => props.onBlur()}
                />
                <label for={`${id}-${i()}`}>{option}</label>
              </div>
            )}
          </For>
          {error}
        </fieldset>
      </Match>
      <Match when={true}>
        <div class="field">
          {label}
          {help}
          <Switch fallback={textInput('text')}>
            <Match when={props.field.kind === 'email'}>{textInput('email')}</Match>
            <Match when={props.field.kind === 'date'}>{textInput('date')}</Match>
            <Match when={props.field.kind === 'longText'}>
              <textarea
                id={id}
                name={props.field.id}
                rows={5}
                value={initialText}
                required={props.field.required}
                aria-invalid={invalid()}
                aria-describedby={describedBy()}
                onInput={(e) => props.onChange(e.currentTarget.value)}
                onBlur={() => props.onBlur()}
              />
            </Match>
            <Match when={props.field.kind === 'number'}>
              <input
                id={id}
                name={props.field.id}
                type="number"
                inputmode="decimal"
                step="any"
                min={props.field.min}
                max={props.field.max}
                value={initialText}
                required={props.field.required}
                aria-invalid={invalid()}
                aria-describedby={describedBy()}
                onInput={(e) => {
                  const el = e.currentTarget;
                  if (el.value === '') props.onChange(el.validity.badInput ? Number.NaN : null);
                  else props.onChange(el.valueAsNumber);
                }}
                onBlur={() => props.onBlur()}
              />
            </Match>
            <Match when={props.field.kind === 'select'}>
              <select
                id={id}
                name={props.field.id}
                required={props.field.required}
                aria-invalid={invalid()}
                aria-describedby={describedBy()}
                onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
                onBlur={() => props.onBlur()}
              >
                <option value="" selected={props.value == null}>
                  {t.form.choose}
                </option>
                <For each={props.field.options ?? []}>
                  {(option) => (
                    <option value={option} selected={props.value === option}>
                      {option}
                    </option>
                  )}
                </For>
              </select>
            </Match>
          </Switch>
          {error}
        </div>
      </Match>
    </Switch>
  );
}

export function OrderForm(props: { service: ServiceDetail }) {
  const navigate = useNavigate();
  const form = () => props.service.form;
  const [answers, setAnswers] = createSignal<Answers>(initialAnswers(untrack(form)));
  const [priority, setPriority] = createSignal<Priority>('normal');
  const [onBehalf, setOnBehalf] = createSignal('');
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Record<string, string>>({});
  const [formError, setFormError] = createSignal<string>();
  const [sending, setSending] = createSignal(false);
  let key = newIdempotencyKey();
  let formEl: HTMLFormElement | undefined;

  const checked = createMemo(() => validateAnswers(form(), answers()));

  const errorFor = (fieldId: string): string | undefined => {
    const server = serverErrors()[fieldId];
    if (server) return server;
    const result = checked();
    if (result.ok || !(submitted() || touched().has(fieldId))) return undefined;
    return result.fields[fieldId];
  };

  const change = (fieldId: string, value: Value) => {
    setAnswers((a) => ({ ...a, [fieldId]: value }));
    if (serverErrors()[fieldId]) {
      setServerErrors(({ [fieldId]: _, ...rest }) => rest);
    }
  };

  const touch = (fieldId: string) => {
    if (!touched().has(fieldId)) setTouched((s) => new Set([...s, fieldId]));
  };

  const focusFirstInvalid = () =>
    queueMicrotask(() => formEl?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSubmitted(true);
    setFormError(undefined);
    const result = checked();
    if (!result.ok) {
      setFormError(t.form.fixErrors);
      focusFirstInvalid();
      return;
    }
    const body: CreateOrderBody = { serviceId: props.service.id, answers: result.answers, priority: priority() };
    const requester = onBehalf().trim();
    if (requester) body.requesterId = requester;
    setSending(true);
    try {
      const view = await api.createOrder(body, key);
      key = newIdempotencyKey();
      navigate(`/orders/${encodeURIComponent(view.order.number)}`);
    } catch (error) {
      // A network failure may or may not have filed the order: retry with the same key.
      if (!(error instanceof ApiError && error.status === 0)) key = newIdempotencyKey();
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const fields: Record<string, string> = {};
        for (const [k, message] of Object.entries(error.fields)) fields[fieldKey(k)] = message;
        setServerErrors(fields);
        setFormError(error.message);
        focusFirstInvalid();
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form ref={formEl} class="order-form" novalidate onSubmit={(e) => void submit(e)}>
      <p class="hint">{t.common.requiredNote}</p>
      <For each={form()}>
        {(field) => (
          <Show when={isVisible(field, answers())}>
            <Field
              field={field}
              value={answers()[field.id]}
              error={errorFor(field.id)}
              onChange={(v) => change(field.id, v)}
              onBlur={() => touch(field.id)}
            />
          </Show>
        )}
      </For>

      <div class="field">
        <label for="order-priority">{t.form.priority}</label>
        <select
          id="order-priority"
          name="priority"
          aria-invalid={serverErrors().priority ? 'true' : undefined}
          aria-describedby={serverErrors().priority ? 'order-priority-error' : undefined}
          onChange={(e) => setPriority(e.currentTarget.value as Priority)}
        >
          <For each={PRIORITIES}>
            {(p) => (
              <option value={p} selected={priority() === p}>
                {t.priority[p]}
              </option>
            )}
          </For>
        </select>
        <Show when={serverErrors().priority}>
          <p id="order-priority-error" class="field-error">
            {serverErrors().priority}
          </p>
        </Show>
      </div>

      <div class="field">
        <label for="order-on-behalf">{t.form.onBehalf}</label>
        <p id="order-on-behalf-help" class="hint">
          {t.form.onBehalfHint}
        </p>
        <input
          id="order-on-behalf"
          name="requesterId"
          type="text"
          autocomplete="off"
          aria-invalid={serverErrors().requesterId ? 'true' : undefined}
          aria-describedby={
            serverErrors().requesterId ? 'order-on-behalf-help order-on-behalf-error' : 'order-on-behalf-help'
          }
          onInput={(e) => setOnBehalf(e.currentTarget.value)}
        />
        <Show when={serverErrors().requesterId}>
          <p id="order-on-behalf-error" class="field-error">
            {serverErrors().requesterId}
          </p>
        </Show>
      </div>

      <Show when={formError()}>
        <div class="notice error" role="alert">
          <p>{formError()}</p>
        </div>
      </Show>
      <button type="submit" class="primary" disabled={sending()}>
        {sending() ? t.form.submitting : t.form.submit}
      </button>
    </form>
  );
}
