/**
 * Logs, metrics and traces of a Lambda function: Powertools Logger and Metrics (EMF), and the SDK
 * clients' X-Ray subsegments (observability/tracer.ts, no X-Ray SDK), built once per execution
 * environment by the handler module, and the wrapper that gives every invocation its context and
 * publishes its metrics when it ends. Lambda's active tracing records every invocation.
 */
import type { Config } from '../config.ts';
import { createPowertoolsLogger, type Logger } from './logger.ts';
import { createEmfMetrics, type Metrics } from './metrics.ts';
import { createTracer, type Instrument } from './tracer.ts';

/** The fields of the Lambda context the logs and the cold-start metric read. */
export interface InvocationContext {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
}

export interface LambdaObservability {
  log: Logger;
  metrics: Metrics;
  /** Adds X-Ray subsegments to an AWS SDK client (the deps builders take it with the logger and metrics). */
  instrument: Instrument;
  /**
   * The handler, observed: its log lines carry the invocation (request id, cold start, function,
   * X-Ray trace id) and what it counted is written as EMF when it returns or throws.
   */
  handler<Event = void, Context extends InvocationContext = InvocationContext, Result = unknown>(
    fn: (event: Event, context?: Context) => Promise<Result>,
  ): (event: Event, context?: Context) => Promise<Result>;
}

export function lambdaObservability(config: Pick<Config, 'logLevel' | 'stage'>): LambdaObservability {
  const { log, powertools: logger } = createPowertoolsLogger({ level: config.logLevel, stage: config.stage });
  const metrics = createEmfMetrics({ stage: config.stage });
  const { instrument } = createTracer();
  return {
    log,
    metrics,
    instrument,
    handler: (fn) => async (event, context) => {
      // Lambda always passes the context; a test calling the handler directly may not.
      if (context) logger.addContext(context);
      try {
        return await fn(event, context);
      } finally {
        metrics.flush();
      }
    },
  };
}
