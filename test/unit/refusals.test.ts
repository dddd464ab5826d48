/**
 * The refusal catalogue: every code has words in every language that render with its parameters;
 * zod issues become codes with their limits; no throw site in functions/ or shared/ carries English.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { onError, problem } from '#functions/http/middleware.ts';
import { NotFoundError, ValidationError } from '#shared/errors.ts';
import { englishRefusals } from '#shared/refusal-words.en.ts';
import { dutchRefusals } from '#shared/refusal-words.nl.ts';
import { polishRefusals } from '#shared/refusal-words.pl.ts';
import { russianRefusals } from '#shared/refusal-words.ru.ts';
import { wordRefusal } from '#shared/refusal-words.ts';
import { chineseRefusals } from '#shared/refusal-words.zh.ts';
import {
  type ParamsOf,
  PROBLEM_STATUS,
  REFUSALS,
  type RefusalCode,
  refusal,
  says,
  zodRefusals,
} from '#shared/refusals.ts';

/** Sample parameters for every code; typed by the catalogue, so a new code needs one here. */
const SAMPLES: { [C in RefusalCode]: ParamsOf<C> } = Object.fromEntries(
  Object.keys(REFUSALS).map((code) => [code, {}]),
) as never;
const PARAMS: Partial<{ [C in RefusalCode]: ParamsOf<C> }> = {
  not_offered: { service: 'Laptop' },
  part_not_offered: { service: 'Laptop' },
  action_not_yours: { action: 'claim', roles: ['agent', 'head'] },
  route_not_found: { method: 'GET', path: '/api/v1/nowhere' },
  nothing_here: { department: 'HR' },
  order_not_found: { number: 'HR-1001' },
  department_not_found: { code: 'HR' },
  service_not_found: { id: 'hr-laptop' },
  person_not_found: { id: 'anna' },
  template_not_found: { id: 'onboarding' },
  input_not_found: { id: 'passport' },
  deliverable_not_found: { id: 'contract' },
  follow_up_not_found: { number: 'HR-1001' },
  report_too_long: { maxDays: 400 },
  order_changed: { number: 'HR-1001' },
  service_changed: { id: 'hr-laptop' },
  department_changed: { code: 'HR' },
  department_exists: { code: 'HR' },
  service_exists: { id: 'hr-laptop' },
  payload_too_large: { maxKb: 256 },
  action_not_now: { action: 'claim', status: 'closed' },
  rejection_reason_needed: { reasons: ['duplicate', 'other'] },
  inputs_missing: { items: ['Passport', 'Photo'] },
  deliverables_unticked: { items: ['Contract'] },
  part_unavailable: { serviceId: 'it-laptop' },
  part_invalid: { service: 'Laptop' },
  too_many_requests: { seconds: 3 },
  unavailable: { seconds: 2 },
  too_long: { max: 200 },
  too_short: { min: 5 },
  too_many: { max: 60 },
  too_few: { min: 1 },
  too_big: { max: 100 },
  too_small: { min: 2 },
  must_exceed: { min: 0 },
  must_be_below: { max: 10 },
  wrong_type: { expected: 'number' },
  unknown_keys: { keys: ['hack'] },
  file_too_big: { max: 10 * 1024 * 1024 },
  id_used_twice: { id: 'name' },
  nothing_to_translate: { id: 'colour' },
  period_too_long: { maxDays: 400 },
  unknown_items: { ids: ['a', 'b'] },
  unknown_people: { ids: ['zed'] },
  unknown_departments: { codes: ['XX'] },
  not_asked: { ids: ['startDate'] },
  service_lacks_input: { service: 'Laptop', input: 'photo' },
  id_taken: { id: 'hr-laptop' },
  title_field_unknown: { id: 'name' },
  title_field_sensitive: { id: 'salary' },
  date_after_field: { field: 'Start date', days: 2 },
  date_before_field: { field: 'End date', days: 0 },
  date_too_far: { days: 30 },
  unknown_time_zone: { zone: 'Mars/Olympus' },
  not_weekday: { day: '8' },
  hours_not_list: { day: 1 },
  start_not_time: { day: 2, value: '25:00' },
  end_not_time: { day: 3, value: '9' },
  interval_reversed: { day: 4, interval: '17:00–09:00' },
  intervals_overlap: { day: 5, first: '09:00–13:00', second: '12:00–17:00' },
  holiday_not_date: { value: '31.12.2026' },
  ical_too_large: { maxMb: 1 },
  ical_no_start: { event: 'Christmas' },
  ical_bad_start: { event: 'Christmas', value: '2026-13-45' },
  ical_bad_end: { event: '', value: 'x' },
  ical_too_long: { event: 'Summer', days: 400, first: 366 },
  ical_time_of_day: { event: 'Party', day: '2026-12-24' },
  ical_first_only: { event: 'Easter' },
  csv_unreadable: { line: 3 },
};
Object.assign(SAMPLES, PARAMS);

