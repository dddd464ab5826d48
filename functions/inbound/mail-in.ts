/**
 * Mail in: one inbound message → one recorded outcome. A reply to an order's signed address becomes
 * the sender's public comment (or answers the open clarification request, as the portal's answer
 * does); a mail to a department's address files an order in its intake service; anything else is
 * dropped or refused with a code (shared/inbound.ts), and the raw message is kept either way.
 *
 * Idempotent by the raw message's key: the record is claimed first, and a message already done
 * answers its record. A failure releases the claim and throws, so the caller's retry (Lambda's
 * asynchronous retries in AWS, the SMTP stand-in's locally) processes it again; nothing is lost.
 * The order changes are the same use cases the portal calls, so every rule applies as there.
 */
import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { DomainError } from '#shared/errors.ts';
import {
  ANSWERED_REFUSALS,
  type AuthVerdicts,
  automaticKind,
  cleanSubject,
  composeInboundRefusal,
  INBOUND_MAX_BYTES,
  type InboundAddress,
  type InboundHeaders,
  type InboundOutcome,
  intakeAnswers,
  isUnauthenticated,
  parseInboundAddress,
  senderAddress,
  stripReply,
  verdictsFromHeaders,
} from '#shared/inbound.ts';
import { mailLanguage } from '#shared/mail-words.ts';
import { ATTACHMENT_LIMITS, type Order, type User } from '#shared/model.ts';
import type { Logger } from '../observability/logger.ts';
import { type Metrics, noMetrics } from '../observability/metrics.ts';
import type { InboundAttachment, InboundRecord, InboundRepository } from '../repositories/inbound.ts';
import type { OrderRepository } from '../repositories/orders.ts';
import type { ServiceRepository } from '../repositories/services.ts';
import type { UserRepository } from '../repositories/users.ts';
import { keys } from '../storage/keys.ts';
import type { OrderWorkflow } from '../workflows/orders/index.ts';
import type { ReplyAddresses } from './reply-address.ts';
import type { InboundStore } from './store.ts';

export interface MailInDeps {
  inbound: InboundRepository;
  store: InboundStore;
  replies: ReplyAddresses;
  orders: OrderRepository;
  users: UserRepository;
  services: ServiceRepository;
  orderWorkflow: OrderWorkflow;
  portalUrl: string;
  /** Ordo's own sending addresses: mail from them is a loop. */
  ownAddresses: string[];
  /** The receiving server whose Authentication-Results header is trusted (SES: amazonses.com). */
  trustedServer: string;
  now: () => Date;
  log: Logger;
  /** MailsReceived per message taken in, MailsDropped and MailsRefused by outcome. */
  metrics?: Metrics;
}

/** One message as the receiving side hands it over. */
export interface InboundDelivery {
  /** Key of the raw message in the inbound bucket. */
  key: string;
  /** Envelope recipients (SES receipt, SMTP RCPT TO); the To and Cc headers when absent. */
  recipients?: string[];
  /** Verdicts the receiving server gave apart from the headers (the SES receipt). */
  verdicts?: AuthVerdicts;
}

/** The message is being processed by another attempt right now; try again later. */
export class InboundBusyError extends Error {}

interface Reading {
  parsed: Email;
  headers: InboundHeaders;
  from?: string;
  subject: string;
  text: string;
}

/** What an action decided, before it is recorded. */
type Decision = Partial<InboundRecord> & { outcome: InboundOutcome };

/** The record id of a raw key: its last path segment (SES names objects by its message id). */
export function inboundIdOf(key: string): string {
  return (key.split('/').pop() ?? key).replace(/[^\w.-]/g, '_').slice(0, 200);
}

export class MailIn {
  constructor(private readonly deps: MailInDeps) {}

  async receive(delivery: InboundDelivery): Promise<InboundRecord> {
    const { inbound, now, log } = this.deps;
    const id = inboundIdOf(delivery.key);
    const claim = await inbound.claim(id, delivery.key, now());
    if (claim.kind === 'done') return claim.record;
    if (claim.kind === 'busy') throw new InboundBusyError(`Inbound message ${id} is being processed.`);
    try {
      const decision = await this.process(id, delivery);
      const record = await inbound.finish({ ...claim.record, ...decision }, now());
      const metrics = this.deps.metrics ?? noMetrics;
      metrics.count('MailsReceived');
      if (record.outcome?.startsWith('dropped_')) metrics.count('MailsDropped');
      if (record.outcome?.startsWith('refused_')) metrics.count('MailsRefused');
      log.info('mail.in', { id, outcome: record.outcome, orderNumber: record.orderNumber, attempts: record.attempts });
      return record;
    } catch (error) {
      log.warn('mail.in.retry', { id, attempts: claim.record.attempts, error: (error as Error).message });
      await inbound.release(id).catch(() => {});
      throw error;
    }
  }

