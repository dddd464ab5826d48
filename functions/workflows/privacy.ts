/**
 * A person's data on request (GDPR articles 15, 17 and 20) and retention per service: an
 * administrator exports everything Ordo holds about a person, or erases them; the retention job
 * anonymises closed orders past their service's period. Rules in shared/privacy.ts; reads and writes
 * in repositories/privacy.ts (no Scan). Report counters are never written here, so every report,
 * count and gauge reads the same before and after.
 *
 * Each step is idempotent (events rewritten in place, deletes, an order write conditional on the
 * version read, the closing item removed with it), so a run that stops half-way is finished by the
 * next one, and two runs at once do the work once.
 */

import { UPLOAD_STAGING } from '#shared/api.ts';
import type { AuditRecord } from '#shared/audit.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { FINAL_STATUSES } from '#shared/lifecycle.ts';
import type { Order, User } from '#shared/model.ts';
import { notesOf } from '#shared/notes.ts';
import { listedWords } from '#shared/people.ts';
import {
  ANONYMOUS_NAME,
  type AnonymiseScope,
  anonymiseEvent,
  anonymiseOrder,
  type ErasureAnswer,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportAnswer,
  type ExportedOrder,
  eventToAnonymise,
  formerEmployeeName,
  isRetentionDue,
  type PersonExport,
  removableFields,
  retentionBound,
  SYSTEM_ACTOR,
  tombstone,
  uploadName,
  uploadOwner,
} from '#shared/privacy.ts';
import type { Logger } from '../observability/logger.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import type { OrderRepository, TransactItems } from '../repositories/orders.ts';
import type { ItemKey, PrivacyRepository } from '../repositories/privacy.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';
import { EXPORTS_PREFIX, keys } from '../storage/keys.ts';

/** What the workflow needs of the attachments bucket. */
export interface FileStore {
  list(prefix: string): Promise<string[]>;
  remove(keys: Iterable<string>): Promise<number>;
  putJson(key: string, body: unknown, fileName: string): Promise<void>;
  downloadUrl(key: string, seconds?: number): Promise<string>;
}

export interface PrivacyDeps {
  privacy: PrivacyRepository;
  orders: OrderRepository;
  services: Pick<ServiceRepository, 'get' | 'getVersion' | 'listByDepartment'>;
  departments: Pick<DepartmentRepository, 'list'>;
  users: Pick<UserRepository, 'fresh' | 'forget'>;
  /** Absent without an attachments bucket: the export is answered inline and no file is deleted. */
  files?: FileStore;
  log: Logger;
  now: () => Date;
}

/** How long the export's link (and the attachment links inside it) can be used. */
export const EXPORT_LINK_SECONDS = 60 * 60;

export interface RetentionRun {
  services: number;
  examined: number;
  anonymised: number;
  files: number;
}

const ORDER_RETRIES = 5;

export class PrivacyWorkflow {
  constructor(private readonly deps: PrivacyDeps) {}

  // ---- export (articles 15 and 20) ----

