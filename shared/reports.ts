/**
 * Report maths for department heads (SPEC §8), from the aggregates in stats.ts. Pure: the caller
 * supplies the rows of the period; nothing here reads orders.
 */
import type { ReportTable, ReportView } from './api.ts';
import { addCounters, type Counters, histogramQuantile } from './stats.ts';

export interface StatsRow {
  /** Local date of the department, YYYY-MM-DD. */
  day: string;
  kind: 'service' | 'agent';
  /** Service id or agent id. */
  key: string;
  counters: Counters;
}

export interface ReportFilter {
  from: string;
  to: string;
  service?: string;
  agent?: string;
}

export interface ParetoEntry {
  key: string;
  count: number;
  share: number;
  cumulative: number;
}

export interface ServiceLine {
  serviceId: string;
  created: number;
  resolved: number;
  firstResponseCompliance?: number;
  resolutionCompliance?: number;
  csat?: number;
  medianMinutes?: number;
  clarifications: number;
  reworks: number;
  /** Which standards the period's orders were measured against, e.g. ["v3", "v4 from 2026-12-01"]. */
  standardVersions: string[];
  /** Where to act first: volume × shortfall (see ATTENTION_FORMULA). */
  attention: number;
}

export interface Report {
  filter: ReportFilter;
  volume: { created: number; resolved: number; rejected: number; cancelled: number; reopened: number };
  sla: {
    firstResponse: { met: number; breached: number; compliance?: number };
    resolution: { met: number; breached: number; compliance?: number };
  };
  timeToResolve: {
    medianBusinessMinutes?: number;
    p90BusinessMinutes?: number;
    /** What the team controlled: business time without the paused time, on average. */
    averageBusinessMinutes?: number;
    /** What the requester felt: calendar time, on average. */
    averageCalendarMinutes?: number;
    averagePausedMinutes?: number;
  };
  csat: {
    invited: number;
    sampledOut: number;
    responses: number;
    /** Share of responses rating 4 or 5. */
    csat?: number;
    responseRate?: number;
    nonResponseRate?: number;
    distribution: [number, number, number, number, number];
  };
  pareto: { rejections: ParetoEntry[]; breaches: ParetoEntry[]; lowScores: ParetoEntry[] };
  stages: Array<{ stage: string; minutes: number; holds: number; averageMinutes: number }>;
  weekly: Array<{ week: string; created: number; resolved: number; resolutionCompliance?: number; csat?: number }>;
  services: ServiceLine[];
  agents: Array<{
    agentId: string;
    resolved: number;
    firstResponseCompliance?: number;
    resolutionCompliance?: number;
    csat?: number;
  }>;
  clarifications: number;
  reworks: number;
}

export const ATTENTION_FORMULA =
  'attention = (orders created ÷ most orders of any service) × (1 − (resolution compliance + CSAT) ÷ 2); the higher, the sooner to act';

export const share = (part: number, whole: number): number | undefined => (whole > 0 ? part / whole : undefined);
const round1 = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.round(n * 10) / 10);

/** Counter names fold "v3 from 2026-12-01" to v3_from_2026_12_01; this unfolds it for people. */
function standardName(folded: string): string {
  const m = folded.match(/^v(\d+)_from_(\d{4})_(\d{2})_(\d{2})$/);
  return m ? `v${m[1]} from ${m[2]}-${m[3]}-${m[4]}` : folded;
}

export function sumRows(rows: ReadonlyArray<{ counters: Counters }>): Counters {
  const total: Counters = {};
  for (const row of rows) addCounters(total, row.counters);
  return total;
}

