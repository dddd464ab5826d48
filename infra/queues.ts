/**
 * A dead-letter queue: encrypted, TLS only, messages kept 14 days for a replay. It has no dead-letter
 * queue of its own (cdk-nag AwsSolutions-SQS3); `why` says what it catches and why that is enough.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type OrdoConfig, resourceName } from './config.ts';

export function deadLetterQueue(scope: Construct, config: OrdoConfig, name: string, why: string): sqs.Queue {
  const queue = new sqs.Queue(scope, 'DeadLetterQueue', {
    queueName: resourceName(config, name),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: why });
  return queue;
}
