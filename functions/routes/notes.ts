/**
 * The signed-in person's notifications (the portal's bell). Routes and schemas: shared/note-routes.ts.
 * Access patterns: repositories/notes.ts (the person's own partition and unread list only, so
 * nobody reaches another person's notes, whatever ids they send).
 */
import { noteView } from '#shared/notes.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';

export function noteRoutes(deps: Deps, on: On): void {
  const { notes } = deps;
  const now = () => deps.now().toISOString();

  on('GET /me/notifications', async (c, { query }) => {
    const me = c.get('user').id;
    const [page, unread] = await Promise.all([notes.ofPerson(me, query.cursor, query.limit), notes.unreadCount(me)]);
    return {
      items: page.notes.map(noteView),
      ...(page.cursor ? { nextCursor: page.cursor } : {}),
      unread,
    };
  });
  on('GET /me/notifications/unread', async (c) => ({ unread: await notes.unreadCount(c.get('user').id) }));
  on('POST /me/notifications/read', async (c, { body }) => {
    const me = c.get('user').id;
    await notes.markRead(me, body.ids, now());
    return { unread: await notes.unreadCount(me, body.ids) };
  });
  on('POST /me/notifications/read-all', async (c) => {
    const me = c.get('user').id;
    const marked = await notes.markAllRead(me, now());
    return { unread: await notes.unreadCount(me, marked) };
  });
}
