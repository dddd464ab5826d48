/**
 * Data at rest: the single DynamoDB table, the attachments bucket and the access-log bucket.
 * `bindTable` and `bindAttachments` grant a function exactly the calls it makes and set the
 * environment variable it reads, in one call.
 */
import { Aws, Duration, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EXPORTS_PREFIX } from '../functions/storage/keys.ts';
import { UPLOAD_STAGING } from '../shared/model.ts';
import { isProd, type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';
import type { OrdoFunction } from './function.ts';
import { arnInFinding } from './nag.ts';

/** Global secondary indexes, named after the access pattern they serve (projection ALL). */
export const TABLE_INDEXES = {
  byCollection: { pk: 'gsi1pk', sk: 'gsi1sk' },
  queueByDue: { pk: 'gsi2pk', sk: 'gsi2sk' },
  dueWork: { pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;

export const TTL_ATTRIBUTE = 'expiresAt';

/** What each function may do on the table. No Scan anywhere: every access is a key or index lookup. */
export const TABLE_ACCESS = {
  api: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    // A person's erasure rewrites timeline events and deletes mail in batches (repositories/privacy.ts).
    'dynamodb:BatchWriteItem',
    'dynamodb:TransactWriteItems',
    'dynamodb:ConditionCheckItem',
  ],
  slaTimer: [
    'dynamodb:Query',
    'dynamodb:GetItem',
    'dynamodb:UpdateItem',
    'dynamodb:PutItem',
    'dynamodb:TransactWriteItems',
    'dynamodb:ConditionCheckItem',
  ],
  // The retention job (workflows/privacy.ts): closings and orders read by key, events rewritten and
  // mail and closings deleted in batches, each order written with its closing's delete in a transaction.
  retention: [
    'dynamodb:Query',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:TransactWriteItems',
  ],
  // PutItem: the webhook delivery log and the head's mail when a webhook pauses (webhooks/delivery.ts).
  mailWorker: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:PutItem'],
} as const;

export type TableAccess = keyof typeof TABLE_ACCESS;

export interface OrdoStorageProps {
  config: OrdoConfig;
}

export class OrdoStorage extends Construct {
  readonly table: dynamodb.Table;
  readonly attachments: s3.Bucket;
  /** Server access logs of the buckets and CloudFront standard logs. */
  readonly accessLogs: s3.Bucket;
  /** `https://<attachments bucket>.s3.<region>.amazonaws.com`, known without referencing the bucket. */
  readonly attachmentsOrigin: string;

  constructor(scope: Construct, id: string, props: OrdoStorageProps) {
    super(scope, id);
    const { config } = props;
    const prod = isProd(config);
    const removalPolicy = removalPolicyOf(config);

    this.table = new dynamodb.Table(this, 'Table', {
      tableName: resourceName(config),
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: prod,
      removalPolicy,
    });
    for (const [indexName, keys] of Object.entries(TABLE_INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: keys.pk, type: dynamodb.AttributeType.STRING },
        sortKey: { name: keys.sk, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes through an ACL grant, so ACLs stay enabled here only.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(prod ? 365 : 30) }],
      removalPolicy,
      autoDeleteObjects: !prod,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging it into itself would loop and another bucket adds nothing.',
    });

    // A fixed name, so the portal's Content-Security-Policy can name the upload origin without
    // referencing the bucket (the bucket's CORS rule references the portal: that would be a cycle).
    const attachmentsName = `${resourceName(config, 'attachments')}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    this.attachmentsOrigin = `https://${attachmentsName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    this.attachments = new s3.Bucket(this, 'Attachments', {
      bucketName: attachmentsName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'noncurrent-versions',
          noncurrentVersionTransitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
          noncurrentVersionExpiration: Duration.days(prod ? 365 : 60),
        },
        { id: 'expired-delete-markers', expiredObjectDeleteMarker: true },
        {
          // Uploads wait under this prefix until an order refers to them (the API then copies them to
          // their key, see functions/storage/attachments.ts); those never attached are deleted, and
          // their data goes a day later rather than after the long noncurrent-version period above.
          id: 'expire-unattached-uploads',
          prefix: UPLOAD_STAGING.prefix,
          expiration: Duration.days(UPLOAD_STAGING.days),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          // A person's export (functions/workflows/privacy.ts) is fetched through a link valid for an
          // hour; the archive itself goes after a day, every version of it.
          id: 'expire-person-exports',
          prefix: EXPORTS_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      removalPolicy,
      autoDeleteObjects: !prod,
    });
  }

  /** Lets the portal upload and download with presigned URLs straight from the browser. */
  allowBrowserAccess(portalOrigin: string): void {
    this.attachments.addCorsRule({
      allowedOrigins: [portalOrigin],
      allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 3600,
    });
  }
}

/** ARNs of the table and of each of its indexes (no wildcard). */
export function tableResourceArns(table: dynamodb.ITable): string[] {
  return [table.tableArn, ...Object.keys(TABLE_INDEXES).map((name) => `${table.tableArn}/index/${name}`)];
}

/** Grants the table calls of `access` and sets `TABLE_NAME`. */
export function bindTable(fn: OrdoFunction, table: dynamodb.ITable, access: TableAccess): void {
  fn.allow(new iam.PolicyStatement({ actions: [...TABLE_ACCESS[access]], resources: tableResourceArns(table) }));
  fn.setEnv('TABLE_NAME', table.tableName);
}

/**
 * Grants deleting attachment objects with every version of them, and listing the bucket (a person's
 * uploads and exports by prefix): an erasure and the retention job remove files for good.
 */
export function bindAttachmentRemoval(fn: OrdoFunction, bucket: s3.Bucket): void {
  fn.allow(
    new iam.PolicyStatement({
      actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [bucket.arnForObjects('*')],
    }),
  );
  fn.allow(
    new iam.PolicyStatement({ actions: ['s3:ListBucket', 's3:ListBucketVersions'], resources: [bucket.bucketArn] }),
  );
  fn.setEnv('ATTACHMENTS_BUCKET', bucket.bucketName);
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${arnInFinding(bucket)}/*]`,
    reason:
      'Files are removed by keys known only at run time (a person’s uploads, an order’s files); the grant is on objects of this one bucket only.',
  });
}

/** Grants reading and writing attachment objects (for presigned URLs) and sets `ATTACHMENTS_BUCKET`. */
export function bindAttachments(fn: OrdoFunction, bucket: s3.Bucket): void {
  fn.allow(
    new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [bucket.arnForObjects('*')] }),
  );
  fn.setEnv('ATTACHMENTS_BUCKET', bucket.bucketName);
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${arnInFinding(bucket)}/*]`,
    reason:
      'Presigned upload/download URLs are issued for object keys chosen at run time; the grant is PutObject/GetObject on objects of this one bucket only.',
  });
}
