/**
 * Signed, expiring links for people who act from an email without signing in (clarification answers,
 * survey ratings). A link names one order and one purpose; it cannot be reused for another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  purpose: string;
  orderNumber: string;
  /** Distinguishes links of the same order and purpose (e.g. the clarification id). */
  ref: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

export class LinkSigner {
  constructor(private readonly secret: string) {}

  sign(claims: LinkClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: string, purpose: string, nowSeconds: number): LinkCheck {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length > 0 || token.length > 2_000) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.mac(payload));
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

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
