/**
 * Hand-off (SPEC §4, §14.1): the team starts a linked order in another department's service, fills
 * its form, and passes this order's deliverables on as the new order's inputs.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { OrderView } from '#shared/api.ts';
import type { Answers } from '#shared/model.ts';
import { departments } from '../account/session.ts';
import { answersRefused, createAnswers, FormFields, readyAnswers } from '../catalog/OrderForm.tsx';
import { ApiError, api, errorMessage, fieldErrors, type ServiceDetail } from '../lib/api.ts';
import { Toggle } from '../lib/blocks.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import type { OrderContext } from './common.ts';
import { handoffTargets, passMap } from './orders.ts';

/** `reload` fetches the parent again (after the hand-off, or when it changed meanwhile). */
export function HandoffPanel(props: { ctx: OrderContext; reload: () => Promise<void> }) {
  const [open, setOpen] = createSignal(false);
  const [serviceId, setServiceId] = createSignal('');
  const [child, setChild] = createSignal<string>();
  const catalog = createLoader(
    () => (open() ? props.ctx.order.department : undefined),
    async (from: string) => {
      const [services, depts] = await Promise.all([api.catalog(), departments().catch(() => [])]);
      const names = new Map(depts.map((d) => [d.code, d.name]));
      return handoffTargets(services, from).map((g) => ({ ...g, name: names.get(g.department) ?? g.department }));
    },
  );
  const target = createLoader(() => serviceId() || undefined, api.service);

  return (
    <section aria-labelledby="handoff-title" class="handoff">
      <h2 id="handoff-title" class="visually-hidden">
        {t.order.handoffTitle}
      </h2>
      <div aria-live="polite">
        <Show when={child()}>
          {(n) => (
            <p class="notice success">
              {t.order.handoffDone(n())}{' '}
              <A href={`/orders/${encodeURIComponent(n())}`}>{t.order.handoffOpenChild(n())}</A>
            </p>
          )}
        </Show>
      </div>
      <Toggle id="handoff-toggle" controls="handoff-panel" open={open()} onToggle={() => setOpen((v) => !v)}>
        {t.order.handoffOpen}
      </Toggle>
      <div id="handoff-panel">
        <Show when={open()}>
          <div class="action-form surface">
            <p class="hint">{t.order.handoffIntro}</p>
            <Loaded of={catalog} loading={t.order.handoffLoading}>
              {(groups) => (
                <Show when={groups().length > 0} fallback={<p class="empty">{t.order.handoffNoServices}</p>}>
                  <div class="field">
                    <label for="handoff-service">
                      {t.order.handoffService}
                      <span class="req" aria-hidden="true">
                        {' '}
                        *
                      </span>
                    </label>
                    <select id="handoff-service" onChange={(e) => setServiceId(e.currentTarget.value)}>
                      <option value="">{t.form.choose}</option>
                      <For each={groups()}>
                        {(g) => (
                          <optgroup label={g.name}>
                            <For each={g.services}>
                              {(s) => (
                                <option value={s.id} selected={serviceId() === s.id}>
                                  {s.name}
                                </option>
                              )}
                            </For>
                          </optgroup>
                        )}
                      </For>
                    </select>
                  </div>
                </Show>
              )}
            </Loaded>
            <Show when={serviceId()}>
              <Loaded of={target} keyed>
                {(service) => (
                  <HandoffForm
                    ctx={props.ctx}
                    service={service()}
                    onCancel={() => {
                      setOpen(false);
                      setServiceId('');
                      queueMicrotask(() => document.getElementById('handoff-toggle')?.focus());
                    }}
                    onConflict={() => void props.reload()}
                    onDone={async (view) => {
                      setChild(view.order.number);
                      setOpen(false);
                      setServiceId('');
                      await props.reload();
                    }}
                  />
                )}
              </Loaded>
            </Show>
          </div>
        </Show>
      </div>
    </section>
  );
}

function HandoffForm(props: {
  ctx: OrderContext;
  service: ServiceDetail;
  onCancel: () => void;
  onConflict: () => void;
  onDone: (child: OrderView) => Promise<void>;
}) {
  const state = createAnswers(() => props.service.form);
  const [pass, setPass] = createSignal<Record<string, string>>({});
  const [comment, setComment] = createSignal('');
  let formEl: HTMLFormElement | undefined;
  const refused = answersRefused(state, () => formEl);
  const send = createSubmit(
    async (answers: Answers) => {
      const text = comment().trim();
      const passed = passMap(pass());
      const view = await api.handoff(props.ctx.order.number, {
        version: props.ctx.order.version,
        serviceId: props.service.id,
        answers,
        ...(passed ? { pass: passed } : {}),
        ...(text ? { comment: text } : {}),
      });
      await props.onDone(view);
    },
    {
      failed: (error): string | undefined => {
        if (error instanceof ApiError && error.status === 409) {
          props.onConflict();
          return t.order.conflict;
        }
        // Messages about the new order's answers go next to them; the rest are said with the message.
        if (!refused(error)) return undefined;
        const other = Object.entries(fieldErrors(error)).filter(([k]) => !k.startsWith('answers.'));
        return [errorMessage(error), ...other.map(([, m]) => m)].join(' ');
      },
    },
  );

  function submit() {
    send.clear();
    const answers = readyAnswers(state, send, formEl, t.form.fixErrors);
    if (answers) void send.run(answers);
  }

  return (
    <form ref={formEl} novalidate class="handoff-form" onSubmit={submitWith(submit)}>
      <fieldset class="field">
        <legend>{t.order.handoffForm(props.service.name)}</legend>
        <FormFields form={props.service.form} state={state} idPrefix="handoff" />
      </fieldset>
      <Show when={props.ctx.order.deliverables.length > 0}>
        <fieldset class="field" aria-describedby="handoff-pass-hint">
          <legend>{t.order.handoffPass}</legend>
          <p id="handoff-pass-hint" class="hint">
            {t.order.handoffPassHint}
          </p>
          <Show when={props.service.inputs.length > 0} fallback={<p class="empty">{t.order.handoffNoInputs}</p>}>
            <For each={props.ctx.order.deliverables}>
              {(d) => (
                <div class="field">
                  <label for={`handoff-pass-${d.id}`}>{t.order.handoffPassAs(d.label)}</label>
                  <select
                    id={`handoff-pass-${d.id}`}
                    onChange={(e) => setPass((p) => ({ ...p, [d.id]: e.currentTarget.value }))}
                  >
                    <option value="">{t.order.handoffNotPassed}</option>
                    <For each={props.service.inputs}>
                      {(input) => (
                        <option value={input.id} selected={pass()[d.id] === input.id}>
                          {input.label}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              )}
            </For>
          </Show>
        </fieldset>
      </Show>
      <div class="field">
        <label for="handoff-comment">{t.order.handoffComment}</label>
        <textarea id="handoff-comment" rows={3} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </div>
      <FormEnd
        of={send}
        busy={t.form.submitting}
        submit={t.order.handoffSend}
        close={{ text: t.common.neverMind, onClick: props.onCancel }}
      />
    </form>
  );
}
