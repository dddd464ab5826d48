import { describe, expect, it } from 'vitest';
import { likelyArea } from './areas.ts';

const en = { hr: 'Human resources', it: 'IT', finance: 'Finance', facilities: 'Facilities', legal: 'Legal' };
const pl = {
  hr: 'Kadry',
  it: 'Informatyka',
  finance: 'Finanse',
  facilities: 'Administracja budynków',
  legal: 'Dział prawny',
};

describe('the template area a department most likely works in', () => {
  it('reads it from the department’s code', () => {
    expect(likelyArea('LEG', undefined, en)).toBe('legal');
    expect(likelyArea('FIN', 'Whatever', en)).toBe('finance');
    expect(likelyArea('FAC', undefined, en)).toBe('facilities');
    expect(likelyArea('HR', undefined, en)).toBe('hr');
    expect(likelyArea('IT', undefined, en)).toBe('it');
  });

  it('else from whole words of its name, in the reader’s language or English', () => {
    expect(likelyArea('PRAW', 'Dział prawny', pl)).toBe('legal');
    expect(likelyArea('KAD', 'Kadry i płace', pl)).toBe('hr');
    expect(likelyArea('OPS', 'Group Finance', pl)).toBe('finance');
    // "it" inside a word is not IT.
    expect(likelyArea('SEC', 'Security', en)).toBeUndefined();
    expect(likelyArea('X', undefined, en)).toBeUndefined();
  });
});
