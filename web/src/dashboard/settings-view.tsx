/**
 * A department view whose settings live in the address (customers, capacity): the settings as the
 * address holds them, the view read with them, and the page around it.
 */
import { type SearchParams, useParams, useSearchParams } from '@solidjs/router';
import { type Accessor, createMemo, type JSX } from 'solid-js';
import { createLoader, Loaded, type Loader } from '../lib/load.tsx';
import { type AddressSetting, AddressSettings, InsightPage } from './parts.tsx';

/** A department's view as its loader knows it: the department's code and the search it is read with. */
export const viewKey = (code: string, search: string): string => `${code}?${search}`;

/** Reads a department's view by its key (see `viewKey`). */
export const readByKey =
  <V,>(read: (code: string, search: string) => Promise<V>) =>
  (key: string): Promise<V> => {
    const at = key.indexOf('?');
    return read(key.slice(0, at), key.slice(at + 1));
  };

export interface SettingsView<S, V> {
  params: { code: string };
  settings: Accessor<S>;
  view: Loader<V>;
}

/** The settings the address holds (`settingsOf` chooses the default of any missing or unknown), and the view read with them. */
export function createSettingsView<S extends Record<string, string>, V>(
  settingsOf: (search: SearchParams) => S,
  read: (code: string, search: string) => Promise<V>,
): SettingsView<S, V> {
  const params = useParams<{ code: string }>();
  const [search] = useSearchParams();
  const settings = createMemo(() => settingsOf(search));
  const view = createLoader(() => viewKey(params.code, `${new URLSearchParams(settings())}`), readByKey(read));
  return { params, settings, view };
}

/** The page of such a view, for the department's head: its title, the settings, then the view. */
export function SettingsViewPage<V>(props: {
  /** The view's name, in its class and its settings' id. */
  name: string;
  of: SettingsView<Record<string, string>, V>;
  words: { title: (code: string) => string; intro: string; controls: string; loading: string };
  fields: readonly AddressSetting[];
  children: (view: Accessor<V>) => JSX.Element;
}) {
  const code = () => props.of.params.code;
  return (
    <InsightPage code={code()} name={props.name} title={props.words.title(code())} intro={props.words.intro}>
      <AddressSettings
        id={`${props.name}-controls`}
        title={props.words.controls}
        values={props.of.settings()}
        fields={props.fields}
      />
      <Loaded of={props.of.view} loading={props.words.loading} failures="before">
        {props.children}
      </Loaded>
    </InsightPage>
  );
}
