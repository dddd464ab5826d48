import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHandoffMap, handoffCsvRows } from '#shared/handoff-map.ts';
import { bucketBounds, bucketCounts, histogramQuantileOf, LOG_BUCKETS, logBucket } from '#shared/histogram.ts';
import type { BusinessCalendar, ChecklistState } from '#shared/model.ts';
import { buildProcessMap, type ProcessRow } from '#shared/process-map.ts';
import { type ProcessOrder, processDeltas, riskOf, stepOf, stepSinceAfter } from '#shared/process-stats.ts';
import { buildSipoc } from '#shared/sipoc.ts';
import { addCounters, type Counters, mergeDeltas } from '#shared/stats.ts';

const ALWAYS: BusinessCalendar = { timeZone: 'UTC', hours: {}, holidays: [], always: true };

describe('logarithmic histogram', () => {
  it('puts every duration in the bucket whose bounds hold it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200_000, noNaN: true }), (minutes) => {
        const i = logBucket(minutes);
        const [lower, upper] = bucketBounds(i);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(LOG_BUCKETS);
        expect(minutes).toBeLessThanOrEqual(upper);
        if (i > 0) expect(minutes).toBeGreaterThan(lower);
      }),
    );
  });

  it('gives a quantile within the bucket of the exact quantile (nearest rank)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (minutes, q) => {
          const counts = Array.from({ length: LOG_BUCKETS }, () => 0);
          for (const m of minutes) counts[logBucket(m)]!++;
          const sorted = [...minutes].sort((a, b) => a - b);
          const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
          const estimate = histogramQuantileOf(counts, q)!;
          const [lower, upper] = bucketBounds(logBucket(exact));
          expect(estimate).toBeGreaterThanOrEqual(lower);
          expect(estimate).toBeLessThanOrEqual(upper);
          // Within the bucket's width: never more than √2 × the exact figure above 1 minute.
          if (exact > 1) expect(estimate / exact).toBeLessThanOrEqual(Math.SQRT2 + 1e-9);
        },
      ),
    );
  });

  it('merges by adding bucket by bucket (two periods equal their union)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 50 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 50 }),
        (a, b) => {
          const counters = (xs: number[]) => {
            const c: Counters = {};
            for (const x of xs) c[`t${logBucket(x)}`] = (c[`t${logBucket(x)}`] ?? 0) + 1;
            return c;
          };
          const merged = addCounters(counters(a), counters(b));
          expect(bucketCounts(merged, 't')).toEqual(bucketCounts(counters([...a, ...b]), 't'));
        },
      ),
    );
  });

  it('has no quantile when empty', () => {
    expect(histogramQuantileOf([], 0.5)).toBeUndefined();
  });
});

const input = (id: string, done: boolean, extra: Partial<ChecklistState> = {}): ChecklistState => ({
  id,
  label: `Label ${id}`,
  required: true,
  done,
  ...extra,
});

function order(patch: Partial<ProcessOrder> = {}): ProcessOrder {
  return {
    department: 'HR',
    serviceId: 'onboard',
    status: 'open',
    stage: 'paperwork',
    createdAt: '2026-11-02T09:00:00Z',
    updatedAt: '2026-11-02T09:00:00Z',
    stepSince: '2026-11-02T09:00:00Z',
    ...patch,
  };
}

const processRow = (deltas: ReturnType<typeof processDeltas>) =>
  mergeDeltas(deltas).find((d) => d.kind === 'process')?.counters ?? {};
const gaugeRow = (deltas: ReturnType<typeof processDeltas>) =>
  mergeDeltas(deltas).find((d) => d.kind === 'serviceLoad')?.counters ?? {};

