import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, TimeStandard, WorkingInterval } from '#shared/model.ts';
import {
  ALWAYS_CALENDAR,
  addBusinessMinutes,
  businessMinutesBetween,
  calendarProblems,
  clockState,
  describeDue,
  fireTimers,
  formatMinutes,
  isWorkingInstant,
  nextTimerAt,
  nextWorkingInstant,
  pauseClock,
  promiseDate,
  remainingMinutes,
  restartClock,
  resumeClock,
  type SlaClock,
  startClock,
  stopClock,
  usedMinutes,
} from '#shared/sla.ts';

const ZONES = ['Europe/Warsaw', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNS = { numRuns: 200 };

const at = (zone: string, local: string): Date => DateTime.fromISO(local, { zone }).toJSDate();
const warsaw = (local: string): Date => at('Europe/Warsaw', local);
const inZone = (date: Date, zone: string): string => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
/** Minutes as whole milliseconds, so sums compare exactly. */
const millis = (minutes: number): number => Math.round(minutes * MINUTE);

const weekdays = (intervals: WorkingInterval[]): BusinessCalendar['hours'] => ({
  '1': intervals,
  '2': intervals,
  '3': intervals,
  '4': intervals,
  '5': intervals,
});
const office = (extra: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone: 'Europe/Warsaw',
  hours: weekdays([{ start: '09:00', end: '17:00' }]),
  holidays: [],
  ...extra,
});
const fullWeek = (timeZone: string): BusinessCalendar => ({
  timeZone,
  hours: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  holidays: [],
});

// ------------------------------------------------------------------------------------------
// Generators

const hhmm = (minute: number): string =>
  minute === 1440
    ? '24:00'
    : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A day's hours: random split shifts on a 5-minute grid, or common shapes (office, lunch, all day). */
const dayHours: fc.Arbitrary<WorkingInterval[]> = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: WorkingInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push({ start: hhmm(sorted[i]! * 5), end: hhmm(sorted[i + 1]! * 5) });
    }
    return intervals;
  }),
  fc.constantFrom<WorkingInterval[][]>(
    [{ start: '09:00', end: '17:00' }],
    [
      { start: '08:00', end: '12:00' },
      { start: '12:30', end: '16:30' },
    ],
    [{ start: '00:00', end: '24:00' }],
    // Around the night-time clock changes of the zones above.
    [{ start: '01:30', end: '03:30' }],
    [],
  ),
);

/** Instants in 2024–2028, half of them within a day or two of a DST switch in the chosen zone. */
function dstDays(zone: string): number[] {
  const days: number[] = [];
  let day = DateTime.fromObject({ year: 2024, month: 1, day: 1 }, { zone });
  while (day.year < 2029) {
    const next = day.plus({ days: 1 });
    if (next.offset !== day.offset) days.push(day.toMillis());
    day = next;
  }
  return days;
}
const DST_DAYS = Object.fromEntries(ZONES.map((zone) => [zone, dstDays(zone)]));

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    pick: fc.nat(),
    nearSwitch: fc.boolean(),
    anywhere: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }),
    shift: fc.integer({ min: -DAY, max: 2 * DAY }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 60 }), { maxLength: 15 }),
  })
  .map(({ zone, week, pick, nearSwitch, anywhere, shift, holidayOffsets }) => {
    const switches = DST_DAYS[zone] ?? [];
    const start = nearSwitch && switches.length > 0 ? switches[pick % switches.length]! + shift : anywhere;
    const hours: BusinessCalendar['hours'] = {};
    week.forEach((intervals, i) => {
      if (intervals.length > 0) hours[String(i + 1) as '1'] = intervals;
    });
    if (Object.keys(hours).length === 0) hours['1'] = [{ start: '09:00', end: '17:00' }];
    const startDay = DateTime.fromMillis(start, { zone }).startOf('day');
    const holidays = holidayOffsets.map((offset) => startDay.plus({ days: offset }).toISODate()!);
    const calendar: BusinessCalendar = { timeZone: zone, hours, holidays };
    return { calendar, start: new Date(start) };
  });

const minutes = fc.integer({ min: 0, max: 6000 });

// ------------------------------------------------------------------------------------------

