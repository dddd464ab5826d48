/** The team's controls on an order: stage, priority and watchers. */
import { createSignal, Show } from 'solid-js';
import { PRIORITIES, type Priority } from '#shared/model.ts';
import { api } from '../lib/api.ts';
import { Chips, SelectBox } from '../lib/fields.tsx';
import { type PersonChoice, PersonPicker } from '../lib/PersonPicker.tsx';
import { t } from '../lib/strings.ts';
import { submitWith } from '../lib/submit.tsx';
import type { OrderContext } from './common.ts';

export function WorkPanel(props: { ctx: OrderContext; isTeam: boolean; canWatch: boolean; final: boolean }) {
  const order = () => props.ctx.order;
  const stages = () => props.ctx.service?.stages ?? [];
  const stageName = (id: string) => stages().find((s) => s.id === id)?.name ?? id;

  return (
    <section aria-labelledby="work-title" class="work-panel">
      <h2 id="work-title">{props.isTeam ? t.order.workTitle : t.order.watchersTitle}</h2>
      <Show when={props.isTeam && !props.final}>
        <div class="work-grid">
          <Show when={stages().length > 0}>
            <ChoiceForm
              id="work-stage"
              label={t.order.stageLabel}
              button={t.order.stageSet}
              value={order().stage}
              options={stages().map((s) => ({ value: s.id, label: s.name }))}
              busy={props.ctx.busy}
              onSave={(stage) =>
                props.ctx.perform(
                  (version) => api.setStage(order().number, { version, stage }),
                  t.order.stageDone(stageName(stage)),
                )
              }
            />
          </Show>
          <ChoiceForm
            id="work-priority"
            label={t.order.priorityLabel}
            button={t.order.prioritySet}
            value={order().priority}
            options={PRIORITIES.map((p) => ({ value: p, label: t.priority[p] }))}
            busy={props.ctx.busy}
            onSave={(priority: Priority) =>
              props.ctx.perform(
                (version) => api.setPriority(order().number, { version, priority }),
                t.order.priorityDone(t.priority[priority]),
                undefined,
                (o) => ({ ...o, priority }),
              )
            }
          />
        </div>
      </Show>
      <Watchers ctx={props.ctx} canChange={props.canWatch} heading={props.isTeam} />
    </section>
  );
}

/** A choice sent with its own button; nothing is sent while it is the current value. */
function ChoiceForm<V extends string>(props: {
  id: string;
  label: string;
  button: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  busy: boolean;
  onSave: (value: V) => Promise<boolean>;
}) {
  const [chosen, setChosen] = createSignal<V>();
  async function save() {
    const next = chosen() ?? props.value;
    if (next !== props.value && (await props.onSave(next))) setChosen(undefined);
  }
  return (
    <form class="inline-form" novalidate onSubmit={submitWith(save)}>
      <SelectBox
        id={props.id}
        label={props.label}
        value={chosen() ?? props.value}
        options={props.options}
        onChange={setChosen}
      />
      <button type="submit" class="secondary" disabled={props.busy}>
        {props.button}
      </button>
    </form>
  );
}

function Watchers(props: { ctx: OrderContext; canChange: boolean; heading: boolean }) {
  const [person, setPerson] = createSignal<PersonChoice>();
  const [problem, setProblem] = createSignal<string>();
  const order = () => props.ctx.order;

  async function add() {
    const chosen = person();
    setProblem(chosen ? undefined : t.people.notChosen);
    if (!chosen) {
      document.getElementById('watcher-add')?.focus();
      return;
    }
    const ok = await props.ctx.perform(() => api.watchers(order().number, { add: [chosen.id] }), t.order.watcherAdded);
    if (ok) setPerson(undefined);
  }

  return (
    <div class="watchers">
      <Show when={props.heading}>
        <h3 id="watchers-title">{t.order.watchersTitle}</h3>
      </Show>
      <Show when={order().watchers.length > 0} fallback={<p class="empty">{t.order.watchersEmpty}</p>}>
        <Chips
          label={t.order.watchersTitle}
          items={order().watchers}
          text={(w) => <span>{props.ctx.name(w)}</span>}
          canRemove={props.canChange}
          disabled={props.ctx.busy}
          removeLabel={(w) => t.order.watcherRemove(props.ctx.name(w))}
          onRemove={(w) =>
            void props.ctx.perform(() => api.watchers(order().number, { remove: [w] }), t.order.watcherRemoved)
          }
        />
      </Show>
      <Show when={props.canChange}>
        <form class="inline-form" novalidate onSubmit={submitWith(add)}>
          <PersonPicker
            id="watcher-add"
            label={t.order.watcherAdd}
            value={person()}
            error={problem()}
            exclude={order().watchers}
            onChange={(chosen) => {
              setPerson(chosen);
              if (chosen) setProblem(undefined);
            }}
          />
          <button type="submit" class="secondary" disabled={props.ctx.busy}>
            {t.order.watcherAddButton}
          </button>
        </form>
      </Show>
    </div>
  );
}
