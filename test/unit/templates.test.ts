/**
 * The service templates: each passes the same checks as a service a head writes by hand (the API's
 * body schema and serviceProblems, which the editor runs too), is worded in every portal language,
 * and its form works: conditions point at real choices, the example filing passes the form.
 */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '#shared/forms.ts';
import { LANGUAGES, type Service } from '#shared/model.ts';
import { linearPatterns } from '#shared/patterns.ts';
import { createServiceBody, serviceProblems } from '#shared/service-schema.ts';
import {
  defaultServiceId,
  findTemplate,
  SERVICE_TEMPLATES,
  type ServiceTemplate,
  serviceFromTemplate,
  TEMPLATE_AREAS,
  templateSummaries,
} from '#shared/templates/index.ts';
import { cleanDraft, draftOf } from '../../web/src/editor/service-draft.ts';

const adopted = (template: ServiceTemplate) => serviceFromTemplate(template, { department: 'HR', ownerId: 'henry' });

/** Every text a service carries that a reader sees, by path, in the service's own words. */
function texts(template: ServiceTemplate): Array<[path: string, english: string]> {
  const s = template.service;
  const out: Array<[string, string]> = [
    ['name', s.name],
    ['summary', s.summary],
  ];
  if (s.description) out.push(['description', s.description]);
  for (const f of s.form) {
    out.push([`fields.${f.id}.label`, f.label]);
    if (f.help) out.push([`fields.${f.id}.help`, f.help]);
  }
  for (const x of s.inputs) out.push([`inputs.${x.id}`, x.label]);
  for (const x of s.deliverables) out.push([`deliverables.${x.id}`, x.label]);
  for (const x of s.stages) out.push([`stages.${x.id}`, x.name]);
  if (s.survey.enabled || s.survey.question) out.push(['surveyQuestion', s.survey.question]);
  return out;
}

/** The sample answers a patterned field's help shows ("Like SA-101.", "like 1234567890 or DE123456789."). */
function helpSamples(template: ServiceTemplate) {
  return template.service.form.flatMap((field) => {
    const shown = field.pattern ? field.help?.match(/\blike (.+)\.$/i)?.[1] : undefined;
    return shown ? shown.split(' or ').map((sample) => ({ field, sample })) : [];
  });
}

function translated(template: ServiceTemplate, language: string, path: string): string | undefined {
  let at: unknown = (template.service.translations as Record<string, unknown>)[language];
  for (const key of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[key];
  return typeof at === 'string' ? at : undefined;
}

describe('the template library', () => {
  it('has the common back-office services of every area, each id once', () => {
    const ids = SERVICE_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'employee-onboarding',
        'employment-certificate',
        'leave-correction',
        'employee-offboarding',
        'access-request',
        'new-laptop',
        'password-mfa-reset',
        'software-request',
        'purchase-order',
        'expense-claim',
        'supplier-onboarding',
        'desk-or-room',
        'repair-request',
        'contract-review',
        'nda',
      ]),
    );
    for (const area of TEMPLATE_AREAS)
      expect(SERVICE_TEMPLATES.filter((t) => t.area === area).length).toBeGreaterThan(1);
    expect(findTemplate('nda')?.area).toBe('legal');
    expect(findTemplate('no-such-template')).toBeUndefined();
  });

  it('names and summarises every template in the reader’s language', () => {
    const en = templateSummaries('en');
    const pl = templateSummaries('pl');
    expect(en.find((t) => t.id === 'employment-certificate')).toEqual({
      id: 'employment-certificate',
      area: 'hr',
      name: 'Employment certificate',
      summary: expect.stringContaining('certificate'),
      contains: expect.objectContaining({ stages: ['Preparation', 'Signature', 'Delivery'], inputs: [] }),
    });
    expect(pl.find((t) => t.id === 'employment-certificate')?.name).toBe('Zaświadczenie o zatrudnieniu');
    expect(pl.find((t) => t.id === 'employment-certificate')?.contains.stages).not.toContain('Preparation');
    for (const [i, summary] of pl.entries()) {
      expect(summary.name).not.toBe(en[i]!.name);
      expect(summary.summary).not.toBe(en[i]!.summary);
    }
  });

  it('shows sample answers in the help of patterned fields', () => {
    // The per-template test checks each sample against its pattern; make sure there are samples to check.
    expect(SERVICE_TEMPLATES.flatMap(helpSamples).length).toBeGreaterThanOrEqual(8);
  });

  it('makes ids that fit any department code', () => {
    const longest = Math.max(...SERVICE_TEMPLATES.map((t) => t.id.length));
    const template = SERVICE_TEMPLATES.find((t) => t.id.length === longest)!;
    const body = serviceFromTemplate(template, { department: 'ABCDEFGHIJ', ownerId: 'x' });
    expect(body.id).toBe(defaultServiceId(template.id, 'ABCDEFGHIJ'));
    expect(createServiceBody.shape.id.safeParse(body.id).success).toBe(true);
  });

  it('gives a draft its own copy, and a chosen name replaces the translated ones', () => {
    const template = findTemplate('employment-certificate')!;
    const body = serviceFromTemplate(template, {
      department: 'HR',
      ownerId: 'henry',
      id: 'hr-cert',
      name: 'Zaświadczenie',
    });
    expect(body).toMatchObject({ id: 'hr-cert', department: 'HR', ownerId: 'henry', name: 'Zaświadczenie' });
    expect(body.translations?.pl?.name).toBeUndefined();
    expect(body.translations?.pl?.summary).toBe(template.service.translations.pl.summary);
    body.form.push({ id: 'extra', kind: 'text', label: 'Extra', required: false });
    expect(template.service.form.some((f) => f.id === 'extra')).toBe(false);
    expect(template.service.translations.pl.name).toBe('Zaświadczenie o zatrudnieniu');
  });
});

