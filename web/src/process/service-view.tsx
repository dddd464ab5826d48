/**
 * What the process views of one service (its process map, its SIPOC) share: the view read for the
 * period the address names, and the page around it (the department's frame, the period's choice, the
 * view once loaded).
 */
import { useParams, useSearchParams } from '@solidjs/router';
import { type Accessor, createMemo, type JSX } from 'solid-js';
import { createDepartmentToday, DepartmentPage } from '../lib/department-page.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { chosenDays, PeriodSettings } from './PeriodSettings.tsx';
import { periodSearch } from './shared.ts';

/** A service's view over the period of the address (`?days=`), read again when either changes. */
export function createServiceView<V>(read: (code: string, serviceId: string, period: string) => Promise<V>) {
  const params = useParams<{ code: string; id: string }>();
  const [search, setSearch] = useSearchParams();
  const days = () => chosenDays(search.days);
  // The period ends on the department's today (known once the department list is read).
  const today = createDepartmentToday(() => params.code);
  const key = createMemo(() => {
    const day = today();
    return day ? `${params.code}|${params.id}|${days()}|${day}` : undefined;
  });
  const view = createLoader(key, (k: string) => {
    const [code, id, d, day] = k.split('|') as [string, string, string, string];
    return read(code, id, periodSearch(d, day));
  });
  /** The service's address among the department's services. */
  const base = () => `/departments/${encodeURIComponent(params.code)}/services/${encodeURIComponent(params.id)}`;
  return { params, search, setSearch, days, view, base };
}

export type ServiceView<V> = ReturnType<typeof createServiceView<V>>;

export function ServiceViewPage<V extends { serviceName: string }>(props: {
  /** The view's name in the period controls' id. */
  name: string;
  class: string;
  service: ServiceView<V>;
  /** The page's title (given the service's name), what it is for, and what shows while it loads. */
  words: { title: (serviceName: string) => string; intro: string; loading: string };
  children: (view: Accessor<V>) => JSX.Element;
  /** Shown below the view whether it loaded or not. */
  after?: JSX.Element;
}) {
  return (
    <DepartmentPage
      code={props.service.params.code}
      back="services"
      class={props.class}
      title={props.words.title(props.service.view.value()?.serviceName ?? props.service.params.id)}
      intro={props.words.intro}
    >
      <PeriodSettings view={props.name} days={props.service.days()} />
      <Loaded of={props.service.view} loading={props.words.loading} failures="before">
        {props.children}
      </Loaded>
      {props.after}
    </DepartmentPage>
  );
}
