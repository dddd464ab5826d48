/** The deliverables checklist: the team ticks each one, optionally with a note and a file. */
import { type Accessor, createSignal, Index, Show } from 'solid-js';
import type { ChecklistState } from '#shared/model.ts';
import { api } from '../lib/api.ts';
import { t } from '../lib/strings.ts';
import { FilePicker } from '../lib/upload.tsx';
import { checklistDomId, type OrderContext } from './common.ts';
import { ItemDetails, Tick } from './Inputs.tsx';

export function Deliverables(props: { ctx: OrderContext; canTick: boolean }) {
  return (
    <section aria-labelledby="deliverables-title">
      <h2 id="deliverables-title">{t.order.deliverablesTitle}</h2>
      <Show when={props.ctx.order.deliverables.length > 0} fallback={<p class="empty">{t.order.noChecklist}</p>}>
        <ul class="checklist" data-testid="deliverables-checklist">
          <Index each={props.ctx.order.deliverables}>
            {(item) => <DeliverableRow item={item} ctx={props.ctx} canTick={props.canTick} />}
          </Index>
        </ul>
      </Show>
    </section>
  );
}

function DeliverableRow(props: { item: Accessor<ChecklistState>; ctx: OrderContext; canTick: boolean }) {
  const [note, setNote] = createSignal('');
  const [file, setFile] = createSignal<string | null>(null);
  const [uploading, setUploading] = createSignal(false);
  const id = () => checklistDomId('deliverable', props.item().id);

  async function tick(input: HTMLInputElement) {
    const d = props.item();
    const done = input.checked;
    const text = note().trim();
    const attachment = file();
    const ok = await props.ctx.perform(
      (version) =>
        api.tickDeliverable(props.ctx.order.number, d.id, {
          version,
          done,
          ...(text ? { note: text } : {}),
          ...(attachment && done ? { attachment } : {}),
        }),
      t.order.ticked(d.label),
      undefined,
      (order) => ({
        ...order,
        deliverables: order.deliverables.map((x) => (x.id === d.id ? { ...x, done } : x)),
      }),
    );
    if (ok) {
      setNote('');
      setFile(null);
    }
    input.checked = props.item().done;
  }

  return (
    <li>
      <Tick
        id={id()}
        item={props.item()}
        label={props.item().label}
        canTick={props.canTick}
        disabled={props.ctx.busy || uploading()}
        words={{ done: t.order.done, notDone: t.order.notDone }}
        onTick={(input) => void tick(input)}
      />
      <ItemDetails
        item={props.item()}
        number={props.ctx.order.number}
        name={props.ctx.name}
        doneWords={t.order.doneBy}
      />
      {/* The note and the file go with the tick; a ticked item has nothing left for them to go with. */}
      <Show when={props.canTick && !props.item().done}>
        <div class="note-field">
          <label for={`${id()}-note`}>{t.order.noteFor(props.item().label)}</label>
          <input
            id={`${id()}-note`}
            type="text"
            autocomplete="off"
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        <div class="note-field">
          <label for={`${id()}-file`}>{t.order.deliverableFile(props.item().label)}</label>
          <FilePicker id={`${id()}-file`} value={file()} onChange={setFile} onBusy={setUploading} />
        </div>
      </Show>
    </li>
  );
}
