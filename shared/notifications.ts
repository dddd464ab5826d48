/**
 * Who is told what, and the text they get (SPEC §6), in each recipient's language (words in
 * mail-words.ts). Pure: the caller supplies the people and links. Every piece of user text is
 * escaped before it goes into HTML.
 */
import type { Action } from './lifecycle.ts';
import { type MailWords, mailDay, mailLanguage, mailWords } from './mail-words.ts';
import { LANGUAGES, type Language, type MailMessage, type Order } from './model.ts';
import { oneLine } from './text.ts';
import { localizeComment, localizeOrder, type ServiceWords } from './translate.ts';

export const MAIL_EVENTS = [
  'order_received',
  'new_in_queue',
  'approval_needed',
  'assigned',
  'clarification_requested',
  /** To watchers: the requester was asked a question (without the requester's answer link). */
  'requester_asked',
  'customer_replied',
  'order_resolved',
  'order_rejected',
  'order_cancelled',
  /** To the team: the requester cancelled, with why. */
  'requester_cancelled',
  /** To the team: the requester (or a watcher) wrote a public comment. */
  'requester_commented',
  /** To the requester and watchers: the team wrote a public comment. */
  'team_commented',
  'order_closed',
  'order_reopened',
  'inputs_missing',
  'inputs_returned',
  'stage_changed',
  'sla_warning',
  'sla_breach',
  'survey_invitation',
  'low_rating',
  'daily_digest',
] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];

/**
 * Who among an order's people a mail is for: the requester (and watchers), the assignee, the team's
 * mailbox, or whoever handles the order for the team (the assignee, else the team's mailbox).
 */
export type OrderAudience = 'requester' | 'assignee' | 'team' | 'handlers';

/** Mail sent after each action, by audience (SPEC §6). */
export const MAIL_ON_ACTION: Partial<Record<Action, ReadonlyArray<{ event: MailEvent; audience: OrderAudience }>>> = {
  assign: [{ event: 'assigned', audience: 'assignee' }],
  request_clarification: [{ event: 'clarification_requested', audience: 'requester' }],
  answer_clarification: [{ event: 'customer_replied', audience: 'assignee' }],
  return_inputs: [{ event: 'inputs_returned', audience: 'requester' }],
  approve: [{ event: 'new_in_queue', audience: 'team' }],
  resolve: [{ event: 'order_resolved', audience: 'requester' }],
  reject: [{ event: 'order_rejected', audience: 'requester' }],
  cancel: [
    { event: 'order_cancelled', audience: 'requester' },
    { event: 'requester_cancelled', audience: 'handlers' },
  ],
  reopen: [{ event: 'order_reopened', audience: 'handlers' }],
};

/** What a person may switch off in their profile; everything else is essential and always sent. */
export const MUTABLE_EVENTS = [
  'stage_changed',
  'order_closed',
  'order_reopened',
  'new_in_queue',
  'customer_replied',
  'requester_commented',
  'team_commented',
] as const;
export type MutableEvent = (typeof MUTABLE_EVENTS)[number];

