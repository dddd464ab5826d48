/**
 * The notification routes of the API contract (contract.ts spreads them into its table): the
 * signed-in person's own notifications in the portal (shared/notes.ts). Each reads and changes only
 * the caller's list; nobody, an administrator included, reads another person's.
 */
import * as z from 'zod/mini';
import type { Audience } from './access.ts';
import { type Page, pageCursor } from './api.ts';
import type { NoteView } from './notes.ts';
import { answer } from './route-answer.ts';

export const notesQuery = z.strictObject({
  cursor: z.optional(pageCursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
});

export const markReadBody = z.strictObject({
  /** Note ids from the list; ids that are not the caller's or are read already change nothing. */
  ids: z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.minLength(1), z.maxLength(50)),
});

/** How many of the caller's notifications are unread, counted up to 100 (the portal says 99+). */
export interface UnreadCount {
  unread: number;
}

export type NotePage = Page<NoteView> & UnreadCount;

const SIGNED_IN = 'signedIn' satisfies Audience;

export const NOTE_ROUTES = {
  'GET /me/notifications': {
    audience: SIGNED_IN,
    tag: 'me',
    summary: 'My notifications, newest first (kept 90 days), with how many are unread.',
    query: notesQuery,
    response: answer<NotePage>('NotePage'),
  },
  'GET /me/notifications/unread': {
    audience: SIGNED_IN,
    tag: 'me',
    summary: 'How many of my notifications are unread (up to 100).',
    response: answer<UnreadCount>('UnreadCount'),
  },
  'POST /me/notifications/read': {
    audience: SIGNED_IN,
    write: true,
    tag: 'me',
    summary: 'Mark some of my notifications read.',
    body: markReadBody,
    response: answer<UnreadCount>('UnreadCount'),
  },
  'POST /me/notifications/read-all': {
    audience: SIGNED_IN,
    write: true,
    tag: 'me',
    summary: 'Mark all my notifications read.',
    response: answer<UnreadCount>('UnreadCount'),
  },
} as const;
