/** How goal figures read: shares as percentages, times as working time. */
import type { GoalMetric } from '#shared/model.ts';
import { percent } from './dashboard/shape.ts';
import { durationWords } from './format.ts';
import { t } from './strings.ts';

export function isShareMetric(metric: GoalMetric): boolean {
  return metric !== 'median_first_response' && metric !== 'median_resolution';
}

export function goalTargetWords(metric: GoalMetric, target: number): string {
  return isShareMetric(metric) ? t.dashboard.percent(percent(target) ?? 0) : durationWords(target);
}

export function goalValueWords(metric: GoalMetric, value: number): string {
  return goalTargetWords(metric, value);
}
