/**
 * The ways into the guided setup and the template library from a department's pages, for its head:
 * "Start from a template" and "Guided setup" (offered first while nothing is published).
 */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { headsDepartment } from '../lib/department-page.tsx';
import { t } from '../lib/strings.ts';
import './setup.css';

export function SetupLinks(props: {
  code: string;
  /** Nothing is published yet (shared/setup.ts offersSetup): the setup is offered first. */
  offer: boolean;
  /** Without the template library (the department page, where services are not managed). */
  setupOnly?: boolean;
}) {
  const base = () => `/departments/${encodeURIComponent(props.code)}`;
  const offer = () => props.offer;
  return (
    <Show when={headsDepartment(props.code)}>
      <Show when={!props.setupOnly}>
        <A class="button-link" href={`${base()}/templates`}>
          {t.templates.link}
        </A>{' '}
      </Show>
      <A class={offer() ? 'button-link primary' : 'button-link'} href={`${base()}/setup`}>
        {t.setup.link}
      </A>
      <Show when={offer()}>
        <span class="notice setup-offer" data-testid="setup-offer">
          {t.setup.offer}
        </span>
      </Show>
    </Show>
  );
}
