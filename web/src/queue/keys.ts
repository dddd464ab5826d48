/**
 * Keyboard shortcuts of the team queue: j / k move between orders, Enter opens the chosen one,
 * c claims it, x selects it (for claiming or assigning many at once). Pure, so the rules are tested without a browser.
 */

export type QueueKeyAction = 'next' | 'previous' | 'open' | 'claim' | 'select';

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** Tag name of the element the key was pressed in (upper case, as the DOM gives it). */
  targetTag?: string | undefined;
  /** The element is editable text (contenteditable). */
  editable?: boolean;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements where Enter already does its own thing. */
const ACTIVATES = new Set(['A', 'BUTTON', 'SUMMARY']);

/** What a key press means on the queue page, or nothing (typing, shortcuts of the browser). */
export function queueKeyAction(event: KeyLike): QueueKeyAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (event.editable || (event.targetTag !== undefined && TYPING.has(event.targetTag))) return undefined;
  switch (event.key) {
    case 'j':
    case 'J':
      return 'next';
    case 'k':
    case 'K':
      return 'previous';
    case 'c':
    case 'C':
      return 'claim';
    case 'x':
    case 'X':
      return 'select';
    case 'Enter':
      return event.targetTag !== undefined && ACTIVATES.has(event.targetTag) ? undefined : 'open';
    default:
      return undefined;
  }
}

/** The row chosen after moving by `step` from `current` (-1: none chosen yet), kept inside the list. */
export function moveSelection(current: number, step: 1 | -1, length: number): number {
  if (length <= 0) return -1;
  if (current < 0 || current >= length) return step === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + step));
}
