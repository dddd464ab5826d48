/**
 * Deployment settings, read once from CDK context (`-c key=value` or cdk.json) into a typed object.
 * Nothing else in infra/ reads context. Every value is checked here, so a typo fails `cdk synth`
 * with a message naming the key instead of producing a stack that cannot sign anyone in.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

export type Stage = 'dev' | 'prod';

/**
 * Where each Ordo profile attribute comes from in the identity provider's token or assertion:
 * the claim (OIDC) or attribute (SAML) name. `emailVerified` is optional.
 */
export interface ProviderAttributes {
  email: string;
  name: string;
  /** Preferred language (user-pool attribute `locale`). */
  locale: string;
  department: string;
  location: string;
  jobTitle: string;
  emailVerified?: string;
}

export const PROVIDER_ATTRIBUTE_KEYS = [
  'email',
  'name',
  'locale',
  'department',
  'location',
  'jobTitle',
  'emailVerified',
] as const satisfies ReadonlyArray<keyof ProviderAttributes>;

/** Standard OIDC claims, and Ordo's own names for what OIDC has no standard claim for. */
export const OIDC_DEFAULT_ATTRIBUTES: ProviderAttributes = {
  email: 'email',
  name: 'name',
  locale: 'locale',
  department: 'department',
  location: 'location',
  jobTitle: 'job_title',
  emailVerified: 'email_verified',
};

/**
 * The claim types AD FS and Microsoft Entra ID send by default for e-mail and display name; the
 * others have no common URI, so the IdP is configured to send them under these names.
 */
export const SAML_DEFAULT_ATTRIBUTES: ProviderAttributes = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.microsoft.com/identity/claims/displayname',
  locale: 'preferredLanguage',
  department: 'department',
  location: 'location',
  jobTitle: 'jobTitle',
};

export interface OidcProviderConfig {
  /** Shown on the sign-in page; also the `identity_provider` value of the authorize request. */
  name: string;
  issuer: string;
  clientId: string;
  /** Secrets Manager secret whose value is the client secret (resolved by CloudFormation at deploy time). */
  clientSecretArn: string;
  scopes: string[];
  attributes: ProviderAttributes;
}

export interface SamlProviderConfig {
  name: string;
  metadata: { type: 'url'; url: string } | { type: 'file'; path: string; content: string };
  attributes: ProviderAttributes;
}

export interface OrdoConfig {
  stage: Stage;
  /** Sender address of every notification (`MAIL_FROM`). */
  mailFrom: string;
  /** Whether `mailFrom` was given explicitly (then an SES email identity is created for it). */
  mailFromExplicit: boolean;
  /** Optional sending domain: when set, an SES domain identity is created (and `mailFrom` defaults to ordo@domain). */
  mailDomain?: string;
  /** Optional address subscribed to the alarm topic. */
  alarmEmail?: string;
  /** Mail in: the domain SES receives for (replies to orders, departments' addresses); off when unset. */
  inboundDomain?: string;
  /** Folder with the built portal (Vite output); deployed only when it holds an index.html. */
  portalDist: string;
  /** Absolute path of the repository root (where package-lock.json lives). */
  projectRoot: string;
  /** Prefix of the Cognito domain (`<prefix>.auth.<region>.amazoncognito.com`); default `ordo-<stage>-<account>`. */
  authDomainPrefix?: string;
  /** People who are administrators by configuration (lower case); checked by the API at every sign-in. */
  adminEmails: string[];
  /** Whether people can also sign in with a Cognito user name and password (not only through an IdP). */
  cognitoSignIn: boolean;
  oidcProvider?: OidcProviderConfig;
  samlProvider?: SamlProviderConfig;
}

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const DEFAULT_MAIL_FROM = 'ordo@example.com';
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Cognito's rule for provider names, minus the characters that need escaping in URLs and shells. */
const PROVIDER_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{1,30}[A-Za-z0-9]$/;
/** Names Cognito reserves for its own and the social providers. */
const RESERVED_PROVIDER_NAMES = ['cognito', 'google', 'facebook', 'loginwithamazon', 'signinwithapple'];
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string.`);
  return value;
}

function optionalBoolean(node: Node, key: string, fallback: boolean): boolean {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`Context "${key}" must be true or false, not ${JSON.stringify(value)}.`);
}

/** A JSON object given on the command line (a string) or in cdk.json (already an object). */
function optionalObject(node: Node, key: string): Record<string, unknown> | undefined {
  let value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error(`Context "${key}" must be a JSON object, e.g. -c ${key}='{"name":"…",…}'.`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`Context "${key}" must be a JSON object.`);
  return value as Record<string, unknown>;
}

function rejectUnknownKeys(where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw new Error(`${where}: unknown key(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}.`);
}

function requiredText(where: string, value: Record<string, unknown>, key: string): string {
  const text = value[key];
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`${where}: "${key}" is required (a string).`);
  return text.trim();
}

function httpsUrl(where: string, key: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${where}: "${key}" is not a URL: ${text}`);
  }
  if (url.protocol !== 'https:') throw new Error(`${where}: "${key}" must be an https URL: ${text}`);
  if (url.search || url.hash) throw new Error(`${where}: "${key}" must not have a query or fragment: ${text}`);
  return text;
}

