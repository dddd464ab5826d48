/**
 * The portal's words in English. Every other language is typed `Strings` and so must say all of
 * them. Status and due-time words are the domain's own English (shared/lifecycle.ts, shared/due-words.ts).
 */
import { type DueWords, ENGLISH_DUE_WORDS } from '#shared/due-words.ts';
import { statusWords } from '#shared/lifecycle.ts';
import { type Language, ORDER_STATUSES, type OrderStatus, type Priority, type ServiceStatus } from '#shared/model.ts';
import type { ClockKind, ClockState } from '#shared/sla.ts';

export { accountWords } from '../account/words.en.ts';
export { adminWords } from '../admin/words.en.ts';
export { catalogWords } from '../catalog/words.en.ts';
export { dashboardWords } from '../dashboard/words.en.ts';
export { editorWords } from '../editor/words.en.ts';
export { inboundWords } from '../inbound/words.en.ts';
export { integrationWords } from '../integrations/words.en.ts';
export { noteWords } from '../notes/words.en.ts';
export { orderWords } from '../order/words.en.ts';
export { queueWords } from '../queue/words.en.ts';
export { setupWords } from '../setup/words.en.ts';
export { surveyWords } from '../survey/words.en.ts';
export { transferWords } from '../transfer/words.en.ts';

import { type Keyed, keyed, num, plural } from './en-grammar.ts';

/** Every refusal of the API and the shared checks, by code (worded by i18n/refusals.ts). */
export { englishRefusals as refusals } from '#shared/refusal-words.en.ts';
export type { Keyed };

