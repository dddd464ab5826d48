import { beforeAll, describe, expect, it } from 'vitest';
import { loadMailWords, type MailWords, mailDay, mailLanguage, mailMoment, mailWords } from '#shared/mail-words.ts';
import { LANGUAGES, type Order } from '#shared/model.ts';
import {
  composeDigestMail,
  composeOrderMail,
  composeOrderMails,
  groupByLanguage,
  MAIL_EVENTS,
} from '#shared/notifications.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

const order = {
  number: 'HR-1001',
  title: 'Onboard <script>alert(1)</script>',
  serviceName: 'Onboard a new employee',
  requesterName: 'Anna "A" Kowalska',
  version: 3,
  inputs: [{ id: 'id', label: 'Copy of ID', required: true, done: false }],
} as unknown as Order;

const base = { order, audience: 'requester', portalUrl: 'http://localhost:3000/' };
const lead = (html: string) => html.match(/<body[^>]*><p>(.*?)<\/p>/)?.[1];

describe('order mail', () => {
  it('escapes user text in HTML and links to the order', () => {
    const mail = composeOrderMail({
      ...base,
      event: 'order_received',
      to: ['a@example.com', 'a@example.com'],
      comment: '<b>hi</b>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect(mail.text).toContain('http://localhost:3000/orders/HR-1001');
    expect(mail.to).toEqual(['a@example.com']);
    expect(mail.id).toBe('HR-1001.order_received.v3.requester');
    expect(mail.html).toContain('<html lang="en">');
  });
});

describe('mail in the recipient’s language', () => {
  it.each(MAIL_EVENTS)('%s has a Polish subject and lead of its own', (event) => {
    const english = composeOrderMail({ ...base, event, to: ['a@example.com'] });
    const polish = composeOrderMail({ ...base, event, to: ['a@example.com'], language: 'pl' });
    expect(polish.subject).toContain('HR-1001');
    expect(polish.subject).not.toBe(english.subject);
    expect(lead(polish.html)).toBeTruthy();
    expect(lead(polish.html)).not.toBe(lead(english.html));
    expect(polish.html).toContain('<html lang="pl">');
    expect(polish.text).toContain('Otwórz zamówienie: http://localhost:3000/orders/HR-1001');
    expect(polish.id).toBe(`HR-1001.${event}.v3.requester.pl`);
  });

  it('says Polish words with Polish quotes, and still escapes user text', () => {
    const mail = composeOrderMail({
      ...base,
      event: 'survey_invitation',
      to: ['a@example.com'],
      language: 'pl',
      comment: '<img src=x onerror=alert(1)> "ok"',
      ratingUrls: [1, 2, 3, 4, 5].map((n) => `http://localhost:3000/survey/t?score=${n}`),
    });
    expect(mail.subject).toBe('Jak nam poszło? HR-1001 Onboard <script>alert(1)</script>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;ok&quot;');
    expect(mail.text).toContain('„<img src=x onerror=alert(1)> "ok"”');
    expect(mail.text).toContain('1 – bardzo źle: http://localhost:3000/survey/t?score=1');
    expect(mail.text).toContain('5 – bardzo dobrze: http://localhost:3000/survey/t?score=5');
    expect(mail.text).not.toMatch(/satisfied|Open the order/);

    const received = composeOrderMail({ ...base, event: 'order_received', to: ['a@example.com'], language: 'pl' });
    expect(received.text).toContain('usługi „Onboard a new employee” zostało zarejestrowane pod numerem HR-1001');
    const approval = composeOrderMail({ ...base, event: 'approval_needed', to: ['a@example.com'], language: 'pl' });
    expect(approval.html).toContain('Zamawiający: Anna &quot;A&quot; Kowalska.');
    const missing = composeOrderMail({ ...base, event: 'inputs_missing', to: ['a@example.com'], language: 'pl' });
    expect(missing.text).toContain('Praca rozpocznie się, gdy przekażesz: Copy of ID.');
    const asked = composeOrderMail({
      ...base,
      event: 'clarification_requested',
      to: ['a@example.com'],
      language: 'pl',
      actionUrl: 'http://localhost:3000/answer/t',
    });
    expect(asked.text).toContain('Odpowiedz tutaj: http://localhost:3000/answer/t');
    expect(asked.html).toContain('<strong>Odpowiedz na pytanie</strong>');
  });

  it('sends one message per language, English with the id it always had', () => {
    const mails = composeOrderMails({
      ...base,
      event: 'order_resolved',
      recipients: [
        { email: 'anna@example.com', language: 'pl' },
        { email: 'ben@example.com' },
        { email: 'team@example.com', language: undefined },
        { email: 'zofia@example.com', language: 'pl' },
        { email: 'anna@example.com', language: 'en' },
      ],
    });
    expect(mails.map((m) => [m.id, m.to, m.subject.split(':')[0]])).toEqual([
      ['HR-1001.order_resolved.v3.requester', ['ben@example.com', 'team@example.com'], 'Done'],
      ['HR-1001.order_resolved.v3.requester.pl', ['anna@example.com', 'zofia@example.com'], 'Zrealizowane'],
    ]);
    expect(composeOrderMails({ ...base, event: 'assigned', recipients: [] })).toEqual([]);
  });

  it('lets the words Ordo writes itself follow the language', () => {
    const mails = composeOrderMails({
      ...base,
      event: 'sla_breach',
      recipients: [{ email: 'a@example.com' }, { email: 'b@example.com', language: 'pl' }],
      comment: (language) =>
        mailWords(language).escalation(
          'resolution',
          true,
          mailMoment('2026-11-26T13:00:00Z', language, 'Europe/Warsaw'),
        ),
    });
    expect(mails[0]?.text).toContain('“The resolution standard — was due 26 Nov 2026, 14:00 CET”');
    expect(mails[1]?.text).toContain('„Standard czasu realizacji — termin upłynął: 26 listopada 2026, 14:00 CET”');
  });

  it('treats an unknown or missing language as English', () => {
    expect(mailLanguage(undefined)).toBe('en');
    expect(mailLanguage({})).toBe('en');
    expect(mailLanguage({ language: 'de' })).toBe('en');
    expect(mailLanguage({ language: 'pl' })).toBe('pl');
    expect(groupByLanguage([{ email: 'x@example.com', language: 'xx' as 'pl' }])).toEqual([
      { language: 'en', to: ['x@example.com'], readers: [] },
    ]);
  });

  it('writes dates and times in the language, in the department’s time zone', () => {
    expect(mailMoment('2026-07-01T22:30:00Z', 'en', 'Europe/Warsaw')).toBe('2 Jul 2026, 00:30 CEST');
    expect(mailMoment('2026-07-01T22:30:00Z', 'pl', 'Europe/Warsaw')).toBe('2 lipca 2026, 00:30 CEST');
    expect(mailMoment('2026-07-01T22:30:00Z', 'en', 'America/New_York')).toMatch(/^1 Jul 2026, 18:30 (EDT|GMT-4)$/);
    expect(mailDay('2026-11-26', 'pl')).toBe('26 listopada 2026');
    expect(mailDay('2026-11-26', 'en')).toBe('26 Nov 2026');
  });

  it('does not typecheck a language missing an event’s words', () => {
    const { order_received: _dropped, ...rest } = mailWords('pl').events;
    // @ts-expect-error every language has words for every event
    const incomplete: MailWords['events'] = rest;
    expect(Object.keys(incomplete)).toHaveLength(MAIL_EVENTS.length - 1);
  });
});

describe('daily digest', () => {
  const digest = (language: 'en' | 'pl', open: number, late: number) =>
    composeDigestMail({
      department: 'IT',
      day: '2026-11-26',
      open,
      late: Array.from({ length: late }, (_, i) => ({
        number: `IT-${i + 1}`,
        title: `<i>Reset ${i}</i>`,
        state: i === 0 ? ('breached' as const) : ('at_risk' as const),
      })),
      to: ['iris@example.com'],
      portalUrl: 'http://localhost:3000',
      language,
    });

  it('dates the English digest in the one English date format', () => {
    const mail = digest('en', 5, 2);
    expect(mail.id).toBe('DIGEST.IT.2026-11-26');
    expect(mail.subject).toBe('IT daily digest 26 Nov 2026: 2 at risk or late, 5 open');
    expect(mail.text).toContain('Good morning. IT has 5 open orders; 2 missed or are about to miss their standard.');
    expect(mail.text).toContain('IT-1 (breached) <i>Reset 0</i>: http://localhost:3000/orders/IT-1');
    expect(mail.text).toContain('IT-2 (at risk)');
    expect(mail.html).toContain('<html lang="en">');
    expect(digest('en', 1, 1).text).toContain('IT has 1 open order; 1 missed or is about to miss its standard.');
  });

  it('speaks Polish with Polish plurals, and escapes titles', () => {
    const mail = digest('pl', 5, 2);
    expect(mail.id).toBe('DIGEST.IT.2026-11-26');
    expect(mail.subject).toBe('Podsumowanie dnia IT, 26 listopada 2026: 2 zagrożone lub po terminie, 5 otwartych');
    expect(mail.text).toContain('Dzień dobry. IT: 5 otwartych zamówień, w tym 2 zagrożone lub po terminie.');
    expect(mail.text).toContain('IT-1 (po terminie)');
    expect(mail.text).toContain('IT-2 (zagrożone)');
    expect(mail.text).toContain('Panel: http://localhost:3000/departments/IT/dashboard');
    expect(mail.html).toContain('<html lang="pl">');
    expect(mail.html).toContain('&lt;i&gt;Reset 0&lt;/i&gt;');
    expect(mail.html).not.toContain('<i>');
    expect(digest('pl', 1, 0).text).toContain('IT: 1 otwarte zamówienie, żadne nie jest zagrożone ani po terminie.');
    expect(digest('pl', 22, 1).text).toContain('IT: 22 otwarte zamówienia, w tym 1 zagrożone lub po terminie.');
    expect(digest('pl', 12, 5).subject).toContain(': 5 zagrożonych lub po terminie, 12 otwartych');
  });
});