const CODES = Object.keys(REFUSALS) as RefusalCode[];

const LANGUAGES = [
  ['English', englishRefusals],
  ['Polish', polishRefusals],
  ['Russian', russianRefusals],
  ['Dutch', dutchRefusals],
  ['Chinese', chineseRefusals],
] as const;

describe('the refusal catalogue', () => {
  it.each(LANGUAGES)('says every code in %s with its parameters', (_language, words) => {
    const bad: string[] = [];
    for (const code of CODES) {
      const said = wordRefusal(words, code, SAMPLES[code]);
      if (!said || said.trim() === '' || /undefined|NaN|\[object/.test(said)) bad.push(`${code}: ${said}`);
      // Every parameter given shows in the words (those that name a list show one of its items).
      for (const value of Object.values(SAMPLES[code] as Record<string, unknown>)) {
        const shown = Array.isArray(value) ? value[0] : value;
        if (said && typeof shown === 'string' && shown !== '' && !said.includes(shown) && code !== 'action_not_yours')
          if (
            !(
              words !== englishRefusals &&
              ['nothing_here', 'action_not_now', 'rejection_reason_needed', 'wrong_type'].includes(code)
            )
          )
            bad.push(`${code}: ${said} (no ${shown})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has words for exactly the catalogue, in every language', () => {
    for (const [, words] of LANGUAGES) expect(Object.keys(words).sort()).toEqual([...CODES].sort());
  });

  it('gives every code that answers a request a status, and a code of the catalogue', () => {
    for (const [code, status] of Object.entries(PROBLEM_STATUS)) {
      expect(CODES).toContain(code);
      expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]).toContain(status);
    }
  });

  it.each(LANGUAGES.slice(1))('words every code differently in %s than in English', (_language, words) => {
    const same = CODES.filter(
      (code) => englishRefusals[code](SAMPLES[code] as never) === words[code](SAMPLES[code] as never),
    );
    expect(same).toEqual([]);
  });

  it('carries codes in errors: the status from the catalogue, parameters, field refusals', () => {
    const missing = new NotFoundError('order_not_found', { number: 'HR-1' });
    expect([missing.status, missing.code, missing.params, missing.message]).toEqual([
      404,
      'order_not_found',
      { number: 'HR-1' },
      'order_not_found',
    ]);
    const bad = new ValidationError('invalid_request', {}, { name: refusal('too_long', { max: 10 }) });
    expect(bad.fields).toEqual({ name: { code: 'too_long', params: { max: 10 } } });
  });
});

describe('zod issues as refusals', () => {
  const schema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(10)),
    code: z.string().check(z.regex(/^[A-Z]+$/, says('department_code_format'))),
    count: z.number().check(z.int(), z.gte(2), z.lte(5)),
    share: z.number().check(z.gt(0)),
    tags: z.array(z.string()).check(z.maxLength(2)),
    kind: z.enum(['a', 'b']),
    mail: z.email(),
    day: z.iso.date(),
    flag: z.boolean(),
  });

  it('maps built-in issues to codes with their limits, and authored codes as they are', () => {
    const input = {
      name: 'x'.repeat(11),
      code: 'lower',
      count: 9,
      share: 0,
      tags: ['a', 'b', 'c'],
      kind: 'c',
      mail: 'nobody',
      day: '12.03.2026',
      flag: 'yes',
      extra: 1,
    };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(zodRefusals(result.error!, input)).toEqual({
      name: { code: 'too_long', params: { max: 10 } },
      code: { code: 'department_code_format' },
      count: { code: 'too_big', params: { max: 5 } },
      share: { code: 'must_exceed', params: { min: 0 } },
      tags: { code: 'too_many', params: { max: 2 } },
      kind: { code: 'not_option' },
      mail: { code: 'not_email' },
      day: { code: 'not_date' },
      flag: { code: 'wrong_type', params: { expected: 'boolean' } },
      _: { code: 'unknown_keys', params: { keys: ['extra'] } },
    });
  });

  it('tells a missing value (required) from a wrong one, and short text from a short list', () => {
    const input = { name: '', count: 1.5 };
    const result = schema.safeParse(input);
    const fields = zodRefusals(result.error!, input);
    expect(fields.name).toEqual({ code: 'required' });
    expect(fields.count).toEqual({ code: 'not_integer' });
    expect(fields.code).toEqual({ code: 'required' });
  });

  it('keeps the parameters of a custom issue', () => {
    const goal = z.object({ to: z.string() }).check(
      z.superRefine((_g, ctx) => {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'period_too_long', params: { maxDays: 400 } });
      }),
    );
    const result = goal.safeParse({ to: 'x' });
    expect(zodRefusals(result.error!)).toEqual({ to: { code: 'period_too_long', params: { maxDays: 400 } } });
  });
});

/** Source files under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('throw sites', () => {
  it('never carry words: every domain error is built from a code', () => {
    const errors =
      /new (Validation|Unauthorized|Forbidden|NotFound|Conflict|RuleViolation|UnsupportedMediaType)Error(?:<[^>]*>)?\(\s*([^)\s,]*)/g;
    const found: string[] = [];
    for (const file of [...sources('functions'), ...sources('shared')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(errors)) {
        const first = match[2] ?? '';
        // A code literal, a variable holding one, or a refusal's fields; never a sentence or a template.
        if (/^[`"]/.test(first) || (first.startsWith("'") && !/^'[a-z_]+'$/.test(first)))
          found.push(`${file}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('uses codes, not words, as the messages of the shared schemas', () => {
    const words = /\.(?:min|max|regex|refine|email|positive|date|length)\([^)]*'[A-Z][^']*\.'|message: '[A-Z]/;
    const found = sources('shared').filter((file) => words.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('problem answers', () => {
  const app = new Hono();
  app.get('/gone', () => {
    throw new NotFoundError('order_not_found', { number: 'HR-7' });
  });
  app.get('/hono', () => {
    throw new HTTPException(401);
  });
  app.get('/bug', () => {
    throw new Error('secret internals');
  });
  app.notFound((c) => problem(c, 'route_not_found', { method: c.req.method, path: c.req.path }));
  app.onError(onError as never);

  it('answers a domain error as problem details with its code, parameters and English words', async () => {
    const res = await app.request('/gone');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: '/api/v1/problems/order_not_found',
      title: 'Not found',
      status: 404,
      detail: 'There is no order HR-7 you can see.',
      code: 'order_not_found',
      params: { number: 'HR-7' },
    });
  });

  it('keeps the status of a framework refusal, hides a bug, and answers an unknown route', async () => {
    expect(await (await app.request('/hono')).json()).toMatchObject({ status: 401, code: 'unauthorized' });
    const bug = await app.request('/bug');
    expect(bug.status).toBe(500);
    const text = await bug.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'unexpected', status: 500 });
    expect(text).not.toContain('secret');
    expect(await (await app.request('/nowhere')).json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      params: { method: 'GET', path: '/nowhere' },
    });
  });
});
