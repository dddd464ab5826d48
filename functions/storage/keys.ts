/**
 * Key builders, named after the access pattern they serve. ARCHITECTURE.md has the full table.
 * Every item carries `type` so stream consumers and tools can tell items apart.
 */

import type { StatsKind } from '#shared/stats.ts';

/** Far-future sort value for queue entries without a due time, so they sort last. */
export const NO_DUE = '9999-12-31T23:59:59.999Z';

// Every partition and sort-key word is written once, here; the builders below (writes) and the
// partitions of each Query (reads) are made from them, so the two can never drift apart.
const USER = (id: string) => `USER#${id}`;
const DEPT = (code: string) => `DEPT#${code}`;
const ORDER = (number: string) => `ORDER#${number}`;
const SVC = (id: string) => `SVC#${id}`;
const MEMBER = 'MEMBER#';
const FOLLOWUP = 'FOLLOWUP#';
const LINK = 'LINK#';
const OUTBOX = 'OUTBOX#';
const ORDER_SK = 'ORDER';
const USERS = 'USERS';
const DEPARTMENTS = 'DEPARTMENTS';
const CATALOG = 'CATALOG';
const SLA = 'SLA';
const OUTBOX_DUE = 'OUTBOX';
const OUTBOX_FAILED = 'OUTBOX_FAILED';
const AUDIT = (month: string) => `AUDIT#${month}`;
const SERVICES_OF = (department: string) => `${DEPT(department)}#SERVICES`;
const REQUESTER = (id: string) => `REQUESTER#${id}`;
const QUEUE = (department: string) => `QUEUE#${department}`;
const RESOLVED_OF = (department: string) => `RESOLVED#${department}`;
const STATS = (department: string) => `STATS#${department}`;
// Month rows sort after every day row of the partition ('M' > digits), so a Query of days never meets them.
const MONTH = 'M#';
const CUSTOMERS = (department: string) => `CUSTOMERS#${department}`;
const LOAD = (department: string) => `LOAD#${department}`;
const PROCESS = (serviceId: string) => `PROC#${serviceId}`;
const HANDOFFS = 'HANDOFFS';
const INBOUND = 'INBOUND#';
const INBOUND_OF = (department: string | undefined) =>
  department ? `${DEPT(department)}#INBOUND` : `${INBOUND}UNROUTED`;
// The people directory, one partition per first letter of the words people are listed under.
const PEOPLE = (word: string) => `PEOPLE#${word.slice(0, 1)}`;
const APITOKEN = 'APITOKEN#';
const APITOKENS_OF = (department: string) => `${DEPT(department)}#APITOKENS`;
const WEBHOOK = 'WEBHOOK#';
const WEBHOOK_LANE = (subscriptionId: string, orderNumber: string) => `WHLANE#${subscriptionId}#${orderNumber}`;
const WEBHOOK_HELD = (subscriptionId: string) => `WEBHOOK_HELD#${subscriptionId}`;
// Order search (shared/search.ts): a department's terms, one partition per first two letters of the
// term so no partition holds every word of a busy department; a requester's terms in byCollection.
const SEARCH_OF_DEPARTMENT = (department: string, term: string) => `SEARCH#D#${department}#${term.slice(0, 2)}`;
const SEARCH_OF_REQUESTER = (requesterId: string) => `SEARCH#R#${requesterId}`;
const SEARCH_SK = (term: string, createdAt: string, number: string) => `${term}#${createdAt}#${number}`;
// A person's notifications, in their own partition; the unread ones also in a sparse list of their own.
const NOTE = 'NOTE#';
const UNREAD_NOTES = (personId: string) => `${USER(personId)}#UNREAD`;

// A person's data (shared/privacy.ts, repositories/privacy.ts).
const INVOLVED = 'INVOLVED#';
const RETAIN = (serviceId: string) => `RETAIN#${serviceId}`;
const MAILS_OF = (orderNumber: string) => `MAILS#${orderNumber}`;
const ERASED_SEQUENCE = 'ERASED';
// Mail in by its sender (a person's id when recognised, else the address) and by the order it is about;
// webhook events by their order: the export and erasure of a person find them without a Scan.
const SENDER = (sender: { personId?: string; email?: string }) =>
  sender.personId ? `SENDER#P#${sender.personId}` : `SENDER#E#${(sender.email ?? '').toLowerCase()}`;
