import { describe, expect, it } from 'vitest';
import type { OrderClocks, SlaSummary } from '#shared/order-clocks.ts';
import { bySlaState, clockStateAt, clockWords, minutesLeft, type SlaClock, stateWords, summaryWords } from './sla.ts';

const clock = (patch: Partial<SlaClock> = {}): SlaClock => ({
  kind: 'first_response',
  targetMinutes: 240,
  warningAt: 0.8,
  always: false,
  standardVersion: 2,
  startedAt: '2026-03-09T08:00:00Z',
  usedMinutes: 0,
  pausedMinutes: 0,
  runningSince: '2026-03-09T08:00:00Z',
  dueAt: '2026-03-09T12:00:00Z',
  warnAt: '2026-03-09T11:12:00Z',
  warned: false,
  breached: false,
  ...patch,
});

const options = { locale: 'en-GB', timeZone: 'Europe/Warsaw', hoursPerDay: 8 };

describe('clockStateAt', () => {
  it('follows the due and warning times', () => {
    expect(clockStateAt(clock(), new Date('2026-03-09T10:00:00Z'))).toBe('running');
    expect(clockStateAt(clock(), new Date('2026-03-09T11:12:00Z'))).toBe('warning');
    expect(clockStateAt(clock(), new Date('2026-03-09T12:00:01Z'))).toBe('breached');
  });

  it('judges a paused clock at its pause, and a stopped one by its outcome', () => {
    const paused = clock({ runningSince: undefined, pausedAt: '2026-03-09T10:00:00Z', dueAt: undefined });
    expect(clockStateAt(paused, new Date('2026-03-20T10:00:00Z'))).toBe('paused');
    const pausedLate = clock({ runningSince: undefined, pausedAt: '2026-03-09T12:30:00Z' });
    expect(clockStateAt(pausedLate, new Date('2026-03-20T10:00:00Z'))).toBe('breached');
    expect(clockStateAt(clock({ stoppedAt: '2026-03-09T09:00:00Z', outcome: 'met' }), new Date())).toBe('met');
    expect(clockStateAt(clock({ stoppedAt: '2026-03-09T13:00:00Z', outcome: 'breached' }), new Date())).toBe(
      'breached',
    );
  });
});

describe('stateWords', () => {
  it('says a stopped clock that ran over was missed', () => {
    expect(stateWords('breached')).toBe('Overdue');
    expect(stateWords('breached', true)).toBe('Missed');
    expect(stateWords('warning')).toBe('At risk');
  });
});

describe('minutesLeft', () => {
  const now = new Date('2026-03-09T10:00:00Z');
  const clocks: OrderClocks = {
    firstResponse: clock(),
    resolution: clock({ kind: 'resolution', targetMinutes: 1440, dueAt: '2026-03-12T08:00:00Z' }),
  };
  const summary: SlaSummary = {
    state: 'running',
    clock: 'first_response',
    dueAt: clocks.firstResponse.dueAt!,
    minutesLeft: 120,
  };

  it('takes the minutes the API counted for the summary clock', () => {
    expect(minutesLeft(clocks.firstResponse, clocks, summary, now)).toBe(120);
  });

  it('derives the other clock from the same stretch of working time', () => {
    // 120 working minutes passed on both: 1440 − 120 = 1320 left on the resolution clock.
    expect(minutesLeft(clocks.resolution, clocks, summary, now)).toBe(1320);
  });

  it('uses what was left when the clock paused or stopped', () => {
    const paused = clock({ runningSince: undefined, pausedAt: '2026-03-09T09:00:00Z', usedMinutes: 60 });
    expect(minutesLeft(paused, clocks, summary, now)).toBe(180);
  });

  it('counts a 24×7 clock directly and gives up when it cannot know', () => {
    const always = clock({
      kind: 'resolution',
      always: true,
      targetMinutes: 600,
      runningSince: '2026-03-09T09:00:00Z',
    });
    expect(minutesLeft(always, { ...clocks, resolution: always }, summary, now)).toBe(540);
    const later = clock({ kind: 'resolution', runningSince: '2026-03-09T09:30:00Z' });
    expect(minutesLeft(later, { ...clocks, resolution: later }, summary, now)).toBeUndefined();
  });
});

describe('clockWords', () => {
  const now = new Date('2026-03-09T10:00:00Z'); // Monday 11:00 in Warsaw

  it('reads a running clock as its due time and the working time left', () => {
    expect(clockWords(clock(), 200, now, options)).toBe('due today 13:00, 3 h 20 min of working time left');
  });

  it('reads paused and stopped clocks', () => {
    const paused = clock({ runningSince: undefined, pausedAt: '2026-03-09T09:00:00Z', dueAt: undefined });
    expect(clockWords(paused, 180, now, options)).toBe('paused since today 10:00, 3 h of working time left');
    const met = clock({ stoppedAt: '2026-03-09T09:30:00Z', outcome: 'met', usedMinutes: 90 });
    expect(clockWords(met, 150, now, options)).toBe('met today 10:30, after 1 h 30 min of working time');
    const missed = clock({ stoppedAt: '2026-03-09T09:30:00Z', outcome: 'breached', usedMinutes: 600 });
    expect(clockWords(missed, -360, now, options)).toBe(
      'missed: stopped today 10:30, after 1 working day 2 h of working time',
    );
  });

  it('gives the due time alone when the minutes left are unknown', () => {
    expect(clockWords(clock({ dueAt: '2026-03-12T13:00:00Z' }), undefined, now, options)).toBe('due Thu 14:00');
  });
});

describe('summaryWords', () => {
  const now = new Date('2026-03-09T10:00:00Z');
  it('reads the most urgent clock of a list row', () => {
    const due: SlaSummary = { state: 'warning', clock: 'resolution', dueAt: '2026-03-10T08:00:00Z', minutesLeft: 45 };
    expect(summaryWords(due, now, options)).toBe('due tomorrow 09:00, 45 min of working time left');
    const late: SlaSummary = {
      state: 'breached',
      clock: 'resolution',
      dueAt: '2026-03-09T08:00:00Z',
      minutesLeft: -125,
    };
    expect(summaryWords(late, now, options)).toBe('overdue by 2 h 5 min of working time');
    expect(summaryWords({ state: 'paused', clock: 'resolution', minutesLeft: 90 }, now, options)).toBe(
      'paused, 1 h 30 min of working time left',
    );
    expect(summaryWords({ state: 'met', clock: 'resolution', minutesLeft: 10 }, now, options)).toBe(
      'time standards met',
    );
    expect(summaryWords(undefined, now, options)).toBe('no time standard');
  });
});

describe('bySlaState', () => {
  it('keeps the rows in the state asked for, in their order', () => {
    const rows = [
      { n: 1, sla: { state: 'warning', clock: 'resolution', minutesLeft: 5 } as SlaSummary },
      { n: 2 },
      { n: 3, sla: { state: 'breached', clock: 'resolution', minutesLeft: -5 } as SlaSummary },
      { n: 4, sla: { state: 'warning', clock: 'first_response', minutesLeft: 9 } as SlaSummary },
    ];
    expect(bySlaState(rows, 'warning').map((r) => r.n)).toEqual([1, 4]);
    expect(bySlaState(rows, '').map((r) => r.n)).toEqual([1, 2, 3, 4]);
  });
});
