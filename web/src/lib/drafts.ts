/**
 * What a person typed survives a trip through sign-in. Open forms register a reader with
 * `keepDraft`; when the session ends mid-task, `saveDrafts` writes what the readers return to this
 * tab's sessionStorage before the page leaves for the provider, and the same forms find it again
 * when sign-in brings the person back to the same page. Drafts are kept for the person who wrote
 * them only: someone else signing in on this browser drops them.
 */
import { type Accessor, createSignal, getOwner, onCleanup } from 'solid-js';

const KEY = 'ordo.drafts';

interface Saved {
  /** Path and query of the page the drafts were written on. */
  path: string;
  /** Who wrote them (the user id, which is the token's subject). */
  owner: string;
  /** Set once that same person has signed in again: only then are the drafts handed back. */
  adopted?: boolean;
  items: Record<string, unknown>;
}

function isSaved(value: unknown): value is Saved {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Saved).path === 'string' &&
    typeof (value as Saved).owner === 'string' &&
    typeof (value as Saved).items === 'object' &&
    (value as Saved).items !== null
  );
}

export interface DraftStore {
  /** Registers a reader for the page's lifetime and hands back what was kept for `key` on this page. */
  keep<T>(key: string, read: () => T | undefined): unknown;
  /** Writes every registered reader's draft for `path`; returns how many there were. */
  save(path: string, owner: string): number;
  /** After sign-in: drafts of `owner` are handed back from now on; anyone else's are dropped. */
  adopt(owner: string): void;
  clear(): void;
  /** The page (path and query) where a draft was handed back, for the notice. */
  restoredOn: Accessor<string | undefined>;
}

export function createDraftStore(storage: () => Storage | undefined, currentPath: () => string): DraftStore {
  const readers = new Map<string, () => unknown>();
  const [restoredOn, setRestoredOn] = createSignal<string>();

  function load(): Saved | undefined {
    try {
      const raw = storage()?.getItem(KEY);
      const value: unknown = raw ? JSON.parse(raw) : undefined;
      return isSaved(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  function write(saved: Saved | undefined): void {
    try {
      if (saved && Object.keys(saved.items).length > 0) storage()?.setItem(KEY, JSON.stringify(saved));
      else storage()?.removeItem(KEY);
    } catch {
      // No storage (private mode, full): the text cannot be kept.
    }
  }

  return {
    keep(key, read) {
      readers.set(key, read);
      if (getOwner()) {
        onCleanup(() => {
          if (readers.get(key) === read) readers.delete(key);
        });
      }
      const saved = load();
      const path = currentPath();
      if (!saved?.adopted || saved.path !== path || !(key in saved.items)) return undefined;
      const { [key]: value, ...rest } = saved.items;
      write({ ...saved, items: rest });
      setRestoredOn(path);
      return value;
    },
    save(path, owner) {
      const items: Record<string, unknown> = {};
      for (const [key, read] of readers) {
        try {
          const value = read();
          if (value !== undefined) items[key] = value;
        } catch {
          // One broken reader does not cost the others their text.
        }
      }
      write({ path, owner, items });
      return Object.keys(items).length;
    },
    adopt(owner) {
      const saved = load();
      if (!saved) return;
      write(saved.owner === owner ? { ...saved, adopted: true } : undefined);
    },
    clear() {
      write(undefined);
    },
    restoredOn,
  };
}

const browserStorage = () => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

export const drafts = createDraftStore(browserStorage, () =>
  typeof location === 'undefined' ? '' : location.pathname + location.search,
);

/**
 * For a form: `read` says what to keep (undefined = nothing typed); returns what was kept on this
 * page before sign-in, once. Call it while the component is created.
 */
export function keepDraft<T>(key: string, read: () => T | undefined): unknown {
  return drafts.keep(key, read);
}
