/**
 * Assertions on the synthesized CloudFormation of both stages, plus the cdk-nag AwsSolutions
 * report. Each stage is synthesized once without an account and region (as the tests and a
 * credential-less `cdk synth` do) and once with them (as `cdk deploy` does), bundling skipped, and
 * shared by all tests. dev is given a stand-in portal build (so the upload path is checked); prod
 * has none.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX, tableDefinition } from '#functions/storage/table-definition.ts';
import { NODE_MAJOR } from '../../infra/bundling.ts';
import { readConfig } from '../../infra/config.ts';
import { OrdoMail } from '../../infra/mail.ts';
import { createOrdoApp, environmentFromProcess, type OrdoStack, type TargetEnvironment } from '../../infra/stack.ts';
import { TABLE_ACCESS } from '../../infra/storage.ts';
import { ROUTES } from '../../shared/access.ts';

type Stage = 'dev' | 'prod';
type Json = Record<string, unknown>;
interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Condition?: unknown;
}
interface Synth {
  app: App;
  stack: OrdoStack;
  template: Template;
  report: { pluginReports: Array<{ pluginName: string; conclusion: string; violations: Json[] }> };
}

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = (JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')) as { context: Json }).context;
const workDir = mkdtempSync(path.join(tmpdir(), 'ordo-infra-'));
/** Without account and region (env-agnostic). */
const synths = {} as Record<Stage, Synth>;
/** With the account and region `cdk deploy` takes from the deployer's credentials. */
const deployed = {} as Record<Stage, Synth>;
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

