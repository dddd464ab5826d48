/**
 * Words of the catalog, a department's page, a service and its order form, in English.
 * i18n/en.ts joins them into the dictionary; words.pl.ts says them in Polish.
 */

import type { FieldKind, InputKind } from '#shared/model.ts';
import { keyed, plural, someOf } from '../i18n/en-grammar.ts';

export const catalogWords = {
  catalog: {
    title: 'Service catalog',
    intro: 'What the back-office departments do for you, and how fast they promise to do it.',
    search: 'Search services',
    searchHint: 'Search by name, description or tag.',
    count: (n: number) => (n === 1 ? '1 service' : `${n} services`),
    noMatch: (q: string) => `No service matches “${q}”.`,
    empty: 'No services are published yet.',
    aboutDepartment: (name: string) => `About ${name}`,
    tags: 'Tags',
    departmentsTitle: 'Departments',
    departmentsIntro: 'Who does what, how to order and how each department works.',
    departmentLink: (name: string, code: string) => `${name} (${code})`,
  },
  department: {
    contact: 'Contact',
    edit: 'Edit department',
    manageServices: 'Manage services',
    editTitle: 'Edit department',
    name: 'Name',
    contactEmail: 'Contact email',
    headLabel: 'Department head',
    headHint: 'Chosen from the department’s members.',
    canvasEdit: 'Canvas',
    canvasHint: 'Tell employees what the department is for. Line breaks are kept.',
    saved: 'The department was saved.',
    conflict: 'Someone else saved this department meanwhile.',
    loadTheirs: 'Load their version',
    keepMine: 'Keep my changes and save over theirs',
    membersError: 'The member list could not be loaded; type the head’s user id instead.',
    headId: 'Head (user id)',
    services: 'Services',
    noServices: 'This department has not published any services yet.',
    canvasTitle: 'How this department works',
    canvas: {
      value: 'Value we deliver',
      customerSegments: 'Who we serve',
      howToOrder: 'How to order and how we tell you the status',
      channels: 'Channels',
      keyProcesses: 'Key processes',
      qualityChecks: 'How we check quality',
      standardsAndMetrics: 'Standards and metrics',
      resources: 'Resources',
      partners: 'Partners',
    },
  },
  service: {
    department: 'Department',
    owner: 'Process owner',
    standard: 'Our promise',
    approval: 'Approval',
    approvalNone: 'No approval needed',
    approvalHead: 'The department head approves it before work starts',
    approvalNamed: 'Named approvers approve it before work starts',
    approvalBy: { head: 'the department head', named: 'named approvers' },
    /** `when`: a condition in words (`condition` below). */
    approvalWhen: (who: string, when: string) =>
      `Needs approval by ${who} when ${when}; other orders go straight to the team`,
    condition: {
      equals: (label: string, values: string) => `“${label}” is ${values}`,
      above: (label: string, n: string) => `“${label}” is above ${n}`,
      below: (label: string, n: string) => `“${label}” is below ${n}`,
      between: (label: string, low: string, high: string) => `“${label}” is above ${low} and below ${high}`,
      or: ' or ',
    },
    approvalWillBe: (who: string) => `This order will need approval by ${who} before work starts.`,
    approvalWontBe: (when: string) => `No approval needed for this order (it is needed when ${when}).`,
    inputsTitle: 'What you hand over',
    inputsEmpty: 'Nothing beyond the form.',
    deliverablesTitle: 'What you get back',
    deliverablesEmpty: 'No checklist for this service.',
    stagesTitle: 'How the work goes',
    stageTarget: (words: string) => `target ${words}`,
    inputKind: keyed<InputKind>({
      attachment: 'a file',
      confirmation: 'a confirmation',
      formField: 'an answer in the form',
    }),
    orderTitle: 'Order this service',
    promiseLabel: 'If you order now',
    promise: (when: string) => `If you order now: done by ${when}`,
    doneBy: (when: string) => `done by ${when}`,
    notOrderable: 'This service is not open for orders.',
  },
  form: {
    priority: 'Priority',
    onBehalf: 'On behalf of a colleague',
    onBehalfHint: 'Leave empty if the order is for you. Otherwise type your colleague’s name or email and choose them.',
    choose: 'Choose…',
    submit: 'Submit order',
    submitting: 'Submitting…',
    fixErrors: 'Please correct the fields marked below.',
    kindHint: someOf<FieldKind>()({
      user: 'Type the person’s name or email and choose them from the list.',
    }),
    /** A date field's rules beside it (`days` 0: the same day allowed, 1: strictly). */
    dateRules: {
      after: (label: string, days: number) =>
        days === 0
          ? `On or after “${label}”.`
          : days === 1
            ? `After “${label}”.`
            : `At least ${plural(days, 'day', 'days')} after “${label}”.`,
      before: (label: string, days: number) =>
        days === 0
          ? `On or before “${label}”.`
          : days === 1
            ? `Before “${label}”.`
            : `At least ${plural(days, 'day', 'days')} before “${label}”.`,
      notPast: 'Not in the past.',
      within: (days: number) => `From today to ${plural(days, 'day', 'days')} ahead.`,
    },
    handOverTitle: 'Hand over now',
    handOverIntro:
      'Hand these over with the order and it goes straight to the team’s queue. You can also hand them over later on the order page.',
    confirmInput: (label: string) => `I confirm: ${label}`,
    inputNote: (label: string) => `Note on “${label}”`,
    inputFile: (label: string) => `File for “${label}”`,
    waitUploads: 'Wait until the files have finished uploading.',
    previewTitle: 'Preview of the order form',
    previewNote: 'This is how requesters will see the form. Nothing is sent from the preview.',
    previewChecked: 'The answers pass the form’s checks. In the real form the order would now be sent.',
    previewEmpty: 'The form has no fields yet. Add fields on the left to see them here.',
  },
  /** A department's working hours: the calendar its time standards and promises count on. */
  workingHours: {
    title: 'Working hours',
    always: 'Around the clock, every day: time standards count every hour.',
    zone: (zone: string) => `Times in ${zone}. Time standards and promises count these hours only, not holidays.`,
  },
  /** Links from a page that is not there or not for the reader. */
  waysBack: { label: 'Ways back', catalog: 'Go to the catalog', myOrders: 'Go to my orders' },
  /** The person picker (web/src/lib/PersonPicker.tsx), wherever a person is chosen. */
  people: {
    placeholder: 'Type a name or an email',
    hint: 'Type part of a name or an email, then choose the person from the list.',
    searching: 'Searching…',
    found: (n: number) =>
      n === 0 ? 'No one found.' : `${plural(n, 'person', 'people')} found; use the arrow keys to choose.`,
    none: (q: string) => `No one found for “${q}”. Try a first name, a surname or an email.`,
    failed: 'People could not be searched just now. Try again in a moment.',
    chosen: (name: string, email: string, department?: string) =>
      `Chosen: ${name}, ${email}${department ? `, ${department}` : ''}`,
    notChosen: 'Choose a person from the list.',
    clear: (name: string) => `Clear ${name}`,
    add: 'Add',
    addTo: (what: string) => `Add a person to “${what}”`,
    unknown: (id: string) => `Person ${id}`,
  },
};