const INBOUND_ABOUT = (orderNumber: string) => `INBOUND_ABOUT#${orderNumber}`;
const WEBHOOKS_OF = (orderNumber: string) => `WEBHOOKS#${orderNumber}`;
const INBOUND_ANSWERED = (email: string) => `INBOUND_ANSWERED#${email}`;

export const keys = {
  user: (id: string) => ({ pk: USER(id), sk: 'PROFILE' }),
  /**
   * A person took part in an order other than as its requester (filed it for someone, follows it,
   * wrote on its timeline, was assigned): found again for their export or erasure without a Scan.
   */
  involvement: (userId: string, orderNumber: string) => ({ pk: USER(userId), sk: `${INVOLVED}${orderNumber}` }),
  /** An order of a service that closed at `closedAt`: the retention job reads a service's closings oldest first. */
  retention: (serviceId: string, closedAt: string, orderNumber: string) => ({
    pk: RETAIN(serviceId),
    sk: `${closedAt}#${orderNumber}`,
  }),
  /** A mail about an order in the order's list (byCollection): a person's export and erasure find it there. */
  mailOfOrder: (orderNumber: string, createdAt: string, id: string) => ({
    gsi1pk: MAILS_OF(orderNumber),
    gsi1sk: `${createdAt}#${id}`,
  }),
  /** The count of erased people: each is shown as "Former employee #n". */
  erasedSequence: () => ({ pk: ERASED_SEQUENCE, sk: 'SEQUENCE' }),
  /** A person's export archive in the attachments bucket (deleted with their erasure; expires after a day). */
  exportObject: (userId: string, id: string) => `${EXPORTS_PREFIX}${userId}/${id}.json`,
  usersCollection: (name: string) => ({ gsi1pk: USERS, gsi1sk: name.toLowerCase() }),
  /** A person listed under one word of their name or their email (shared/people.ts listingWords). */
  directoryEntry: (word: string, userId: string) => ({ pk: PEOPLE(word), sk: `${word}#${userId}` }),

  department: (code: string) => ({ pk: DEPT(code), sk: 'PROFILE' }),
  departmentsCollection: (code: string) => ({ gsi1pk: DEPARTMENTS, gsi1sk: code }),
  orderSequence: (code: string) => ({ pk: DEPT(code), sk: 'ORDER_SEQUENCE' }),
  /** The day a department's daily digest was last queued, so it goes once a day. */
  digestSent: (code: string) => ({ pk: DEPT(code), sk: 'DIGEST' }),
  /** The head's progress through the department's guided setup (shared/setup.ts). */
  departmentSetup: (code: string) => ({ pk: DEPT(code), sk: 'SETUP' }),
  member: (department: string, userId: string) => ({ pk: DEPT(department), sk: `${MEMBER}${userId}` }),
  /** Admin actions, one partition per month so the log can be read back in order. */
  auditEntry: (at: string, id: string) => ({ pk: AUDIT(at.slice(0, 7)), sk: `${at}#${id}` }),

  serviceCurrent: (id: string) => ({ pk: SVC(id), sk: 'CURRENT' }),
  serviceVersion: (id: string, version: number) => ({ pk: SVC(id), sk: `V#${String(version).padStart(6, '0')}` }),
  servicesOfDepartment: (department: string, name: string) => ({
    gsi1pk: SERVICES_OF(department),
    gsi1sk: name.toLowerCase(),
  }),
  catalogEntry: (department: string, id: string) => ({ pk: CATALOG, sk: `${department}#${id}` }),

  order: (number: string) => ({ pk: ORDER(number), sk: ORDER_SK }),
  ordersOfRequester: (requesterId: string, createdAt: string, number: string) => ({
    gsi1pk: REQUESTER(requesterId),
    gsi1sk: `${createdAt}#${number}`,
  }),
  queueEntry: (department: string, dueAt: string | undefined, number: string) => ({
    gsi2pk: QUEUE(department),
    gsi2sk: `${dueAt ?? NO_DUE}#${number}`,
  }),
  /** A resolved order awaiting its closure, in the same index as the queue: newest resolution last. */
  resolvedEntry: (department: string, resolvedAt: string, number: string) => ({
    gsi2pk: RESOLVED_OF(department),
    gsi2sk: `${resolvedAt}#${number}`,
  }),
  /** Events sort by the order version that wrote them, so the timeline never depends on clocks agreeing. */
  timelineEvent: (number: string, orderVersion: number, index: number) => ({
    pk: ORDER(number),
    sk: `EVENT#${String(orderVersion).padStart(8, '0')}#${index}`,
  }),
  /** A child order (hand-off, bundle part) as its parent's page lists it, in the parent's partition. */
  orderLink: (parentNumber: string, childNumber: string) => ({ pk: ORDER(parentNumber), sk: `${LINK}${childNumber}` }),

  /**
   * One search term of an order (shared/search.ts orderTerms): in its department's partition of the
   * term's first two letters, and in its requester's (byCollection); sorted by term, then newest last.
   */
  searchTerm: (
    order: { department: string; requesterId: string; createdAt: string; number: string },
    term: string,
  ) => ({
    pk: SEARCH_OF_DEPARTMENT(order.department, term),
    sk: SEARCH_SK(term, order.createdAt, order.number),
    gsi1pk: SEARCH_OF_REQUESTER(order.requesterId),
    gsi1sk: SEARCH_SK(term, order.createdAt, order.number),
  }),

  /** Orders with a pending SLA warning, breach or auto-close, by when it falls due (sparse). */
  slaTimer: (at: string, number: string) => ({ gsi3pk: SLA, gsi3sk: `${at}#${number}` }),

  /** A person's last survey invitation, for the fatigue budget. */
  surveyBudget: (userId: string) => ({ pk: USER(userId), sk: 'SURVEY_BUDGET' }),
  /** One notification of a person, newest last by its id (`<at>#<message id>`, shared/notes.ts). */
  note: (personId: string, noteId: string) => ({ pk: USER(personId), sk: `${NOTE}${noteId}` }),
  /** The note in its person's unread list (byCollection), removed when it is read. */
  noteUnread: (personId: string, noteId: string) => ({ gsi1pk: UNREAD_NOTES(personId), gsi1sk: noteId }),
  /** A low rating's follow-up task for the process owner. */
  followUp: (department: string, number: string) => ({ pk: DEPT(department), sk: `${FOLLOWUP}${number}` }),

  /**
   * Counter rows (shared/stats.ts), three partitions per department so each view reads only its own:
   * the report's day rows (STATS#, day#S|A#key) with the services' month rows (STATS#, M#month#S#key),
   * the customers view's week rows (CUSTOMERS#, week#P|G#key) and the queue gauges (LOAD#, S|A#key);
   * the process rows of a service (PROC#serviceId, day) and the company's hand-off rows (HANDOFFS,
   * day#from#to) of the process views.
   */
  statsRow: (department: string, day: string, kind: StatsKind, key: string) => {
    switch (kind) {
      case 'service':
        return { pk: STATS(department), sk: `${day}#S#${key}` };
      case 'agent':
        return { pk: STATS(department), sk: `${day}#A#${key}` };
      case 'serviceMonth':
        return { pk: STATS(department), sk: `${MONTH}${day}#S#${key}` };
      case 'person':
        return { pk: CUSTOMERS(department), sk: `${day}#P#${key}` };
      case 'segment':
        return { pk: CUSTOMERS(department), sk: `${day}#G#${key}` };
      case 'serviceLoad':
        return { pk: LOAD(department), sk: `S#${key}` };
      case 'agentLoad':
        return { pk: LOAD(department), sk: `A#${key}` };
      case 'process':
        return { pk: PROCESS(key), sk: day };
      case 'handoff':
        return { pk: HANDOFFS, sk: `${day}#${key}` };
    }
  },

  /** Order creation requests by Idempotency-Key, per person (expire after a day via TTL). */
  idempotency: (userId: string, key: string) => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'REQUEST' }),

  outboxMessage: (id: string) => ({ pk: `${OUTBOX}${id}`, sk: 'MESSAGE' }),
  outboxPending: (nextAttemptAt: string, id: string) => ({ gsi3pk: OUTBOX_DUE, gsi3sk: `${nextAttemptAt}#${id}` }),
  /** A message parked after its last attempt: still listed, never due again. */
  outboxFailed: (at: string, id: string) => ({ gsi3pk: OUTBOX_FAILED, gsi3sk: `${at}#${id}` }),

  // Mail in (functions/inbound/, repositories/inbound.ts).
  /** A department's inbound address and intake service. */
  mailIntake: (department: string) => ({ pk: DEPT(department), sk: 'MAIL_INTAKE' }),
  /** Which department receives at a local part of the inbound domain (one owner per local part). */
  inboundAddress: (localPart: string) => ({ pk: `INBOUND_ADDRESS#${localPart}`, sk: 'ADDRESS' }),
  /** What became of one inbound message (its raw copy is in the inbound bucket under the same id). */
  inboundMessage: (id: string) => ({ pk: `${INBOUND}${id}`, sk: 'MESSAGE' }),
  /** The message in its department's list, newest last (unrouted mail under INBOUND#UNROUTED). */
  inboundListed: (department: string | undefined, receivedAt: string, id: string) => ({
    gsi1pk: INBOUND_OF(department),
    gsi1sk: `${receivedAt}#${id}`,
  }),
  /** A message already taken in, by Message-ID or content hash (expires). */
  inboundSeen: (fingerprint: string) => ({ pk: `INBOUND_SEEN#${fingerprint}`, sk: 'SEEN' }),
  /** The day an address last got an answer with this outcome, so refusals go at most once a day. */
  inboundAnswered: (email: string, outcome: string) => ({ pk: INBOUND_ANSWERED(email), sk: outcome }),
  /**
   * The message in its sender's list (queueByDue): by the person's id when the sender was recognised,
   * else by the address (an erased person's records keep only the id form). Absent without a sender.
   */
  inboundOfSender: (sender: { personId?: string; email?: string }, receivedAt: string, id: string) => ({
    gsi2pk: SENDER(sender),
    gsi2sk: `${receivedAt}#${id}`,
  }),
  /** The message in the list of the order it is about (dueWork; never due: no worker reads it). */
  inboundAboutOrder: (orderNumber: string, receivedAt: string, id: string) => ({
    gsi3pk: INBOUND_ABOUT(orderNumber),
    gsi3sk: `${receivedAt}#${id}`,
  }),
  /** The answer Ordo queued to a refused message (its id is fixed by the message and the outcome). */
  inboundAnswer: (inboundId: string, outcome: string) => `INBOUND.${inboundId}.${outcome}`,

  // Integrations (repositories/tokens.ts, repositories/webhooks.ts).
  /** An API token by id (the id is the first part of its secret). */
  apiToken: (id: string) => ({ pk: `${APITOKEN}${id}`, sk: 'TOKEN' }),
  /** The token in its department's list, oldest first. */
  apiTokenListed: (department: string, createdAt: string, id: string) => ({
    gsi1pk: APITOKENS_OF(department),
    gsi1sk: `${createdAt}#${id}`,
  }),
  /** A webhook subscription, in its department's partition. */
  webhookSubscription: (department: string, id: string) => ({ pk: DEPT(department), sk: `${WEBHOOK}${id}` }),
  /** One delivery attempt in a subscription's log, newest last (expires). */
  webhookDelivery: (subscriptionId: string, at: string, messageId: string) => ({
    pk: `${WEBHOOK}${subscriptionId}`,
    sk: `${at}#${messageId}`,
  }),
  /** A webhook outbox message in the lane of its subscription and order, by the order's sequence. */
  webhookLane: (subscriptionId: string, orderNumber: string, seq: string) => ({
    gsi1pk: WEBHOOK_LANE(subscriptionId, orderNumber),
    gsi1sk: seq,
  }),
  /** A webhook outbox message in its order's list (queueByDue), kept after delivery: erasure rewrites its payload. */
  webhookOfOrder: (orderNumber: string, createdAt: string, id: string) => ({
    gsi2pk: WEBHOOKS_OF(orderNumber),
    gsi2sk: `${createdAt}#${id}`,
  }),
  /** A webhook outbox message held while its subscription is paused (dueWork). */
  webhookHeld: (subscriptionId: string, at: string, id: string) => ({
    gsi3pk: WEBHOOK_HELD(subscriptionId),
    gsi3sk: `${at}#${id}`,
  }),
} as const;

