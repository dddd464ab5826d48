import { describe, expect, it } from 'vitest';
import { hashSecret, newTokenSecret, secretMatches } from '#functions/auth/api-tokens.ts';
import {
  checkTarget,
  guardedLookup,
  isPublicAddress,
  parseTarget,
  TargetRefusedError,
} from '#functions/webhooks/address.ts';
import {
  type ApiToken,
  checkExpiry,
  isApiTokenHeader,
  MAX_TOKEN_DAYS,
  mayFileWith,
  mayReadWith,
  PAUSE_AFTER_FAILURES,
  scopeDecision,
  shouldPause,
  tokenIdOf,
  tokenState,
  webhookEventsOf,
} from '#shared/integrations.ts';

const token: Pick<ApiToken, 'scopes' | 'services' | 'department' | 'expiresAt'> = {
  scopes: ['orders:file'],
  services: ['hr-onboarding'],
  department: 'HR',
  expiresAt: '2027-06-01T00:00:00.000Z',
};

describe('the scope decision', () => {
  it('allows only routes whose scope the token holds, and no route without a token scope', () => {
    expect(scopeDecision(token, 'orders:file')).toBe('allowed');
    expect(scopeDecision(token, 'orders:read')).toBe('missing_scope');
    expect(scopeDecision(token, undefined)).toBe('not_for_tokens');
    expect(scopeDecision({ scopes: [] }, 'orders:file')).toBe('missing_scope');
  });

  it('files only with the services it names, of its own department', () => {
    expect(mayFileWith(token, { id: 'hr-onboarding', department: 'HR' })).toBe(true);
    expect(mayFileWith(token, { id: 'hr-certificate', department: 'HR' })).toBe(false);
    // A service id named in the token but moved to another department is not its to file.
    expect(mayFileWith(token, { id: 'hr-onboarding', department: 'FAC' })).toBe(false);
    expect(mayFileWith({ ...token, scopes: ['orders:read'] }, { id: 'hr-onboarding', department: 'HR' })).toBe(false);
  });

  it('reads only its department’s orders, with orders:read', () => {
    expect(mayReadWith({ ...token, scopes: ['orders:read'] }, { department: 'HR' })).toBe(true);
    expect(mayReadWith({ ...token, scopes: ['orders:read'] }, { department: 'FAC' })).toBe(false);
    expect(mayReadWith(token, { department: 'HR' })).toBe(false);
  });

  it('knows revoked and expired tokens', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(tokenState(token, now)).toBe('active');
    expect(tokenState(token, new Date('2027-06-01T00:00:00Z'))).toBe('expired');
    expect(tokenState({ ...token, revokedAt: '2026-12-01T00:00:00Z' }, now)).toBe('revoked');
  });

  it('takes an expiry in the future and at most a year ahead', () => {
    const now = new Date('2027-01-01T12:00:00Z');
    expect(checkExpiry('2027-03-01', now)).toEqual({ at: '2027-03-01T23:59:59.999Z' });
    expect(checkExpiry('2026-12-31', now)).toEqual({ refused: 'past' });
    expect(checkExpiry(new Date(now.getTime() + (MAX_TOKEN_DAYS + 1) * 86_400_000).toISOString(), now)).toEqual({
      refused: 'too_far',
    });
  });
});

describe('token secrets', () => {
  it('are ordo_<id>_<random>, checked against their hash only', () => {
    const { id, secret, hash } = newTokenSecret();
    expect(tokenIdOf(secret)).toBe(id);
    expect(isApiTokenHeader(`Bearer ${secret}`)).toBe(true);
    expect(isApiTokenHeader('Bearer eyJhbGciOi.x.y')).toBe(false);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}x`, hash)).toBe(false);
    expect(secretMatches(secret, hashSecret(newTokenSecret().secret))).toBe(false);
    expect(secretMatches('ordo_short_x', hash)).toBe(false);
    expect(tokenIdOf('ordo_../../x_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy')).toBeUndefined();
  });
});

describe('webhook events', () => {
  it('follow the timeline: filed, status changes, resolved, SLA warnings and breaches, ratings', () => {
    expect(webhookEventsOf({ kind: 'submitted' })).toEqual(['order.filed']);
    expect(webhookEventsOf({ kind: 'claim', from: 'submitted', to: 'in_progress' })).toEqual(['order.status_changed']);
    expect(webhookEventsOf({ kind: 'resolve', from: 'in_progress', to: 'resolved' })).toEqual([
      'order.status_changed',
      'order.resolved',
    ]);
    expect(webhookEventsOf({ kind: 'comment' })).toEqual([]);
    expect(webhookEventsOf({ kind: 'sla_warning' })).toEqual(['order.sla_warning']);
    expect(webhookEventsOf({ kind: 'sla_breach' })).toEqual(['order.sla_breach']);
    expect(webhookEventsOf({ kind: 'survey_response' })).toEqual(['order.rated']);
  });

  it('pause a subscription after repeated failures or a day of failing', () => {
    const now = new Date('2027-01-02T00:00:00Z');
    expect(shouldPause({ consecutiveFailures: PAUSE_AFTER_FAILURES - 1 }, now)).toBe(false);
    expect(shouldPause({ consecutiveFailures: PAUSE_AFTER_FAILURES }, now)).toBe(true);
    expect(shouldPause({ consecutiveFailures: 2, failingSince: '2027-01-01T00:00:00Z' }, now)).toBe(true);
    expect(shouldPause({ consecutiveFailures: 2, failingSince: '2027-01-01T12:00:00Z' }, now)).toBe(false);
  });
});

describe('webhook targets', () => {
  const strict = { allowLocal: false };
  const local = { allowLocal: true };

  it('admit public unicast addresses only', () => {
    for (const address of ['8.8.8.8', '2a00:1450:4001::1']) expect(isPublicAddress(address, strict)).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::7f00:1',
      'not an address',
    ]) {
      expect([address, isPublicAddress(address, strict)]).toEqual([address, false]);
    }
    expect(isPublicAddress('127.0.0.1', local)).toBe(true);
    expect(isPublicAddress('10.0.0.1', local)).toBe(false);
  });

  it('need https (http only with the local override) and no credentials in the URL', () => {
    expect(() => parseTarget('http://8.8.8.8/hook', strict)).toThrow(TargetRefusedError);
    expect(parseTarget('http://127.0.0.1:9/hook', local).port).toBe('9');
    expect(() => parseTarget('https://user:pw@8.8.8.8/', strict)).toThrow(TargetRefusedError);
    expect(() => parseTarget('https://[::1]/', strict)).toThrow(TargetRefusedError);
    expect(() => parseTarget('https://0x7f000001/', strict)).toThrow(TargetRefusedError);
  });

  it('refuse a name resolving to loopback, when subscribing and on connection', async () => {
    await expect(checkTarget('https://localhost/hook', strict)).rejects.toThrow(TargetRefusedError);
    await expect(checkTarget('http://localhost/hook', local)).resolves.toBeInstanceOf(URL);
    const looked = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(strict)('localhost', {}, (error, address) => resolve({ error, address })),
    );
    expect(looked.error).toBeInstanceOf(TargetRefusedError);
    const allowed = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(local)('localhost', {}, (error, address) => resolve({ error, address })),
    );
    expect(allowed.error).toBeNull();
  });
});
