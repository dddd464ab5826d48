/**
 * The README's walk-through, on the same demo data and weeks of history `npm start` seeds: Anna files
 * "Onboard a new employee", Hana works and resolves it, and Anna gets every mail the README lists,
 * the survey included; Maja (Polish) and Jonas get theirs too; Henry's dashboard, goals, customers
 * and capacity answer; a password reset raises the warning and breach mail. The data is a copy of
 * the run's seeded snapshot (test/support/snapshots.ts), the one the browser tests start from, in a
 * DynamoDB Local of its own.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCENARIO_REQUESTERS } from '#functions/local/demo-data.ts';
import { SurveyRepository } from '#functions/repositories/surveys.ts';
import type { OrderView } from '#shared/api.ts';
import type { Service } from '#shared/model.ts';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb.ts';
import { freePort } from '../../scripts/local/ports.ts';
import { LOCAL_TABLE } from '../../scripts/stack.ts';
import { scratchRoot, snapshotsReady } from '../support/snapshots.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

const clock = { now: new Date() };
let h: Harness;
let historyOrders = 0;

let dynamo: Awaited<ReturnType<typeof startDynamoDbLocal>> | undefined;
let dataDir = '';

beforeAll(async () => {
  // What `npm start` has after a first run: the demo data and weeks of history, their mail marked sent.
  const snapshots = inject('snapshots');
  ({ historyOrders } = await snapshotsReady(snapshots));
  dataDir = mkdtempSync(join(scratchRoot, 'ordo-readme-'));
  cpSync(snapshots.history, dataDir, { recursive: true });
  dynamo = await startDynamoDbLocal({ port: await freePort(), dbPath: join(dataDir, 'dynamodb'), timeoutMs: 120_000 });
  h = await createHarness({ now: () => clock.now, dynamoEndpoint: dynamo.endpoint, table: LOCAL_TABLE });
}, 300_000);
afterAll(async () => {
  await h?.close();
  await dynamo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function act(who: Caller, number: string, body: Record<string, unknown>): Promise<OrderView> {
  const v = (await who.json<OrderView>('GET', `/api/v1/orders/${number}`)).body.order.version;
  const res = await who.json<OrderView>('POST', `/api/v1/orders/${number}/transitions`, { version: v, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Ticks every deliverable, then resolves: what the README has Hana do. */
async function workAndResolve(agent: Caller, number: string): Promise<OrderView> {
  await act(agent, number, { action: 'claim' });
  const { order } = (await agent.json<OrderView>('GET', `/api/v1/orders/${number}`)).body;
  let version = order.version;
  for (const d of order.deliverables) {
    const res = await agent.json<OrderView>('POST', `/api/v1/orders/${number}/deliverables/${d.id}`, {
      version,
      done: true,
    });
    expect(res.status).toBe(200);
    version = res.body.order.version;
  }
  return act(agent, number, { action: 'resolve' });
}

async function mailAbout(number: string) {
  await h.deliverMail();
  return (await h.mailbox())
    .filter((m) => m.subject.includes(`${number} `))
    .map((m) => ({ to: m.destination.to, subject: m.subject, text: m.body.text ?? '' }));
}

