/**
 * The mail-in routes of the API contract (contract.ts spreads them into its table): a department's
 * inbound mail with what became of each message, for its head, and the department's inbound address
 * and intake service.
 */
import * as z from 'zod/mini';
import type { Audience } from './access.ts';
import { departmentCodeParam, type Page, pageQuery } from './api.ts';
import { type InboundOutcome, LOCAL_PART } from './inbound.ts';
import { says } from './refusals.ts';
import { answer } from './route-answer.ts';

/** PUT /departments/:code/mail-intake: mail to `<localPart>@<inbound domain>` files orders in `serviceId`. */
export const mailIntakeBody = z.strictObject({
  localPart: z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.regex(LOCAL_PART, says('inbound_address_format')),
    z.refine((v) => !v.startsWith('order'), says('inbound_address_reserved')),
  ),
  serviceId: z.string().check(z.minLength(1), z.maxLength(100)),
});

export interface MailIntakeView {
  localPart: string;
  serviceId: string;
  /** The full address, when mail in is set up (`<localPart>@<inbound domain>`). */
  address?: string;
}

/** One inbound message as the head sees it. */
export interface InboundMailView {
  id: string;
  receivedAt: string;
  outcome?: InboundOutcome;
  /** The order's or service's refusal code, when the outcome is `refused_by_order`. */
  detail?: string;
  from?: string;
  subject?: string;
  orderNumber?: string;
  personId?: string;
  size?: number;
  attachments?: Array<{ name: string; size: number; attached: boolean }>;
  /** The sender was answered (refusals only). */
  answered?: boolean;
}

export type InboundMailPage = Page<InboundMailView> & {
  intake?: MailIntakeView;
  /** The raw messages can be downloaded (GET /departments/:code/inbound/:id/raw). */
  raw?: boolean;
};

/** GET /departments/:code/inbound/:id/raw: the raw message, as a redirect to it or its URL in JSON. */
export const rawMailQuery = z.strictObject({ as: z._default(z.enum(['json', 'redirect']), 'redirect') });

const code = departmentCodeParam;

export const INBOUND_ROUTES = {
  'GET /departments/:code/inbound': {
    audience: 'departmentHead' satisfies Audience,
    tag: 'departments',
    summary: 'The department’s inbound mail, newest first, with what Ordo did with each message; and its address.',
    params: { code },
    query: pageQuery,
    response: answer<InboundMailPage>('InboundMailPage'),
  },
  'GET /departments/:code/inbound/:id/raw': {
    audience: 'departmentHead' satisfies Audience,
    tag: 'departments',
    summary:
      'One inbound message of the department as it arrived (message/rfc822): a short-lived link to it (as=json) or a redirect to it.',
    params: { code, id: z.string().check(z.minLength(1), z.maxLength(200)) },
    query: rawMailQuery,
    response: answer<{ url: string }>('DownloadUrl'),
    also: [{ status: 302, description: 'Redirect to the raw message (as=redirect).' }],
  },
  'PUT /departments/:code/mail-intake': {
    audience: 'departmentHeadOrAdmin' satisfies Audience,
    write: true,
    tag: 'departments',
    summary: 'Set the department’s inbound address and the service new mail files orders in.',
    params: { code },
    body: mailIntakeBody,
    response: answer<MailIntakeView>('MailIntakeView'),
  },
} as const;