describe.each(SERVICE_TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('passes the checks of a service written by hand', () => {
    const body = adopted(template);
    const parsed = createServiceBody.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(serviceProblems(body)).toEqual({});
  });

  it('is saved unchanged by the service editor', () => {
    const body = adopted(template);
    const { id: _id, department: _department, ...editable } = body;
    const service = { ...body, status: 'draft', version: 1, updatedAt: '2027-01-04T09:00:00.000Z' } as Service;
    expect(cleanDraft(draftOf(service))).toEqual(editable);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('is worded in full in %s', (language) => {
    const missing: string[] = [];
    const untranslated: string[] = [];
    for (const [path, english] of texts(template)) {
      const words = translated(template, language, path)?.trim();
      if (!words) missing.push(path);
      else if (words === english) untranslated.push(path);
    }
    expect({ missing, untranslated }).toEqual({ missing: [], untranslated: [] });
  });

  it('has stage targets that fit in the resolution standard', () => {
    const { stages, standard } = template.service;
    const planned = stages.reduce((sum, s) => sum + (s.targetMinutes ?? 0), 0);
    expect(planned).toBeLessThanOrEqual(standard.resolutionMinutes);
    expect(standard.firstResponseMinutes).toBeLessThan(standard.resolutionMinutes);
    expect(template.service.survey.enabled && template.service.survey.question.length > 0).toBe(true);
  });

  it('shows conditional fields only on values their field can have', () => {
    const form = template.service.form;
    for (const field of form) {
      const rule = field.visibleWhen;
      if (!rule) continue;
      const source = form.find((f) => f.id === rule.field)!;
      const possible: Array<string | boolean> =
        source.kind === 'checkbox' ? [true, false] : source.kind.endsWith('elect') ? (source.options ?? []) : [];
      for (const value of rule.equals ?? [])
        expect(possible, `${field.id} shows when ${rule.field} is ${value}`).toContain(value);
      // A bound compares numbers: the field it tests is a number field.
      if (rule.above !== undefined || rule.below !== undefined) expect(source.kind).toBe('number');
    }
    // A required input answered by the form must name a field that is always asked, or the order waits forever.
    for (const input of template.service.inputs.filter((i) => i.kind === 'formField' && i.required)) {
      const field = form.find((f) => f.id === input.field)!;
      expect({ input: input.id, required: field.required, conditional: !!field.visibleWhen }).toEqual({
        input: input.id,
        required: true,
        conditional: false,
      });
    }
  });

  it('accepts its example filing, every answer kept, and the examples its help gives', () => {
    const checked = validateAnswers(template.service.form, template.example);
    expect(checked).toEqual({ ok: true, answers: template.example });
    for (const { field, sample } of helpSamples(template)) {
      expect(linearPatterns(field.pattern!, sample), `${field.id}: "${sample}"`).toBe(true);
    }
  });
});
