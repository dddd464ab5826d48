/**
 * Words of the department insight pages (goals, customers, capacity) in every language of the
 * portal; `ti` is the reader's. Kept beside the main dictionaries so this area translates as a unit.
 */

import type { GoalMetric } from '#shared/model.ts';
import type { SegmentDimension } from '#shared/stats.ts';
import { inEveryLanguage } from '../i18n/languages.ts';
import { language } from '../lib/strings.ts';
import nlCatalog from './insight-words.nl.json';
import plCatalog from './insight-words.pl.json';
import ruCatalog from './insight-words.ru.json';
import zhCatalog from './insight-words.zh.json';

type GoalStatus = 'met' | 'missed' | 'no_data' | 'not_started';

const en = {
  nav: {
    label: 'Department views',
    quality: 'Quality',
    goals: 'Goals',
    customers: 'Customers',
    capacity: 'Capacity',
  },
  metric: {
    csat: 'Satisfied customers (ratings 4–5)',
    resolution_on_time: 'Resolved within the standard',
    first_response_on_time: 'First response within the standard',
    median_first_response: 'Median time to first response',
    median_resolution: 'Median time to resolve',
  } satisfies Record<GoalMetric, string>,
  promise: {
    csat: (target: string) => `At least ${target} of ratings are 4 or 5.`,
    resolution_on_time: (target: string) => `At least ${target} of orders are resolved within the standard.`,
    first_response_on_time: (target: string) =>
      `At least ${target} of orders get a first response within the standard.`,
    median_first_response: (target: string) => `Half of the orders get a first response within ${target}.`,
    median_resolution: (target: string) => `Half of the orders are resolved within ${target}.`,
  } satisfies Record<GoalMetric, (target: string) => string>,
  goals: {
    title: (code: string) => `Goals ${code}`,
    intro: 'What the department promises its customers, and how it does against it so far.',
    loading: 'Loading the goals…',
    none: 'No goals yet. Add one below: what to measure, the target, the period, and optionally one service.',
    status: {
      met: 'On track',
      missed: 'Behind',
      no_data: 'No data yet',
      not_started: 'Not started',
    } satisfies Record<GoalStatus, string>,
    now: 'Now',
    target: 'Target',
    statusLabel: 'Status',
    basedOn: (n: number) => (n === 1 ? 'from 1 order or rating' : `from ${n} orders or ratings`),
    period: (from: string, to: string) => `${from} – ${to}`,
    elapsed: (share: string) => `${share} of the period has passed`,
    wholeDepartment: 'Whole department',
    trendTitle: (goal: string) => `${goal}, week by week`,
    week: 'Week',
    value: 'Value',
    sample: 'Orders or ratings',
    pullingDown: 'Services pulling it down',
    pullingDownNone: 'No service is below the target.',
    service: 'Service',
    impact: 'Impact',
    pullingDownRule:
      'Impact = the orders or ratings behind the figure × how far it is from the target (percentage points, or the share over the target for times).',
    editTitle: 'Edit the goals',
    editIntro: 'Goals appear on the department page for everyone to see. Saving replaces the whole list.',
    goalN: (n: number) => `Goal ${n}`,
    metricLabel: 'Measure',
    targetPercent: 'Target (%)',
    targetHours: 'Target (working hours)',
    hoursAxis: 'Working hours',
    appliesTo: 'Applies to',
    from: 'From',
    to: 'To',
    add: 'Add a goal',
    remove: (n: number) => `Remove goal ${n}`,
    save: 'Save the goals',
    saving: 'Saving…',
    saved: 'The goals are saved.',
  },
  canvas: {
    title: 'We promise',
    period: (from: string, to: string) => `From ${from} to ${to}`,
    forService: (service: string) => `For “${service}”.`,
  },
  customers: {
    title: (code: string) => `Customers ${code}`,
    intro: 'Who orders this department’s services, who stopped, and who is least satisfied.',
    loading: 'Loading the customers…',
    controls: 'What to show',
    window: 'Weeks to look back',
    segment: 'Group customers by',
    dimension: {
      department: 'Their department',
      location: 'Their location',
      jobRole: 'Their job role',
    } satisfies Record<SegmentDimension, string>,
    quietWeeks: 'Stopped: no order for (weeks)',
    regularWeeks: 'after ordering in at least (weeks)',
    apply: 'Show',
    orders: 'Orders',
    customers: 'Customers',
    responses: 'Ratings',
    csat: 'CSAT',
    notSet: 'Not in the profile',
    segmentsTitle: 'Orders per segment',
    segmentsCaption: 'Orders, share and satisfaction per segment',
    segmentWeeklyTitle: 'Orders per segment, week by week',
    segmentWeeklyCaption: 'Orders per week of the largest segments',
    segmentCol: 'Segment',
    share: 'Share',
    averageScore: 'Average rating',
    topTitle: 'Who orders most',
    topCaption: 'The customers with the most orders',
    person: 'Person',
    lastOrder: 'Last order (week of)',
    stoppedTitle: 'Who used to order and stopped',
    stoppedNone: 'Nobody with a regular pattern has stopped ordering.',
    stoppedCaption: 'Regular customers without an order lately',
    activeWeeks: 'Weeks with orders before',
    perWeek: 'Orders a week then',
    missed: 'Orders missed, about',
    leastTitle: 'Frequent customers who are least satisfied',
    leastNone: 'No frequent customer rated below 4.',
    leastCaption: 'Customers by orders × share of ratings of 3 or lower',
    unhappy: 'Ratings of 3 or lower',
    impact: 'Impact',
    rule: 'How this is worked out',
    stoppedRule: (regular: number, quiet: number) =>
      `Stopped: ordered in at least ${regular} different weeks before, and not once in the last ${quiet} weeks. Orders missed ≈ their weekly rate from their first order until then × ${quiet}.`,
    leastRule:
      'Impact = orders × the share of their ratings that were 3 or lower; people with at least 2 orders and a rating below 4.',
    weekOf: (day: string) => `week of ${day}`,
  },
  capacity: {
    title: (code: string) => `Capacity ${code}`,
    intro: 'Demand per service with a forecast, the work in the queue now, and the team the standards need.',
    loading: 'Loading the capacity…',
    controls: 'What to show',
    history: 'Weeks of history',
    horizon: 'Weeks to forecast',
    apply: 'Show',
    demand: 'Orders a week',
    trend: 'Trend',
    trendWords: (perWeek: string) => `${perWeek} a week, each week`,
    forecastAverage: 'Forecast a week',
    open: 'Open now',
    waiting: 'Waiting on the customer',
    unassigned: 'Not assigned',
    throughput: 'Resolved per person a week',
    people: 'People the standards need',
    peopleNow: (n: number) => (n === 1 ? '1 person resolved orders' : `${n} people resolved orders`),
    peopleSentence: (people: string, standard: string, perWeek: string) =>
      `To meet the ${standard} standard at ${perWeek} orders a week you need about ${people} people.`,
    demandTitle: 'Demand and forecast',
    demandCaption: 'Orders per week, and the forecast',
    actual: 'Orders',
    forecast: 'Forecast',
    week: 'Week',
    servicesTitle: 'Per service',
    servicesCaption: 'Demand, queue, time spent and people needed per service',
    service: 'Service',
    spent: 'Working time spent',
    perOrder: 'Per order',
    standard: 'Standard',
    need: 'People needed',
    agentsTitle: 'Workload per agent',
    agentsCaption: 'Open orders and orders resolved per agent',
    agent: 'Agent',
    resolved: 'Resolved',
    resolvedPerWeek: 'Resolved a week',
    rules: 'How this is worked out',
    forecastRule: (weeks: number, horizon: number) =>
      `Forecast: a straight line fitted (least squares) to the weekly orders of the last ${weeks} complete weeks (from the first week with an order), extended ${horizon} weeks, never below 0.`,
    peopleRule: (utilisation: number) =>
      `People = the larger of: forecast orders a week ÷ (orders one person resolves a week × ${utilisation} %), which keeps up with demand; and orders in the queue not waiting on the customer ÷ (orders one person resolves a week × the standard in weeks), which clears today’s queue within the standard. Above ${utilisation} % of their time on orders, queues grow without bound.`,
    noThroughput: 'Nobody resolved an order in these weeks, so the team size cannot be worked out yet.',
  },
};

export type InsightStrings = typeof en;

export const insightStrings = inEveryLanguage(en, { pl: plCatalog, ru: ruCatalog, nl: nlCatalog, zh: zhCatalog });

/** The insight words in the reader's language. */
export const ti: InsightStrings = insightStrings[language];
