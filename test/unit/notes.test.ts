import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMailWords } from '#shared/mail-words.ts';
import { LANGUAGES, type Order } from '#shared/model.ts';
import { NOTE_DAYS, noteExpiry, notesOf, noteView, UNREAD_CAP, unreadBadge } from '#shared/notes.ts';
import { composeOrderMails, groupByLanguage } from '#shared/notifications.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

const order = {
  number: 'HR-1001',
  title: 'Certificate',
  serviceName: 'Certificate',
  requesterName: 'Anna Kowalska',
  version: 3,
  inputs: [],
  deliverables: [],
} as unknown as Order;

describe('notes: the people a mail reaches, in their notification list', () => {
  it('carries the people among the recipients on each language’s message, never the shared mailbox', () => {
    const groups = groupByLanguage([
      { email: 'anna@example.com', language: 'pl', id: 'anna' },
      { email: 'team@example.com' },
      { email: 'ben@example.com', language: 'en', id: 'ben' },
      { email: 'anna@example.com', language: 'en', id: 'anna' },
    ]);
    expect(groups).toEqual([
      { language: 'en', to: ['team@example.com', 'ben@example.com'], readers: ['ben'] },
      { language: 'pl', to: ['anna@example.com'], readers: ['anna'] },
    ]);
    const mails = composeOrderMails({
      event: 'team_commented',
      order,
      recipients: [{ email: 'anna@example.com', language: 'pl', id: 'anna' }, { email: 'team@example.com' }],
      audience: 'requester',
      portalUrl: 'https://ordo.example',
      comment: 'Ready tomorrow.',
    });
    expect(mails.map((m) => [m.id, m.readers, m.noteParams])).toEqual([
      ['HR-1001.team_commented.v3.requester', undefined, undefined],
      ['HR-1001.team_commented.v3.requester.pl', ['anna'], { requesterName: 'Anna Kowalska' }],
    ]);
  });

  it('makes one note per reader of a message about an order, with ids and parameters only', () => {
    const message = {
      id: 'HR-1001.team_commented.v3.requester',
      event: 'team_commented',
      orderNumber: 'HR-1001',
      readers: ['anna', 'ben', 'anna'],
      noteParams: { requesterName: 'Anna Kowalska' },
      createdAt: '2026-12-03T10:00:00.000Z',
      text: 'The team commented: “Ready tomorrow.”',
    };
    const notes = notesOf(message);
    expect(notes).toEqual(
      ['anna', 'ben'].map((personId) => ({
        id: '2026-12-03T10:00:00.000Z#HR-1001.team_commented.v3.requester',
        personId,
        event: 'team_commented',
        orderNumber: 'HR-1001',
        at: '2026-12-03T10:00:00.000Z',
        requesterName: 'Anna Kowalska',
      })),
    );
    expect(JSON.stringify(notes)).not.toContain('Ready');
    expect(noteView(notes[0]!)).toEqual({
      id: notes[0]!.id,
      event: 'team_commented',
      orderNumber: 'HR-1001',
      at: '2026-12-03T10:00:00.000Z',
      read: false,
      requesterName: 'Anna Kowalska',
    });
    expect(noteView({ ...notes[0]!, readAt: '2026-12-03T11:00:00.000Z' }).read).toBe(true);
    // The digest and refusal answers are about no order, or reach no profile: no note.
    expect(notesOf({ ...message, orderNumber: undefined })).toEqual([]);
    expect(notesOf({ ...message, readers: [] })).toEqual([]);
  });

  it('says the unread count on the badge, none at zero, 99+ from the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 500 }), (n) => {
        const badge = unreadBadge(n);
        if (n <= 0) expect(badge).toBeUndefined();
        else if (n >= UNREAD_CAP) expect(badge).toBe('99+');
        else expect(badge).toBe(String(n));
      }),
    );
  });

  it('keeps a note 90 days', () => {
    expect(noteExpiry('2026-12-03T10:00:00.000Z') - Date.parse('2026-12-03T10:00:00.000Z') / 1000).toBe(
      NOTE_DAYS * 86_400,
    );
  });
});
