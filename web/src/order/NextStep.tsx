/**
 * "What happens next" while the order waits for someone before the team can start: who approves it
 * (by name) and which inputs are still missing, and what follows. Shown instead of the stage, which
 * means nothing yet.
 */
import { For, Show } from 'solid-js';
import { missingItems } from '#shared/lifecycle.ts';
import type { Order } from '#shared/model.ts';
import { t } from '../lib/strings.ts';

/** The order waits for an approval or for inputs: no one works it yet. */
export function waitsForSomeone(order: Pick<Order, 'status'>): boolean {
  return order.status === 'awaiting_approval' || order.status === 'awaiting_inputs';
}

/** Names in a sentence: "Ada, Ben and Carl" (the portal's language joins them). */
function listWords(names: string[]): string {
  return new Intl.ListFormat(t.locale, { style: 'long', type: 'conjunction' }).format(names);
}

export function NextStep(props: {
  order: Order;
  approvers: string[];
  name: (id?: string) => string;
  isRequester: boolean;
  canApprove: boolean;
}) {
  const missing = () => missingItems(props.order.inputs);
  const approval = () => props.order.status === 'awaiting_approval';
  return (
    <Show when={waitsForSomeone(props.order)}>
      <section class="notice info next-step" aria-labelledby="next-step-title" data-testid="next-step">
        <h2 id="next-step-title">{t.order.nextTitle}</h2>
        <Show when={approval()}>
          <p data-testid="next-approver">
            <Show when={props.approvers.length > 0} fallback={t.order.nextApprovalUnknown}>
              {t.order.nextApproval(listWords(props.approvers.map((id) => props.name(id))))}
            </Show>
            <Show when={props.canApprove}> {t.order.nextYouApprove}</Show>
          </p>
        </Show>
        <Show when={missing().length > 0}>
          <p>{t.order.nextMissing}</p>
          <ul data-testid="next-missing">
            <For each={missing()}>{(item) => <li>{item.label}</li>}</For>
          </ul>
          <Show when={props.isRequester}>
            <p>{t.order.nextHandOver}</p>
          </Show>
        </Show>
        <p class="meta">{approval() ? t.order.nextAfterApproval : t.order.nextAfterInputs}</p>
      </section>
    </Show>
  );
}
