import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryOfZone, easter, HOLIDAY_COUNTRIES, publicHolidays } from '#shared/holidays.ts';
import {
  CANVAS_OF_STEP,
  defaultWorkweek,
  emptyProgress,
  isFinished,
  landingStep,
  markStep,
  nextStep,
  offersSetup,
  SETUP_STEPS,
  type SetupStep,
  STEP_MARKS,
  setupView,
  stepAfter,
  stepBefore,
} from '#shared/setup.ts';
import { CANVAS_ORDER } from '../../web/src/lib/format.ts';

const at = '2026-12-03T10:00:00.000Z';

describe('guided setup steps', () => {
  it('follows the canvas: every part of it is one step, in the canvas’s order', () => {
    const parts = SETUP_STEPS.map((s) => CANVAS_OF_STEP[s]).filter((p) => p !== undefined);
    expect(parts).toEqual(CANVAS_ORDER);
    expect(SETUP_STEPS[0]).toBe('value');
    expect(SETUP_STEPS.at(-1)).toBe('publish');
    expect(SETUP_STEPS.indexOf('calendar')).toBe(SETUP_STEPS.indexOf('delivery') + 1);
  });

  it('goes on at the first step neither done nor skipped, and resumes there', () => {
    let p = emptyProgress('LAB');
    expect(nextStep(p)).toBe('value');
    expect(landingStep(p)).toBe('value');
    p = markStep(p, 'value', 'done', at);
    p = markStep(p, 'customers', 'skipped', at);
    expect(nextStep(p)).toBe('ordering');
    expect(landingStep(p)).toBe('ordering');
    // A step asked for by name is where the page opens, a made-up one is not.
    expect(landingStep(p, 'customers')).toBe('customers');
    expect(landingStep(p, 'nonsense')).toBe('ordering');
    const view = setupView(p);
    expect(view.steps.slice(0, 3)).toEqual([
      { step: 'value', state: 'done' },
      { step: 'customers', state: 'skipped' },
      { step: 'ordering', state: 'todo' },
    ]);
    expect(view.next).toBe('ordering');
    expect(view.finished).toBe(false);
    expect(p.updatedAt).toBe(at);
  });

  it('a skipped step done later counts as done; publishing done finishes the setup', () => {
    let p = markStep(emptyProgress('LAB'), 'quality', 'skipped', at);
    p = markStep(p, 'quality', 'done', at);
    expect(p.marks.quality).toBe('done');
    expect(isFinished(p)).toBe(false);
    p = markStep(p, 'publish', 'done', at);
    expect(isFinished(p)).toBe(true);
    expect(setupView(p).finished).toBe(true);
  });

  it('whatever is marked, the next step is unmarked and every earlier step is marked', () => {
    const marks = fc.array(fc.tuple(fc.constantFrom(...SETUP_STEPS), fc.constantFrom(...STEP_MARKS)));
    fc.assert(
      fc.property(marks, (list) => {
        const p = list.reduce((acc, [step, mark]) => markStep(acc, step, mark, at), emptyProgress('X'));
        const next = nextStep(p);
        const marked = SETUP_STEPS.filter((s) => p.marks[s] !== undefined);
        if (next === undefined) return marked.length === SETUP_STEPS.length;
        const before = SETUP_STEPS.slice(0, SETUP_STEPS.indexOf(next));
        return p.marks[next] === undefined && before.every((s) => p.marks[s] !== undefined);
      }),
    );
  });

  it('walks forward and back', () => {
    expect(stepAfter('value')).toBe('customers');
    expect(stepAfter('publish')).toBeUndefined();
    expect(stepBefore('value')).toBeUndefined();
    expect(stepBefore('calendar' as SetupStep)).toBe('delivery');
  });

  it('is offered while nothing is published', () => {
    expect(offersSetup([])).toBe(true);
    expect(offersSetup([{ status: 'draft' }, { status: 'retired' }])).toBe(true);
    expect(offersSetup([{ status: 'draft' }, { status: 'published' }])).toBe(false);
  });

  it('starts from a Monday-to-Friday working week in the chosen zone', () => {
    const c = defaultWorkweek('Europe/Amsterdam', ['2027-01-01']);
    expect(c.timeZone).toBe('Europe/Amsterdam');
    expect(Object.keys(c.hours)).toEqual(['1', '2', '3', '4', '5']);
    expect(c.hours['1']).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(c.holidays).toEqual(['2027-01-01']);
  });
});

describe('public holidays by country', () => {
  it('knows Easter', () => {
    expect(new Date(easter(2024)).toISOString().slice(0, 10)).toBe('2024-03-31');
    expect(new Date(easter(2025)).toISOString().slice(0, 10)).toBe('2025-04-20');
    expect(new Date(easter(2027)).toISOString().slice(0, 10)).toBe('2027-03-28');
    expect(new Date(easter(2038)).toISOString().slice(0, 10)).toBe('2038-04-25');
  });

  it('gives Poland’s days of 2027, Christmas Eve included since 2025', () => {
    expect(publicHolidays('PL', 2027)).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-28',
      '2027-03-29',
      '2027-05-01',
      '2027-05-03',
      '2027-05-16',
      '2027-05-27',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-24',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(publicHolidays('PL', 2024)).not.toContain('2024-12-24');
  });

  it('moves the UK’s weekend Christmas to the next working days, and King’s Day off a Sunday', () => {
    expect(publicHolidays('GB', 2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
    expect(publicHolidays('NL', 2025)).toContain('2025-04-26');
    expect(publicHolidays('DE', 2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('gives sorted, distinct dates of the asked year for every country, and suggests a country by zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOLIDAY_COUNTRIES), fc.integer({ min: 1990, max: 2100 }), (country, year) => {
        const days = publicHolidays(country, year);
        return (
          days.length >= 8 &&
          days.every((d, i) => d.startsWith(`${year}-`) && (i === 0 || days[i - 1]! < d)) &&
          new Set(days).size === days.length
        );
      }),
    );
    expect(countryOfZone('Europe/Warsaw')).toBe('PL');
    expect(countryOfZone('Asia/Tokyo')).toBeUndefined();
  });
});
