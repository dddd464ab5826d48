/**
 * Business metrics: what the service did, counted where it happened. In Lambda they leave as
 * CloudWatch Embedded Metric Format lines (Powertools Metrics, namespace "Ordo"), one flush per
 * invocation; locally they are debug log lines.
 */
import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { type Logger, SERVICE_NAME } from './logger.ts';

export const METRICS_NAMESPACE = 'Ordo';

export type MetricName =
  | 'OrdersFiled'
  | 'Transitions'
  | 'SlaWarnings'
  | 'SlaBreaches'
  | 'MailsSent'
  | 'MailsFailed'
  | 'MailsReceived'
  | 'MailsDropped'
  | 'MailsRefused'
  | 'SurveyAnswers';

/**
 * Extra dimensions of one count, besides service and stage. Each distinct combination is a custom
 * metric CloudWatch bills for (about $0.30 a month), so one small set per metric: orders filed by
 * department, transitions by action.
 */
export type MetricDimensions = Partial<Record<'department' | 'action', string>>;

export interface Metrics {
  count(name: MetricName, value?: number, dimensions?: MetricDimensions): void;
  /** Writes what was counted since the last flush (Lambda); nothing to do locally. */
  flush(): void;
}

export const noMetrics: Metrics = { count() {}, flush() {} };

/** Local metrics: each count is a debug entry of this log. */
export function logMetrics(log: Logger): Metrics {
  return {
    count(name, value = 1, dimensions = {}) {
      log.debug('metric', { metric: name, value, ...dimensions });
    },
    flush() {},
  };
}

/** What the SLA timer run raised (from `SlaTimerJob.run`). */
export function countTimerRun(metrics: Metrics, run: { warnings: number; breaches: number }): void {
  metrics.count('SlaWarnings', run.warnings);
  metrics.count('SlaBreaches', run.breaches);
}

/**
 * Powertools Metrics behind the same interface. Counts are summed per name and dimensions during an
 * invocation; `flush` writes one EMF line for those without extra dimensions and one per other
 * combination.
 */
export function createEmfMetrics(opts: { stage: string }): Metrics {
  const powertools = new PowertoolsMetrics({
    namespace: METRICS_NAMESPACE,
    serviceName: SERVICE_NAME,
    defaultDimensions: { stage: opts.stage },
  });
  const counts = new Map<string, { name: MetricName; dimensions: MetricDimensions; value: number }>();
  return {
    count(name, value = 1, dimensions = {}) {
      const key = JSON.stringify([name, Object.entries(dimensions).sort()]);
      const held = counts.get(key);
      if (held) held.value += value;
      else counts.set(key, { name, dimensions, value });
    },
    flush() {
      for (const { name, dimensions, value } of counts.values()) {
        const defined = Object.entries(dimensions).filter((entry): entry is [string, string] => Boolean(entry[1]));
        if (defined.length === 0) {
          powertools.addMetric(name, MetricUnit.Count, value);
          continue;
        }
        // A single metric is written at once with its own dimensions.
        const single = powertools.singleMetric();
        for (const [dimension, dimensionValue] of defined) single.addDimension(dimension, dimensionValue);
        single.addMetric(name, MetricUnit.Count, value);
      }
      counts.clear();
      if (powertools.hasStoredMetrics()) powertools.publishStoredMetrics();
    },
  };
}