/** The portal's own words. */
export const portal = {
  appName: 'Ordo',
  /** The UI's language and the locale of dates when the reader's own speaks another language. */
  locale: 'en-GB' as string,
  /** Order statuses, as the domain says them. */
  status: Object.fromEntries(ORDER_STATUSES.map((s) => [s, statusWords(s)])) as Record<OrderStatus, string>,
  /** Short durations and due times ("3 h 20 min", "due Thu 14:00, … left"). */
  due: ENGLISH_DUE_WORDS as DueWords,
  /** Each language by its own name, so anyone finds theirs. */
  languageNames: { en: 'English', pl: 'Polski', ru: 'Русский', nl: 'Nederlands', zh: '简体中文' } satisfies Record<
    Language,
    string
  >,
  common: {
    loading: 'Loading…',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    required: 'required',
    optional: 'optional',
    none: '—',
    yes: 'Yes',
    no: 'No',
    nobody: 'Nobody yet',
    send: 'Send',
    neverMind: 'Never mind',
    retry: 'Try again',
    requiredNote: 'Fields marked * are required.',
    save: 'Save',
    saving: 'Saving…',
    add: 'Add',
    remove: 'Remove',
    removeItem: (what: string) => `Remove ${what}`,
    moveUp: (what: string) => `Move ${what} up`,
    moveDown: (what: string) => `Move ${what} down`,
    fixBelow: 'Please correct these first:',
    unsaved: 'You have unsaved changes.',
    leaveUnsaved: 'You have unsaved changes. Leave this page anyway?',
  },
  nav: {
    label: 'Main',
    skip: 'Skip to content',
    catalog: 'Catalog',
    myOrders: 'My orders',
    queue: (code: string) => `Queue ${code}`,
    dashboard: (code: string) => `Dashboard ${code}`,
    myNumbers: (code: string) => `My numbers ${code}`,
    profile: 'Profile',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    admin: 'Administration',
  },
  errors: {
    network: 'Ordo cannot be reached right now. Check your connection and try again.',
    unexpected: 'Something went wrong on our side. Please try again.',
    badRequest: 'Some of the information is not valid.',
    unauthorized: 'Your session has ended. Please sign in again.',
    forbidden: 'You do not have access to this.',
    notFound: 'We could not find this. It may have been removed, or the link is wrong.',
    conflict: 'Someone else changed this at the same time.',
    rule: 'This cannot be done right now.',
    tooMany: 'Too many requests. Wait a moment and try again.',
    checkValue: 'Check this value.',
  },
  serviceStatus: {
    draft: 'Draft',
    published: 'Published',
    retired: 'Retired',
  } satisfies Record<ServiceStatus, string>,
  standard: {
    words: (firstResponse: string, resolution: string) => `answered within ${firstResponse}, done within ${resolution}`,
  },
  duration: {
    minutes: (n: number) => plural(n, 'minute', 'minutes'),
    hours: (n: number, working: boolean) =>
      plural(n, working ? 'working hour' : 'hour', working ? 'working hours' : 'hours'),
    days: (n: number, working: boolean) =>
      plural(n, working ? 'working day' : 'day', working ? 'working days' : 'days'),
  },
  upload: {
    limits: (types: string, size: string) => `${types}, up to ${size}.`,
    uploading: (name: string, percent: number) => `Uploading ${name}: ${percent} %`,
    uploaded: (name: string, size: string) => `Uploaded ${name} (${size}).`,
    kept: 'A file is already attached. Choose another one to replace it.',
    removeFile: (name: string) => `Remove ${name}`,
    failed: 'The file could not be uploaded. Please try again.',
    expired: 'The upload took too long. Please choose the file again.',
    empty: 'This file is empty.',
    badName: 'This file name cannot be used. Rename the file and try again.',
    tooBig: (max: string) => `This file is too big. Files may be up to ${max}.`,
    wrongType: (types: string) => `This kind of file is not accepted. Use ${types}.`,
    typeNames: keyed({
      'application/pdf': 'PDF',
      'image/png': 'PNG',
      'image/jpeg': 'JPEG',
      'text/plain': 'text',
      'text/csv': 'CSV',
      'application/zip': 'ZIP',
    }),
    orList: (names: string[]) =>
      names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`,
    bytes: (n: number) => `${num(n)} bytes`,
    kilobytes: (n: number) => `${num(n)} KB`,
    megabytes: (n: number) => `${num(n)} MB`,
    download: (name: string) => `Open ${name}`,
    newTab: '(opens in a new tab)',
    opening: 'Opening…',
    preview: (name: string) => `Chosen: ${name} (not uploaded in the preview).`,
  },
  priority: {
    low: 'Low',
    normal: 'Normal',
    high: 'High',
    urgent: 'Urgent',
  } satisfies Record<Priority, string>,
  sla: {
    title: 'Time standards',
    states: {
      running: 'On track',
      warning: 'At risk',
      breached: 'Overdue',
      paused: 'Paused',
      met: 'Met',
    } satisfies Record<ClockState, string>,
    missed: 'Missed',
    clocks: { first_response: 'First response', resolution: 'Resolution' } satisfies Record<ClockKind, string>,
    metAt: (when: string, used: string) => `met ${when}, after ${used} of working time`,
    missedAt: (when: string, used: string) => `missed: stopped ${when}, after ${used} of working time`,
    pausedLeft: (since: string, left: string) => `paused since ${since}, ${left} of working time left`,
    pausedShort: (left: string) => `paused, ${left} of working time left`,
    dueAt: (when: string) => `due ${when}`,
    noDue: 'no due time yet',
    noStandard: 'no time standard',
    allMet: 'time standards met',
    target: 'Standard',
    used: 'Working time used',
    paused: 'Paused (not counted)',
    version: 'Standard version',
    versionNumber: (n: number) => `v${n}`,
    autoClose: 'Closes by itself',
    autoCloseWords: (when: string) => `${when}, unless you confirm or reopen it first`,
  },
  /** The order search box of the queue, My orders and the head's dashboard. */
  search: {
    label: 'Search orders',
    hintMine: 'An order number, or words of the title, your answers or a name. Words may be unfinished.',
    hintDepartment: (code: string) =>
      `An order number (or just its digits), or words of the title, the answers or the requester’s name: every ${code} order, open or done.`,
    searching: 'Searching…',
    found: (n: number, more: boolean) =>
      n === 0
        ? more
          ? 'No order among the newest matches every word; the search stopped there. More or other words narrow it.'
          : 'No order matches.'
        : `${plural(n, 'order matches', 'orders match')}${more ? ', the newest shown; more words narrow the search' : ''}.`,
    caption: 'Orders found, newest first',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is nothing at this address.',
    home: 'Go to the catalog',
  },
};
