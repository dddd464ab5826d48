import { describe, expect, it } from 'vitest';
import { roleWords } from './profile.ts';

describe('roleWords', () => {
  it('names every role in words, employee first', () => {
    expect(roleWords({ memberships: { IT: 'agent', HR: 'head' }, admin: true })).toEqual([
      'Employee',
      'Head of HR',
      'Agent in IT',
      'Administrator',
    ]);
    expect(roleWords({ memberships: {}, admin: false })).toEqual(['Employee']);
  });
});