  private async process(id: string, delivery: InboundDelivery): Promise<Decision> {
    const raw = await this.deps.store.raw(delivery.key);
    if (!raw) throw new Error(`The raw message ${delivery.key} is not in the inbound bucket.`);
    if (raw.length > INBOUND_MAX_BYTES) {
      // Only the header is read: enough to answer the sender with the limit.
      const head = await this.read(raw.subarray(0, headerEnd(raw)));
      const to = (delivery.recipients?.length ? delivery.recipients : addressesOf(head.parsed)).map((r) =>
        r.toLowerCase(),
      );
      const target = to
        .map((r) => parseInboundAddress(r, this.deps.replies.domain))
        .find((a) => a.kind !== 'elsewhere');
      const signed = target?.kind !== 'order' || this.deps.replies.verify(target.number, target.signature);
      const department = signed ? await this.departmentOf(target) : undefined;
      return this.refuse(id, head, {
        outcome: 'refused_too_large',
        size: raw.length,
        to: to.slice(0, 10),
        subject: head.subject.slice(0, 300),
        ...(department ? { department } : {}),
      });
    }
    const mail = await this.read(raw);
    const base: Partial<InboundRecord> = {
      size: raw.length,
      subject: mail.subject.slice(0, 300),
      ...(mail.from ? { from: mail.from } : {}),
      ...(mail.parsed.messageId ? { messageId: mail.parsed.messageId.slice(0, 300) } : {}),
    };
    const recipients = (delivery.recipients?.length ? delivery.recipients : addressesOf(mail.parsed)).map((r) =>
      r.toLowerCase(),
    );
    base.to = recipients.slice(0, 10);

    const target = recipients
      .map((r) => parseInboundAddress(r, this.deps.replies.domain))
      .find((a) => a.kind !== 'elsewhere');
    if (target?.kind === 'order' && !this.deps.replies.verify(target.number, target.signature)) {
      // A forged address names nothing: listed with mail that reached no department.
      return this.refuse(id, mail, { ...base, outcome: 'refused_bad_signature', orderNumber: target.number });
    }
    // Listed in the department written to, whatever becomes of the message.
    const department = await this.departmentOf(target);
    if (department) base.department = department;

    const automatic = automaticKind(mail.headers, mail.from, this.deps.ownAddresses, [this.deps.replies.domain]);
    if (automatic) return { ...base, outcome: automatic };
    const verdicts = delivery.verdicts ?? verdictsFromHeaders(mail.headers, this.deps.trustedServer);
    if (!mail.from || isUnauthenticated(verdicts))
      return this.refuse(id, mail, { ...base, outcome: 'refused_unauthenticated' });
    const fresh = await this.deps.inbound.markSeen(
      id,
      {
        ...(mail.parsed.messageId ? { messageId: hash(mail.parsed.messageId) } : {}),
        content: hash(`${mail.from}\n${recipients.join(',')}\n${mail.subject}\n${mail.text}`),
      },
      this.deps.now(),
    );
    if (!fresh) return { ...base, outcome: 'dropped_duplicate' };

    if (target?.kind === 'order') return this.reply(id, mail, base, target.number);
    if (target?.kind === 'department') return this.newOrder(id, mail, base, target.localPart);
    return this.refuse(id, mail, { ...base, outcome: 'refused_unknown_address', to: recipients.slice(0, 10) });
  }

  /** The department an inbound address leads to: the order's, or the one receiving at the local part. */
  private async departmentOf(target: InboundAddress | undefined): Promise<string | undefined> {
    if (target?.kind === 'order') return (await this.deps.orders.get(target.number))?.department;
    if (target?.kind === 'department') return (await this.deps.inbound.intakeAt(target.localPart))?.department;
    return undefined;
  }

