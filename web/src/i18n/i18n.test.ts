import { describe, expect, it } from 'vitest';
import { describeDue, formatMinutes } from '#shared/due-words.ts';
import { validateAnswers } from '#shared/forms.ts';
import { statusWords } from '#shared/lifecycle.ts';
import { FIELD_KINDS, type FormField, ORDER_STATUSES } from '#shared/model.ts';
import { wordRefusal } from '#shared/refusal-words.ts';
import { PORTALS } from '../../../test/support/portals.ts';
import { browserLanguage, language, t } from '../lib/strings.ts';
import { en, type Strings } from './en.ts';

const { pl, ru, nl, zh } = PORTALS;

type Leaf = { path: string; value: unknown };

/** Every leaf (string, function, number) of a dictionary, by dotted path; arrays count by index. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

const enLeaves = new Map(leaves(en).map((l) => [l.path, l.value]));

/**
 * Strings that may equal the English ones, each for a reason: names (the product, each language in
 * its own name), file formats, keyboard keys, the dash for "nothing", and words each language writes
 * as English does.
 */
const NAMES = [
  'Ordo',
  'English',
  'Polski',
  'Русский',
  'Nederlands',
  '简体中文',
  'PDF',
  'PNG',
  'JPEG',
  'CSV',
  'ZIP',
  '—',
];
const SAME_IN_BOTH: Record<string, Set<string>> = {
  pl: new Set([...NAMES, 'Administrator']),
  ru: new Set([...NAMES, 'CSAT']),
  nl: new Set([
    ...NAMES,
    ...['Dashboard', 'Status', 'Filters', 'Partners', 'Week', 'Score', 'Trend', 'Segment', 'CSAT', 'Impact', 'Label'],
    ...['Minimum', 'Maximum', 'Contact', 'Webhooks', 'Code', 'Id', 'open', 'status'],
  ]),
  zh: new Set([...NAMES, 'CSAT', 'Webhook', 'YYYY-MM']),
};
const OTHERS: Array<[string, Strings]> = [
  ['pl', pl],
  ['ru', ru],
  ['nl', nl],
  ['zh', zh],
];
const KEYBOARD_KEY = /^queue\.shortcuts\.\d+\.0$/;

/** Arguments for functions that do not take numbers or plain words. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'upload.orList': [['PDF', 'PNG', 'CSV']],
  'admin.audit.and': [['a', 'b', 'c']],
  'dashboard.versionsList': [['v1', 'v2']],
};
/** A notification's words take what it names: the order and the requester. */
const sampleArgs = (path: string): unknown[] | undefined =>
  SAMPLE_ARGS[path] ?? (path.startsWith('notes.event.') ? [{ number: 'HR-1001', name: 'Anna Kowalska' }] : undefined);

