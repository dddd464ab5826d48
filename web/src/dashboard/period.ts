/**
 * The dashboard's filters as they live in the address (so a view can be bookmarked and shared):
 * `?period=30|90|custom&from=YYYY-MM-DD&to=YYYY-MM-DD&service=…&agent=…`. Pure.
 */

import { todayIn } from '#shared/dates.ts';
import type { Department } from '#shared/model.ts';
import { addDays } from '#shared/stats.ts';
import { t } from '../lib/strings.ts';

export const PERIOD_PRESETS = ['30', '90', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The longest period the API reports on at once. */
export const MAX_REPORT_DAYS = 400;

export interface DashboardQuery {
  preset: PeriodPreset;
  from: string;
  to: string;
  service?: string;
  agent?: string;
}

export interface ReadQuery {
  query: DashboardQuery;
  /** Why the custom period cannot be shown, in words; no report is asked for then. */
  problem?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A local calendar date as YYYY-MM-DD (the reader's day, not UTC's). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A department's today: the calendar day it is at `now` in the department's calendar zone, so its
 * periods end on its own day whichever zone the reader is in (the reader's own day when the
 * department is not in the list).
 */
export function departmentToday(
  list: ReadonlyArray<Pick<Department, 'code'> & { calendar: Pick<Department['calendar'], 'timeZone'> }>,
  code: string,
  now: Date = new Date(),
): string {
  return todayIn(list.find((d) => d.code === code)?.calendar.timeZone, now);
}

export function isDay(text: string | undefined): text is string {
  const match = text ? DAY.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export { addDays };

/** Days from `from` to `to`, both included. */
export function daysIncluded(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export { dayWords } from '../lib/format.ts';

/** "Last 30 days" ends today and includes it. */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } {
  return { from: addDays(today, -(Number(preset) - 1)), to: today };
}

/** The first value of a search parameter that may repeat. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function clean(value: string | string[] | undefined): string | undefined {
  const text = firstValue(value);
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, 100) : undefined;
}

/** The filters from the address; anything unreadable falls back to the last 30 days. */
export function readDashboardQuery(params: Record<string, string | string[] | undefined>, today: string): ReadQuery {
  const period = clean(params.period);
  const preset: PeriodPreset = PERIOD_PRESETS.includes(period as PeriodPreset) ? (period as PeriodPreset) : '30';
  const extra: Pick<DashboardQuery, 'service' | 'agent'> = {};
  const service = clean(params.service);
  const agent = clean(params.agent);
  if (service) extra.service = service;
  if (agent) extra.agent = agent;
  if (preset !== 'custom') return { query: { preset, ...presetRange(preset, today), ...extra } };

  const from = clean(params.from) ?? '';
  const to = clean(params.to) ?? '';
  const query: DashboardQuery = { preset, from, to, ...extra };
  if (!isDay(from) || !isDay(to)) return { query, problem: t.dashboard.periodIncomplete };
  if (from > to) return { query, problem: t.dashboard.periodBackwards };
  if (daysIncluded(from, to) > MAX_REPORT_DAYS) return { query, problem: t.dashboard.periodTooLong(MAX_REPORT_DAYS) };
  return { query };
}

/** The address's search part for a query (undefined removes a parameter). */
export function dashboardSearch(query: DashboardQuery): Record<string, string | undefined> {
  const custom = query.preset === 'custom';
  return {
    period: query.preset === '30' ? undefined : query.preset,
    from: custom ? query.from || undefined : undefined,
    to: custom ? query.to || undefined : undefined,
    service: query.service || undefined,
    agent: query.agent || undefined,
  };
}

/** The report request's query string. */
export function reportSearch(query: DashboardQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.service) params.set('service', query.service);
  if (query.agent) params.set('agent', query.agent);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