describe('the README scenario on the demo history', () => {
  it('seeds the history and leaves the README’s people a free survey budget', async () => {
    expect(historyOrders).toBeGreaterThan(50);
    const budget = h.deps.config.surveyBudgetDays * 86_400_000;
    const surveys = new SurveyRepository(h.deps.db);
    for (const id of SCENARIO_REQUESTERS) {
      const last = await surveys.lastInvitedAt(id);
      expect(last === undefined || Date.parse(last) <= clock.now.getTime() - budget, `${id} invited ${last}`).toBe(
        true,
      );
    }
  });

  it('Anna files “Onboard a new employee”, Hana resolves it, Anna gets every mail and the survey', async () => {
    const anna = await h.as('anna');
    const hana = await h.as('hana');
    const catalog = (await anna.json<Service[]>('GET', '/api/v1/catalog')).body;
    const onboard = catalog.find((s) => /onboard/i.test(s.name));
    expect(onboard?.name).toBe('Onboard a new employee');
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: onboard!.id,
      answers: {
        fullName: 'Jan Nowak',
        startDate: new Date(clock.now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
        contractType: 'Permanent',
        managerEmail: 'anna.kowalska@example.com',
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { number } = filed.body.order;
    const queue = await hana.json<{ items: Array<{ number: string }> }>(
      'GET',
      '/api/v1/departments/HR/queue?limit=100',
    );
    expect(queue.body.items.map((o) => o.number)).toContain(number);

    const resolved = await workAndResolve(hana, number);
    expect(resolved.order.survey).toMatchObject({ invitedAt: expect.any(String) });
    expect(resolved.order.survey?.sampledOut).toBeUndefined();

    const seen = (await anna.json<OrderView>('GET', `/api/v1/orders/${number}`)).body;
    expect(seen.order.status).toBe('resolved');
    expect(seen.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'claim', 'resolve']));

    const subjects = (await mailAbout(number)).map((m) => [m.to[0], m.subject.split(number)[0]!.trim()]);
    expect(subjects).toEqual(
      expect.arrayContaining([
        ['anna.kowalska@example.com', 'We received your order'],
        ['hr-team@example.com', 'New order in the queue:'],
        ['anna.kowalska@example.com', 'Done:'],
        ['anna.kowalska@example.com', 'How did we do?'],
      ]),
    );
  });

  it('a second order within the budget brings no survey, and the order says why', async () => {
    const anna = await h.as('anna');
    const hana = await h.as('hana');
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-certificate',
      answers: { purpose: 'Visa' },
    });
    const resolved = await workAndResolve(hana, filed.body.order.number);
    const last = await new SurveyRepository(h.deps.db).lastInvitedAt('anna');
    expect(resolved.order.survey).toMatchObject({
      sampledOut: true,
      lastInvitedAt: last,
      budgetDays: h.deps.config.surveyBudgetDays,
    });
    expect((await mailAbout(filed.body.order.number)).some((m) => m.subject.startsWith('How did we do?'))).toBe(false);
  });

  it('Maja (Polish) and Jonas get their survey too', async () => {
    const hana = await h.as('hana');
    for (const [id, survey] of [
      ['maja.wisniewska', 'Jak nam poszło?'],
      ['jonas.keller', 'How did we do?'],
    ] as const) {
      const person = await h.as(id);
      const filed = await person.json<OrderView>('POST', '/api/v1/orders', {
        serviceId: 'hr-certificate',
        answers: { purpose: 'Bank' },
      });
      expect(filed.status).toBe(201);
      const { number } = filed.body.order;
      const resolved = await workAndResolve(hana, number);
      expect(resolved.order.survey?.invitedAt, id).toBeDefined();
      const mail = await mailAbout(number);
      expect(
        mail.some((m) => m.to.includes(`${id}@example.com`) && m.subject.startsWith(survey)),
        id,
      ).toBe(true);
    }
  });

  it('Henry’s dashboard, goals, customers and capacity show the history', async () => {
    const henry = await h.as('henry');
    const day = (daysAgo: number) => new Date(clock.now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const tenWeeks = `from=${day(70)}&to=${day(0)}`;
    for (const path of ['goals', 'customers', 'capacity']) {
      const res = await henry.json('GET', `/api/v1/departments/HR/${path}`);
      expect(res.status, path).toBe(200);
    }
    const report = await henry.json<{ volume: { created: number } }>(
      'GET',
      `/api/v1/departments/HR/report?${tenWeeks}`,
    );
    expect(report.status).toBe(200);
    expect(report.body.volume.created).toBeGreaterThan(10);
  });

  it('Ada administers; a password reset raises the warning and the breach mail', async () => {
    const ada = await h.as('ada');
    expect((await ada.json('GET', '/api/v1/users')).status).toBe(200);
    const anna = await h.as('anna');
    const filed = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'it-password',
      answers: { account: 'VPN', what: 'Password', phone: '+48 600 100 200' },
    });
    expect(filed.status).toBe(201);
    const { number } = filed.body.order;
    clock.now = new Date(clock.now.getTime() + 2.5 * 60_000);
    await h.deps.slaTimers.run();
    clock.now = new Date(clock.now.getTime() + 3 * 60_000);
    await h.deps.slaTimers.run();
    const subjects = (await mailAbout(number)).map((m) => m.subject);
    expect(subjects.some((s) => s.startsWith('At risk:'))).toBe(true);
    expect(subjects.some((s) => s.startsWith('Standard missed:'))).toBe(true);
  });
});
