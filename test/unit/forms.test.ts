import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkAnswers, isVisible, validateAnswers } from '#shared/forms.ts';
import type { FormField } from '#shared/model.ts';
import { loadPatterns, needsPatterns } from '#shared/pattern-engine.ts';
import { MAX_PATTERN_PROGRAM, patternProblem } from '#shared/patterns.ts';
import { type ServiceBody, serviceProblems } from '#shared/service-schema.ts';

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

describe('the pattern engine, loaded on first need', () => {
  it('refuses to check a pattern before it is loaded, rather than let the answer through', async () => {
    vi.resetModules();
    const fresh = await import('#shared/forms.ts');
    const engine = await import('#shared/pattern-engine.ts');
    const patterned: FormField[] = [{ id: 'code', kind: 'text', label: 'Code', required: true, pattern: '[A-Z]{2}' }];
    expect(needsPatterns(patterned)).toBe(true);
    expect(() => fresh.validateAnswers(patterned, { code: 'no' })).toThrow(/pattern engine not loaded/);
    // A form without patterns needs no engine.
    expect(fresh.validateAnswers([{ ...patterned[0]!, pattern: undefined }], { code: 'no' }).ok).toBe(true);
    await engine.loadPatterns();
    expect(fresh.validateAnswers(patterned, { code: 'no' })).toEqual({
      ok: false,
      fields: { code: { code: 'bad_format' } },
    });
  });
});

beforeAll(loadPatterns);