describe('process aggregates of one change', () => {
  it('names steps: statuses before and after the work, the stage while worked', () => {
    expect(stepOf({ status: 'awaiting_inputs', stage: 'a' })).toBe('awaiting_inputs');
    expect(stepOf({ status: 'waiting_for_customer', stage: 'a' })).toBe('stage:a');
    expect(stepOf({ status: 'in_progress', stage: 'a|b' })).toBe('stage:a_b');
    expect(stepOf({ status: 'resolved', stage: 'a' })).toBe('resolved');
  });

  it('counts a filing: entry, the first move, missing inputs, segments, and the gauge', () => {
    const filed = order({
      status: 'awaiting_inputs',
      inputs: [input('contract', false), input('id', true)],
      requesterProfile: { department: 'Finance', location: 'Kraków' },
    });
    const deltas = processDeltas(undefined, filed, 'submitted', '2026-11-02', ALWAYS);
    expect(processRow(deltas)).toEqual({
      created: 1,
      'in|filed': 1,
      'fl|filed|awaiting_inputs': 1,
      'in|awaiting_inputs': 1,
      'inp|contract|missing': 1,
      'seg|department|Finance': 1,
      'seg|location|Kraków': 1,
    });
    expect(gaugeRow(deltas)).toEqual({ 'g|awaiting_inputs|n': 1 });
  });

  it('times the step left in business minutes and moves the gauge', () => {
    const before = order({ status: 'open', stepSince: '2026-11-02T09:00:00Z' });
    const after = order({ status: 'in_progress', stage: 'checks', updatedAt: '2026-11-02T11:00:00Z' });
    const deltas = processDeltas(before, after, 'stage_changed', '2026-11-02', ALWAYS);
    expect(processRow(deltas)).toEqual({
      'fl|stage:paperwork|stage:checks': 1,
      'in|stage:checks': 1,
      [`t|stage:paperwork|${logBucket(120)}`]: 1,
      't|stage:paperwork|sum': 120,
    });
    expect(gaugeRow(deltas)).toEqual({ 'g|stage:paperwork|n': -1, 'g|stage:checks|n': 1 });
    expect(stepSinceAfter(before, after)).toBe('2026-11-02T11:00:00Z');
    expect(stepSinceAfter(before, { ...before, status: 'in_progress', updatedAt: 'later' })).toBe(before.stepSince);
  });

  it('counts deviations by kind and a rework of a hand-off once, with what was missing', () => {
    const handoffFrom = { department: 'IT', serviceId: 'laptop', number: 'IT-1' };
    const before = order({ status: 'in_progress', inputs: [input('contract', true)], handoffFrom, reworks: 0 });
    const after = order({
      status: 'awaiting_inputs',
      inputs: [input('contract', false)],
      handoffFrom,
      reworks: 1,
      updatedAt: '2026-11-02T10:00:00Z',
    });
    const deltas = mergeDeltas(processDeltas(before, after, 'return_inputs', '2026-11-02', ALWAYS));
    const row = deltas.find((d) => d.kind === 'process')!.counters;
    expect(row['dv|stage:paperwork|rework']).toBe(1);
    expect(row['inp|contract|returned']).toBe(1);
    const handoff = deltas.find((d) => d.kind === 'handoff')!;
    expect(handoff.key).toBe('IT#HR');
    expect(handoff.counters).toEqual({ rw: 1, 'miss|onboard|contract': 1 });
    expect(handoff.labels).toEqual({ 'lbl|onboard|contract': 'Label contract' });
    const again = processDeltas(
      { ...before, reworks: 1 },
      { ...after, reworks: 2 },
      'return_inputs',
      '2026-11-02',
      ALWAYS,
    );
    expect(mergeDeltas(again).find((d) => d.kind === 'handoff')!.counters.rw).toBeUndefined();
  });

  it('counts the boundary time of a hand-off when the receiving team first claims it', () => {
    const handoffFrom = { department: 'IT', serviceId: 'laptop', number: 'IT-1' };
    const before = order({ status: 'open', handoffFrom });
    const after = order({ status: 'in_progress', assigneeId: 'hana', handoffFrom, updatedAt: '2026-11-02T09:30:00Z' });
    const handoff = mergeDeltas(processDeltas(before, after, 'claim', '2026-11-02', ALWAYS)).find(
      (d) => d.kind === 'handoff',
    )!;
    expect(handoff.counters).toEqual({ claimed: 1, [`b${logBucket(30)}`]: 1, bsum: 30 });
  });

  it('counts rejections by reason, late and noted deliverables at resolve, and a breach once', () => {
    const clocks = (breached: boolean) => ({
      firstResponse: { stoppedAt: 'x' },
      resolution: { dueAt: '2026-11-02T10:00:00Z', breached, warned: true },
    });
    const before = order({ status: 'in_progress', clocks: clocks(false) });
    const breach = processDeltas(before, { ...before, clocks: clocks(true) }, 'timer', '2026-11-02', ALWAYS);
    expect(processRow(breach)).toEqual({ 'br|stage:paperwork': 1 });
    expect(gaugeRow(breach)).toEqual({ 'g|stage:paperwork|risk': -1, 'g|stage:paperwork|over': 1 });
    expect(riskOf({ clocks: clocks(false) })).toBe('risk');

    const resolved = processDeltas(
      before,
      order({
        status: 'resolved',
        updatedAt: '2026-11-02T12:00:00Z',
        deliverables: [
          input('letter', true, { at: '2026-11-02T11:00:00Z', note: 'Signed copy' }),
          input('badge', true, { at: '2026-11-02T09:30:00Z' }),
        ],
      }),
      'resolve',
      '2026-11-02',
      ALWAYS,
    );
    const row = processRow(resolved);
    expect([row['out|letter|n'], row['out|letter|late'], row['out|letter|note']]).toEqual([1, 1, 1]);
    expect([row['out|badge|n'], row['out|badge|late'], row['out|badge|note']]).toEqual([1, undefined, undefined]);

    const rejected = processDeltas(
      before,
      order({ status: 'rejected', closure: { reason: 'duplicate' } }),
      'reject',
      '2026-11-02',
      ALWAYS,
    );
    expect(processRow(rejected)['dv|stage:paperwork|rejected|duplicate']).toBe(1);
  });
});

