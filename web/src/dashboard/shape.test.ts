import { describe, expect, it } from 'vitest';
import type { Report } from '#shared/reports.ts';
import {
  backlogAgeing,
  csatDistribution,
  foldId,
  hasData,
  paretoChart,
  peak,
  percent,
  stageFunnel,
  stageNames,
  weekAxisLabel,
  weeklyQuality,
  weeklyVolume,
  weekWords,
} from './shape.ts';

const weekly: Report['weekly'] = [
  { week: '2026-W01', created: 4, resolved: 2, resolutionCompliance: 0.5, csat: 1 },
  { week: '2026-W02', created: 6, resolved: 7 },
];

describe('percent', () => {
  it('turns shares into percentages with one decimal, and nothing into null', () => {
    expect(percent(0.8765)).toBe(87.7);
    expect(percent(1)).toBe(100);
    expect(percent(undefined)).toBeNull();
  });
});

describe('weeks', () => {
  it('labels ISO weeks short on the axis and in words in the table', () => {
    expect(weekAxisLabel('2026-W01')).toBe('W01');
    expect(weekWords('2026-W48')).toBe('Week 48, 2026');
    expect(weekWords('odd')).toBe('odd');
  });

  it('shapes weekly volume and quality, leaving unmeasured weeks as gaps', () => {
    expect(weeklyVolume({ weekly })).toEqual({
      labels: ['W01', 'W02'],
      series: [
        { label: 'Created', values: [4, 6] },
        { label: 'Resolved', values: [2, 7] },
      ],
    });
    expect(weeklyQuality({ weekly }).series.map((s) => s.values)).toEqual([
      [50, null],
      [100, null],
    ]);
  });
});

describe('csatDistribution', () => {
  it('has one bar per score', () => {
    const data = csatDistribution({
      csat: { invited: 9, sampledOut: 0, responses: 6, distribution: [1, 0, 1, 2, 2] },
    });
    expect(data.labels).toEqual(['1', '2', '3', '4', '5']);
    expect(data.series[0]?.values).toEqual([1, 0, 1, 2, 2]);
  });
});

describe('paretoChart', () => {
  it('draws counts as bars and the cumulative share as a percentage line', () => {
    const data = paretoChart(
      [
        { key: 'duplicate', count: 3, share: 0.6, cumulative: 0.6 },
        { key: 'policy', count: 2, share: 0.4, cumulative: 1 },
      ],
      (key) => key.toUpperCase(),
    );
    expect(data.labels).toEqual(['DUPLICATE', 'POLICY']);
    expect(data.series.map((s) => s.values)).toEqual([
      [3, 2],
      [60, 100],
    ]);
  });
});

describe('stages', () => {
  it('names folded stage ids and keeps the report’s order', () => {
    const names = stageNames([
      {
        stages: [
          { id: 'triage', name: 'Triage' },
          { id: 'in-progress', name: 'In progress' },
        ],
      },
      { stages: [{ id: 'triage', name: 'Sorting' }] },
    ]);
    expect(foldId('in-progress')).toBe('in_progress');
    expect(names.get('in_progress')).toBe('In progress');
    expect(names.get('triage')).toBe('Triage / Sorting');
    const data = stageFunnel(
      [
        { stage: 'in_progress', minutes: 900, holds: 3, averageMinutes: 300 },
        { stage: 'triage', minutes: 60, holds: 3, averageMinutes: 20 },
      ],
      (key) => names.get(key) ?? key,
    );
    expect(data).toEqual({
      labels: ['In progress', 'Triage / Sorting'],
      series: [{ label: 'Average working time (minutes)', values: [300, 20] }],
    });

    // With the calendar's day, in working days like the table beside the chart (8 h: 300 min = 0.6 days).
    const days = stageFunnel([{ stage: 'in_progress', minutes: 900, holds: 3, averageMinutes: 300 }], (k) => k, 8);
    expect(days.series).toEqual([{ label: 'Average working time (working days)', values: [0.6] }]);
  });
});

describe('backlogAgeing, peak and hasData', () => {
  it('shapes the ageing buckets and finds the largest', () => {
    const data = backlogAgeing({
      ageing: [
        { bucket: '< 1 day', count: 2 },
        { bucket: '1–3 days', count: 5 },
        { bucket: '> 14 days', count: 1 },
      ],
    });
    expect(data.labels).toEqual(['< 1 day', '1–3 days', '> 14 days']);
    expect(peak(data)).toEqual({ label: '1–3 days', value: 5 });
    expect(hasData(data)).toBe(true);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasData({ labels: [], series: [] })).toBe(false);
    expect(hasData({ labels: ['a'], series: [{ label: 'x', values: [0] }] })).toBe(false);
    expect(peak({ labels: ['a'], series: [{ label: 'x', values: [null] }] })).toBeUndefined();
  });
});
