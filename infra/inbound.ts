/**
 * Mail in (present when context gives `inboundDomain`): SES receiving for the domain, a bucket that
 * keeps every raw message, the `mail-in` function that turns messages into comments, answers and
 * orders, and the reply key ring that signs the Reply-To addresses of outgoing mail.
 *
 * SES's receipt rule stores the message in the bucket (`inbound/<SES message id>`), then invokes
 * mail-in asynchronously; Lambda retries a failed invocation twice and then hands the event to an
 * encrypted dead-letter queue, while the raw message stays in the bucket, so nothing is lost.
 * After deploying: publish the MX record `10 inbound-smtp.<region>.amazonaws.com` for the domain and
 * make the rule set active (only one rule set per region can be: infra/README.md).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isProd, type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';
import { OrdoFunction } from './function.ts';
import { arnInFinding } from './nag.ts';
import { deadLetterQueue } from './queues.ts';
import { keyRingSecret } from './secrets.ts';
import { tableResourceArns } from './storage.ts';

/** Key prefix of raw messages in the inbound bucket. */
export const INBOUND_PREFIX = 'inbound/';

/** The table calls mail in makes: the order use cases' reads and transactions, its own records. */
export const MAIL_IN_TABLE_ACCESS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:TransactWriteItems',
  'dynamodb:ConditionCheckItem',
] as const;

export interface OrdoInboundProps {
  config: OrdoConfig & { inboundDomain: string };
  table: dynamodb.ITable;
  attachments: s3.IBucket;
  accessLogs: s3.IBucket;
  /** Ordo's sending address: mail from it is a loop. */
  mailFrom: string;
}

export class OrdoInbound extends Construct {
  readonly bucket: s3.Bucket;
  readonly handler: OrdoFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly ruleSet: ses.ReceiptRuleSet;
  readonly replySecret: secretsmanager.Secret;
  readonly domain: string;

  constructor(scope: Construct, id: string, props: OrdoInboundProps) {
    super(scope, id);
    const { config } = props;
    const prod = isProd(config);
    this.domain = config.inboundDomain;

    this.replySecret = keyRingSecret(this, 'ReplySecret', {
      config,
      name: 'reply-secret',
      description:
        'Key ring that signs the Reply-To addresses of Ordo mail (order+<number>.<signature>@<inbound domain>): {"current":"<key id>","<key id>":"<key>",…}.',
      manualRotation:
        'The reply key is rotated by hand like the link key: add a key id, make it current, drop the old one once replies to older mail no longer matter; every key in the ring verifies. Rotating it automatically would break replies to mail already sent.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'inbound/',
      lifecycleRules: [
        // Raw mail is evidence of what Ordo did with it; kept as long as the access logs.
        { id: 'expire-raw-mail', prefix: INBOUND_PREFIX, expiration: Duration.days(prod ? 365 : 30) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: removalPolicyOf(config),
      autoDeleteObjects: !prod,
    });

    this.handler = new OrdoFunction(this, 'Handler', {
      config,
      name: 'mail-in',
      description: 'Turns received mail into comments, answers and orders (SES receiving)',
      timeout: Duration.seconds(60),
    });
    const fn = this.handler;
    fn.allow(
      new iam.PolicyStatement({ actions: [...MAIL_IN_TABLE_ACCESS], resources: tableResourceArns(props.table) }),
    );
    fn.setEnv('TABLE_NAME', props.table.tableName);
    fn.allow(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects(`${INBOUND_PREFIX}*`)],
      }),
    );
    fn.setEnv('INBOUND_BUCKET', this.bucket.bucketName);
    fn.setEnv('INBOUND_PREFIX', INBOUND_PREFIX);
    // Files of a message become attachments of the order, under the keys uploads get.
    fn.allow(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [props.attachments.arnForObjects('uploads/*')] }),
    );
    fn.setEnv('ATTACHMENTS_BUCKET', props.attachments.bucketName);
    fn.setEnv('MAIL_FROM', props.mailFrom);
    this.bindReplies(fn);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnInFinding(this.bucket)}/${INBOUND_PREFIX}*]`,
      reason:
        'SES names each raw message by its message id; mail in reads any object under the inbound prefix of this one bucket.',
    });
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnInFinding(props.attachments)}/uploads/*]`,
      reason:
        'Each file taken from a message gets a new key uploads/<person>/<uuid>/<name>, chosen at run time; only PutObject, only under uploads/ of the attachments bucket.',
    });

    this.deadLetterQueue = deadLetterQueue(
      this,
      config,
      'mail-in-dlq',
      'This queue is itself the on-failure destination of mail-in’s asynchronous invocations; the raw message stays in the inbound bucket and its record is unfinished, so the event can be replayed.',
    );
    fn.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: resourceName(config, 'inbound') });
    this.ruleSet.addRule('Receive', {
      receiptRuleName: resourceName(config, 'receive'),
      recipients: [this.domain],
      enabled: true,
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      actions: [
        new actions.S3({ bucket: this.bucket, objectKeyPrefix: INBOUND_PREFIX }),
        new actions.Lambda({ function: fn.fn as lambda.IFunction, invocationType: actions.LambdaInvocationType.EVENT }),
      ],
    });
  }

  /**
   * Lets the API hand a department's head a short-lived link to a raw message: GetObject under the
   * inbound prefix of this bucket and nothing else (no list, no write); the link is signed with the
   * API's role, so it opens only what the role may read.
   */
  letReadRawMail(fn: OrdoFunction): void {
    this.allowOnRawMail(
      fn,
      ['s3:GetObject'],
      'The head downloads any raw message of their department, each named by its SES message id; the API only reads (GetObject) under the inbound prefix of this one bucket, after checking the message is the department’s.',
    );
  }

  /**
   * Lets a function delete raw messages for good (a sender's erasure in the API, the retention of the
   * order a message is about): DeleteObject and DeleteObjectVersion under the inbound prefix, and
   * listing a key's versions; nothing else of the bucket.
   */
  letRemoveRawMail(fn: OrdoFunction): void {
    this.allowOnRawMail(
      fn,
      ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      'A person’s erasure and the retention job delete the raw messages of their mail, each named by its SES message id known only at run time; only deletes under the inbound prefix of this one bucket.',
      ['s3:ListBucketVersions'],
    );
  }

  /**
   * Lets a function do `actions` on the raw messages (under the inbound prefix) and `onBucket` on the
   * bucket itself, and names the bucket to it; `reason` is why the prefix's wildcard is acceptable.
   */
  private allowOnRawMail(fn: OrdoFunction, actions: string[], reason: string, onBucket: string[] = []): void {
    fn.allow(new iam.PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${INBOUND_PREFIX}*`)] }));
    if (onBucket.length > 0) {
      fn.allow(new iam.PolicyStatement({ actions: onBucket, resources: [this.bucket.bucketArn] }));
    }
    fn.setEnv('INBOUND_BUCKET', this.bucket.bucketName);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnInFinding(this.bucket)}/${INBOUND_PREFIX}*]`,
      reason,
    });
  }

  /**
   * Lets a function sign or check reply addresses: reads the reply key ring, and learns the domain.
   * The senders (mail worker, timer) sign every mail about an order with it; mail in checks replies.
   */
  bindReplies(fn: OrdoFunction): void {
    this.replySecret.grantRead(fn.role);
    fn.setEnv('REPLY_SECRET_ARN', this.replySecret.secretArn);
    fn.setEnv('INBOUND_DOMAIN', this.domain);
  }
}
