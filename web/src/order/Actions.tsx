/**
 * "What you can do": the actions the API offers this person now. Actions that need words or choices
 * open a form: reject (reason), cancel (why), assign (a member), request clarification (question,
 * fields, inputs), return inputs for rework (which, what is missing), answer a clarification (the
 * requested fields only, prefilled).
 */
import { createSignal, For, type JSX, Show } from 'solid-js';
import { type Action, REJECTION_REASONS, type RejectionReason } from '#shared/lifecycle.ts';
import type { FormField } from '#shared/model.ts';
import { createAnswers, FormFields, focusFirstInvalid } from '../catalog/OrderForm.tsx';
import { api } from '../lib/api.ts';
import { Check, RequiredMark, SelectBox, TextBox, withChoice } from '../lib/fields.tsx';
import { language, type Strings, t } from '../lib/strings.ts';
import { Alert } from '../lib/ui.tsx';
import { checklistDomId, type OrderContext } from './common.ts';
import { clarificationFields } from './orders.ts';

/** Actions that need words or choices from the person before they can be sent. */
const ACTIONS_WITH_FORM: ReadonlySet<Action> = new Set([
  'reject',
  'cancel',
  'request_clarification',
  'answer_clarification',
  'return_inputs',
  'assign',
  'reopen',
]);

/** The label of the text box an action's form asks for; a plain comment where none is named. */
type OrderLabel = {
  [K in keyof Strings['order']]: Strings['order'][K] extends string ? K : never;
}[keyof Strings['order']];
const TEXT_LABEL: Partial<Record<Action, OrderLabel>> = {
  reject: 'reasonDetails',
  cancel: 'cancelReasonLabel',
  request_clarification: 'clarificationQuestion',
  answer_clarification: 'clarificationAnswer',
  return_inputs: 'returnWhat',
  reopen: 'reopenReasonLabel',
};

const PRIMARY: ReadonlySet<Action> = new Set(['claim', 'resolve', 'approve']);
const DANGER: ReadonlySet<Action> = new Set(['cancel', 'reject']);

export function ActionPanel(props: { ctx: OrderContext; actions: Action[] }) {
  const [open, setOpen] = createSignal<Action>();
  const visible = () => props.actions.filter((a) => a !== 'auto_close');
  // An open form closes by itself when its action is no longer offered (e.g. after someone else's change).
  const currentForm = () => {
    const action = open();
    return action && props.actions.includes(action) ? action : undefined;
  };
  const close = () => {
    const action = open();
    setOpen(undefined);
    if (action) queueMicrotask(() => document.getElementById(`action-${action}`)?.focus());
  };

  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t.order.actionsTitle}</h2>
      <div class="button-row">
        <For each={visible()}>
          {(action) => (
            <Show
              when={ACTIONS_WITH_FORM.has(action)}
              fallback={
                <button
                  id={`action-${action}`}
                  type="button"
                  class={PRIMARY.has(action) ? 'primary' : 'secondary'}
                  disabled={props.ctx.busy}
                  onClick={() =>
                    void props.ctx.perform(
                      (version) => api.transition(props.ctx.order.number, { action, version }),
                      t.actionDone[action],
                    )
                  }
                >
                  {t.actions[action]}
                </button>
              }
            >
              <button
                id={`action-${action}`}
                type="button"
                class={DANGER.has(action) ? 'danger' : 'secondary'}
                aria-expanded={open() === action}
                aria-controls="action-form"
                disabled={props.ctx.busy}
                onClick={() => setOpen((o) => (o === action ? undefined : action))}
              >
                {t.actions[action]}
              </button>
            </Show>
          )}
        </For>
      </div>
      <div id="action-form">
        <Show when={currentForm()} keyed>
          {(action) => <ActionForm action={action} ctx={props.ctx} onClose={close} />}
        </Show>
      </div>
    </section>
  );
}

