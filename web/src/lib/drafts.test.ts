import { describe, expect, it } from 'vitest';
import { createDraftStore } from './drafts.ts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

function setup(path = '/services/hr-onboarding') {
  const storage = new MemoryStorage();
  let here = path;
  const store = () =>
    createDraftStore(
      () => storage,
      () => here,
    );
  return { storage, store, go: (p: string) => (here = p) };
}

describe('drafts through sign-in', () => {
  it('hands the text back on the same page, to the same person, once', () => {
    const { store } = setup();
    const before = store();
    let text = 'Zofia Draft';
    expect(before.keep('order-form:hr-onboarding', () => ({ fullName: text }))).toBeUndefined();
    expect(before.keep('comment:HR-1', () => undefined)).toBeUndefined();
    expect(before.save('/services/hr-onboarding', 'anna')).toBe(1);
    text = 'changed after saving';

    // Back from sign-in: a new page load.
    const after = store();
    after.adopt('anna');
    expect(after.keep('order-form:hr-onboarding', () => undefined)).toEqual({ fullName: 'Zofia Draft' });
    expect(after.restoredOn()).toBe('/services/hr-onboarding');
    expect(store().keep('order-form:hr-onboarding', () => undefined)).toBeUndefined();
  });

  it('gives nothing back before the person has signed in again', () => {
    const { store } = setup();
    const before = store();
    before.keep('k', () => 'text');
    before.save('/services/hr-onboarding', 'anna');
    expect(store().keep('k', () => undefined)).toBeUndefined();
  });

  it('drops the text when someone else signs in', () => {
    const { store, storage } = setup();
    const before = store();
    before.keep('k', () => 'private words');
    before.save('/services/hr-onboarding', 'anna');
    store().adopt('ben');
    expect(storage.length).toBe(0);
    expect(store().keep('k', () => undefined)).toBeUndefined();
  });

  it('gives nothing back on another page', () => {
    const { store, go } = setup();
    const before = store();
    before.keep('k', () => 'text');
    before.save('/services/hr-onboarding', 'anna');
    go('/orders');
    const after = store();
    after.adopt('anna');
    expect(after.keep('k', () => undefined)).toBeUndefined();
    expect(after.restoredOn()).toBeUndefined();
  });

  it('keeps the other forms’ text when one reader fails, and nothing after sign-out', () => {
    const { store } = setup();
    const before = store();
    before.keep('broken', () => {
      throw new Error('reader failed');
    });
    before.keep('fine', () => 'kept');
    expect(before.save('/services/hr-onboarding', 'anna')).toBe(1);
    const cleared = store();
    cleared.clear();
    cleared.adopt('anna');
    expect(cleared.keep('fine', () => undefined)).toBeUndefined();
  });
});
