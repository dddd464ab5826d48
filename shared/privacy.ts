/**
 * A person's data under control (GDPR articles 15, 17 and 20) and retention per service, as pure rules:
 * what an anonymised order and timeline event look like, which answers a reader may see, when a
 * closed order's personal data is due for removal, and the shape of a person's export.
 *
 * Anonymising keeps what the departments' figures need (ids, statuses, clocks, scores, reason codes,
 * the requester's segments) and removes or replaces the words: the requester's name and address,
 * answers of fields marked personal or sensitive and of file fields, the title (it may be built from
 * answers), comments, notes, the rating's comment and files. Report counters are never touched, so a
 * report reads the same before and after. Applying it twice changes nothing more than applying it once.
 */
import type {
  Answers,
  ChecklistState,
  FormField,
  MailMessage,
  Order,
  RetentionPeriod,
  TimelineEvent,
  User,
} from './model.ts';
import { type Refusal, refusal } from './refusals.ts';

/** The actor id of Ordo's own events (timers, automation): its words are fixed text, never a person's. */
export const SYSTEM_ACTOR = 'ordo';

/** The name an anonymised order's requester is shown under when the order outlived its retention period. */
export const ANONYMOUS_NAME = 'Anonymous';

/** The name an erased person is shown under from then on: a number, so their orders can still be told apart. */
export function formerEmployeeName(n: number): string {
  return `Former employee #${n}`;
}

/**
 * Whose data is removed: one person's (erasure: their name, their answers as requester, their
 * comments and files on every order) or everyone's on the order (its retention period passed).
 */
export type AnonymiseScope =
  /** `name`: the person's full name, replaced by the alias where anyone's words (or Ordo's) name them. */
  { kind: 'person'; personId: string; alias: string; name?: string } | { kind: 'everyone'; alias: string };

/** The owner of an upload key (`uploads/<userId>/<uuid>/<file name>`), if it is one. */
export function uploadOwner(key: string): string | undefined {
  const match = /^uploads\/([^/]+)\/[^/]+\/[^/]+$/.exec(key);
  return match?.[1];
}

/** The file name of an upload key. */
export function uploadName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * Ids of the answers anonymising removes: fields marked personal or sensitive, and file fields (an
 * uploaded file is the requester's). Every form given counts (the version an order was filed under
 * and the current one, so a field marked later is removed too).
 */
export function removableFields(...forms: ReadonlyArray<ReadonlyArray<FormField> | undefined>): Set<string> {
  const ids = new Set<string>();
  for (const form of forms) {
    for (const field of form ?? []) if (field.privacy || field.kind === 'attachment') ids.add(field.id);
  }
  return ids;
}

/** Ids of the answers only the requester and the team may read. */
export function sensitiveFields(...forms: ReadonlyArray<ReadonlyArray<FormField> | undefined>): Set<string> {
  const ids = new Set<string>();
  for (const form of forms) for (const field of form ?? []) if (field.privacy === 'sensitive') ids.add(field.id);
  return ids;
}

/** The answers a reader may see: without the sensitive ones, unless the reader is the requester or the team. */
export function visibleAnswers(
  answers: Answers,
  form: ReadonlyArray<FormField> | undefined,
  seesSensitive: boolean,
): Answers {
  if (seesSensitive) return answers;
  const hidden = sensitiveFields(form);
  if (hidden.size === 0) return answers;
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !hidden.has(id)));
}

/** Files of the order an anonymisation removes, and the order without them. */
export interface AnonymisedOrder {
  order: Order;
  /** Upload keys the order referred to and no longer does: to delete from the bucket. */
  removedFiles: string[];
}

const ownedBy = (key: string | undefined, scope: AnonymiseScope) =>
  key !== undefined && (scope.kind === 'everyone' || uploadOwner(key) === scope.personId);

function anonymiseChecklist(items: ChecklistState[], scope: AnonymiseScope, removed: string[]): ChecklistState[] {
  return items.map((item) => {
    const next = { ...item };
    if (ownedBy(item.attachment, scope)) {
      removed.push(item.attachment as string);
      delete next.attachment;
    }
    if (item.note !== undefined && (scope.kind === 'everyone' || item.by === scope.personId)) delete next.note;
    return next;
  });
}

/**
 * The order without the scope's personal data. `fields`: the answers to remove (removableFields).
 * The person of a `person` scope loses, as requester, their name, address, those answers, the
 * title, the rating's comment and the closing words; as anyone, their files and notes and their
 * place among the watchers. An `everyone` scope removes all of that whoever wrote it.
 */
