/**
 * The order form, generated from the service's form schema. It validates with the same
 * `checkAnswers` the API uses, with the same linear-time pattern engine (loaded only for forms that
 * have a pattern), so the portal and the API agree on every message.
 * Its pieces (`createAnswers`, `FormFields`) also serve clarification answers, hand-offs and the
 * catalog editor's live preview.
 */
import { useNavigate } from '@solidjs/router';
import { type Accessor, createEffect, createMemo, createSignal, For, Match, Show, Switch, untrack } from 'solid-js';
import type { CreateOrderBody } from '#shared/api.ts';
import { isVisible } from '#shared/conditions.ts';
import { todayIn } from '#shared/dates.ts';
import { checkAnswers, hasPatterns, type PatternMatcher } from '#shared/form-check.ts';
import { type Answers, type FormField, PRIORITIES, type Priority, type ServiceTranslation } from '#shared/model.ts';
import { optionLabel } from '#shared/translate.ts';
import { departments } from '../account/session.ts';
import { ApiError, api, fieldErrors, newIdempotencyKey, type ServiceDetail } from '../lib/api.ts';
import { keepDraft } from '../lib/drafts.ts';
import { Check, describedBy, FieldError, Hint, invalid, Label, RequiredMark, SelectBox } from '../lib/fields.tsx';
import { formatDateTime } from '../lib/format.ts';
import { createLoader } from '../lib/load.tsx';
import { PersonBox, type PersonChoice, PersonPicker } from '../lib/PersonPicker.tsx';
import { type FieldErrors, localMessages } from '../lib/paths.ts';
import { language, t } from '../lib/strings.ts';
import { createSubmit, Outcome, type Submit, SubmitButton, submitWith } from '../lib/submit.tsx';
import { FilePicker } from '../lib/upload.tsx';
import { type Handover, handoverBody, handoverCandidates } from '../order/orders.ts';
import { ApprovalNote } from './approval.tsx';
import { dateBounds, dateRuleWords } from './date-rules.ts';
import './catalog.css';

type Value = Answers[string];

function initialAnswers(form: readonly FormField[]): Answers {
  const answers: Answers = {};
  for (const field of form) {
    if (field.kind === 'checkbox') answers[field.id] = false;
    else if (field.kind === 'multiSelect') answers[field.id] = [];
  }
  return answers;
}

