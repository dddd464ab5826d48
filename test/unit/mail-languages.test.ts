/**
 * Every mail in every language Ordo speaks: each event's message, the survey's one-click ratings,
 * the morning digest and the dates they name are written in the recipient's language (its own
 * `lang`, no English phrase of the English mail), with its plural forms (Russian: one / few / many).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pausedMail } from '#functions/webhooks/pause-mail.ts';
import { composeInboundRefusal, INBOUND_OUTCOMES } from '#shared/inbound.ts';
import { PAUSE_AFTER_FAILURES } from '#shared/integrations.ts';
import { loadMailWords, mailDay, mailMoment, mailWords } from '#shared/mail-words.ts';
import { LANGUAGES, type Language, type Order } from '#shared/model.ts';
import { composeDigestMail, composeOrderMail, composeOrderMails, MAIL_EVENTS } from '#shared/notifications.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

const order = {
  number: 'HR-1001',
  department: 'HR',
  title: 'Jan Nowak',
  serviceName: 'Onboarding',
  requesterId: 'anna',
  filedById: 'anna',
  requesterName: 'Anna Kowalska',
  status: 'resolved',
  version: 7,
  watchers: [],
  inputs: [{ id: 'contract', label: 'Contract', required: true, done: false }],
  deliverables: [{ id: 'record', label: 'Record', required: true, done: true, note: '4711' }],
} as unknown as Order;

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'function') return [];
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

/** Everything an English mail of this event says in words: subject, text and the digest. */
function englishMail(): string[] {
  const said = MAIL_EVENTS.flatMap((event) => {
    const mail = composeOrderMail({
      event,
      order,
      to: ['x@example.com'],
      audience: 'requester',
      portalUrl: 'http://p',
      actionUrl: 'http://a',
      ratingUrls: ['1', '2', '3', '4', '5'],
    });
    return [mail.subject.replace(/HR-1001 Jan Nowak/, ''), mail.text];
  });
  return [...said, ...strings(mailWords('en'))];
}

/**
 * English phrases (two words or more, from the English mails, with order facts and links cut out)
 * that a mail in another language must never say.
 */
const ENGLISH = [
  ...new Set(
    englishMail()
      .flatMap((text) => text.split(/[\n:.;,“”?!()]+/))
      .map((s) => s.replace(/https?:\S+|HR-1001|Anna Kowalska|Onboarding|Contract|Record|4711|Ordo|\d/g, '').trim())
      .filter((s) => s.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 2),
  ),
];

const OTHERS = LANGUAGES.filter((language) => language !== 'en');

