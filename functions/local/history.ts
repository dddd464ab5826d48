/**
 * A few weeks of realistic past orders for the local stack, so the head dashboard has something to
 * show on first start. Everything goes through the same workflows as live traffic (with a clock that
 * walks through the past), so the aggregates, clocks, timelines and surveys are the real thing.
 * Deterministic: the same seed gives the same history.
 */

import type { OrderView } from '#shared/api.ts';
import type { Answers, Order, Service, User } from '#shared/model.ts';
import { addBusinessMinutes } from '#shared/sla.ts';
import type { Deps } from '../deps.ts';
import { MANY_SENT } from '../repositories/outbox.ts';
import { demoEmployees, demoServices, SCENARIO_REQUESTERS } from './demo-data.ts';

/** mulberry32: a small seeded generator, good enough for demo data (and the benchmarks' synthetic orders). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REQUESTERS = ['anna', 'ben', 'carl', ...demoEmployees.map((e) => e.id)];
/** Regular customers who stopped ordering a month ago, for the customers view to find. */
const LAPSED = ['carl', demoEmployees[3]!.id, demoEmployees[8]!.id];
const CURRENT = REQUESTERS.filter((id) => !LAPSED.includes(id));
/** The last weeks' requesters: the README's people stay out, so their survey budget is free today. */
const RECENT = CURRENT.filter((id) => !SCENARIO_REQUESTERS.includes(id));
/**
 * The README's people file nothing in the survey budget's days and a week before; a longer order of
 * theirs that would still end inside the budget is left in progress. Fewer than the customers view's
 * quiet weeks, so it does not list them as customers who stopped.
 */
const RECENT_MARGIN_DAYS = 7;
const AGENTS: Record<string, string[]> = { HR: ['hana', 'olivia'], IT: ['ivan'], FIN: ['fiona'], FAC: ['felix'] };
const REJECTIONS = ['duplicate', 'missing_information', 'out_of_scope', 'duplicate', 'policy', 'missing_information'];
const LOW_CATEGORIES = ['too_slow', 'too_slow', 'incomplete', 'unclear_communication', 'not_what_i_asked'] as const;

/** How a form's open choices are answered: which option, which date, which number, which text. */
export interface AnswerChoices {
  /** The index of the option taken among `count`. */
  option(count: number): number;
  date: string;
  /** A number, kept within the field's range. */
  number(): number;
  /** Text for a free-text field without a pattern. */
  text(): string;
}

/** Answers that pass the service's form: an option, a date, a number in range, some text. */
export function formAnswers(service: Service, choose: AnswerChoices): Answers {
  const answers: Answers = {};
  // Hidden fields are dropped by validation, so answering every field is safe.
  for (const field of service.form) {
    switch (field.kind) {
      case 'select':
        answers[field.id] = field.options?.[choose.option(field.options.length)] ?? '';
        break;
      case 'multiSelect':
        answers[field.id] = field.options?.slice(0, 1) ?? [];
        break;
      case 'date':
        answers[field.id] = choose.date;
        break;
      case 'number':
        answers[field.id] = Math.max(field.min ?? 1, Math.min(field.max ?? 100, choose.number()));
        break;
      case 'email':
        answers[field.id] = 'manager@example.com';
        break;
      case 'checkbox':
        answers[field.id] = false;
        break;
      case 'attachment':
        break;
      default:
        answers[field.id] =
          field.pattern === '[A-Z]{2}-\\d{3}' ? 'SA-101' : field.pattern ? 'PL1234567890' : choose.text();
    }
  }
  if (service.id === 'it-password') answers.phone = '+48 600 100 200';
  return answers;
}

