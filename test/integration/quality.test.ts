import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView, Problem, ReportView } from '#shared/api.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

/** Warsaw is UTC+1 in November: 08:00Z is 09:00 at the HR desk (split shift 08:00–12:00, 12:30–16:30). */
let now = new Date('2026-11-24T08:00:00Z');
const at = (localTime: string) => {
  now = new Date(`2026-11-24T${localTime}:00+01:00`);
};

let h: Harness;
let anna: Caller;
let ben: Caller;
let hana: Caller;
let henry: Caller;
let olivia: Caller;

beforeAll(async () => {
  h = await createHarness({ now: () => new Date(now) });
  [anna, ben, hana, henry, olivia] = [
    await h.as('anna'),
    await h.as('ben'),
    await h.as('hana'),
    await h.as('henry'),
    await h.as('olivia'),
  ];
});
afterAll(() => h?.close());

const certificate = { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } };

async function act(who: Caller, number: string, body: Record<string, unknown>) {
  const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  const res = await who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, { version: v, ...body });
  expect(res.status).toBe(200);
  return res.body;
}

async function resolve(number: string) {
  const v = (await hana.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  await hana.json('POST', `/api/v1/orders/${number}/deliverables/scan`, { version: v, done: true });
  return act(hana, number, { action: 'resolve' });
}

function tokenOf(text: string | undefined): string {
  const token = text?.match(/\/survey\/([\w.-]+)\?score=1/)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

describe('reports from aggregates, against a hand-computed day', () => {
  let first = '';
  let second = '';

  it('builds the day: two resolved (one late first response), one rejected, one cancelled, two ratings', async () => {
    at('09:00');
    const orders = [];
    for (let i = 0; i < 4; i++)
      orders.push((await anna.json<OrderView>('POST', '/api/v1/orders', certificate)).body.order.number);
    [first, second] = orders as [string, string];
    const [, , rejected, cancelled] = orders as [string, string, string, string];

    at('09:05');
    await act(anna, cancelled, { action: 'cancel', reason: 'Found an older certificate' });
    at('09:10');
    await act(hana, rejected, { action: 'reject', reason: 'duplicate', comment: 'Same as the first' });
    at('09:30');
    await act(hana, first, { action: 'claim' });
    at('10:00');
    const resolved = await resolve(first);
    expect(resolved.order.survey?.invitedAt).toBeDefined();
    at('14:00'); // 180 + 90 working minutes after 09:00: past the 4-hour first-response standard
    await act(hana, second, { action: 'claim' });
    at('15:00');
    const late = await resolve(second);
    // Anna had a survey an hour ago: the fatigue budget samples this one out.
    expect(late.order.survey).toMatchObject({ sampledOut: true });
  });

  it('takes one-click ratings by signed link, once per order, and a low one opens a follow-up', async () => {
    await h.deliverMail();
    const invitation = (await h.mailbox()).find((m) => m.subject.startsWith(`How did we do? ${first}`));
    const token = tokenOf(invitation?.body.text);
    expect(invitation?.destination.to).toEqual(['anna.kowalska@example.com']);

    const page = await h.anonymous.json<{ question: string; number: string }>('GET', `/api/v1/surveys/${token}`);
    expect(page.body).toMatchObject({ number: first, question: 'How satisfied are you with this service?' });
    // Several clicks at once: one response, the last word wins, counters stay consistent.
    const clicks = await Promise.all(
      [3, 4, 5, 5, 4].map((score) => h.anonymous.json('POST', `/api/v1/surveys/${token}`, { score })),
    );
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    const final = await h.anonymous.json<{ score: number }>('POST', `/api/v1/surveys/${token}`, {
      score: 5,
      comment: 'Quick!',
    });
    expect(final.body.score).toBe(5);

    // The sampled-out order can still be rated on the order page.
    const low = await anna.json('POST', `/api/v1/orders/${second}/survey`, {
      score: 2,
      category: 'too_slow',
      comment: 'Took all day',
    });
    expect(low.status).toBe(200);
    expect((await ben.json('POST', `/api/v1/orders/${second}/survey`, { score: 5 })).status).toBe(404);
    const followUps = await olivia.json<Array<{ orderNumber: string; status: string; score: number }>>(
      'GET',
      '/api/v1/departments/HR/follow-ups',
    );
    // Olivia owns onboarding, not certificates: Hana owns this service.
    expect(followUps.body.filter((f) => f.orderNumber === second)).toHaveLength(0);
    const owners = await hana.json<Array<{ orderNumber: string; status: string; score: number }>>(
      'GET',
      '/api/v1/departments/HR/follow-ups',
    );
    expect(owners.body.find((f) => f.orderNumber === second)).toMatchObject({ status: 'open', score: 2 });
    // The reason usually comes after the one-click score: the follow-up shows the latest answer.
    await anna.json('POST', `/api/v1/orders/${second}/survey`, {
      score: 1,
      category: 'incomplete',
      comment: 'Half of it missing',
    });
    const updated = await hana.json<Array<{ orderNumber: string; score: number; comment?: string; category?: string }>>(
      'GET',
      '/api/v1/departments/HR/follow-ups',
    );
    expect(updated.body.find((f) => f.orderNumber === second)).toMatchObject({
      score: 1,
      comment: 'Half of it missing',
      category: 'incomplete',
    });
    const closed = await hana.json<{ status: string }>('POST', `/api/v1/departments/HR/follow-ups/${second}/close`, {
      note: 'Called Anna, explained the delay.',
    });
    expect(closed.body.status).toBe('closed');
    expect(
      (await hana.json('POST', `/api/v1/departments/HR/follow-ups/${second}/close`, { note: 'again' })).status,
    ).toBe(409);
    await h.deliverMail();
    expect(
      (await h.mailbox()).filter((m) => m.subject.startsWith(`Low rating: ${second}`)).map((m) => m.destination.to),
    ).toEqual([['hana.nowak@example.com']]);
  });

  it('refuses tampered, foreign and expired survey links', async () => {
    const invitation = (await h.mailbox()).find((m) => m.subject.startsWith(`How did we do? ${first}`));
    const token = tokenOf(invitation?.body.text);
    const [kid, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${kid}.${Buffer.from(JSON.stringify({ ...claims, orderNumber: second })).toString('base64url')}.${mac}`;
    const foreign = await h.anonymous.json<Problem>('POST', `/api/v1/surveys/${forged}`, { score: 1 });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ code: 'survey_link_invalid', fields: { token: { code: 'link_invalid' } } });
    expect((await h.anonymous.json('POST', `/api/v1/surveys/${token.slice(0, -2)}xx`, { score: 1 })).status).toBe(400);
    expect((await h.anonymous.json('POST', `/api/v1/surveys/${token}`, { score: 9 })).status).toBe(400);
    const saved = now;
    now = new Date(now.getTime() + 15 * 86_400_000);
    const expired = await h.anonymous.json<Problem>('POST', `/api/v1/surveys/${token}`, { score: 1 });
    now = saved;
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ code: 'survey_link_expired', fields: { token: { code: 'link_expired' } } });
  });

  it('reports exactly the hand-computed figures, reading only aggregates', async () => {
    h.deps.db.calls.reset();
    const res = await henry.json<ReportView>(
      'GET',
      '/api/v1/departments/HR/report?from=2026-11-01&to=2026-11-30&service=hr-certificate',
    );
    expect(res.status).toBe(200);
    expect(h.deps.db.calls.snapshot()).toEqual({ QueryCommand: 2 });
    const r = res.body;
    expect(r.volume).toEqual({ created: 4, resolved: 2, rejected: 1, cancelled: 1, reopened: 0 });
    // First response: met by the 09:30 claim and the 09:10 rejection, missed by the 14:00 claim.
    expect(r.sla.firstResponse).toEqual({ met: 2, breached: 1, compliance: 2 / 3 });
    expect(r.sla.resolution).toEqual({ met: 2, breached: 0, compliance: 1 });
    // 60 and 330 working minutes: buckets ≤60 and ≤480; median interpolates 30→60, p90 240→480 at 0.8.
    expect(r.timeToResolve).toEqual({
      medianBusinessMinutes: 60,
      p90BusinessMinutes: 432,
      averageBusinessMinutes: 195,
      averageCalendarMinutes: 210,
      averagePausedMinutes: 0,
    });
    expect(r.csat).toEqual({
      invited: 2,
      sampledOut: 0,
      responses: 2,
      csat: 0.5,
      responseRate: 1,
      nonResponseRate: 0,
      distribution: [1, 0, 0, 0, 1],
    });
    expect(r.pareto.rejections).toEqual([{ key: 'duplicate', count: 1, share: 1, cumulative: 1 }]);
    // The low rating moved from 2 (too slow) to 1 (incomplete): the counters moved with it.
    expect(r.pareto.lowScores).toEqual([{ key: 'incomplete', count: 1, share: 1, cumulative: 1 }]);
    // Holds: 30+30, 270+60, 10, 5 working minutes in the one stage.
    expect(r.stages).toEqual([{ stage: 'in_progress', minutes: 405, holds: 6, averageMinutes: 67.5 }]);
    expect(r.agents).toEqual([
      { agentId: 'hana', resolved: 2, firstResponseCompliance: 0.5, resolutionCompliance: 1, csat: 0.5 },
    ]);
    expect(r.services[0]).toMatchObject({
      serviceId: 'hr-certificate',
      created: 4,
      resolved: 2,
      standardVersions: ['v1'],
    });
    expect(r.weekly).toEqual([{ week: '2026-W48', created: 4, resolved: 2, resolutionCompliance: 1, csat: 0.5 }]);
  });

  it('exports every table as CSV, and narrows what owners and agents see', async () => {
    const csv = await henry.request(
      'GET',
      '/api/v1/departments/HR/report?from=2026-11-01&to=2026-11-30&format=csv&table=services',
    );
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      'service,created,resolved,first_response_compliance_pct,resolution_compliance_pct,csat_pct,median_business_minutes,clarifications,reworks,standard_versions,attention',
    );
    expect(lines.find((l) => l.startsWith('Employment certificate'))).toBe(
      'Employment certificate,4,2,66.7,100.0,50.0,60,0,0,v1,0.25',
    );
    const table = async (name: string) =>
      (
        await (
          await henry.request(
            'GET',
            `/api/v1/departments/HR/report?from=2026-11-01&to=2026-11-30&format=csv&table=${name}`,
          )
        ).text()
      ).split('\r\n');
    expect((await table('agents')).slice(0, 2)).toEqual([
      'agent,resolved,first_response_compliance_pct,resolution_compliance_pct,csat_pct',
      'hana,2,50.0,100.0,50.0',
    ]);
    expect((await table('weekly')).slice(0, 2)).toEqual([
      'week,created,resolved,resolution_compliance_pct,csat_pct',
      '2026-W48,4,2,100.0,50.0',
    ]);

    // Hana owns the certificate service: she sees its numbers, not the whole department's.
    const owner = await hana.json<ReportView>('GET', '/api/v1/departments/HR/report?from=2026-11-01&to=2026-11-30');
    expect(owner.body.scope).toBe('owned_services');
    expect(owner.body.services.map((s) => s.serviceId)).toEqual(['hr-certificate']);
    // Henry's team member Olivia owns onboarding (no orders): an empty report of her services.
    const other = await olivia.json<ReportView>('GET', '/api/v1/departments/HR/report?from=2026-11-01&to=2026-11-30');
    expect(other.body.volume.created).toBe(0);
    expect((await ben.json('GET', '/api/v1/departments/HR/report?from=2026-11-01&to=2026-11-30')).status).toBe(404);
    const backlog = await henry.json<{ total: number }>('GET', '/api/v1/departments/HR/backlog');
    expect(backlog.body.total).toBe(0);
  });
});