describe('mail in every language', () => {
  it('knows what an English mail says', () => {
    expect(ENGLISH).toContain('We received your order');
    expect(ENGLISH).toContain('What was handed back');
    expect(ENGLISH.length).toBeGreaterThan(40);
  });

  it.each(OTHERS)('writes every event in %s, with its lang and no English phrase', (language) => {
    const english: Record<string, string[]> = {};
    for (const event of MAIL_EVENTS) {
      const mail = composeOrderMail({
        event,
        order,
        to: ['x@example.com'],
        audience: 'requester',
        portalUrl: 'http://p',
        actionUrl: 'http://a',
        ratingUrls: ['http://r/1', 'http://r/2', 'http://r/3', 'http://r/4', 'http://r/5'],
        comment: 'Jak najszybciej',
        language,
      });
      const inEnglish = composeOrderMail({
        event,
        order,
        to: ['x@example.com'],
        audience: 'requester',
        portalUrl: 'http://p',
      });
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.id).toBe(`HR-1001.${event}.v7.requester.${language}`);
      expect(mail.subject).toContain('HR-1001 Jan Nowak');
      expect(mail.subject).not.toBe(inEnglish.subject);
      const found = ENGLISH.filter((phrase) => `${mail.subject}\n${mail.text}\n${mail.html}`.includes(phrase));
      if (found.length) english[event] = found;
    }
    expect(english).toEqual({});
  });

  it.each(OTHERS)('writes the notice of a paused webhook and the answers to refused mail in %s', (language) => {
    const url = 'https://hooks.example.com/ordo';
    const paused = pausedMail({
      subscription: { id: 'wh1', department: 'HR', url },
      to: 'henry@example.com',
      language,
      portalUrl: 'http://p/',
      at: '2026-12-05T10:00:00Z',
    });
    const refusals = INBOUND_OUTCOMES.map((outcome) =>
      composeInboundRefusal({
        id: `r.${outcome}`,
        outcome,
        to: 'anna@example.com',
        language,
        subject: 'Laptop',
        portalUrl: 'http://p/',
        address: 'hr@in.example.com',
        orderNumber: 'HR-1001',
      }),
    );
    expect(paused.subject).toContain(url);
    expect(paused.text).toContain(`${url}`);
    expect(paused.text).toContain(String(PAUSE_AFTER_FAILURES));
    expect(paused.text).toContain('http://p/departments/HR/integrations');
    for (const mail of [paused, ...refusals]) {
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.text).not.toMatch(/[{}]/);
      const said = `${mail.subject}\n${mail.text}\n${mail.html}`;
      expect(ENGLISH.filter((phrase) => said.includes(phrase))).toEqual([]);
    }
    expect(new Set(refusals.map((m) => m.text)).size).toBeGreaterThan(4);
  });

  it('sends one message per language to a mixed set of people', () => {
    const people: Array<{ email: string; language: Language }> = LANGUAGES.map((language) => ({
      email: `${language}@example.com`,
      language,
    }));
    const mails = composeOrderMails({
      event: 'order_resolved',
      order,
      audience: 'requester',
      portalUrl: 'http://p',
      recipients: people,
    });
    expect(mails.map((m) => [m.to, m.html.match(/lang="(\w+)"/)?.[1]])).toEqual(
      LANGUAGES.map((language) => [[`${language}@example.com`], language]),
    );
    expect(mails.map((m) => m.subject.split(':')[0]?.split('：')[0])).toEqual([
      'Done',
      'Zrealizowane',
      'Выполнено',
      'Afgehandeld',
      '已完成',
    ]);
  });

  it('says the survey’s five answers in each language', () => {
    expect(mailWords('ru').ratings).toEqual([
      'совсем не доволен',
      'не доволен',
      'нейтрально',
      'доволен',
      'очень доволен',
    ]);
    expect(mailWords('nl').ratings[4]).toBe('zeer tevreden');
    expect(mailWords('zh').ratings[0]).toBe('非常不满意');
  });

  it('counts the digest in each language’s plural forms and dates it in its own words', () => {
    const digest = (language: Language, open: number, late: number) =>
      composeDigestMail({
        department: 'HR',
        day: '2026-12-03',
        open,
        late: Array.from({ length: late }, (_, i) => ({ number: `HR-${i}`, title: 't', state: 'at_risk' as const })),
        to: ['h@example.com'],
        portalUrl: 'http://p',
        language,
      });
    expect([1, 3, 5, 21].map((n) => digest('ru', n, 0).text.split('\n')[0])).toEqual([
      'Доброе утро. HR: 1 открытая заявка, ни одна не под угрозой и не просрочена.',
      'Доброе утро. HR: 3 открытые заявки, ни одна не под угрозой и не просрочена.',
      'Доброе утро. HR: 5 открытых заявок, ни одна не под угрозой и не просрочена.',
      'Доброе утро. HR: 21 открытая заявка, ни одна не под угрозой и не просрочена.',
    ]);
    expect(digest('ru', 4, 2).subject).toBe(
      'Сводка дня HR, 3 декабря 2026 г.: под угрозой или просрочено — 2, открыто — 4',
    );
    expect(digest('nl', 1, 1).text.split('\n')[0]).toBe(
      'Goedemorgen. HR heeft 1 open aanvraag; 1 haalt de termijn niet of dreigt die niet te halen.',
    );
    expect(digest('nl', 2, 0).subject).toBe('Dagoverzicht HR 3 december 2026: 0 in gevaar of te laat, 2 open');
    expect(digest('zh', 3, 1).subject).toBe('HR 每日摘要 2026年12月3日：1 个有风险或已超期，3 个待处理');
    expect(digest('zh', 3, 1).html).toContain('<html lang="zh">');
  });

  it('writes instants and days in each language', () => {
    const at = '2026-11-26T13:00:00Z';
    expect(mailMoment(at, 'ru', 'Europe/Warsaw')).toBe('26 ноября 2026 г., 14:00 GMT+1');
    expect(mailMoment(at, 'nl', 'Europe/Amsterdam')).toBe('26 november 2026, 14:00 CET');
    expect(mailMoment(at, 'zh', 'Asia/Shanghai')).toBe('2026年11月26日 21:00 GMT+8');
    expect(mailDay('2026-11-26', 'ru')).toBe('26 ноября 2026 г.');
    expect(mailDay('2026-11-26', 'nl')).toBe('26 november 2026');
    expect(mailDay('2026-11-26', 'zh')).toBe('2026年11月26日');
  });
});