/** Answers for a past order: a random option, the day it was filed, a number from 20 to 220, a name or a place. */
function answersFor(service: Service, rnd: () => number, day: string): Answers {
  return formAnswers(service, {
    option: (count) => Math.floor(rnd() * count),
    date: day,
    number: () => Math.round(20 + rnd() * 200),
    text: () => pick(['Jan Kowalski', 'Maria Nowak', 'Team offsite preparation', 'Room 2.14, second floor'], rnd),
  });
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/**
 * Files and works `weeks` of orders ending yesterday. `clock` is the workflows' clock (createDeps
 * with `now: () => clock.now`): it is moved through the past and set back to the present at the end.
 */
export async function seedHistory(
  deps: Deps,
  clock: { now: Date },
  options: { weeks?: number; seed?: number } = {},
): Promise<number> {
  const rnd = random(options.seed ?? 42);
  const weeks = options.weeks ?? 10;
  const present = new Date(clock.now);
  const users = new Map((await deps.users.list()).map((u) => [u.id, u] as const));
  const person = (id: string): User => users.get(id)!;
  const services = demoServices.filter((s) => !s.bundle && s.id !== 'it-password');
  const budgetDays = deps.config.surveyBudgetDays;
  // No survey of the README's people in the budget window: their next resolved order invites them.
  const budgetStart = present.getTime() - budgetDays * 86_400_000;
  let filed = 0;

  const at = async <T>(when: Date, run: () => Promise<T>): Promise<T> => {
    clock.now = when;
    return run();
  };
  /**
   * The order being worked, as the last step's answer left it: each step goes on from its version
   * instead of reading the order again (only the timer job changes it behind the steps' back).
   */
  let current: Order | undefined;
  const step = async (when: Date, run: (version: number) => Promise<OrderView>): Promise<OrderView> => {
    const view = await at(when, () => run(current!.version));
    current = view.order;
    return view;
  };
  const act = (who: string, number: string, body: Record<string, unknown>, when: Date) =>
    step(when, (version) => deps.orderWorkflow.transition(person(who), number, { version, ...body } as never));

  for (let dayOffset = weeks * 7; dayOffset >= 1; dayOffset--) {
    const day = new Date(present.getTime() - dayOffset * 86_400_000);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // Demand grows a little over the weeks, so the capacity view has a trend to show.
    const perDay = 2 + Math.floor(rnd() * 4) + (dayOffset < (weeks * 7) / 2 ? 1 : 0);
    for (let i = 0; i < perDay; i++) {
      const meta = pick(services, rnd);
      const service = await deps.services.get(meta.id);
      if (service?.status !== 'published') continue;
      const department = (await deps.departments.get(service.department))!;
      const calendar = department.calendar;
      const recent = dayOffset <= budgetDays + RECENT_MARGIN_DAYS;
      const requester = dayOffset > 28 && rnd() < 0.5 ? pick(LAPSED, rnd) : pick(recent ? RECENT : CURRENT, rnd);
      const filedAt = new Date(
        Date.UTC(
          day.getUTCFullYear(),
          day.getUTCMonth(),
          day.getUTCDate(),
          7 + Math.floor(rnd() * 7),
          Math.floor(rnd() * 60),
        ),
      );
      const agent = pick(AGENTS[service.department] ?? ['hana'], rnd);
      const head = department.headId;
      const inputs = Object.fromEntries(
        service.inputs.filter((x) => x.kind !== 'formField').map((x) => [x.id, { note: 'Handed over at the desk' }]),
      );
      let order: Order;
      try {
        order = (
          await at(filedAt, () =>
            deps.orderWorkflow.create(person(requester), {
              serviceId: service.id,
              answers: answersFor(service, rnd, filedAt.toISOString().slice(0, 10)),
              inputs,
            }),
          )
        ).order;
      } catch {
        continue;
      }
      filed++;
      current = order;
      const number = order.number;
      const later = (from: Date, workingMinutes: number) =>
        addBusinessMinutes(from, Math.max(1, workingMinutes), calendar);
      let t = filedAt;
      if (order.status === 'awaiting_approval') {
        t = later(t, 30 + rnd() * 240);
        if (rnd() < 0.12) {
          await act(
            head,
            number,
            { action: 'reject', reason: 'not_approved', comment: 'Not in this quarter’s budget.' },
            t,
          );
          continue;
        }
        await act(head, number, { action: 'approve' }, t);
      }
      const fate = rnd();
      if (fate < 0.08) {
        t = later(t, 20 + rnd() * 120);
        await act(
          agent,
          number,
          { action: 'reject', reason: pick(REJECTIONS, rnd), comment: 'See the catalog for the right service.' },
          t,
        );
        continue;
      }
      if (fate < 0.12) {
        t = later(t, 10 + rnd() * 60);
        await act(requester, number, { action: 'cancel', reason: 'No longer needed' }, t);
        continue;
      }
      // Most first responses are quick; some are late.
      const standard = service.standard;
      t = later(t, standard.firstResponseMinutes * (rnd() < 0.15 ? 1.3 + rnd() : 0.1 + rnd() * 0.7));
      await act(agent, number, { action: 'claim' }, t);
      if (rnd() < 0.15) {
        t = later(t, 30);
        await act(agent, number, { action: 'request_clarification', comment: 'Could you confirm the details?' }, t);
        t = new Date(t.getTime() + (1 + rnd() * 20) * 3_600_000);
        await act(requester, number, { action: 'answer_clarification', comment: 'Confirmed, thanks.' }, t);
      }
      if (service.inputs.length > 0 && rnd() < 0.1) {
        t = later(t, 20);
        await act(
          agent,
          number,
          { action: 'return_inputs', inputs: [service.inputs[0]!.id], comment: 'The scan is unreadable.' },
          t,
        );
        t = new Date(t.getTime() + (2 + rnd() * 20) * 3_600_000);
        await step(t, (version) =>
          deps.orderWorkflow.handInput(person(requester), number, service.inputs[0]!.id, {
            version,
            done: true,
            note: 'New scan attached',
          }),
        );
        t = later(t, 15);
        if (current.status === 'open') await act(agent, number, { action: 'claim' }, t);
      }
      // Work the stages, then resolve; about one in six misses the resolution standard.
      const late = rnd() < 0.17;
      const total = standard.resolutionMinutes * (late ? 1.1 + rnd() * 0.8 : 0.15 + rnd() * 0.7);
      for (const stage of service.stages.slice(1)) {
        t = later(t, total / service.stages.length);
        await step(t, (version) => deps.orderWorkflow.moveStage(person(agent), number, { version, stage: stage.id }));
      }
      if (late) {
        // The timer job raises the breach while the order is still open (breach causes by stage).
        const due = current.clocks?.resolution.dueAt;
        if (due) {
          await at(new Date(Date.parse(due) + 60_000), () => deps.slaTimers.run());
          // The job changed the order: read it again.
          current = (await deps.orderWorkflow.view(person(agent), number)).order;
        }
      }
      t = later(t, total / service.stages.length);
      for (const deliverable of service.deliverables.filter((d) => d.required)) {
        await step(t, (version) =>
          deps.orderWorkflow.tickDeliverable(person(agent), number, deliverable.id, { version, done: true }),
        );
      }
      if (dayOffset <= 6 && rnd() < 0.7) continue; // the last days' work is still in progress
      if (SCENARIO_REQUESTERS.includes(requester) && t.getTime() > budgetStart) continue;
      const resolved = await act(agent, number, { action: 'resolve' }, t);
      // About two thirds of the invited answer; late orders rate lower.
      if (resolved.order.survey?.invitedAt && rnd() < 0.68) {
        const score = (late ? pick([1, 2, 2, 3, 4], rnd) : pick([3, 4, 4, 5, 5, 5], rnd)) as 1 | 2 | 3 | 4 | 5;
        await at(new Date(t.getTime() + 3_600_000), () =>
          deps.surveyWorkflow.rate(person(requester), number, {
            score,
            ...(score <= 2 ? { category: pick(LOW_CATEGORIES, rnd), comment: 'It took longer than promised.' } : {}),
          }),
        );
      }
    }
  }
  clock.now = present;
  return filed;
}

/**
 * Marks the history's outbox messages as sent without sending them: nobody wants 1,000 old emails.
 * A page of them at a time, each page one write.
 */
export async function clearPastMail(deps: Deps): Promise<void> {
  const far = new Date(Date.now() + 365 * 86_400_000);
  for (;;) {
    const ids = await deps.outbox.due(far, MANY_SENT);
    if (ids.length === 0) return;
    await deps.outbox.markManySent(ids, new Date(), 'history-not-sent');
  }
}
