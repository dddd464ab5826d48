import { describe, expect, it } from 'vitest';
import { controlId, errorsUnder, issuesToFields, withoutPath } from './paths.ts';

describe('field errors by path', () => {
  it('turns schema issues (codes as messages) into the words of the first per dotted path', () => {
    expect(
      issuesToFields([
        { path: ['form', 2, 'options'], message: 'options_needed' },
        { path: ['form', 2, 'options'], message: 'required' },
        { path: [], message: 'nothing_to_change' },
      ]),
    ).toEqual({ 'form.2.options': 'A choice field needs at least one option.', _: 'Say what to change.' });
  });

  it('picks the errors below a prefix', () => {
    expect(errorsUnder({ 'answers.fullName': 'Required.', comment: 'Write' }, 'answers')).toEqual({
      fullName: 'Required.',
    });
  });

  it('drops a path and everything below it, but not its siblings', () => {
    const errors = { 'form.1': 'a', 'form.1.label': 'b', 'form.10.label': 'c', name: 'd' };
    expect(withoutPath(errors, 'form.1')).toEqual({ 'form.10.label': 'c', name: 'd' });
  });

  it('makes DOM ids out of paths', () => {
    expect(controlId('calendar.hours.1.0.start')).toBe('edit-calendar-hours-1-0-start');
  });
});