  /** A reply to an order's address: the sender's comment, or the answer to the open question. */
  private async reply(id: string, mail: Reading, base: Partial<InboundRecord>, number: string): Promise<Decision> {
    const found = await this.deps.orders.get(number);
    const at = { ...base, orderNumber: number };
    if (!found) return this.refuse(id, mail, { ...at, outcome: 'refused_by_order', detail: 'order_not_found' });
    const withDepartment = { ...at, department: found.department };
    const person = await this.participant(found, mail.from as string);
    if (!person) {
      const known = await this.personByEmail(mail.from as string);
      return this.refuse(id, mail, {
        ...withDepartment,
        outcome: known ? 'refused_not_participant' : 'refused_unknown_sender',
      });
    }
    const who = { ...withDepartment, personId: person.id };
    const flow = this.deps.orderWorkflow;
    try {
      let order = found;
      const attachments = await this.attachmentsFor(mail.parsed, person);
      // Files go to the order's open inputs that take a file, in the checklist's order.
      const service = await this.deps.services.getVersion(order.serviceId, order.serviceVersion);
      const fileInputs = new Set((service?.inputs ?? []).filter((i) => i.kind === 'attachment').map((i) => i.id));
      for (const file of attachments) {
        if (!file.key) continue;
        const open = order.inputs.find((i) => fileInputs.has(i.id) && !i.done);
        if (!open) {
          file.note = 'no_place';
          continue;
        }
        order = (
          await flow.handInput(person, number, open.id, { version: order.version, done: true, attachment: file.key })
        ).order;
      }
      const text = this.words(mail, attachments);
      if (!text) {
        return { ...who, outcome: 'commented', attachments: listed(attachments) };
      }
      if (order.status === 'waiting_for_customer' && order.requesterId === person.id) {
        await flow.transition(person, number, {
          action: 'answer_clarification',
          version: order.version,
          comment: text,
        });
        return { ...who, outcome: 'answered', attachments: listed(attachments) };
      }
      await flow.comment(person, number, { text, visibility: 'public' });
      return { ...who, outcome: 'commented', attachments: listed(attachments) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.refuse(id, mail, { ...who, outcome: 'refused_by_order', detail: String(error.code) }, person);
    }
  }

  /** A mail to a department's address: an order in its intake service, filed as the sender. */
  private async newOrder(
    id: string,
    mail: Reading,
    base: Partial<InboundRecord>,
    localPart: string,
  ): Promise<Decision> {
    const intake = await this.deps.inbound.intakeAt(localPart);
    if (!intake) return this.refuse(id, mail, { ...base, outcome: 'refused_unknown_address' });
    const at = { ...base, department: intake.department };
    const person = await this.personByEmail(mail.from as string);
    if (!person) return this.refuse(id, mail, { ...at, outcome: 'refused_unknown_sender' });
    const who = { ...at, personId: person.id };
    try {
      const service = await this.deps.services.get(intake.serviceId);
      const attachments = await this.attachmentsFor(mail.parsed, person);
      const answers: Record<string, string> = intakeAnswers(
        service?.form ?? [],
        cleanSubject(mail.subject),
        stripReply(mail.text),
      );
      // Files fill the form's file fields, then the inputs that take a file.
      const files = attachments.filter((a) => a.key);
      for (const field of (service?.form ?? []).filter((f) => f.kind === 'attachment')) {
        const file = files.shift();
        if (file?.key) answers[field.id] = file.key;
      }
      const inputs: Record<string, { attachment: string }> = {};
      for (const input of (service?.inputs ?? []).filter((i) => i.kind === 'attachment')) {
        const file = files.shift();
        if (file?.key) inputs[input.id] = { attachment: file.key };
      }
      for (const file of files) file.note = 'no_place';
      const filed = await this.deps.orderWorkflow.create(
        person,
        { serviceId: intake.serviceId, answers, ...(Object.keys(inputs).length ? { inputs } : {}) },
        undefined,
        'email',
      );
      return { ...who, outcome: 'filed', orderNumber: filed.order.number, attachments: listed(attachments) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.refuse(id, mail, { ...who, outcome: 'refused_by_order', detail: String(error.code) }, person);
    }
  }

  /** Records a refusal and, for those that are answered, queues the answer (once a day per address). */
  private async refuse(id: string, mail: Reading, decision: Decision, person?: User): Promise<Decision> {
    const to = mail.from;
    if (!to || !ANSWERED_REFUSALS.has(decision.outcome)) return { ...decision, answered: false };
    const language = mailLanguage(person ?? (await this.personByEmail(to)));
    const now = this.deps.now();
    const message = composeInboundRefusal({
      id: keys.inboundAnswer(id, decision.outcome),
      outcome: decision.outcome,
      to,
      language,
      subject: mail.subject,
      portalUrl: this.deps.portalUrl,
      ...(decision.to?.[0] ? { address: decision.to[0] } : {}),
      ...(decision.orderNumber ? { orderNumber: decision.orderNumber } : {}),
    });
    const answered = await this.deps.inbound.answerOncePerDay(
      to,
      decision.outcome,
      now.toISOString().slice(0, 10),
      message,
      now.toISOString(),
    );
    return {
      ...decision,
      answered,
      ...(mail.subject ? { subject: mail.subject.slice(0, 300) } : {}),
      ...(mail.from ? { from: mail.from } : {}),
    };
  }

  /** The person among the order's people (requester, watchers, assignee, the department's team) writing from `email`. */
  private async participant(order: Order, email: string): Promise<User | undefined> {
    const ids = [order.requesterId, ...order.watchers, ...(order.assigneeId ? [order.assigneeId] : [])];
    const people = await this.deps.users.getMany(ids);
    const match = (p: User | undefined) => p?.email.toLowerCase() === email;
    const found = [...people.values()].find(match);
    if (found) return found;
    const team = await this.deps.users.members(order.department);
    return [...(await this.deps.users.getMany(team.map((m) => m.id))).values()].find(match);
  }

  /** A person by email: the people directory lists everyone under their whole address (one Query, one read). */
  private async personByEmail(email: string): Promise<User | undefined> {
    const card = (await this.deps.users.search(email)).find((p) => p.email.toLowerCase() === email);
    return card ? this.deps.users.get(card.id) : undefined;
  }

  /** The reply's own words, with a note of the files that were not attached. */
  private words(mail: Reading, attachments: InboundAttachment[]): string {
    const text = stripReply(mail.text).slice(0, 4_800);
    const left = attachments.filter((a) => !a.key || a.note);
    if (left.length === 0) return text;
    const note = `[${left.length === 1 ? 'A file was' : `${left.length} files were`} not attached: ${left.map((a) => a.name).join(', ')}]`;
    return text ? `${text}\n\n${note}` : note;
  }

  /** Stores the message's files that meet the upload limits; the others are listed with why. */
  private async attachmentsFor(parsed: Email, person: User): Promise<InboundAttachment[]> {
    const out: InboundAttachment[] = [];
    for (const file of parsed.attachments.slice(0, 20)) {
      if (file.related) continue; // images embedded in the HTML body, e.g. a signature logo
      const name = (file.filename ?? 'attachment').slice(0, 200);
      const contentType = file.mimeType.toLowerCase();
      const content = contentOf(file.content);
      const entry: InboundAttachment = { name, contentType, size: content.length };
      if (!(ATTACHMENT_LIMITS.contentTypes as readonly string[]).includes(contentType)) entry.note = 'type';
      else if (content.length > ATTACHMENT_LIMITS.maxBytes || content.length === 0) entry.note = 'size';
      else entry.key = await this.deps.store.putAttachment(person.id, { name, contentType, content });
      out.push(entry);
    }
    return out;
  }

  private async read(raw: Buffer): Promise<Reading> {
    // postal-mime: MIME structure, encoded words and every charset Node's TextDecoder knows (full ICU);
    // HTML-only mail comes with its text made from the HTML.
    const parsed = await PostalMime.parse(raw);
    const lines = parsed.headerLines.map((h) => ({
      key: h.key.toLowerCase(),
      value: h.line
        .slice(h.line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    }));
    const headers: InboundHeaders = {
      get: (name) => lines.find((l) => l.key === name)?.value,
      all: (name) => lines.filter((l) => l.key === name).map((l) => l.value),
    };
    const from = senderAddress(mailboxes(parsed.from ? [parsed.from] : undefined)[0]?.toLowerCase());
    return {
      parsed,
      headers,
      ...(from ? { from } : {}),
      subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
      text: parsed.text ?? (typeof parsed.html === 'string' ? htmlToText(parsed.html) : ''),
    };
  }
}

function listed(attachments: InboundAttachment[]): InboundAttachment[] | undefined {
  return attachments.length ? attachments : undefined;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Where the header ends (the first empty line), for reading only the header of an oversized message. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) + 2 : Math.min(raw.length, 64 * 1024);
}

/** The addresses of a header's mailboxes, members of groups included. */
function mailboxes(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((a) => (a.group ? a.group.map((m) => m.address) : [a.address])).filter(Boolean);
}

function addressesOf(parsed: Email): string[] {
  return [...mailboxes(parsed.to), ...mailboxes(parsed.cc)];
}

function contentOf(content: ArrayBuffer | Uint8Array | string): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'base64');
  return content instanceof Uint8Array
    ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
    : Buffer.from(content);
}

/** A last resort for HTML-only mail: tags out, block ends as line breaks, entities of the basic set. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')
    .replace(/<(br|\/p|\/div|\/li)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
