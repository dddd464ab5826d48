/** The person's own settings: muted notifications and the portal's language, kept apart and together. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;

beforeAll(async () => {
  h = await createHarness();
  anna = await h.as('anna');
});
afterAll(() => h?.close());

const save = (body: unknown) => anna.json<{ user: Me['user'] }>('PUT', '/api/v1/me/preferences', body);
const me = async () => (await anna.json<Me>('GET', '/api/v1/me')).body.user;

describe('PUT /me/preferences', () => {
  it('saves the language on the person and GET /me returns it', async () => {
    expect((await me()).language).toBeUndefined();
    const saved = await save({ language: 'pl' });
    expect(saved.status).toBe(200);
    expect(saved.body.user.language).toBe('pl');
    h.deps.users.forget('anna');
    expect((await me()).language).toBe('pl');
  });

  it('changes only what is sent: muting keeps the language, the language keeps the muting', async () => {
    expect((await save({ mutedEvents: ['stage_changed', 'stage_changed'] })).body.user).toMatchObject({
      mutedEvents: ['stage_changed'],
      language: 'pl',
    });
    expect((await save({ language: 'en' })).body.user).toMatchObject({
      mutedEvents: ['stage_changed'],
      language: 'en',
    });
    expect((await save({ mutedEvents: [], language: 'pl' })).body.user).toMatchObject({
      mutedEvents: [],
      language: 'pl',
    });
    h.deps.users.forget('anna');
    expect(await me()).toMatchObject({ mutedEvents: [], language: 'pl' });
  });

  it('refuses a language the portal does not speak, an empty change and unknown settings', async () => {
    for (const body of [
      { language: 'de' },
      { language: 'PL' },
      {},
      { theme: 'dark' },
      { mutedEvents: ['order_resolved'] },
    ]) {
      const res = await save(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    h.deps.users.forget('anna');
    expect((await me()).language).toBe('pl');
  });
});
