/**
 * Words of a department's incoming mail page, in English. i18n/en.ts joins them into the
 * dictionary; the other languages are typed by these.
 */
import type { InboundOutcome } from '#shared/inbound.ts';
import { plural } from '../i18n/en-grammar.ts';

export const inboundWords = {
  inbound: {
    link: 'Incoming mail',
    title: (code: string) => `Incoming mail of ${code}`,
    intro:
      'Mail sent to the department’s address and replies to Ordo’s mail about its orders, newest first, with what Ordo did with each message.',
    headOnly: 'Only the head of the department sees its incoming mail.',
    address: (address: string) => `Mail to ${address} files an order.`,
    noAddress: 'The department has no address of its own for mail yet; replies to Ordo’s mail still arrive here.',
    caption: 'Incoming mail of the department, newest first.',
    empty: 'No mail has come in yet.',
    received: 'Received',
    from: 'From',
    subject: 'Subject',
    outcome: 'What Ordo did',
    order: 'Order',
    noSubject: '(no subject)',
    unknown: 'unknown',
    pending: 'Being taken in',
    answered: 'The sender was told by mail.',
    message: 'Message',
    download: 'Download',
    downloadOf: (subject: string) => `Download the message “${subject}” as it arrived (.eml)`,
    downloading: 'Opening…',
    attachments: (n: number) => plural(n, 'attachment', 'attachments'),
    outcomes: {
      commented: 'Added as a comment to the order',
      answered: 'Answered the order’s question',
      filed: 'Filed an order',
      refused_unknown_sender: 'Refused: the sender is not known to Ordo',
      refused_not_participant: 'Refused: the sender takes no part in the order',
      refused_unauthenticated: 'Refused: the sender could not be verified',
      refused_bad_signature: 'Refused: the reply address was not genuine',
      refused_too_large: 'Refused: too large',
      refused_unknown_address: 'Refused: the address leads nowhere',
      refused_by_order: 'Refused by the order',
      dropped_auto_reply: 'Ignored: an automatic reply',
      dropped_bulk: 'Ignored: bulk or list mail',
      dropped_loop: 'Ignored: sent by Ordo itself',
      dropped_duplicate: 'Ignored: the same message again',
    } satisfies Record<InboundOutcome, string> as Record<InboundOutcome, string>,
  },
};
