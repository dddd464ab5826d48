/**
 * API token secrets: `ordo_<id>_<random>`, 256 bits of randomness, shown once. Only a SHA-256 of
 * the whole secret is stored: the secret is random, so a plain hash cannot be reversed by guessing,
 * and it is compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_PATTERN } from '#shared/integrations.ts';

export function newTokenSecret(): { id: string; secret: string; hash: string } {
  // Lower-case letters and digits only, so the id never contains the separator.
  const id = randomBytes(10).toString('hex');
  const secret = `ordo_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Whether the presented secret is the one whose hash was stored. */
export function secretMatches(secret: string, storedHash: string): boolean {
  if (!TOKEN_PATTERN.test(secret)) return false;
  const presented = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
