/**
 * Mail in (email → order): what Ordo does with one inbound message, as pure decisions. The handler
 * (functions/inbound/mail-in.ts) reads the raw message, asks these functions, and acts.
 *
 * Every message ends in one outcome code, recorded with the raw message so the department's head can
 * see what became of it. `refused_*` outcomes may answer the sender (rate-limited); `dropped_*` ones
 * never answer: replying to an auto-reply, a list or ourselves is how mail loops start.
 */
import nl from './inbound-words.nl.json';
import pl from './inbound-words.pl.json';
import ru from './inbound-words.ru.json';
import zh from './inbound-words.zh.json';
import { mailDictionaries } from './mail-dictionary.ts';
import type { Language, MailMessage } from './model.ts';
import { escapeHtml, signedMail } from './notifications.ts';
import { ANSWER_LIMITS, oneLine } from './text.ts';

export const INBOUND_OUTCOMES = [
  /** A reply became a public comment on the order. */
  'commented',
  /** A reply answered the order's open clarification request (the clock resumed). */
  'answered',
  /** A mail to a department's address filed an order in its intake service. */
  'filed',
  /** The sender is nobody Ordo knows. */
  'refused_unknown_sender',
  /** The sender is known but takes no part in the order replied to. */
  'refused_not_participant',
  /** SPF, DKIM or DMARC failed: the From address cannot be trusted. */
  'refused_unauthenticated',
  /** The reply address names an order with a wrong or forged signature. */
  'refused_bad_signature',
  /** Over the size limit. */
  'refused_too_large',
  /** Sent to an address of the inbound domain that leads nowhere (no department, no intake service). */
  'refused_unknown_address',
  /** The order or the service refused the change (e.g. a closed order, a form that does not fit). */
  'refused_by_order',
  /** Auto-reply, bounce or delivery report (Auto-Submitted, empty return path, report content). */
  'dropped_auto_reply',
  /** Bulk or list mail (Precedence bulk/junk/list, List-Id). */
  'dropped_bulk',
  /** From one of Ordo's own addresses: a loop. */
  'dropped_loop',
  /** The same message again (same Message-ID or the same sender, subject and body). */
  'dropped_duplicate',
] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** Refusals that are answered (once a day per address and outcome). Spoofable ones never are: no backscatter. */
export const ANSWERED_REFUSALS: ReadonlySet<InboundOutcome> = new Set([
  'refused_unknown_sender',
  'refused_not_participant',
  'refused_too_large',
  'refused_unknown_address',
  'refused_by_order',
]);

/** Raw messages above this are refused (SES accepts up to 40 MB; uploads allow 10 MB a file). */
export const INBOUND_MAX_BYTES = 10 * 1024 * 1024;

/** No mailbox has a longer address: 254 octets (RFC 5321: a path of 256, less its angle brackets). */
export const MAX_ADDRESS_BYTES = 254;

/**
 * The sender's address as mail in takes it: none when it is longer than any mailbox's, so the message
 * is refused as one without a trustworthy sender and never answered. Such an address could be no
 * key of the sender's listing or of the days it was answered (DynamoDB: at most 2,048 bytes).
 */
export function senderAddress(address: string | undefined): string | undefined {
  return address !== undefined && new TextEncoder().encode(address).length <= MAX_ADDRESS_BYTES ? address : undefined;
}

/** What the checks need of a parsed message: lower-cased header names → values as text. */
export interface InboundHeaders {
  get(name: string): string | undefined;
  /** Every value of a repeated header, top (newest) first. */
  all(name: string): string[];
}

export type Verdict = 'pass' | 'fail' | 'gray' | 'none';

/** The receiving server's verdicts (SES receipt in AWS; the Authentication-Results header locally). */
export interface AuthVerdicts {
  spf: Verdict;
  dkim: Verdict;
  dmarc: Verdict;
}

/** Whether the message is an automatic one that must not be answered or acted upon. */
export function automaticKind(
  headers: InboundHeaders,
  from: string | undefined,
  ownAddresses: readonly string[],
  ownDomains: readonly string[],
): 'dropped_auto_reply' | 'dropped_bulk' | 'dropped_loop' | undefined {
  const sender = (from ?? '').toLowerCase();
  const domain = sender.slice(sender.lastIndexOf('@') + 1);
  if (sender && (ownAddresses.includes(sender) || ownDomains.includes(domain))) return 'dropped_loop';
  if (/^mailer-daemon@|^postmaster@/.test(sender)) return 'dropped_auto_reply';
  const autoSubmitted = headers.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'dropped_auto_reply';
  if (headers.get('x-autoreply') || headers.get('x-autorespond')) return 'dropped_auto_reply';
  const suppress = headers.get('x-auto-response-suppress')?.toLowerCase() ?? '';
  if (/\b(all|oof|autoreply)\b/.test(suppress) && headers.get('x-ms-exchange-generated-message-source'))
    return 'dropped_auto_reply';
  if (headers.get('return-path')?.trim() === '<>') return 'dropped_auto_reply';
  if (/multipart\/report/i.test(headers.get('content-type') ?? '')) return 'dropped_auto_reply';
  const precedence = headers.get('precedence')?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'dropped_bulk';
  if (headers.get('list-id') || headers.get('list-unsubscribe')) return 'dropped_bulk';
  return undefined;
}

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'gray', 'none'];