/** Where person exports are written in the attachments bucket (a lifecycle rule expires them). */
export const EXPORTS_PREFIX = 'exports/';

/**
 * The partition (and sort-key prefix) each Query reads, named by access pattern. Each is made from
 * the same words as the builder of the items it finds.
 */
export const partitions = {
  /** Every person (byCollection). */
  allUsers: () => ({ gsi1pk: USERS }),
  /** People listed under a word beginning with `prefix`: pk, sk begins_with the prefix. */
  peopleByWord: (prefix: string) => ({ pk: PEOPLE(prefix), skPrefix: prefix }),
  /** Every department (byCollection). */
  allDepartments: () => ({ gsi1pk: DEPARTMENTS }),
  /** The members of a department: pk, sk begins_with the prefix. */
  membersOfDepartment: (department: string) => ({ pk: DEPT(department), skPrefix: MEMBER }),
  /** Role changes of one month (yyyy-mm). */
  auditOfMonth: (month: string) => ({ pk: AUDIT(month) }),
  /** The services of a department (byCollection). */
  servicesOfDepartment: (department: string) => ({ gsi1pk: SERVICES_OF(department) }),
  /** The published catalog. */
  catalog: () => ({ pk: CATALOG }),
  /** An order, its timeline and its children's links. */
  orderPage: (number: string) => ({ pk: ORDER(number) }),
  /** Everything kept under a person's id: profile, survey budget, the orders they took part in. */
  person: (userId: string) => ({ pk: USER(userId), involvedPrefix: INVOLVED }),
  /** A service's closed orders by closing instant (sk: closedAt#number). */
  closingsOfService: (serviceId: string) => ({ pk: RETAIN(serviceId) }),
  /** The mail about an order (byCollection). */
  mailsOfOrder: (orderNumber: string) => ({ gsi1pk: MAILS_OF(orderNumber) }),
  /** A requester's orders (byCollection). */
  ordersOfRequester: (requesterId: string) => ({ gsi1pk: REQUESTER(requesterId) }),
  /** A department's orders with a term beginning with `word` (≥ 2 letters): pk, sk begins_with the word. */
  searchOfDepartment: (department: string, word: string) => ({
    pk: SEARCH_OF_DEPARTMENT(department, word),
    skPrefix: word,
  }),
  /** A requester's orders with a term beginning with `word` (byCollection): gsi1pk, gsi1sk begins_with the word. */
  searchOfRequester: (requesterId: string, word: string) => ({
    gsi1pk: SEARCH_OF_REQUESTER(requesterId),
    skPrefix: word,
  }),
  /** A department's active orders by due time (queueByDue). */
  queueOfDepartment: (department: string) => ({ gsi2pk: QUEUE(department) }),
  resolvedOfDepartment: (department: string) => ({ gsi2pk: RESOLVED_OF(department) }),
  /** Orders with a timer due (dueWork). */
  slaTimers: () => ({ gsi3pk: SLA }),
  /** Mail due for (re)delivery (dueWork). */
  outboxDue: () => ({ gsi3pk: OUTBOX_DUE }),
  /** Mail parked after its last attempt (dueWork). */
  outboxFailed: () => ({ gsi3pk: OUTBOX_FAILED }),
  /** Every outbox message, by the start of its partition key (the mail worker's stream filter). */
  outboxMessages: () => ({ pkPrefix: OUTBOX }),
  /** A department's API tokens (byCollection). */
  apiTokensOfDepartment: (department: string) => ({ gsi1pk: APITOKENS_OF(department) }),
  /** A department's webhook subscriptions: pk, sk begins_with the prefix. */
  webhooksOfDepartment: (department: string) => ({ pk: DEPT(department), skPrefix: WEBHOOK }),
  /** A subscription's delivery log. */
  webhookDeliveries: (subscriptionId: string) => ({ pk: `${WEBHOOK}${subscriptionId}` }),
  /** The undelivered webhook messages of one order for one subscription, oldest first (byCollection). */
  webhookLane: (subscriptionId: string, orderNumber: string) => ({ gsi1pk: WEBHOOK_LANE(subscriptionId, orderNumber) }),
  /** Webhook messages held while their subscription is paused (dueWork). */
  webhookHeld: (subscriptionId: string) => ({ gsi3pk: WEBHOOK_HELD(subscriptionId) }),
  /** A department's inbound mail (byCollection); without a department, mail that reached none. */
  inboundOfDepartment: (department: string | undefined) => ({ gsi1pk: INBOUND_OF(department) }),
  /** Mail in from a person (by id) or an address (queueByDue). */
  inboundOfSender: (sender: { personId?: string; email?: string }) => ({ gsi2pk: SENDER(sender) }),
  /** Mail in about an order (dueWork). */
  inboundAboutOrder: (orderNumber: string) => ({ gsi3pk: INBOUND_ABOUT(orderNumber) }),
  /** The days an address got an answer to refused mail, one item per outcome. */
  inboundAnsweredTo: (email: string) => ({ pk: INBOUND_ANSWERED(email) }),
  /** The webhook events of an order, every subscription, delivered or not (queueByDue). */
  webhooksOfOrder: (orderNumber: string) => ({ gsi2pk: WEBHOOKS_OF(orderNumber) }),
  /** A person's notifications: pk, sk begins_with the prefix. */
  notesOfPerson: (personId: string) => ({ pk: USER(personId), skPrefix: NOTE }),
  /** A person's unread notifications (byCollection, sparse). */
  unreadNotesOfPerson: (personId: string) => ({ gsi1pk: UNREAD_NOTES(personId) }),
  /** The follow-ups of a department: pk, sk begins_with the prefix. */
  followUpsOfDepartment: (department: string) => ({ pk: DEPT(department), skPrefix: FOLLOWUP }),
  /** The report's day rows of a department (sk: day#…). */
  reportRows: (department: string) => ({ pk: STATS(department) }),
  /** The services' month rows of a department (sk: M#month#S#…). */
  reportMonthRows: (department: string) => ({ pk: STATS(department), skPrefix: MONTH }),
  /** The customers view's week rows of a department (sk: week#…). */
  customerRows: (department: string) => ({ pk: CUSTOMERS(department) }),
  /** The queue gauges of a department. */
  loadRows: (department: string) => ({ pk: LOAD(department) }),
  /** The process rows of a service, one per day (sk: day). */
  processRows: (serviceId: string) => ({ pk: PROCESS(serviceId) }),
  /** The company's hand-off rows (sk: day#from#to). */
  handoffRows: () => ({ pk: HANDOFFS }),
} as const;

