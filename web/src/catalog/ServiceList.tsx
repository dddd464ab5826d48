/** Services as cards: name (a link to the service), summary, time standard and tags. */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { ServiceSummary } from '#shared/api.ts';
import { localizeService } from '#shared/translate.ts';
import { standardWords } from '../lib/format.ts';
import { language, t } from '../lib/strings.ts';
import './catalog.css';

export function ServiceList(props: { services: ServiceSummary[]; headingLevel?: 2 | 3 }) {
  return (
    <ul class="cards">
      <For each={props.services.map((s) => localizeService(s, language))}>
        {(service) => (
          <li class="card surface">
            <Show
              when={props.headingLevel === 2}
              fallback={
                <h3>
                  <A href={`/services/${encodeURIComponent(service.id)}`}>{service.name}</A>
                </h3>
              }
            >
              <h2>
                <A href={`/services/${encodeURIComponent(service.id)}`}>{service.name}</A>
              </h2>
            </Show>
            <p>{service.summary}</p>
            <p class="standard">{standardWords(service.standard)}</p>
            <Show when={service.tags.length > 0}>
              <ul class="tags" aria-label={t.catalog.tags}>
                <For each={service.tags}>{(tag) => <li>{tag}</li>}</For>
              </ul>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