function pareto(counters: Counters, prefix: string): ParetoEntry[] {
  const entries = Object.entries(counters)
    .filter(([k, v]) => k.startsWith(prefix) && v > 0)
    .map(([k, count]) => ({ key: k.slice(prefix.length), count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const total = entries.reduce((n, e) => n + e.count, 0);
  let running = 0;
  return entries.map((e) => {
    running += e.count;
    return { ...e, share: e.count / total, cumulative: running / total };
  });
}

/** Share of responses rating 4 or 5. */
export function csatOf(c: Counters): number | undefined {
  return share((c.score4 ?? 0) + (c.score5 ?? 0), c.responses ?? 0);
}

/** ISO week of a date, "2026-W48". */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function buildReport(rows: StatsRow[], filter: ReportFilter): Report {
  const inPeriod = rows.filter((r) => r.day >= filter.from && r.day <= filter.to);
  // Agent rows answer "how did this agent do"; service rows answer everything else.
  const serviceRows = inPeriod.filter((r) => r.kind === 'service' && (!filter.service || r.key === filter.service));
  const agentRows = inPeriod.filter((r) => r.kind === 'agent' && (!filter.agent || r.key === filter.agent));
  const base = filter.agent ? agentRows : serviceRows;
  const c = sumRows(base);
  const n = (k: string) => c[k] ?? 0;

  const resolvedCount = n('resolved');
  const services = new Map<string, StatsRow[]>();
  for (const row of serviceRows) services.set(row.key, [...(services.get(row.key) ?? []), row]);
  const maxCreated = Math.max(1, ...[...services.values()].map((rs) => sumRows(rs).created ?? 0));
  const serviceLines: ServiceLine[] = [...services.entries()].map(([serviceId, rs]) => {
    const s = sumRows(rs);
    const resCompliance = share(s.resMet ?? 0, (s.resMet ?? 0) + (s.resBreached ?? 0));
    const csat = csatOf(s);
    const quality = ((resCompliance ?? 1) + (csat ?? 1)) / 2;
    const line: ServiceLine = {
      serviceId,
      created: s.created ?? 0,
      resolved: s.resolved ?? 0,
      clarifications: s.clarifications ?? 0,
      reworks: s.reworks ?? 0,
      standardVersions: Object.keys(s)
        .filter((k) => k.startsWith('std_') && (s[k] ?? 0) > 0)
        .map((k) => standardName(k.slice(4)))
        .sort(),
      attention: Math.round(((s.created ?? 0) / maxCreated) * (1 - quality) * 1000) / 1000,
    };
    const fr = share(s.frMet ?? 0, (s.frMet ?? 0) + (s.frBreached ?? 0));
    if (fr !== undefined) line.firstResponseCompliance = fr;
    if (resCompliance !== undefined) line.resolutionCompliance = resCompliance;
    if (csat !== undefined) line.csat = csat;
    const median = histogramQuantile(s, 0.5);
    if (median !== undefined) line.medianMinutes = round1(median)!;
    return line;
  });
  serviceLines.sort((a, b) => b.attention - a.attention || b.created - a.created);

  const agents = new Map<string, StatsRow[]>();
  for (const row of agentRows) agents.set(row.key, [...(agents.get(row.key) ?? []), row]);

  const weeks = new Map<string, StatsRow[]>();
  for (const row of base) weeks.set(isoWeek(row.day), [...(weeks.get(isoWeek(row.day)) ?? []), row]);

  const stageTotals = new Map<string, { minutes: number; holds: number }>();
  for (const [k, v] of Object.entries(c)) {
    const m = k.match(/^stage_(.+)_(min|n)$/);
    if (!m) continue;
    const entry = stageTotals.get(m[1]!) ?? { minutes: 0, holds: 0 };
    if (m[2] === 'min') entry.minutes += v;
    else entry.holds += v;
    stageTotals.set(m[1]!, entry);
  }

  const invited = n('invited');
  return {
    filter,
    volume: {
      created: n('created'),
      resolved: resolvedCount,
      rejected: n('rejected'),
      cancelled: n('cancelled'),
      reopened: n('reopened'),
    },
    sla: {
      firstResponse: {
        met: n('frMet'),
        breached: n('frBreached'),
        ...optional('compliance', share(n('frMet'), n('frMet') + n('frBreached'))),
      },
      resolution: {
        met: n('resMet'),
        breached: n('resBreached'),
        ...optional('compliance', share(n('resMet'), n('resMet') + n('resBreached'))),
      },
    },
    timeToResolve: {
      ...optional('medianBusinessMinutes', round1(histogramQuantile(c, 0.5))),
      ...optional('p90BusinessMinutes', round1(histogramQuantile(c, 0.9))),
      ...optional('averageBusinessMinutes', round1(share(n('resolveBiz'), resolvedCount))),
      ...optional('averageCalendarMinutes', round1(share(n('resolveCal'), resolvedCount))),
      ...optional('averagePausedMinutes', round1(share(n('resolvePaused'), resolvedCount))),
    },
    csat: {
      invited,
      sampledOut: n('sampledOut'),
      responses: n('responses'),
      ...optional('csat', csatOf(c)),
      ...optional('responseRate', share(n('responses'), invited)),
      ...optional('nonResponseRate', invited > 0 ? 1 - n('responses') / invited : undefined),
      distribution: [n('score1'), n('score2'), n('score3'), n('score4'), n('score5')],
    },
    pareto: { rejections: pareto(c, 'rej_'), breaches: pareto(c, 'breach_'), lowScores: pareto(c, 'low_') },
    stages: [...stageTotals.entries()]
      .map(([stage, t]) => ({
        stage,
        minutes: t.minutes,
        holds: t.holds,
        averageMinutes: round1(t.minutes / Math.max(1, t.holds))!,
      }))
      .sort((a, b) => b.averageMinutes - a.averageMinutes),
    weekly: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, rs]) => {
        const w = sumRows(rs);
        return {
          week,
          created: w.created ?? 0,
          resolved: w.resolved ?? 0,
          ...optional('resolutionCompliance', share(w.resMet ?? 0, (w.resMet ?? 0) + (w.resBreached ?? 0))),
          ...optional('csat', csatOf(w)),
        };
      }),
    services: serviceLines,
    agents: [...agents.entries()].map(([agentId, rs]) => {
      const a = sumRows(rs);
      return {
        agentId,
        resolved: a.resolved ?? 0,
        ...optional('firstResponseCompliance', share(a.frMet ?? 0, (a.frMet ?? 0) + (a.frBreached ?? 0))),
        ...optional('resolutionCompliance', share(a.resMet ?? 0, (a.resMet ?? 0) + (a.resBreached ?? 0))),
        ...optional('csat', csatOf(a)),
      };
    }),
    clarifications: n('clarifications'),
    reworks: n('reworks'),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * What starts a formula in some spreadsheet: `=`, `+`, `-`, `@`, their full-width forms (which
 * spreadsheets with East Asian input read as the same), and a leading tab, CR or LF, which a
 * spreadsheet may skip to read what follows.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** CSV with quoting, and a leading quote on cells a spreadsheet would run as a formula. */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((col) => cell(r[col])).join(','))].join('\r\n');
}

