/**
 * The mails a change causes beyond the lifecycle table: comments both ways, the requester's cancel to
 * the team, the reopen's reason, and the "Done" mail's list of what was handed back — in English and
 * Polish, each word from shared/mail-words.ts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMailWords } from '#shared/mail-words.ts';
import { LANGUAGES, type Order, type User } from '#shared/model.ts';
import { composeOrderMail, MUTABLE_EVENTS, wantsMail } from '#shared/notifications.ts';
import { applyComment } from '#shared/order-edits.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

const order = {
  number: 'HR-1001',
  department: 'HR',
  title: 'Onboard a new employee: Jan Nowak',
  serviceName: 'Onboard a new employee',
  requesterId: 'anna',
  filedById: 'anna',
  requesterName: 'Anna Kowalska',
  status: 'resolved',
  version: 7,
  watchers: [],
  inputs: [],
  deliverables: [
    {
      id: 'record',
      label: 'Employee record created',
      required: true,
      done: true,
      note: 'Number 4711',
      attachment: 'uploads/hana/6f1c/record.pdf',
    },
    { id: 'payroll', label: 'Registered in payroll', required: true, done: true },
    { id: 'welcome', label: 'Welcome pack sent to the new hire', required: false, done: false },
  ],
} as unknown as Order;

const person = (id: string, memberships: User['memberships'] = {}): User => ({
  id,
  name: id,
  email: `${id}@example.com`,
  memberships,
  admin: false,
});
const change = (actor: User) => ({
  actor,
  now: '2026-11-30T10:00:00.000Z',
  service: undefined,
  calendar: { timeZone: 'Europe/Warsaw', hours: {}, holidays: [], always: true },
});

describe('the "Done" mail lists what was handed back', () => {
  it('names each ticked deliverable with its note and file, in English and Polish', () => {
    const base = { order, event: 'order_resolved' as const, to: ['a@example.com'], audience: 'requester' };
    const en = composeOrderMail({ ...base, portalUrl: 'http://p' });
    expect(en.text).toContain(
      'What was handed back:\n- Employee record created: Number 4711 (attached: record.pdf)\n- Registered in payroll\n',
    );
    expect(en.text).not.toContain('Welcome pack');
    expect(en.html).toContain('<li>Employee record created: Number 4711 (attached: record.pdf)</li>');
    const pl = composeOrderMail({ ...base, portalUrl: 'http://p', language: 'pl' });
    expect(pl.text).toContain('Co zostało przekazane:\n- Employee record created: Number 4711 (załącznik: record.pdf)');
  });

  it('other mails carry no such list', () => {
    const mail = composeOrderMail({ order, event: 'order_closed', to: ['a@x'], audience: 'requester', portalUrl: 'p' });
    expect(mail.text).not.toContain('handed back');
  });
});

describe('comments by mail', () => {
  it('a public comment of the requester goes to whoever handles the order; the team’s to the requester', () => {
    const body = { text: 'Any news?', visibility: 'public' as const };
    expect(applyComment(order, body, change(person('anna'))).mails).toEqual([
      { event: 'requester_commented', to: 'handlers', comment: 'Any news?' },
    ]);
    expect(applyComment(order, body, change(person('hana', { HR: 'agent' }))).mails).toEqual([
      { event: 'team_commented', to: 'requester', comment: 'Any news?' },
    ]);
  });

  it('an internal note sends nothing', () => {
    const note = { text: 'Check payroll first.', visibility: 'internal' as const };
    expect(applyComment(order, note, change(person('hana', { HR: 'agent' }))).mails).toEqual([]);
  });

  it('comment mail can be muted; the requester’s cancel cannot', () => {
    expect(MUTABLE_EVENTS).toEqual(expect.arrayContaining(['requester_commented', 'team_commented']));
    const muted = { mutedEvents: ['requester_commented', 'team_commented', 'requester_cancelled'] };
    expect(wantsMail(muted, 'requester_commented')).toBe(false);
    expect(wantsMail(muted, 'team_commented')).toBe(false);
    expect(wantsMail(muted, 'requester_cancelled')).toBe(true);
  });

  it('quotes the comment under a lead that says who wrote, in each language', () => {
    const base = { order, to: ['a@x'], audience: 'assignee', portalUrl: 'http://p', comment: 'Any news?' };
    const en = composeOrderMail({ ...base, event: 'requester_commented' });
    expect(en.subject).toBe('New comment: HR-1001 Onboard a new employee: Jan Nowak');
    expect(en.text).toContain('Anna Kowalska commented on the order:\n\n“Any news?”');
    const pl = composeOrderMail({ ...base, event: 'team_commented', language: 'pl' });
    expect(pl.subject).toBe('Wiadomość od zespołu: HR-1001 Onboard a new employee: Jan Nowak');
    expect(pl.text).toContain('„Any news?”');
    const cancel = composeOrderMail({ ...base, event: 'requester_cancelled', comment: 'Hired elsewhere.' });
    expect(cancel.subject).toBe('Cancelled by the requester: HR-1001 Onboard a new employee: Jan Nowak');
    expect(cancel.text).toContain('“Hired elsewhere.”');
    const reopen = composeOrderMail({ ...base, event: 'order_reopened', comment: 'Wrong payroll number.' });
    expect(reopen.text).toContain('What is missing or wrong:\n\n“Wrong payroll number.”');
  });
});

describe('a language’s mail words load when first needed', () => {
  it('says English at once, refuses a language not loaded, and says it once loaded', async () => {
    vi.resetModules();
    const fresh = await import('#shared/mail-words.ts');
    expect(fresh.mailWords('en').digest.greeting).toBeTruthy();
    for (const language of LANGUAGES.filter((l) => l !== 'en')) expect(() => fresh.mailWords(language)).toThrow();
    await fresh.loadMailWords(['pl', 'pl', 'zh']);
    expect(fresh.mailWords('pl').digest.greeting).not.toBe(fresh.mailWords('en').digest.greeting);
    expect(fresh.mailWords('zh').digest.greeting).not.toBe(fresh.mailWords('en').digest.greeting);
    expect(() => fresh.mailWords('ru')).toThrow();
    // Loading again builds nothing new: the same words.
    const polish = fresh.mailWords('pl');
    await fresh.loadMailWords(LANGUAGES);
    expect(fresh.mailWords('pl')).toBe(polish);
  });
});