function providerName(where: string, value: Record<string, unknown>): string {
  const name = requiredText(where, value, 'name');
  if (!PROVIDER_NAME.test(name))
    throw new Error(
      `${where}: "name" must be 3–32 letters, digits, dots or hyphens, starting and ending with a letter or digit: ${name}`,
    );
  if (RESERVED_PROVIDER_NAMES.includes(name.toLowerCase()))
    throw new Error(`${where}: "name" ${name} is reserved by Cognito; choose another, e.g. the company's IdP name.`);
  return name;
}

function providerAttributes(where: string, given: unknown, defaults: ProviderAttributes): ProviderAttributes {
  if (given === undefined) return { ...defaults };
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new Error(`${where}: "attributes" must be an object such as {"locale":"xms_pl"}.`);
  const record = given as Record<string, unknown>;
  rejectUnknownKeys(`${where}.attributes`, record, PROVIDER_ATTRIBUTE_KEYS);
  const result: ProviderAttributes = { ...defaults };
  for (const key of PROVIDER_ATTRIBUTE_KEYS) {
    const claim = record[key];
    if (claim === undefined) continue;
    if (typeof claim !== 'string' || claim.trim() === '' || claim.length > 256)
      throw new Error(`${where}: attribute "${key}" must name a claim (1–256 characters).`);
    result[key] = claim.trim();
  }
  return result;
}

function readOidcProvider(node: Node): OidcProviderConfig | undefined {
  const where = 'Context "oidcProvider"';
  const value = optionalObject(node, 'oidcProvider');
  if (!value) return undefined;
  if ('clientSecret' in value)
    throw new Error(
      `${where}: never put the client secret in context (it would end up in cdk.context.json, shell history and the template). Store it in Secrets Manager and pass "clientSecretArn".`,
    );
  rejectUnknownKeys(where, value, ['name', 'issuer', 'clientId', 'clientSecretArn', 'scopes', 'attributes']);
  const issuer = httpsUrl(where, 'issuer', requiredText(where, value, 'issuer'));
  const clientSecretArn = requiredText(where, value, 'clientSecretArn');
  if (!SECRET_ARN.test(clientSecretArn))
    throw new Error(
      `${where}: "clientSecretArn" must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), not ${clientSecretArn}`,
    );
  let scopes = ['openid', 'email', 'profile'];
  if (value.scopes !== undefined) {
    if (!Array.isArray(value.scopes) || value.scopes.some((s) => typeof s !== 'string' || !/^\S+$/.test(s)))
      throw new Error(`${where}: "scopes" must be an array of scope names.`);
    scopes = value.scopes as string[];
    if (!scopes.includes('openid')) throw new Error(`${where}: "scopes" must include openid.`);
  }
  return {
    name: providerName(where, value),
    // Kept exactly as given: Cognito compares it with the tokens' iss, trailing slash included.
    issuer,
    clientId: requiredText(where, value, 'clientId'),
    clientSecretArn,
    scopes,
    attributes: providerAttributes(where, value.attributes, OIDC_DEFAULT_ATTRIBUTES),
  };
}

function readSamlProvider(node: Node, projectRoot: string): SamlProviderConfig | undefined {
  const where = 'Context "samlProvider"';
  const value = optionalObject(node, 'samlProvider');
  if (!value) return undefined;
  rejectUnknownKeys(where, value, ['name', 'metadataUrl', 'metadataFile', 'attributes']);
  const hasUrl = value.metadataUrl !== undefined;
  const hasFile = value.metadataFile !== undefined;
  if (hasUrl === hasFile) throw new Error(`${where}: give exactly one of "metadataUrl" and "metadataFile".`);
  let metadata: SamlProviderConfig['metadata'];
  if (hasUrl) {
    metadata = { type: 'url', url: httpsUrl(where, 'metadataUrl', requiredText(where, value, 'metadataUrl')) };
  } else {
    const file = path.resolve(projectRoot, requiredText(where, value, 'metadataFile'));
    if (!existsSync(file)) throw new Error(`${where}: "metadataFile" not found: ${file}`);
    const content = readFileSync(file, 'utf8');
    if (!/<(?:\w+:)?EntityDescriptor[\s>]/.test(content))
      throw new Error(`${where}: "metadataFile" is not SAML metadata (no EntityDescriptor): ${file}`);
    // Cognito's limit for MetadataFile.
    if (content.length > 131_072) throw new Error(`${where}: "metadataFile" is larger than 131,072 characters.`);
    metadata = { type: 'file', path: file, content };
  }
  return {
    name: providerName(where, value),
    metadata,
    attributes: providerAttributes(where, value.attributes, SAML_DEFAULT_ATTRIBUTES),
  };
}

