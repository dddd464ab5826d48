/**
 * Words of the live process views (process map, SIPOC, hand-off map) in every language of the
 * portal; `tp` is the reader's. The type checker asks for every language the portal speaks.
 */

import type { Deviation } from '#shared/process-stats.ts';
import { inEveryLanguage } from '../i18n/languages.ts';
import { language } from '../lib/strings.ts';
import nlCatalog from './words.nl.json';
import plCatalog from './words.pl.json';
import ruCatalog from './words.ru.json';
import zhCatalog from './words.zh.json';

type StepWord = 'filed' | 'awaiting_approval' | 'awaiting_inputs' | 'resolved' | 'closed' | 'rejected' | 'cancelled';

const en = {
  step: {
    filed: 'Filed',
    awaiting_approval: 'Approval',
    awaiting_inputs: 'Inputs',
    resolved: 'Resolved',
    closed: 'Closed',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  } satisfies Record<StepWord, string>,
  deviation: {
    rework: 'Returned for rework',
    clarification: 'Clarification asked',
    rejected: 'Rejected',
    reopened: 'Reopened',
    cancelled: 'Cancelled',
  } satisfies Record<Deviation, string>,
  period: 'Period',
  periodDays: (days: string) => `Last ${days} days`,
  controls: 'What to show',
  map: {
    title: (service: string) => `Process map: ${service}`,
    intro:
      'Where the orders of this service are now and how they flowed through its steps in the period: time spent at each step against its target, breaches, and the ways back.',
    loading: 'Loading the process map…',
    frame: 'Process map, scrolls sideways',
    now: (orders: number) => `Now: ${orders}`,
    risk: (atRisk: number, overdue: number) => `${atRisk} at risk, ${overdue} overdue`,
    median: (median: string) => `Median ${median}`,
    p90: (p90: string) => `p90 ${p90}`,
    target: (target: string) => `Target ${target}`,
    breached: (share: string) => `Breached here: ${share}`,
    entered: (n: number) => `Entered: ${n}`,
    tableCaption: 'Every step of the flow with its figures',
    stepHead: 'Step',
    nowHead: 'Orders now',
    riskHead: 'At risk',
    overdueHead: 'Overdue',
    enteredHead: 'Entered',
    medianHead: 'Median',
    p90Head: 'p90',
    targetHead: 'Target',
    breachHead: 'Breached here',
    deviationsHead: 'Deviations',
    ordersHead: 'List',
    show: (step: string) => `Show the orders at ${step}`,
    flowsCaption: 'Moves between steps in the period',
    fromHead: 'From',
    toHead: 'To',
    countHead: 'Orders',
    stepOrders: (step: string) => `Orders at ${step} now`,
    stepEmpty: 'No orders are at this step now.',
    stepLoading: 'Loading the orders…',
    pick: 'Click a step of the map (or a button in the table) to list its orders now.',
    rule: 'How we count',
    sipoc: 'SIPOC of this service',
    other: 'Other',
  },
  sipoc: {
    title: (service: string) => `SIPOC: ${service}`,
    intro:
      'Suppliers, inputs, process, outputs and customers of this service, from what happened in the period, beside the department’s own words.',
    loading: 'Loading the SIPOC…',
    suppliers: 'Suppliers',
    inputs: 'Inputs',
    process: 'Process',
    outputs: 'Outputs',
    customers: 'Customers',
    ownWords: 'In the department’s words',
    noWords: 'Not written yet.',
    segments: 'Requesters by department',
    handoffsFrom: 'Departments handing off into it',
    handoffsTo: 'Departments receiving its output by hand-off',
    customerSegments: 'Who orders it',
    dimension: { department: 'Department', location: 'Location', jobRole: 'Job role' },
    value: 'Who',
    count: 'Orders',
    share: 'Share',
    unknown: 'Not stated',
    input: 'Input',
    missing: 'Missing at filing',
    returned: 'Returned for rework',
    output: 'Deliverable',
    delivered: 'Delivered',
    late: 'Ticked late',
    withNote: 'With a note',
    step: 'Step',
    median: 'Median time',
    p90: 'p90 time',
    target: 'Target',
    none: 'Nothing in this period.',
    totals: (created: number, resolved: number) => `${created} filed, ${resolved} resolved in the period.`,
    map: 'Process map of this service',
  },
  handoffs: {
    title: 'Hand-offs between departments',
    intro:
      'Which departments hand work to which, how much comes back for rework and which inputs were missing, and how long a hand-off waits at the boundary until the receiving team claims it.',
    loading: 'Loading the hand-offs…',
    frame: 'Hand-off map, scrolls sideways',
    caption: 'Hand-offs per department pair',
    from: 'From',
    to: 'To',
    handoffs: 'Hand-offs',
    reworked: 'Returned for rework',
    missing: 'Inputs most often missing',
    claimed: 'Claimed',
    median: 'Median time at the boundary',
    p90: 'p90 time at the boundary',
    csv: 'Download the table as CSV',
    downloaded: (name: string) => `Saved ${name}.`,
    none: 'No hand-offs in this period.',
    nodeWords: (name: string, sent: number, received: number) => `${name}: sent ${sent}, received ${received}`,
    edgeWords: (count: number, share: string, median: string) => `${count} · ${share} back · ${median}`,
  },
  nav: { handoffs: 'Hand-offs', processMap: 'Process map', sipoc: 'SIPOC' },
};

export type ProcessStrings = typeof en;

export const processStrings = inEveryLanguage(en, { pl: plCatalog, ru: ruCatalog, nl: nlCatalog, zh: zhCatalog });

/** The process views' words in the reader's language. */
export const tp: ProcessStrings = processStrings[language];