/** One table of a report as CSV (the dashboard's download): a column per key, in the order written. */
export function reportCsv(report: ReportView, table: ReportTable): string {
  const pct = (n: number | undefined) => (n === undefined ? '' : (n * 100).toFixed(1));
  // The compliance and satisfaction columns, named and formatted alike in every table that has them.
  const outcomes = (r: { resolutionCompliance?: number | undefined; csat?: number | undefined }) => ({
    resolution_compliance_pct: pct(r.resolutionCompliance),
    csat_pct: pct(r.csat),
  });
  const responses = (r: Parameters<typeof outcomes>[0] & { firstResponseCompliance?: number | undefined }) => ({
    first_response_compliance_pct: pct(r.firstResponseCompliance),
    ...outcomes(r),
  });
  const pareto = (p: ReportView['pareto'][keyof ReportView['pareto']][number]) => ({
    cause: p.key,
    count: p.count,
    share_pct: pct(p.share),
    cumulative_pct: pct(p.cumulative),
  });
  // Each table's rows, a column per key in the order written.
  const tables: Record<ReportTable, () => Array<Record<string, unknown>>> = {
    services: () =>
      report.services.map((s) => ({
        service: report.serviceNames[s.serviceId] ?? s.serviceId,
        created: s.created,
        resolved: s.resolved,
        ...responses(s),
        median_business_minutes: s.medianMinutes ?? '',
        clarifications: s.clarifications,
        reworks: s.reworks,
        standard_versions: s.standardVersions.join(' '),
        attention: s.attention,
      })),
    agents: () => report.agents.map((a) => ({ agent: a.agentId, resolved: a.resolved, ...responses(a) })),
    weekly: () =>
      report.weekly.map((w) => ({ week: w.week, created: w.created, resolved: w.resolved, ...outcomes(w) })),
    stages: () =>
      report.stages.map((s) => ({
        stage: s.stage,
        business_minutes: s.minutes,
        holds: s.holds,
        average_minutes: s.averageMinutes,
      })),
    rejections: () => report.pareto.rejections.map(pareto),
    breaches: () => report.pareto.breaches.map(pareto),
    lowScores: () => report.pareto.lowScores.map(pareto),
  };
  return toCsv(tables[table]());
}
