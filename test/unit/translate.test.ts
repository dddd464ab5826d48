import { describe, expect, it } from 'vitest';
import type { Service } from '#shared/model.ts';
import { orderTitle } from '#shared/order-title.ts';
import { serviceBody, serviceProblems } from '#shared/service-schema.ts';
import { localizeChecklists, localizeOrder, localizeService, optionLabel } from '#shared/translate.ts';

const service = {
  name: 'Employment certificate',
  summary: 'A signed certificate of employment.',
  description: 'For banks and embassies.',
  form: [
    {
      id: 'purpose',
      kind: 'select',
      label: 'Purpose',
      help: 'Who asks for it',
      required: true,
      options: ['Bank', 'Visa'],
    },
    { id: 'copies', kind: 'number', label: 'Copies', required: false },
  ],
  inputs: [{ id: 'id-card', label: 'ID card copy', kind: 'document', required: true }],
  deliverables: [{ id: 'scan', label: 'Signed scan sent', required: true }],
  stages: [{ id: 'in_progress', name: 'In progress' }],
  survey: { enabled: true, question: 'How satisfied are you?' },
  translations: {
    pl: {
      name: 'Zaświadczenie o zatrudnieniu',
      summary: '',
      fields: { purpose: { label: 'Cel' } },
      deliverables: { scan: 'Wysłano podpisany skan' },
      surveyQuestion: 'Jak bardzo jesteś zadowolony?',
    },
  },
} as unknown as Service;

describe('a service in the reader’s language', () => {
  it('uses the department’s words where given and its own elsewhere', () => {
    const pl = localizeService(service, 'pl');
    expect(pl.name).toBe('Zaświadczenie o zatrudnieniu');
    // An empty translation is no translation.
    expect(pl.summary).toBe('A signed certificate of employment.');
    expect(pl.description).toBe('For banks and embassies.');
    expect(pl.form.map((f) => [f.id, f.label, f.help])).toEqual([
      ['purpose', 'Cel', 'Who asks for it'],
      ['copies', 'Copies', undefined],
    ]);
    // Choice values are what answers store: they never change with the language.
    expect(pl.form[0]!.options).toEqual(['Bank', 'Visa']);
    expect(pl.deliverables[0]).toEqual({ id: 'scan', label: 'Wysłano podpisany skan', required: true });
    expect(pl.inputs[0]!.label).toBe('ID card copy');
    expect(pl.survey.question).toBe('Jak bardzo jesteś zadowolony?');
  });

  it('leaves a service without that language untouched', () => {
    expect(localizeService(service, 'en')).toBe(service);
  });

  it('refuses translations of ids the service does not have, by path', () => {
    const body = serviceBody.parse({
      name: 'X',
      summary: 'Y',
      description: '',
      tags: [],
      ownerId: 'hana',
      audience: [],
      form: [{ id: 'purpose', kind: 'text', label: 'Purpose', required: true }],
      inputs: [],
      deliverables: [{ id: 'scan', label: 'Scan', required: true }],
      stages: [{ id: 'work', name: 'Work' }],
      approval: { kind: 'none' },
      standard: { firstResponseMinutes: 60, resolutionMinutes: 480, warningAt: 0.8, always: false },
      survey: { enabled: true, question: '' },
      reportTo: [],
      translations: {
        pl: { fields: { purpose: { label: 'Cel' }, colour: { label: 'Kolor' } }, stages: { work: 'Praca' } },
      },
    });
    expect(serviceProblems(body)).toEqual({
      'translations.pl.fields.colour': { code: 'nothing_to_translate', params: { id: 'colour' } },
    });
    expect(serviceBody.safeParse({ ...body, translations: { de: { name: 'Bescheinigung' } } }).success).toBe(false);
  });
});

describe('an order’s checklists in the reader’s language', () => {
  it('relabels by id and keeps the rest', () => {
    const order = {
      inputs: [{ id: 'id-card', label: 'ID card copy', required: true, done: false }],
      deliverables: [
        { id: 'scan', label: 'Signed scan sent', required: true, done: true, by: 'hana' },
        { id: 'post', label: 'Original posted', required: false, done: false },
      ],
    };
    const pl = localizeChecklists(order, { deliverables: { scan: 'Wysłano podpisany skan', post: ' ' } });
    expect(pl.deliverables).toEqual([
      { id: 'scan', label: 'Wysłano podpisany skan', required: true, done: true, by: 'hana' },
      { id: 'post', label: 'Original posted', required: false, done: false },
    ]);
    expect(pl.inputs).toEqual(order.inputs);
    expect(localizeChecklists(order, undefined)).toBe(order);
  });
});

describe('choices in the reader’s language', () => {
  const withChoices = {
    ...service,
    titleTemplate: '{purpose} ×{copies}',
    translations: {
      pl: { ...service.translations?.pl, fields: { purpose: { label: 'Cel', options: { Visa: 'Wiza', Bank: ' ' } } } },
    },
  } as Service;
  const words = withChoices.translations?.pl;

  it('says an option in the department’s words, or its own value when none (or only spaces) is given', () => {
    expect(optionLabel('Visa', 'purpose', words)).toBe('Wiza');
    expect(optionLabel('Bank', 'purpose', words)).toBe('Bank');
    expect(optionLabel('Visa', 'copies', words)).toBe('Visa');
    expect(optionLabel('Visa', 'purpose', undefined)).toBe('Visa');
  });

  it('builds a title made from the answers again in the reader’s words; answers stay stored as values', () => {
    const answers = { purpose: 'Visa', copies: 2 };
    const order = { serviceName: withChoices.name, title: orderTitle(withChoices, answers), answers };
    expect(order.title).toBe('Employment certificate: Visa ×2');
    const pl = localizeOrder(order, withChoices, 'pl');
    expect(pl.title).toBe('Zaświadczenie o zatrudnieniu: Wiza ×2');
    expect(pl.answers).toEqual({ purpose: 'Visa', copies: 2 });
    // A title that is not the one the answers made (changed since) keeps its words, the name aside.
    expect(localizeOrder({ ...order, title: 'Employment certificate: urgent' }, withChoices, 'pl').title).toBe(
      'Zaświadczenie o zatrudnieniu: urgent',
    );
    expect(localizeOrder(order, withChoices, 'en').title).toBe('Employment certificate: Visa ×2');
  });
});