function verdict(value: string | undefined): Verdict {
  const v = (value ?? '').toLowerCase();
  if ((VERDICTS as readonly string[]).includes(v)) return v as Verdict;
  // RFC 8601 results: softfail, permerror, temperror, neutral, policy …
  if (v === 'softfail' || v === 'permerror' || v === 'policy') return 'fail';
  return v ? 'gray' : 'none';
}

/**
 * The verdicts of the `Authentication-Results` header our receiving server added. Only the topmost
 * header from `trustedServer` counts: a sender can put any such header into the mail below ours.
 */
export function verdictsFromHeaders(headers: InboundHeaders, trustedServer: string): AuthVerdicts {
  const ours = headers
    .all('authentication-results')
    .find((value) => value.trim().toLowerCase().startsWith(`${trustedServer.toLowerCase()};`));
  const result = (method: string) => ours && new RegExp(`\\b${method}=([a-z]+)`, 'i').exec(ours)?.[1];
  return { spf: verdict(result('spf')), dkim: verdict(result('dkim')), dmarc: verdict(result('dmarc')) };
}

/** The receipt's verdict statuses (SES: PASS, FAIL, GRAY, PROCESSING_FAILED, DISABLED). */
export function verdictsFromReceipt(receipt: { spf?: string; dkim?: string; dmarc?: string }): AuthVerdicts {
  const one = (status: string | undefined) => {
    const s = (status ?? '').toUpperCase();
    return s === 'PASS' ? 'pass' : s === 'FAIL' ? 'fail' : s === 'GRAY' || s === 'PROCESSING_FAILED' ? 'gray' : 'none';
  };
  return { spf: one(receipt.spf), dkim: one(receipt.dkim), dmarc: one(receipt.dmarc) };
}

/**
 * Refuse when the From address is demonstrably not the sender's: DMARC failed, or there is no DMARC
 * verdict and neither SPF nor DKIM passed while one of them failed. A domain without DMARC whose SPF
 * or DKIM passes is accepted.
 */
export function isUnauthenticated(v: AuthVerdicts): boolean {
  if (v.dmarc === 'fail') return true;
  if (v.dmarc === 'pass') return false;
  return v.spf !== 'pass' && v.dkim !== 'pass' && (v.spf === 'fail' || v.dkim === 'fail');
}

/** Lines that start the quoted history in common mail programs (English and Polish). */
const QUOTE_HEADERS = [
  /^On\s.+\bwrote:\s*$/i,
  /^W\s?dniu\s.+\bpisze:\s*$/i,
  /^.+\s(napisał|napisała|napisał\(a\)):\s*$/i,
  /^-{2,}\s*(Original Message|Oryginalna wiadomość|Wiadomość oryginalna)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|Od):\s.+$/i,
  /^Sent from my \w+/i,
  /^Wysłane z\s/i,
];

/** Stop words of Ordo's own mails: a reply that quotes them below the answer loses them. */
const ORDO_FOOTERS = [/^—\s*Ordo\b/, /^-- ?$/];

/**
 * The new text of a reply: everything before the quoted history or the signature, with trailing
 * blank lines removed. Lines quoted with `>` are dropped anywhere. When nothing is left (a reply
 * written below the quote), the unquoted lines are kept instead, so a person's words are never lost.
 */
export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    // "On Tue, 3 Dec 2026 at 10:00, Ordo <…> wrote:" may wrap onto a second line.
    const joined = `${trimmed} ${(lines[i + 1] ?? '').trim()}`;
    if (QUOTE_HEADERS.some((re) => re.test(trimmed)) || (/^On\s/i.test(trimmed) && /\bwrote:\s*$/i.test(joined))) break;
    if (ORDO_FOOTERS.some((re) => re.test(line))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const answer = trimEnds(kept);
  if (answer.trim()) return answer;
  return trimEnds(lines.filter((l) => !l.trim().startsWith('>')));
}

function trimEnds(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]?.trim()) start++;
  while (end > start && !lines[end - 1]?.trim()) end--;
  return lines
    .slice(start, end)
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}

/** "Re: Fwd: AW: Odp: subject" → "subject". */
export function cleanSubject(subject: string | undefined): string {
  let s = (subject ?? '').replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = s.replace(/^(re|fw|fwd|aw|wg|odp|pd|sv|vs)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === s) return s;
    s = next;
  }
}

/**
 * A reply address names one order and carries a signature over its number:
 * `order+HR-1001.<signature>@<inbound domain>`. Anything else of the inbound domain is a department's
 * local part (e.g. `hr`).
 */
