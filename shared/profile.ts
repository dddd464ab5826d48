/**
 * A person's profile as their identity provider describes them, and who counts as an administrator.
 * Pure: the API applies these at sign-in and on every request.
 */
import { LANGUAGES, type Language, type User } from './model.ts';
import { oneLine } from './text.ts';

/** What sign-in writes onto a profile; roles are never among it. */
export interface ProfileClaims {
  name: string;
  email: string;
  /** Whether the identity provider vouches for the address (only then can it make an administrator). */
  emailVerified: boolean;
  /** The provider's preferred language; used only until the person picks one in Ordo. */
  language?: Language;
  department?: string;
  location?: string;
  jobRole?: string;
}

export type ProfileFromClaims = { ok: true; profile: ProfileClaims } | { ok: false; missing: 'email' };

/** Claims are one-line texts: control characters and bidirectional overrides never reach a profile. */
function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = oneLine(value).replace(/\s+/g, ' ').slice(0, max).trim();
  return clean || undefined;
}

/** `pl`, `pl-PL`, `pl_PL` → `pl`, when Ordo speaks it. */
export function languageOf(locale: unknown): Language | undefined {
  const base = typeof locale === 'string' ? locale.trim().toLowerCase().split(/[-_]/)[0] : undefined;
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined;
}

/**
 * Reads the claims of an ID token: standard OpenID names (`name`, `email`, `locale`, given and
 * family names) and the user pool's custom attributes for customer segments.
 */
export function profileFromClaims(claims: Record<string, unknown>): ProfileFromClaims {
  const email = text(claims.email, 254)?.toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return { ok: false, missing: 'email' };
  const joined = [text(claims.given_name, 100), text(claims.family_name, 100)].filter(Boolean).join(' ');
  const name = text(claims.name, 200) ?? (joined || undefined) ?? email.split('@')[0] ?? email;
  const language = languageOf(claims.locale);
  const department = text(claims['custom:department'], 100);
  const location = text(claims['custom:location'], 100);
  const jobRole = text(claims['custom:job_title'], 100);
  return {
    ok: true,
    profile: {
      name,
      email,
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      ...(language ? { language } : {}),
      ...(department ? { department } : {}),
      ...(location ? { location } : {}),
      ...(jobRole ? { jobRole } : {}),
    },
  };
}

export interface AdminSources {
  /** Verified emails named in the deployment's configuration (lower case). */
  adminEmails: readonly string[];
  /** The identity-provider group of administrators. */
  adminGroup: string;
}

/**
 * Administrator right now: granted in Ordo by another administrator (stored, audited), or by the
 * deployment's configuration, or by the identity provider's group in this very token. The last two
 * are never stored, so removing someone from the list or the group takes the right away.
 */
export function isAdministrator(
  user: Pick<User, 'admin' | 'email' | 'emailVerified'>,
  groups: readonly string[],
  sources: AdminSources,
): boolean {
  return (
    user.admin === true ||
    groups.includes(sources.adminGroup) ||
    // An address the provider does not vouch for could be anyone's (a federated provider's own users).
    (user.emailVerified === true && sources.adminEmails.includes(user.email.trim().toLowerCase()))
  );
}
