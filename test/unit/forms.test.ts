import { describe, expect, it } from 'vitest';
import { isVisible, validateAnswers } from '#shared/forms.ts';
import type { FormField } from '#shared/model.ts';

const form: FormField[] = [
  { id: 'name', kind: 'text', label: 'Name', required: true, max: 10 },
  { id: 'type', kind: 'select', label: 'Type', required: true, options: ['Permanent', 'Fixed-term'] },
  { id: 'end', kind: 'date', label: 'End', required: true, visibleWhen: { field: 'type', equals: ['Fixed-term'] } },
  { id: 'amount', kind: 'number', label: 'Amount', required: false, min: 1, max: 100 },
  { id: 'mail', kind: 'email', label: 'Mail', required: false },
  { id: 'code', kind: 'text', label: 'Code', required: false, pattern: '[A-Z]{2}-\\d{3}' },
  { id: 'tools', kind: 'multiSelect', label: 'Tools', required: false, options: ['A', 'B'] },
  { id: 'ok', kind: 'checkbox', label: 'OK', required: false },
];

describe('request form validation', () => {
  it('accepts good answers and drops hidden and unknown fields', () => {
    const result = validateAnswers(form, { name: 'Ann', type: 'Permanent', end: '2027-01-01', extra: 'x', amount: 5 });
    expect(result).toEqual({ ok: true, answers: { name: 'Ann', type: 'Permanent', amount: 5 } });
  });

  it('requires a conditionally visible field only when it is shown', () => {
    expect(isVisible(form[2]!, { type: 'Fixed-term' })).toBe(true);
    expect(isVisible(form[2]!, { type: 'Permanent' })).toBe(false);
    const result = validateAnswers(form, { name: 'Ann', type: 'Fixed-term' });
    expect(result).toEqual({ ok: false, fields: { end: 'End is required.' } });
  });

  it('gives a message per failing field', () => {
    const result = validateAnswers(form, {
      name: 'A very long name',
      type: 'Contractor',
      amount: 500,
      mail: 'not-an-email',
      code: 'ab-12',
      tools: ['C'],
      ok: 'yes',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fields).sort()).toEqual(['amount', 'code', 'mail', 'name', 'ok', 'tools', 'type']);
      expect(result.fields.amount).toBe('At most 100.');
    }
  });

  it('does not let a pattern match only part of the answer', () => {
    expect(validateAnswers(form, { name: 'A', type: 'Permanent', code: 'xxAB-123yy' }).ok).toBe(false);
    expect(validateAnswers(form, { name: 'A', type: 'Permanent', code: 'AB-123' }).ok).toBe(true);
  });

  it('ignores prototype keys in answers', () => {
    const answers = JSON.parse('{"__proto__": {"polluted": true}, "name": "A", "type": "Permanent"}');
    const result = validateAnswers(form, answers);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('form patterns a head may save', () => {
  it('refuses patterns that can backtrack catastrophically, and keeps simple ones', async () => {
    const { riskyPattern } = await import('#shared/service-schema.ts');
    for (const risky of ['(a+)+b', '(a|a)*', '(a*)*', '([a-z]+)*', '(.*a){10}', '(x)\\1'])
      expect(riskyPattern(risky)).toBe(true);
    for (const safe of [
      '[A-Z]{2}-\\d{3}',
      '\\+?[0-9 ]{6,20}',
      '(ab)+',
      '[A-Z]{2}[0-9A-Z]{6,12}',
      '(Mr|Ms)\\. [A-Z][a-z]+',
    ]) {
      expect(riskyPattern(safe)).toBe(false);
    }
  });

  it('keeps single-line answers on one line', () => {
    const result = validateAnswers(form, { name: 'A\r\nBcc: x', type: 'Permanent' });
    expect(result).toEqual({ ok: false, fields: { name: 'Keep this on one line.' } });
  });
});
