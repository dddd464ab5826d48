/** How goal figures read: shares as percentages, times as working time. */
import type { GoalMetric } from '#shared/model.ts';
import { durationWords } from '../lib/format.ts';
import { t } from '../lib/strings.ts';
import { percent } from './shape.ts';

export function isShareMetric(metric: GoalMetric): boolean {
  return metric !== 'median_first_response' && metric !== 'median_resolution';
}

/** A goal's target or measured value as it reads: "90 %", "2 working hours". */
export function goalFigureWords(metric: GoalMetric, figure: number): string {
  return isShareMetric(metric) ? t.dashboard.percent(percent(figure) ?? 0) : durationWords(figure);
}
