import { describe, expect, it } from 'vitest';
import type { FormField, Service } from '#shared/model.ts';
import { serviceProblems } from '#shared/service-schema.ts';
import {
  blankService,
  cleanDraft,
  conditionValue,
  draftOf,
  moveItem,
  newField,
  percentOf,
  previewForm,
  relabel,
  removeAt,
  sameDraft,
  shareOf,
  slugify,
  uniqueId,
  updateAt,
} from './service-draft.ts';

describe('list operations', () => {
  const list = ['a', 'b', 'c', 'd'];

  it('moves an item up and down without touching the original', () => {
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores moves past either end', () => {
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 3, 4)).toEqual(list);
  });

  it('removes and updates by index', () => {
    expect(removeAt(list, 1)).toEqual(['a', 'c', 'd']);
    expect(updateAt([{ x: 1 }, { x: 2 }], 1, { x: 5 })).toEqual([{ x: 1 }, { x: 5 }]);
  });
});

describe('ids', () => {
  it('slugifies labels into ids the API accepts', () => {
    expect(slugify('Full name of the new hire')).toBe('full-name-of-the-new-hire');
    expect(slugify("Manager's e-mail")).toBe('manager-s-e-mail');
    expect(slugify('Zażółć gęślą jaźń')).toBe('zazolc-gesla-jazn');
    expect(slugify('  --  ')).toBe('');
    expect(slugify('x'.repeat(80))).toHaveLength(50);
  });

  it('keeps ids unique and falls back for empty labels', () => {
    expect(uniqueId('Start date', ['start-date'], 'field')).toBe('start-date-2');
    expect(uniqueId('', ['field', 'field-2'], 'field')).toBe('field-3');
  });

  it('adds a blank field with a free id', () => {
    const form: FormField[] = [{ id: 'field', kind: 'text', label: '', required: false }];
    expect(newField(form, 'date')).toEqual({ id: 'field-2', kind: 'date', label: '', required: false });
  });

  it('lets a new id follow its label until it is changed by hand', () => {
    let form: FormField[] = [newField([])];
    form = relabel(form, 0, 'label', 'S', new Set(), 'field');
    form = relabel(form, 0, 'label', 'Start date', new Set(), 'field');
    expect(form[0]?.id).toBe('start-date');
    form = updateAt(form, 0, { id: 'begins' });
    form = relabel(form, 0, 'label', 'Start day', new Set(), 'field');
    expect(form[0]).toMatchObject({ id: 'begins', label: 'Start day' });
  });

  it('never renames an id a saved version uses', () => {
    const form: FormField[] = [{ id: 'start-date', kind: 'date', label: 'Start date', required: true }];
    const next = relabel(form, 0, 'label', 'First day', new Set(['start-date']), 'field');
    expect(next[0]).toMatchObject({ id: 'start-date', label: 'First day' });
  });
});

describe('warning share', () => {
  it('turns the warning share into a percentage and back', () => {
    expect(percentOf(0.8)).toBe(80);
    expect(shareOf(75)).toBe(0.75);
    expect(shareOf(percentOf(0.33))).toBe(0.33);
  });
});

