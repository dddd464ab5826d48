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
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Note, noteExpiry, UNREAD_CAP } from '#shared/notes.ts';
import type { Db } from '../storage/client.ts';
import { encodeCursor, fromItem, keys, partitions } from '../storage/keys.ts';
import { cursorIn, inPartition, queryAll, queryPage } from '../storage/query-all.ts';

function isConditionFailure(error: unknown): boolean {
  return (error as Error).name === 'ConditionalCheckFailedException';
}

export class NoteRepository {
  constructor(private readonly db: Db) {}

  /** Writes each note unless it is there already (a retried delivery). */
  async write(notes: readonly Note[]): Promise<void> {
    await Promise.all(
      notes.map(async (note) => {
        try {
          await this.db.doc.send(
            new PutCommand({
              TableName: this.db.tableName,
              Item: {
                ...keys.note(note.personId, note.id),
                ...keys.noteUnread(note.personId, note.id),
                type: 'note',
                ...note,
                expiresAt: noteExpiry(note.at),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }),
    );
  }

  /** A person's notes, newest first; the cursor only ever continues this person's own list. */
  async ofPerson(
    personId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ notes: Note[]; cursor?: string }> {
    const notes = partitions.notesOfPerson(personId);
    const start = cursorIn(notes, cursor);
    const out = await queryPage(this.db, {
      ...inPartition(notes),
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    });
    const next = encodeCursor(out.LastEvaluatedKey);
    return { notes: (out.Items ?? []).map((item) => fromItem<Note>(item)), ...(next ? { cursor: next } : {}) };
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
      [...new Set(ids)].map(async (id) => {
        try {
          await this.db.doc.send(
            new UpdateCommand({
              TableName: this.db.tableName,
              Key: keys.note(personId, id),
              UpdateExpression: 'SET readAt = :at REMOVE gsi1pk, gsi1sk',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
              ExpressionAttributeValues: { ':at': at },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }),
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