export type InboundAddress =
  | { kind: 'order'; number: string; signature: string }
  | { kind: 'department'; localPart: string }
  | { kind: 'elsewhere' };

const ORDER_ADDRESS = /^order\+([a-z0-9]+-\d+)\.([a-z0-9]+)$/i;
export const LOCAL_PART = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function parseInboundAddress(address: string, inboundDomain: string): InboundAddress {
  const at = address.lastIndexOf('@');
  if (at < 1 || address.slice(at + 1).toLowerCase() !== inboundDomain.toLowerCase()) return { kind: 'elsewhere' };
  const local = address.slice(0, at).toLowerCase();
  const order = ORDER_ADDRESS.exec(local);
  // Order numbers are upper case (HR-1001); mail systems may fold the local part to lower case.
  if (order) return { kind: 'order', number: (order[1] as string).toUpperCase(), signature: order[2] as string };
  if (LOCAL_PART.test(local)) return { kind: 'department', localPart: local };
  return { kind: 'elsewhere' };
}

/**
 * The answers of an intake service from a mail: the subject fills the first short text field, the
 * body the first long text field (or the next text field); with a single text field it takes both.
 */
export function intakeAnswers(
  form: ReadonlyArray<{ id: string; kind: string; max?: number }>,
  subject: string,
  body: string,
): Record<string, string> {
  const texts = form.filter((f) => f.kind === 'text' || f.kind === 'longText');
  const forSubject = texts.find((f) => f.kind === 'text') ?? texts[0];
  if (!forSubject) return {};
  const forBody = texts.find((f) => f !== forSubject && f.kind === 'longText') ?? texts.find((f) => f !== forSubject);
  const fitted = (field: { kind: string; max?: number }, value: string) =>
    field.kind === 'text'
      ? value
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, field.max ?? ANSWER_LIMITS.textChars)
      : value.slice(0, field.max ?? ANSWER_LIMITS.longTextChars);
  if (!forBody) return { [forSubject.id]: fitted(forSubject, [subject, body].filter(Boolean).join('\n\n')) };
  return {
    [forSubject.id]: fitted(forSubject, subject || body.split('\n')[0] || ''),
    [forBody.id]: fitted(forBody, body || subject),
  };
}

/** The short, polite answer to mail Ordo refused; queued in the outbox like every other mail. */
export function composeInboundRefusal(input: {
  /** Deterministic, so a retried message cannot queue the answer twice. */
  id: string;
  outcome: InboundOutcome;
  to: string;
  language: Language;
  subject: string;
  portalUrl: string;
  /** The address written to (unknown address) and the order replied to. */
  address?: string;
  orderNumber?: string;
}): MailMessage {
  const w = INBOUND_WORDS[input.language] ?? INBOUND_WORDS_EN;
  const reason = (() => {
    switch (input.outcome) {
      case 'refused_not_participant':
        return w.notParticipant(input.orderNumber ?? '');
      case 'refused_too_large':
        return w.tooLarge(INBOUND_MAX_BYTES / 1024 / 1024);
      case 'refused_unknown_address':
        return w.unknownAddress(input.address ?? '');
      case 'refused_by_order':
        return w.byOrder(input.orderNumber ?? input.address ?? '');
      default:
        return w.unknownSender;
    }
  })();
  const url = input.portalUrl.replace(/\/$/, '');
  const { text, html } = signedMail(input.language, {
    text: [w.greeting, '', reason, url],
    html: [
      `<p>${escapeHtml(w.greeting)}</p><p>${escapeHtml(reason)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    ],
    closing: [w.once],
  });
  return {
    id: input.id,
    event: 'inbound_refused',
    to: [input.to],
    subject: oneLine(w.subject(input.subject || '…')).slice(0, 200),
    text,
    html,
  };
}

/** The words of those answers: English here, the other languages in inbound-words.<lang>.json. */
const INBOUND_WORDS_EN = {
  subject: (subject: string) => `Not delivered to Ordo: ${subject}`,
  greeting: 'Hello,',
  unknownSender:
    'Ordo takes mail only from people it knows. Write from the address you sign in to Ordo with, or place your request in the portal:',
  notParticipant: (number: string) =>
    `You take no part in the order ${number}, so your message was not added to it. Ask its requester to add you as a watcher, or open the portal:`,
  tooLarge: (megabytes: number) =>
    `Your message is larger than ${megabytes} MB, the most Ordo takes. Send the text alone and add large files in the portal:`,
  unknownAddress: (address: string) => `Nobody receives mail at ${address}. Place your request in the portal:`,
  byOrder: (reference: string) =>
    `Your message could not be added to ${reference} as it stands. Please continue in the portal:`,
  once: 'You get this answer at most once a day.',
};

const INBOUND_WORDS = /* @__PURE__ */ mailDictionaries(INBOUND_WORDS_EN, { pl, ru, nl, zh });
