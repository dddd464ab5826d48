/** Finding a colleague by name or email: GET /people?q= on the directory items, never a Scan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCard } from '#shared/people.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let carl: Caller;

beforeAll(async () => {
  h = await createHarness();
  carl = await h.as('carl');
});
afterAll(() => h?.close());

const search = async (q: string) => {
  const res = await carl.json<PersonCard[]>('GET', `/api/v1/people?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /people', () => {
  it('finds people by the start of any word of the name, with their email and department', async () => {
    expect(await search('kowal')).toEqual([
      { id: 'anna', name: 'Anna Kowalska', email: 'anna.kowalska@example.com', department: 'Sales' },
    ]);
    expect((await search('ANNA K')).map((p) => p.id)).toEqual(['anna']);
    // A word must begin a word of the name: "owalska" is inside one, not at its start.
    expect(await search('owalska')).toEqual([]);
  });

  it('ignores case and accents both ways', async () => {
    const names = (list: PersonCard[]) => list.map((p) => p.name);
    expect(names(await search('dabrowski')).some((n) => n.endsWith('Dąbrowski'))).toBe(true);
    expect(names(await search('sokolow')).some((n) => n.endsWith('Sokołow'))).toBe(true);
    expect(names(await search('SOKOŁ')).some((n) => n.endsWith('Sokołow'))).toBe(true);
  });

  it('finds people by the start of their email', async () => {
    expect((await search('carl.jen')).map((p) => p.id)).toEqual(['carl']);
  });

  it('answers at most ten, by name, with one Query and no Scan', async () => {
    h.deps.db.calls.reset();
    const found = await search('a');
    expect(found.length).toBeLessThanOrEqual(10);
    expect(found.length).toBeGreaterThan(1);
    expect(found.map((p) => p.name)).toEqual([...found.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 1 });
  });

  it('lists a person again under a new name at their next sign-in, and no longer under the old one', async () => {
    const user = (await h.deps.users.fresh('carl'))!;
    await h.deps.users.signIn('carl', { name: 'Carl Nilsson', email: user.email, emailVerified: true });
    expect((await search('nilsson')).map((p) => p.id)).toEqual(['carl']);
    expect(await search('jensen')).toEqual([]);
    await h.deps.users.signIn('carl', { name: 'Carl Jensen', email: user.email, emailVerified: true });
    expect((await search('jensen')).map((p) => p.id)).toEqual(['carl']);
  });

  it('refuses an empty or overlong search with a field message', async () => {
    for (const q of ['', '%20', 'x'.repeat(101)]) {
      const res = await carl.json('GET', `/api/v1/people?q=${q}`);
      expect(res.status).toBe(400);
      // The message names the field (whatever the error body's shape).
      expect(JSON.stringify(res.body)).toContain('"q"');
    }
  });

  it('is for signed-in people only', async () => {
    expect((await h.anonymous.request('GET', '/api/v1/people?q=anna')).status).toBe(401);
  });
});
