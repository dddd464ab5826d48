/**
 * The inputs checklist (SPEC §3, §14.1): the requester hands each input over with a note and/or a
 * file while the order waits for inputs, after a return for rework, or when a clarification asks for
 * it again; the team marks inputs received or not. "Still missing" says exactly what is left.
 */
import { type Accessor, createSignal, For, Index, Show } from 'solid-js';
import type { ChecklistState } from '#shared/model.ts';
import { api } from '../lib/api.ts';
import { Check } from '../lib/fields.tsx';
import { formatDateTime } from '../lib/format.ts';
import { t } from '../lib/strings.ts';
import { AttachmentLink, FilePicker } from '../lib/upload.tsx';
import { checklistDomId, type OrderContext } from './common.ts';
import { inputsToHand, stillMissing } from './orders.ts';

export function CheckMark(props: { done: boolean; doneWord: string; notDoneWord: string }) {
  return (
    <>
      <span class={props.done ? 'mark done' : 'mark'} aria-hidden="true">
        {props.done ? '✓' : '○'}
      </span>
      <span class="visually-hidden">{props.done ? props.doneWord : props.notDoneWord}: </span>
    </>
  );
}

/** A checklist item's box for those who tick it, else its mark. */
export function Tick(props: {
  id: string;
  item: ChecklistState;
  label: string;
  canTick: boolean;
  disabled: boolean;
  words: { done: string; notDone: string };
  onTick: (input: HTMLInputElement) => void;
}) {
  return (
    <Show
      when={props.canTick}
      fallback={
        <>
          <CheckMark done={props.item.done} doneWord={props.words.done} notDoneWord={props.words.notDone} />
          {props.item.label}
        </>
      }
    >
      <Check
        id={props.id}
        label={props.label}
        checked={props.item.done}
        disabled={props.disabled}
        onChange={(_, input) => props.onTick(input)}
      />
    </Show>
  );
}

/** Note, file and who/when of a checklist item. */
export function ItemDetails(props: {
  item: ChecklistState;
  number: string;
  name: (id?: string) => string;
  doneWords: (who: string, when: string) => string;
}) {
  return (
    <>
      <Show when={!props.item.required}>
        {' '}
        <span class="meta">({t.common.optional})</span>
      </Show>
      <Show when={props.item.done && props.item.by}>
        <p class="meta">
          {props.doneWords(props.name(props.item.by), props.item.at ? formatDateTime(props.item.at) : '')}
        </p>
      </Show>
      <Show when={props.item.note}>
        <p class="meta prose">{props.item.note}</p>
      </Show>
      <Show when={props.item.attachment}>
        {(key) => (
          <p class="meta">
            <AttachmentLink number={props.number} fileKey={key()} />
          </p>
        )}
      </Show>
    </>
  );
}

export function InputsChecklist(props: { ctx: OrderContext; isRequester: boolean; isTeam: boolean; canMark: boolean }) {
  const order = () => props.ctx.order;
  const missing = () => stillMissing(order());
  const toHand = () => (props.isRequester ? inputsToHand(order()) : []);
  const asked = () => (order().status === 'waiting_for_customer' ? (order().clarification?.inputs ?? []) : []);
  const askedItems = () => order().inputs.filter((i) => asked().includes(i.id));
  const kindOf = (id: string) => props.ctx.service?.inputs.find((i) => i.id === id)?.kind;

  return (
    <section aria-labelledby="inputs-title">
      <h2 id="inputs-title">{t.order.inputsTitle}</h2>
      <Show when={missing().length > 0}>
        <div class="notice warning" data-testid="still-missing">
          <p>
            <strong>{t.order.stillMissing}</strong>
          </p>
          <ul>
            <For each={missing()}>{(item) => <li>{item.label}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={askedItems().length > 0}>
        <div class="notice warning">
          <p>{t.order.handAgain}</p>
          <ul>
            <For each={askedItems()}>{(item) => <li>{item.label}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={order().inputs.length > 0} fallback={<p class="empty">{t.order.noChecklist}</p>}>
        <ul class="checklist" data-testid="inputs-checklist">
          <Index each={order().inputs}>
            {(item) => (
              <InputRow
                item={item}
                ctx={props.ctx}
                canHand={toHand().some((x) => x.id === item().id)}
                canMark={props.canMark}
                confirmation={kindOf(item().id) === 'confirmation'}
              />
            )}
          </Index>
        </ul>
      </Show>
    </section>
  );
}

function InputRow(props: {
  item: Accessor<ChecklistState>;
  ctx: OrderContext;
  canHand: boolean;
  canMark: boolean;
  confirmation: boolean;
}) {
  const [note, setNote] = createSignal('');
  const [file, setFile] = createSignal<string | null>(null);
  const [uploading, setUploading] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const id = () => checklistDomId('input', props.item().id);
  const number = () => props.ctx.order.number;

  async function handOver(event: SubmitEvent) {
    event.preventDefault();
    const item = props.item();
    const text = note().trim();
    const attachment = file();
    if (!props.confirmation && !text && !attachment) {
      setProblem(t.order.handNothing);
      document.getElementById(`${id()}-note`)?.focus();
      return;
    }
    setProblem(undefined);
    const ok = await props.ctx.perform(
      (version) =>
        api.handInput(number(), item.id, {
          version,
          done: true,
          ...(text ? { note: text } : {}),
          ...(attachment ? { attachment } : {}),
        }),
      t.order.handedOver(item.label),
    );
    if (ok) {
      setNote('');
      setFile(null);
    }
  }

  async function mark(input: HTMLInputElement) {
    const item = props.item();
    const done = input.checked;
    await props.ctx.perform(
      (version) => api.handInput(number(), item.id, { version, done }),
      t.order.ticked(item.label),
    );
    input.checked = props.item().done;
  }

  return (
    <li>
      <Tick
        id={`${id()}-received`}
        item={props.item()}
        label={t.order.markReceived(props.item().label)}
        canTick={props.canMark}
        disabled={props.ctx.busy}
        words={{ done: t.order.received, notDone: t.order.missing }}
        onTick={(input) => void mark(input)}
      />
      <ItemDetails item={props.item()} number={number()} name={props.ctx.name} doneWords={t.order.receivedBy} />
      <Show when={props.canHand}>
        <form class="handover-form" novalidate onSubmit={(e) => void handOver(e)}>
          <div class="note-field">
            <label for={`${id()}-note`}>{t.order.handNote(props.item().label)}</label>
            <textarea
              id={`${id()}-note`}
              rows={2}
              value={note()}
              aria-invalid={problem() ? 'true' : undefined}
              aria-describedby={problem() ? `${id()}-problem` : undefined}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          <Show when={!props.confirmation}>
            <div class="note-field">
              <label for={`${id()}-file`}>{t.order.handFile(props.item().label)}</label>
              <FilePicker
                id={`${id()}-file`}
                value={file()}
                onChange={(key) => {
                  setFile(key);
                  setProblem(undefined);
                }}
                onBusy={setUploading}
              />
            </div>
          </Show>
          <Show when={problem()}>
            <p id={`${id()}-problem`} class="field-error">
              {problem()}
            </p>
          </Show>
          <button type="submit" class="primary small" disabled={props.ctx.busy || uploading()}>
            {props.confirmation ? t.order.handOverConfirm(props.item().label) : t.order.handOver(props.item().label)}
          </button>
        </form>
      </Show>
    </li>
  );
}
