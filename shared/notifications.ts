/**
 * Who is told what, and the text they get (SPEC §6). Pure: the caller supplies the people and links.
 * Every piece of user text is escaped before it goes into HTML.
 */
import type { MailMessage, Order } from './model.ts';

export type MailEvent =
  | 'order_received'
  | 'new_in_queue'
  | 'approval_needed'
  | 'assigned'
  | 'clarification_requested'
  | 'customer_replied'
  | 'order_resolved'
  | 'order_rejected'
  | 'order_cancelled'
  | 'order_closed'
  | 'order_reopened'
  | 'inputs_missing'
  | 'inputs_returned'
  | 'stage_changed'
  | 'sla_warning'
  | 'sla_breach'
  | 'survey_invitation'
  | 'low_rating'
  | 'daily_digest';

/** What a person may switch off in their profile; everything else is essential and always sent. */
export const MUTABLE_EVENTS = [
  'stage_changed',
  'order_closed',
  'order_reopened',
  'new_in_queue',
  'customer_replied',
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

const RATING_WORDS = ['very dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very satisfied'];

function missing(order: Order): string {
  return order.inputs
    .filter((i) => i.required && !i.done)
    .map((i) => i.label)
    .join(', ');
}

interface Copy {
  subject: string;
  lead: string;
}

function copyFor(event: MailEvent, order: Order): Copy {
  const ref = `${order.number} ${order.title}`;
  switch (event) {
    case 'order_received':
      return {
        subject: `We received your order ${ref}`,
        lead: `Your order for “${order.serviceName}” is registered as ${order.number}. You can follow it in Ordo.`,
      };
    case 'new_in_queue':
      return {
        subject: `New order in the queue: ${ref}`,
        lead: `${order.requesterName} ordered “${order.serviceName}”.`,
      };
    case 'approval_needed':
      return {
        subject: `Approval needed: ${ref}`,
        lead: `${order.requesterName} ordered “${order.serviceName}”; it waits for your approval.`,
      };
    case 'assigned':
      return { subject: `Assigned to you: ${ref}`, lead: `The order ${order.number} is now yours to work.` };
    case 'clarification_requested':
      return {
        subject: `We need something from you: ${ref}`,
        lead: 'The team asked a question before they can go on. Answer it in Ordo.',
      };
    case 'customer_replied':
      return { subject: `Customer replied: ${ref}`, lead: `${order.requesterName} answered your question.` };
    case 'order_resolved':
      return {
        subject: `Done: ${ref}`,
        lead: 'The team resolved your order. Check what was handed back and confirm, or reopen it if something is missing.',
      };
    case 'order_rejected':
      return { subject: `Not accepted: ${ref}`, lead: 'The team could not take this order.' };
    case 'order_cancelled':
      return { subject: `Cancelled: ${ref}`, lead: 'The order was cancelled.' };
    case 'order_closed':
      return { subject: `Closed: ${ref}`, lead: 'The order is closed. Thank you.' };
    case 'order_reopened':
      return { subject: `Reopened: ${ref}`, lead: `${order.requesterName} reopened the order.` };
    case 'inputs_missing':
      return {
        subject: `Hand over what is missing: ${ref}`,
        lead: `Work starts once you hand over: ${missing(order)}.`,
      };
    case 'inputs_returned':
      return {
        subject: `Please rework your inputs: ${ref}`,
        lead: `The team returned some inputs as incomplete. Still missing: ${missing(order)}.`,
      };
    case 'sla_warning':
      return { subject: `At risk: ${ref}`, lead: `The order ${order.number} is close to missing its time standard.` };
    case 'sla_breach':
      return { subject: `Standard missed: ${ref}`, lead: `The order ${order.number} missed its time standard.` };
    case 'daily_digest':
      return { subject: `Daily digest: ${ref}`, lead: 'Your daily digest.' };
    case 'survey_invitation':
      return {
        subject: `How did we do? ${ref}`,
        lead: 'Your order is resolved. One click tells the team how satisfied you are:',
      };
    case 'low_rating':
      return {
        subject: `Low rating: ${ref}`,
        lead: `${order.requesterName} rated the order low. A follow-up is open for you.`,
      };
    case 'stage_changed':
      return { subject: `Next stage: ${ref}`, lead: 'Your order moved to its next stage.' };
  }
}

/**
 * Builds one outbox message. `id` is deterministic (order, event, version, audience) so retrying the
 * same change can never queue the same mail twice.
 */
export function composeOrderMail(input: {
  event: MailEvent;
  order: Order;
  to: string[];
  audience: string;
  portalUrl: string;
  comment?: string;
  /** A signed link for acting without signing in (e.g. answering a clarification). */
  actionUrl?: string;
  /** One-click ratings: score → signed link. */
  ratingUrls?: string[];
}): MailMessage {
  const { event, order, to, audience, portalUrl, comment, actionUrl, ratingUrls } = input;
  const { subject, lead } = copyFor(event, order);
  const link = `${portalUrl.replace(/\/$/, '')}/orders/${encodeURIComponent(order.number)}`;
  const text = [
    lead,
    ...(comment ? ['', `“${comment}”`, ''] : []),
    ...(actionUrl ? [`Answer here: ${actionUrl}`] : []),
    ...(ratingUrls ? ratingUrls.map((url, i) => `${i + 1} – ${RATING_WORDS[i]}: ${url}`) : []),
    `Open the order: ${link}`,
    '',
    '— Ordo',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">',
    `<p>${escapeHtml(lead)}</p>`,
    comment
      ? `<blockquote style="border-left:3px solid #888;margin:0;padding-left:12px">${escapeHtml(comment)}</blockquote>`
      : '',
    actionUrl ? `<p><a href="${escapeHtml(actionUrl)}"><strong>Answer the question</strong></a></p>` : '',
    ratingUrls
      ? `<p>${ratingUrls
          .map(
            (url, i) =>
              `<a href="${escapeHtml(url)}" style="display:inline-block;padding:6px 10px;margin:2px;border:1px solid #1f4e8c;border-radius:4px">${i + 1} – ${RATING_WORDS[i]}</a>`,
          )
          .join(' ')}</p>`
      : '',
    `<p><a href="${escapeHtml(link)}">Open order ${escapeHtml(order.number)}</a></p>`,
    '<p style="color:#555">— Ordo</p></body></html>',
  ].join('');
  return {
    id: `${order.number}.${event}.v${order.version}.${audience}`,
    event,
    to: [...new Set(to)].filter(Boolean),
    subject,
    text,
    html,
    orderNumber: order.number,
  };
}