function domId(fieldId: string, prefix = 'field'): string {
  return `${prefix}-${fieldId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Server field keys may be `answers.<id>` or the field id itself. */
export function fieldKey(key: string): string {
  return key.startsWith('answers.') ? key.slice('answers.'.length) : key;
}

interface FieldProps {
  field: FormField;
  value: Value | undefined;
  /** A date field's rules in words, and the earliest and latest day they allow now. */
  rules?: string | undefined;
  bounds?: { min?: string | undefined; max?: string | undefined } | undefined;
  error: string | undefined;
  idPrefix?: string | undefined;
  dryRun?: boolean | undefined;
  onChange: (value: Value) => void;
  onBlur: () => void;
  onBusy: (busy: boolean) => void;
  /** A choice's words in the reader's language (the value sent stays the option's own). */
  optionWords: (option: string) => string;
}

function Field(props: FieldProps) {
  const id = domId(props.field.id, props.idPrefix);
  const kindHint = t.form.kindHint[props.field.kind];
  const hint = () => [props.field.help, kindHint, props.rules].filter(Boolean).join(' ') || undefined;
  const aria = () => ({ id, hint: hint(), error: props.error });
  // Text inputs are left uncontrolled so typing is never rewritten; they start from the current answer.
  const initial = untrack(() => props.value);
  const initialText = typeof initial === 'string' || typeof initial === 'number' ? String(initial) : '';
  const selected = () => (Array.isArray(props.value) ? props.value : []);
  // What every control of an answer carries.
  const control = {
    id,
    name: props.field.id,
    get required() {
      return props.field.required;
    },
    get 'aria-invalid'() {
      return invalid(props.error);
    },
    get 'aria-describedby'() {
      return describedBy(aria());
    },
    onBlur: () => props.onBlur(),
  };
  const text = (value: string) => props.onChange(props.field.kind === 'date' && value === '' ? null : value);
  const number = (el: HTMLInputElement) => {
    if (el.value === '') props.onChange(el.validity.badInput ? Number.NaN : null);
    else props.onChange(el.valueAsNumber);
  };
  const label = <Label id={id} label={props.field.label} required={props.field.required} />;

  return (
    <Switch>
      <Match when={props.field.kind === 'checkbox'}>
        <div class="field field-checkbox">
          <div class="check">
            <input
              {...control}
              type="checkbox"
              checked={props.value === true}
              onChange={(e) => props.onChange(e.currentTarget.checked)}
            />
            {label}
          </div>
          <Hint id={id} hint={hint()} />
          <FieldError id={id} error={props.error} />
        </div>
      </Match>
      <Match when={props.field.kind === 'multiSelect'}>
        <fieldset class="field" aria-describedby={describedBy(aria())}>
          <legend>
            {props.field.label}
            <Show when={props.field.required}>
              <RequiredMark />
              <span class="visually-hidden"> ({t.common.required})</span>
            </Show>
          </legend>
          <Hint id={id} hint={hint()} />
          <For each={props.field.options ?? []}>
            {(option, i) => (
              <Check
                id={`${id}-${i()}`}
                name={props.field.id}
                value={option}
                label={props.optionWords(option)}
                checked={selected().includes(option)}
                error={props.error}
                onBlur={props.onBlur}
                onChange={(on) => {
                  const rest = selected().filter((o) => o !== option);
                  props.onChange(on ? [...rest, option] : rest);
                }}
              />
            )}
          </For>
          <FieldError id={id} error={props.error} />
        </fieldset>
      </Match>
      <Match when={true}>
        <div class="field">
          {label}
          <Hint id={id} hint={hint()} />
          <Switch
            fallback={
              <input
                {...control}
                type={props.field.kind === 'email' || props.field.kind === 'date' ? props.field.kind : 'text'}
                min={props.bounds?.min}
                max={props.bounds?.max}
                value={initialText}
                autocomplete={props.field.kind === 'email' ? 'email' : 'off'}
                onInput={(e) => text(e.currentTarget.value)}
              />
            }
          >
            <Match when={props.field.kind === 'attachment'}>
              <FilePicker
                id={id}
                value={typeof props.value === 'string' ? props.value : null}
                describedBy={describedBy(aria())}
                invalid={Boolean(props.error)}
                required={props.field.required}
                dryRun={props.dryRun}
                onChange={(key) => {
                  props.onChange(key);
                  props.onBlur();
                }}
                onBusy={(busy) => props.onBusy(busy)}
              />
            </Match>
            <Match when={props.field.kind === 'user'}>
              <PersonBox
                id={id}
                name={props.field.id}
                value={typeof props.value === 'string' && props.value ? { id: props.value } : undefined}
                required={props.field.required}
                invalid={Boolean(props.error)}
                describedBy={describedBy(aria())}
                listLabel={props.field.label}
                onChange={(person) => props.onChange(person?.id ?? null)}
                onBlur={props.onBlur}
              />
            </Match>
            <Match when={props.field.kind === 'longText'}>
              <textarea {...control} rows={5} value={initialText} onInput={(e) => text(e.currentTarget.value)} />
            </Match>
            <Match when={props.field.kind === 'number'}>
              <input
                {...control}
                type="number"
                inputmode="decimal"
                step="any"
                min={props.field.min}
                max={props.field.max}
                value={initialText}
                onInput={(e) => number(e.currentTarget)}
              />
            </Match>
            <Match when={props.field.kind === 'select'}>
              <select
                {...control}
                onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
              >
                <option value="" selected={props.value == null}>
                  {t.form.choose}
                </option>
                <For each={props.field.options ?? []}>
                  {(option) => (
                    <option value={option} selected={props.value === option}>
                      {props.optionWords(option)}
                    </option>
                  )}
                </For>
              </select>
            </Match>
          </Switch>
          <FieldError id={id} error={props.error} />
        </div>
      </Match>
    </Switch>
  );
}

type Checked = { ok: true; answers: Answers } | { ok: false; fields: FieldErrors };

let patternEngine: Promise<PatternMatcher> | undefined;
/** The pattern engine (re2js, ~46 KB gzip) in its own chunk, fetched the first time a form needs it. */
function loadPatterns(): Promise<PatternMatcher> {
  patternEngine ??= import('#shared/patterns.ts').then(
    (m) => m.linearPatterns,
    (error: unknown) => {
      // A failed chunk load (say, offline) may be tried again by the next form.
      patternEngine = undefined;
      throw error;
    },
  );
  return patternEngine;
}
/** Until the engine is here, patterns are not checked in the browser; the API checks them anyway. */
const patternsPending: PatternMatcher = () => true;

/** Answers being given to a form: values, which were touched, client and server messages, uploads. */
export interface AnswersState {
  answers: Accessor<Answers>;
  change: (fieldId: string, value: Value) => void;
  touch: (fieldId: string) => void;
  errorFor: (fieldId: string) => string | undefined;
  /** Marks the form as submitted (all messages show) and returns the check. */
  attempt: () => Checked;
  /** Messages from a 400, keyed `answers.<id>` or `<id>`. */
  setServerErrors: (fields: FieldErrors) => void;
  uploading: Accessor<boolean>;
  setBusy: (busy: boolean) => void;
  /** The department's today the date rules are judged by (undefined: rules relative to today are not checked). */
  today: Accessor<string | undefined>;
}

/** `today`: the department's local date, for date rules relative to today (none when not given). */
export function createAnswers(
  form: Accessor<readonly FormField[]>,
  initial: Answers = {},
  today?: Accessor<string | undefined>,
): AnswersState {
  const [answers, setAnswers] = createSignal<Answers>({ ...initialAnswers(untrack(form)), ...initial });
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = createSignal(false);
  const [serverErrors, setServer] = createSignal<FieldErrors>({});
  const [uploads, setUploads] = createSignal(0);
  const [patterns, setPatterns] = createSignal<PatternMatcher>();
  createEffect(() => {
    if (!patterns() && hasPatterns(form()))
      loadPatterns().then(
        (engine) => setPatterns(() => engine),
        () => undefined,
      );
  });

  const checked = createMemo((): Checked => {
    try {
      const result = checkAnswers(form(), answers(), patterns() ?? patternsPending, { today: today?.() });
      return result.ok ? result : { ok: false, fields: localMessages(result.fields) };
    } catch {
      // A form still being written in the editor may not compile yet; the preview then shows no messages.
      return { ok: false, fields: {} };
    }
  });

  return {
    answers,
    change: (fieldId, value) => {
      setAnswers((a) => ({ ...a, [fieldId]: value }));
      if (serverErrors()[fieldId]) setServer(({ [fieldId]: _, ...rest }) => rest);
    },
    touch: (fieldId) => {
      if (!touched().has(fieldId)) setTouched((s) => new Set([...s, fieldId]));
    },
    errorFor: (fieldId) => {
      const server = serverErrors()[fieldId];
      if (server) return server;
      const result = checked();
      if (result.ok || !(submitted() || touched().has(fieldId))) return undefined;
      return result.fields[fieldId];
    },
    attempt: () => {
      setSubmitted(true);
      return checked();
    },
    setServerErrors: (fields) => {
      const mapped: FieldErrors = {};
      for (const [k, message] of Object.entries(fields)) mapped[fieldKey(k)] = message;
      setServer(mapped);
    },
    uploading: () => uploads() > 0,
    setBusy: (busy) => setUploads((n) => Math.max(0, n + (busy ? 1 : -1))),
    today: () => today?.(),
  };
}

/** The visible fields of a form, each with its label, help and message. */
export function FormFields(props: {
  form: readonly FormField[];
  state: AnswersState;
  idPrefix?: string;
  dryRun?: boolean;
  /** The service's words in the reader's language, for its choices. */
  words?: ServiceTranslation | undefined;
}) {
  return (
    <For each={props.form}>
      {(field) => (
        <Show when={isVisible(field, props.state.answers())}>
          <Field
            field={field}
            value={props.state.answers()[field.id]}
            rules={dateRuleWords(field, props.form)}
            bounds={dateBounds(field, props.state.answers(), props.state.today())}
            error={props.state.errorFor(field.id)}
            idPrefix={props.idPrefix}
            dryRun={props.dryRun}
            onChange={(v) => props.state.change(field.id, v)}
            onBlur={() => props.state.touch(field.id)}
            onBusy={(busy) => props.state.setBusy(busy)}
            optionWords={(option) => optionLabel(option, field.id, props.words)}
          />
        </Show>
      )}
    </For>
  );
}

/** Focuses the first control marked invalid inside an element, once the DOM has caught up. */
export function focusFirstInvalid(root: HTMLElement | undefined): void {
  queueMicrotask(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * The answers ready to send, or undefined after saying why not: uploads still running, or messages
 * to fix (all shown now, focus on the first, and `fixWords` said when given).
 */
export function readyAnswers(
  state: AnswersState,
  submit: Pick<Submit<never>, 'fail'>,
  form: HTMLElement | undefined,
  fixWords?: string,
): Answers | undefined {
  if (state.uploading()) {
    submit.fail(t.form.waitUploads);
    return undefined;
  }
  const result = state.attempt();
  if (result.ok) return result.answers;
  if (fixWords) submit.fail(fixWords);
  focusFirstInvalid(form);
  return undefined;
}

/** Puts a refusal's messages next to the answers they are about (focus on the first); whether it had any. */
export function answersRefused(state: AnswersState, form: () => HTMLElement | undefined) {
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return false;
    state.setServerErrors(fieldErrors(error));
    focusFirstInvalid(form());
    return true;
  };
}

/** Required inputs the requester can hand over together with the order. */
/** "(optional)" after the label of a hand-over item the customer may leave out. */
function OptionalMark(props: { required: boolean }) {
  return (
    <Show when={!props.required}>
      <span class="meta">
        {'\u00a0'}({t.common.optional})
      </span>
    </Show>
  );
}

function HandoverFields(props: {
  service: ServiceDetail;
  given: Record<string, Handover>;
  dryRun: boolean;
  onChange: (id: string, patch: Handover) => void;
  onBusy: (busy: boolean) => void;
}) {
  const items = () => handoverCandidates(props.service.inputs);
  return (
    <Show when={items().length > 0}>
      <fieldset class="field handover" aria-describedby="handover-intro">
        <legend>{t.form.handOverTitle}</legend>
        <p id="handover-intro" class="hint">
          {t.form.handOverIntro}
        </p>
        <For each={items()}>
          {(input) => {
            const base = domId(input.id, 'handover');
            return (
              <div class="handover-item">
                <Show
                  when={input.kind === 'confirmation'}
                  fallback={
                    <div class="field">
                      <label for={`${base}-file`}>
                        {t.form.inputFile(input.label)}
                        <OptionalMark required={input.required} />
                      </label>
                      <FilePicker
                        id={`${base}-file`}
                        value={props.given[input.id]?.attachment ?? null}
                        dryRun={props.dryRun}
                        onChange={(key) => props.onChange(input.id, { attachment: key })}
                        onBusy={props.onBusy}
                      />
                    </div>
                  }
                >
                  <div class="check">
                    <input
                      id={`${base}-confirm`}
                      type="checkbox"
                      checked={props.given[input.id]?.confirmed === true}
                      onChange={(e) => props.onChange(input.id, { confirmed: e.currentTarget.checked })}
                    />
                    <label for={`${base}-confirm`}>
                      {t.form.confirmInput(input.label)}
                      <OptionalMark required={input.required} />
                    </label>
                  </div>
                </Show>
                <div class="note-field">
                  <label for={`${base}-note`}>{t.form.inputNote(input.label)}</label>
                  <input
                    id={`${base}-note`}
                    type="text"
                    autocomplete="off"
                    value={props.given[input.id]?.note ?? ''}
                    onInput={(e) => props.onChange(input.id, { note: e.currentTarget.value })}
                  />
                </div>
              </div>
            );
          }}
        </For>
      </fieldset>
    </Show>
  );
}

/** What the order form keeps when the session ends before it is sent (web/src/drafts.ts). */
interface OrderDraft {
  answers: Answers;
  priority: Priority;
  /** The colleague the order is filed for, with their name and email as the picker showed them. */
  onBehalf?: PersonChoice;
  given: Record<string, Handover>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asOrderDraft(value: unknown): OrderDraft | undefined {
  if (!isRecord(value) || !isRecord(value.answers) || !isRecord(value.given)) return undefined;
  return {
    answers: value.answers as Answers,
    priority: PRIORITIES.find((p) => p === value.priority) ?? 'normal',
    ...(isRecord(value.onBehalf) && typeof value.onBehalf.id === 'string'
      ? { onBehalf: value.onBehalf as PersonChoice }
      : {}),
    given: value.given as Record<string, Handover>,
  };
}

/**
 * Moves the focus to the form's message at its top once it is shown, so the person hears it first
 * and reads on down to the fields it names.
 */
function focusProblem(id: string) {
  requestAnimationFrame(() => {
    const alert = document.getElementById(id);
    if (!alert) return;
    alert.setAttribute('tabindex', '-1');
    alert.focus();
  });
}

export function OrderForm(props: { service: ServiceDetail; preview?: boolean }) {
  const problemId = () => (props.preview ? 'preview-problem' : 'order-problem');
  const navigate = useNavigate();
  const form = () => props.service.form;
  const words = () => props.service.translations?.[language];
  const blank = JSON.stringify(initialAnswers(untrack(form)));
  let read = (): OrderDraft | undefined => undefined;
  const draft = untrack(() => props.preview)
    ? undefined
    : asOrderDraft(keepDraft(`order-form:${untrack(() => props.service.id)}`, () => read()));
  // Dates are judged against the department's today, as the API does.
  const depts = createLoader(
    () => true,
    () => departments(),
  );
  const timeZone = () => depts.value()?.find((d) => d.code === props.service.department)?.calendar.timeZone;
  const state = createAnswers(form, draft?.answers, () => todayIn(timeZone()));
  const [priority, setPriority] = createSignal<Priority>(draft?.priority ?? 'normal');
  const [onBehalf, setOnBehalf] = createSignal<PersonChoice | undefined>(draft?.onBehalf);
  const [given, setGiven] = createSignal<Record<string, Handover>>(draft?.given ?? {});
  read = () => {
    const colleague = onBehalf();
    const kept = {
      answers: state.answers(),
      priority: priority(),
      ...(colleague ? { onBehalf: colleague } : {}),
      given: given(),
    };
    const untouched =
      JSON.stringify(kept.answers) === blank &&
      kept.priority === 'normal' &&
      kept.onBehalf === undefined &&
      Object.keys(kept.given).length === 0;
    return untouched ? undefined : kept;
  };
  let key = newIdempotencyKey();
  let formEl: HTMLFormElement | undefined;
  const prefix = () => (props.preview ? 'preview' : 'field');
  const refused = answersRefused(state, () => formEl);
  const send = createSubmit(
    async (body: CreateOrderBody) => {
      try {
        const view = await api.createOrder(body, key);
        key = newIdempotencyKey();
        navigate(`/orders/${encodeURIComponent(view.order.number)}`);
      } catch (error) {
        // A network failure may or may not have filed the order: retry with the same key.
        if (!(error instanceof ApiError && error.status === 0)) key = newIdempotencyKey();
        throw error;
      }
    },
    { failed: (error) => void refused(error) },
  );
  const serverErrors = send.fields;

  const changeGiven = (id: string, patch: Handover) => setGiven((g) => ({ ...g, [id]: { ...g[id], ...patch } }));

  function submit() {
    send.clear();
    const answers = readyAnswers(state, send, formEl, t.form.fixErrors);
    if (!answers) {
      focusProblem(problemId());
      return;
    }
    if (props.preview) {
      send.said(t.form.previewChecked);
      return;
    }
    const body: CreateOrderBody = { serviceId: props.service.id, answers, priority: priority() };
    const inputs = handoverBody(props.service.inputs, given());
    if (inputs) body.inputs = inputs;
    const requester = onBehalf();
    if (requester) body.requesterId = requester.id;
    void send.run(body);
  }

  // Messages about inputs handed over at filing ("inputs.<id>…") are listed with the form's message.
  const inputErrors = () =>
    Object.entries(serverErrors())
      .filter(([k]) => k.startsWith('inputs'))
      .map(([, m]) => m);

  return (
    <form ref={formEl} class="order-form surface" novalidate onSubmit={submitWith(submit)}>
      <p class="hint">{t.common.requiredNote}</p>
      {/* The outcome above the fields: "correct the fields marked below" is said where it is true. */}
      <Outcome of={send} live id={problemId()}>
        <Show when={inputErrors().length > 0}>
          <ul>
            <For each={inputErrors()}>{(m) => <li>{m}</li>}</For>
          </ul>
        </Show>
      </Outcome>
      <Show when={props.preview && form().length === 0}>
        <p class="empty">{t.form.previewEmpty}</p>
      </Show>
      <FormFields form={form()} state={state} idPrefix={prefix()} dryRun={props.preview} words={words()} />

      <HandoverFields
        service={props.service}
        given={given()}
        dryRun={props.preview === true}
        onChange={changeGiven}
        onBusy={state.setBusy}
      />

      <Show when={!props.preview}>
        <SelectBox
          id="order-priority"
          name="priority"
          label={t.form.priority}
          value={priority()}
          options={PRIORITIES.map((p) => ({ value: p, label: t.priority[p] }))}
          error={serverErrors().priority}
          onChange={setPriority}
        />
        <PersonPicker
          id="order-on-behalf"
          name="requesterId"
          label={t.form.onBehalf}
          hint={t.form.onBehalfHint}
          value={onBehalf()}
          error={serverErrors().requesterId}
          onChange={setOnBehalf}
        />
      </Show>

      <ApprovalNote approval={props.service.approval} form={form()} answers={state.answers()} words={words()} />
      <Show when={props.service.promisedAt}>
        {(at) => <p class="promise">{t.service.promise(formatDateTime(at()))}</p>}
      </Show>
      <SubmitButton of={send} busy={t.form.submitting}>
        {t.form.submit}
      </SubmitButton>
    </form>
  );
}
