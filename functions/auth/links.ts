/**
 * Signed, expiring links for people who act from an email without signing in (clarification answers,
 * survey ratings). A link names one order and one purpose; it cannot be reused for another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LinkKeyRing } from './link-keys.ts';

export interface LinkClaims {
  purpose: string;
  orderNumber: string;
  /** Distinguishes links of the same order and purpose (e.g. the clarification id). */
  ref: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

/**
 * Links read `<key id>.<claims>.<mac>`: the key id picks the key of the ring that signed it, so
 * links signed before a rotation keep working while their key stays in the ring.
 */
export class LinkSigner {
  constructor(private readonly ring: LinkKeyRing) {}

  sign(claims: LinkClaims): string {
    const kid = this.ring.current;
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${kid}.${payload}.${this.mac(kid, payload)}`;
  }

  verify(token: string, purpose: string, nowSeconds: number): LinkCheck {
    const [kid, payload, mac, ...rest] = token.split('.');
    if (!kid || !payload || !mac || rest.length > 0 || token.length > 2_000) return { ok: false, reason: 'malformed' };
    if (!Object.hasOwn(this.ring.keys, kid)) return { ok: false, reason: 'tampered' };
    const expected = Buffer.from(this.mac(kid, payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'tampered' };
    let claims: LinkClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.purpose !== purpose || typeof claims.orderNumber !== 'string') return { ok: false, reason: 'tampered' };
    if (!(claims.exp > nowSeconds)) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private mac(kid: string, payload: string): string {
    // The key id is part of what is signed, so a link cannot be moved to another key's name.
    return createHmac('sha256', this.ring.keys[kid] as string)
      .update(`${kid}.${payload}`)
      .digest('base64url');
  }
}
