/**
 * Deployment settings, read once from CDK context (`-c key=value` or cdk.json) into a typed object.
 * Nothing else in infra/ reads context.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';

export type Stage = 'dev' | 'prod';

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
  /** Folder with the built portal (Vite output); deployed only when it holds an index.html. */
  portalDist: string;
  /** Absolute path of the repository root (where package-lock.json lives). */
  projectRoot: string;
}

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const DEFAULT_MAIL_FROM = 'ordo@example.com';

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string.`);
  return value;
}

export function readConfig(node: Node): OrdoConfig {
  const stage = optionalString(node, 'stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`Context "stage" must be dev or prod, not "${stage}".`);
  const mailDomain = optionalString(node, 'mailDomain');
  const explicitFrom = optionalString(node, 'mailFrom');
  const mailFrom = explicitFrom ?? (mailDomain ? `ordo@${mailDomain}` : DEFAULT_MAIL_FROM);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(mailFrom))
    throw new Error(`Context "mailFrom" is not an address: ${mailFrom}`);
  if (mailDomain && !mailFrom.toLowerCase().endsWith(`@${mailDomain.toLowerCase()}`)) {
    throw new Error(`Context "mailFrom" (${mailFrom}) must be an address of "mailDomain" (${mailDomain}).`);
  }
  const alarmEmail = optionalString(node, 'alarmEmail');
  const portalDist = path.resolve(PROJECT_ROOT, optionalString(node, 'portalDist') ?? 'web/dist');
  return {
    stage,
    mailFrom,
    mailFromExplicit: explicitFrom !== undefined,
    ...(mailDomain ? { mailDomain } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    portalDist,
    projectRoot: PROJECT_ROOT,
  };
}

/** Physical names carry the stage so dev and prod can share an account: `ordo-dev-api`. */
export function resourceName(config: Pick<OrdoConfig, 'stage'>, part?: string): string {
  return part ? `ordo-${config.stage}-${part}` : `ordo-${config.stage}`;
}

export const isProd = (config: Pick<OrdoConfig, 'stage'>): boolean => config.stage === 'prod';