const SERVICE = {
  id: 'onboard',
  approval: { kind: 'none' as const },
  inputs: [{ id: 'contract', label: 'Signed contract', kind: 'attachment' as const, required: true }],
  deliverables: [{ id: 'letter', label: 'Welcome letter', required: true }],
  stages: [
    { id: 'paperwork', name: 'Paperwork', targetMinutes: 60 },
    { id: 'checks', name: 'Checks' },
  ],
};

describe('process map, SIPOC and hand-off map from rows', () => {
  const rows: ProcessRow[] = [
    {
      day: '2026-11-02',
      counters: {
        created: 4,
        'fl|filed|awaiting_inputs': 1,
        'fl|filed|stage:paperwork': 3,
        'in|awaiting_inputs': 1,
        'in|stage:paperwork': 4,
        'fl|awaiting_inputs|stage:paperwork': 1,
        [`t|stage:paperwork|${logBucket(30)}`]: 2,
        [`t|stage:paperwork|${logBucket(200)}`]: 1,
        't|stage:paperwork|sum': 260,
        'br|stage:paperwork': 1,
        'dv|stage:paperwork|clarification': 2,
        'dv|stage:paperwork|rejected|duplicate': 1,
        'fl|stage:paperwork|rejected': 1,
        'inp|contract|missing': 1,
        'seg|department|Finance': 3,
        'seg|department|': 1,
        'hin|IT': 2,
        'hout|FAC': 1,
      },
    },
    { day: '2026-10-01', counters: { created: 100 } },
  ];
  const gauges = { open: 2, 'g|stage:paperwork|n': 2, 'g|stage:paperwork|over': 1, 'g|awaiting_inputs|n': -1 };

  it('builds the steps in the flow’s order with now, times, breaches and deviations', () => {
    const map = buildProcessMap(SERVICE, rows, gauges, { from: '2026-11-01', to: '2026-11-30' });
    expect(map.steps.map((s) => s.id)).toEqual([
      'filed',
      'awaiting_inputs',
      'stage:paperwork',
      'stage:checks',
      'resolved',
      'closed',
      'rejected',
    ]);
    const paperwork = map.steps[2]!;
    expect(paperwork).toMatchObject({
      name: 'Paperwork',
      targetMinutes: 60,
      now: { orders: 2, atRisk: 0, overdue: 1 },
      entered: 4,
      timed: 3,
      breached: 1,
      breachShare: 0.25,
      averageMinutes: 86.7,
      deviations: [
        { kind: 'clarification', count: 2 },
        { kind: 'rejected', reason: 'duplicate', count: 1 },
      ],
      listable: true,
    });
    // Median: the 1.5th of 3 visits sits in the bucket of 30 minutes.
    const [lower, upper] = bucketBounds(logBucket(30));
    expect(paperwork.medianMinutes!).toBeGreaterThanOrEqual(lower);
    expect(paperwork.medianMinutes!).toBeLessThanOrEqual(upper);
    expect(map.steps[1]!.now).toEqual({ orders: 0, atRisk: 0, overdue: 0 });
    expect(map.created).toBe(4);
    expect(map.flows.find((f) => f.to === 'rejected')?.kind).toBe('reject');
    expect(map.flows.find((f) => f.from === 'filed' && f.to === 'stage:paperwork')?.kind).toBe('forward');
    expect(map.maxVolume).toBe(3);
  });

  it('fills the SIPOC from the same rows beside the canvas', () => {
    const canvas = {
      value: 'Ready on day one',
      customerSegments: 'Managers',
      howToOrder: 'Portal',
      channels: '',
      keyProcesses: 'Paperwork, checks',
      qualityChecks: '',
      standardsAndMetrics: '',
      resources: '',
      partners: 'IT',
    };
    const sipoc = buildSipoc(SERVICE, canvas, rows, { from: '2026-11-01', to: '2026-11-30' });
    expect(sipoc.words).toEqual({
      suppliers: 'IT',
      inputs: 'Portal',
      process: 'Paperwork, checks',
      outputs: 'Ready on day one',
      customers: 'Managers',
    });
    expect(sipoc.inputs[0]).toMatchObject({ id: 'contract', missing: 1, missingShare: 0.25, returned: 0 });
    expect(sipoc.suppliers.segments).toEqual([
      { value: 'Finance', count: 3, share: 0.75 },
      { value: '', count: 1, share: 0.25 },
    ]);
    expect(sipoc.suppliers.handoffsFrom).toEqual([{ value: 'IT', count: 2, share: 1 }]);
    expect(sipoc.customers.handoffsTo).toEqual([{ value: 'FAC', count: 1, share: 1 }]);
    expect(sipoc.process.map((p) => p.id)).toEqual(['awaiting_inputs', 'stage:paperwork', 'stage:checks']);
  });

  it('builds the hand-off map per department pair with the CSV', () => {
    const map = buildHandoffMap(
      [
        {
          day: '2026-11-02',
          from: 'IT',
          to: 'HR',
          counters: { n: 4, rw: 1, 'miss|onboard|contract': 2, claimed: 2, [`b${logBucket(60)}`]: 2 },
          labels: { 'lbl|onboard|contract': 'Signed contract' },
        },
        { day: '2026-11-03', from: 'IT', to: 'HR', counters: { n: 1 }, labels: {} },
        { day: '2026-11-03', from: 'HR', to: 'FAC', counters: { n: 2 }, labels: {} },
      ],
      { from: '2026-11-01', to: '2026-11-30' },
    );
    expect(map.pairs[0]).toMatchObject({
      from: 'IT',
      to: 'HR',
      handoffs: 5,
      reworked: 1,
      reworkShare: 0.2,
      claimed: 2,
      topMissing: [{ serviceId: 'onboard', inputId: 'contract', label: 'Signed contract', count: 2 }],
    });
    expect(map.departments).toEqual([
      { code: 'FAC', sent: 0, received: 2 },
      { code: 'HR', sent: 2, received: 5 },
      { code: 'IT', sent: 5, received: 0 },
    ]);
    expect(handoffCsvRows(map)[0]).toMatchObject({ from_department: 'IT', rework_share_pct: 20 });
  });
});
