import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { ServiceSummary } from '#shared/api.ts';
import type { Department } from '#shared/model.ts';
import { localizeService } from '#shared/translate.ts';
import { serviceMatches } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { language, t } from '../lib/strings.ts';
import { catalogData } from './catalog-data.ts';
import { ServiceList } from './ServiceList.tsx';
import './catalog.css';
import { Page } from '../lib/blocks.tsx';

interface Group {
  code: string;
  name: string;
  services: ServiceSummary[];
}

function group(services: ServiceSummary[], depts: Department[]): Group[] {
  const names = new Map(depts.map((d) => [d.code, d.name]));
  const groups = new Map<string, Group>();
  for (const service of services) {
    let g = groups.get(service.department);
    if (!g) {
      g = { code: service.department, name: names.get(service.department) ?? service.department, services: [] };
      groups.set(service.department, g);
    }
    g.services.push(service);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export default function Catalog() {
  const catalog = createLoader(() => 'catalog' as const, catalogData.load);
  // The search is kept in the address, so Back from a service finds the list as it was left.
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const query = () => params.q ?? '';
  const setQuery = (q: string) => setParams({ q: q || undefined }, { replace: true });

  // A service is found by its words in the reader's language as well as by its own.
  const found = createMemo(() =>
    (catalog.value()?.services ?? []).filter(
      (s) => serviceMatches(s, query()) || serviceMatches(localizeService(s, language), query()),
    ),
  );
  const groups = createMemo(() => group(found(), catalog.value()?.depts ?? []));

  return (
    <Page title={t.catalog.title} intro={t.catalog.intro}>
      <div class="search">
        <label for="catalog-search">{t.catalog.search}</label>
        <input
          id="catalog-search"
          type="search"
          autocomplete="off"
          aria-describedby="catalog-search-hint"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <p id="catalog-search-hint" class="hint">
          {t.catalog.searchHint}
        </p>
      </div>
      <Loaded of={catalog}>
        {(data) => (
          <>
            <p class="count" aria-live="polite">
              {t.catalog.count(found().length)}
            </p>
            <Show when={data().services.length > 0} fallback={<p class="empty">{t.catalog.empty}</p>}>
              <Show when={groups().length > 0} fallback={<p class="empty">{t.catalog.noMatch(query().trim())}</p>}>
                <For each={groups()}>
                  {(g) => (
                    <section class="department-group" aria-labelledby={`dept-${g.code}`}>
                      <div class="group-head">
                        <h2 id={`dept-${g.code}`}>{g.name}</h2>
                        <A href={`/departments/${encodeURIComponent(g.code)}`}>{t.catalog.aboutDepartment(g.name)}</A>
                      </div>
                      <ServiceList services={g.services} />
                    </section>
                  )}
                </For>
              </Show>
            </Show>
            <Show when={data().depts.length > 0}>
              <nav class="department-index" aria-labelledby="departments-title">
                <h2 id="departments-title">{t.catalog.departmentsTitle}</h2>
                <p class="hint">{t.catalog.departmentsIntro}</p>
                <ul class="link-list">
                  <For each={[...data().depts].sort((a, b) => a.name.localeCompare(b.name))}>
                    {(d) => (
                      <li>
                        <A href={`/departments/${encodeURIComponent(d.code)}`}>
                          {t.catalog.departmentLink(d.name, d.code)}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </nav>
            </Show>
          </>
        )}
      </Loaded>
    </Page>
  );
}
