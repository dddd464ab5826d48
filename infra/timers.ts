/**
 * The SLA timer: an EventBridge Scheduler schedule invokes the timer function every minute. The
 * job is idempotent (each warning/breach is raised once per order and clock), so a retried or
 * late run is harmless, and a run that is lost is caught up by the next one.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { FunctionName } from './bundling.ts';
import { type OrdoConfig, resourceName } from './config.ts';
import { OrdoFunction } from './function.ts';

export const SLA_TIMER_RATE = Duration.minutes(1);

/** Invokes the function itself only (the stock target also allows every version and alias: `arn:*`). */
class InvokeFunction extends LambdaInvoke {
  protected override addTargetActionToRole(role: iam.IRole): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.targetArn] }),
    );
  }
}

/** A function that an EventBridge Scheduler schedule invokes, retried twice while the run is still worth doing. */
interface ScheduledFunctionProps {
  config: OrdoConfig;
  /** The function's and the schedule's name. */
  name: FunctionName;
  description: string;
  timeout: Duration;
  scheduleDescription: string;
  schedule: scheduler.ScheduleExpression;
  /** A run older than this is not worth doing any more (a later run does its work). */
  maxEventAge: Duration;
}

class ScheduledFunction extends Construct {
  readonly handler: OrdoFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: ScheduledFunctionProps) {
    super(scope, id);
    const { config, name } = props;
    this.handler = new OrdoFunction(this, 'Handler', {
      config,
      name,
      description: props.description,
      timeout: props.timeout,
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName: resourceName(config, name),
      description: props.scheduleDescription,
      schedule: props.schedule,
      timeWindow: scheduler.TimeWindow.off(),
      target: new InvokeFunction(this.handler.fn, { retryAttempts: 2, maxEventAge: props.maxEventAge }),
    });
  }
}

export interface SlaTimerProps {
  config: OrdoConfig;
}

export class SlaTimer extends ScheduledFunction {
  constructor(scope: Construct, id: string, props: SlaTimerProps) {
    super(scope, id, {
      config: props.config,
      name: 'sla-timer',
      description: 'Raises SLA warnings and breaches for orders that are due',
      timeout: Duration.seconds(60),
      scheduleDescription: 'Runs the SLA timer every minute',
      schedule: scheduler.ScheduleExpression.rate(SLA_TIMER_RATE),
      // A run older than two minutes has been superseded by the next runs.
      maxEventAge: Duration.minutes(2),
    });
  }
}

/** When the retention job runs: once a day, at night in Europe. */
export const RETENTION_SCHEDULE = { minute: '15', hour: '2' } as const;

export interface RetentionJobProps {
  config: OrdoConfig;
}

/**
 * The retention job (functions/lambda/retention.ts): once a day it anonymises closed orders past their
 * service's retention period. It reads only each service's closings up to the due instant and is
 * idempotent, so a retried run changes nothing and a lost one is caught up by the next.
 */
export class RetentionJob extends ScheduledFunction {
  constructor(scope: Construct, id: string, props: RetentionJobProps) {
    super(scope, id, {
      config: props.config,
      name: 'retention',
      description: 'Anonymises closed orders past their service’s retention period',
      timeout: Duration.minutes(5),
      scheduleDescription: 'Runs the retention job once a day',
      schedule: scheduler.ScheduleExpression.cron(RETENTION_SCHEDULE),
      maxEventAge: Duration.hours(6),
    });
  }
}
