/**
 * Mail the team and the requester get besides the lifecycle's: the requester's comments and cancel to
 * whoever handles the order, the team's comments to the requester, the reopen's reason, and the
 * "Done" mail's list of what was handed back — through the outbox, following each person's mutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let anna: Caller;
let hana: Caller;

beforeAll(async () => {
  h = await createHarness();
  [anna, hana] = [await h.as('anna'), await h.as('hana')];
});
afterAll(() => h?.close());

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const v = (await who.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  return who.json<OrderView & { code?: string; fields?: Record<string, string> }>(
    'POST',
    `/api/v1/orders/${number}/transitions`,
    { version: v, ...body },
  );
}

async function file(): Promise<string> {
  const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
    serviceId: 'hr-certificate',
    answers: { purpose: 'Bank' },
  });
  expect(filed.status).toBe(201);
  return filed.body.order.number;
}

async function mailAbout(number: string) {
  await h.deliverMail();
  return (await h.mailbox())
    .filter((m) => m.subject.includes(`${number} `))
    .map((m) => ({ to: m.destination.to, subject: m.subject, text: m.body.text ?? '' }));
}

const to = (mail: Awaited<ReturnType<typeof mailAbout>>, address: string, subject: string) =>
  mail.filter((m) => m.to.includes(address) && m.subject.startsWith(subject));

describe('mail of comments, cancels, reopens and what was handed back', () => {
  it('tells the team of the requester’s comment and the requester of the team’s, never of an internal note', async () => {
    const number = await file();
    // Nobody holds it yet: the team's mailbox hears of the requester's comment.
    expect(
      (
        await anna.json('POST', `/api/v1/orders/${number}/comments`, {
          text: 'For the bank by Friday, please.',
          visibility: 'public',
        })
      ).status,
    ).toBe(200);
    let mail = await mailAbout(number);
    expect(to(mail, 'hr-team@example.com', 'New comment:')[0]?.text).toContain('“For the bank by Friday, please.”');

    expect((await act(hana, number, { action: 'claim' })).status).toBe(200);
    await anna.json('POST', `/api/v1/orders/${number}/comments`, {
      text: 'Salary included, please.',
      visibility: 'public',
    });
    await hana.json('POST', `/api/v1/orders/${number}/comments`, {
      text: 'On it, ready tomorrow.',
      visibility: 'public',
    });
    await hana.json('POST', `/api/v1/orders/${number}/comments`, {
      text: 'Check the contract first.',
      visibility: 'internal',
    });
    mail = await mailAbout(number);
    expect(to(mail, 'hana.nowak@example.com', 'New comment:')[0]?.text).toContain('“Salary included, please.”');
    const fromTeam = to(mail, 'anna.kowalska@example.com', 'The team wrote:');
    expect(fromTeam).toHaveLength(1);
    expect(fromTeam[0]?.text).toContain('“On it, ready tomorrow.”');
    expect(mail.some((m) => m.text.includes('Check the contract first.'))).toBe(false);
  });

  it('follows the mute choices', async () => {
    const muted = await anna.json('PUT', '/api/v1/me/preferences', { mutedEvents: ['team_commented'] });
    expect(muted.status).toBe(200);
    const number = await file();
    await hana.json('POST', `/api/v1/orders/${number}/comments`, { text: 'Noted.', visibility: 'public' });
    expect(to(await mailAbout(number), 'anna.kowalska@example.com', 'The team wrote:')).toEqual([]);
    await anna.json('PUT', '/api/v1/me/preferences', { mutedEvents: [] });
  });

  it('tells the team why the requester cancelled: the mailbox while nobody holds it, else the assignee', async () => {
    const open = await file();
    expect((await act(anna, open, { action: 'cancel', reason: 'The bank no longer needs it.' })).status).toBe(200);
    const held = await file();
    await act(hana, held, { action: 'claim' });
    expect((await act(anna, held, { action: 'cancel', reason: 'Found an older one.' })).status).toBe(200);
    expect(to(await mailAbout(open), 'hr-team@example.com', 'Cancelled by the requester:')[0]?.text).toContain(
      '“The bank no longer needs it.”',
    );
    const mail = await mailAbout(held);
    expect(to(mail, 'hana.nowak@example.com', 'Cancelled by the requester:')[0]?.text).toContain(
      '“Found an older one.”',
    );
    expect(to(mail, 'hr-team@example.com', 'Cancelled')).toEqual([]);
  });

  it('lists what was handed back in the "Done" mail; a reopen needs a reason, which the team reads', async () => {
    const number = await file();
    await act(hana, number, { action: 'claim' });
    const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
    await hana.json('POST', `/api/v1/orders/${number}/deliverables/scan`, {
      version: v,
      done: true,
      note: 'Sent to your inbox',
    });
    expect((await act(hana, number, { action: 'resolve' })).status).toBe(200);
    const done = to(await mailAbout(number), 'anna.kowalska@example.com', 'Done:');
    expect(done[0]?.text).toContain('What was handed back:\n- Signed certificate scan sent: Sent to your inbox');

    const refused = await act(anna, number, { action: 'reopen' });
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as unknown as { fields: object }).fields)).toEqual(['comment']);
    const reopened = await act(anna, number, { action: 'reopen', comment: 'The salary is missing.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.timeline.at(-1)).toMatchObject({ kind: 'reopen', comment: 'The salary is missing.' });
    const mail = to(await mailAbout(number), 'hana.nowak@example.com', 'Reopened:');
    expect(mail[0]?.text).toContain('What is missing or wrong:\n\n“The salary is missing.”');
  });
});
