/**
 * After moving to another page, focus goes to the new page's main heading, so a screen reader reads
 * on from there and the keyboard continues from there, instead of being left on the body (or on the
 * link that was followed). Only when the path changes (a search kept in the query does not move it),
 * never on the first page, and never away from a control of the new page the person already moved to.
 */
import { createEffect, on } from 'solid-js';

/** How long to wait for the heading of a page that is still loading. */
const WAIT_MS = 3_000;

export function focusHeadingOnNavigate(pathname: () => string): void {
  createEffect(
    on(pathname, (path, previous) => {
      if (previous === undefined || path === previous) return;
      const since = performance.now();
      const attempt = () => {
        if (window.location.pathname !== path) return;
        const main = document.getElementById('main');
        const active = document.activeElement;
        if (main && active && active !== main && main.contains(active)) return;
        const heading = main?.querySelector<HTMLElement>('h1');
        if (heading) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus();
        } else if (performance.now() - since < WAIT_MS) {
          requestAnimationFrame(attempt);
        }
      };
      requestAnimationFrame(attempt);
    }),
  );
}
