/**
 * The report's numbers shaped for charts and their tables. Pure and free of chart.js, so the same
 * shaping feeds the canvas and the accessible table under it, and is tested without a browser.
 */
import type { ParetoEntry, Report } from '#shared/reports.ts';
import type { Backlog } from '../lib/api.ts';
import { t } from '../lib/strings.ts';

export interface Series {
  label: string;
  /** One value per label; null where there is nothing to measure (no gap is drawn as zero). */
  values: Array<number | null>;
}

export interface ChartData {
  labels: string[];
  series: Series[];
}

/** A share 0..1 as a percentage with one decimal, or null when there is none. */
export function percent(share: number | undefined): number | null {
  return share === undefined || Number.isNaN(share) ? null : Math.round(share * 1000) / 10;
}

/** "2026-W48" → "W48" on an axis. */
export function weekAxisLabel(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? t.dashboard.weekShort(match[2]!) : week;
}

/** "2026-W48" → "Week 48, 2026" in a table. */
export function weekWords(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? t.dashboard.week(Number(match[2]), match[1]!) : week;
}

export function weeklyVolume(report: Pick<Report, 'weekly'>): ChartData {
  return {
    labels: report.weekly.map((w) => weekAxisLabel(w.week)),
    series: [
      { label: t.dashboard.created, values: report.weekly.map((w) => w.created) },
      { label: t.dashboard.resolved, values: report.weekly.map((w) => w.resolved) },
    ],
  };
}

export function weeklyQuality(report: Pick<Report, 'weekly'>): ChartData {
  return {
    labels: report.weekly.map((w) => weekAxisLabel(w.week)),
    series: [
      { label: t.dashboard.resolutionCompliance, values: report.weekly.map((w) => percent(w.resolutionCompliance)) },
      { label: t.dashboard.csat, values: report.weekly.map((w) => percent(w.csat)) },
    ],
  };
}

export function csatDistribution(report: Pick<Report, 'csat'>): ChartData {
  return {
    labels: ['1', '2', '3', '4', '5'],
    series: [{ label: t.dashboard.responses, values: [...report.csat.distribution] }],
  };
}

/** Pareto bars (counts, largest first) with the cumulative share as a percentage line. */
export function paretoChart(entries: readonly ParetoEntry[], labelOf: (key: string) => string): ChartData {
  return {
    labels: entries.map((e) => labelOf(e.key)),
    series: [
      { label: t.dashboard.count, values: entries.map((e) => e.count) },
      { label: t.dashboard.cumulative, values: entries.map((e) => percent(e.cumulative)) },
    ],
  };
}

/**
 * Average working time per stage, where orders wait longest first (as the report sorts them): in
 * working days of `hoursPerDay` hours (one decimal), like the table beside it; in minutes without.
 */
export function stageFunnel(
  stages: Report['stages'],
  labelOf: (key: string) => string,
  hoursPerDay?: number,
): ChartData {
  const value = (minutes: number) => (hoursPerDay ? Math.round((minutes / (hoursPerDay * 60)) * 10) / 10 : minutes);
  return {
    labels: stages.map((s) => labelOf(s.stage)),
    series: [
      {
        label: hoursPerDay ? t.dashboard.averageWorkingDays : t.dashboard.averageWorking,
        values: stages.map((s) => value(s.averageMinutes)),
      },
    ],
  };
}

export function backlogAgeing(backlog: Pick<Backlog, 'ageing'>): ChartData {
  return {
    labels: backlog.ageing.map((a) => a.bucket),
    series: [{ label: t.dashboard.orders, values: backlog.ageing.map((a) => a.count) }],
  };
}

/** Counter names fold ids to [A-Za-z0-9_] (see shared/stats.ts); the portal folds the same way. */
export function foldId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60);
}

/** Stage names by folded id, across services (the same id with different names reads "A / B"). */
export function stageNames(services: ReadonlyArray<{ stages: ReadonlyArray<{ id: string; name: string }> }>) {
  const names = new Map<string, string[]>();
  for (const service of services) {
    for (const stage of service.stages) {
      const key = foldId(stage.id);
      const list = names.get(key) ?? [];
      if (!list.includes(stage.name)) list.push(stage.name);
      names.set(key, list);
    }
  }
  return new Map([...names].map(([key, list]) => [key, list.join(' / ')]));
}

/** The largest value of a chart, for an aria-label summary. */
export function peak(data: ChartData, series = 0): { label: string; value: number } | undefined {
  let best: { label: string; value: number } | undefined;
  const values = data.series[series]?.values ?? [];
  values.forEach((value, i) => {
    if (value !== null && (!best || value > best.value)) best = { label: data.labels[i] ?? '', value };
  });
  return best;
}

/** Whether a chart has anything to draw. */
export function hasData(data: ChartData): boolean {
  return data.labels.length > 0 && data.series.some((s) => s.values.some((v) => v !== null && v !== 0));
}
