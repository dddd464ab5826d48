/**
 * The Ordo stack: composes the constructs and wires each function to exactly what it uses.
 * `createOrdoApp` is shared by the CDK entry (infra/app.ts) and the tests.
 */
import { App, type AppProps, CfnOutput, Stack, type StackProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { OrdoAlarms } from './alarms.ts';
import { OrdoApi } from './api.ts';
import { authDomainPrefix, authDomainUrl, bindAuth, bindLinkSecret, OrdoAuth, portalOidcConfig } from './auth.ts';
import { type OrdoConfig, readConfig, resourceName } from './config.ts';
import { OrdoInbound } from './inbound.ts';
import { bindMail, MailWorker, OrdoMail } from './mail.ts';
import { bindAttachmentRemoval, bindAttachments, bindTable, OrdoStorage } from './storage.ts';
import { RetentionJob, SlaTimer } from './timers.ts';
import { bindPortal, OrdoWeb } from './web.ts';

export interface OrdoStackProps extends StackProps {
  config: OrdoConfig;
}

export class OrdoStack extends Stack {
  readonly storage: OrdoStorage;
  readonly web: OrdoWeb;
  readonly auth: OrdoAuth;
  readonly mail: OrdoMail;
  readonly api: OrdoApi;
  readonly mailWorker: MailWorker;
  readonly slaTimer: SlaTimer;
  readonly retention: RetentionJob;
  readonly alarms: OrdoAlarms;
  /** Mail in, when context gives `inboundDomain`. */
  readonly inbound?: OrdoInbound;
  /** Whether the built portal was found and is uploaded by this stack. */
  readonly portalDeployed: boolean;

  constructor(scope: Construct, id: string, props: OrdoStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.storage = new OrdoStorage(this, 'Storage', { config });
    // The sign-in domain is known before the user pool exists, so the portal's CSP can allow its
    // token endpoint without depending on the pool (whose client depends on the portal's URL).
    const domainPrefix = authDomainPrefix(this, config);
    this.web = new OrdoWeb(this, 'Web', {
      config,
      logBucket: this.storage.accessLogs,
      connectOrigins: [this.storage.attachmentsOrigin, authDomainUrl(this, domainPrefix)],
    });
    this.storage.allowBrowserAccess(this.web.url);
    this.auth = new OrdoAuth(this, 'Auth', { config, portalUrl: this.web.url, domainPrefix });
    this.mail = new OrdoMail(this, 'Mail', { config });

    this.api = new OrdoApi(this, 'Api', {
      config,
      userPool: this.auth.userPool,
      userPoolClient: this.auth.client,
      allowedOrigin: this.web.url,
    });
    const api = this.api.handler;
    bindTable(api, this.storage.table, 'api');
    bindAttachments(api, this.storage.attachments);
    // A person's erasure removes their files and exports.
    bindAttachmentRemoval(api, this.storage.attachments);
    bindAuth(api, this.auth, config);
    // Only the API signs and checks the links in e-mails; the workers get neither key nor issuer.
    bindLinkSecret(api, this.auth);
    bindPortal(api, this.web);

    this.mailWorker = new MailWorker(this, 'MailWorker', { config, table: this.storage.table, mail: this.mail });
    bindPortal(this.mailWorker.handler, this.web);

    this.slaTimer = new SlaTimer(this, 'SlaTimer', { config });
    bindTable(this.slaTimer.handler, this.storage.table, 'slaTimer');
    // The timer also sweeps outbox messages whose retry is due, so it sends mail too.
    bindMail(this.slaTimer.handler, this.mail);
    bindPortal(this.slaTimer.handler, this.web);

    this.retention = new RetentionJob(this, 'Retention', { config });
    bindTable(this.retention.handler, this.storage.table, 'retention');
    bindAttachmentRemoval(this.retention.handler, this.storage.attachments);

    if (config.inboundDomain) {
      this.inbound = new OrdoInbound(this, 'Inbound', {
        config: { ...config, inboundDomain: config.inboundDomain },
        table: this.storage.table,
        attachments: this.storage.attachments,
        accessLogs: this.storage.accessLogs,
        mailFrom: this.mail.from,
      });
      bindPortal(this.inbound.handler, this.web);
      // Whoever sends mail about orders signs its Reply-To address.
      this.inbound.bindReplies(this.mailWorker.handler);
      this.inbound.bindReplies(this.slaTimer.handler);
      // The head's download of a raw message: a presigned GET the API signs, so it may read them.
      this.inbound.letReadRawMail(this.api.handler);
      // A person's erasure (the API) and the retention job delete raw messages with their words.
      this.inbound.letRemoveRawMail(this.api.handler);
      this.inbound.letRemoveRawMail(this.retention.handler);
    }

    this.portalDeployed = this.web.deployPortal({ apiUrl: this.api.url, oidc: portalOidcConfig(this.auth) });

    this.alarms = new OrdoAlarms(this, 'Alarms', { config });
    this.alarms.watchHttpApi(this.api.httpApi);
    this.alarms.watchFunction(this.api.handler, 'api');
    this.alarms.watchFunction(this.mailWorker.handler, 'mail-worker');
    this.alarms.watchFunction(this.slaTimer.handler, 'sla-timer');
    this.alarms.watchDeadLetterQueue(this.mailWorker.deadLetterQueue, 'mail-dlq');
    this.alarms.watchStreamAge(this.mailWorker.handler, 'mail-worker');
    this.alarms.watchMissingRuns(this.slaTimer.handler, 'sla-timer');
    this.alarms.watchFunction(this.retention.handler, 'retention');
    if (this.inbound) {
      this.alarms.watchFunction(this.inbound.handler, 'mail-in');
      this.alarms.watchDeadLetterQueue(this.inbound.deadLetterQueue, 'mail-in-dlq');
    }

    new CfnOutput(this, 'PortalUrl', { value: this.web.url, description: 'Portal (CloudFront)' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'HTTP API base URL' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Cognito user pool' });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.auth.client.userPoolClientId,
      description: 'Cognito app client of the portal',
    });
    new CfnOutput(this, 'AuthDomainUrl', {
      value: this.auth.domainUrl,
      description:
        'Cognito managed login; an identity provider redirects to <this>/oauth2/idpresponse (OIDC) or /saml2/idpresponse (SAML)',
    });
    new CfnOutput(this, 'OidcIssuer', { value: this.auth.issuer, description: 'Issuer of the tokens the API accepts' });
    if (this.inbound) {
      new CfnOutput(this, 'InboundMx', {
        value: `10 inbound-smtp.${this.region}.amazonaws.com`,
        description: `MX record to publish for ${this.inbound.domain}; then activate the receipt rule set`,
      });
      new CfnOutput(this, 'InboundRuleSet', {
        value: this.inbound.ruleSet.receiptRuleSetName,
        description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      });
    }
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName, description: 'DynamoDB table' });
  }
}

