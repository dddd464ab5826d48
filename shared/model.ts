/**
 * The domain's nouns. Pure types shared by the API, the workers and the portal.
 */
import type { Hold, OrderClocks } from './order-clocks.ts';
import type { RankingWeights } from './ranking.ts';
import type { ClockKind } from './sla.ts';

export type DepartmentRole = 'agent' | 'head';

export interface User {
  id: string;
  name: string;
  email: string;
  /** Department code → role held there. An agent or head of IT is still an employee of the company. */
  memberships: Record<string, DepartmentRole>;
  admin: boolean;
  /** The identity provider vouched for `email` at the last sign-in. */
  emailVerified?: boolean;
  /** Non-essential notifications this person switched off (see notifications.MUTABLE_EVENTS). */
  mutedEvents?: string[];
  /** Requester profile used for segments and "who may order". */
  department?: string;
  location?: string;
  /** Job role, e.g. "Accountant"; a customer segment like department and location. */
  jobRole?: string;
  /** The language of the portal and of this person's emails; unset follows the browser (portal) or English (email). */
  language?: Language;
  /** The person was erased (shared/privacy.ts): this profile is their tombstone, named "Former employee #n". */
  erased?: { at: string; n: number };
}

/** Languages the portal and the emails speak; the first is the fallback. */
export const LANGUAGES = ['en', 'pl', 'ru', 'nl', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface WorkingInterval {
  /** "HH:MM" local time, start inclusive, end exclusive. */
  start: string;
  end: string;
}

export interface BusinessCalendar {
  /** IANA time zone, e.g. "Europe/Warsaw". */
  timeZone: string;
  /** ISO weekday 1 (Monday) … 7 (Sunday) → working intervals (several for split shifts). */
  hours: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', WorkingInterval[]>>;
  /** Local dates "YYYY-MM-DD" that are not worked. */
  holidays: string[];
  /** When true the calendar is ignored and every minute counts. */
  always?: boolean;
}

export interface Canvas {
  value: string;
  customerSegments: string;
  howToOrder: string;
  channels: string;
  keyProcesses: string;
  qualityChecks: string;
  standardsAndMetrics: string;
  resources: string;
  partners: string;
}

export interface Department {
  code: string;
  name: string;
  contactEmail: string;
  headId: string;
  calendar: BusinessCalendar;
  canvas: Canvas;
  /** What the department promises its customers, with a period (SPEC §2, shown on the canvas page). */
  goals?: DepartmentGoal[];
  /** The head's weights of the service ranking (ranking.ts); absent: the defaults. */
  ranking?: RankingWeights;
  version: number;
}

/**
 * The largest weight of one factor of the service ranking (ranking.ts); here, apart from the ranking's
 * arithmetic, because the API's schema of the weights needs only the bound.
 */
export const MAX_WEIGHT = 10;

/**
 * A target the head sets: share metrics are fractions ("csat" 0.9 = at least 90 % rated 4–5),
 * minute metrics are business minutes ("median_first_response" 120 = at most 2 working hours).
 */
export const GOAL_METRICS = [
  'csat',
  'resolution_on_time',
  'first_response_on_time',
  'median_first_response',
  'median_resolution',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

export interface DepartmentGoal {
  id: string;
  metric: GoalMetric;
  target: number;
  /** One service, or the whole department when absent. */
  serviceId?: string;
  /** Local dates, inclusive. */
  from: string;
  to: string;
}

export const FIELD_KINDS = [
  'text',
  'longText',
  'number',
  'date',
  'select',
  'multiSelect',
  'checkbox',
  'email',
  'user',
  'attachment',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/**
 * A condition on an answer of the form, the one language of conditional fields and conditional
 * approval: the answer is one of `equals` (a multi-select: contains one of them), or a number above
 * `above` and/or below `below` ("amount above 10000"). A condition has `equals` or a bound, not both.
 */
export interface Condition {
  field: string;
  equals?: Array<string | number | boolean>;
  above?: number;
  below?: number;
}

/** Show (and, if `required`, require) a field only when its condition holds. */
export type VisibilityRule = Condition;

/**
 * A date answer's place relative to another date field: at least `days` days after (or before) it.
 * Without `days`, strictly after (before); `days: 0` allows the same day.
 */
export interface DateRelation {
  field: string;
  days?: number;
}

export interface FormField {
  id: string;
  kind: FieldKind;
  label: string;
  help?: string;
  required: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  options?: string[];
  visibleWhen?: VisibilityRule;
  /** Date fields: after / before another date field of the form. */
  after?: DateRelation;
  before?: DateRelation;
  /** Date fields: not before today, in the department's time zone. */
  notPast?: boolean;
  /** Date fields: from today to at most this many days after it. */
  withinDays?: number;
  /**
   * What the answer is, for data protection (shared/privacy.ts): `personal` answers are removed when
   * the order is anonymised; `sensitive` ones too, and they are shown only to the requester and the
   * team, never to watchers, never in mail.
   */
  privacy?: FieldPrivacy;
}

export const FIELD_PRIVACY = ['personal', 'sensitive'] as const;
export type FieldPrivacy = (typeof FIELD_PRIVACY)[number];

export const RETENTION_UNITS = ['days', 'months', 'years'] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

/** How long closed orders of a service keep their personal data (shared/privacy.ts). */
export interface RetentionPeriod {
  amount: number;
  unit: RetentionUnit;
}

export const INPUT_KINDS = ['attachment', 'confirmation', 'formField'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface RequiredInput {
  id: string;
  label: string;
  kind: InputKind;
  required: boolean;
  /** For kind "formField": the form field whose answer satisfies this input. */
  field?: string;
}

export interface Deliverable {
  id: string;
  label: string;
  required: boolean;
}

export interface Stage {
  id: string;
  name: string;
  targetMinutes?: number;
}

export interface TimeStandard {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** Share of the target after which the clock is in warning, 0..1. */
  warningAt: number;
  /** Count every minute instead of the department's business calendar. */
  always: boolean;
  /** Statuses in which the clocks pause (default: awaiting approval, awaiting inputs, waiting for the customer). */
  pauseIn?: Array<'awaiting_approval' | 'awaiting_inputs' | 'waiting_for_customer'>;
}

/** Who approves before the queue; with `when`, only orders whose answers meet the condition need it. */
export type ApprovalMode =
  | { kind: 'none' }
  | { kind: 'head'; when?: Condition }
  | { kind: 'named'; approvers: string[]; when?: Condition };

export type ServiceStatus = 'draft' | 'published' | 'retired';

export interface Service {
  id: string;
  department: string;
  name: string;
  summary: string;
  description: string;
  tags: string[];
  status: ServiceStatus;
  ownerId: string;
  /** Empty: everyone may order. Otherwise requester departments/segments allowed. */
  audience: string[];
  form: FormField[];
  inputs: RequiredInput[];
  deliverables: Deliverable[];
  stages: Stage[];
  approval: ApprovalMode;
  /**
   * An order's title from its answers, e.g. "{fullName} starts {startDate}" (field ids in braces);
   * without one, the service's name and the first text answer.
   */
  titleTemplate?: string;
  standard: TimeStandard;
  /**
   * A change of standard that takes effect from a date (department-local, inclusive): orders filed
   * from then on are measured against it; orders filed before keep the standard they were filed under.
   */
  scheduledStandard?: { effectiveFrom: string; standard: TimeStandard };
  survey: { enabled: boolean; question: string };
  reportTo: string[];
  /**
   * A bundle (SPEC §14.7): filing this service also files one linked order per part, in the part's
   * own department. `fieldMap` maps the part's form field ids to this service's field ids.
   */
  bundle?: BundlePart[];
  /**
   * The service's words in other languages, given by the department (SPEC §9 languages). Ids and
   * choice values never change with the language, so answers and reports stay the same.
   */
  translations?: Partial<Record<Language, ServiceTranslation>>;
  /** How many times it was published: the version people see (1 at the first publish, 0 before). */
  publication?: number;
  /** Closed orders keep their personal data this long, then the retention job anonymises them. */
  retention?: RetentionPeriod;
  /** Optimistic-locking revision: every save is conditional on it; also the key of a published snapshot. */
  version: number;
  updatedAt: string;
}

/** Anything left out reads in the service's own language. */
export interface ServiceTranslation {
  name?: string;
  summary?: string;
  description?: string;
  /** By form field id; `options`: a choice's words by its value (the value stays what is stored). */
  fields?: Record<string, { label?: string; help?: string; options?: Record<string, string> }>;
  /** By required-input, deliverable and stage id. */
  inputs?: Record<string, string>;
  deliverables?: Record<string, string>;
  stages?: Record<string, string>;
  surveyQuestion?: string;
}

export interface BundlePart {
  serviceId: string;
  fieldMap?: Record<string, string>;
}

export const ORDER_STATUSES = [
  'submitted',
  'awaiting_approval',
  'awaiting_inputs',
  'open',
  'in_progress',
  'waiting_for_customer',
  'resolved',
  'closed',
  'cancelled',
  'rejected',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type Answers = Record<string, string | number | boolean | string[] | null>;

export interface ChecklistState {
  id: string;
  label: string;
  required: boolean;
  done: boolean;
  note?: string;
  /** Key of an uploaded file (see POST /attachments). */
  attachment?: string;
  by?: string;
  at?: string;
}

/**
 * An upload lands under `prefix` and is copied to its key when an order first refers to it; what
 * waits there longer than `days` (never attached) is deleted by the bucket's lifecycle rule.
 */
export const UPLOAD_STAGING = { prefix: 'pending/', days: 7 } as const;

/** What a file attached to an order may be: the portal, the API and mail in check the same limits. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv', 'application/zip'],
} as const;

/**
 * How an order came in: the portal, mail to the department's address, an API token, or a hand-off
 * from another department's order (bundle parts come the way their case came).
 */
export const ORDER_CHANNELS = ['portal', 'email', 'api', 'handoff'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export interface Order {
  /** Human number, unique per department: "HR-1042". It is also the order's key. */
  number: string;
  department: string;
  serviceId: string;
  serviceVersion: number;
  serviceName: string;
  requesterId: string;
  /** Who filed it, when ordering on behalf of a colleague. */
  filedById: string;
  title: string;
  answers: Answers;
  status: OrderStatus;
  stage: string;
  priority: Priority;
  assigneeId?: string;
  /** The service's process owner when the order was filed. */
  ownerId: string;
  watchers: string[];
  inputs: ChecklistState[];
  deliverables: ChecklistState[];
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  /** The open clarification request, while the order waits for the customer (SPEC §14.2). */
  clarification?: Clarification;
  /** How many times the team asked for clarification / returned inputs for rework. */
  clarifications: number;
  reworks: number;
  /** The case this order belongs to: a hand-off's parent or a bundle's case order. */
  parentNumber?: string;
  relation?: OrderLink['relation'];
  /** Linked orders this one started (hand-offs, bundle parts), with their last known status. */
  children: OrderLink[];
  /** When the order is promised to be done (resolution due time when filed). */
  promisedAt?: string;
  /** Which standard the clocks measure: "v3" or, for a scheduled one, "v3 from 2026-12-01". */
  standardRef?: string;
  /** First-response and resolution clocks, measured against the standard the order was filed under. */
  clocks?: OrderClocks;
  /** Time per stage and holder. */
  holds?: Hold[];
  /** When the order entered the step of its service's flow it is in now (process-stats.ts stepOf). */
  stepSince?: string;
  /** How it came in; orders filed before channels were recorded have none. */
  channel?: OrderChannel;
  /** A hand-off: the order and department it came from. */
  handoffFrom?: { department: string; serviceId: string; number: string };
  /** A resolved order closes itself then, unless the requester confirms or reopens first. */
  autoCloseAt?: string;
  /** The satisfaction survey of the last resolution (SPEC §7, §14.6). */
  survey?: OrderSurvey;
  /** Why it was rejected (reason code + text) or cancelled (text). */
  closure?: { reason: string; text?: string };
  /** The next SLA due time of the order, used to sort the queue. */
  nextDueAt?: string;
  requesterName: string;
  requesterEmail: string;
  /** The requester's profile when filed: the customer segments the order counts under. */
  requesterProfile?: { department?: string; location?: string; jobRole?: string };
  /** Its personal data was removed (shared/privacy.ts): when, and why (a person's erasure or the retention period). */
  anonymised?: { at: string; reason: 'erasure' | 'retention' };
  /** Optimistic-locking version: every write is conditional on it. */
  version: number;
}

export interface OrderSurvey {
  /** Which resolution it asks about (the resolvedAt it was sent for). */
  round: string;
  invitedAt?: string;
  /** Not sent: the requester had a survey recently (fatigue budget). */
  sampledOut?: true;
  /** With a sample-out: when the requester was last invited, and the budget then (days between invitations). */
  lastInvitedAt?: string;
  budgetDays?: number;
  score?: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  category?: string;
  respondedAt?: string;
  /** The department-local day of the first response: later changes adjust that day's counters. */
  respondedDay?: string;
  /** A low rating opened a follow-up task for the process owner (once per survey). */
  followUpOpened?: true;
}

export interface FollowUp {
  orderNumber: string;
  department: string;
  serviceId: string;
  ownerId: string;
  /** The low rating that opened the follow-up (or a lower one given later). */
  score: number;
  /** The requester's latest rating, when they changed it afterwards. */
  latestScore?: number;
  comment?: string;
  category?: string;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt?: string;
  closedBy?: string;
  note?: string;
}

export interface Clarification {
  id: string;
  question: string;
  fields: string[];
  inputs: string[];
  askedBy: string;
  askedAt: string;
}

export interface OrderLink {
  number: string;
  department: string;
  serviceName: string;
  status: OrderStatus;
  stage: string;
  /** The part's own promise: its resolution due time and the standard it is measured against. */
  dueAt?: string;
  standardRef?: string;
  relation: 'handoff' | 'bundle_part';
}

export type Visibility = 'public' | 'internal';

export interface TimelineEvent {
  orderNumber: string;
  at: string;
  actorId: string;
  kind: string;
  from?: OrderStatus;
  to?: OrderStatus;
  comment?: string;
  /** Rejection reason code, when the event is a rejection (feeds the Pareto). */
  reason?: string;
  /** Which time standard a warning or breach is about; the reader's language words it. */
  clock?: ClockKind;
  visibility: Visibility;
  /** Its words were removed when the order was anonymised (shared/privacy.ts). */
  removed?: true;
}

export interface MailMessage {
  id: string;
  /** Why it was sent; also the idempotency key's first half. */
  event: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  orderNumber?: string;
  /**
   * The people with a profile this message reaches, after their mute choices: each also finds it in
   * their notification list in the portal (shared/notes.ts), written when the message is delivered.
   */
  readers?: string[];
  /** What the notification's words name besides the order (never words themselves). */
  noteParams?: { requesterName?: string };
}