  async export(admin: User, personId: string): Promise<ExportAnswer> {
    const { privacy, files } = this.deps;
    const now = this.deps.now();
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
    };
    const email = person.email.toLowerCase();
    for (const number of numbers) {
      const { order, events } = await privacy.order(number);
      if (!order) continue;
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
        const url = files ? await files.downloadUrl(key, EXPORT_LINK_SECONDS) : '';
        archive.attachments.push({ orderNumber: number, key, name: uploadName(key), where, url });
      }
      for (const { mail } of await privacy.mailsOf(number)) {
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
    const counts = {
      orders: archive.orders.length,
      comments: archive.comments.length,
      ratings: archive.ratings.length,
      attachments: archive.attachments.length,
      mails: archive.mails.length,
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
    this.deps.log.info('privacy.exported', { counts });
    return { url, expiresAt: linksExpireAt, counts };
  }

  // ---- erasure (article 17) ----

  async erase(admin: User, personId: string): Promise<ErasureAnswer> {
    const { privacy, files } = this.deps;
    const items = await privacy.person(personId);
    const profile = items.profile;
    if (!profile) throw new NotFoundError('person_not_found', { id: personId });
    // Erasing twice keeps the number the person was first shown under.
    const n = profile.erased?.n ?? (await privacy.nextErased());
    const alias = formerEmployeeName(n);
    const scope: AnonymiseScope = { kind: 'person', personId, alias, name: profile.name };
    const requested = await privacy.requestedOrders(personId);
    const numbers = [...new Set([...requested, ...items.involved])].sort();
    const answer: ErasureAnswer = { alias, orders: 0, comments: 0, files: 0, mails: 0 };
    const departments = new Set<string>();
    const email = profile.email.toLowerCase();
    for (const number of numbers) {
      // Mail about their own orders names them, whoever it went to; on other orders, mail to them.
      const done = await this.anonymise(
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
      if (done.order.requesterId === personId) departments.add(done.order.department);
    }
    // Their own notifications.
    await privacy.remove(items.notes);
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
    const at = this.deps.now().toISOString();
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
      ],
    });
    this.deps.users.forget(personId);
    this.deps.log.info('privacy.erased', { orders: answer.orders, files: answer.files });
    return answer;
  }

  // ---- retention ----

  /**
   * Anonymises closed orders whose service's retention period has passed, found from each service's
   * closings oldest first (never a Scan, never an order that is not due). Runs late or twice do the
   * same work once: each closing item goes with its order's anonymisation. One audit record per run.
   */
  async retention(limitPerService = 200): Promise<RetentionRun> {
    const now = this.deps.now();
    const run: RetentionRun = { services: 0, examined: 0, anonymised: 0, files: 0 };
    for (const department of await this.deps.departments.list()) {
      for (const service of await this.deps.services.listByDepartment(department.code)) {
        const period = service.retention;
        if (!period) continue;
        run.services++;
        for (const closing of await this.deps.privacy.closings(
          service.id,
          retentionBound(now, period),
          limitPerService,
        )) {
          // Closings come oldest first and the due time grows with them: the first not due ends the list.
          if (!isRetentionDue(closing.closedAt, period, now)) break;
          run.examined++;
          const done = await this.anonymise(
            closing.orderNumber,
            { kind: 'everyone', alias: ANONYMOUS_NAME },
            () => true,
            closing.key,
          );
          if (done?.changed) run.anonymised++;
          run.files += done?.files ?? 0;
        }
      }
    }
    await this.deps.privacy.audit({
      at: now.toISOString(),
      actorId: SYSTEM_ACTOR,
      action: 'retention_run',
      subjectId: 'retention',
      changes: [
        { field: 'services', after: run.services },
        { field: 'examined', after: run.examined },
        { field: 'anonymised', after: run.anonymised },
        { field: 'files', after: run.files },
      ],
    });
    this.deps.log.info('retention.run', { ...run });
    return run;
  }

  /**
   * One order anonymised for `scope`: its events' words, the mail about it that `dropMail` picks,
   * its files, the rating's words on the follow-up, then the order itself (conditional on the version
   * read; a concurrent change reloads and goes again). `closing`, when given, is removed with the
   * order's write (also when the order is gone or not closed any more).
   */
  private async anonymise(
    number: string,
    scope: AnonymiseScope,
    dropMail: (to: string[], order: Order) => boolean,
    closing?: ItemKey,
  ): Promise<{ order: Order; changed: boolean; comments: number; files: number; mails: number } | undefined> {
    const { privacy, orders, files } = this.deps;
    for (let attempt = 0; ; attempt++) {
      const { order, events } = await privacy.order(number);
      if (!order || (closing && !FINAL_STATUSES.has(order.status))) {
        if (closing) await privacy.remove([closing]);
        return undefined;
      }
      const [filed, current] = await Promise.all([
        this.deps.services.getVersion(order.serviceId, order.serviceVersion),
        this.deps.services.get(order.serviceId),
      ]);
      const fields = removableFields(filed?.form, current?.form);
      const at = this.deps.now().toISOString();
      const { order: next, removedFiles } = anonymiseOrder(order, fields, scope, at);
      const touched = events.filter(({ event }) => eventToAnonymise(event, scope));
      await privacy.rewriteEvents(touched.map(({ key, event }) => ({ key, event: anonymiseEvent(event, scope) })));
      const allMail = await privacy.mailsOf(number);
      const asRequester = scope.kind === 'everyone' || order.requesterId === scope.personId;
      // The notifications of the order's mail name its requester: not any more.
      if (asRequester) {
        await privacy.forgetRequesterOnNotes(
          allMail.flatMap(({ mail }) => notesOf(mail).map((note) => keys.note(note.personId, note.id))),
        );
      }
      const mails = allMail.filter(({ mail }) => dropMail(mail.to ?? [], order));
      await privacy.remove(mails.map((m) => m.key));
      if (files && removedFiles.length > 0) await files.remove(removedFiles);
      const extra: TransactItems = [];
      if (asRequester && order.survey?.followUpOpened) {
        const followUp = await privacy.followUp(order.department, order.number);
        if (followUp?.comment !== undefined) extra.push(privacy.followUpWithoutWords(order.department, order.number));
      }
      if (closing) extra.push(privacy.closingDone(closing));
      const changed = JSON.stringify(next) !== JSON.stringify(order);
      try {
        if (changed) {
          await orders.rewrite({ ...next, version: order.version + 1 }, order, extra);
        } else if (extra.length > 0) {
          // Nothing left to remove on the order (a second run): only the closing and the follow-up.
          await privacy.write(extra);
        }
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
      };
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
