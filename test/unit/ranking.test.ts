import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  growthValue,
  MAX_WEIGHT,
  RANKING_FACTORS,
  RANKING_INDICATORS,
  type RankingFactor,
  type RankingInput,
  type RankingWeights,
  rankServices,
} from '#shared/ranking.ts';

/** Alpha: 6 of 8 on time, 3 of 4 ratings 4–5, 10 orders after 5, 2 reworks, 1 clarification. */
const alpha: RankingInput = {
  serviceId: 'alpha',
  name: 'Alpha',
  current: {
    created: 10,
    resolved: 8,
    resMet: 6,
    resBreached: 2,
    responses: 4,
    score5: 2,
    score4: 1,
    score2: 1,
    reworks: 2,
    clarifications: 1,
  },
  previous: { created: 5 },
};
/** Beta: 4 of 4 on time, no ratings, 4 orders after 8, 2 clarifications. */
const beta: RankingInput = {
  serviceId: 'beta',
  name: 'Beta',
  current: { created: 4, resolved: 4, resMet: 4, clarifications: 2 },
  previous: { created: 8 },
};
/** Gamma: no orders in either period. */
const gamma: RankingInput = { serviceId: 'gamma', name: 'Gamma', current: {}, previous: {} };

describe('service ranking', () => {
  it('scores services by hand-computed figures, the lowest first', () => {
    // W = 3 + 3 + 1 = 7.
    // Alpha: quality 100 × (3 × 0.75 + 3 × 0.75 + 1 × 0.75) ÷ 7 = 75; penalty 100 × (2 × 0.2 + 1 × 0.1) ÷ 7 = 7.14.
    // Beta: satisfaction assumed from the department (3 of 4 = 0.75); growth (1 + (4 − 8) ÷ 8) ÷ 2 = 0.25;
    //       quality 100 × (3 × 1 + 3 × 0.75 + 1 × 0.25) ÷ 7 = 78.57; penalty 100 × (1 × 2 ÷ 4) ÷ 7 = 7.14.
    const ranked = rankServices([beta, gamma, alpha], DEFAULT_WEIGHTS);
    expect(ranked.map((s) => [s.serviceId, s.rank, s.quality, s.penalty, s.score])).toEqual([
      ['alpha', 1, 75, 7.1, 67.9],
      ['beta', 2, 78.6, 7.1, 71.4],
    ]);
    const [a, b] = ranked as [(typeof ranked)[0], (typeof ranked)[0]];
    expect(a.indicators.onTime).toEqual({ value: 0.75, assumed: false, points: 32.1 });
    expect(a.indicators.demandGrowth).toEqual({ value: 0.75, assumed: false, points: 10.7 });
    expect(a.penalties.rework).toEqual({ count: 2, rate: 0.2, points: 5.7 });
    expect(a.penalties.clarifications).toEqual({ count: 1, rate: 0.1, points: 1.4 });
    expect(b.indicators.satisfaction).toEqual({ value: 0.75, assumed: true, points: 32.1 });
    expect(b.indicators.demandGrowth.value).toBe(0.25);
    expect(b.penalties.clarifications).toEqual({ count: 2, rate: 0.5, points: 7.1 });
    expect([a.orders, a.previousOrders, b.orders, b.previousOrders]).toEqual([10, 5, 4, 8]);
  });

  it('turns the order round when clarifications weigh most', () => {
    // Alpha: 75 − 100 × 10 × 0.1 ÷ 7 = 60.71; Beta: 78.57 − 100 × 10 × 0.5 ÷ 7 = 7.14.
    const ranked = rankServices([alpha, beta], { ...DEFAULT_WEIGHTS, rework: 0, clarifications: 10 });
    expect(ranked.map((s) => [s.serviceId, s.score])).toEqual([
      ['beta', 7.1],
      ['alpha', 60.7],
    ]);
  });

  it('counts flat, new and vanished demand', () => {
    expect(growthValue(0, 0)).toBe(0.5);
    expect(growthValue(5, 5)).toBe(0.5);
    expect(growthValue(5, 0)).toBe(1);
    expect(growthValue(0, 5)).toBe(0);
    expect(growthValue(10, 5)).toBe(0.75);
  });

  it('still counts penalties when every indicator weighs 0', () => {
    const zero = { onTime: 0, satisfaction: 0, demandGrowth: 0, rework: 1, clarifications: 0 };
    const [first] = rankServices([alpha, beta], zero);
    expect(first).toMatchObject({ serviceId: 'alpha', quality: 0, penalty: 20, score: -20 });
  });

  const counts = fc.nat({ max: 30 });
  const service = (i: number) =>
    fc
      .record({
        created: counts,
        resolved: counts,
        resMet: counts,
        resBreached: counts,
        responses: counts,
        score5: counts,
        score4: counts,
        reworks: counts,
        clarifications: counts,
        previous: counts,
      })
      .map(
        (c): RankingInput => ({
          serviceId: `s${i}`,
          name: `Service ${i}`,
          current: {
            ...c,
            created: c.created + 1,
            responses: c.responses + c.score5 + c.score4,
          },
          previous: { created: c.previous },
        }),
      );
  const services = fc
    .integer({ min: 2, max: 6 })
    .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => service(i))));
  const weight = fc.integer({ min: 0, max: MAX_WEIGHT });
  const weights = fc.record(
    Object.fromEntries(RANKING_FACTORS.map((f) => [f, weight])) as Record<RankingFactor, typeof weight>,
  );

  /** How good a service is on one factor (higher is better), as the ranking counts it. */
  function goodness(line: ReturnType<typeof rankServices>[number], factor: RankingFactor): number {
    return (RANKING_INDICATORS as readonly string[]).includes(factor)
      ? line.indicators[factor as (typeof RANKING_INDICATORS)[number]].value
      : -line.penalties[factor as 'rework' | 'clarifications'].rate;
  }

  it('never moves the service best on a factor nearer the top when that factor weighs more', () => {
    fc.assert(
      fc.property(
        services,
        weights,
        fc.constantFrom(...RANKING_FACTORS),
        fc.integer({ min: 1, max: 5 }),
        (inputs, w, factor, more) => {
          const before = rankServices(inputs, w);
          const [best, second] = [...before].sort((a, b) => goodness(b, factor) - goodness(a, factor));
          // Figures are rounded to 0.001 in the answer: judge only a clear best.
          fc.pre(
            best !== undefined && second !== undefined && goodness(best, factor) > goodness(second, factor) + 0.002,
          );
          if (!best) return;
          const after = rankServices(inputs, { ...w, [factor]: w[factor] + more } as RankingWeights);
          const rankAfter = after.find((s) => s.serviceId === best.serviceId)!.rank;
          expect(rankAfter).toBeGreaterThanOrEqual(best.rank);
        },
      ),
    );
  });

  it('ranks the same when every weight is doubled', () => {
    fc.assert(
      fc.property(services, weights, (inputs, w) => {
        const doubled = Object.fromEntries(RANKING_FACTORS.map((f) => [f, w[f] * 2])) as RankingWeights;
        const ids = (ws: RankingWeights) => rankServices(inputs, ws).map((s) => s.serviceId);
        expect(ids(doubled)).toEqual(ids(w));
      }),
    );
  });
});
