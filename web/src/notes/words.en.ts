/**
 * Words of the notifications in the header (the bell), in English. A note brings its event and the
 * order's number (and the requester's name); these say it. i18n/en.ts joins them into the dictionary.
 */
import type { MailEvent } from '#shared/notifications.ts';
import { plural } from '../i18n/en-grammar.ts';

/** What a note names: the order, and the requester (an event's words may name them). */
export interface NoteFacts {
  number: string;
  name: string;
}

export const noteWords = {
  notes: {
    /** The bell's name, with how many are unread (the count stops at 100). */
    bell: (unread: number) =>
      unread === 0
        ? 'Notifications, none unread'
        : unread >= 100
          ? 'Notifications, more than 99 unread'
          : `Notifications, ${plural(unread, 'unread', 'unread')}`,
    title: 'Notifications',
    markAll: 'Mark all as read',
    empty: 'Nothing to tell you yet. Changes to your orders show up here.',
    unread: 'Unread',
    older: 'Show older',
    close: 'Close notifications',
    kept: 'Notifications are kept for 90 days.',
    /** Stands in for a requester whose name the note does not carry. */
    someone: 'The requester',
    event: {
      order_received: (f) => `We received your order ${f.number}`,
      new_in_queue: (f) => `New order ${f.number} in the queue, from ${f.name}`,
      approval_needed: (f) => `${f.name}’s order ${f.number} waits for your approval`,
      assigned: (f) => `${f.number} is assigned to you`,
      clarification_requested: (f) => `The team asks you a question about ${f.number}`,
      requester_asked: (f) => `The team asked ${f.name} a question about ${f.number}`,
      customer_replied: (f) => `${f.name} answered your question on ${f.number}`,
      order_resolved: (f) => `${f.number} is done: check what was handed back`,
      order_rejected: (f) => `${f.number} was not accepted`,
      order_cancelled: (f) => `${f.number} was cancelled`,
      requester_cancelled: (f) => `${f.name} cancelled ${f.number}`,
      requester_commented: (f) => `${f.name} commented on ${f.number}`,
      team_commented: (f) => `The team commented on ${f.number}`,
      order_closed: (f) => `${f.number} is closed`,
      order_reopened: (f) => `${f.name} reopened ${f.number}`,
      inputs_missing: (f) => `Hand over what ${f.number} still needs`,
      inputs_returned: (f) => `Please rework your inputs for ${f.number}`,
      stage_changed: (f) => `${f.number} moved to its next stage`,
      sla_warning: (f) => `${f.number} is close to missing its time standard`,
      sla_breach: (f) => `${f.number} missed its time standard`,
      survey_invitation: (f) => `How did we do on ${f.number}? Rate it`,
      low_rating: (f) => `${f.name} rated ${f.number} low: a follow-up is open for you`,
      daily_digest: () => 'Your daily digest',
    } satisfies Record<MailEvent, (facts: NoteFacts) => string> as Record<MailEvent, (facts: NoteFacts) => string>,
  },
};
