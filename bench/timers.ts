/**
 * The SLA timer job (workflows/timers.ts) on a table of many open orders with pending timers, of
 * which exactly `DUE` are due. Each repetition adds `DUE` fresh due orders (clones of real orders,
 * moved far enough into the past that every warning and breach is due) and runs the job once on a
 * fixed clock; the job raises them, so the next repetition starts again from `DUE` due orders.
 */
import type { Deps } from '../functions/deps.ts';
import type { TimerRun } from '../functions/workflows/timers.ts';
import type { Order } from '../shared/model.ts';
import { median, quantile } from './env.ts';
import { type BulkWriter, cloneOrder, type Item, type Template } from './loader.ts';
import { measure, totalCalls } from './probe.ts';

export const DUE = 10;

export interface TimerSample {
  ms: number;
  itemsRead: number;
  calls: number;
  run: TimerRun;
}

export interface TimerFigures {
  p50: number;
  p95: number;
  itemsRead: number;
  calls: number;
  examined: number;
  raised: number;
  samples: number;
}

const DAY = 86_400_000;

/**
 * How far to move the due clones into the past: every warning, breach and auto-close of every
 * template a day before the job's clock. Moving only each template's next timer there is not enough:
 * a later timer of the same order can land on the clock itself (a resolution warning at the end of
 * one working day and its breach at the end of the next are exactly 24 h apart), and a breach due
 * exactly at the clock is not yet a breach, so the job finds the order in the index, raises nothing,
 * leaves it there, and finds it again on every repetition.
 */
export function dueOffsetFor(templates: Template[], jobNow: Date): number {
  const instants = templates.flatMap((t) => {
    const { clocks, autoCloseAt } = t.order as Partial<Order>;
    const running = clocks ? [clocks.firstResponse, clocks.resolution].filter((c) => c.stoppedAt === undefined) : [];
    return [...running.flatMap((c) => [c.warnAt, c.dueAt]), autoCloseAt];
  });
  const latest = Math.max(...instants.filter((at): at is string => at !== undefined).map((at) => Date.parse(at)));
  return -(latest - jobNow.getTime() + DAY);
}

export class TimerBench {
  private next = 0;

  /**
   * @param deps dependencies whose clock is the job's "now": before every bulk-loaded timer
   * @param templates real orders with a pending timer, cloned as the due orders
   * @param dueOffsetMs how far the due clones are moved into the past (dueOffsetFor: all their timers fall before "now")
   */
  constructor(
    private readonly deps: Deps,
    private readonly writer: BulkWriter,
    private readonly templates: Template[],
    private readonly dueOffsetMs: number,
  ) {
    if (templates.length === 0) throw new Error('No template order has a pending SLA timer.');
  }

  private async addDue(): Promise<void> {
    const items: Item[] = [];
    for (let i = 0; i < DUE; i++) {
      const template = this.templates[this.next % this.templates.length]!;
      const number = `${template.department}-${8_000_000 + this.next++}`;
      items.push(
        ...cloneOrder(template, {
          number,
          requester: { id: 'anna', name: 'Anna Kowalska', email: 'anna@example.com' },
          offsetMs: this.dueOffsetMs,
        }),
      );
    }
    await this.writer.write(items);
  }

  async sample(): Promise<TimerSample> {
    await this.addDue();
    const started = performance.now();
    const { value: run, tally } = await measure(() => this.deps.slaTimers.run());
    const ms = performance.now() - started;
    if (run.examined !== DUE) throw new Error(`The timer job examined ${run.examined} orders, expected ${DUE}.`);
    return { ms, itemsRead: tally.itemsRead, calls: totalCalls(tally), run };
  }
}

export function summarizeTimers(samples: TimerSample[]): TimerFigures {
  const durations = samples.map((s) => s.ms);
  return {
    p50: median(durations),
    p95: quantile(durations, 0.95),
    itemsRead: median(samples.map((s) => s.itemsRead)),
    calls: median(samples.map((s) => s.calls)),
    examined: median(samples.map((s) => s.run.examined)),
    raised: median(samples.map((s) => s.run.warnings + s.run.breaches)),
    samples: samples.length,
  };
}