describe('business-time properties', () => {
  it('adding then measuring gives back exactly the minutes added', () => {
    fc.assert(
      fc.property(scenario, minutes, ({ calendar, start }, n) => {
        const end = addBusinessMinutes(start, n, calendar);
        expect(businessMinutesBetween(start, end, calendar)).toBe(n);
      }),
      RUNS,
    );
  });

  it('the added instant is the earliest one: a millisecond before, the minutes are not yet used', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 6000 }), ({ calendar, start }, n) => {
        const end = addBusinessMinutes(start, n, calendar);
        expect(millis(businessMinutesBetween(start, new Date(end.getTime() - 1), calendar))).toBe(n * MINUTE - 1);
      }),
      RUNS,
    );
  });

  it('is monotonic in the minutes added and in the end of the measured span', () => {
    fc.assert(
      fc.property(scenario, minutes, minutes, fc.nat(20 * DAY), fc.nat(20 * DAY), (s, a, b, x, y) => {
        const [n1, n2] = a <= b ? [a, b] : [b, a];
        const { calendar, start } = s;
        expect(addBusinessMinutes(start, n1, calendar).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(start, n2, calendar).getTime(),
        );
        const [t1, t2] = x <= y ? [x, y] : [y, x];
        const to1 = new Date(start.getTime() + t1);
        const to2 = new Date(start.getTime() + t2);
        expect(businessMinutesBetween(start, to1, calendar)).toBeLessThanOrEqual(
          businessMinutesBetween(start, to2, calendar),
        );
      }),
      RUNS,
    );
  });

  it('is additive: between(a, c) = between(a, b) + between(b, c)', () => {
    fc.assert(
      fc.property(scenario, fc.nat(15 * DAY), fc.nat(15 * DAY), ({ calendar, start }, x, y) => {
        const a = start;
        const b = new Date(a.getTime() + Math.min(x, y));
        const c = new Date(a.getTime() + Math.max(x, y));
        const whole = millis(businessMinutesBetween(a, c, calendar));
        const parts = millis(businessMinutesBetween(a, b, calendar)) + millis(businessMinutesBetween(b, c, calendar));
        expect(whole).toBe(parts);
        expect(businessMinutesBetween(c, a, calendar)).toBe(0);
      }),
      RUNS,
    );
  });

  it('counts a millisecond exactly when it is working time', () => {
    fc.assert(
      fc.property(scenario, fc.nat(10 * DAY), ({ calendar, start }, offset) => {
        const t = new Date(start.getTime() + offset);
        const counted = millis(businessMinutesBetween(t, new Date(t.getTime() + 1), calendar));
        expect(counted).toBe(isWorkingInstant(t, calendar) ? 1 : 0);
      }),
      RUNS,
    );
  });

  it('never counts a gap between working intervals (nights, weekends, holidays, breaks)', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), ({ calendar, start }, share) => {
        const next = nextWorkingInstant(start, calendar);
        expect(next.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(isWorkingInstant(next, calendar)).toBe(true);
        const inside = new Date(start.getTime() + Math.floor((next.getTime() - start.getTime()) * share));
        expect(businessMinutesBetween(start, inside, calendar)).toBe(0);
        expect(businessMinutesBetween(start, next, calendar)).toBe(0);
        if (next.getTime() > start.getTime()) expect(isWorkingInstant(start, calendar)).toBe(false);
      }),
      RUNS,
    );
  });

  it('on 24×7 (and on a calendar worked all day every day) counts elapsed real minutes, across DST', () => {
    fc.assert(
      fc.property(scenario, fc.nat(40 * DAY), minutes, ({ calendar, start }, span, n) => {
        const end = new Date(start.getTime() + span);
        const elapsed = span / MINUTE;
        expect(businessMinutesBetween(start, end, ALWAYS_CALENDAR)).toBe(elapsed);
        expect(businessMinutesBetween(start, end, { ...calendar, always: true })).toBe(elapsed);
        expect(millis(businessMinutesBetween(start, end, fullWeek(calendar.timeZone)))).toBe(span);
        expect(addBusinessMinutes(start, n, ALWAYS_CALENDAR).getTime()).toBe(start.getTime() + n * MINUTE);
        expect(addBusinessMinutes(start, n, fullWeek(calendar.timeZone)).getTime()).toBe(start.getTime() + n * MINUTE);
      }),
      RUNS,
    );
  });
});

