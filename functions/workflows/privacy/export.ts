/**
 * A person's export (GDPR articles 15 and 20): everything Ordo holds about them as one versioned
 * JSON archive, written to the attachments bucket behind a link valid for an hour (or answered
 * inline without a bucket). Found by keys only: their partition (profile, notifications, the orders
 * they took part in), their orders as requester, each order's page and mail, and mail in by sender.
 *
 * Webhook events about their orders are not in it: they are the department's messages to its own
 * systems, and what they say of an order (number, service, title, status, score) is the order's,
 * which the archive holds in full.
 */
import type { AuditRecord } from '#shared/audit.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { Order, User } from '#shared/model.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportAnswer,
  type ExportedOrder,
  type PersonExport,
  uploadName,
  uploadOwner,
} from '#shared/privacy.ts';
import { keys } from '../../storage/keys.ts';
import { EXPORT_LINK_SECONDS, type PrivacyDeps } from './deps.ts';

export async function exportPerson(deps: PrivacyDeps, admin: User, personId: string): Promise<ExportAnswer> {
  const { privacy, files } = deps;
  const now = deps.now();
  const items = await privacy.person(personId);
  const profile = items.profile;
  if (!profile) throw new NotFoundError('person_not_found', { id: personId });
  const { listed: _listed, ...person } = profile;
  const requested = new Set(await privacy.requestedOrders(personId));
  const numbers = [...new Set([...requested, ...items.involved])].sort();
  const linksExpireAt = new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString();
  const archive: PersonExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    person,
    orders: [],
    comments: [],
    ratings: [],
    attachments: [],
    linksExpireAt,
    mails: [],
    inboundMails: [],
    notifications: items.notes.map(({ note }) => ({
      id: note.id,
      event: note.event,
      orderNumber: note.orderNumber,
      at: note.at,
      ...(note.readAt ? { readAt: note.readAt } : {}),
    })),
  };
  const email = person.email.toLowerCase();
  for (const number of numbers) await addOrder(deps, archive, number, personId, email);
  await addInbound(deps, archive, personId, email);

  const counts = {
    orders: archive.orders.length,
    comments: archive.comments.length,
    ratings: archive.ratings.length,
    attachments: archive.attachments.length,
    mails: archive.mails.length,
    inboundMails: archive.inboundMails.length,
    notifications: archive.notifications.length,
  };
  const audit: AuditRecord = {
    at: now.toISOString(),
    actorId: admin.id,
    action: 'person_exported',
    subjectId: personId,
    changes: Object.entries(counts).map(([field, after]) => ({ field, after })),
  };
  if (!files) {
    await privacy.audit(audit);
    return { archive, counts };
  }
  const key = keys.exportObject(personId, crypto.randomUUID());
  await files.putJson(key, archive, `ordo-export-${now.toISOString().slice(0, 10)}.json`);
  const url = await files.downloadUrl(key, EXPORT_LINK_SECONDS);
  await privacy.audit(audit);
  deps.log.info('privacy.exported', { counts });
  return { url, expiresAt: linksExpireAt, counts };
}

/** One order as the person may have it: in full when theirs, else its summary; their words, files and mail. */
async function addOrder(deps: PrivacyDeps, archive: PersonExport, number: string, personId: string, email: string) {
  const { order, events } = await deps.privacy.order(number);
  if (!order) return;
  const timeline = events.map((e) => e.event);
  const own = order.requesterId === personId;
  const roles: ExportedOrder['roles'] = [];
  if (own) roles.push('requester');
  if (order.filedById === personId && !own) roles.push('filed');
  if (order.watchers.includes(personId)) roles.push('watcher');
  if (roles.length === 0) roles.push('participant');
  const full = own || order.filedById === personId;
  const { children: _children, ...stored } = order;
  archive.orders.push(
    full
      ? {
          roles,
          order: stored,
          // What the requester may see of it: the public timeline and their own notes.
          timeline: timeline.filter((e) => e.visibility === 'public' || e.actorId === personId),
        }
      : {
          roles,
          order: {
            number: order.number,
            department: order.department,
            serviceName: order.serviceName,
            status: order.status,
            createdAt: order.createdAt,
          },
        },
  );
  for (const event of timeline) {
    if (event.actorId === personId && event.comment !== undefined) {
      archive.comments.push({
        orderNumber: number,
        at: event.at,
        kind: event.kind,
        visibility: event.visibility,
        comment: event.comment,
      });
    }
  }
  if (own && order.survey?.score !== undefined) {
    archive.ratings.push({
      orderNumber: number,
      score: order.survey.score,
      ...(order.survey.comment !== undefined ? { comment: order.survey.comment } : {}),
      ...(order.survey.category !== undefined ? { category: order.survey.category } : {}),
      ...(order.survey.respondedAt !== undefined ? { respondedAt: order.survey.respondedAt } : {}),
    });
  }
  for (const { key, where } of filesOf(order)) {
    if (!full && uploadOwner(key) !== personId) continue;
    const url = deps.files ? await deps.files.downloadUrl(key, EXPORT_LINK_SECONDS) : '';
    archive.attachments.push({ orderNumber: number, key, name: uploadName(key), where, url });
  }
  for (const { mail } of await deps.privacy.mailsOf(number)) {
    if (!mail.to.some((to) => to.toLowerCase() === email)) continue;
    archive.mails.push({
      id: mail.id,
      event: mail.event,
      subject: mail.subject,
      text: mail.text,
      ...(mail.orderNumber ? { orderNumber: mail.orderNumber } : {}),
      createdAt: mail.createdAt,
      status: mail.status,
    });
  }
}

/** Mail they sent to Ordo, with a link to each message as received, and Ordo's answers to refused ones. */
async function addInbound(deps: PrivacyDeps, archive: PersonExport, personId: string, email: string) {
  for (const record of await deps.inbound.fromSender(personId, email)) {
    const url = deps.rawMail ? await deps.rawMail.downloadUrl(record.rawKey, EXPORT_LINK_SECONDS) : undefined;
    archive.inboundMails.push({
      id: record.id,
      receivedAt: record.receivedAt,
      ...(record.outcome ? { outcome: record.outcome } : {}),
      ...(record.orderNumber ? { orderNumber: record.orderNumber } : {}),
      ...(record.department ? { department: record.department } : {}),
      ...(record.subject !== undefined ? { subject: record.subject } : {}),
      attachments: (record.attachments ?? []).map((a) => ({
        name: a.name,
        size: a.size,
        ...(a.key ? { key: a.key } : {}),
      })),
      ...(url ? { url } : {}),
    });
    if (record.answered && record.outcome) {
      const answer = await deps.privacy.mail(keys.inboundAnswer(record.id, record.outcome));
      if (answer) {
        archive.mails.push({
          id: answer.id,
          event: answer.event,
          subject: answer.subject,
          text: answer.text,
          createdAt: answer.createdAt,
          status: answer.status,
        });
      }
    }
  }
}

/** Every file an order refers to, with where: answers, inputs, deliverables. */
function filesOf(order: Order): Array<{ key: string; where: string }> {
  const out: Array<{ key: string; where: string }> = [];
  for (const [id, value] of Object.entries(order.answers)) {
    if (typeof value === 'string' && uploadOwner(value) !== undefined) out.push({ key: value, where: `answers.${id}` });
  }
  for (const item of order.inputs) if (item.attachment) out.push({ key: item.attachment, where: `inputs.${item.id}` });
  for (const item of order.deliverables) {
    if (item.attachment) out.push({ key: item.attachment, where: `deliverables.${item.id}` });
  }
  return out;
}