function synthesize(stage: Stage, portalDist: string, target: TargetEnvironment = {}): Synth {
  const { app, stack } = createOrdoApp(
    {
      outdir: path.join(workDir, `cdk.out-${stage}-${target.account ?? 'agnostic'}`),
      context: {
        ...cdkContext,
        'aws:cdk:bundling-stacks': [],
        // Report cdk-nag findings in validation-report.json instead of throwing, so one test owns them.
        [cxapi.FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
        stage,
        portalDist,
      },
    },
    target,
  );
  const assembly = app.synth();
  const report = JSON.parse(readFileSync(path.join(assembly.directory, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
  return { app, stack, template: Template.fromStack(stack), report };
}

/** Every cdk-nag finding of the synthesis report, as `<rule> at <resource path>`. */
function nagFindings({ report }: Synth): string[] {
  // The synthesis report lists only plugins with findings: errors and warnings both fail `cdk synth`.
  return report.pluginReports.flatMap((p) =>
    p.violations.map((v) => {
      const where = (v.violatingConstructs as Array<{ constructPath: string }> | undefined) ?? [];
      return `${p.pluginName}: ${v.ruleName} at ${where.map((c) => c.constructPath).join(', ')}`;
    }),
  );
}

beforeAll(() => {
  const dist = path.join(workDir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Ordo</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("ordo");');
  synths.dev = synthesize('dev', dist);
  synths.prod = synthesize('prod', path.join(workDir, 'no-build'));
  deployed.dev = synthesize('dev', dist, { account: ACCOUNT, region: REGION });
  deployed.prod = synthesize('prod', path.join(workDir, 'no-build'), { account: ACCOUNT, region: REGION });
  // Four syntheses bundle each of the five functions with esbuild: minutes on a loaded machine.
}, 300_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const STAGES: Stage[] = ['dev', 'prod'];
const FUNCTIONS = ['api', 'mail-worker', 'sla-timer', 'retention'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

function logicalIdOf(template: Template, type: string, props: Json): string {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  expect(found, `${type} ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0]!;
}

function functionIdIn(synth: Synth, name: FunctionName): string {
  return logicalIdOf(synth.template, 'AWS::Lambda::Function', { FunctionName: `${synth.stack.stackName}-${name}` });
}

function functionId(stage: Stage, name: FunctionName): string {
  return functionIdIn(synths[stage], name);
}

function functionProps(stage: Stage, name: FunctionName): Json {
  const { template } = synths[stage];
  return template.toJSON().Resources[functionId(stage, name)].Properties as Json;
}

/** Every statement of every policy attached to the function's role. */
function statementsOfSynth(synth: Synth, name: FunctionName): Statement[] {
  const { template } = synth;
  const fn = template.toJSON().Resources[functionIdIn(synth, name)].Properties as Json;
  const role = (fn.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: role }]) },
  });
  const managed = template.toJSON().Resources[role].Properties.ManagedPolicyArns;
  expect(managed, 'no AWS managed policies on function roles').toBeUndefined();
  return Object.values(policies).flatMap(
    (p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
}

function statementsOf(stage: Stage, name: FunctionName): Statement[] {
  return statementsOfSynth(synths[stage], name);
}

/**
 * The portal's config.json as uploaded: the file CDK staged for the upload, with each deploy-time
 * value written as cdk-nag would (`<Logical.Attr>`, `<AWS::Region>`).
 */
function portalConfig(synth: Synth): unknown {
  const deployments = synth.template.findResources('Custom::CDKBucketDeployment', {
    Properties: { DistributionPaths: ['/*'] },
  });
  const props = (Object.values(deployments)[0] as { Properties: Json }).Properties as {
    SourceObjectKeys: string[];
    SourceMarkers: Array<Record<string, unknown>>;
  };
  const asm = synth.app.synth();
  const found = props.SourceObjectKeys.map((key, i) => ({
    file: path.join(asm.directory, `asset.${key.replace(/\.zip$/, '')}`, 'config.json'),
    markers: props.SourceMarkers[i] ?? {},
  })).filter(({ file }) => existsSync(file));
  expect(found).toHaveLength(1);
  const { file, markers } = found[0]!;
  const flat = (node: unknown): string => {
    const ref = node as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    if (ref.Ref) return `<${ref.Ref}>`;
    if (ref['Fn::GetAtt']) return `<${ref['Fn::GetAtt'].join('.')}>`;
    return JSON.stringify(node);
  };
  let text = readFileSync(file, 'utf8');
  for (const [marker, value] of Object.entries(markers)) text = text.replaceAll(marker, flat(value));
  return JSON.parse(text);
}

const actionsOf = (statements: Statement[]): string[] =>
  [...new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])))].sort();

const BASE_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

describe.each(STAGES)('%s stage', (stage) => {
  const prod = stage === 'prod';
  const t = () => synths[stage].template;

  it('has the single table: keys, on-demand, PITR, stream, TTL, SSE', () => {
    t().hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: `ordo-${stage}`,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: Object.values(INDEX).map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('declares the same keys and attribute types as the local table definition', () => {
    const table = Object.values(t().findResources('AWS::DynamoDB::Table'))[0] as { Properties: Json };
    const local = tableDefinition('x');
    const byName = (defs: Array<{ AttributeName?: string }>) =>
      [...defs].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
    expect(byName(table.Properties.AttributeDefinitions as Json[])).toEqual(byName(local.AttributeDefinitions ?? []));
    expect(table.Properties.KeySchema).toEqual(local.KeySchema);
  });

  it(prod ? 'protects the table from deletion (protection + Retain)' : 'lets the dev table be destroyed', () => {
    t().hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: prod ? 'Retain' : 'Delete',
      UpdateReplacePolicy: prod ? 'Retain' : 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: prod }),
    });
    t().hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: prod ? 'Retain' : 'Delete',
      Properties: Match.objectLike({ DeletionProtection: prod ? 'ACTIVE' : 'INACTIVE' }),
    });
  });

  it.each(FUNCTIONS)('function %s: arm64, Node runtime, JSON logs with retention, tracing, sizing', (name) => {
    const props = functionProps(stage, name);
    expect(props).toMatchObject({
      Runtime: `nodejs${NODE_MAJOR}.x`,
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: { api: 10, 'mail-worker': 60, 'sla-timer': 60, retention: 300 }[name],
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON' },
    });
    const logGroup = (props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(t().toJSON().Resources[logGroup]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: `/aws/lambda/ordo-${stage}-${name}`, RetentionInDays: prod ? 365 : 30 },
      DeletionPolicy: prod ? 'Retain' : 'Delete',
    });
  });

  it.each(FUNCTIONS)(
    'function %s gets the environment it reads, and only the API the sign-in and link settings',
    (name) => {
      const env = (functionProps(stage, name).Environment as { Variables: Json }).Variables;
      const common = ['STAGE', 'LOG_LEVEL', 'NODE_OPTIONS', 'TABLE_NAME', 'PORTAL_URL'];
      const mail = ['MAIL_FROM', 'SES_CONFIGURATION_SET'];
      const extra = {
        api: ['ATTACHMENTS_BUCKET', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'ADMIN_GROUP', 'LINK_SECRET_ARN'],
        'mail-worker': mail,
        'sla-timer': mail,
        retention: ['ATTACHMENTS_BUCKET'],
      }[name];
      // The retention job sends no mail, so it has no portal address to link to.
      const base = name === 'retention' ? common.filter((v) => v !== 'PORTAL_URL') : common;
      expect(Object.keys(env).sort()).toEqual([...base, ...extra].sort());
      // STAGE is required by every function (a missing one fails the cold start).
      expect(env).toMatchObject({
        STAGE: stage,
        LOG_LEVEL: prod ? 'info' : 'debug',
        NODE_OPTIONS: '--enable-source-maps',
      });
      const text = JSON.stringify(env);
      for (const gone of ['AUTH_MODE', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'LINK_SECRET"'])
        expect(text).not.toContain(gone);
      // No key material in any function's environment, not even as a deploy-time reference.
      expect(text).not.toContain('resolve:secretsmanager');
      if (name === 'retention') return;
      if (name !== 'api') {
        expect(env.MAIL_FROM).toBe('ordo@example.com');
        return;
      }
      const pool = logicalIdOf(t(), 'AWS::Cognito::UserPool', { UserPoolName: `ordo-${stage}-users` });
      const client = logicalIdOf(t(), 'AWS::Cognito::UserPoolClient', { ClientName: `ordo-${stage}-portal` });
      const secret = logicalIdOf(t(), 'AWS::SecretsManager::Secret', { Name: `ordo-${stage}-link-secret` });
      expect(env).toMatchObject({
        OIDC_ISSUER: { 'Fn::GetAtt': [pool, 'ProviderURL'] },
        OIDC_CLIENT_ID: { Ref: client },
        ADMIN_GROUP: 'admin',
        LINK_SECRET_ARN: { Ref: secret },
      });
      // No -c adminEmails here: the variable is left out rather than set empty.
      expect(env).not.toHaveProperty('ADMIN_EMAILS');
    },
  );

  it('keeps the link key ring in Secrets Manager, readable by the API role only', () => {
    const secret = logicalIdOf(t(), 'AWS::SecretsManager::Secret', { Name: `ordo-${stage}-link-secret` });
    t().hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: `ordo-${stage}-link-secret`,
      GenerateSecretString: {
        SecretStringTemplate: JSON.stringify({ current: 'k1' }),
        GenerateStringKey: 'k1',
        PasswordLength: 64,
        ExcludePunctuation: true,
      },
    });
    const readers = FUNCTIONS.filter((name) =>
      statementsOf(stage, name).some((st) => JSON.stringify(st.Resource).includes(secret)),
    );
    expect(readers).toEqual(['api']);
    const statement = statementsOf(stage, 'api').find((st) => JSON.stringify(st.Resource).includes(secret))!;
    expect(statement.Resource).toEqual({ Ref: secret });
  });

  it.each([
    [
      'api',
      TABLE_ACCESS.api,
      [
        's3:DeleteObject',
        's3:DeleteObjectVersion',
        's3:GetObject',
        's3:ListBucket',
        's3:ListBucketVersions',
        's3:PutObject',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ],
    ],
    // The retention job removes files for good (every version), and nothing else of the bucket.
    [
      'retention',
      TABLE_ACCESS.retention,
      ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'],
    ],
    // The timer also retries outbox messages that are due, so it sends mail.
    ['sla-timer', TABLE_ACCESS.slaTimer, ['ses:SendEmail']],
    [
      'mail-worker',
      TABLE_ACCESS.mailWorker,
      [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'ses:SendEmail',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ],
    ],
  ] as const)('function %s may do only what it needs', (name, tableActions, otherActions) => {
    const statements = statementsOf(stage, name);
    expect(actionsOf(statements)).toEqual([...BASE_ACTIONS, ...tableActions, ...otherActions].sort());
    for (const statement of statements) {
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.some((a) => a.endsWith(':*') || a === '*')).toBe(false);
      // ListStreams has no resource-level permissions; every other table or bucket call names its ARNs.
      const scoped = actions.filter(
        (a) => (a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams') || a.startsWith('s3:'),
      );
      if (scoped.length > 0) {
        const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
        expect(resources, `${scoped.join(',')} on ${JSON.stringify(resources)}`).not.toContain('*');
      }
      if (actions.includes('dynamodb:ListStreams'))
        expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:ListStreams']);
    }
  });

  it('grants table access on the table and its named indexes (no index wildcard)', () => {
    const statement = statementsOf(stage, 'api').find((s) => actionsOf([s]).includes('dynamodb:Query'))!;
    const text = JSON.stringify(statement.Resource);
    for (const index of Object.keys(INDEX)) expect(text).toContain(`/index/${index}`);
    expect(text).not.toContain('/index/*');
  });

  it.each(['mail-worker', 'sla-timer'] as const)(
    '%s may send only through the configuration set, as MAIL_FROM, from its address or domain identity',
    (name) => {
      const statement = statementsOf(stage, name).find((s) => actionsOf([s]).includes('ses:SendEmail'))!;
      const resources = (statement.Resource as unknown[]).map((r) => JSON.stringify(r));
      expect(resources).toHaveLength(3);
      expect(resources.filter((r) => r.includes(':configuration-set/'))).toHaveLength(1);
      expect(resources.filter((r) => r.includes(':identity/ordo@example.com"'))).toHaveLength(1);
      expect(resources.filter((r) => r.includes(':identity/example.com"'))).toHaveLength(1);
      expect(resources.join()).not.toContain('*');
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'ordo@example.com' } });
      t().hasResourceProperties('AWS::SES::ConfigurationSet', { Name: `ordo-${stage}-mail` });
      t().resourceCountIs('AWS::SES::EmailIdentity', 0);
    },
  );

  it('keeps attachments private, encrypted, versioned, TLS-only, with lifecycle and CORS for the portal', () => {
    const id = logicalIdOf(t(), 'AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
    const bucket = t().toJSON().Resources[id].Properties;
    expect(bucket).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    expect(bucket.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({
          NoncurrentVersionExpiration: expect.any(Object),
          NoncurrentVersionTransitions: expect.any(Array),
        }),
      ]),
    );
    const origins = bucket.CorsConfiguration.CorsRules[0].AllowedOrigins;
    expect(origins).toHaveLength(1);
    expect(JSON.stringify(origins)).toContain('WebDistribution');
    t().hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('protects the HTTP API with the Cognito JWT authorizer, except the routes the access table opens to anyone', () => {
    t().hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('PortalClient') }],
        Issuer: Match.objectLike({
          'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('cognito-idp')])]),
        }),
      },
    });
    const routes = Object.values(t().findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string; AuthorizationType: string } }).Properties,
    );
    const byKey = Object.fromEntries(routes.map((r) => [r.RouteKey, r.AuthorizationType]));
    // The table, read here independently of infra/api.ts: Hono's :param is API Gateway's {param}.
    const anyone = ROUTES.filter((r) => r.audience === 'anyone').map(
      (r) => `${r.method} /api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`,
    );
    expect(anyone.length).toBeGreaterThan(0);
    expect(byKey).toEqual({
      'ANY /api/v1/{proxy+}': 'JWT',
      ...Object.fromEntries(anyone.map((key) => [key, 'NONE'])),
    });
    // The e-mailed links work without a token; the catalog needs sign-in.
    expect(byKey).toMatchObject({
      'GET /api/v1/clarifications/{token}': 'NONE',
      'POST /api/v1/clarifications/{token}': 'NONE',
      'GET /api/v1/surveys/{token}': 'NONE',
      'POST /api/v1/surveys/{token}': 'NONE',
      'GET /api/v1/health': 'NONE',
    });
    for (const key of ['GET /api/v1/catalog', 'GET /api/v1/departments', 'GET /api/v1/services/{id}'])
      expect(byKey).not.toHaveProperty([key]);
  });

  it('allows CORS from the portal only, logs access and throttles the stage', () => {
    const api = Object.values(t().findResources('AWS::ApiGatewayV2::Api'))[0] as { Properties: Json };
    const cors = api.Properties.CorsConfiguration as { AllowOrigins: unknown[] };
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(cors.AllowOrigins).not.toContain('*');
    expect(JSON.stringify(cors.AllowOrigins[0])).toContain('WebDistribution');
    t().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
    // The signed links carry their token in the path: the access log names the route, never the path.
    const stageProps = Object.values(t().findResources('AWS::ApiGatewayV2::Stage'))[0] as { Properties: Json };
    const format = (stageProps.Properties.AccessLogSettings as { Format: string }).Format;
    expect(format).toContain('$context.routeKey');
    expect(format).not.toMatch(/\$context\.(path|resourcePath)/);
  });

  it('has a Cognito pool without self sign-up, e-mail sign-in, optional TOTP, strong passwords, admin group', () => {
    t().hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: `ordo-${stage}-users`,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: prod ? 'PLUS' : 'ESSENTIALS',
      // Profile attributes from the identity provider: language, name and the customer segments.
      Schema: Match.arrayWith([
        { Name: 'name', Mutable: true, Required: false },
        { Name: 'locale', Mutable: true, Required: false },
        ...['department', 'location', 'job_title'].map((name) =>
          Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true }),
        ),
      ]),
    });
    t().hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
  });

  it('signs in through managed login on the pool domain, with Cognito default branding', () => {
    const pool = logicalIdOf(t(), 'AWS::Cognito::UserPool', { UserPoolName: `ordo-${stage}-users` });
    const client = logicalIdOf(t(), 'AWS::Cognito::UserPoolClient', { ClientName: `ordo-${stage}-portal` });
    t().hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: { Ref: pool },
      ManagedLoginVersion: 2,
      // Unique per stage and account; the account is filled in by CloudFormation here.
      Domain: { 'Fn::Join': ['', [`ordo-${stage}-`, { Ref: 'AWS::AccountId' }]] },
    });
    t().hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UserPoolId: { Ref: pool },
      ClientId: { Ref: client },
      UseCognitoProvidedValues: true,
    });
    expect(deployed[stage].template.findResources('AWS::Cognito::UserPoolDomain')).toEqual({
      [Object.keys(t().findResources('AWS::Cognito::UserPoolDomain'))[0]!]: expect.objectContaining({
        Properties: expect.objectContaining({ Domain: `ordo-${stage}-${ACCOUNT}` }),
      }),
    });
  });

  it('gives the portal a public code-flow client with its callback, short tokens and the profile attributes', () => {
    const portal = { 'Fn::GetAtt': [Match.stringLikeRegexp('WebDistribution'), 'DomainName'] };
    t().hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: `ordo-${stage}-portal`,
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', portal, '/auth/callback']] }],
      LogoutURLs: [{ 'Fn::Join': ['', ['https://', portal, '/']] }],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: prod ? 12 * 60 : 7 * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      ReadAttributes: [
        'custom:department',
        'custom:job_title',
        'custom:location',
        'email',
        'email_verified',
        'locale',
        'name',
      ],
      WriteAttributes: ['custom:department', 'custom:job_title', 'custom:location', 'email', 'locale', 'name'],
    });
    t().resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
  });

  it('serves the portal through CloudFront with OAC, security headers and SPA routing', () => {
    const oac = logicalIdOf(t(), 'AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const headers = logicalIdOf(t(), 'AWS::CloudFront::ResponseHeadersPolicy', {});
    t().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [oac, 'Id'] } })],
        DefaultCacheBehavior: Match.objectLike({
          ResponseHeadersPolicyId: { Ref: headers },
          ViewerProtocolPolicy: 'redirect-to-https',
        }),
        CustomErrorResponses: [403, 404].map((code) =>
          Match.objectLike({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    const config = t().toJSON().Resources[headers].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(config).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    const csp = JSON.stringify(config.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' https://*.execute-api.");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it(prod ? 'skips the portal upload when there is no build' : 'uploads the portal build with its config', () => {
    t().resourceCountIs('Custom::CDKBucketDeployment', prod ? 0 : 2);
    if (!prod) {
      t().hasResourceProperties('Custom::CDKBucketDeployment', {
        DistributionPaths: ['/*'],
        Prune: false,
        SourceMarkers: Match.arrayWith([Match.objectLike({})]),
      });
      const pool = logicalIdOf(t(), 'AWS::Cognito::UserPool', { UserPoolName: `ordo-${stage}-users` });
      const client = logicalIdOf(t(), 'AWS::Cognito::UserPoolClient', { ClientName: `ordo-${stage}-portal` });
      const domain = Object.keys(t().findResources('AWS::Cognito::UserPoolDomain'))[0]!;
      const issuer = `<${pool}.ProviderURL>`;
      const base = `https://<${domain}>.auth.<AWS::Region>.amazoncognito.com`;
      expect(portalConfig(synths[stage])).toEqual({
        apiUrl: expect.stringMatching(/^https:\/\/<ApiHttpApi\w+>\.execute-api\./),
        oidc: {
          authority: issuer,
          clientId: `<${client}>`,
          scope: 'openid email profile',
          metadata: {
            issuer,
            authorization_endpoint: `${base}/oauth2/authorize`,
            token_endpoint: `${base}/oauth2/token`,
            revocation_endpoint: `${base}/oauth2/revoke`,
            userinfo_endpoint: `${base}/oauth2/userInfo`,
            end_session_endpoint: `${base}/logout`,
            jwks_uri: `${issuer}/.well-known/jwks.json`,
          },
          logoutRedirectParam: 'logout_uri',
        },
      });
      // The CSP lets the portal call the token and revocation endpoints on the sign-in domain.
      const policy = Object.values(t().findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0] as {
        Properties: Json;
      };
      expect(JSON.stringify(policy)).toContain('.auth.');
      expect(JSON.stringify(policy)).toContain('.amazoncognito.com');
    }
  });

  it('runs the SLA timer every minute through EventBridge Scheduler with retries', () => {
    t().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [functionId(stage, 'sla-timer'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('runs the retention job once a day through EventBridge Scheduler, retried within six hours', () => {
    t().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(15 2 * * ? *)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [functionId(stage, 'retention'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21_600 },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('feeds the mail worker from the stream: outbox only, bisect, retries, DLQ, batch item failures', () => {
    const dlq = logicalIdOf(t(), 'AWS::SQS::Queue', { QueueName: `ordo-${stage}-mail-dlq` });
    t().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(stage, 'mail-worker') },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Table'), 'StreamArn'] },
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlq, 'Arn'] } } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { Keys: { pk: { S: [{ prefix: 'OUTBOX#' }] } } },
            }),
          },
        ],
      },
    });
    t().hasResourceProperties('AWS::SQS::Queue', { QueueName: `ordo-${stage}-mail-dlq`, SqsManagedSseEnabled: true });
    t().hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlq }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('raises every alarm to the encrypted, TLS-only topic', () => {
    const topic = logicalIdOf(t(), 'AWS::SNS::Topic', { TopicName: `ordo-${stage}-alarms` });
    t().hasResourceProperties('AWS::SNS::Topic', {
      TopicName: `ordo-${stage}-alarms`,
      KmsMasterKeyId: Match.anyValue(),
    });
    t().hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    const alarms = Object.values(t().findResources('AWS::CloudWatch::Alarm')).map(
      (a) => (a as { Properties: Json }).Properties,
    );
    const names = alarms.map((a) => String(a.AlarmName).replace(`ordo-${stage}-`, '')).sort();
    expect(names).toEqual(
      [
        'api-5xx',
        'api-errors',
        'api-throttles',
        'mail-dlq-depth',
        'mail-worker-errors',
        'mail-worker-iterator-age',
        'mail-worker-throttles',
        'retention-errors',
        'retention-throttles',
        'sla-timer-errors',
        'sla-timer-not-running',
        'sla-timer-throttles',
      ].sort(),
    );
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    const byName = (n: string) => alarms.find((a) => a.AlarmName === `ordo-${stage}-${n}`)!;
    expect(byName('api-5xx')).toMatchObject({ MetricName: '5xx', Namespace: 'AWS/ApiGateway' });
    expect(byName('mail-dlq-depth')).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
    expect(byName('sla-timer-errors')).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId(stage, 'sla-timer') } }],
    });
    expect(byName('sla-timer-not-running')).toMatchObject({
      MetricName: 'Invocations',
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('exports the outputs the deploy guide and the portal need', () => {
    for (const output of [
      'PortalUrl',
      'ApiUrl',
      'UserPoolId',
      'UserPoolClientId',
      'AuthDomainUrl',
      'OidcIssuer',
      'TableName',
    ]) {
      t().hasOutput(output, { Value: Match.anyValue() });
    }
  });

  it.each([
    ['without an account and region', () => synths[stage]],
    [`with account ${ACCOUNT} and region ${REGION} (as cdk deploy)`, () => deployed[stage]],
  ])('passes the cdk-nag AwsSolutions checks %s, every exception acknowledged for a reason', (_, synth) => {
    const { app } = synth();
    expect(nagFindings(synth())).toEqual([]);
    // The same pack run directly on the tree agrees.
    expect(new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
    const reasons = acknowledgementReasons(app);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(40);
  });

  it('names the concrete account and region when deployed, and nothing else changes', () => {
    const concrete = deployed[stage];
    expect(concrete.stack.account).toBe(ACCOUNT);
    expect(concrete.stack.region).toBe(REGION);
    const types = (s: Synth) =>
      Object.values(s.template.toJSON().Resources as Record<string, { Type: string }>)
        .map((r) => r.Type)
        .sort();
    expect(types(concrete)).toEqual(types(synths[stage]));
    const send = statementsOfSynth(concrete, 'mail-worker').find((st) => actionsOf([st]).includes('ses:SendEmail'))!;
    expect(send.Resource).toEqual(
      expect.arrayContaining([
        `arn:aws:ses:${REGION}:${ACCOUNT}:identity/ordo@example.com`,
        `arn:aws:ses:${REGION}:${ACCOUNT}:identity/example.com`,
      ]),
    );
  });
});

describe('target environment', () => {
  it("takes the CLI's account and region when both are set, else stays environment-agnostic", () => {
    expect(environmentFromProcess({ CDK_DEFAULT_ACCOUNT: ACCOUNT, CDK_DEFAULT_REGION: REGION })).toEqual({
      account: ACCOUNT,
      region: REGION,
    });
    expect(environmentFromProcess({})).toEqual({});
    const { stack } = createOrdoApp({ context: { 'aws:cdk:bundling-stacks': [] } }, { account: ACCOUNT });
    // An account without a region (or the reverse) is not a deployable environment: agnostic.
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
  });
});

describe('cdk-nag registration', () => {
  it('fails the synthesis report on an unacknowledged finding', () => {
    const { app, stack } = createOrdoApp(
      {
        outdir: path.join(workDir, 'cdk.out-nag'),
        context: {
          ...cdkContext,
          'aws:cdk:bundling-stacks': [],
          [cxapi.FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
          portalDist: path.join(workDir, 'no-build'),
        },
      },
      {},
    );
    new s3.Bucket(stack, 'Careless');
    const assembly = app.synth();
    const report = JSON.parse(
      readFileSync(path.join(assembly.directory, cxapi.VALIDATION_REPORT_FILE), 'utf8'),
    ) as Synth['report'];
    const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect(nag?.conclusion).toBe('failure');
    const rules = nag!.violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    expect(JSON.stringify(nag!.violations)).toContain('/Careless/');
  });
});

function acknowledgementReasons(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((m) => Object.values(m.data as Record<string, string>));
}

describe('mail identity from context', () => {
  const mailFor = (context: Json) => {
    const app = new App({ context });
    const stack = new Stack(app, 'MailOnly');
    return { stack, mail: new OrdoMail(stack, 'Mail', { config: readConfig(app.node) }) };
  };

  it('creates a domain identity and sends from ordo@<domain> when mailDomain is given', () => {
    const { stack, mail } = mailFor({ mailDomain: 'corp.example' });
    expect(mail.from).toBe('ordo@corp.example');
    expect(mail.fromCondition).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'corp.example',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.anyValue() } },
    });
  });

  it('creates an address identity when only mailFrom is given', () => {
    const { stack, mail } = mailFor({ mailFrom: 'service-desk@corp.example' });
    expect(mail.from).toBe('service-desk@corp.example');
    Template.fromStack(stack).hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'service-desk@corp.example',
    });
  });

  it('rejects a stage other than dev or prod', () => {
    expect(() => mailFor({ stage: 'staging' })).toThrow(/dev or prod/);
  });
});
