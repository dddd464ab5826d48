/**
 * Words of a department's integrations (API tokens, webhooks), in English.
 * i18n/en.ts joins them into the dictionary; words.pl.ts says them in Polish.
 */

import type { TokenScope, WebhookEvent } from '#shared/integrations.ts';
import { plural } from '../i18n/en-grammar.ts';

export const integrationWords = {
  integrations: {
    link: 'Integrations',
    title: (code: string) => `Integrations of ${code}`,
    intro:
      'Let other systems file and read your department’s orders with an API token, and tell them what happens with webhooks.',
    headOnly: 'Only the head of the department manages its integrations.',
    copy: 'Copy',
    copied: 'Copied',
    shownOnce: 'Copy it now: it is shown only this once and cannot be seen again.',
    tokens: {
      title: 'API tokens',
      intro:
        'A token lets a service account (for example your HR system) call the API as itself, only for what its scopes allow, until it expires or you revoke it.',
      empty: 'No tokens yet.',
      caption: 'API tokens of the department, oldest first.',
      name: 'Name',
      scopes: 'Scopes',
      services: 'Services it may file',
      expires: 'Expires',
      lastUsed: 'Last used',
      state: 'State',
      never: 'Never',
      stateWords: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
      scopeWords: {
        'orders:file': 'File orders (the services chosen below)',
        'orders:read': 'Read the department’s orders',
      } satisfies Record<TokenScope, string>,
      revoke: 'Revoke',
      revokeLabel: (name: string) => `Revoke the token “${name}”`,
      revoked: (name: string) => `The token “${name}” is revoked; its next request is refused.`,
      new: 'New token',
      nameHint: 'Who uses it, e.g. “HR system”. Orders filed with it name it on their timeline.',
      expiresHint: 'At most a year from today.',
      create: 'Create token',
      creating: 'Creating…',
      secret: (name: string) => `The secret of “${name}”`,
      count: (n: number) => plural(n, 'token', 'tokens'),
    },
    webhooks: {
      title: 'Webhooks',
      intro:
        'Ordo sends the events you choose to an HTTPS address, signed by the Standard Webhooks scheme, in order per order, retrying when it fails. After 10 failures in a row (or a day of failing) a webhook pauses and you get a mail.',
      empty: 'No webhooks yet.',
      caption: 'Webhook subscriptions of the department.',
      url: 'Address (HTTPS)',
      events: 'Events',
      status: 'Status',
      lastDelivery: 'Last delivery',
      statusWords: { active: 'Active', paused: 'Paused' },
      pausedFailing: 'Paused after failing',
      failures: (n: number) => plural(n, 'failure in a row', 'failures in a row'),
      eventWords: {
        'order.filed': 'Order filed',
        'order.status_changed': 'Status changed',
        'order.sla_warning': 'Time standard warning',
        'order.sla_breach': 'Time standard breached',
        'order.resolved': 'Resolved',
        'order.rated': 'Rated',
      } satisfies Record<WebhookEvent, string>,
      pause: 'Pause',
      resume: 'Resume',
      remove: 'Delete',
      removeLabel: (url: string) => `Delete the webhook to ${url}`,
      test: 'Send test event',
      tested: 'A test event is on its way; see the delivery log.',
      log: 'Delivery log',
      hideLog: 'Hide the log',
      logCaption: 'The last 50 delivery attempts, newest first.',
      logEmpty: 'Nothing delivered yet.',
      at: 'When',
      event: 'Event',
      attempt: 'Attempt',
      answer: 'Answer',
      duration: 'Time',
      ms: (n: number) => `${n} ms`,
      noAnswer: 'No answer',
      new: 'New webhook',
      urlHint: 'Addresses in private, loopback and link-local networks are refused.',
      create: 'Subscribe',
      creating: 'Subscribing…',
      secret: 'The signing secret',
      secretHint: 'Your receiver checks each request’s signature with it (webhook-signature header).',
    },
  },
};
