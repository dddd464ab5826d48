/**
 * The signed reply address of an order: `order+HR-1001.<signature>@<inbound domain>`. Every mail
 * about an order carries it as Reply-To, so a reply comes back naming its order; the signature stops
 * anyone from writing into an order by guessing its number.
 *
 * The signature is an HMAC-SHA256 over the upper-cased order number with the reply key ring's current
 * key, 80 bits in lower-case base32 (mail systems may fold the local part's case). Every key of the
 * ring verifies, so a rotated key keeps old replies working while it stays listed. The ring is its
 * own secret, not the link keys: a reply address authorises nothing by itself (the sender must be one
 * of the order's people and pass DMARC), so the workers that send mail hold only this key, never the
 * one that signs answer and survey links.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseInboundAddress } from '#shared/inbound.ts';
import type { LinkKeyRing } from '../auth/link-keys.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const SIGNATURE_CHARS = 16;

function base32(bytes: Buffer, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  return out;
}

export class ReplyAddresses {
  constructor(
    private readonly ring: LinkKeyRing,
    readonly domain: string,
  ) {}

  /** The Reply-To of mail about `orderNumber`. */
  address(orderNumber: string): string {
    return `order+${orderNumber}.${this.signature(this.ring.current, orderNumber)}@${this.domain}`;
  }

  /** Whether `signature` is one of the ring's for `orderNumber` (in constant time per key). */
  verify(orderNumber: string, signature: string): boolean {
    const given = Buffer.from(signature.toLowerCase());
    let ok = false;
    for (const kid of Object.keys(this.ring.keys)) {
      const expected = Buffer.from(this.signature(kid, orderNumber));
      if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
    }
    return ok;
  }

  /** The order an address names, when its signature holds. */
  orderOf(address: string): { number: string; valid: boolean } | undefined {
    const parsed = parseInboundAddress(address, this.domain);
    if (parsed.kind !== 'order') return undefined;
    return { number: parsed.number, valid: this.verify(parsed.number, parsed.signature) };
  }

  private signature(kid: string, orderNumber: string): string {
    const mac = createHmac('sha256', this.ring.keys[kid] as string)
      .update(`reply-to:${orderNumber.toUpperCase()}`)
      .digest();
    return base32(mac, SIGNATURE_CHARS);
  }
}
