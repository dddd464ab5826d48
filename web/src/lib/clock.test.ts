import { describe, expect, it, vi } from 'vitest';
import { createReadings, summaryAt } from './clock.ts';

const readAt = new Date('2026-12-03T12:00:00Z');
const at = (minutes: number) => new Date(readAt.getTime() + minutes * 60_000);

describe('summaryAt: a list row’s time standard carried forward to now', () => {
  const warning = {
    state: 'warning' as const,
    clock: 'resolution' as const,
    dueAt: at(1).toISOString(),
    minutesLeft: 1,
  };

  it('counts the minutes down and turns overdue once the due time has passed', () => {
    expect(summaryAt(warning, readAt, readAt)).toEqual(warning);
    expect(summaryAt(warning, readAt, at(7))).toMatchObject({ state: 'breached', minutesLeft: -6 });
  });

  it('before the due time never says less than nothing left, nor overdue', () => {
    const running = { ...warning, state: 'running' as const, dueAt: at(600).toISOString(), minutesLeft: 30 };
    expect(summaryAt(running, readAt, at(45))).toMatchObject({ state: 'running', minutesLeft: 0 });
  });

  it('leaves paused and met standards, and orders without one, as they are', () => {
    const paused = { ...warning, state: 'paused' as const };
    expect(summaryAt(paused, readAt, at(60))).toBe(paused);
    expect(summaryAt(undefined, readAt, at(60))).toBeUndefined();
  });
});

describe('createReadings: each row’s time standard from its latest read', () => {
  it('a later read of a row kept on screen sets its minutes right again', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(readAt);
      const readings = createReadings();
      const due = at(24 * 60).toISOString();
      const kept = {
        number: 'HR-1',
        sla: { state: 'running' as const, clock: 'resolution' as const, dueAt: due, minutesLeft: 30 },
      };
      readings.note([kept]);
      // Overnight the wall clock moves 15 hours but no working time passes: the next read still says 30.
      vi.setSystemTime(at(15 * 60));
      expect(readings.slaAt(kept, at(15 * 60))?.minutesLeft).toBe(0);
      readings.note([{ ...kept }]);
      expect(readings.slaAt(kept, at(15 * 60 + 5))?.minutesLeft).toBe(25);
      // A row never read here keeps what it says.
      expect(readings.slaAt({ number: 'HR-2', sla: kept.sla }, at(60))).toBe(kept.sla);
    } finally {
      vi.useRealTimers();
    }
  });
});