for (const [code, dictionary] of OTHERS) {
  const theirs = new Map(leaves(dictionary).map((l) => [l.path, l.value]));
  describe(`the ${code} dictionary`, () => {
    it('has every key of the English one, and no other', () => {
      expect([...theirs.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    });

    it('has the same kind of value under every key', () => {
      const differ = [...enLeaves].filter(([path, value]) => typeof theirs.get(path) !== typeof value);
      expect(differ.map(([path]) => path)).toEqual([]);
    });

    it('translates every string, apart from a short list of names and symbols', () => {
      const same = [...theirs]
        .filter(([path, value]) => typeof value === 'string' && value === enLeaves.get(path))
        .filter(([path, value]) => !SAME_IN_BOTH[code]?.has(value as string) && !KEYBOARD_KEY.test(path));
      expect(same).toEqual([]);
    });

    it('says something for sample arguments in every function', () => {
      const empty: string[] = [];
      for (const [path, value] of theirs) {
        // Refusals take typed parameters; test/unit/refusals.test.ts renders every code with samples.
        if (typeof value !== 'function' || path.startsWith('refusals.')) continue;
        const args = sampleArgs(path) ?? Array.from({ length: value.length }, () => 3);
        const said: unknown = value(...args);
        if (typeof said !== 'string' || said.trim() === '' || /undefined|NaN|\[object/.test(said)) empty.push(path);
      }
      expect(empty).toEqual([]);
    });
  });
}

describe('the Polish dictionary', () => {
  it('counts in Polish plural forms, fractions in the genitive', () => {
    expect([1, 2, 5, 12, 22, 1.5].map((n) => pl.duration.hours(n, true))).toEqual([
      '1 godzina robocza',
      '2 godziny robocze',
      '5 godzin roboczych',
      '12 godzin roboczych',
      '22 godziny robocze',
      '1,5 godziny roboczej',
    ]);
    expect([1, 3, 5, 1.5].map((n) => pl.duration.days(n, false))).toEqual(['1 dzień', '3 dni', '5 dni', '1,5 dnia']);
    expect([0, 1, 4, 25].map((n) => pl.catalog.count(n))).toEqual(['0 usług', '1 usługa', '4 usługi', '25 usług']);
    expect(pl.admin.people.count(3, 12)).toBe('3 z 12 osób');
    expect(pl.standard.words('4 godziny robocze', '3 dni robocze')).toBe(
      'czas odpowiedzi: 4 godziny robocze, czas realizacji: 3 dni robocze',
    );
  });

  it('speaks Polish for the order statuses and the due-time words of the domain', () => {
    expect(statusWords('in_progress', pl.status)).toBe('w realizacji');
    expect(ORDER_STATUSES.filter((s) => statusWords(s, pl.status) === statusWords(s))).toEqual([]);
    expect(formatMinutes(200, undefined, pl.due)).toBe('3 godz. 20 min');
    expect(formatMinutes(1500, undefined, pl.due)).toBe('1 dzień 1 godz.');
    expect(formatMinutes(540, 8, pl.due)).toBe('1 dzień roboczy 1 godz.');
    expect(formatMinutes(2400, 8, pl.due)).toBe('5 dni roboczych');
    const warsaw = (local: string) => new Date(`${local}:00+01:00`);
    const now = warsaw('2026-03-09T10:00');
    expect(describeDue(now, warsaw('2026-03-12T14:00'), 200, 'pl-PL', 'Europe/Warsaw', undefined, pl.due)).toBe(
      'termin: czw. 14:00, pozostały czas pracy: 3 godz. 20 min',
    );
    expect(describeDue(now, warsaw('2026-03-10T09:00'), 30, 'pl-PL', 'Europe/Warsaw', undefined, pl.due)).toBe(
      'termin: jutro 09:00, pozostały czas pracy: 30 min',
    );
    expect(describeDue(now, warsaw('2026-03-09T09:00'), -125, 'pl-PL', 'Europe/Warsaw', undefined, pl.due)).toBe(
      'po terminie o 2 godz. 5 min czasu pracy',
    );
  });

  it('keeps the English words of the domain as they were for everyone else', () => {
    expect(statusWords('in_progress')).toBe('in progress');
    expect(en.status.waiting_for_customer).toBe('waiting for the customer');
    expect(formatMinutes(540, 8)).toBe('1 working day 1 h');
    expect(formatMinutes(540, 8, en.due)).toBe('1 working day 1 h');
  });

  it('says the refusals of the shared form checks in Polish', () => {
    const field = (kind: FormField['kind'], extra: Partial<FormField> = {}): FormField => ({
      id: kind,
      label: `Pole ${kind}`,
      kind,
      required: true,
      ...extra,
    });
    const form = [
      ...FIELD_KINDS.map((kind) => field(kind, kind === 'select' || kind === 'multiSelect' ? { options: ['a'] } : {})),
      field('text', { id: 'short', min: 5, pattern: '[a-z]+' }),
      field('number', { id: 'few', min: 2, max: 3 }),
    ];
    const wrong = {
      text: 'two\nlines',
      longText: 'x'.repeat(10_001),
      number: 'seven',
      date: '12.03.2026',
      select: 'b',
      multiSelect: ['b'],
      checkbox: 'yes',
      email: 'nobody',
      short: 'AB',
      few: 9,
    };
    const refusals = [wrong, {}].flatMap((answers) => {
      const result = validateAnswers(form, answers as never);
      return result.ok ? [] : Object.values(result.fields);
    });
    expect(refusals.length).toBeGreaterThan(10);
    expect(refusals.filter((r) => wordRefusal(pl.refusals, r.code, r.params) === undefined)).toEqual([]);
    const result = validateAnswers(form, wrong as never);
    expect(result.ok ? {} : result.fields).toMatchObject({
      short: { code: 'too_short', params: { min: 5 } },
      few: { code: 'too_big', params: { max: 3 } },
      text: { code: 'one_line' },
    });
    expect(wordRefusal(pl.refusals, 'too_short', { min: 5 })).toBe('Co najmniej 5 znaków.');
    expect(wordRefusal(pl.refusals, 'required')).toBe('To pole jest wymagane.');
  });

  it('says nothing for a code it does not know, so the portal falls back to its own words', () => {
    expect(wordRefusal(pl.refusals, 'something_newer', {})).toBeUndefined();
    expect(wordRefusal(pl.refusals, 'constructor')).toBeUndefined();
    expect(wordRefusal(pl.refusals, 'action_not_yours', { action: 'claim', roles: ['agent'] })).toBe(
      'Nie masz uprawnień do tego działania.',
    );
    expect(wordRefusal(en.refusals, 'action_not_yours', { action: 'claim', roles: ['agent'] })).toBe(
      'Only an agent of the department may claim.',
    );
  });
});

describe('Russian, Dutch and Chinese counting', () => {
  it('counts in Russian plural forms (one / few / many), fractions in the genitive singular', () => {
    expect([1, 2, 5, 11, 21, 22, 1.5].map((n) => ru.duration.hours(n, true))).toEqual([
      '1 рабочий час',
      '2 рабочих часа',
      '5 рабочих часов',
      '11 рабочих часов',
      '21 рабочий час',
      '22 рабочих часа',
      '1,5 рабочего часа',
    ]);
    expect([0, 1, 4, 25].map((n) => ru.catalog.count(n))).toEqual(['0 услуг', '1 услуга', '4 услуги', '25 услуг']);
    expect(formatMinutes(2400, 8, ru.due)).toBe('5 рабочих дней');
    expect(formatMinutes(200, undefined, ru.due)).toBe('3 ч 20 мин');
    expect(ORDER_STATUSES.filter((s) => statusWords(s, ru.status) === statusWords(s))).toEqual([]);
  });

  it('counts in Dutch (one / other) and writes its numbers', () => {
    expect([1, 2, 1.5].map((n) => nl.duration.days(n, true))).toEqual(['1 werkdag', '2 werkdagen', '1,5 werkdagen']);
    expect(nl.duration.hours(3, false)).toBe('3 uur');
    expect(nl.upload.bytes(1200)).toBe('1.200 bytes');
    expect(formatMinutes(540, 8, nl.due)).toBe('1 werkdag 1 u');
  });

  it('counts in Chinese with one form for every number', () => {
    expect([1, 2, 5].map((n) => zh.duration.days(n, true))).toEqual(['1 个工作日', '2 个工作日', '5 个工作日']);
    expect(zh.standard.words('4 个工作小时', '2 个工作日')).toBe('4 个工作小时内响应，2 个工作日内完成');
    expect(formatMinutes(200, undefined, zh.due)).toBe('3 小时 20 分钟');
  });
});

describe('choosing the language', () => {
  it('takes the first browser language the portal speaks', () => {
    expect(browserLanguage(['pl-PL', 'en'])).toBe('pl');
    expect(browserLanguage(['pl'])).toBe('pl');
    expect(browserLanguage(['de-DE', 'pl'])).toBe('pl');
    expect(browserLanguage(['en-US', 'pl-PL'])).toBe('en');
    expect(browserLanguage(['de-DE'])).toBeUndefined();
    expect(browserLanguage(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(browserLanguage(['nl-BE'])).toBe('nl');
    expect(browserLanguage(['zh-Hans-CN', 'en'])).toBe('zh');
    expect(browserLanguage(['zh_CN'])).toBe('zh');
    // A language whose tag only begins like one Ordo speaks is not it (Malagasy, Plateau Malagasy).
    expect(browserLanguage(['plt', 'mg'])).toBeUndefined();
  });

  it('speaks English outside a browser', () => {
    expect(language).toBe('en');
    expect(t).toBe(en);
  });
});
