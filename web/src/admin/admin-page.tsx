/** An administration page's frame: its title (the tab's too), a line of what it is for, its content. */
import type { JSX } from 'solid-js';
import { usePageTitle } from '../lib/ui.tsx';

export function AdminPage(props: { title: string; intro: string; children: JSX.Element }) {
  usePageTitle(() => props.title);
  return (
    <section>
      <h1>{props.title}</h1>
      <p class="lead">{props.intro}</p>
      {props.children}
    </section>
  );
}
