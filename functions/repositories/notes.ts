/**
 * A person's notifications in the portal (shared/notes.ts). They are written by the mail worker when
 * it takes an outbox message (`readers` on the message: the people the mail decision chose), before it
 * sends, so an SES outage does not hold them back; the note's key is the message's, so a retried
 * delivery never writes one twice nor makes a read note unread again.
 *
 * Access patterns:
 * - write a message's notes: conditional PutItem per reader `USER#id`/`NOTE#<at>#<message id>` (TTL 90 days)
 * - my notifications, newest first: Query pk = `USER#id`, sk begins_with `NOTE#`, descending, Limit
 * - my unread count: Query byCollection `USER#id#UNREAD` (sparse: unread notes only), ids only,
 *   Limit 100 (the badge says 99+ beyond)
 * - mark read: UpdateItem (condition: mine, unread) SET readAt, REMOVE the unread list's keys
 * - mark all read: Query byCollection `USER#id#UNREAD` (ids only) + the same UpdateItem per note
 */
import { type Note, noteExpiry, UNREAD_CAP } from '#shared/notes.ts';
import type { Db } from '../storage/client.ts';
import { keys, partitions } from '../storage/keys.ts';
import { inPartition, queryAll, queryPage } from '../storage/query-all.ts';
import { newestFirst, putNew, updateWhere } from './conditional.ts';

export class NoteRepository {
  constructor(private readonly db: Db) {}

  /** Writes each note unless it is there already (a retried delivery). */
  async write(notes: readonly Note[]): Promise<void> {
    await Promise.all(
      notes.map((note) =>
        putNew(this.db, {
          ...keys.note(note.personId, note.id),
          ...keys.noteUnread(note.personId, note.id),
          type: 'note',
          ...note,
          expiresAt: noteExpiry(note.at),
        }),
      ),
    );
  }

  /** A person's notes, newest first; the cursor only ever continues this person's own list. */
  async ofPerson(
    personId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ notes: Note[]; cursor?: string }> {
    const { items, ...next } = await newestFirst<Note>(this.db, partitions.notesOfPerson(personId), cursor, limit);
    return { notes: items, ...next };
  }

  /**
   * How many notes the person has not read, counted up to UNREAD_CAP. `except`: notes just marked read,
   * which the index (eventually consistent) may still list for a moment.
   */
  async unreadCount(personId: string, except: readonly string[] = []): Promise<number> {
    const out = await queryPage(this.db, {
      ...inPartition(partitions.unreadNotesOfPerson(personId)),
      ProjectionExpression: 'id',
      Limit: UNREAD_CAP,
    });
    const skip = new Set(except);
    return (out.Items ?? []).filter((item) => !skip.has(item.id as string)).length;
  }

  /** Marks the person's notes read; ids that are not theirs, unknown or read already change nothing. */
  async markRead(personId: string, ids: readonly string[], at: string): Promise<void> {
    await Promise.all(
      [...new Set(ids)].map((id) =>
        updateWhere(this.db, {
          Key: keys.note(personId, id),
          UpdateExpression: 'SET readAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  /** Marks every unread note of the person read, at most 100 writes at a time; answers their ids. */
  async markAllRead(personId: string, at: string): Promise<string[]> {
    const unread = await queryAll(this.db, {
      ...inPartition(partitions.unreadNotesOfPerson(personId)),
      ProjectionExpression: 'id',
    });
    const ids = unread.map((item) => item.id as string);
    for (let i = 0; i < ids.length; i += 100) await this.markRead(personId, ids.slice(i, i + 100), at);
    return ids;
  }
}