/** `-c adminEmails=a@x.com,b@x.com` (or an array in cdk.json), lower-cased and without duplicates. */
function readAdminEmails(node: Node): string[] {
  const value: unknown = node.tryGetContext('adminEmails');
  if (value === undefined || value === null || value === '') return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!items || items.some((i) => typeof i !== 'string'))
    throw new Error('Context "adminEmails" must be a comma-separated list of addresses.');
  const emails = (items as string[]).map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
  for (const email of emails) {
    if (!EMAIL.test(email)) throw new Error(`Context "adminEmails": not an address: ${email}`);
  }
  return [...new Set(emails)];
}

function readAuthDomainPrefix(node: Node): string | undefined {
  const prefix = optionalString(node, 'authDomainPrefix');
  if (prefix === undefined) return undefined;
  if (!DOMAIN_PREFIX.test(prefix))
    throw new Error(
      `Context "authDomainPrefix" must be 1–63 lower-case letters, digits or hyphens, not starting or ending with a hyphen: ${prefix}`,
    );
  if (/aws|amazon|cognito/.test(prefix))
    throw new Error(
      `Context "authDomainPrefix" must not contain aws, amazon or cognito (Cognito refuses them): ${prefix}`,
    );
  return prefix;
}

export function readConfig(node: Node): OrdoConfig {
  const stage = optionalString(node, 'stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`Context "stage" must be dev or prod, not "${stage}".`);
  const mailDomain = optionalString(node, 'mailDomain');
  const explicitFrom = optionalString(node, 'mailFrom');
  const mailFrom = explicitFrom ?? (mailDomain ? `ordo@${mailDomain}` : DEFAULT_MAIL_FROM);
  if (!EMAIL.test(mailFrom)) throw new Error(`Context "mailFrom" is not an address: ${mailFrom}`);
  if (mailDomain && !mailFrom.toLowerCase().endsWith(`@${mailDomain.toLowerCase()}`)) {
    throw new Error(`Context "mailFrom" (${mailFrom}) must be an address of "mailDomain" (${mailDomain}).`);
  }
  const alarmEmail = optionalString(node, 'alarmEmail');
  const inboundDomain = optionalString(node, 'inboundDomain')?.toLowerCase();
  if (inboundDomain && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(inboundDomain))
    throw new Error(`Context "inboundDomain" is not a domain name: ${inboundDomain}`);
  const portalDist = path.resolve(PROJECT_ROOT, optionalString(node, 'portalDist') ?? 'web/dist');

  const authDomainPrefix = readAuthDomainPrefix(node);
  const oidcProvider = readOidcProvider(node);
  const samlProvider = readSamlProvider(node, PROJECT_ROOT);
  if (oidcProvider && samlProvider && oidcProvider.name.toLowerCase() === samlProvider.name.toLowerCase())
    throw new Error(`Contexts "oidcProvider" and "samlProvider" need different names (both are ${oidcProvider.name}).`);
  const cognitoSignIn = optionalBoolean(node, 'cognitoSignIn', true);
  if (!cognitoSignIn && !oidcProvider && !samlProvider)
    throw new Error(
      'Context "cognitoSignIn=false" needs an "oidcProvider" or "samlProvider", or nobody could sign in.',
    );

  return {
    stage,
    mailFrom,
    mailFromExplicit: explicitFrom !== undefined,
    ...(mailDomain ? { mailDomain } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(inboundDomain ? { inboundDomain } : {}),
    portalDist,
    projectRoot: PROJECT_ROOT,
    ...(authDomainPrefix ? { authDomainPrefix } : {}),
    adminEmails: readAdminEmails(node),
    cognitoSignIn,
    ...(oidcProvider ? { oidcProvider } : {}),
    ...(samlProvider ? { samlProvider } : {}),
  };
}

/** Physical names carry the stage so dev and prod can share an account: `ordo-dev-api`. */
export function resourceName(config: Pick<OrdoConfig, 'stage'>, part?: string): string {
  return part ? `ordo-${config.stage}-${part}` : `ordo-${config.stage}`;
}

export const isProd = (config: Pick<OrdoConfig, 'stage'>): boolean => config.stage === 'prod';

/** What a stage's data becomes when its stack is deleted: production keeps it, a dev stage's goes with it. */
export const removalPolicyOf = (config: Pick<OrdoConfig, 'stage'>): RemovalPolicy =>
  isProd(config) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

/** How long a stage keeps its logs: a year in production, a month elsewhere. */
export const logRetentionOf = (config: Pick<OrdoConfig, 'stage'>): logs.RetentionDays =>
  isProd(config) ? logs.RetentionDays.ONE_YEAR : logs.RetentionDays.ONE_MONTH;
