/** The team's controls on an order: stage, priority and watchers. */
import { createSignal, For, Show } from 'solid-js';
import { PRIORITIES, type Priority } from '#shared/model.ts';
import { api } from '../lib/api.ts';
import { t } from '../lib/strings.ts';
import type { OrderContext } from './common.ts';

export function WorkPanel(props: { ctx: OrderContext; isTeam: boolean; canWatch: boolean; final: boolean }) {
  const order = () => props.ctx.order;
  const [stage, setStage] = createSignal<string>();
  const [priority, setPriority] = createSignal<Priority>();
  const stages = () => props.ctx.service?.stages ?? [];
  const stageName = (id: string) => stages().find((s) => s.id === id)?.name ?? id;

  async function saveStage(event: SubmitEvent) {
    event.preventDefault();
    const next = stage() ?? order().stage;
    if (next === order().stage) return;
    const ok = await props.ctx.perform(
      (version) => api.setStage(order().number, { version, stage: next }),
      t.order.stageDone(stageName(next)),
    );
    if (ok) setStage(undefined);
  }

  async function savePriority(event: SubmitEvent) {
    event.preventDefault();
    const next = priority() ?? order().priority;
    if (next === order().priority) return;
    const ok = await props.ctx.perform(
      (version) => api.setPriority(order().number, { version, priority: next }),
      t.order.priorityDone(t.priority[next]),
      undefined,
      (o) => ({ ...o, priority: next }),
    );
    if (ok) setPriority(undefined);
  }

  return (
    <section aria-labelledby="work-title" class="work-panel">
      <h2 id="work-title">{props.isTeam ? t.order.workTitle : t.order.watchersTitle}</h2>
      <Show when={props.isTeam && !props.final}>
        <div class="work-grid">
          <Show when={stages().length > 0}>
            <form class="inline-form" novalidate onSubmit={(e) => void saveStage(e)}>
              <div class="field">
                <label for="work-stage">{t.order.stageLabel}</label>
                <select id="work-stage" onChange={(e) => setStage(e.currentTarget.value)}>
                  <For each={stages()}>
                    {(s) => (
                      <option value={s.id} selected={(stage() ?? order().stage) === s.id}>
                        {s.name}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <button type="submit" class="secondary" disabled={props.ctx.busy}>
                {t.order.stageSet}
              </button>
            </form>
          </Show>
          <form class="inline-form" novalidate onSubmit={(e) => void savePriority(e)}>
            <div class="field">
              <label for="work-priority">{t.order.priorityLabel}</label>
              <select id="work-priority" onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
                <For each={PRIORITIES}>
                  {(p) => (
                    <option value={p} selected={(priority() ?? order().priority) === p}>
                      {t.priority[p]}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <button type="submit" class="secondary" disabled={props.ctx.busy}>
              {t.order.prioritySet}
            </button>
          </form>
        </div>
      </Show>
      <Watchers ctx={props.ctx} canChange={props.canWatch} heading={props.isTeam} />
    </section>
  );
}

function Watchers(props: { ctx: OrderContext; canChange: boolean; heading: boolean }) {
  const [id, setId] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const order = () => props.ctx.order;
  const suggestions = () => (props.ctx.members ?? []).filter((m) => !order().watchers.includes(m.id));

  async function add(event: SubmitEvent) {
    event.preventDefault();
    const value = id().trim();
    if (!value) {
      setProblem(t.order.fillIn);
      document.getElementById('watcher-add')?.focus();
      return;
    }
    setProblem(undefined);
    const ok = await props.ctx.perform(() => api.watchers(order().number, { add: [value] }), t.order.watcherAdded);
    if (ok) setId('');
  }

  const remove = (watcher: string) =>
    void props.ctx.perform(() => api.watchers(order().number, { remove: [watcher] }), t.order.watcherRemoved);

  return (
    <div class="watchers">
      <Show when={props.heading}>
        <h3 id="watchers-title">{t.order.watchersTitle}</h3>
      </Show>
      <Show when={order().watchers.length > 0} fallback={<p class="empty">{t.order.watchersEmpty}</p>}>
        <ul class="chips" aria-label={t.order.watchersTitle}>
          <For each={order().watchers}>
            {(w) => (
              <li>
                <span>{props.ctx.name(w)}</span>
                <Show when={props.canChange}>
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={t.order.watcherRemove(props.ctx.name(w))}
                    disabled={props.ctx.busy}
                    onClick={() => remove(w)}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.canChange}>
        <form class="inline-form" novalidate onSubmit={(e) => void add(e)}>
          <div class="field">
            <label for="watcher-add">{t.order.watcherAdd}</label>
            <input
              id="watcher-add"
              type="text"
              autocomplete="off"
              list="watcher-suggestions"
              value={id()}
              aria-invalid={problem() ? 'true' : undefined}
              aria-describedby={problem() ? 'watcher-add-error' : undefined}
              onInput={(e) => setId(e.currentTarget.value)}
            />
            <datalist id="watcher-suggestions">
              <For each={suggestions()}>{(m) => <option value={m.id}>{m.name}</option>}</For>
            </datalist>
            <Show when={problem()}>
              <p id="watcher-add-error" class="field-error">
                {problem()}
              </p>
            </Show>
          </div>
          <button type="submit" class="secondary" disabled={props.ctx.busy}>
            {t.order.watcherAddButton}
          </button>
        </form>
      </Show>
    </div>
  );
}
