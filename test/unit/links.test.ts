/**
 * Signed links in emails, and the ring of keys that signs them: one current key signs, every key in
 * the ring verifies, so a key can be rotated without breaking links already in people's mailboxes.
 */
import { describe, expect, it } from 'vitest';
import { LinkKeyError, type LinkKeyRing, parseLinkKeyRing } from '#functions/auth/link-keys.ts';
import { type LinkClaims, LinkSigner } from '#functions/auth/links.ts';

const K1 = 'k1-secret-k1-secret-k1-secret-k1-secret';
const K2 = 'k2-secret-k2-secret-k2-secret-k2-secret';
const NOW = 1_800_000_000;
const claims: LinkClaims = { purpose: 'clarification', orderNumber: 'HR-1001', ref: 'c-1', exp: NOW + 3600 };

const ring = (current: string, keys: Record<string, string>): LinkKeyRing => ({ current, keys });
const parts = (token: string) => token.split('.') as [string, string, string];

describe('parseLinkKeyRing', () => {
  it('makes a plain-string secret one key named k1 (surrounding whitespace dropped)', () => {
    expect(parseLinkKeyRing(K1)).toEqual({ current: 'k1', keys: { k1: K1 } });
    expect(parseLinkKeyRing(`\n ${K1} \n`)).toEqual({ current: 'k1', keys: { k1: K1 } });
  });

  it('reads a JSON ring with its current key', () => {
    expect(parseLinkKeyRing(JSON.stringify({ current: 'k2', k1: K1, k2: K2 }))).toEqual({
      current: 'k2',
      keys: { k1: K1, k2: K2 },
    });
  });

  it('refuses short keys, broken JSON, bad key ids and a current key missing from the ring', () => {
    const bad = [
      'too-short',
      '',
      '{not json',
      '[]',
      'null',
      JSON.stringify({ current: 'k1', k1: 'short' }),
      JSON.stringify({ current: 'k1', k1: 42 }),
      JSON.stringify({ current: 'k2', k1: K1 }),
      JSON.stringify({ k1: K1 }),
      JSON.stringify({ current: 'k1' }),
      JSON.stringify({ current: 'k.1', 'k.1': K1 }),
      JSON.stringify({ current: 'k 1', 'k 1': K1 }),
      JSON.stringify({ current: 'x'.repeat(33), ['x'.repeat(33)]: K1 }),
    ];
    for (const raw of bad) expect(() => parseLinkKeyRing(raw), raw).toThrow(LinkKeyError);
  });

  it('does not let "current" name an inherited property', () => {
    expect(() => parseLinkKeyRing(JSON.stringify({ current: 'toString', k1: K1 }))).toThrow(LinkKeyError);
    expect(() => parseLinkKeyRing(JSON.stringify({ current: '__proto__', k1: K1 }))).toThrow(LinkKeyError);
  });
});

describe('LinkSigner with a key ring', () => {
  it('signs with the current key and names it in the link', () => {
    const token = new LinkSigner(ring('k2', { k1: K1, k2: K2 })).sign(claims);
    expect(parts(token)[0]).toBe('k2');
    expect(new LinkSigner(ring('k2', { k2: K2 })).verify(token, 'clarification', NOW)).toEqual({ ok: true, claims });
  });

  it('keeps a link signed with k1 working after the ring becomes {current: k2, k1, k2}', () => {
    const before = new LinkSigner(ring('k1', { k1: K1 }));
    const link = before.sign(claims);
    const after = new LinkSigner(ring('k2', { k1: K1, k2: K2 }));
    expect(after.verify(link, 'clarification', NOW)).toEqual({ ok: true, claims });
    // New links use k2, and the old ring cannot read them (k2 was unknown to it).
    const fresh = after.sign(claims);
    expect(parts(fresh)[0]).toBe('k2');
    expect(before.verify(fresh, 'clarification', NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('refuses a link whose key was dropped from the ring', () => {
    const link = new LinkSigner(ring('k1', { k1: K1 })).sign(claims);
    expect(new LinkSigner(ring('k2', { k2: K2 })).verify(link, 'clarification', NOW)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('refuses a link whose key id was changed to another key of the ring, even one with the same secret', () => {
    const link = new LinkSigner(ring('k1', { k1: K1, k2: K2 })).sign(claims);
    const [, payload, mac] = parts(link);
    expect(new LinkSigner(ring('k1', { k1: K1, k2: K2 })).verify(`k2.${payload}.${mac}`, 'clarification', NOW)).toEqual(
      {
        ok: false,
        reason: 'tampered',
      },
    );
    // The key id is signed along with the claims: renaming it breaks the link even when two ids share a secret.
    const twins = new LinkSigner(ring('k1', { k1: K1, k2: K1 }));
    const twinLink = twins.sign(claims);
    const [, twinPayload, twinMac] = parts(twinLink);
    expect(twins.verify(twinLink, 'clarification', NOW).ok).toBe(true);
    expect(twins.verify(`k2.${twinPayload}.${twinMac}`, 'clarification', NOW)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('refuses key ids that are not keys of the ring, such as inherited property names, without failing', () => {
    const signer = new LinkSigner(ring('k1', { k1: K1 }));
    const [, payload, mac] = parts(signer.sign(claims));
    for (const kid of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'k3']) {
      expect(signer.verify(`${kid}.${payload}.${mac}`, 'clarification', NOW), kid).toEqual({
        ok: false,
        reason: 'tampered',
      });
    }
  });

  it('still refuses tampered claims, another purpose, expiry and malformed links', () => {
    const signer = new LinkSigner(ring('k2', { k1: K1, k2: K2 }));
    const link = signer.sign(claims);
    const [kid, , mac] = parts(link);
    const forged = Buffer.from(JSON.stringify({ ...claims, orderNumber: 'IT-1' })).toString('base64url');
    expect(signer.verify(`${kid}.${forged}.${mac}`, 'clarification', NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(signer.verify(link, 'survey', NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(signer.verify(link, 'clarification', claims.exp)).toEqual({ ok: false, reason: 'expired' });
    expect(signer.verify(link, 'clarification', claims.exp - 1).ok).toBe(true);
    for (const bad of ['', 'a.b', `${link}.x`, `.${link}`, `k2..${mac}`, 'x'.repeat(2_001)]) {
      expect(signer.verify(bad, 'clarification', NOW), bad.slice(0, 20)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
