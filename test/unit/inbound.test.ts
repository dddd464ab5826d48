import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_INBOUND_DOMAIN, loadConfig, replyKeyRing } from '#functions/config.ts';
import { ReplyAddresses } from '#functions/inbound/reply-address.ts';
import {
  automaticKind,
  cleanSubject,
  type InboundHeaders,
  intakeAnswers,
  isUnauthenticated,
  parseInboundAddress,
  senderAddress,
  stripReply,
  verdictsFromHeaders,
  verdictsFromReceipt,
} from '#shared/inbound.ts';

function headers(list: Array<[string, string]>): InboundHeaders {
  return {
    get: (name) => list.find(([k]) => k === name)?.[1],
    all: (name) => list.filter(([k]) => k === name).map(([, v]) => v),
  };
}

describe('stripReply', () => {
  it('keeps the new words and cuts the quoted history and the signature', () => {
    expect(stripReply('Yes, Monday.\n\nOn Thu, 3 Dec 2026 at 10:00, Ordo <o@x> wrote:\n> Which day?\n')).toBe(
      'Yes, Monday.',
    );
    expect(stripReply('Tak.\n\nW dniu 3.12.2026 o 10:00 Ordo pisze:\n> Który dzień?')).toBe('Tak.');
    expect(stripReply('Fine.\n-- \nAnna Kowalska\nAccounting')).toBe('Fine.');
    expect(stripReply('Sure\n\n-----Original Message-----\nFrom: Ordo\nSubject: x')).toBe('Sure');
    expect(stripReply('Ok\n\nOn Thu, 3 Dec 2026 at 10:00, Ordo\n<ordo@example.com> wrote:\n> q')).toBe('Ok');
  });

  it('drops quoted lines in between and keeps a reply written below the quote', () => {
    expect(stripReply('> Which room?\nRoom 4.\n> And the floor?\nSecond.')).toBe('Room 4.\nSecond.');
  });

  it('never loses a message that is all quote header', () => {
    expect(stripReply('> only quoted')).toBe('');
    expect(stripReply('  \n\nHello\n\n')).toBe('Hello');
  });
});

describe('automaticKind', () => {
  const own = ['ordo@example.com'];
  const domains = ['in.example.com'];
  it.each([
    [[['auto-submitted', 'auto-replied']], 'a@x.com', 'dropped_auto_reply'],
    [[['auto-submitted', 'no']], 'a@x.com', undefined],
    [[['precedence', 'bulk']], 'a@x.com', 'dropped_bulk'],
    [[['precedence', 'List']], 'a@x.com', 'dropped_bulk'],
    [[['list-id', '<news.x.com>']], 'a@x.com', 'dropped_bulk'],
    [[['return-path', '<>']], 'a@x.com', 'dropped_auto_reply'],
    [[['content-type', 'multipart/report; report-type=delivery-status']], 'a@x.com', 'dropped_auto_reply'],
    [[], 'MAILER-DAEMON@x.com'.toLowerCase(), 'dropped_auto_reply'],
    [[], 'ordo@example.com', 'dropped_loop'],
    [[], 'order+hr-1.x@in.example.com', 'dropped_loop'],
    [[], 'a@x.com', undefined],
  ] as Array<[Array<[string, string]>, string, string | undefined]>)('%j from %s → %s', (list, from, expected) => {
    expect(automaticKind(headers(list), from, own, domains)).toBe(expected);
  });
});