describe('business-time examples (Europe/Warsaw, Mon–Fri 09:00–17:00)', () => {
  it('carries Friday afternoon work over the weekend', () => {
    expect(inZone(addBusinessMinutes(warsaw('2026-03-06T16:00'), 120, office()), 'Europe/Warsaw')).toBe(
      '2026-03-09T10:00',
    );
  });

  it('skips a lunch break', () => {
    const lunch = office({
      hours: weekdays([
        { start: '09:00', end: '12:00' },
        { start: '12:30', end: '17:00' },
      ]),
    });
    expect(inZone(addBusinessMinutes(warsaw('2026-03-09T09:00'), 240, lunch), 'Europe/Warsaw')).toBe(
      '2026-03-09T13:30',
    );
    expect(businessMinutesBetween(warsaw('2026-03-09T12:00'), warsaw('2026-03-09T12:30'), lunch)).toBe(0);
    expect(isWorkingInstant(warsaw('2026-03-09T12:15'), lunch)).toBe(false);
  });

  it('skips a Monday holiday', () => {
    const calendar = office({ holidays: ['2026-03-09'] });
    expect(inZone(addBusinessMinutes(warsaw('2026-03-06T16:00'), 120, calendar), 'Europe/Warsaw')).toBe(
      '2026-03-10T10:00',
    );
  });

  it('wraps the year over a New Year holiday', () => {
    const calendar = office({ holidays: ['2026-01-01'] });
    expect(inZone(addBusinessMinutes(warsaw('2025-12-31T16:00'), 120, calendar), 'Europe/Warsaw')).toBe(
      '2026-01-02T10:00',
    );
  });

  it('ends at the close of the day that uses the last minute, and 0 minutes is the start itself', () => {
    expect(inZone(addBusinessMinutes(warsaw('2026-03-09T09:00'), 480, office()), 'Europe/Warsaw')).toBe(
      '2026-03-09T17:00',
    );
    const saturday = warsaw('2026-03-07T10:00');
    expect(addBusinessMinutes(saturday, 0, office())).toEqual(saturday);
    expect(inZone(addBusinessMinutes(saturday, 60, office()), 'Europe/Warsaw')).toBe('2026-03-09T10:00');
    expect(inZone(nextWorkingInstant(saturday, office()), 'Europe/Warsaw')).toBe('2026-03-09T09:00');
    expect(isWorkingInstant(warsaw('2026-03-09T17:00'), office())).toBe(false);
    expect(isWorkingInstant(warsaw('2026-03-09T09:00'), office())).toBe(true);
  });

  it('measures a working week', () => {
    expect(businessMinutesBetween(warsaw('2026-03-09T00:00'), warsaw('2026-03-16T00:00'), office())).toBe(2400);
    expect(businessMinutesBetween(warsaw('2026-03-09T10:30:30'), warsaw('2026-03-09T10:31'), office())).toBe(0.5);
  });

  it('skips whole days for large amounts', () => {
    const started = performance.now();
    const end = addBusinessMinutes(warsaw('2026-03-09T09:00'), 480 * 2000, office());
    // 2000 working days = 400 full weeks: the Friday of the 400th week.
    expect(inZone(end, 'Europe/Warsaw')).toBe('2033-11-04T17:00');
    expect(businessMinutesBetween(warsaw('2026-03-09T09:00'), end, office())).toBe(480 * 2000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('daylight-saving changes', () => {
  it('24×7 counts 60 real minutes across the Warsaw switches', () => {
    // 2026-03-29 02:00 → 03:00 and 2026-10-25 03:00 → 02:00.
    expect(addBusinessMinutes(new Date('2026-03-29T00:30:00Z'), 60, ALWAYS_CALENDAR).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    const always = { ...office(), always: true };
    expect(inZone(addBusinessMinutes(warsaw('2026-03-29T01:30'), 60, always), 'Europe/Warsaw')).toBe(
      '2026-03-29T03:30',
    );
    expect(addBusinessMinutes(new Date('2026-10-25T00:30:00Z'), 60, always).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('a Sunday worked 00:00–24:00 is 23 h in spring, 25 h in autumn and 24 h otherwise', () => {
    const sundays: BusinessCalendar = {
      timeZone: 'Europe/Warsaw',
      hours: { '7': [{ start: '00:00', end: '24:00' }] },
      holidays: [],
    };
    const day = (date: string, next: string) => businessMinutesBetween(warsaw(date), warsaw(next), sundays);
    expect(day('2026-03-29T00:00', '2026-03-30T00:00')).toBe(23 * 60);
    expect(day('2026-10-25T00:00', '2026-10-26T00:00')).toBe(25 * 60);
    expect(day('2026-03-22T00:00', '2026-03-23T00:00')).toBe(24 * 60);
  });

  it('a shift starting inside the spring-forward gap starts when the clocks jump', () => {
    const night: BusinessCalendar = {
      timeZone: 'Europe/Warsaw',
      hours: { '7': [{ start: '02:30', end: '04:00' }] },
      holidays: [],
    };
    expect(nextWorkingInstant(warsaw('2026-03-29T00:00'), night).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(businessMinutesBetween(warsaw('2026-03-29T00:00'), warsaw('2026-03-30T00:00'), night)).toBe(60);
    // In autumn 02:30 happens twice: the shift starts at the first.
    expect(nextWorkingInstant(warsaw('2026-10-25T00:00'), night).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(businessMinutesBetween(warsaw('2026-10-25T00:00'), warsaw('2026-10-26T00:00'), night)).toBe(150);
    // A shift wholly inside the gap does not exist that night.
    const lost: BusinessCalendar = {
      timeZone: 'Europe/Warsaw',
      hours: { '7': [{ start: '02:10', end: '02:50' }] },
      holidays: [],
    };
    expect(businessMinutesBetween(warsaw('2026-03-29T00:00'), warsaw('2026-03-30T00:00'), lost)).toBe(0);
    expect(inZone(nextWorkingInstant(warsaw('2026-03-29T00:00'), lost), 'Europe/Warsaw')).toBe('2026-04-05T02:10');
  });

  it('America/New_York 2026-03-08: 24×7 spans the lost hour and office hours keep local time', () => {
    const ny = 'America/New_York';
    const saturdayNight = at(ny, '2026-03-07T23:00');
    expect(inZone(addBusinessMinutes(saturdayNight, 240, ALWAYS_CALENDAR), ny)).toBe('2026-03-08T04:00');
    expect(businessMinutesBetween(at(ny, '2026-03-08T00:00'), at(ny, '2026-03-09T00:00'), fullWeek(ny))).toBe(1380);
    const nyOffice = office({ timeZone: ny });
    const monday = addBusinessMinutes(at(ny, '2026-03-06T16:00'), 120, nyOffice);
    expect(inZone(monday, ny)).toBe('2026-03-09T10:00');
    expect(monday.toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });
});

describe('calendar validation', () => {
  it('accepts a sound calendar, including 24:00 and split shifts', () => {
    expect(calendarProblems(office())).toEqual([]);
    expect(calendarProblems(fullWeek('Asia/Kolkata'))).toEqual([]);
    expect(calendarProblems({ ...ALWAYS_CALENDAR })).toEqual([]);
  });

  it('names every problem', () => {
    const problems = calendarProblems({
      timeZone: 'Europe/Nowhere',
      hours: {
        '1': [
          { start: '9:00', end: '17:00' },
          { start: '12:00', end: '25:00' },
        ],
        '2': [{ start: '17:00', end: '09:00' }],
        '3': [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '17:00' },
        ],
        '8': [{ start: '09:00', end: '17:00' }],
      } as BusinessCalendar['hours'],
      holidays: ['2026-02-30', 'tomorrow', '2026-12-25'],
    });
    expect(problems).toEqual([
      { code: 'unknown_time_zone', params: { zone: 'Europe/Nowhere' } },
      { code: 'start_not_time', params: { day: 1, value: '9:00' } },
      { code: 'end_not_time', params: { day: 1, value: '25:00' } },
      { code: 'interval_reversed', params: { day: 2, interval: '17:00–09:00' } },
      { code: 'intervals_overlap', params: { day: 3, first: '09:00–13:00', second: '12:00–17:00' } },
      { code: 'not_weekday', params: { day: '8' } },
      { code: 'holiday_not_date', params: { value: '2026-02-30' } },
      { code: 'holiday_not_date', params: { value: 'tomorrow' } },
    ]);
  });

  it('reports a calendar without working hours, and the arithmetic refuses it', () => {
    const idle: BusinessCalendar = { timeZone: 'UTC', hours: { '1': [] }, holidays: [] };
    expect(calendarProblems(idle)).toEqual([{ code: 'no_working_hours' }]);
    expect(() => addBusinessMinutes(new Date('2026-01-01T00:00:00Z'), 10, idle)).toThrow(RangeError);
    expect(() => businessMinutesBetween(new Date(0), new Date(1), { ...office(), timeZone: 'Mars/Olympus' })).toThrow(
      /unknown_time_zone/,
    );
  });

  it('gives up after 3 years without a working day', () => {
    const holidays: string[] = [];
    for (let d = DateTime.fromISO('2026-01-01'); d.year < 2030; d = d.plus({ days: 1 })) holidays.push(d.toISODate()!);
    const closed = office({ holidays });
    expect(() => addBusinessMinutes(warsaw('2026-01-01T09:00'), 1, closed)).toThrow(/no working time within 3 years/);
    expect(() => nextWorkingInstant(warsaw('2026-01-01T09:00'), closed)).toThrow(/no working time within 3 years/);
    expect(() => addBusinessMinutes(warsaw('2026-01-01T09:00'), -1, office())).toThrow(RangeError);
  });
});

// ------------------------------------------------------------------------------------------

const standard: TimeStandard & { version: number } = {
  firstResponseMinutes: 60,
  resolutionMinutes: 480,
  warningAt: 0.8,
  always: false,
  version: 3,
};
const local = (clock: SlaClock, field: 'dueAt' | 'warnAt'): string | undefined =>
  clock[field] === undefined ? undefined : inZone(new Date(clock[field]), 'Europe/Warsaw');

describe('SLA clocks', () => {
  const cal = office();
  const monday = warsaw('2026-03-09T09:00');
  const clock = startClock('resolution', standard, monday, cal);

  it('starts with due and warning times (warning at 80 % of 480 = 384 working minutes)', () => {
    expect(clock).toMatchObject({
      kind: 'resolution',
      targetMinutes: 480,
      standardVersion: 3,
      usedMinutes: 0,
      runningSince: monday.toISOString(),
    });
    expect(local(clock, 'warnAt')).toBe('2026-03-09T15:24');
    expect(local(clock, 'dueAt')).toBe('2026-03-09T17:00');
    const first = startClock('first_response', standard, warsaw('2026-03-06T16:30'), cal);
    expect(local(first, 'dueAt')).toBe('2026-03-09T09:30');
    expect(local(first, 'warnAt')).toBe('2026-03-09T09:18');
  });

  it('moves through running, warning and breached; the due time itself is still on time', () => {
    expect(clockState(clock, warsaw('2026-03-09T10:00'))).toBe('running');
    expect(clockState(clock, warsaw('2026-03-09T15:24'))).toBe('warning');
    expect(clockState(clock, warsaw('2026-03-09T17:00'))).toBe('warning');
    expect(clockState(clock, new Date(warsaw('2026-03-09T17:00').getTime() + 1))).toBe('breached');
    // After hours the working time left is 0 but the promised time has passed.
    expect(clockState(clock, warsaw('2026-03-09T20:00'))).toBe('breached');
    expect(remainingMinutes(clock, warsaw('2026-03-09T20:00'), cal)).toBe(0);
    expect(remainingMinutes(clock, warsaw('2026-03-09T10:00'), cal)).toBe(420);
    expect(remainingMinutes(clock, warsaw('2026-03-10T11:05'), cal)).toBe(-125);
    expect(usedMinutes(clock, warsaw('2026-03-10T11:05'), cal)).toBe(605);
  });

  it('tells the timer job what to raise, once', () => {
    expect(nextTimerAt(clock)).toBe(clock.warnAt);
    const early = fireTimers(clock, warsaw('2026-03-09T15:00'));
    expect(early.events).toEqual([]);
    const warned = fireTimers(clock, warsaw('2026-03-09T15:30'));
    expect(warned.events).toEqual(['warning']);
    expect(nextTimerAt(warned.clock)).toBe(clock.dueAt);
    expect(fireTimers(warned.clock, warsaw('2026-03-09T15:31')).events).toEqual([]);
    const breached = fireTimers(warned.clock, warsaw('2026-03-09T17:01'));
    expect(breached.events).toEqual(['breach']);
    expect(nextTimerAt(breached.clock)).toBeUndefined();
    expect(fireTimers(breached.clock, warsaw('2026-03-09T18:00')).events).toEqual([]);
    // A late job raises only the breach.
    const late = fireTimers(clock, warsaw('2026-03-10T09:00'));
    expect(late.events).toEqual(['breach']);
    expect(late.clock).toMatchObject({ warned: true, breached: true });
  });

  it('pauses and resumes, moving the due time by the working time spent paused', () => {
    const paused = pauseClock(clock, warsaw('2026-03-09T12:00'), cal);
    expect(paused.usedMinutes).toBe(180);
    expect(paused.dueAt).toBeUndefined();
    expect(paused.warnAt).toBeUndefined();
    expect(clockState(paused, warsaw('2026-03-10T12:00'))).toBe('paused');
    expect(nextTimerAt(paused)).toBeUndefined();
    expect(remainingMinutes(paused, warsaw('2026-03-12T12:00'), cal)).toBe(300);
    expect(pauseClock(paused, warsaw('2026-03-09T13:00'), cal)).toBe(paused);
    const resumed = resumeClock(paused, warsaw('2026-03-10T09:00'), cal);
    expect(resumed.pausedMinutes).toBe(300);
    expect(local(resumed, 'dueAt')).toBe('2026-03-10T14:00');
    expect(local(resumed, 'warnAt')).toBe('2026-03-10T12:24');
    expect(resumeClock(resumed, warsaw('2026-03-10T10:00'), cal)).toBe(resumed);
    expect(JSON.parse(JSON.stringify(resumed))).toEqual(resumed);
    expect(Object.keys(resumed)).not.toContain('pausedAt');
  });

  it('loses nothing when paused over a weekend', () => {
    const friday = startClock('resolution', standard, warsaw('2026-03-13T15:00'), cal);
    expect(local(friday, 'dueAt')).toBe('2026-03-16T15:00');
    const paused = pauseClock(friday, warsaw('2026-03-13T17:30'), cal);
    const resumed = resumeClock(paused, warsaw('2026-03-16T08:00'), cal);
    expect(resumed.dueAt).toBe(friday.dueAt);
    expect(resumed.warnAt).toBe(friday.warnAt);
    expect(resumed.pausedMinutes).toBe(0);
  });

  it('keeps a breach that happened before the pause', () => {
    const paused = pauseClock(clock, warsaw('2026-03-10T10:00'), cal);
    expect(paused.dueAt).toBe(clock.dueAt);
    expect(clockState(paused, warsaw('2026-03-11T10:00'))).toBe('breached');
    expect(nextTimerAt(paused)).toBe(clock.warnAt);
    const resumed = resumeClock(paused, warsaw('2026-03-11T10:00'), cal);
    expect(resumed.dueAt).toBe(clock.dueAt);
    expect(remainingMinutes(resumed, warsaw('2026-03-11T10:00'), cal)).toBe(-60);
  });

  it('stops met or breached, once', () => {
    const met = stopClock(clock, warsaw('2026-03-09T16:00'), cal);
    expect(met).toMatchObject({
      outcome: 'met',
      usedMinutes: 420,
      stoppedAt: warsaw('2026-03-09T16:00').toISOString(),
    });
    expect(met.runningSince).toBeUndefined();
    expect(clockState(met, warsaw('2026-03-20T16:00'))).toBe('met');
    expect(nextTimerAt(met)).toBeUndefined();
    expect(stopClock(met, warsaw('2026-03-10T16:00'), cal)).toBe(met);
    expect(pauseClock(met, warsaw('2026-03-10T16:00'), cal)).toBe(met);
    expect(stopClock(clock, warsaw('2026-03-09T17:00'), cal).outcome).toBe('met');
    expect(stopClock(clock, warsaw('2026-03-09T19:00'), cal).outcome).toBe('breached');
    const late = stopClock(clock, warsaw('2026-03-10T10:00'), cal);
    expect(late).toMatchObject({ outcome: 'breached', usedMinutes: 540 });
    expect(clockState(late, warsaw('2026-03-10T10:00'))).toBe('breached');
    const whilePaused = stopClock(pauseClock(clock, warsaw('2026-03-09T12:00'), cal), warsaw('2026-03-12T12:00'), cal);
    expect(whilePaused).toMatchObject({ outcome: 'met', usedMinutes: 180 });
  });

  it('restarts on reopen, keeping the time used', () => {
    const resolved = stopClock(clock, warsaw('2026-03-09T11:00'), cal);
    const reopened = restartClock(resolved, warsaw('2026-03-10T09:00'), cal);
    expect(reopened).toMatchObject({ usedMinutes: 120, runningSince: warsaw('2026-03-10T09:00').toISOString() });
    expect(reopened.outcome).toBeUndefined();
    expect(reopened.stoppedAt).toBeUndefined();
    expect(local(reopened, 'dueAt')).toBe('2026-03-10T15:00');
    expect(clockState(reopened, warsaw('2026-03-10T10:00'))).toBe('running');
    expect(restartClock(reopened, warsaw('2026-03-10T10:00'), cal)).toBe(reopened);
  });

  it('counts every minute on a 24×7 standard, whatever the department calendar', () => {
    const always = startClock('resolution', { ...standard, always: true }, warsaw('2026-03-07T10:00'), cal);
    expect(always.always).toBe(true);
    expect(local(always, 'dueAt')).toBe('2026-03-07T18:00');
    expect(remainingMinutes(always, warsaw('2026-03-07T11:00'), cal)).toBe(420);
    expect(inZone(promiseDate(warsaw('2026-03-07T10:00'), { ...standard, always: true }, cal), 'Europe/Warsaw')).toBe(
      '2026-03-07T18:00',
    );
    expect(inZone(promiseDate(warsaw('2026-03-07T10:00'), standard, cal), 'Europe/Warsaw')).toBe('2026-03-09T17:00');
  });

  it('pausing moves the due time later by exactly the working time paused (property)', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(10 * DAY),
        ({ calendar, start }, target, share, pauseLength) => {
          const std: TimeStandard = {
            firstResponseMinutes: 1,
            resolutionMinutes: target,
            warningAt: 0.5,
            always: false,
          };
          const running = startClock('resolution', std, start, calendar);
          const due = Date.parse(running.dueAt!);
          const pausedAt = new Date(start.getTime() + Math.floor((due - start.getTime()) * share * 0.999));
          const resumedAt = new Date(pausedAt.getTime() + pauseLength);
          const resumed = resumeClock(pauseClock(running, pausedAt, calendar), resumedAt, calendar);
          const moved = millis(businessMinutesBetween(new Date(due), new Date(resumed.dueAt!), calendar));
          expect(Date.parse(resumed.dueAt!)).toBeGreaterThanOrEqual(due);
          expect(moved).toBe(millis(businessMinutesBetween(pausedAt, resumedAt, calendar)));
          expect(millis(resumed.pausedMinutes)).toBe(moved);
          const stopped = stopClock(resumed, new Date(resumed.dueAt!), calendar);
          expect(stopped.usedMinutes).toBe(target);
          expect(stopped.outcome).toBe('met');
        },
      ),
      RUNS,
    );
  });
});

describe('due time in words', () => {
  it('formats durations', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatMinutes(200)).toBe('3 h 20 min');
    expect(formatMinutes(-125)).toBe('2 h 5 min');
    expect(formatMinutes(1439.6)).toBe('1 d');
    expect(formatMinutes(1500)).toBe('1 d 1 h');
    expect(formatMinutes(300, 8)).toBe('5 h');
    expect(formatMinutes(540, 8)).toBe('1 working day 1 h');
    expect(formatMinutes(1020, 8)).toBe('2 working days 1 h');
    expect(formatMinutes(960, 8)).toBe('2 working days');
  });

  it('describes a due time relative to now', () => {
    const now = warsaw('2026-03-09T10:00');
    const say = (due: string, left: number) => describeDue(now, warsaw(due), left, 'en-GB', 'Europe/Warsaw');
    expect(say('2026-03-12T14:00', 200)).toBe('due Thu 14:00, 3 h 20 min of working time left');
    expect(say('2026-03-09T16:30', 45)).toBe('due today 16:30, 45 min of working time left');
    expect(say('2026-03-10T09:00', 0.2)).toBe('due tomorrow 09:00, 1 min of working time left');
    expect(say('2026-03-25T15:00', 2400)).toBe('due 25 Mar 2026, 15:00, 1 d 16 h of working time left');
    expect(say('2027-01-05T15:00', 60)).toBe('due 5 Jan 2027, 15:00, 1 h of working time left');
    expect(say('2026-03-06T17:00', -125)).toBe('overdue by 2 h 5 min of working time');
    expect(say('2026-03-06T17:00', 0)).toBe('overdue since 6 Mar 2026, 17:00');
    expect(describeDue(now, warsaw('2026-03-25T15:00'), 2400, 'en-GB', 'Europe/Warsaw', 8)).toBe(
      'due 25 Mar 2026, 15:00, 5 working days of working time left',
    );
    expect(describeDue(now, warsaw('2026-03-09T16:30'), 45, 'en-US', 'Europe/Warsaw')).toBe(
      'due today 16:30, 45 min of working time left',
    );
  });
});