describe('cleanDraft', () => {
  it('trims, drops empty list entries and parts that do not apply to the kind', () => {
    const draft = {
      ...blankService(),
      name: '  Laptop ',
      tags: [' it ', '', 'it', 'hardware'],
      form: [
        { id: 'kind', kind: 'select' as const, label: 'Kind ', required: true, options: [' A', 'A', '', 'B'], min: 3 },
        {
          id: 'qty',
          kind: 'number' as const,
          label: 'How many',
          required: false,
          pattern: 'x',
          help: '  ',
          visibleWhen: { field: 'kind', equals: ['B', ' '] },
        },
        {
          id: 'count',
          kind: 'text' as const,
          label: 'Count',
          required: false,
          visibleWhen: { field: 'qty', equals: ['2', 'x'] },
        },
      ],
      inputs: [{ id: 'contract', label: 'Contract', kind: 'attachment' as const, required: true, field: 'kind' }],
      stages: [{ id: 'work', name: 'Work', targetMinutes: 0 }],
      approval: { kind: 'named' as const, approvers: ['ann', ' ann ', ''] },
    };
    const clean = cleanDraft(draft);
    expect(clean.name).toBe('Laptop');
    expect(clean.tags).toEqual(['it', 'hardware']);
    expect(clean.form[0]).toEqual({ id: 'kind', kind: 'select', label: 'Kind', required: true, options: ['A', 'B'] });
    expect(clean.form[1]).toEqual({
      id: 'qty',
      kind: 'number',
      label: 'How many',
      required: false,
      visibleWhen: { field: 'kind', equals: ['B'] },
    });
    expect(clean.form[2]?.visibleWhen).toEqual({ field: 'qty', equals: [2, 'x'] });
    expect(clean.inputs[0]).toEqual({ id: 'contract', label: 'Contract', kind: 'attachment', required: true });
    expect(clean.stages[0]).toEqual({ id: 'work', name: 'Work' });
    expect(clean.approval).toEqual({ kind: 'named', approvers: ['ann'] });
  });

  it('keeps translations trimmed, without empty words or parts that no longer exist', () => {
    const draft = {
      ...blankService(),
      form: [{ id: 'purpose', kind: 'text' as const, label: 'Purpose', required: true }],
      deliverables: [{ id: 'scan', label: 'Scan', required: true }],
      translations: {
        pl: {
          name: ' Zaświadczenie ',
          summary: '  ',
          fields: { purpose: { label: ' Cel ', help: '' }, gone: { label: 'Stare' } },
          deliverables: { scan: 'Skan', old: 'Stary' },
        },
        en: { name: ' ' },
      },
    };
    expect(cleanDraft(draft).translations).toEqual({
      pl: { name: 'Zaświadczenie', fields: { purpose: { label: 'Cel' } }, deliverables: { scan: 'Skan' } },
    });
    expect(cleanDraft({ ...draft, translations: { pl: { summary: ' ' } } })).not.toHaveProperty('translations');
  });

  it('drops a condition that waits for no value', () => {
    const draft = {
      ...blankService(),
      form: [
        { id: 'a', kind: 'checkbox' as const, label: 'A', required: false },
        { id: 'b', kind: 'text' as const, label: 'B', required: false, visibleWhen: { field: 'a', equals: [] } },
      ],
    };
    expect(cleanDraft(draft).form[1]).not.toHaveProperty('visibleWhen');
  });

  it('gives a body the shared checks accept for a blank service', () => {
    expect(serviceProblems(cleanDraft({ ...blankService(), name: 'X', summary: 'Y' }))).toEqual({});
  });

  it('keeps bundle parts through an edit', () => {
    const bundle = [{ serviceId: 'it-laptop' }];
    expect(cleanDraft({ ...blankService(), bundle }).bundle).toEqual(bundle);
  });
});

describe('draftOf and sameDraft', () => {
  const service: Service = {
    ...blankService(),
    id: 'laptop',
    department: 'IT',
    status: 'published',
    name: 'Laptop',
    summary: 'A laptop',
    version: 3,
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('takes only the editable parts, as a copy', () => {
    const draft = draftOf(service);
    expect(draft).not.toHaveProperty('id');
    expect(draft).not.toHaveProperty('version');
    draft.stages[0]!.name = 'changed';
    expect(service.stages[0]?.name).toBe('In progress');
  });

  it('treats drafts that clean to the same body as the same', () => {
    const draft = draftOf(service);
    expect(sameDraft(draft, { ...draft, name: ' Laptop ' })).toBe(true);
    expect(sameDraft(draft, { ...draft, name: 'Laptop 2' })).toBe(false);
  });
});

describe('conditionValue', () => {
  it('types condition values for the field they depend on', () => {
    expect(conditionValue('3', 'number')).toBe(3);
    expect(conditionValue('three', 'number')).toBe('three');
    expect(conditionValue('true', 'checkbox')).toBe(true);
    expect(conditionValue(' Fixed-term ', 'select')).toBe('Fixed-term');
    expect(conditionValue(false, 'checkbox')).toBe(false);
  });
});

describe('previewForm', () => {
  it('renders a form still being written without failing', () => {
    const form: FormField[] = [
      { id: 'code', kind: 'text', label: 'Code', required: false, pattern: '[A-Z' },
      { id: 'pick', kind: 'select', label: 'Pick', required: false, options: [] },
      { id: 'code', kind: 'text', label: 'Again', required: false },
      { id: '', kind: 'text', label: 'No id', required: false },
    ];
    const preview = previewForm(form);
    expect(preview[0]).not.toHaveProperty('pattern');
    expect(preview[1]?.kind).toBe('text');
    expect(new Set(preview.map((f) => f.id)).size).toBe(4);
    expect(form[0]?.pattern).toBe('[A-Z');
  });
});
