import { describe, expect, it } from 'vitest';
import type { FormField } from '#shared/model.ts';
import { dateBounds, dateRuleWords } from './date-rules.ts';

const form: FormField[] = [
  { id: 'start', kind: 'date', label: 'Start date', required: true, notPast: true },
  { id: 'end', kind: 'date', label: 'End date', required: true, after: { field: 'start', days: 0 } },
  { id: 'review', kind: 'date', label: 'Review', required: false, before: { field: 'end', days: 7 }, withinDays: 90 },
  { id: 'n', kind: 'number', label: 'N', required: false },
];
const [start, end, review, n] = form as [FormField, FormField, FormField, FormField];

describe('a date field’s rules on the order form', () => {
  it('bound the date picker by today and by the other dates answered', () => {
    const today = '2027-01-04';
    expect(dateBounds(start, {}, today)).toEqual({ min: today, max: undefined });
    expect(dateBounds(start, {}, undefined)).toEqual({ min: undefined, max: undefined });
    expect(dateBounds(end, { start: '2027-02-01' }, today)).toEqual({ min: '2027-02-01', max: undefined });
    expect(dateBounds(end, { start: 'not a date' }, today)).toEqual({ min: undefined, max: undefined });
    // The tighter of today's window and seven days before the end.
    expect(dateBounds(review, { end: '2027-02-10' }, today)).toEqual({ min: today, max: '2027-02-03' });
    expect(dateBounds(review, { end: '2027-12-31' }, today)).toEqual({ min: today, max: '2027-04-04' });
    expect(dateBounds(n, {}, today)).toEqual({});
  });

  it('say the rules in words with the other field’s label', () => {
    expect(dateRuleWords(start, form)).toBe('Not in the past.');
    expect(dateRuleWords(end, form)).toBe('On or after “Start date”.');
    expect(dateRuleWords(review, form)).toBe('At least 7 days before “End date”. From today to 90 days ahead.');
    expect(dateRuleWords(n, form)).toBeUndefined();
  });
});