/** A group of checkboxes choosing ids (form fields or inputs). */
function Choices(props: {
  id: string;
  legend: string;
  items: ReadonlyArray<{ id: string; label: string }>;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <fieldset
      class="field"
      id={props.id}
      tabIndex={-1}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
    >
      <legend>
        {props.legend}
        <Show when={props.required}>
          <RequiredMark />
        </Show>
      </legend>
      <For each={props.items}>
        {(item) => (
          <Check
            id={checklistDomId(props.id, item.id)}
            label={item.label}
            checked={props.chosen.includes(item.id)}
            onChange={(checked) => props.onChange(withChoice(props.chosen, item.id, checked))}
          />
        )}
      </For>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}

interface Problems {
  text?: string;
  reason?: string;
  inputs?: string;
}

function ActionForm(props: { action: Action; ctx: OrderContext; onClose: () => void }) {
  const order = () => props.ctx.order;
  const [text, setText] = createSignal('');
  const [reason, setReason] = createSignal<RejectionReason | ''>('');
  const [assignee, setAssignee] = createSignal('');
  const [fields, setFields] = createSignal<string[]>([]);
  const [inputs, setInputs] = createSignal<string[]>([]);
  const [errors, setErrors] = createSignal<Problems>({});
  const [failure, setFailure] = createSignal<string>();
  let formEl: HTMLFormElement | undefined;

  // Answering a clarification: only the requested fields, prefilled from the order's answers.
  const requested = (): FormField[] =>
    clarificationFields(props.ctx.service?.form ?? [], order().clarification?.fields ?? []);
  const answers = createAnswers(requested, order().answers);

  const members = () => props.ctx.members ?? [];
  const textRequired = () => props.action !== 'reject' && props.action !== 'assign';
  const textLabel = (): string => t.order[TEXT_LABEL[props.action] ?? 'commentLabel'];

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    const value = text().trim();
    const problems: Problems = {};
    if (props.action === 'assign' && !assignee().trim()) problems.text = t.order.fillIn;
    if (textRequired() && !value) problems.text = t.order.fillIn;
    if (props.action === 'reject' && !reason()) problems.reason = t.order.chooseReason;
    if (props.action === 'return_inputs' && inputs().length === 0) problems.inputs = t.order.chooseInputs;
    setErrors(problems);
    let checked: ReturnType<typeof answers.attempt> | undefined;
    if (props.action === 'answer_clarification') {
      checked = answers.attempt();
      if (answers.uploading()) {
        setFailure(t.form.waitUploads);
        return;
      }
    }
    if (problems.text || problems.reason || problems.inputs || (checked && !checked.ok)) {
      focusFirstInvalid(formEl);
      return;
    }
    const action = props.action;
    const number = order().number;
    await props.ctx.perform(
      (version) => {
        switch (action) {
          case 'reject':
            return api.transition(number, {
              action,
              version,
              reason: reason() || undefined,
              ...(value ? { comment: value } : {}),
            });
          case 'cancel':
            return api.transition(number, { action, version, reason: value });
          case 'assign':
            return api.transition(number, {
              action,
              version,
              assigneeId: assignee().trim(),
              ...(value ? { comment: value } : {}),
            });
          case 'request_clarification':
            return api.transition(number, { action, version, comment: value, fields: fields(), inputs: inputs() });
          case 'return_inputs':
            return api.transition(number, { action, version, comment: value, inputs: inputs() });
          case 'answer_clarification':
            return api.transition(number, {
              action,
              version,
              comment: value,
              ...(checked?.ok && requested().length > 0 ? { answers: checked.answers } : {}),
            });
          default:
            return api.transition(number, { action, version, comment: value });
        }
      },
      t.actionDone[action],
      (fieldErrors) => {
        answers.setServerErrors(fieldErrors);
        focusFirstInvalid(formEl);
      },
      undefined,
      // Closes once the action is done, also when it is done on a retry; until then all typed stays.
      { afterwards: () => props.onClose() },
    );
  }

  const choose = { value: '' as const, label: t.form.choose };
  const textField = (): JSX.Element => (
    <TextBox
      id="action-text"
      label={props.action === 'assign' ? t.order.commentLabel : textLabel()}
      required={textRequired()}
      rows={3}
      value={text()}
      error={props.action === 'assign' ? undefined : errors().text}
      onInput={setText}
    />
  );

  return (
    <form ref={formEl} class="action-form surface" novalidate onSubmit={(e) => void submit(e)}>
      <Show when={props.action === 'reject'}>
        <SelectBox<RejectionReason | ''>
          id="action-reason"
          label={t.order.reasonLabel}
          required
          requiredAttr
          value={reason()}
          options={[choose, ...REJECTION_REASONS.map((r) => ({ value: r, label: t.rejectionReasons[r] }))]}
          error={errors().reason}
          onChange={setReason}
        />
      </Show>

      <Show when={props.action === 'assign'}>
        <Show
          when={members().length > 0}
          fallback={
            <TextBox
              id="action-assignee"
              label={t.order.assigneeLabel}
              required
              value={assignee()}
              error={errors().text}
              onInput={setAssignee}
            />
          }
        >
          <SelectBox
            id="action-assignee"
            label={t.order.assignTo}
            required
            value={assignee()}
            options={[
              choose,
              ...members().map((m) => ({
                value: m.id,
                label: t.order.assignMember(m.name, t.order.roles[m.role] ?? m.role),
              })),
            ]}
            error={errors().text}
            onChange={setAssignee}
          />
        </Show>
      </Show>

      <Show when={props.action === 'answer_clarification'}>
        <Show when={order().clarification}>
          {(c) => (
            <div class="clarification-question">
              <p class="meta">{t.order.clarificationTitle}</p>
              <p class="prose">{c().question}</p>
            </div>
          )}
        </Show>
        <p class="hint">{t.order.answerHint}</p>
        <Show when={requested().length > 0}>
          <fieldset class="field">
            <legend>{t.order.clarificationFields}</legend>
            <FormFields
              form={requested()}
              state={answers}
              idPrefix="clarify"
              words={props.ctx.service?.translations?.[language]}
            />
          </fieldset>
        </Show>
        <Show when={(order().clarification?.inputs.length ?? 0) > 0}>
          <p class="hint">{t.order.answerInputsHint}</p>
        </Show>
      </Show>

      <Show when={props.action === 'return_inputs'}>
        <Show when={order().inputs.length > 0} fallback={<p class="empty">{t.order.noInputs}</p>}>
          <Choices
            id="action-inputs"
            legend={t.order.returnInputs}
            required
            items={order().inputs}
            chosen={inputs()}
            onChange={setInputs}
            error={errors().inputs}
          />
        </Show>
      </Show>

      {textField()}

      <Show when={props.action === 'request_clarification'}>
        <Show when={(props.ctx.service?.form.length ?? 0) > 0}>
          <Choices
            id="action-fields"
            legend={t.order.fieldsToAsk}
            items={props.ctx.service?.form ?? []}
            chosen={fields()}
            onChange={setFields}
          />
        </Show>
        <Show when={order().inputs.length > 0}>
          <Choices
            id="action-ask-inputs"
            legend={t.order.inputsToAsk}
            items={order().inputs}
            chosen={inputs()}
            onChange={setInputs}
          />
        </Show>
      </Show>

      <Show when={failure()}>{(text) => <Alert text={text()} />}</Show>
      <div class="button-row">
        <button type="submit" class={DANGER.has(props.action) ? 'danger' : 'primary'} disabled={props.ctx.busy}>
          {t.actionSubmit[props.action] ?? t.common.send}
        </button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t.common.neverMind}
        </button>
      </div>
    </form>
  );
}
