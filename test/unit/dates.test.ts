import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayShort,
  formatMoment,
  formatMonth,
  formatTime,
  namesZone,
  todayIn,
} from '#shared/dates.ts';

const at = new Date('2026-12-03T13:30:00Z');
const mail = { timeZone: 'Europe/Warsaw' };
const warsawReader = { timeZone: 'Europe/Warsaw', readerTimeZone: 'Europe/Warsaw' };

describe('one date and time format per language', () => {
  it.each([
    ['en', '3 Dec 2026', '3 Dec 2026, 14:30 CET', '3 Dec 2026, 14:30', 'December 2026'],
    ['pl', '3 grudnia 2026', '3 grudnia 2026, 14:30 CET', '3 grudnia 2026, 14:30', 'grudzień 2026'],
    ['ru', '3 декабря 2026 г.', '3 декабря 2026 г., 14:30 GMT+1', '3 декабря 2026 г., 14:30', 'декабрь 2026 г.'],
    ['nl', '3 december 2026', '3 december 2026, 14:30 CET', '3 december 2026, 14:30', 'december 2026'],
    ['zh', '2026年12月3日', '2026年12月3日 14:30 GMT+1', '2026年12月3日 14:30', '2026年12月'],
  ])(
    '%s: a day, a moment in mail (zone named), a moment in the reader’s own zone, a month',
    (language, day, inMail, atHome, month) => {
      expect(formatDay('2026-12-03', language)).toBe(day);
      expect(formatDate(at, language, 'Europe/Warsaw')).toBe(day);
      expect(formatDateTime(at, language, mail)).toBe(inMail);
      expect(formatDateTime(at, language, warsawReader)).toBe(atHome);
      expect(formatTime(at, language, warsawReader)).toBe('14:30');
      expect(formatMonth('2026-12', language)).toBe(month);
    },
  );

  it('takes a locale tag for its language and reads an unknown one as English', () => {
    expect(formatDay('2026-12-03', 'pl-PL')).toBe('3 grudnia 2026');
    expect(formatDay('2026-12-03', 'en-US')).toBe('3 Dec 2026');
    expect(formatDay('2026-12-03', 'de')).toBe('3 Dec 2026');
    expect(formatTime(at, 'en-US', warsawReader)).toBe('14:30');
  });

  it('names the zone when the time is not in the reader’s own zone, and in summer its summer name', () => {
    expect(formatTime(at, 'en', { timeZone: 'Europe/Warsaw', readerTimeZone: 'America/New_York' })).toBe('14:30 CET');
    // Another zone with the same offset at that instant reads the same clock: no zone needed.
    expect(namesZone(at, { timeZone: 'Europe/Warsaw', readerTimeZone: 'Europe/Berlin' })).toBe(false);
    expect(formatDateTime('2026-07-01T22:30:00Z', 'pl', mail)).toBe('2 lipca 2026, 00:30 CEST');
  });

  it('leaves what it cannot read as it is', () => {
    expect(formatDay('soon', 'en')).toBe('soon');
    expect(formatDateTime('later', 'en', mail)).toBe('later');
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
  });

  it('says near moments relatively and others in the one format', () => {
    const now = new Date('2026-12-03T08:00:00Z');
    expect(formatMoment(now, at, 'en', 'Europe/Warsaw')).toBe('today 14:30');
    expect(formatMoment(now, new Date('2026-12-04T08:00:00Z'), 'pl', 'Europe/Warsaw')).toBe('jutro 09:00');
    expect(formatMoment(now, new Date('2026-12-07T08:00:00Z'), 'en', 'Europe/Warsaw')).toBe('Mon 09:00');
    expect(formatMoment(now, new Date('2027-01-07T08:00:00Z'), 'en', 'Europe/Warsaw')).toBe('7 Jan 2027, 09:00');
    expect(formatMoment(now, at, 'en', { timeZone: 'Europe/Warsaw' })).toBe('today 14:30 CET');
  });
});

describe('a short day for a chart’s axis', () => {
  it.each([
    ['en', '3 Dec'],
    ['pl', '3 gru'],
    ['ru', '3 дек.'],
    ['nl', '3 dec'],
    ['zh', '12月3日'],
  ])('%s: "%s", while the whole day keeps its year', (language, short) => {
    expect(formatDay('2026-12-03', language)).toMatch(/2026/);
    expect(formatDayShort('2026-12-03', language)).toBe(short);
    expect(formatDay('2026-12-03', language)).toMatch(/2026/);
  });
});

describe('today in a zone', () => {
  // 18:30 in New York is already 00:30 of the next day in Warsaw.
  const evening = new Date('2026-12-03T23:30:00Z');

  it('is the calendar day of the zone, not of the machine', () => {
    expect(todayIn('Europe/Warsaw', evening)).toBe('2026-12-04');
    expect(todayIn('America/New_York', evening)).toBe('2026-12-03');
  });

  it('is the machine’s own day without a zone or with an unknown one', () => {
    const own = todayIn(undefined, evening);
    expect(own).toMatch(/^2026-12-0[34]$/);
    expect(todayIn('Nowhere/Atlantis', evening)).toBe(own);
  });
});
