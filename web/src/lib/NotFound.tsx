import { A } from '@solidjs/router';
import { t } from './strings.ts';
import { usePageTitle } from './ui.tsx';

export default function NotFound() {
  usePageTitle(() => t.notFound.title);
  return (
    <section class="narrow">
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <A href="/">{t.notFound.home}</A>
      </p>
    </section>
  );
}
