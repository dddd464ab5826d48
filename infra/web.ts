/**
 * The portal: a private S3 bucket served by CloudFront through Origin Access Control, with
 * security headers and SPA routing. The built files (`web/dist`) are uploaded only when they
 * exist, so the stack can be synthesized and tested before the portal is built.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Aws, DefaultStackSynthesizer, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { isProd, logRetentionOf, type OrdoConfig, removalPolicyOf, resourceName } from './config.ts';
import type { OrdoFunction } from './function.ts';
import { arnInFinding, valueInFinding } from './nag.ts';

/**
 * `/config.json` next to index.html, read by the portal at start: where the API is and how to sign in
 * (OpenID Connect authorization code with PKCE). Written by the deploy, so one portal build serves
 * every stage.
 */
export interface PortalRuntimeConfig {
  apiUrl: string;
  oidc: {
    authority: string;
    clientId: string;
    scope: string;
    /** The provider's metadata, so the browser needs no discovery request. */
    metadata: {
      issuer: string;
      authorization_endpoint: string;
      token_endpoint: string;
      revocation_endpoint: string;
      userinfo_endpoint: string;
      end_session_endpoint: string;
      jwks_uri: string;
    };
    /** Cognito's logout endpoint takes `client_id` and `logout_uri` instead of `post_logout_redirect_uri`. */
    logoutRedirectParam: 'logout_uri';
  };
}

export interface OrdoWebProps {
  config: OrdoConfig;
  logBucket: s3.IBucket;
  /** Origins the portal fetches from besides itself (attachments bucket, Cognito's token endpoint). */
  connectOrigins: string[];
}

/**
 * The portal's Content-Security-Policy. The API is allowed as the regional execute-api origin: its
 * exact host cannot be named here, because the API's CORS rule already references this
 * distribution (naming the API would make a dependency cycle).
 */
export function contentSecurityPolicy(connectOrigins: string[]): string {
  const region = Aws.REGION;
  const api = `https://*.execute-api.${region}.${Aws.URL_SUFFIX}`;
  const cognito = `https://cognito-idp.${region}.${Aws.URL_SUFFIX}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Solid renders static style attributes from its templates; style injection is the lesser risk.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${connectOrigins.join(' ')}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${api} ${cognito} ${connectOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

export class OrdoWeb extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  /** `https://<distribution domain>` without a trailing slash (the CORS origin and OAuth callback). */
  readonly url: string;
  private readonly config: OrdoConfig;

  constructor(scope: Construct, id: string, props: OrdoWebProps) {
    super(scope, id);
    const { config } = props;
    this.config = config;
    const prod = isProd(config);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'portal/',
      removalPolicy: removalPolicyOf(config),
      autoDeleteObjects: !prod,
    });

    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: resourceName(config, 'portal-security-headers'),
      comment: 'Security headers of the Ordo portal',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connectOrigins), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: false,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
        ],
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Ordo portal (${config.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
      },
      // Client-side routes (/orders/HR-1042) are not objects: serve the app shell for them.
      // S3 answers 403 for a missing key when the reader may not list the bucket.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    const distribution = this.distribution;
    Validations.of(distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'An internal back-office portal used by staff wherever they travel; access is controlled by sign-in, not by country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves static files only; the API has its own throttling and JWT authorizer. A WAF web ACL (us-east-1 stack) can be attached later without other changes.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate is used (no custom domain), and CloudFront fixes its minimum protocol to TLSv1 for it; a custom domain with TLSv1.2_2021 needs an ACM certificate first.',
      },
    );
  }

  /**
   * Uploads the built portal when `<portalDist>/index.html` exists, with a `config.json` telling the
   * app where the API and its OpenID provider are (`PortalRuntimeConfig`). Hashed files (assets/) are cached for a year; the app
   * shell, its config and the other public files are revalidated on every load. Without a build, nothing is uploaded (and an info
   * message says so), which keeps tests and `cdk synth` independent of the web build.
   */
  deployPortal(runtimeConfig: PortalRuntimeConfig): boolean {
    const dist = this.config.portalDist;
    if (!existsSync(path.join(dist, 'index.html'))) {
      Annotations.of(this).addInfo(`No portal build at ${dist}: the portal files are not deployed.`);
      return false;
    }
    const _prod = isProd(this.config);
    const logGroup = new logs.LogGroup(this, 'DeployLogs', {
      retention: logRetentionOf(this.config),
      removalPolicy: removalPolicyOf(this.config),
    });
    const role = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the portal files and invalidates the CDN cache',
    });
    logGroup.grantWrite(role);

    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      // Vite writes content-hashed files to assets/ only.
      sources: [s3deploy.Source.asset(dist, { exclude: ['*', '!assets', '!assets/**'] })],
      destinationBucket: this.bucket,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
      // Old hashed files stay, so pages already open keep loading their chunks after a release.
      prune: false,
      role,
      logGroup,
      memoryLimit: 512,
    });
    const shell = new s3deploy.BucketDeployment(this, 'DeployShell', {
      sources: [
        s3deploy.Source.asset(dist, { exclude: ['assets'] }),
        s3deploy.Source.jsonData('config.json', runtimeConfig),
      ],
      destinationBucket: this.bucket,
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
      memoryLimit: 512,
    });
    shell.node.addDependency(assets);

    // The upload function is CDK's own (a singleton shared by both deployments, at stack level).
    const stack = Stack.of(this);
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason:
            'The runtime of the upload function is chosen and updated by aws-cdk-lib (s3-deployment); it runs only during deploys.',
        });
      }
    }
    // Granted by BucketDeployment itself; each wildcard is named so a new one fails synthesis.
    const bucketObjects = `${arnInFinding(this.bucket)}/*`;
    const findings: Array<[string, string]> = [
      ['Action::s3:GetObject*', 'read the uploaded CDK asset (zip) of the build'],
      ['Action::s3:GetBucket*', 'read the location of the CDK asset bucket and the portal bucket'],
      ['Action::s3:List*', 'list the portal bucket to compare it with the build'],
      ['Action::s3:Abort*', 'abort a failed multipart upload of a large file'],
      ['Action::s3:DeleteObject*', 'replace files of the portal bucket'],
      [`Resource::${assetObjectsInFinding(stack)}`, 'object keys of the CDK bootstrap asset bucket are content hashes'],
      [`Resource::${bucketObjects}`, 'object keys of the portal bucket are the file names of the build'],
      ['Resource::*', 'cloudfront:CreateInvalidation/GetInvalidation after the upload (no resource-level permissions)'],
    ];
    for (const [finding, why] of findings) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `Portal upload role (CDK BucketDeployment, runs only during deploys): ${why}.`,
      });
    }
    return true;
  }
}

/**
 * The objects of the CDK bootstrap asset bucket, as the upload role's policy names them:
 * `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*` without an
 * account and region, the concrete ARN with them.
 */
function assetObjectsInFinding(stack: Stack): string {
  const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const bucket = `cdk-${qualifier}-assets-${stack.account}-${stack.region}`;
  return valueInFinding(
    stack,
    stack.formatArn({ service: 's3', region: '', account: '', resource: bucket, resourceName: '*' }),
  );
}

/** Sets `PORTAL_URL` (links in e-mails, survey pages). */
export function bindPortal(fn: OrdoFunction, web: OrdoWeb): void {
  fn.setEnv('PORTAL_URL', web.url);
}
