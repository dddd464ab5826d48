/**
 * Notifications in the portal: what mails a person also lands in their own list, following the same
 * mute choices, and nobody else can read or mark it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import type { NotePage, UnreadCount } from '#shared/note-routes.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let hana: Caller;
let ben: Caller;
let carl: Caller;

beforeAll(async () => {
  h = await createHarness();
  [anna, hana, ben, carl] = [await h.as('anna'), await h.as('hana'), await h.as('ben'), await h.as('carl')];
});
afterAll(() => h?.close());

const certificate = { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } };

async function file(who: Caller): Promise<string> {
  const res = await who.json<OrderView>('POST', '/api/v1/orders', certificate);
  expect(res.status).toBe(201);
  return res.body.order.number;
}

async function comment(who: Caller, number: string, text: string): Promise<void> {
  const res = await who.json('POST', `/api/v1/orders/${number}/comments`, { text, visibility: 'public' });
  expect(res.status).toBe(200);
}

async function notes(who: Caller): Promise<NotePage> {
  const res = await who.json<NotePage>('GET', '/api/v1/me/notifications?limit=50');
  expect(res.status).toBe(200);
  return res.body;
}

async function unread(who: Caller): Promise<number> {
  const res = await who.json<UnreadCount>('GET', '/api/v1/me/notifications/unread');
  expect(res.status).toBe(200);
  return res.body.unread;
}

describe('notifications in the portal', () => {
  it('a team comment on an order lands in the requester’s list, unread, naming the order; reading it clears the count', async () => {
    const number = await file(anna);
    await h.deliverMail();
    const before = await unread(anna);
    await comment(hana, number, 'We have started on it.');
    // Not yet taken by the mail worker: nothing in the list.
    expect((await notes(anna)).items.filter((n) => n.event === 'team_commented' && n.orderNumber === number)).toEqual(
      [],
    );
    await h.deliverMail();

    const page = await notes(anna);
    const note = page.items.find((n) => n.event === 'team_commented' && n.orderNumber === number);
    expect(note).toMatchObject({ event: 'team_commented', orderNumber: number, read: false });
    // Ids and parameters only: the portal words it.
    expect(JSON.stringify(note)).not.toContain('started on it');
    expect(page.unread).toBe(before + 1);
    expect(await unread(anna)).toBe(before + 1);

    // Delivering again (a retry) writes no second note.
    await h.deliverMail();
    expect((await notes(anna)).items.filter((n) => n.id === note!.id)).toHaveLength(1);

    const read = await anna.json<UnreadCount>('POST', '/api/v1/me/notifications/read', { ids: [note!.id] });
    expect(read).toEqual({ status: 200, body: { unread: before } });
    expect((await notes(anna)).items.find((n) => n.id === note!.id)?.read).toBe(true);

    const all = await anna.json<UnreadCount>('POST', '/api/v1/me/notifications/read-all');
    expect(all).toEqual({ status: 200, body: { unread: 0 } });
    expect(await unread(anna)).toBe(0);
    expect((await notes(anna)).items.every((n) => n.read)).toBe(true);
  });

  it('watchers get it too; the team’s shared mailbox is nobody’s list', async () => {
    const number = await file(anna);
    await anna.json('POST', `/api/v1/orders/${number}/watchers`, { add: ['ben'] });
    await comment(hana, number, 'Ready tomorrow.');
    await comment(anna, number, 'Thank you.');
    await h.deliverMail();
    expect((await notes(ben)).items.filter((n) => n.orderNumber === number).map((n) => n.event)).toEqual([
      'team_commented',
    ]);
    // The requester's comment goes to the team's mailbox while nobody holds the order: no person's list.
    expect((await notes(hana)).items.filter((n) => n.orderNumber === number)).toEqual([]);
  });

  it('a muted choice makes no notification, as it makes no mail', async () => {
    const muted = await ben.json('PUT', '/api/v1/me/preferences', { mutedEvents: ['team_commented'] });
    expect(muted.status).toBe(200);
    try {
      const number = await file(anna);
      await anna.json('POST', `/api/v1/orders/${number}/watchers`, { add: ['ben'] });
      await comment(hana, number, 'Muted for Ben.');
      await h.deliverMail();
      expect((await notes(anna)).items.some((n) => n.orderNumber === number && n.event === 'team_commented')).toBe(
        true,
      );
      expect((await notes(ben)).items.filter((n) => n.orderNumber === number)).toEqual([]);
    } finally {
      await ben.json('PUT', '/api/v1/me/preferences', { mutedEvents: [] });
    }
  });

  it('another person can neither read nor mark them', async () => {
    const number = await file(anna);
    await comment(hana, number, 'Only for Anna.');
    await h.deliverMail();
    const note = (await notes(anna)).items.find((n) => n.orderNumber === number && n.event === 'team_commented')!;
    expect(note.read).toBe(false);

    expect((await notes(carl)).items.some((n) => n.orderNumber === number)).toBe(false);
    const marked = await carl.json<UnreadCount>('POST', '/api/v1/me/notifications/read', { ids: [note.id] });
    expect(marked.status).toBe(200);
    await carl.json('POST', '/api/v1/me/notifications/read-all');
    expect((await notes(anna)).items.find((n) => n.id === note.id)?.read).toBe(false);

    // A cursor pointing into someone else's list is refused, not followed.
    const foreign = Buffer.from(JSON.stringify({ pk: 'USER#anna', sk: `NOTE#${note.id}` })).toString('base64url');
    const res = await carl.request('GET', `/api/v1/me/notifications?cursor=${foreign}`);
    expect(res.status).toBe(400);
    expect((await h.anonymous.request('GET', '/api/v1/me/notifications')).status).toBe(401);
  });

  it('pages the list newest first', async () => {
    const number = await file(anna);
    for (const text of ['one', 'two', 'three']) await comment(hana, number, text);
    await h.deliverMail();
    const first = (await anna.json<NotePage>('GET', '/api/v1/me/notifications?limit=2')).body;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = (await anna.json<NotePage>('GET', `/api/v1/me/notifications?limit=2&cursor=${first.nextCursor}`))
      .body;
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});
