/**
 * An order's service words in the reader's language, resolved at read and send time from the service
 * version it was filed under: name, the title built from it, choice answers, checklist labels, and the
 * labels and stage names in the comments Ordo writes on the timeline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMailWords } from '#shared/mail-words.ts';
import { LANGUAGES, type Order, type Service } from '#shared/model.ts';
import { composeOrderMails } from '#shared/notifications.ts';
import { localizeAnswer, localizeComment, localizeEvent, localizeOrder } from '#shared/translate.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

const service = {
  name: 'Employment certificate',
  form: [{ id: 'purpose', kind: 'select', label: 'What it is for', required: true, options: ['Bank', 'Visa'] }],
  inputs: [{ id: 'id-card', label: 'ID card copy', kind: 'attachment', required: true }],
  deliverables: [{ id: 'scan', label: 'Signed certificate scan sent', required: true }],
  stages: [
    { id: 'triage', name: 'Triage' },
    { id: 'in_progress', name: 'In progress' },
  ],
  translations: {
    pl: {
      name: 'Zaświadczenie o zatrudnieniu',
      fields: { purpose: { options: { Visa: 'Wiza', Bank: ' ' } } },
      inputs: { 'id-card': 'Kopia dowodu' },
      deliverables: { scan: 'Wysłano skan podpisanego zaświadczenia' },
      stages: { triage: 'Wstępna ocena', in_progress: 'W realizacji' },
    },
  },
} as unknown as Service;

const order = {
  number: 'HR-1054',
  serviceName: 'Employment certificate',
  title: 'Employment certificate: for the bank',
  requesterName: 'Maja Wiśniewska',
  version: 2,
  answers: { purpose: 'Visa' },
  inputs: [{ id: 'id-card', label: 'ID card copy', required: true, done: true }],
  deliverables: [{ id: 'scan', label: 'Signed certificate scan sent', required: true, done: true, note: 'PDF' }],
} as unknown as Order;

describe('an order in the reader’s language', () => {
  it('says the service’s name, the title built from it and the checklists in the department’s words', () => {
    const pl = localizeOrder(order, service, 'pl');
    expect(pl).toMatchObject({
      serviceName: 'Zaświadczenie o zatrudnieniu',
      title: 'Zaświadczenie o zatrudnieniu: for the bank',
      inputs: [{ id: 'id-card', label: 'Kopia dowodu' }],
      deliverables: [{ id: 'scan', label: 'Wysłano skan podpisanego zaświadczenia', note: 'PDF' }],
    });
    // Stored words, ids and answers are untouched.
    expect(order.title).toBe('Employment certificate: for the bank');
    expect(pl.answers).toBe(order.answers);
    expect(localizeOrder(order, service, 'en')).toBe(order);
    expect(localizeOrder(order, undefined, 'pl')).toBe(order);
  });

  it('keeps a title that does not begin with the service’s name (the requester’s words)', () => {
    const own = { ...order, title: 'Jan Nowak starts 2027-01-04' };
    expect(localizeOrder(own, service, 'pl').title).toBe('Jan Nowak starts 2027-01-04');
  });

  it('says a choice in the reader’s words, keeping the stored value when none is given', () => {
    const words = service.translations?.pl;
    expect(localizeAnswer('Visa', 'purpose', words)).toBe('Wiza');
    expect(localizeAnswer('Bank', 'purpose', words)).toBe('Bank');
    expect(localizeAnswer(['Visa', 'Bank'], 'purpose', words)).toEqual(['Wiza', 'Bank']);
    expect(localizeAnswer(true, 'purpose', words)).toBe(true);
    expect(localizeAnswer('Visa', 'purpose', undefined)).toBe('Visa');
  });

  it('translates the labels and stage names in comments Ordo writes, never people’s words', () => {
    expect(localizeComment('deliverable_ticked', 'Signed certificate scan sent: PDF', service, 'pl')).toBe(
      'Wysłano skan podpisanego zaświadczenia: PDF',
    );
    expect(localizeComment('input_handed_over', 'ID card copy', service, 'pl')).toBe('Kopia dowodu');
    expect(localizeComment('stage_changed', 'Triage → In progress', service, 'pl')).toBe(
      'Wstępna ocena → W realizacji',
    );
    expect(localizeComment('comment', 'Signed certificate scan sent', service, 'pl')).toBe(
      'Signed certificate scan sent',
    );
    const event = { kind: 'deliverable_unticked', comment: 'Signed certificate scan sent' };
    expect(localizeEvent(event, service, 'pl').comment).toBe('Wysłano skan podpisanego zaświadczenia');
    expect(localizeEvent(event, service, 'en')).toBe(event);
  });

  it('mails each language group the service’s words in its language', () => {
    const [en, pl] = composeOrderMails({
      event: 'order_received',
      order,
      recipients: [{ email: 'ben@example.com' }, { email: 'maja@example.com', language: 'pl' }],
      audience: 'requester',
      portalUrl: 'http://p',
      service,
    });
    expect(en?.subject).toBe('We received your order HR-1054 Employment certificate: for the bank');
    expect(pl?.subject).toBe('Przyjęliśmy Twoje zamówienie HR-1054 Zaświadczenie o zatrudnieniu: for the bank');
    expect(pl?.text).toContain('„Zaświadczenie o zatrudnieniu”');
    const [moved] = composeOrderMails({
      event: 'stage_changed',
      order,
      recipients: [{ email: 'maja@example.com', language: 'pl' }],
      audience: 'requester',
      portalUrl: 'http://p',
      service,
      comment: 'Triage → In progress',
    });
    expect(moved?.text).toContain('„Wstępna ocena → W realizacji”');
  });
});
