/**
 * Sign-in settings from CDK context: the company's identity providers (OIDC and SAML 2.0), the
 * administrators by e-mail, the Cognito domain prefix and turning Cognito's own sign-in off. The
 * stack is synthesized with a concrete account and region (as `cdk deploy` does) and must stay
 * cdk-nag clean with the providers in it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';
import { createOrdoApp, type OrdoStack } from '../../infra/stack.ts';

type Json = Record<string, unknown>;

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = (JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')) as { context: Json }).context;
const workDir = mkdtempSync(path.join(tmpdir(), 'ordo-auth-'));
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:ordo-entra-client-AbCdEf`;
const ENTRA = {
  name: 'Entra',
  issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0',
  clientId: '11111111-2222-3333-4444-555555555555',
  clientSecretArn: SECRET_ARN,
  attributes: { locale: 'xms_pl', emailVerified: 'xms_edov' },
};
const METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
</md:EntityDescriptor>`;

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
    pluginReports: Array<{ violations: Array<{ ruleName: string }> }>;
  };
  return {
    stack,
    template: Template.fromStack(stack),
    findings: report.pluginReports.flatMap((p) => p.violations.map((v) => v.ruleName)),
  };
}

const resources = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as Array<[string, { Properties: Json }]>;

function apiEnvironment(template: Template): Json {
  const fns = template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'ordo-prod-api' } });
  return (Object.values(fns)[0] as { Properties: { Environment: { Variables: Json } } }).Properties.Environment
    .Variables;
}

describe('with an OIDC and a SAML provider, administrators by e-mail and Cognito sign-in (prod)', () => {
  let synth: ReturnType<typeof synthesize>;
  beforeAll(() => {
    writeFileSync(path.join(workDir, 'okta.xml'), METADATA);
    synth = synthesize('providers', {
      stage: 'prod',
      // As given on the command line: JSON strings.
      oidcProvider: JSON.stringify(ENTRA),
      samlProvider: JSON.stringify({
        name: 'Okta',
        metadataFile: path.join(workDir, 'okta.xml'),
        attributes: { department: 'dept' },
      }),
      adminEmails: ' Ada@Corp.example,bob@corp.example,ada@corp.example ',
    });
  });

  it('creates the OIDC provider with the client secret from Secrets Manager and the attribute mapping', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Entra',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: ENTRA.clientId,
        // A dynamic reference: the secret itself is never in the template.
        client_secret: `{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`,
        authorize_scopes: 'openid email profile',
        attributes_request_method: 'GET',
        oidc_issuer: ENTRA.issuer,
      },
      AttributeMapping: {
        email: 'email',
        name: 'name',
        locale: 'xms_pl',
        email_verified: 'xms_edov',
        'custom:department': 'department',
        'custom:location': 'location',
        'custom:job_title': 'job_title',
      },
    });
  });

  it('creates the SAML provider from the metadata file with SAML defaults, overridden where given', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Okta',
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataFile: METADATA }),
      AttributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        name: 'http://schemas.microsoft.com/identity/claims/displayname',
        locale: 'preferredLanguage',
        'custom:department': 'dept',
        'custom:location': 'location',
        'custom:job_title': 'jobTitle',
      },
    });
  });

  it('offers both providers and Cognito sign-in on the portal client, which may write the mapped attributes', () => {
    const providers = Object.fromEntries(
      resources(synth.template, 'AWS::Cognito::UserPoolIdentityProvider').map(([id, r]) => [
        r.Properties.ProviderName,
        id,
      ]),
    );
    expect(Object.keys(providers).sort()).toEqual(['Entra', 'Okta']);
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO', { Ref: providers.Entra }, { Ref: providers.Okta }],
      // Cognito updates mapped attributes at every federated sign-in, which fails without write access.
      WriteAttributes: [
        'custom:department',
        'custom:job_title',
        'custom:location',
        'email',
        'email_verified',
        'locale',
        'name',
      ],
    });
  });

  it('tells the API who the configured administrators are (lower case, once each)', () => {
    expect(apiEnvironment(synth.template)).toMatchObject({
      ADMIN_EMAILS: 'ada@corp.example,bob@corp.example',
      ADMIN_GROUP: 'admin',
    });
  });

  it('stays cdk-nag clean with the providers, a concrete account and region', () => {
    expect(synth.findings).toEqual([]);
  });
});

describe('single sign-on only (cognitoSignIn=false) and an own domain prefix (dev)', () => {
  let synth: ReturnType<typeof synthesize>;
  beforeAll(() => {
    synth = synthesize('sso-only', {
      stage: 'dev',
      cognitoSignIn: 'false',
      authDomainPrefix: 'acme-service-desk',
      samlProvider: {
        name: 'AdFs',
        metadataUrl: 'https://adfs.acme.example/FederationMetadata/2007-06/FederationMetadata.xml',
      },
    });
  });

  it('offers only the identity provider and no password flow', () => {
    const [saml] = resources(synth.template, 'AWS::Cognito::UserPoolIdentityProvider').map(([id]) => id);
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: [{ Ref: saml }],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({
        MetadataURL: 'https://adfs.acme.example/FederationMetadata/2007-06/FederationMetadata.xml',
      }),
    });
  });

  it('uses the given domain prefix', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'acme-service-desk',
      ManagedLoginVersion: 2,
    });
    // The CSP names the same sign-in origin.
    expect(JSON.stringify(synth.template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))).toContain(
      `https://acme-service-desk.auth.${REGION}.amazoncognito.com`,
    );
    expect(synth.findings).toEqual([]);
  });
});

describe('sign-in context is checked strictly', () => {
  const configWith = (context: Json) => readConfig(new App({ context }).node);
  const oidc = (overrides: Json) => ({ oidcProvider: JSON.stringify({ ...ENTRA, ...overrides }) });

  it('reads a provider given as an object (cdk.json) as well as a JSON string (-c)', () => {
    expect(configWith({ oidcProvider: ENTRA }).oidcProvider).toEqual(configWith(oidc({})).oidcProvider);
    expect(configWith({}).oidcProvider).toBeUndefined();
    expect(configWith({}).cognitoSignIn).toBe(true);
    expect(configWith({}).adminEmails).toEqual([]);
  });

  it.each([
    [
      'a client secret in context',
      { oidcProvider: JSON.stringify({ ...ENTRA, clientSecret: 's3cret' }) },
      /Secrets Manager/,
    ],
    ['not JSON', { oidcProvider: '{name:Entra}' }, /must be a JSON object/],
    ['a JSON array', { oidcProvider: '[]' }, /must be a JSON object/],
    ['a missing issuer', oidc({ issuer: undefined }), /"issuer" is required/],
    ['an http issuer', oidc({ issuer: 'http://idp.example' }), /https URL/],
    ['a missing client id', oidc({ clientId: '' }), /"clientId" is required/],
    ['a secret name instead of an ARN', oidc({ clientSecretArn: 'entra-secret' }), /Secrets Manager secret ARN/],
    ['an unknown key', oidc({ tenant: 'x' }), /unknown key\(s\) tenant/],
    ['an unknown attribute', oidc({ attributes: { phone: 'phone_number' } }), /unknown key\(s\) phone/],
    ['an empty claim name', oidc({ attributes: { locale: ' ' } }), /attribute "locale"/],
    ['scopes without openid', oidc({ scopes: ['email'] }), /must include openid/],
    ['a reserved name', oidc({ name: 'Google' }), /reserved/],
    ['a name with spaces', oidc({ name: 'Entra ID' }), /3–32 letters/],
    ['a name too short', oidc({ name: 'AD' }), /3–32 letters/],
    [
      'SAML with both metadata kinds',
      { samlProvider: { name: 'Okta', metadataUrl: 'https://a.example/m', metadataFile: 'x.xml' } },
      /exactly one/,
    ],
    ['SAML without metadata', { samlProvider: { name: 'Okta' } }, /exactly one/],
    [
      'SAML with a missing metadata file',
      { samlProvider: { name: 'Okta', metadataFile: '/nowhere/okta.xml' } },
      /not found/,
    ],
    [
      'SAML with a file that is not metadata',
      { samlProvider: { name: 'Okta', metadataFile: 'package.json' } },
      /not SAML metadata/,
    ],
    [
      'two providers of the same name',
      { ...oidc({ name: 'Corp' }), samlProvider: { name: 'corp', metadataUrl: 'https://a.example/m' } },
      /different names/,
    ],
    ['cognitoSignIn=false without a provider', { cognitoSignIn: 'false' }, /needs an "oidcProvider" or "samlProvider"/],
    ['cognitoSignIn not a boolean', { cognitoSignIn: 'no' }, /true or false/],
    ['a bad administrator address', { adminEmails: 'ada@corp.example,bob' }, /not an address: bob/],
    ['an upper-case domain prefix', { authDomainPrefix: 'Ordo-Prod' }, /lower-case/],
    ['a domain prefix Cognito refuses', { authDomainPrefix: 'ordo-aws-prod' }, /aws, amazon or cognito/],
  ])('rejects %s', (_, context, message) => {
    expect(() => configWith(context)).toThrow(message);
  });
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));
