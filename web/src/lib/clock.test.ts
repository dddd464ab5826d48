import { describe, expect, it } from 'vitest';
import { summaryAt } from './clock.ts';

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
