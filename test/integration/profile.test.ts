/**
 * Writers of a profile change only their own attributes (issue 14 §6): "an administrator revokes a
 * role" racing "the person saves their preferences" must never bring the role back. The preferences
 * route used to write the whole profile from the copy cached at the start of the request, so when
 * the revocation landed first, the save wrote the revoked role (and its member item) back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '#shared/model.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let ada: Caller;
let carl: Caller;

beforeAll(async () => {
  // Many writes in a short time: the per-person limit is not what this file is about.
  h = await createHarness({ writeLimit: { burst: 1_000, perSecond: 100 } });
  ada = await h.as('ada');
  carl = await h.as('carl');
});
afterAll(() => h?.close());

const ROUNDS = 25;
const MUTED = [['stage_changed'], ['order_closed', 'new_in_queue'], []];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a role revocation racing a preferences save', () => {
  it(`keeps the revocation and the preferences in each of ${ROUNDS} rounds`, async () => {
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const granted = await ada.json('PUT', '/api/v1/users/carl/roles', { memberships: { HR: 'agent' }, admin: false });
      expect(granted.status).toBe(200);
      // Carl's profile with the role is now what this process has cached for him.
      const me = await carl.json<{ user: User }>('GET', '/api/v1/me');
      expect(me.body.user.memberships).toEqual({ HR: 'agent' });

      const muted = MUTED[round % MUTED.length]!;
      // Start the save a little later in some rounds, so it lands before, during or after the revocation.
      const [revoked, saved] = await Promise.all([
        ada.json('PUT', '/api/v1/users/carl/roles', { memberships: {}, admin: false }),
        pause(round % 6).then(() => carl.json<{ user: User }>('PUT', '/api/v1/me/preferences', { mutedEvents: muted })),
      ]);
      expect(revoked.status).toBe(200);
      expect(saved.status).toBe(200);

      const stored = await h.deps.users.fresh('carl');
      const onTeam = (await h.deps.users.members('HR')).some((m) => m.id === 'carl');
      if (Object.keys(stored?.memberships ?? {}).length > 0 || onTeam) {
        lost.push(`round ${round}: memberships ${JSON.stringify(stored?.memberships)}, on the HR team: ${onTeam}`);
      }
      expect(stored?.mutedEvents, `round ${round}`).toEqual(muted);
      expect(stored?.admin).toBe(false);
    }
    expect(lost).toEqual([]);
  });

  it('keeps the preferences when a role is granted at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      await ada.json('PUT', '/api/v1/users/carl/roles', { memberships: {}, admin: false });
      await carl.json('GET', '/api/v1/me');
      const muted = MUTED[round % MUTED.length]!;
      const [granted, saved] = await Promise.all([
        ada.json('PUT', '/api/v1/users/carl/roles', { memberships: { FAC: 'agent' }, admin: false }),
        pause(round).then(() => carl.json('PUT', '/api/v1/me/preferences', { mutedEvents: muted, language: 'pl' })),
      ]);
      expect([granted.status, saved.status]).toEqual([200, 200]);
      expect(await h.deps.users.fresh('carl')).toMatchObject({
        memberships: { FAC: 'agent' },
        mutedEvents: muted,
        language: 'pl',
      });
    }
  });
});
