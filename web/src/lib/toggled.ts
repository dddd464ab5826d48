import { createSignal } from 'solid-js';

/**
 * A part of a page that a `Toggle` button opens and closes (an editor, a form to create something).
 * Opening or closing it by the button first calls `onToggle` (e.g. to clear what was last said
 * about it); closing it from inside (saved, cancelled) gives the focus back to the button.
 */
export function createToggled(buttonId: string, onToggle: () => void) {
  const [open, setOpen] = createSignal(false);
  return {
    open,
    toggle: () => {
      onToggle();
      setOpen((v) => !v);
    },
    close: () => {
      setOpen(false);
      queueMicrotask(() => document.getElementById(buttonId)?.focus());
    },
  };
}
