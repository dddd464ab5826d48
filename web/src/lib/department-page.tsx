/**
 * The frame of a department's own pages (its services, mail, integrations, a service's process views):
 * a link back to the department, the page's title (the tab's too) and what the page is for; and the
 * part of such a page only the department's head may see.
 */
import { A } from '@solidjs/router';
import { type Accessor, type JSX, Show } from 'solid-js';
import { isHeadOf } from '#shared/permissions.ts';
import { departments, user } from '../account/session.ts';
import { departmentToday } from '../dashboard/period.ts';
import { Page } from './blocks.tsx';
import { createLoader } from './load.tsx';

const departmentPath = (code: string) => `/departments/${encodeURIComponent(code)}`;

export function DepartmentPage(props: {
  code: string;
  title: string;
  intro: string;
  class?: string;
  /** The link back leads to the department's page, or with `services` to its list of services. */
  back?: 'services';
  children: JSX.Element;
}) {
  const back = (
    <p>
      <A href={`${departmentPath(props.code)}${props.back ? '/services' : ''}`}>{props.code}</A>
    </p>
  );
  return (
    <Page title={props.title} intro={props.intro} class={props.class} above={back}>
      {props.children}
    </Page>
  );
}

/** Whether the signed-in person heads the department (with `admins`, or is an administrator). */
export function headsDepartment(code: string, options: { admins?: boolean | undefined } = {}): boolean {
  const u = user();
  return u !== undefined && ((options.admins === true && u.admin) || isHeadOf(u, code));
}

/** What only the department's head (with `admins`, an administrator too) sees; the others read `refusal`. */
export function HeadOnly(props: { code: string; refusal: string; admins?: boolean; children: JSX.Element }) {
  return (
    <Show
      when={headsDepartment(props.code, { admins: props.admins })}
      fallback={<p class="notice warning">{props.refusal}</p>}
    >
      {props.children}
    </Show>
  );
}

/**
 * The department's today for its period views (undefined while the session's department list
 * loads): its periods end on the department's day, not the reader's, when they read from another
 * zone. Without the list, the reader's own day.
 */
export function createDepartmentToday(code: Accessor<string>): Accessor<string | undefined> {
  const list = createLoader(
    () => true,
    () => departments().catch(() => []),
  );
  return () => {
    const known = list.value();
    return known ? departmentToday(known, code()) : undefined;
  };
}
