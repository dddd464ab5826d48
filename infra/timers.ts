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

export interface SlaTimerProps {
  config: OrdoConfig;
}

export class SlaTimer extends Construct {
  readonly handler: OrdoFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: SlaTimerProps) {
    super(scope, id);
    const { config } = props;

    this.handler = new OrdoFunction(this, 'Handler', {
      config,
      name: 'sla-timer',
      description: 'Raises SLA warnings and breaches for orders that are due',
      timeout: Duration.seconds(60),
    });

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName: resourceName(config, 'sla-timer'),
      description: 'Runs the SLA timer every minute',
      schedule: scheduler.ScheduleExpression.rate(SLA_TIMER_RATE),
      timeWindow: scheduler.TimeWindow.off(),
      target: new InvokeFunction(this.handler.fn, {
        // A run older than two minutes has been superseded by the next runs.
        retryAttempts: 2,
        maxEventAge: Duration.minutes(2),
      }),
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
export class RetentionJob extends Construct {
  readonly handler: OrdoFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: RetentionJobProps) {
    super(scope, id);
    const { config } = props;
    this.handler = new OrdoFunction(this, 'Handler', {
      config,
      name: 'retention',
      description: 'Anonymises closed orders past their service’s retention period',
      timeout: Duration.minutes(5),
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName: resourceName(config, 'retention'),
      description: 'Runs the retention job once a day',
      schedule: scheduler.ScheduleExpression.cron(RETENTION_SCHEDULE),
      timeWindow: scheduler.TimeWindow.off(),
      target: new InvokeFunction(this.handler.fn, { retryAttempts: 2, maxEventAge: Duration.hours(6) }),
    });
  }
}
