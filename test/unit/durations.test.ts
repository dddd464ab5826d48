import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, workingDay, workingHoursPerDay } from '#shared/durations.ts';
import { type BusinessCalendar, LANGUAGES } from '#shared/model.ts';

const minutes = (text: string, language: (typeof LANGUAGES)[number] = 'en', hoursPerDay = 8, always = false) => {
  const read = parseDuration(text, language, hoursPerDay, always);
  return read.ok ? read.minutes : read.code;
};

describe('durations typed as people say them', () => {
  it('reads working days by the department’s working day, hours and minutes', () => {
    expect(minutes('2 working days')).toBe(960);
    expect(minutes('2 working days', 'en', 7.5)).toBe(900);
    expect(minutes('4 h')).toBe(240);
    expect(minutes('30 min')).toBe(30);
    expect(minutes('1 day 4 h')).toBe(720);
    expect(minutes('1 day and 4 hours, 30 minutes')).toBe(750);
    expect(minutes('1.5 h')).toBe(90);
    expect(minutes('4h30m')).toBe(270);
    expect(minutes('  2   Working   Days ')).toBe(960);
    // On a 24×7 standard a day has 24 hours.
    expect(minutes('2 days', 'en', 8, true)).toBe(2880);
  });

  it('reads each language’s own words, and English in every language', () => {
    expect(minutes('2 dni robocze', 'pl')).toBe(960);
    expect(minutes('1 dzień roboczy i 4 godz.', 'pl')).toBe(720);
    expect(minutes('1,5 godziny', 'pl')).toBe(90);
    expect(minutes('30 minut', 'pl')).toBe(30);
    expect(minutes('3 рабочих дня', 'ru')).toBe(1440);
    expect(minutes('4 часа 30 мин', 'ru')).toBe(270);
    expect(minutes('2 werkdagen', 'nl')).toBe(960);
    expect(minutes('4 uur', 'nl')).toBe(240);
    expect(minutes('2个工作日', 'zh')).toBe(960);
    expect(minutes('4小时30分钟', 'zh')).toBe(270);
    expect(minutes('4 h', 'zh')).toBe(240);
  });

  it('refuses nonsense with a code', () => {
    for (const text of ['', 'soon', '4', '4 bananas', 'h 4', '-2 h', '2 h later', '4 godz.', '2..5 h']) {
      expect(minutes(text), text).toBe('duration_unreadable');
    }
    expect(minutes('0 h')).toBe('duration_not_positive');
    expect(minutes('0.001 min')).toBe('duration_not_positive');
  });

  it('says a duration in words the way it is read back', () => {
    expect(formatDuration(960, 'en', 8, false)).toBe('2 working days');
    expect(formatDuration(750, 'en', 8, false)).toBe('1 working day 4 h 30 min');
    expect(formatDuration(30, 'en', 8, false)).toBe('30 min');
    expect(formatDuration(2880, 'en', 8, true)).toBe('2 days');
    expect(formatDuration(1440, 'pl', 8, false)).toBe('3 dni robocze');
    expect(formatDuration(2400, 'pl', 8, false)).toBe('5 dni roboczych');
    expect(formatDuration(720, 'pl', 8, false)).toBe('1 dzień roboczy 4 godz.');
    expect(formatDuration(2400, 'ru', 8, false)).toBe('5 рабочих дней');
    expect(formatDuration(480, 'nl', 8, false)).toBe('1 werkdag');
    expect(formatDuration(750, 'zh', 8, false)).toBe('1个工作日4小时30分钟');
  });

  it('reads back every duration it says, in every language, whatever the working day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom(...LANGUAGES),
        fc.integer({ min: 1, max: 96 }).map((quarters) => quarters / 4),
        fc.boolean(),
        (m, language, hoursPerDay, always) => {
          const said = formatDuration(m, language, hoursPerDay, always);
          expect(parseDuration(said, language, hoursPerDay, always)).toEqual({ ok: true, minutes: m });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('a department’s working day', () => {
  const calendar = (hours: BusinessCalendar['hours'], always = false): BusinessCalendar => ({
    timeZone: 'Europe/Warsaw',
    hours,
    holidays: [],
    always,
  });
  const day = [
    { start: '08:00', end: '12:00' },
    { start: '12:30', end: '16:30' },
  ];

  it('takes the most common working day, breaks left out', () => {
    expect(
      workingHoursPerDay(calendar({ '1': day, '2': day, '3': day, '5': [{ start: '08:00', end: '14:00' }] })),
    ).toBe(8);
    const short = [{ start: '08:00', end: '15:30' }];
    expect(workingHoursPerDay(calendar({ '1': short, '2': short, '3': short, '4': day }))).toBe(7.5);
  });

  it('has none around the clock or without hours', () => {
    expect(workingHoursPerDay(calendar({ '1': day }, true))).toBeUndefined();
    expect(workingHoursPerDay(calendar({}))).toBeUndefined();
    expect(workingHoursPerDay(undefined)).toBeUndefined();
  });

  it('is 24 h on a 24×7 calendar or standard, else the department’s own day', () => {
    expect(workingDay(calendar({ '1': day }, true))).toEqual({ hoursPerDay: undefined, always: true });
    expect(workingDay(calendar({ '1': day }), true)).toEqual({ hoursPerDay: 8, always: true });
    const { hoursPerDay, always } = workingDay(calendar({ '1': [{ start: '09:00', end: '16:30' }] }));
    expect(parseDuration('2 days', 'en', hoursPerDay, always)).toEqual({ ok: true, minutes: 900 });
  });
});