export function anonymiseOrder(
  order: Order,
  fields: ReadonlySet<string>,
  scope: AnonymiseScope,
  at: string,
): AnonymisedOrder {
  const removedFiles: string[] = [];
  const next: Order = { ...order };
  const asRequester = scope.kind === 'everyone' || order.requesterId === scope.personId;

  const answers: Answers = {};
  for (const [id, value] of Object.entries(order.answers)) {
    if (typeof value === 'string' && uploadOwner(value) !== undefined && ownedBy(value, scope)) {
      removedFiles.push(value);
      continue;
    }
    if (asRequester && fields.has(id)) continue;
    answers[id] = value;
  }
  next.answers = answers;
  next.inputs = anonymiseChecklist(order.inputs, scope, removedFiles);
  next.deliverables = anonymiseChecklist(order.deliverables, scope, removedFiles);
  if (scope.kind === 'person') next.watchers = order.watchers.filter((id) => id !== scope.personId);

  if (asRequester) {
    next.requesterName = scope.alias;
    next.requesterEmail = '';
    next.title = order.serviceName;
    if (order.survey?.comment !== undefined) {
      const { comment: _comment, ...survey } = order.survey;
      next.survey = survey;
    }
    if (order.closure?.text !== undefined) next.closure = { reason: order.closure.reason };
    if (order.clarification) {
      next.clarification = { ...order.clarification, question: '' };
    }
    next.anonymised = order.anonymised ?? { at, reason: scope.kind === 'everyone' ? 'retention' : 'erasure' };
  }
  return { order: next, removedFiles: [...new Set(removedFiles)] };
}

const namedIn = (comment: string, scope: AnonymiseScope) =>
  scope.kind === 'person' &&
  scope.name !== undefined &&
  scope.name !== scope.alias &&
  scope.name.trim().length > 1 &&
  comment.includes(scope.name);

/**
 * Whether anonymising changes the event: it carries words of a person the scope covers, or (erasure)
 * someone else's words name the person, e.g. Ordo's "added Anna Kowalska".
 */
export function eventToAnonymise(event: TimelineEvent, scope: AnonymiseScope): boolean {
  if (event.comment === undefined) return false;
  if (scope.kind === 'everyone') return event.actorId !== SYSTEM_ACTOR;
  return event.actorId === scope.personId || namedIn(event.comment, scope);
}

/**
 * The event with the scope's words replaced by the removed marker (the rest, e.g. a reason code,
 * stays); someone else's words keep all but the erased person's name, which becomes the alias.
 */
export function anonymiseEvent(event: TimelineEvent, scope: AnonymiseScope): TimelineEvent {
  if (!eventToAnonymise(event, scope)) return event;
  const { comment, ...rest } = event;
  if (scope.kind === 'person' && event.actorId !== scope.personId && comment !== undefined && scope.name) {
    // Only reached when namedIn holds, so the name is there and differs from the alias.
    return { ...event, comment: comment.replaceAll(scope.name, scope.alias) };
  }
  return { ...rest, removed: true };
}

/** What anonymising keeps of a message that came in by mail (`InboundRecord` of repositories/inbound.ts). */
export interface InboundWords {
  from?: string;
  subject?: string;
  messageId?: string;
  attachments?: Array<{ name: string; contentType: string; size: number; key?: string; note?: string }>;
  anonymisedAt?: string;
}

/**
 * A message that came in by mail without its words. Its subject goes always (a reply's subject
 * repeats the order's title); `sender`: the sender's own data goes too (their address, the
 * Message-ID, their files' names and keys), for the sender's erasure or the order's retention.
 * Outcome, department, order, recognised person id, sizes and times stay: the department's log of
 * mail in still counts it. The raw message is deleted by the caller.
 */
export function anonymiseInbound<T extends InboundWords>(record: T, sender: boolean, at: string): T {
  const { subject: _subject, ...next } = record;
  const out = { ...next, anonymisedAt: record.anonymisedAt ?? at } as T;
  if (!sender) return out;
  delete out.from;
  delete out.messageId;
  if (record.attachments) {
    out.attachments = record.attachments.map(({ name: _name, key: _key, ...rest }) => ({ ...rest, name: '' }));
  }
  return out;
}

/** A webhook event's payload (JSON, shared/integrations.ts) naming the order by `title` instead of what it said. */
export function webhookPayloadTitled(payload: string, title: string): string {
  let body: { data?: { title?: unknown } };
  try {
    body = JSON.parse(payload) as typeof body;
  } catch {
    return payload;
  }
  if (!body.data || typeof body.data.title !== 'string' || body.data.title === title) return payload;
  return JSON.stringify({ ...body, data: { ...body.data, title } });
}

