/**
 * Pure defences against hostile text (issue 15): formula injection in CSV exports, one-line names,
 * and mail subjects built from stored text that may predate the schema's refusal.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMailWords } from '#shared/mail-words.ts';
import { LANGUAGES, type Order } from '#shared/model.ts';
import { composeDigestMail, composeOrderMail, MAIL_EVENTS } from '#shared/notifications.ts';
import { toCsv } from '#shared/reports.ts';
import { serviceBody } from '#shared/service-schema.ts';
import { isOneLine, oneLine } from '#shared/text.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

/** The cells of a one-column CSV without its header, unquoted. */
function cells(values: unknown[]): string[] {
  const csv = toCsv(values.map((value) => ({ value })));
  const out: string[] = [];
  for (const match of csv.slice('value\r\n'.length).matchAll(/"((?:[^"]|"")*)"|([^,\r\n]*)/g)) {
    if (match.index === undefined || match[0] === '') continue;
    out.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!);
  }
  return out;
}

describe('CSV exports', () => {
  const starts = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

  it.each(starts.map((c) => [JSON.stringify(c), c]))('neutralises a cell starting with %s', (_, start) => {
    const [cell] = cells([`${start}HYPERLINK("http://evil.example","x")`]);
    expect(cell?.startsWith(`'${start}`)).toBe(true);
  });

  it('keeps plain and negative numbers as numbers', () => {
    expect(cells([-12, '-3.5', 42, 'Repair'])).toEqual(['-12', '-3.5', '42', 'Repair']);
  });

  it('never lets a cell start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...starts), (tail, start) => {
        const text = `${start}${tail}`;
        const csv = toCsv([{ value: text }]);
        const body = csv.slice('value\r\n'.length);
        const inner = body.startsWith('"') ? body.slice(1) : body;
        if (/^-?\d+(\.\d+)?$/.test(text)) return;
        expect(inner.startsWith("'")).toBe(true);
      }),
    );
  });
});

describe('one-line text', () => {
  it('refuses line breaks, control characters and bidirectional overrides, and keeps the rest', () => {
    for (const bad of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u202eb', 'a\u2066b'])
      expect(isOneLine(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['Zażółć gęślą jaźń', 'Ünïcödé – “quotes”', 'שלום\u200f', '😀 emoji', 'A & B <c>'])
      expect(isOneLine(good), good).toBe(true);
  });

  it('makes stored text one line for composed headers', () => {
    expect(oneLine('Old\r\nBcc: victim@example.com')).toBe('Old Bcc: victim@example.com');
    expect(oneLine('\u202eabc\u202c\n')).toBe('abc');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(isOneLine(oneLine(text))).toBe(true);
      }),
    );
    // A hundred binary strings; on a machine busy with the browser tests this outlasts the default 5 s.
  }, 30_000);

  it('answers a name with CR/LF with the one-line refusal on the name', () => {
    const result = serviceBody.safeParse({ name: 'Repair\r\nBcc: x@example.com' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'name');
    expect(issue?.message).toBe('one_line');
  });
});

describe('mail subjects', () => {
  const order = {
    number: 'FAC-1001',
    title: 'Old name\r\nBcc: victim@example.com\u0085X-Injected: 1',
    serviceName: 'Old name\r\nBcc: victim@example.com',
    requesterName: 'Anna\nKowalska',
    version: 1,
    inputs: [],
  } as unknown as Order;

  it.each(MAIL_EVENTS.filter((e) => e !== 'daily_digest'))('%s: one line, whatever the stored title', (event) => {
    for (const language of LANGUAGES) {
      const mail = composeOrderMail({
        event,
        order,
        to: ['a@example.com'],
        audience: 'requester',
        portalUrl: 'http://localhost:3000',
        language,
      });
      expect(isOneLine(mail.subject), JSON.stringify(mail.subject)).toBe(true);
      expect(mail.subject).toContain('FAC-1001 Old name Bcc: victim@example.com X-Injected: 1');
    }
  });

  it('daily digest: one line', () => {
    const mail = composeDigestMail({
      department: 'FAC',
      day: '2026-11-24',
      open: 3,
      late: [{ number: 'FAC-1', title: 'a\r\nb', state: 'breached' }],
      to: ['h@example.com'],
      portalUrl: 'http://localhost:3000',
    });
    expect(isOneLine(mail.subject)).toBe(true);
  });
});
