import { describe, expect, it } from 'vitest';
import {
  addDays,
  dashboardSearch,
  daysIncluded,
  dayWords,
  departmentToday,
  isDay,
  isoDay,
  presetRange,
  readDashboardQuery,
  reportSearch,
} from './period.ts';

const today = '2026-03-31';

describe('presetRange', () => {
  it('ends today and includes it', () => {
    expect(presetRange('30', today)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(presetRange('90', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(daysIncluded('2026-03-02', '2026-03-31')).toBe(30);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(presetRange('30', '2026-01-15').from).toBe('2025-12-17');
  });
});

describe('isoDay and isDay', () => {
  it('gives the local calendar date', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('accepts only real dates', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });
});

describe('readDashboardQuery', () => {
  it('defaults to the last 30 days', () => {
    expect(readDashboardQuery({}, today)).toEqual({ query: { preset: '30', from: '2026-03-02', to: today } });
    expect(readDashboardQuery({ period: 'forever' }, today).query.preset).toBe('30');
  });

  it('keeps the service and agent from the address', () => {
    const { query } = readDashboardQuery({ period: '90', service: 'hr-onboard', agent: ['hana', 'x'] }, today);
    expect(query).toEqual({ preset: '90', from: '2026-01-01', to: today, service: 'hr-onboard', agent: 'hana' });
  });

  it('checks a custom period and says what is wrong in words', () => {
    expect(readDashboardQuery({ period: 'custom', from: '2026-01-01', to: '2026-01-31' }, today)).toEqual({
      query: { preset: 'custom', from: '2026-01-01', to: '2026-01-31' },
    });
    expect(readDashboardQuery({ period: 'custom', from: '2026-01-01' }, today).problem).toBe(
      'Enter both dates to see the report.',
    );
    expect(readDashboardQuery({ period: 'custom', from: '2026-02-01', to: '2026-01-01' }, today).problem).toBe(
      'The period ends before it starts.',
    );
    expect(readDashboardQuery({ period: 'custom', from: '2024-01-01', to: '2026-01-01' }, today).problem).toMatch(
      /at most 400 days/,
    );
  });
});

describe('dashboardSearch and reportSearch', () => {
  it('writes only what differs from the default into the address', () => {
    expect(dashboardSearch({ preset: '30', from: '2026-03-02', to: today })).toEqual({
      period: undefined,
      from: undefined,
      to: undefined,
      service: undefined,
      agent: undefined,
    });
    expect(dashboardSearch({ preset: 'custom', from: '2026-01-01', to: '2026-01-31', agent: 'hana' })).toEqual({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      service: undefined,
      agent: 'hana',
    });
  });

  it('reads back what it wrote', () => {
    const query = { preset: 'custom' as const, from: '2026-01-01', to: '2026-01-31', service: 'it laptop' };
    const params = Object.fromEntries(
      Object.entries(dashboardSearch(query)).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    expect(readDashboardQuery(params, today).query).toEqual(query);
  });

  it('builds the report request', () => {
    expect(reportSearch({ preset: '30', from: '2026-03-02', to: today, service: 'a&b' })).toBe(
      'from=2026-03-02&to=2026-03-31&service=a%26b',
    );
    expect(reportSearch({ preset: '30', from: '2026-03-02', to: today }, { format: 'csv' })).toBe(
      'from=2026-03-02&to=2026-03-31&format=csv',
    );
  });
});

describe('dayWords', () => {
  it('reads a report day as a date in words', () => {
    expect(dayWords('2026-10-25')).toBe('25 Oct 2026');
    expect(dayWords('2026-10-25', 'en-US')).toBe('25 Oct 2026');
    expect(dayWords('soon')).toBe('soon');
  });
});

describe('departmentToday', () => {
  // 18:30 in New York, 00:30 the next day in Warsaw: a New York reader of a Warsaw department.
  const evening = new Date('2026-12-03T23:30:00Z');
  const list = [
    { code: 'HR', calendar: { timeZone: 'Europe/Warsaw' } },
    { code: 'NY', calendar: { timeZone: 'America/New_York' } },
  ];

  it('is the day in the department’s calendar zone, whatever the reader’s', () => {
    expect(departmentToday(list, 'HR', evening)).toBe('2026-12-04');
    expect(departmentToday(list, 'NY', evening)).toBe('2026-12-03');
    // So the last 30 days of the Warsaw department end on its 4 December.
    expect(presetRange('30', departmentToday(list, 'HR', evening))).toEqual({ from: '2026-11-05', to: '2026-12-04' });
  });
});