/** The tombstone left of an erased person's profile: no name, address, roles, segments or settings. */
export function tombstone(user: Pick<User, 'id'>, alias: string): User {
  return { id: user.id, name: alias, email: '', memberships: {}, admin: false };
}

// ---- retention ----

export const RETENTION_LIMITS: Record<RetentionPeriod['unit'], number> = { days: 36_500, months: 1_200, years: 100 };

/** What is wrong with a retention period, if anything: at most 100 years in any unit. */
export function retentionProblem(period: RetentionPeriod): Refusal | undefined {
  const max = RETENTION_LIMITS[period.unit];
  return period.amount > max ? refusal('too_big', { max }) : undefined;
}

/** `at` moved by `amount` of `unit` (UTC; a month end that does not exist is the month's last day). */
function shift(at: Date, amount: number, unit: RetentionPeriod['unit']): Date {
  if (unit === 'days') return new Date(at.getTime() + amount * 86_400_000);
  const months = unit === 'months' ? amount : amount * 12;
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(at.getTime());
  out.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return out;
}

/** When a closed order's personal data is due for removal: its closing instant plus the period. */
export function retentionDue(closedAt: string, period: RetentionPeriod): string {
  return shift(new Date(closedAt), period.amount, period.unit).toISOString();
}

export function isRetentionDue(closedAt: string, period: RetentionPeriod, now: Date): boolean {
  return retentionDue(closedAt, period) <= now.toISOString();
}

/**
 * The latest closing instant that can be due at `now`, a little late so month ends never hide one:
 * the job reads closings up to it, oldest first, and stops at the first that is not due yet
 * (retentionDue never decreases as the closing instant grows).
 */
export function retentionBound(now: Date, period: RetentionPeriod): string {
  return new Date(shift(now, -period.amount, period.unit).getTime() + 4 * 86_400_000).toISOString();
}

// ---- export (articles 15 and 20) ----

export const EXPORT_FORMAT = 'ordo.person-export';
export const EXPORT_VERSION = 1;

/** A person's archive: everything Ordo holds about them, as JSON (versioned, machine-readable). */
export interface PersonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  person: User;
  /** Orders they filed or requested (in full, with the timeline they may see) or follow (the order's summary). */
  orders: ExportedOrder[];
  /** Every comment they wrote, on any order. */
  comments: Array<{ orderNumber: string; at: string; kind: string; visibility: string; comment: string }>;
  /** Their ratings of orders. */
  ratings: Array<{ orderNumber: string; score?: number; comment?: string; category?: string; respondedAt?: string }>;
  /** Files they uploaded or that belong to their orders: metadata and a presigned link valid for `linksExpireAt`. */
  attachments: Array<{ orderNumber: string; key: string; name: string; where: string; url: string }>;
  linksExpireAt: string;
  /** Mail Ordo sent (or will send) to their address about their orders, and its answers to mail they sent. */
  mails: Array<
    Pick<MailMessage, 'id' | 'event' | 'subject' | 'text' | 'orderNumber'> & { createdAt?: string; status?: string }
  >;
  /**
   * Mail they sent to Ordo (recognised as them or from their address): what became of it, and a link
   * to the message as received (valid for `linksExpireAt`) when the inbound bucket is there.
   */
  inboundMails: Array<{
    id: string;
    receivedAt: string;
    outcome?: string;
    orderNumber?: string;
    department?: string;
    subject?: string;
    attachments: Array<{ name: string; size: number; key?: string }>;
    url?: string;
  }>;
  /** Their notifications in the portal (ids and parameters; the portal words them). */
  notifications: Array<{ id: string; event: string; orderNumber: string; at: string; readAt?: string }>;
}

export interface ExportedOrder {
  roles: Array<'requester' | 'filed' | 'watcher' | 'participant'>;
  order: Partial<Order> & Pick<Order, 'number' | 'serviceName' | 'status' | 'createdAt'>;
  timeline?: TimelineEvent[];
}

/** POST /users/:id/export: a presigned link to the archive (JSON) when the bucket is there, else the archive. */
export interface ExportAnswer {
  url?: string;
  expiresAt?: string;
  archive?: PersonExport;
  counts: Record<
    'orders' | 'comments' | 'ratings' | 'attachments' | 'mails' | 'inboundMails' | 'notifications',
    number
  >;
}

/** POST /users/:id/erase: what was removed, and the name the person is shown under from now on. */
export interface ErasureAnswer {
  alias: string;
  orders: number;
  comments: number;
  files: number;
  mails: number;
  /** Messages that came in by mail (theirs, or about their orders) whose words were removed. */
  inboundMails: number;
  /** Webhook events about their orders whose payload no longer carries the order's title. */
  webhookEvents: number;
}