/** Where the stack is deployed; without both, the stack is environment-agnostic. */
export interface TargetEnvironment {
  account?: string;
  region?: string;
}

/** What the CDK CLI puts in the environment from the deployer's credentials and configuration. */
export function environmentFromProcess(env: NodeJS.ProcessEnv = process.env): TargetEnvironment {
  return {
    ...(env.CDK_DEFAULT_ACCOUNT ? { account: env.CDK_DEFAULT_ACCOUNT } : {}),
    ...(env.CDK_DEFAULT_REGION ? { region: env.CDK_DEFAULT_REGION } : {}),
  };
}

/**
 * Builds the app: reads the stage and options from context, adds the stack `ordo-<stage>` and
 * registers the cdk-nag AwsSolutions checks, which fail synthesis on any unacknowledged finding.
 * The target account and region default to the CLI's (`CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION`);
 * tests pass them explicitly.
 */
export function createOrdoApp(
  props?: AppProps,
  target: TargetEnvironment = environmentFromProcess(),
): { app: App; stack: OrdoStack } {
  const app = new App(props);
  const config = readConfig(app.node);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const { account, region } = target;
  const stack = new OrdoStack(app, resourceName(config), {
    config,
    description: `Ordo service-request portal (${config.stage})`,
    ...(account && region ? { env: { account, region } } : {}),
  });
  Tags.of(stack).add('app', 'ordo');
  Tags.of(stack).add('stage', config.stage);
  return { app, stack };
}
