/**
 * SIPOC of a service (suppliers, inputs, process, outputs, customers) filled from live data, beside
 * the head's own words from the department canvas. Pure: from the service, the department's canvas
 * and the service's process rows of a period (process-stats.ts), never from orders.
 */
import type { Canvas, Service } from './model.ts';
import { buildProcessMap, type ProcessRow } from './process-map.ts';
import { addCounters, type Counters, SEGMENT_DIMENSIONS, type SegmentDimension } from './stats.ts';

export interface Share {
  /** The segment's value or department code ('' when the requesters' profiles do not say). */
  value: string;
  count: number;
  share: number;
}

export interface SipocView {
  serviceId: string;
  from: string;
  to: string;
  /** Orders filed and resolved in the period (the denominators of the shares). */
  created: number;
  resolved: number;
  /** The head's own words for each column (from the department canvas). */
  words: { suppliers: string; inputs: string; process: string; outputs: string; customers: string };
  suppliers: { segments: Share[]; handoffsFrom: Share[] };
  inputs: Array<{
    id: string;
    label: string;
    required: boolean;
    missing: number;
    returned: number;
    missingShare?: number;
    returnedShare?: number;
  }>;
  process: Array<{
    id: string;
    kind: string;
    name?: string;
    entered: number;
    medianMinutes?: number;
    p90Minutes?: number;
    targetMinutes?: number;
  }>;
  outputs: Array<{
    id: string;
    label: string;
    required: boolean;
    delivered: number;
    late: number;
    withNote: number;
    lateShare?: number;
    noteShare?: number;
  }>;
  customers: { segments: Record<SegmentDimension, Share[]>; handoffsTo: Share[] };
}

const fold = (id: string) => id.replaceAll('|', '_').slice(0, 80);

/** Counts of `${prefix}<value>` as shares of their sum, largest first. */
function shares(c: Counters, prefix: string): Share[] {
  const found = Object.entries(c)
    .filter(([name, count]) => name.startsWith(prefix) && count > 0)
    .map(([name, count]) => ({ value: name.slice(prefix.length), count }));
  const total = found.reduce((n, f) => n + f.count, 0);
  return found
    .map((f) => ({ ...f, share: f.count / total }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

/** Each count as a share of `whole`, named `<count>Share`; none when `whole` is nothing. */
function sharesOf<K extends string>(whole: number, counts: Record<K, number>): Partial<Record<`${K}Share`, number>> {
  const found: Partial<Record<`${K}Share`, number>> = {};
  for (const [name, count] of Object.entries(counts) as Array<[K, number]>) {
    const share = ratio(count, whole);
    if (share !== undefined) found[`${name}Share`] = share;
  }
  return found;
}

export function buildSipoc(
  service: Pick<Service, 'id' | 'stages' | 'approval' | 'inputs' | 'deliverables'>,
  canvas: Canvas,
  rows: readonly ProcessRow[],
  period: { from: string; to: string },
): SipocView {
  const c: Counters = {};
  for (const row of rows) if (row.day >= period.from && row.day <= period.to) addCounters(c, row.counters);
  const n = (name: string) => c[name] ?? 0;
  const created = n('created');
  const map = buildProcessMap(service, rows, {}, period);
  const resolved = map.steps.find((s) => s.id === 'resolved')?.entered ?? 0;
  const segments = Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, shares(c, `seg|${d}|`)])) as Record<
    SegmentDimension,
    Share[]
  >;
  return {
    serviceId: service.id,
    from: period.from,
    to: period.to,
    created,
    resolved,
    words: {
      suppliers: canvas.partners,
      inputs: canvas.howToOrder,
      process: canvas.keyProcesses,
      outputs: canvas.value,
      customers: canvas.customerSegments,
    },
    suppliers: { segments: segments.department, handoffsFrom: shares(c, 'hin|') },
    inputs: service.inputs.map((input) => {
      const counts = { missing: n(`inp|${fold(input.id)}|missing`), returned: n(`inp|${fold(input.id)}|returned`) };
      return { id: input.id, label: input.label, required: input.required, ...counts, ...sharesOf(created, counts) };
    }),
    process: map.steps
      .filter((s) => s.kind === 'approval' || s.kind === 'inputs' || s.kind === 'stage')
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        entered: s.entered,
        ...(s.name ? { name: s.name } : {}),
        ...(s.medianMinutes !== undefined ? { medianMinutes: s.medianMinutes } : {}),
        ...(s.p90Minutes !== undefined ? { p90Minutes: s.p90Minutes } : {}),
        ...(s.targetMinutes !== undefined ? { targetMinutes: s.targetMinutes } : {}),
      })),
    outputs: service.deliverables.map((d) => {
      const delivered = n(`out|${fold(d.id)}|n`);
      const late = n(`out|${fold(d.id)}|late`);
      const withNote = n(`out|${fold(d.id)}|note`);
      return {
        id: d.id,
        label: d.label,
        required: d.required,
        delivered,
        late,
        withNote,
        ...sharesOf(delivered, { late, note: withNote }),
      };
    }),
    customers: { segments, handoffsTo: shares(c, 'hout|') },
  };
}
