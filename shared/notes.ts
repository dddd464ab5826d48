/**
 * In-app notifications ("notes"): every order mail that reaches a person with a profile also lands in
 * their notification list in the portal (the bell), decided once with the mail (shared/notifications.ts:
 * the same recipients, the same mute choices). A note keeps ids and parameters, never words: the
 * portal says it in the reader's language, as mail-words.ts does for mail. Pure, no storage.
 */
import type { MailEvent } from './notifications.ts';

/** Notes are kept this long (the table's TTL removes them), read or not. */
export const NOTE_DAYS = 90;

/** The unread count stops here: the badge says "99+" beyond 99, and counting costs at most this many reads. */
export const UNREAD_CAP = 100;

/** One notification as the portal shows it. */
export interface NoteView {
  /** Opaque to the portal: what `POST /me/notifications/read` takes back. */
  id: string;
  event: MailEvent;
  orderNumber: string;
  /** When the change that caused it was stored. */
  at: string;
  read: boolean;
  /** The order's requester, named by the words of events about what they did. */
  requesterName?: string;
}

/** A stored note: what the view shows, and when it was read. */
export interface Note {
  id: string;
  personId: string;
  event: MailEvent;
  orderNumber: string;
  at: string;
  requesterName?: string;
  readAt?: string;
}

/** A message's notes: one per reader, only for mail about an order (the digest and refusals name none). */
export function notesOf(message: {
  id: string;
  event: string;
  orderNumber?: string;
  readers?: readonly string[];
  noteParams?: { requesterName?: string };
  createdAt: string;
}): Note[] {
  const { orderNumber, readers, noteParams, createdAt } = message;
  if (!orderNumber || !readers?.length) return [];
  const requesterName = noteParams?.requesterName;
  return [...new Set(readers)].map((personId) => ({
    id: `${createdAt}#${message.id}`,
    personId,
    event: message.event as MailEvent,
    orderNumber,
    at: createdAt,
    ...(requesterName ? { requesterName } : {}),
  }));
}

export function noteView(note: Note): NoteView {
  return {
    id: note.id,
    event: note.event,
    orderNumber: note.orderNumber,
    at: note.at,
    read: note.readAt !== undefined,
    ...(note.requesterName ? { requesterName: note.requesterName } : {}),
  };
}

/** The badge's number: none at 0, "99+" from 100 (the count stops at UNREAD_CAP). */
export function unreadBadge(count: number): string | undefined {
  if (count <= 0) return undefined;
  return count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count);
}

/** When a note written at `at` expires, in epoch seconds (the table's TTL attribute). */
export function noteExpiry(at: string): number {
  return Math.floor(Date.parse(at) / 1000) + NOTE_DAYS * 86_400;
}
