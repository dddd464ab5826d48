import { describe, expect, it } from 'vitest';
import { moveSelection, queueKeyAction } from './keys.ts';

describe('queueKeyAction', () => {
  it('maps j, k, Enter and c', () => {
    expect(queueKeyAction({ key: 'j', targetTag: 'BODY' })).toBe('next');
    expect(queueKeyAction({ key: 'k', targetTag: 'A' })).toBe('previous');
    expect(queueKeyAction({ key: 'c', targetTag: 'A' })).toBe('claim');
    expect(queueKeyAction({ key: 'Enter', targetTag: 'BODY' })).toBe('open');
    expect(queueKeyAction({ key: 'x', targetTag: 'A' })).toBe('select');
  });

  it('leaves typing, browser shortcuts and native Enter alone', () => {
    expect(queueKeyAction({ key: 'j', targetTag: 'INPUT' })).toBeUndefined();
    expect(queueKeyAction({ key: 'c', targetTag: 'SELECT' })).toBeUndefined();
    expect(queueKeyAction({ key: 'k', targetTag: 'DIV', editable: true })).toBeUndefined();
    expect(queueKeyAction({ key: 'c', ctrlKey: true, targetTag: 'BODY' })).toBeUndefined();
    expect(queueKeyAction({ key: 'Enter', targetTag: 'A' })).toBeUndefined();
    expect(queueKeyAction({ key: 'Enter', targetTag: 'BUTTON' })).toBeUndefined();
    expect(queueKeyAction({ key: 'q', targetTag: 'BODY' })).toBeUndefined();
  });
});

describe('moveSelection', () => {
  it('starts at the first or last row and stays inside the list', () => {
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(-1, -1, 3)).toBe(2);
    expect(moveSelection(0, 1, 3)).toBe(1);
    expect(moveSelection(2, 1, 3)).toBe(2);
    expect(moveSelection(0, -1, 3)).toBe(0);
    expect(moveSelection(5, 1, 3)).toBe(0);
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});