describe('request form validation', () => {
  it('accepts good answers and drops hidden and unknown fields', () => {
    const result = validateAnswers(form, { name: 'Ann', type: 'Permanent', end: '2027-01-01', extra: 'x', amount: 5 });
    expect(result).toEqual({ ok: true, answers: { name: 'Ann', type: 'Permanent', amount: 5 } });
  });

  it('requires a conditionally visible field only when it is shown', () => {
    expect(isVisible(form[2]!, { type: 'Fixed-term' })).toBe(true);
    expect(isVisible(form[2]!, { type: 'Permanent' })).toBe(false);
    const result = validateAnswers(form, { name: 'Ann', type: 'Fixed-term' });
    expect(result).toEqual({ ok: false, fields: { end: { code: 'required' } } });
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
      expect(result.fields.amount).toEqual({ code: 'too_big', params: { max: 100 } });
    }
  });

  it('refuses a number the store could not keep, and keeps everyday and negative ones', () => {
    const plain: FormField[] = [{ id: 'n', kind: 'number', label: 'N', required: true }];
    for (const n of [5e-324, 1e-131, -1e-200, 1e125, -1e300]) {
      expect(validateAnswers(plain, { n }), String(n)).toEqual({
        ok: false,
        fields: { n: { code: 'number_out_of_range' } },
      });
    }
    for (const n of [0, -0, 1e-130, 0.5, -3, 9.9e124]) {
      expect(validateAnswers(plain, { n }).ok, String(n)).toBe(true);
    }
    expect(validateAnswers(form, { name: 'A', type: 'Permanent', amount: 5e-324 })).toEqual({
      ok: false,
      fields: { amount: { code: 'number_out_of_range' } },
    });
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

const baseService: ServiceBody = {
  name: 'Certificate',
  summary: 'A certificate of employment.',
  description: '',
  tags: [],
  ownerId: 'hana',
  audience: [],
  form: [],
  inputs: [],
  deliverables: [],
  stages: [{ id: 'work', name: 'Work' }],
  approval: { kind: 'none' },
  standard: { firstResponseMinutes: 60, resolutionMinutes: 480, warningAt: 0.8, always: false },
  survey: { enabled: false, question: '' },
  reportTo: [],
};

describe('form patterns a head may save', () => {
  /** The answer a backtracking engine chokes on: digits, then one character that spoils the match. */
  const adversarial = `${'1'.repeat(100_000)}x`;
  const field = (pattern: string): FormField => ({
    id: 'code',
    kind: 'longText',
    label: 'Code',
    required: true,
    max: 200_000,
    pattern,
  });

  it.each(['\\d*\\d*\\d*\\d*\\d*\\d*', '^(\\d*)*$', '(a+)+b', '(\\d|\\d)*'])(
    'checks a 100,000-character answer against %s in linear time',
    (pattern) => {
      expect(patternProblem(pattern)).toBeUndefined();
      const started = performance.now();
      const refused = validateAnswers([field(pattern)], { code: adversarial });
      const accepted = validateAnswers([field(pattern)], { code: '1'.repeat(100_000) });
      const ms = performance.now() - started;
      expect(refused).toEqual({ ok: false, fields: { code: { code: 'bad_format' } } });
      if (pattern !== '(a+)+b') expect(accepted.ok).toBe(true);
      // A backtracking engine needs seconds for 30 characters of these; RE2 needs milliseconds here.
      expect(ms, `${Math.round(ms)} ms`).toBeLessThan(1_000);
    },
  );

  it('checks the length before the pattern, so an answer that is too long costs no matching', () => {
    const text: FormField = { id: 'code', kind: 'text', label: 'Code', required: true, pattern: '^(\\d*)*$' };
    let calls = 0;
    const counting = (pattern: string, value: string) => {
      calls++;
      return /^\d*$/.test(value) && pattern.length > 0;
    };
    expect(checkAnswers([text], { code: '1'.repeat(501) }, counting)).toEqual({
      ok: false,
      fields: { code: { code: 'too_long', params: { max: 500 } } },
    });
    expect(checkAnswers([text], { code: '12\n3' }, counting)).toEqual({
      ok: false,
      fields: { code: { code: 'one_line' } },
    });
    expect(calls).toBe(0);
    expect(checkAnswers([text], { code: '123' }, counting).ok).toBe(true);
    expect(calls).toBe(1);
  });

  it('keeps JavaScript-style escapes and named groups working', () => {
    const form = (pattern: string): FormField[] => [{ id: 'x', kind: 'text', label: 'X', required: true, pattern }];
    expect(validateAnswers(form('caf\\u00e9'), { x: 'café' }).ok).toBe(true);
    expect(validateAnswers(form('(?<year>\\d{4})-\\d{2}'), { x: '2027-01' }).ok).toBe(true);
    expect(validateAnswers(form('[A-Z]{2}-\\d{3}'), { x: 'AB-1234' }).ok).toBe(false);
  });

  it('refuses, with a message for the field, patterns the linear-time engine cannot run or that do not compile', () => {
    for (const unsupported of ['(x)\\1', '(?=a)b', '(?!a)b', 'a(?<=b)'])
      expect(patternProblem(unsupported), unsupported).toEqual({ code: 'pattern_unsupported' });
    for (const broken of ['[A-Z', '(ab', 'a{2,1}'])
      expect(patternProblem(broken), broken).toEqual({ code: 'pattern_invalid' });
    for (const fine of ['[A-Z]{2}-\\d{3}', '\\+?[0-9 ]{6,20}', '(Mr|Ms)\\. [A-Z][a-z]+', '(a*)*'])
      expect(patternProblem(fine), fine).toBeUndefined();
  });

  it('refuses patterns too large to check quickly, and checks the longest answer fast at the size limit', () => {
    for (const large of ['(a{1000}){1000}', '.{1000}.{1000}', '\\p{L}{1000}', '(\\w{1,500}\\d{1,500}){1,5}'])
      expect(patternProblem(large), large).toEqual({ code: 'pattern_too_large' });
    // Just under the limit: the cost per character is bounded, so the longest answer stays fast.
    const nearLimit = '[\\s\\S]{190}x';
    expect(patternProblem(nearLimit)).toBeUndefined();
    const started = performance.now();
    expect(validateAnswers([field(nearLimit)], { code: 'a'.repeat(10_000) }).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    expect(MAX_PATTERN_PROGRAM).toBeLessThanOrEqual(400);
  });

  it('answers a saved service with an unsupported pattern with field-level messages', () => {
    const service = {
      ...baseService,
      form: [{ id: 'code', kind: 'text' as const, label: 'Code', required: true, pattern: '(?=x)x' }],
    };
    expect(serviceProblems(service)).toEqual({
      'form.0.pattern': { code: 'pattern_unsupported' },
    });
  });

  it('keeps single-line answers on one line', () => {
    const result = validateAnswers(form, { name: 'A\r\nBcc: x', type: 'Permanent' });
    expect(result).toEqual({ ok: false, fields: { name: { code: 'one_line' } } });
  });
});
