/**
 * Sign-in: a Cognito user pool (accounts created by administrators, e-mail as user name, optional
 * TOTP MFA), the `admin` group and the portal's public app client. Department roles (agent, head,
 * process owner) are data in the table, not Cognito groups.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { isProd, type OrdoConfig, resourceName } from './config.ts';
import type { OrdoFunction } from './function.ts';

export const ADMIN_GROUP = 'admin';

export interface OrdoAuthProps {
  config: OrdoConfig;
  /** The portal's URL: the only OAuth callback and sign-out URL. */
  portalUrl: string;
}

export class OrdoAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** Signs the links in emails (clarification answers, survey ratings). */
  readonly linkSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: OrdoAuthProps) {
    super(scope, id);
    const { config, portalUrl } = props;
    const prod = isProd(config);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: resourceName(config, 'users'),
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus (threat protection) in prod, in audit mode: risky sign-ins are detected and reported
      // without locking anyone out until the risk actions are tuned.
      featurePlan: prod ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(prod ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.AUDIT_ONLY } : {}),
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by product decision: every user can enrol TOTP, but back-office staff without a second device must still be able to file requests.',
    });
    if (!prod) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'The dev pool holds test accounts only; the Plus feature plan (threat protection, billed per user) is on in prod.',
      });
    }

    this.linkSecret = new secretsmanager.Secret(this, 'LinkSecret', {
      secretName: resourceName(config, 'link-secret'),
      description: 'HMAC key for the signed links Ordo puts in emails.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.linkSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the link key would invalidate every emailed link still in its validity window; it is rotated by hand (a redeploy picks up the new value) when needed.',
    });

    this.userPool.addGroup('Admin', {
      groupName: ADMIN_GROUP,
      description: 'Platform administrators: manage departments, users and role assignments.',
    });

    this.client = this.userPool.addClient('PortalClient', {
      userPoolClientName: resourceName(config, 'portal'),
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [portalUrl],
        logoutUrls: [portalUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(prod ? 7 : 30),
    });
  }
}

/** Sets the variables the API needs to verify Cognito tokens (no IAM access is needed for that). */
export function bindAuth(fn: OrdoFunction, auth: OrdoAuth): void {
  fn.setEnv('AUTH_MODE', 'cognito');
  fn.setEnv('COGNITO_USER_POOL_ID', auth.userPool.userPoolId);
  fn.setEnv('COGNITO_CLIENT_ID', auth.client.userPoolClientId);
  // Resolved by CloudFormation at deploy time: the template holds only a reference to the secret.
  fn.setEnv('LINK_SECRET', auth.linkSecret.secretValue.unsafeUnwrap());
}