describe('authentication verdicts', () => {
  it('trusts only the topmost header of the receiving server', () => {
    const forgedBelow = headers([
      ['authentication-results', 'amazonses.com; spf=pass; dkim=pass; dmarc=fail header.from=x.com'],
      ['authentication-results', 'amazonses.com; spf=pass; dkim=pass; dmarc=pass'],
    ]);
    expect(isUnauthenticated(verdictsFromHeaders(forgedBelow, 'amazonses.com'))).toBe(true);
    const foreign = headers([['authentication-results', 'mx.evil.example; dmarc=pass']]);
    expect(verdictsFromHeaders(foreign, 'amazonses.com')).toEqual({ spf: 'none', dkim: 'none', dmarc: 'none' });
  });

  it('refuses a failed DMARC, or failed SPF and DKIM without DMARC; accepts a pass', () => {
    expect(isUnauthenticated(verdictsFromReceipt({ spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL' }))).toBe(true);
    expect(isUnauthenticated(verdictsFromReceipt({ spf: 'FAIL', dkim: 'GRAY', dmarc: 'GRAY' }))).toBe(true);
    expect(isUnauthenticated(verdictsFromReceipt({ spf: 'FAIL', dkim: 'PASS', dmarc: 'GRAY' }))).toBe(false);
    expect(isUnauthenticated(verdictsFromReceipt({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'PASS' }))).toBe(false);
    expect(isUnauthenticated(verdictsFromReceipt({}))).toBe(false);
  });
});

describe('addresses and answers', () => {
  it('reads reply and department addresses of the inbound domain, case-insensitively', () => {
    expect(parseInboundAddress('Order+hr-1042.AbC234@In.Example.com', 'in.example.com')).toEqual({
      kind: 'order',
      number: 'HR-1042',
      signature: 'abc234',
    });
    expect(parseInboundAddress('HR@in.example.com', 'in.example.com')).toEqual({ kind: 'department', localPart: 'hr' });
    expect(parseInboundAddress('hr@example.com', 'in.example.com')).toEqual({ kind: 'elsewhere' });
    expect(parseInboundAddress('order+hr-1042@in.example.com', 'in.example.com')).toEqual({ kind: 'elsewhere' });
  });

  it('takes a sender address up to 254 bytes, the longest a mailbox has, counted in UTF-8', () => {
    const local = (n: number, unit = 'a') => `${unit.repeat(n)}@example.com`;
    expect(senderAddress(local(242))).toBe(local(242));
    expect(senderAddress(local(243))).toBeUndefined();
    // 121 letters of two bytes each: 254 bytes in 133 characters.
    expect(senderAddress(local(121, 'ż'))).toBe(local(121, 'ż'));
    expect(senderAddress(`a${local(121, 'ż')}`)).toBeUndefined();
    expect(senderAddress(undefined)).toBeUndefined();
  });

  it('fills the subject into a short text field and the body into a long one', () => {
    const form = [
      { id: 'where', kind: 'text', max: 20 },
      { id: 'when', kind: 'date' },
      { id: 'what', kind: 'longText' },
    ];
    expect(intakeAnswers(form, 'Room 3.02, second floor, east wing', 'Broken\nchair')).toEqual({
      where: 'Room 3.02, second fl',
      what: 'Broken\nchair',
    });
    expect(intakeAnswers([{ id: 'only', kind: 'text' }], 'Subject', 'Line one\nline two')).toEqual({
      only: 'Subject Line one line two',
    });
    expect(intakeAnswers([{ id: 'n', kind: 'number' }], 'x', 'y')).toEqual({});
    expect(cleanSubject('RE: Fwd: Odp:  Broken   chair')).toBe('Broken chair');
  });
});

describe('inbound configuration and reply addresses', () => {
  const base = { TABLE_NAME: 't' };
  it('is on locally with a reply key of its own derived from the link key, and off without one', async () => {
    const config = loadConfig({ ...base, STAGE: 'local', LINK_SECRET: 'l'.repeat(40) });
    expect(config.inbound?.domain).toBe(LOCAL_INBOUND_DOMAIN);
    const ring = await replyKeyRing(config.inbound!);
    expect(ring.keys.k1).not.toBe('l'.repeat(40));
    expect(loadConfig({ ...base, STAGE: 'test' }).inbound).toBeUndefined();
  });

  it('in AWS needs the secret ARN with the domain; a plain key in the environment does not count', async () => {
    expect(() =>
      loadConfig({ ...base, STAGE: 'prod', INBOUND_DOMAIN: 'in.example.com', REPLY_SECRET: 'k'.repeat(40) }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ ...base, STAGE: 'prod', INBOUND_DOMAIN: 'not a domain', REPLY_SECRET_ARN: 'arn' }),
    ).toThrow(/not a domain name/);
    const config = loadConfig({ ...base, STAGE: 'prod', INBOUND_DOMAIN: 'in.example.com', REPLY_SECRET_ARN: 'arn:x' });
    const ring = await replyKeyRing(config.inbound!, async (arn) =>
      arn === 'arn:x' ? JSON.stringify({ current: 'k2', k1: 'a'.repeat(40), k2: 'b'.repeat(40) }) : '',
    );
    expect(ring.current).toBe('k2');
    expect(loadConfig({ ...base, STAGE: 'prod' }).inbound).toBeUndefined();
  });

  it('signs with the current key, verifies with every key of the ring, whatever the case', () => {
    const old = new ReplyAddresses({ current: 'k1', keys: { k1: 'a'.repeat(40) } }, 'in.example.com');
    const rotated = new ReplyAddresses(
      { current: 'k2', keys: { k1: 'a'.repeat(40), k2: 'b'.repeat(40) } },
      'in.example.com',
    );
    const before = old.address('HR-1042');
    expect(before).toMatch(/^order\+HR-1042\.[a-z2-7]{16}@in\.example\.com$/);
    expect(rotated.orderOf(before)).toEqual({ number: 'HR-1042', valid: true });
    expect(rotated.orderOf(before.toUpperCase())).toEqual({ number: 'HR-1042', valid: true });
    expect(rotated.address('HR-1042')).not.toBe(before);
    // The signature belongs to its order.
    expect(rotated.orderOf(before.replace('HR-1042', 'HR-1043'))).toEqual({ number: 'HR-1043', valid: false });
    expect(
      new ReplyAddresses({ current: 'k9', keys: { k9: 'c'.repeat(40) } }, 'in.example.com').orderOf(before)?.valid,
    ).toBe(false);
  });
});