/** What kind of item of an order's partition a sort key names. */
export function orderItemKind(sk: string): 'order' | 'link' | 'event' {
  if (sk === ORDER_SK) return 'order';
  return sk.startsWith(LINK) ? 'link' : 'event';
}

/** The order a search term's sort key names (see keys.searchTerm). */
export function searchHitOf(sk: string): { number: string; createdAt: string } {
  const [, createdAt = '', number = ''] = sk.split('#');
  return { number, createdAt };
}

/** The message id of an outbox item's partition key, or undefined for any other item. */
export function outboxIdOf(pk: string | undefined): string | undefined {
  return pk?.startsWith(OUTBOX) ? pk.slice(OUTBOX.length) : undefined;
}

/** Strips storage attributes so only the domain object leaves a repository. */
export function fromItem<T>(item: Record<string, unknown>): T {
  // A plain copy loop: rest destructuring is several times slower on the SDK's item objects, and
  // this runs for every item of every page.
  const rest: Record<string, unknown> = {};
  for (const key in item) if (!STORAGE_KEYS.has(key)) rest[key] = item[key];
  return rest as T;
}

const STORAGE_KEYS = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
  'expiresAt',
  // On a user: what the person is listed under in the people directory (users.ts), not part of User.
  'listed',
]);

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: a malformed cursor is a client error, reported by the caller
  }
  return undefined;
}
