import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '#shared/model.ts';
import {
  addHolidays,
  addInterval,
  changeInterval,
  cleanCalendar,
  copyDay,
  intervalProblem,
  isDate,
  isTimeZone,
  overlapping,
  removeHoliday,
  removeInterval,
} from './calendar.ts';

const base: BusinessCalendar = {
  timeZone: ' Europe/Warsaw ',
  hours: { '1': [{ start: '09:00', end: '17:00' }] },
  holidays: ['2026-12-25'],
};

describe('working intervals', () => {
  it('adds an office day to an empty day and an hour after the last interval otherwise', () => {
    expect(addInterval(base, '2').hours['2']).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(addInterval(base, '1').hours['1']).toEqual([
      { start: '09:00', end: '17:00' },
      { start: '17:00', end: '18:00' },
    ]);
  });

  it('changes and removes an interval without touching the original', () => {
    const changed = changeInterval(base, '1', 0, { end: '15:00' });
    expect(changed.hours['1']).toEqual([{ start: '09:00', end: '15:00' }]);
    expect(base.hours['1']).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(removeInterval(base, '1', 0).hours['1']).toEqual([]);
  });

  it('copies a day to others as independent copies', () => {
    const copied = copyDay(base, '1', ['2', '3']);
    expect(copied.hours['3']).toEqual(base.hours['1']);
    expect(copied.hours['3']).not.toBe(copied.hours['1']);
  });

  it('finds badly written, reversed and overlapping intervals', () => {
    expect(intervalProblem({ start: '9:00', end: '17:00' })).toBe('format');
    expect(intervalProblem({ start: '17:00', end: '09:00' })).toBe('order');
    expect(intervalProblem({ start: '08:00', end: '24:00' })).toBeUndefined();
    expect(
      overlapping([
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
        { start: '12:30', end: '16:30' },
      ]),
    ).toEqual([1, 2]);
    expect(
      overlapping([
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '16:00' },
      ]),
    ).toEqual([]);
  });
});

describe('holidays', () => {
  it('checks dates for real', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('26-02-01')).toBe(false);
  });

  it('adds dates sorted, without repeats, and counts the new ones', () => {
    expect(addHolidays(['2026-12-25'], ['2026-01-01', '2026-12-25', 'nope', '2026-01-01'])).toEqual({
      holidays: ['2026-01-01', '2026-12-25'],
      added: 1,
    });
  });

  it('removes a date', () => {
    expect(removeHoliday(['2026-01-01', '2026-12-25'], '2026-01-01')).toEqual(['2026-12-25']);
  });
});

describe('cleanCalendar', () => {
  it('trims, drops days without hours and keeps 24×7 only when set', () => {
    const clean = cleanCalendar({
      ...base,
      hours: { ...base.hours, '6': [], '2': [{ start: ' 08:00', end: '12:00 ' }] },
      always: false,
    });
    expect(clean).toEqual({
      timeZone: 'Europe/Warsaw',
      hours: { '1': [{ start: '09:00', end: '17:00' }], '2': [{ start: '08:00', end: '12:00' }] },
      holidays: ['2026-12-25'],
    });
    expect(cleanCalendar({ ...base, always: true }).always).toBe(true);
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Warsaw')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
