/**
 * One order anonymised for a scope (shared/privacy.ts), with everything that repeats its words:
 * its timeline events, the mail about it, its files, the notifications naming its requester, the
 * low rating's follow-up, mail that came in about it (subject and raw message) and its webhook
 * events' payloads (the title). Used by erasure (scope `person`) and retention (`everyone`).
 *
 * Every step is idempotent: events and records rewritten in place, deletes, the order written
 * conditional on the version read (a concurrent change reloads and goes again).
 */
import { isDeepStrictEqual } from 'node:util';
import { ConflictError } from '#shared/errors.ts';
import { ACTIVE_STATUSES, FINAL_STATUSES } from '#shared/lifecycle.ts';
import type { Order } from '#shared/model.ts';
import { notesOf } from '#shared/notes.ts';
import { digestIdsOf, digestRetitled } from '#shared/notifications.ts';
import {
  type AnonymiseScope,
  anonymiseEvent,
  anonymiseInbound,
  anonymiseOrder,
  eventToAnonymise,
  removableFields,
  webhookPayloadTitled,
} from '#shared/privacy.ts';
import type { ItemKey } from '../../repositories/privacy.ts';
import { keys } from '../../storage/keys.ts';
import type { PrivacyDeps } from './deps.ts';

const ORDER_RETRIES = 5;

export interface OrderAnonymised {
  order: Order;
  changed: boolean;
  comments: number;
  files: number;
  mails: number;
  inboundMails: number;
  webhookEvents: number;
}

/**
 * `dropMail` picks the mail about the order to delete; `closing`, when given, is removed with the
 * order's write (also when the order is gone or no longer closed).
 */
export async function anonymiseOrderFor(
  deps: PrivacyDeps,
  number: string,
  scope: AnonymiseScope,
  dropMail: (to: string[], order: Order) => boolean,
  closing?: ItemKey,
): Promise<OrderAnonymised | undefined> {
  const { privacy, files } = deps;
  for (let attempt = 0; ; attempt++) {
    const { order, events } = await privacy.order(number);
    if (!order || (closing && !FINAL_STATUSES.has(order.status))) {
      if (closing) await privacy.remove([closing]);
      return undefined;
    }
    const [filed, current] = await Promise.all([
      deps.services.getVersion(order.serviceId, order.serviceVersion),
      deps.services.get(order.serviceId),
    ]);
    const fields = removableFields(filed?.form, current?.form);
    const at = deps.now().toISOString();
    const { order: next, removedFiles } = anonymiseOrder(order, fields, scope, at);
    const touched = events.filter(({ event }) => eventToAnonymise(event, scope));
    await privacy.rewriteEvents(touched.map(({ key, event }) => ({ key, event: anonymiseEvent(event, scope) })));
    const allMail = await privacy.mailsOf(number);
    const asRequester = scope.kind === 'everyone' || order.requesterId === scope.personId;
    let inboundMails = 0;
    let webhookEvents = 0;
    if (asRequester) {
      // The notifications of the order's mail name its requester: not any more.
      await privacy.forgetRequesterOnNotes(
        allMail.flatMap(({ mail }) => notesOf(mail).map((note) => keys.note(note.personId, note.id))),
      );
      inboundMails = await forgetInboundAbout(deps, number, scope, at);
      webhookEvents = await retitleWebhookEvents(deps, number, next.title);
      await retitleDigests(deps, order, next.title);
    }
    const mails = allMail.filter(({ mail }) => dropMail(mail.to ?? [], order));
    await privacy.remove(mails.map((m) => m.key));
    if (files && removedFiles.length > 0) await files.remove(removedFiles);
    const followUp =
      asRequester && order.survey?.followUpOpened ? await privacy.followUp(order.department, order.number) : undefined;
    const changed = JSON.stringify(next) !== JSON.stringify(order);
    try {
      await privacy.writeAnonymised(changed ? { ...next, version: order.version + 1 } : undefined, order, {
        ...(followUp?.comment !== undefined ? { followUp: { department: order.department, number } } : {}),
        ...(closing ? { closing } : {}),
      });
    } catch (error) {
      if (error instanceof ConflictError && attempt < ORDER_RETRIES) continue;
      throw error;
    }
    return {
      order: next,
      changed,
      comments: touched.length,
      files: removedFiles.length,
      mails: mails.length,
      inboundMails,
      webhookEvents,
    };
  }
}

/**
 * Mail that came in about the requester's order repeats its title in the subject and may quote their
 * words: the subject and the raw message go, whoever sent it; the sender's own data goes when the
 * sender is the scope's person (or for everyone).
 */
async function forgetInboundAbout(deps: PrivacyDeps, number: string, scope: AnonymiseScope, at: string) {
  let changed = 0;
  for (const record of await deps.inbound.aboutOrder(number)) {
    const sender = scope.kind === 'everyone' || record.personId === scope.personId;
    const next = anonymiseInbound(record, sender, at);
    // Compared by value: a stored map keeps no attribute order.
    if (isDeepStrictEqual(next, record)) continue;
    await deps.inbound.rewrite(next);
    await deps.rawMail?.remove([record.rawKey]);
    changed++;
  }
  return changed;
}

/** The order's webhook events (every subscription, delivered or waiting) name it by its new title. */
async function retitleWebhookEvents(deps: PrivacyDeps, number: string, title: string) {
  let changed = 0;
  for (const { id, payload } of await deps.webhooks.ofOrder(number)) {
    const next = webhookPayloadTitled(payload, title);
    if (next === payload) continue;
    await deps.webhooks.rewritePayload(id, next);
    changed++;
  }
  return changed;
}

/**
 * The head's daily digests list late orders by title: those of the days the order was active name it
 * by its new title (digests are kept in the outbox under ids fixed by department and day).
 */
async function retitleDigests(deps: PrivacyDeps, order: Order, title: string) {
  const until = ACTIVE_STATUSES.has(order.status) ? deps.now().toISOString() : order.updatedAt;
  for (const mail of await deps.privacy.mailWords(digestIdsOf(order, until))) {
    const words = digestRetitled(mail, order.number, title);
    if (words) await deps.privacy.rewriteMailWords(mail.id, words);
  }
}
