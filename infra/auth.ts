/**
 * Sign-in: a Cognito user pool with managed login on its own domain, the portal's app client for the
 * OpenID Connect authorization-code flow with PKCE, the company's identity provider (OIDC or SAML
 * 2.0, from context) and the `admin` group. Department roles (agent, head, process owner) are data
 * in the table, not Cognito groups. Also the key ring that signs the links in e-mails.
 */
import { Duration, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { isProd, type OrdoConfig, type ProviderAttributes, removalPolicyOf, resourceName } from './config.ts';
import type { OrdoFunction } from './function.ts';
import { keyRingSecret } from './secrets.ts';
import type { PortalRuntimeConfig } from './web.ts';

export const ADMIN_GROUP = 'admin';

/** Scopes the portal asks for (also written to its config.json). */
export const PORTAL_SCOPES = ['openid', 'email', 'profile'] as const;

/** Paths of the portal the app client redirects to. */
export const CALLBACK_PATH = '/auth/callback';
export const LOGOUT_PATH = '/';

/** Ordo's own profile attributes in the pool (as `custom:<name>`), filled from the IdP or by an admin. */
export const CUSTOM_ATTRIBUTES = ['department', 'location', 'job_title'] as const;

/** Short-lived tokens: a revoked or disabled person loses access within 15 minutes. */
export const TOKEN_VALIDITY = {
  access: Duration.minutes(15),
  id: Duration.minutes(15),
  /** How long a session lasts without signing in again: a working day in prod, a week in dev. */
  refresh: { prod: Duration.hours(12), dev: Duration.days(7) },
} as const;

/**
 * The Cognito domain prefix: from context, or `ordo-<stage>-<account>`, unique per account and
 * stage. Without a concrete account (env-agnostic synthesis) the account is a token that
 * CloudFormation fills in, so the default works either way.
 */
export function authDomainPrefix(scope: Construct, config: OrdoConfig): string {
  return config.authDomainPrefix ?? `ordo-${config.stage}-${Stack.of(scope).account}`;
}

/** `https://<prefix>.auth.<region>.amazoncognito.com`, the origin of managed login (as UserPoolDomain.baseUrl). */
export function authDomainUrl(scope: Construct, prefix: string): string {
  return `https://${prefix}.auth.${Stack.of(scope).region}.amazoncognito.com`;
}

export interface OrdoAuthProps {
  config: OrdoConfig;
  /** The portal's URL without a trailing slash. */
  portalUrl: string;
  /** From `authDomainPrefix()`. */
  domainPrefix: string;
}

export class OrdoAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly client: cognito.UserPoolClient;
  /** The identity providers from context (OIDC and/or SAML), in that order. */
  readonly providers: cognito.IUserPoolIdentityProvider[] = [];
  /** Key ring for the links in e-mails (clarification answers, survey ratings): `{"current":"k1","k1":"…"}`. */
  readonly linkSecret: secretsmanager.Secret;
  /** The token issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly issuer: string;
  /** Base URL of managed login and the OAuth endpoints: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainUrl: string;
  readonly callbackUrl: string;
  readonly logoutUrl: string;

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
      // A changed e-mail takes effect only once verified, so nobody can claim another person's address.
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
        // The preferred language (BCP 47 tag such as pl or en-GB).
        locale: { required: false, mutable: true },
      },
      customAttributes: Object.fromEntries(
        CUSTOM_ATTRIBUTES.map((name) => [name, new cognito.StringAttribute({ mutable: true, maxLen: 256 })]),
      ),
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
      removalPolicy: removalPolicyOf(config),
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        "MFA is optional by product decision: every user can enrol TOTP, but back-office staff without a second device must still be able to file requests. People who sign in through the company's identity provider get its MFA.",
    });
    if (!prod) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'The dev pool holds test accounts only; the Plus feature plan (threat protection, billed per user) is on in prod.',
      });
    }
    this.issuer = this.userPool.userPoolProviderUrl;

    this.userPool.addGroup('Admin', {
      groupName: ADMIN_GROUP,
      description: 'Platform administrators: manage departments, users and role assignments.',
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.domainUrl = this.domain.baseUrl();

    // What every identity provider is given: the pool, its name on the sign-in page, the attributes it maps.
    const ofPool = (idp: { name: string; attributes: ProviderAttributes }) => ({
      userPool: this.userPool,
      name: idp.name,
      attributeMapping: attributeMapping(idp.attributes),
    });
    if (config.oidcProvider) {
      const idp = config.oidcProvider;
      this.providers.push(
        new cognito.UserPoolIdentityProviderOidc(this, 'OidcProvider', {
          ...ofPool(idp),
          issuerUrl: idp.issuer,
          clientId: idp.clientId,
          // A dynamic reference: CloudFormation reads the secret at deploy time; the template holds only its ARN.
          clientSecret: SecretValue.secretsManager(idp.clientSecretArn).unsafeUnwrap(),
          scopes: idp.scopes,
          attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        }),
      );
    }
    if (config.samlProvider) {
      const idp = config.samlProvider;
      this.providers.push(
        new cognito.UserPoolIdentityProviderSaml(this, 'SamlProvider', {
          ...ofPool(idp),
          metadata:
            idp.metadata.type === 'url'
              ? cognito.UserPoolIdentityProviderSamlMetadata.url(idp.metadata.url)
              : cognito.UserPoolIdentityProviderSamlMetadata.file(idp.metadata.content),
        }),
      );
    }

    // The profile attributes. Cognito writes the mapped ones at every federated sign-in, for which
    // the client needs write access to exactly those; a person could change them only with tokens
    // from the Cognito API itself (the portal's tokens lack aws.cognito.signin.user.admin), and
    // nothing in Ordo authorizes by them. A changed e-mail waits for verification (keepOriginal).
    const profile = new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, fullname: true, locale: true })
      .withCustomAttributes(...CUSTOM_ATTRIBUTES);
    const mapsEmailVerified = [config.oidcProvider, config.samlProvider].some((p) => p?.attributes.emailVerified);
    this.callbackUrl = `${portalUrl}${CALLBACK_PATH}`;
    this.logoutUrl = `${portalUrl}${LOGOUT_PATH}`;
    this.client = this.userPool.addClient('PortalClient', {
      userPoolClientName: resourceName(config, 'portal'),
      // A browser app cannot keep a secret: a public client, the code flow protected by PKCE.
      generateSecret: false,
      // Managed login offers user name and password only when the client allows SRP; without it
      // the client has only the OAuth flows (and refresh).
      authFlows: { userSrp: config.cognitoSignIn },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [this.callbackUrl],
        logoutUrls: [this.logoutUrl],
      },
      supportedIdentityProviders: [
        ...(config.cognitoSignIn ? [cognito.UserPoolClientIdentityProvider.COGNITO] : []),
        ...this.providers.map((p) => cognito.UserPoolClientIdentityProvider.custom(p.providerName)),
      ],
      readAttributes: profile.withStandardAttributes({ emailVerified: true }),
      writeAttributes: mapsEmailVerified ? profile.withStandardAttributes({ emailVerified: true }) : profile,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: TOKEN_VALIDITY.access,
      idTokenValidity: TOKEN_VALIDITY.id,
      refreshTokenValidity: TOKEN_VALIDITY.refresh[config.stage],
    });

    // Managed login (the newer version) shows an error page for a client without a style: give the
    // portal's client Cognito's default style.
    const branding = new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    // After the domain, which selects the managed-login version the style is for.
    branding.node.addDependency(this.domain);

    this.linkSecret = keyRingSecret(this, 'LinkSecret', {
      config,
      name: 'link-secret',
      description:
        'Key ring for the signed links in Ordo e-mails: {"current":"<key id>","<key id>":"<key>",…}. See infra/README.md for rotation.',
      manualRotation:
        'The link key is rotated by hand, without breaking links in flight: add a new key id, make it current, and drop the old key once its links have expired (30 days); the API reads the ring at cold start. An automatic rotation Lambda would have to keep the same overlap (infra/README.md).',
    });
  }
}

/** Context attribute names → Cognito's mapping (user-pool attribute → IdP claim or SAML attribute). */
function attributeMapping(attributes: ProviderAttributes): cognito.AttributeMapping {
  const claim = (name: string) => cognito.ProviderAttribute.other(name);
  return {
    email: claim(attributes.email),
    fullname: claim(attributes.name),
    locale: claim(attributes.locale),
    ...(attributes.emailVerified ? { emailVerified: claim(attributes.emailVerified) } : {}),
    // The keys are the user-pool attribute names as Cognito's mapping wants them (`custom:…`).
    custom: {
      'custom:department': claim(attributes.department),
      'custom:location': claim(attributes.location),
      'custom:job_title': claim(attributes.jobTitle),
    },
  };
}

/**
 * What the API needs to verify tokens and decide who is an administrator (no IAM access is needed
 * for that: the JWKS is public). Only the API gets these.
 */
export function bindAuth(fn: OrdoFunction, auth: OrdoAuth, config: Pick<OrdoConfig, 'adminEmails'>): void {
  fn.setEnv('OIDC_ISSUER', auth.issuer);
  fn.setEnv('OIDC_CLIENT_ID', auth.client.userPoolClientId);
  fn.setEnv('ADMIN_GROUP', ADMIN_GROUP);
  if (config.adminEmails.length > 0) fn.setEnv('ADMIN_EMAILS', config.adminEmails.join(','));
}

/** Lets the function read the link key ring at cold start; only the API signs and checks links. */
export function bindLinkSecret(fn: OrdoFunction, auth: OrdoAuth): void {
  auth.linkSecret.grantRead(fn.role);
  fn.setEnv('LINK_SECRET_ARN', auth.linkSecret.secretArn);
}

/** The `oidc` section of the portal's config.json: Cognito's endpoints, so the browser needs no discovery. */
export function portalOidcConfig(auth: OrdoAuth): PortalRuntimeConfig['oidc'] {
  const issuer = auth.issuer;
  const domain = auth.domainUrl;
  return {
    authority: issuer,
    clientId: auth.client.userPoolClientId,
    scope: PORTAL_SCOPES.join(' '),
    metadata: {
      issuer,
      authorization_endpoint: `${domain}/oauth2/authorize`,
      token_endpoint: `${domain}/oauth2/token`,
      revocation_endpoint: `${domain}/oauth2/revoke`,
      userinfo_endpoint: `${domain}/oauth2/userInfo`,
      end_session_endpoint: `${domain}/logout`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
    },
    logoutRedirectParam: 'logout_uri',
  };
}
