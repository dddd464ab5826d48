/**
 * A person's erasure (GDPR article 17): their orders stay for the departments' figures, their words
 * go. Each order they requested or took part in is anonymised for them (anonymise.ts: events, mail,
 * files, notes, follow-up, mail in about it, webhook payloads, search terms with the order); then
 * what is theirs alone: their notifications, the mail they sent in (words and raw message) with
 * Ordo's answers to it and the days their address was answered, every object they uploaded or had
 * exported, their name on the customers view's rows, and their profile (a tombstone, out of the
 * people list and directory, no roles, no survey budget) with the audit record. Report counters are
 * never written, so every figure reads the same. Run again, it finishes what a stopped run left.
 */
import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '#shared/errors.ts';
import { UPLOAD_STAGING, type User } from '#shared/model.ts';
import { listedWords } from '#shared/people.ts';
import {
  type AnonymiseScope,
  anonymiseInbound,
  type ErasureAnswer,
  formerEmployeeName,
  tombstone,
} from '#shared/privacy.ts';
import { EXPORTS_PREFIX, keys } from '../../storage/keys.ts';
import { anonymiseOrderFor } from './anonymise.ts';
import type { PrivacyDeps } from './deps.ts';

export async function erasePerson(deps: PrivacyDeps, admin: User, personId: string): Promise<ErasureAnswer> {
  const { privacy, files } = deps;
  const items = await privacy.person(personId);
  const profile = items.profile;
  if (!profile) throw new NotFoundError('person_not_found', { id: personId });
  // Erasing twice keeps the number the person was first shown under.
  const n = profile.erased?.n ?? (await privacy.nextErased());
  const alias = formerEmployeeName(n);
  const scope: AnonymiseScope = { kind: 'person', personId, alias, name: profile.name };
  const requested = await privacy.requestedOrders(personId);
  const numbers = [...new Set([...requested, ...items.involved])].sort();
  const answer: ErasureAnswer = {
    alias,
    orders: 0,
    comments: 0,
    files: 0,
    mails: 0,
    inboundMails: 0,
    webhookEvents: 0,
  };
  const departments = new Set<string>();
  const email = profile.email.toLowerCase();
  for (const number of numbers) {
    // Mail about their own orders names them, whoever it went to; on other orders, mail to them.
    const done = await anonymiseOrderFor(
      deps,
      number,
      scope,
      (mailTo, order) =>
        order.requesterId === personId || (email !== '' && mailTo.some((to) => to.toLowerCase() === email)),
    );
    if (!done) continue;
    answer.orders++;
    answer.comments += done.comments;
    answer.files += done.files;
    answer.mails += done.mails;
    answer.inboundMails += done.inboundMails;
    answer.webhookEvents += done.webhookEvents;
    if (done.order.requesterId === personId) departments.add(done.order.department);
  }
  // Their own notifications.
  await privacy.remove(items.notes.map((n) => n.key));
  const inbound = await forgetMailIn(deps, personId, email);
  answer.inboundMails += inbound.records;
  answer.mails += inbound.answers;
  // Whatever they uploaded, attached or not, and any export of their data.
  if (files) {
    const left = [
      ...(await files.list(`uploads/${personId}/`)),
      ...(await files.list(`${UPLOAD_STAGING.prefix}${personId}/`)),
      ...(await files.list(`${EXPORTS_PREFIX}${personId}/`)),
    ];
    answer.files += await files.remove(left);
  }
  // Their name on the customers view's rows: the counters stay as they are.
  for (const department of departments) {
    await privacy.relabel(await privacy.customerRowsOf(department, personId), alias);
  }
  const at = deps.now().toISOString();
  const stone: User = { ...tombstone(profile, alias), erased: profile.erased ?? { at, n } };
  await privacy.bury(stone, listedWords(profile.listed), Object.keys(profile.memberships ?? {}), items.surveyBudget, {
    at,
    actorId: admin.id,
    action: 'person_erased',
    subjectId: personId,
    changes: [
      { field: 'orders', after: answer.orders },
      { field: 'comments', after: answer.comments },
      { field: 'files', after: answer.files },
      { field: 'mails', after: answer.mails },
      { field: 'inboundMails', after: answer.inboundMails },
      { field: 'webhookEvents', after: answer.webhookEvents },
    ],
  });
  deps.users.forget(personId);
  deps.log.info('privacy.erased', { orders: answer.orders, files: answer.files, inbound: answer.inboundMails });
  return answer;
}

/**
 * Mail they sent in, found by sender (their id, or their address when they were not recognised):
 * each record without their words, its raw message deleted, Ordo's answer to it deleted; and the
 * days their address got an answer (the address is the item's key).
 */
async function forgetMailIn(deps: PrivacyDeps, personId: string, email: string) {
  const at = deps.now().toISOString();
  let records = 0;
  let answers = 0;
  for (const record of await deps.inbound.fromSender(personId, email)) {
    if (record.outcome && record.answered) {
      const answer = keys.outboxMessage(keys.inboundAnswer(record.id, record.outcome));
      if (await deps.privacy.mail(keys.inboundAnswer(record.id, record.outcome))) {
        await deps.privacy.remove([answer]);
        answers++;
      }
    }
    const next = anonymiseInbound(record, true, at);
    // Compared by value: a stored map keeps no attribute order.
    if (isDeepStrictEqual(next, record)) continue;
    await deps.inbound.rewrite(next);
    await deps.rawMail?.remove([record.rawKey]);
    records++;
  }
  if (email) await deps.inbound.forgetAnswered(email);
  return { records, answers };
}
