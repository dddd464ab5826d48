/**
 * CloudWatch alarms, all published to one encrypted SNS topic (optionally mailed to the context
 * `alarmEmail`). The topic's key is customer managed because CloudWatch cannot publish to a topic
 * encrypted with the AWS managed SNS key.
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isProd, type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';
import type { OrdoFunction } from './function.ts';

const FIVE_MINUTES = Duration.minutes(5);

export interface OrdoAlarmsProps {
  config: OrdoConfig;
}

export interface AlarmSpec {
  metric: cloudwatch.IMetric;
  threshold: number;
  description: string;
  comparison?: cloudwatch.ComparisonOperator;
  evaluationPeriods?: number;
  treatMissingData?: cloudwatch.TreatMissingData;
}

export class OrdoAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly config: OrdoConfig;

  constructor(scope: Construct, id: string, props: OrdoAlarmsProps) {
    super(scope, id);
    this.config = props.config;
    const prod = isProd(props.config);

    const key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the Ordo alarm topic',
      enableKeyRotation: true,
      removalPolicy: removalPolicyOf(props.config),
      pendingWindow: Duration.days(prod ? 30 : 7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.topic = new sns.Topic(this, 'Topic', {
      topicName: resourceName(props.config, 'alarms'),
      displayName: `Ordo ${props.config.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.config.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.config.alarmEmail));
    }
  }

  /** Creates an alarm that notifies the topic when it fires and when it recovers. */
  add(id: string, name: string, spec: AlarmSpec): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: resourceName(this.config, name),
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      treatMissingData: spec.treatMissingData ?? cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /** Any error or throttle of the function within five minutes. */
  watchFunction(fn: OrdoFunction, label: string): void {
    this.add(`${label}Errors`, `${label}-errors`, {
      metric: fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      description: `${fn.functionName} returned errors`,
    });
    this.add(`${label}Throttles`, `${label}-throttles`, {
      metric: fn.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      description: `${fn.functionName} was throttled`,
    });
  }

  /** Five or more 5xx answers within five minutes. */
  watchHttpApi(api: apigwv2.HttpApi): void {
    this.add('Api5xx', 'api-5xx', {
      metric: api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 5,
      description: 'The HTTP API answered 5xx',
    });
  }

  /** Anything in the dead-letter queue means a message was given up on. */
  watchDeadLetterQueue(queue: sqs.IQueue, label: string): void {
    this.add(`${label}Depth`, `${label}-depth`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparison: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      description: `Messages are waiting in ${queue.queueName}: failed stream batches to inspect and replay`,
    });
  }

  /** Stream processing that falls behind (oldest record older than five minutes). */
  watchStreamAge(fn: OrdoFunction, label: string): void {
    this.add(`${label}IteratorAge`, `${label}-iterator-age`, {
      metric: fn.fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: Duration.minutes(5).toMilliseconds(),
      description: `${fn.functionName} is behind on the table stream`,
    });
  }

  /** A scheduled function that has not run for ten minutes (the schedule or its target is broken). */
  watchMissingRuns(fn: OrdoFunction, label: string): void {
    this.add(`${label}NotRunning`, `${label}-not-running`, {
      metric: fn.fn.metricInvocations({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      comparison: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      description: `${fn.functionName} has not been invoked for ten minutes`,
    });
  }
}
