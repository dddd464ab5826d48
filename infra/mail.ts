/**
 * Notifications: the SES configuration set and sending identity (`OrdoMail`, `bindMail`) and the
 * mail worker, which delivers outbox items from the table's stream (`MailWorker`).
 */
import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { partitions } from '../functions/storage/keys.ts';
import { isProd, type OrdoConfig, resourceName } from './config.ts';
import { OrdoFunction } from './function.ts';
import { deadLetterQueue } from './queues.ts';
import { bindTable } from './storage.ts';

/** Partition-key prefix of outbox items; the worker only sees stream records of these. */
export const OUTBOX_PREFIX = partitions.outboxMessages().pkPrefix;

export interface OrdoMailProps {
  config: OrdoConfig;
}

export class OrdoMail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly configurationSetArn: string;
  /** Present when context gives `mailDomain` or `mailFrom`. */
  readonly identity?: ses.EmailIdentity;
  readonly from: string;
  /** Resources `ses:SendEmail` is allowed on. */
  readonly sendResources: string[];
  /** Set when no identity is managed here: sending is limited to this From address instead. */
  readonly fromCondition?: Record<string, Record<string, string>>;

  constructor(scope: Construct, id: string, props: OrdoMailProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    this.from = config.mailFrom;

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: resourceName(config, 'mail'),
      sendingEnabled: true,
      reputationMetrics: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    const identity = config.mailDomain
      ? ses.Identity.domain(config.mailDomain)
      : config.mailFromExplicit
        ? ses.Identity.email(config.mailFrom)
        : undefined;
    if (identity) {
      this.identity = new ses.EmailIdentity(this, 'Identity', { identity, configurationSet: this.configurationSet });
      this.sendResources = [this.identity.emailIdentityArn, this.configurationSetArn];
    } else {
      // No sender was configured, so its identity is verified outside this stack: either the
      // address itself or its domain (SES authorizes against whichever of the two it sends as).
      // Both are named exactly, and sending is limited to the From address MAIL_FROM.
      const domain = config.mailFrom.slice(config.mailFrom.lastIndexOf('@') + 1);
      this.sendResources = [
        ...[config.mailFrom, domain].map((name) =>
          stack.formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: name,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ),
        this.configurationSetArn,
      ];
      this.fromCondition = { StringEquals: { 'ses:FromAddress': config.mailFrom } };
    }
  }
}

/** Grants sending through the configuration set and sets `MAIL_FROM` and `SES_CONFIGURATION_SET`. */
export function bindMail(fn: OrdoFunction, mail: OrdoMail): void {
  fn.allow(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: mail.sendResources,
      ...(mail.fromCondition ? { conditions: mail.fromCondition } : {}),
    }),
  );
  fn.setEnv('MAIL_FROM', mail.from);
  fn.setEnv('SES_CONFIGURATION_SET', mail.configurationSet.configurationSetName);
}

export interface MailWorkerProps {
  config: OrdoConfig;
  table: dynamodb.ITable;
  mail: OrdoMail;
}

/** Delivers outbox messages from the table's stream; failed batches end in an encrypted DLQ. */
export class MailWorker extends Construct {
  readonly handler: OrdoFunction;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: MailWorkerProps) {
    super(scope, id);
    const { config } = props;

    this.handler = new OrdoFunction(this, 'Handler', {
      config,
      name: 'mail-worker',
      description: 'Delivers outbox e-mails (SES) and webhook events (HTTPS) from the DynamoDB stream',
      // A batch of 10 may hold webhook events, each allowed 5 s to answer.
      timeout: Duration.seconds(60),
    });
    bindTable(this.handler, props.table, 'mailWorker');
    bindMail(this.handler, props.mail);

    this.deadLetterQueue = deadLetterQueue(
      this,
      config,
      'mail-dlq',
      'This queue is itself the dead-letter destination (on-failure destination of the stream event source mapping); it has no consumer to fail.',
    );

    this.handler.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(isProd(config) ? 24 : 6),
        parallelizationFactor: 1,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [
          // New outbox items only: the worker's own updates (claim, sent, retry) must not wake it.
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { pk: { S: lambda.FilterRule.beginsWith(OUTBOX_PREFIX) } } },
          }),
        ],
      }),
    );
    Validations.of(this.handler.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Besides X-Ray: the stream event source needs dynamodb:ListStreams, which supports no resource-level permissions; reading records (DescribeStream, GetRecords, GetShardIterator) is granted on this table stream ARN only.',
    });
  }
}