export function wantsMail(person: { mutedEvents?: readonly string[] } | undefined, event: MailEvent): boolean {
  return !person?.mutedEvents?.includes(event) || !(MUTABLE_EVENTS as readonly string[]).includes(event);
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A file's name from its upload key (uploads/<person>/<id>/<name>). */
function fileName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The "Done" mail's list: each deliverable ticked, with its note and file. */
function handedBack(order: Order, words: MailWords): string[] {
  // Orders written before deliverables existed have none.
  return (order.deliverables ?? [])
    .filter((d) => d.done)
    .map((d) =>
      [d.label, d.note ? `: ${d.note}` : '', d.attachment ? ` (${words.attached(fileName(d.attachment))})` : ''].join(
        '',
      ),
    );
}

function missing(order: Order): string {
  return order.inputs
    .filter((i) => i.required && !i.done)
    .map((i) => i.label)
    .join(', ');
}

function copyFor(event: MailEvent, order: Order, words: MailWords): { subject: string; lead: string } {
  const copy = words.events[event];
  return {
    // A subject is a mail header: a line break from a stored title or name must not reach it.
    subject: oneLine(copy.subject(`${order.number} ${order.title}`)),
    lead: copy.lead({
      number: order.number,
      serviceName: order.serviceName,
      requesterName: order.requesterName,
      missing: missing(order),
    }),
  };
}

/**
 * Someone to mail: an address and, when it belongs to a known person, their language and id (a
 * person with an id also gets the message in their notification list).
 */
export interface Recipient {
  email: string;
  language?: Language | undefined;
  id?: string | undefined;
}

/**
 * Splits recipients by mail language, English first; an address listed twice goes once (its first
 * language wins). Each group gets its own message.
 */
export function groupByLanguage(
  recipients: readonly Recipient[],
): Array<{ language: Language; to: string[]; readers: string[] }> {
  const seen = new Set<string>();
  const groups = new Map<Language, { to: string[]; readers: string[] }>(
    LANGUAGES.map((language) => [language, { to: [], readers: [] }]),
  );
  for (const recipient of recipients) {
    if (!recipient.email || seen.has(recipient.email)) continue;
    seen.add(recipient.email);
    const group = groups.get(mailLanguage(recipient))!;
    group.to.push(recipient.email);
    if (recipient.id && !group.readers.includes(recipient.id)) group.readers.push(recipient.id);
  }
  return [...groups].filter(([, group]) => group.to.length > 0).map(([language, group]) => ({ language, ...group }));
}

/**
 * Ordo's mail as HTML, in the house style: the body's parts (HTML already), then the closing words in
 * grey (the signature, or lines that end with it).
 */
export function mailHtml(language: Language, closing: string | readonly string[], parts: readonly string[]): string {
  const lines = typeof closing === 'string' ? [closing] : closing;
  return [
    `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">`,
    ...parts,
    `<p style="color:#555">${lines.map(escapeHtml).join('<br>')}</p></body></html>`,
  ].join('');
}

/** How every mail Ordo sends ends, in every language: its name. */
export const SIGNATURE = '— Ordo';

/**
 * A mail's plain text (its lines) and HTML (its parts, already HTML), each closed by the `closing`
 * lines (none by default) and the signature.
 */
export function signedMail(
  language: Language,
  body: { text: readonly string[]; html: readonly string[]; closing?: readonly string[] },
): { text: string; html: string } {
  const closing = [...(body.closing ?? []), SIGNATURE];
  return {
    text: [...body.text, ...closing.flatMap((line) => ['', line])].join('\n'),
    html: mailHtml(language, closing, body.html),
  };
}

/** The outbox id of one language group: English keeps the plain id, other languages add theirs. */
function messageId(base: string, language: Language): string {
  return language === 'en' ? base : `${base}.${language}`;
}

interface OrderMailInput {
  event: MailEvent;
  order: Order;
  audience: string;
  portalUrl: string;
  comment?: string;
  /** A signed link for acting without signing in (e.g. answering a clarification). */
  actionUrl?: string;
  /** One-click ratings: score → signed link. */
  ratingUrls?: string[];
}

/**
 * Builds one outbox message in one language (English unless told). `id` is deterministic (order,
 * event, version, audience, and the language when not English) so retrying the same change can
 * never queue the same mail twice.
 */
export function composeOrderMail(
  input: OrderMailInput & { to: string[]; language?: Language; readers?: readonly string[] },
): MailMessage {
  const { event, order, to, audience, portalUrl, comment, actionUrl, ratingUrls, language = 'en' } = input;
  const readers = [...new Set(input.readers ?? [])];
  const words = mailWords(language);
  const { subject, lead } = copyFor(event, order, words);
  const link = `${portalUrl.replace(/\/$/, '')}/orders/${encodeURIComponent(order.number)}`;
  const delivered = event === 'order_resolved' ? handedBack(order, words) : [];
  const { text, html } = signedMail(language, {
    text: [
      lead,
      ...(delivered.length ? ['', words.handedBack, ...delivered.map((line) => `- ${line}`), ''] : []),
      ...(comment ? ['', words.quote(comment), ''] : []),
      ...(actionUrl ? [words.answerHere(actionUrl)] : []),
      ...(ratingUrls ? ratingUrls.map((url, i) => `${i + 1} – ${words.ratings[i]}: ${url}`) : []),
      words.openOrderText(link),
    ],
    html: [
      `<p>${escapeHtml(lead)}</p>`,
      delivered.length
        ? `<p>${escapeHtml(words.handedBack)}</p><ul>${delivered.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
        : '',
      comment
        ? `<blockquote style="border-left:3px solid #888;margin:0;padding-left:12px">${escapeHtml(comment)}</blockquote>`
        : '',
      actionUrl
        ? `<p><a href="${escapeHtml(actionUrl)}"><strong>${escapeHtml(words.answerButton)}</strong></a></p>`
        : '',
      ratingUrls
        ? `<p>${ratingUrls
            .map(
              (url, i) =>
                `<a href="${escapeHtml(url)}" style="display:inline-block;padding:6px 10px;margin:2px;border:1px solid #1f4e8c;border-radius:4px">${i + 1} – ${escapeHtml(words.ratings[i] ?? '')}</a>`,
            )
            .join(' ')}</p>`
        : '',
      `<p><a href="${escapeHtml(link)}">${escapeHtml(words.openOrderLink(order.number))}</a></p>`,
    ],
  });
  return {
    id: messageId(`${order.number}.${event}.v${order.version}.${audience}`, language),
    event,
    to: [...new Set(to)].filter(Boolean),
    subject,
    text,
    html,
    orderNumber: order.number,
    ...(readers.length ? { readers, noteParams: { requesterName: order.requesterName } } : {}),
  };
}

/**
 * The mail for a set of people: one message per language among them (none without recipients).
 * `comment` may depend on the language (e.g. words Ordo itself writes). With `service` (the version
 * the order was filed under), the service's words — its name, the title built from it, checklist
 * labels, stage names Ordo wrote — are each group's language, resolved now, never stored per language.
 */
export function composeOrderMails(
  input: Omit<OrderMailInput, 'comment'> & {
    recipients: readonly Recipient[];
    comment?: string | ((language: Language) => string);
    service?: ServiceWords | undefined;
  },
): MailMessage[] {
  const { recipients, comment, service, order, ...rest } = input;
  return groupByLanguage(recipients).map(({ language, to, readers }) => {
    const said =
      typeof comment === 'function'
        ? comment(language)
        : comment && localizeComment(rest.event, comment, service, language);
    return composeOrderMail({
      ...rest,
      order: localizeOrder(order, service, language),
      to,
      readers,
      language,
      ...(said ? { comment: said } : {}),
    });
  });
}

/** The head's morning digest (see functions/workflows/digest.ts), in their language. */
/** The id of a department's digest of a day (its department-local day, "YYYY-MM-DD"). */
export function digestId(department: string, day: string): string {
  return `DIGEST.${department}.${day}`;
}

/**
 * The ids of the department's digests that may list an order as late: one per day from the day
 * before it was filed to the day after it was last active (`until`), so every zone's local day is in.
 */
export function digestIdsOf(order: Pick<Order, 'department' | 'createdAt'>, until: string): string[] {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const first = Date.parse(`${day(Date.parse(order.createdAt) - 86_400_000)}T00:00:00Z`);
  const last = day(Date.parse(until) + 86_400_000);
  const ids: string[] = [];
  for (let t = first; day(t) <= last; t += 86_400_000) ids.push(digestId(order.department, day(t)));
  return ids;
}

/**
 * A digest (composeDigestMail) naming the order by `title` on its line, whatever title it was
 * listed under (an erased requester's words); undefined when it does not list the order or already
 * says `title`.
 */
export function digestRetitled(
  mail: { text?: string; html?: string },
  number: string,
  title: string,
): { text: string; html: string } | undefined {
  const n = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^(${n} \\([^\\n]*?\\) ).*(: \\S*/orders/${n})$`, 'gm');
  const item = new RegExp(`(/orders/${n}">${n}</a> \\([^<]*?\\) )[^<]*(</li>)`, 'g');
  const text = (mail.text ?? '').replace(line, (_m, head: string, tail: string) => `${head}${title}${tail}`);
  const html = (mail.html ?? '').replace(
    item,
    (_m, head: string, tail: string) => `${head}${escapeHtml(title)}${tail}`,
  );
  return text === (mail.text ?? '') && html === (mail.html ?? '') ? undefined : { text, html };
}

export function composeDigestMail(input: {
  department: string;
  /** The department's local day, "YYYY-MM-DD". */
  day: string;
  open: number;
  late: Array<{ number: string; title: string; state: 'breached' | 'at_risk' }>;
  to: string[];
  portalUrl: string;
  language?: Language;
}): MailMessage {
  const { department: code, day, open, late, to, language = 'en' } = input;
  const words = mailWords(language);
  const digest = words.digest;
  const base = input.portalUrl.replace(/\/$/, '');
  const dashboard = `${base}/departments/${code}/dashboard`;
  const summary = digest.summary(code, open, late.length);
  const { text, html } = signedMail(language, {
    text: [
      `${digest.greeting} ${summary}`,
      '',
      ...late.map((o) => `${o.number} (${digest.state[o.state]}) ${o.title}: ${base}/orders/${o.number}`),
      '',
      digest.dashboardText(dashboard),
    ],
    html: [
      `<p>${escapeHtml(summary)}</p>`,
      late.length
        ? `<ul>${late.map((o) => `<li><a href="${escapeHtml(`${base}/orders/${o.number}`)}">${escapeHtml(o.number)}</a> (${escapeHtml(digest.state[o.state])}) ${escapeHtml(o.title)}</li>`).join('')}</ul>`
        : '',
      `<p><a href="${escapeHtml(dashboard)}">${escapeHtml(digest.dashboardLink)}</a></p>`,
    ],
  });
  return {
    // One head, one message a day: the id stays the department's and day's whatever the language.
    id: digestId(code, day),
    event: 'daily_digest',
    to,
    // The day in the one date format of the reader's language (shared/dates.ts).
    subject: oneLine(digest.subject(code, mailDay(day, language), late.length, open)),
    text,
    html,
  };
}
