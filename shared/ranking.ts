/**
 * The service ranking a head tunes (which service to improve first): a score per service from
 * weighted indicators of the report counters (stats.ts), with the penalties apart. Pure: the caller
 * passes each service's counters of the period and of the period before it (for demand growth).
 *
 *   quality  = 100 × (w_onTime × onTime + w_satisfaction × satisfaction + w_demandGrowth × growth) ÷ W
 *   penalty  = 100 × (w_rework × rework rate + w_clarifications × clarification rate) ÷ W
 *   score    = quality − penalty,   W = w_onTime + w_satisfaction + w_demandGrowth (1 when all three are 0)
 *
 * Every indicator is a share from 0 to 1: on time = resolutions within the standard ÷ resolutions
 * measured; satisfaction = ratings of 4 or 5 ÷ ratings; growth = (1 + change) ÷ 2 with change =
 * (orders now − orders before) ÷ the larger of the two (so 0.5 is flat, 1 doubled or new, 0 gone);
 * rework and clarification rates = returns (requests) ÷ orders filed, at most 1. A service without
 * resolutions (ratings) in the period counts the department's figure, or 1 when it has none either,
 * marked as assumed. The lowest score is first: improve it first.
 */
import { MAX_WEIGHT } from './model.ts';
import { csatOf, share } from './reports.ts';
import type { Counters } from './stats.ts';

export const RANKING_INDICATORS = ['onTime', 'satisfaction', 'demandGrowth'] as const;
export type RankingIndicator = (typeof RANKING_INDICATORS)[number];
export const RANKING_PENALTIES = ['rework', 'clarifications'] as const;
export type RankingPenalty = (typeof RANKING_PENALTIES)[number];
export type RankingFactor = RankingIndicator | RankingPenalty;
export const RANKING_FACTORS: readonly RankingFactor[] = [...RANKING_INDICATORS, ...RANKING_PENALTIES];

/** A whole number from 0 (left out) to MAX_WEIGHT per factor. */
export type RankingWeights = Record<RankingFactor, number>;
export { MAX_WEIGHT };

/** The weights of a department that has not tuned its own. */
export const DEFAULT_WEIGHTS: RankingWeights = {
  onTime: 3,
  satisfaction: 3,
  demandGrowth: 1,
  rework: 2,
  clarifications: 1,
};

export interface RankingInput {
  serviceId: string;
  name: string;
  /** The service's summed counters of the period. */
  current: Counters;
  /** The same of the period of equal length just before it. */
  previous: Counters;
}

export interface IndicatorFigure {
  /** 0 … 1. */
  value: number;
  /** No figure of its own: the department's (or 1) was counted. */
  assumed: boolean;
  /** What it adds to the score: 100 × weight × value ÷ W. */
  points: number;
}

export interface PenaltyFigure {
  /** Returns for rework (clarification requests) in the period. */
  count: number;
  /** count ÷ orders filed, at most 1. */
  rate: number;
  /** What it takes off the score: 100 × weight × rate ÷ W. */
  points: number;
}

export interface RankedService {
  serviceId: string;
  name: string;
  /** 1 = improve first. */
  rank: number;
  score: number;
  quality: number;
  penalty: number;
  orders: number;
  previousOrders: number;
  resolved: number;
  responses: number;
  indicators: Record<RankingIndicator, IndicatorFigure>;
  penalties: Record<RankingPenalty, PenaltyFigure>;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const n = (c: Counters, k: string): number => c[k] ?? 0;

function onTimeOf(c: Counters): number | undefined {
  return share(n(c, 'resMet'), n(c, 'resMet') + n(c, 'resBreached'));
}

/** (now − before) ÷ the larger, mapped to 0 … 1 (0.5 = flat; no orders in either period: flat). */
export function growthValue(now: number, before: number): number {
  const larger = Math.max(now, before);
  return larger === 0 ? 0.5 : (1 + (now - before) / larger) / 2;
}

/** The sum of the indicator weights, the score's divisor (1 when all are 0, so penalties still count). */
export function weightTotal(weights: RankingWeights): number {
  const total = RANKING_INDICATORS.reduce((sum, k) => sum + weights[k], 0);
  return total > 0 ? total : 1;
}

/**
 * The services ranked, improve-first: the lowest score first, ties by name. Services with no order
 * filed or resolved in either period are left out (nothing to judge).
 */
export function rankServices(inputs: readonly RankingInput[], weights: RankingWeights): RankedService[] {
  const active = inputs.filter(
    (s) => n(s.current, 'created') + n(s.current, 'resolved') + n(s.previous, 'created') > 0,
  );
  const pooled: Counters = {};
  for (const s of active) for (const [k, v] of Object.entries(s.current)) pooled[k] = (pooled[k] ?? 0) + v;
  const departmentOnTime = onTimeOf(pooled) ?? 1;
  const departmentSatisfaction = csatOf(pooled) ?? 1;
  const total = weightTotal(weights);
  const points = (weight: number, value: number) => (100 * weight * value) / total;

  const scored = active.map((s) => {
    const orders = n(s.current, 'created');
    const ownOnTime = onTimeOf(s.current);
    const ownSatisfaction = csatOf(s.current);
    const values: Record<RankingIndicator, { value: number; assumed: boolean }> = {
      onTime: { value: ownOnTime ?? departmentOnTime, assumed: ownOnTime === undefined },
      satisfaction: { value: ownSatisfaction ?? departmentSatisfaction, assumed: ownSatisfaction === undefined },
      demandGrowth: { value: growthValue(orders, n(s.previous, 'created')), assumed: false },
    };
    const counts: Record<RankingPenalty, number> = {
      rework: n(s.current, 'reworks'),
      clarifications: n(s.current, 'clarifications'),
    };
    let quality = 0;
    let penalty = 0;
    const indicators = {} as Record<RankingIndicator, IndicatorFigure>;
    for (const k of RANKING_INDICATORS) {
      const p = points(weights[k], values[k].value);
      quality += p;
      indicators[k] = { ...values[k], value: Math.round(values[k].value * 1000) / 1000, points: round1(p) };
    }
    const penalties = {} as Record<RankingPenalty, PenaltyFigure>;
    for (const k of RANKING_PENALTIES) {
      const rate = Math.min(1, counts[k] / Math.max(1, orders));
      const p = points(weights[k], rate);
      penalty += p;
      penalties[k] = { count: counts[k], rate: Math.round(rate * 1000) / 1000, points: round1(p) };
    }
    return {
      exact: quality - penalty,
      line: {
        serviceId: s.serviceId,
        name: s.name,
        rank: 0,
        score: round1(quality - penalty),
        quality: round1(quality),
        penalty: round1(penalty),
        orders,
        previousOrders: n(s.previous, 'created'),
        resolved: n(s.current, 'resolved'),
        responses: n(s.current, 'responses'),
        indicators,
        penalties,
      } satisfies RankedService,
    };
  });
  // Scores equal but for floating-point noise are ties, broken by name, then id.
  const key = (x: number) => Math.round(x * 1e6);
  scored.sort(
    (a, b) =>
      key(a.exact) - key(b.exact) ||
      a.line.name.localeCompare(b.line.name) ||
      (a.line.serviceId < b.line.serviceId ? -1 : a.line.serviceId > b.line.serviceId ? 1 : 0),
  );
  return scored.map((s, i) => ({ ...s.line, rank: i + 1 }));
}
