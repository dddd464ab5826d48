/**
 * Mail in's infrastructure (context `inboundDomain`): SES receiving into an encrypted bucket and then
 * the mail-in function, its retries and dead-letter queue, the reply key for the senders — and the
 * whole stack still cdk-nag clean, synthesized for a concrete account and region.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_PREFIX } from '../../infra/inbound.ts';
import { createOrdoApp, type OrdoStack } from '../../infra/stack.ts';

type Json = Record<string, unknown>;
const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = (JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')) as { context: Json }).context;
const workDir = mkdtempSync(path.join(tmpdir(), 'ordo-mail-in-'));
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const DOMAIN = 'in.example.com';

function synthesize(name: string, context: Json): { stack: OrdoStack; template: Template; findings: string[] } {
  const { app, stack } = createOrdoApp(
    {
      outdir: path.join(workDir, `cdk.out-${name}`),
      context: {
        ...cdkContext,
        'aws:cdk:bundling-stacks': [],
        [cxapi.FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
        portalDist: path.join(workDir, 'no-build'),
        ...context,
      },
    },
    { account: ACCOUNT, region: REGION },
  );
  const assembly = app.synth();
  const report = JSON.parse(readFileSync(path.join(assembly.directory, cxapi.VALIDATION_REPORT_FILE), 'utf8')) as {
    pluginReports: Array<{ violations: Array<{ ruleName: string; violatingResources?: unknown }> }>;
  };
  return {
    stack,
    template: Template.fromStack(stack),
    findings: report.pluginReports.flatMap((p) =>
      p.violations.map((v) => `${v.ruleName} ${JSON.stringify(v.violatingResources ?? '')}`),
    ),
  };
}

function environmentOf(template: Template, functionName: string): Json {
  const fns = template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } });
  const [fn] = Object.values(fns) as Array<{ Properties: { Environment: { Variables: Json } } }>;
  expect(fn, functionName).toBeDefined();
  return fn?.Properties.Environment.Variables ?? {};
}

describe('mail in with -c inboundDomain (prod, concrete account and region)', () => {
  let synth: ReturnType<typeof synthesize>;
  beforeAll(() => {
    synth = synthesize('inbound', { stage: 'prod', inboundDomain: DOMAIN });
  });

  it('receives mail for the domain: store the raw message, then invoke mail-in asynchronously', () => {
    const t = synth.template;
    t.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    t.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'ordo-prod-inbound' });
    const bucket = Object.keys(
      t.findResources('AWS::S3::Bucket', {
        Properties: {
          LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'expire-raw-mail' })]) },
        },
      }),
    )[0];
    const fn = Object.keys(
      t.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'ordo-prod-mail-in' } }),
    )[0];
    expect(bucket).toBeDefined();
    expect(fn).toBeDefined();
    t.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Name: 'ordo-prod-receive',
        Enabled: true,
        Recipients: [DOMAIN],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [
          { S3Action: { BucketName: { Ref: bucket }, ObjectKeyPrefix: INBOUND_PREFIX } },
          { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [fn, 'Arn'] }, InvocationType: 'Event' } },
        ],
      },
    });
    // SES may invoke mail-in, and only from this account.
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'ses.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('keeps raw mail in a private, encrypted, TLS-only bucket with access logs and an expiry, writable by SES only', () => {
    const t = synth.template;
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'inbound/' }),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'expire-raw-mail', Prefix: INBOUND_PREFIX, ExpirationInDays: 365 }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:PutObject',
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            Resource: { 'Fn::Join': ['', [Match.anyValue(), `/${INBOUND_PREFIX}*`]] },
          }),
        ]),
      },
    });
  });

  it('retries mail-in twice and then parks the event in an encrypted dead-letter queue', () => {
    const t = synth.template;
    const queue = Object.keys(
      t.findResources('AWS::SQS::Queue', { Properties: { QueueName: 'ordo-prod-mail-in-dlq' } }),
    )[0];
    expect(queue).toBeDefined();
    t.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'ordo-prod-mail-in-dlq', SqsManagedSseEnabled: true });
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
  });

  it('gives mail-in its buckets, the domain and the reply key, and the senders the reply key only', () => {
    const t = synth.template;
    const mailIn = environmentOf(t, 'ordo-prod-mail-in');
    expect(mailIn).toMatchObject({ INBOUND_DOMAIN: DOMAIN, INBOUND_PREFIX, MAIL_FROM: expect.any(String) });
    for (const name of ['INBOUND_BUCKET', 'ATTACHMENTS_BUCKET', 'REPLY_SECRET_ARN', 'TABLE_NAME', 'PORTAL_URL'])
      expect(mailIn[name], name).toBeDefined();
    expect(mailIn.LINK_SECRET_ARN).toBeUndefined();
    for (const sender of ['ordo-prod-mail-worker', 'ordo-prod-sla-timer']) {
      const env = environmentOf(t, sender);
      expect(env).toMatchObject({ INBOUND_DOMAIN: DOMAIN });
      expect(env.REPLY_SECRET_ARN, sender).toBeDefined();
      expect(env.LINK_SECRET_ARN, sender).toBeUndefined();
    }
    t.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'ordo-prod-reply-secret' });
    t.hasOutput('InboundMx', { Value: `10 inbound-smtp.${REGION}.amazonaws.com` });
  });

  /** What a function's role may do on the inbound bucket: `action on objects|bucket` (statements merged or not). */
  function onInbound(t: Template, functionName: string, bucketRef: string): string[] {
    const [fn] = Object.values(
      t.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } }),
    ) as Array<{ Properties: { Role: { 'Fn::GetAtt': [string, string] } } }>;
    const role = fn!.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(
      t.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: role }]) } }),
    ).flatMap(
      (p) =>
        (
          p as {
            Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const objects = JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketRef, 'Arn'] }, `/${INBOUND_PREFIX}*`]] });
    const bucket = JSON.stringify({ 'Fn::GetAtt': [bucketRef, 'Arn'] });
    const out: string[] = [];
    for (const st of statements) {
      const resources = (Array.isArray(st.Resource) ? st.Resource : [st.Resource]).map((r) => JSON.stringify(r));
      const actions = Array.isArray(st.Action) ? st.Action : [st.Action];
      for (const r of resources) {
        if (!r.includes(bucketRef)) continue;
        const where = r === objects ? 'objects' : r === bucket ? 'bucket' : r;
        for (const action of actions) out.push(`${action} on ${where}`);
      }
    }
    return out.sort();
  }

  it('lets the API read raw messages for the head’s download and delete them for an erasure, and the retention job delete them, nothing else of the inbound bucket', () => {
    const t = synth.template;
    const api = environmentOf(t, 'ordo-prod-api');
    const mailIn = environmentOf(t, 'ordo-prod-mail-in');
    const retention = environmentOf(t, 'ordo-prod-retention');
    expect(api.INBOUND_BUCKET).toEqual(mailIn.INBOUND_BUCKET);
    expect(retention.INBOUND_BUCKET).toEqual(mailIn.INBOUND_BUCKET);
    const bucketRef = (mailIn.INBOUND_BUCKET as { Ref: string }).Ref;
    const remove = [
      's3:DeleteObject on objects',
      's3:DeleteObjectVersion on objects',
      's3:ListBucketVersions on bucket',
    ];
    expect(onInbound(t, 'ordo-prod-api', bucketRef)).toEqual([...remove, 's3:GetObject on objects'].sort());
    expect(onInbound(t, 'ordo-prod-retention', bucketRef)).toEqual(remove);
  });

  it('stays cdk-nag clean', () => {
    expect(synth.findings).toEqual([]);
  });
});

describe('without inboundDomain', () => {
  it('has no receiving, no mail-in function and no reply key', () => {
    const { template } = synthesize('plain', { stage: 'dev' });
    template.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    expect(
      Object.keys(
        template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'ordo-dev-mail-in' } }),
      ),
    ).toEqual([]);
    expect(environmentOf(template, 'ordo-dev-mail-worker').REPLY_SECRET_ARN).toBeUndefined();
  });
});
