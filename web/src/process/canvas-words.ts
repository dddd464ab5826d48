/**
 * Words of the living canvas (the department page's figures beside the head's words) and the service
 * ranking, in every language of the portal; `tc` is the reader's. The type checker asks for every
 * language the portal speaks.
 */

import type { Code } from '#shared/dictionary.ts';
import type { Language, OrderChannel } from '#shared/model.ts';
import type { RankingFactor } from '#shared/ranking.ts';
import { plural } from '../i18n/en-grammar.ts';
import { inEveryLanguage } from '../i18n/languages.ts';
import { language } from '../lib/strings.ts';
import nlCatalog from './canvas-words.nl.json';
import { code as nlCode } from './canvas-words.nl.ts';
import plCatalog from './canvas-words.pl.json';
import ruCatalog from './canvas-words.ru.json';
import { code as ruCode } from './canvas-words.ru.ts';
import zhCatalog from './canvas-words.zh.json';
import { code as zhCode } from './canvas-words.zh.ts';

const en = {
  canvas: {
    intro: (weeks: number) => `Beside each of your answers, the figure that answers it: the last ${weeks} weeks.`,
    live: 'Live',
    loading: 'Loading the figures…',
    none: 'Nothing in these weeks yet.',
    value: (created: number, resolved: number) => `${plural(created, 'order', 'orders')} filed, ${resolved} resolved.`,
    mostDelivered: 'Delivered most',
    customers: (people: number, orders: number) =>
      `${plural(people, 'person', 'people')} ordered, ${plural(orders, 'order', 'orders')} in all.`,
    stopped: 'Stopped ordering',
    noneStopped: (weeks: number) => `No regular customer has been quiet for ${weeks} weeks.`,
    missed: (name: string, orders: string) => `${name}: about ${orders} orders missed`,
    unknownSegment: 'Department not stated',
    channel: {
      portal: 'Portal',
      email: 'Email',
      api: 'API',
      handoff: 'Hand-off from another department',
    } satisfies Record<OrderChannel, string>,
    unrecorded: (n: number) => `${plural(n, 'order', 'orders')} filed before channels were recorded.`,
    firstResponse: (share: string, n: number) => `First response on time: ${share} of ${n}.`,
    medians: (firstResponse: string, resolution: string) =>
      `Median first response ${firstResponse}, median resolution ${resolution}.`,
    goal: (target: string) => `Goal ${target}`,
    goalMet: 'met',
    goalMissed: 'not met',
    goalOpen: 'no figure yet',
    deviations: (reworks: number, clarifications: number) =>
      `${reworks} returned for rework, ${plural(clarifications, 'clarification', 'clarifications')} asked.`,
    serviceLine: (name: string, created: number, reworks: number, clarifications: number) =>
      `${name}: ${plural(created, 'order', 'orders')}, ${plural(reworks, 'rework', 'reworks')}, ${plural(clarifications, 'clarification', 'clarifications')}`,
    satisfaction: (share: string, n: number) => `Rated 4 or 5: ${share} of ${n} ratings.`,
    noRatings: 'No ratings yet.',
    onTime: (share: string, n: number) => `Resolved on time: ${share} of ${n}.`,
    noResolutions: 'Nothing resolved yet.',
    demand: (perWeek: string, trend: string) => `Demand ${perWeek} orders a week (trend ${trend} a week).`,
    capacity: (open: number, agents: number, perPerson: string) =>
      `${open} open now; ${agents} people resolving, ${perPerson} orders each a week.`,
    needed: (people: number) => `People the standards need: ${people}.`,
    handsTo: 'We hand work to',
    receivesFrom: 'We receive work from',
    partner: (name: string, n: number, share: string) =>
      `${name}: ${plural(n, 'hand-off', 'hand-offs')}, ${share} back for rework`,
    noPartners: 'No hand-offs in these weeks.',
    process: 'Process maps',
    ranking: 'Service ranking',
  },
  ranking: {
    title: 'Service ranking',
    intro:
      'Which service to improve first: a score from weighted indicators, with penalties for rework and clarifications shown apart. The lowest score is on top.',
    loading: 'Loading the ranking…',
    weights: 'Weights',
    weightsHint: 'Each weight is a whole number from 0 (left out) to 10.',
    factor: {
      onTime: 'On time',
      satisfaction: 'Satisfaction',
      demandGrowth: 'Demand growth',
      rework: 'Rework (penalty)',
      clarifications: 'Clarifications (penalty)',
    } satisfies Record<RankingFactor, string>,
    save: 'Save the weights',
    saving: 'Saving…',
    saved: 'The weights were saved and the ranking computed again.',
    reset: 'Back to the defaults',
    conflict: 'Someone changed the department meanwhile; the ranking was read again.',
    formula: 'Formula',
    formulaText: (w: Record<RankingFactor, number>, total: number) =>
      `score = quality − penalty; quality = 100 × (${w.onTime} × on time + ${w.satisfaction} × satisfaction + ${w.demandGrowth} × demand growth) ÷ ${total}; penalty = 100 × (${w.rework} × rework rate + ${w.clarifications} × clarification rate) ÷ ${total}.`,
    formulaTerms:
      'On time: resolutions within the standard. Satisfaction: ratings of 4 or 5. Demand growth: 0.5 when as many orders as in the period before, 1 when doubled or new, 0 when none. Rework and clarification rates: returns and requests per order filed. A service without resolutions or ratings counts the department’s figure (assumed).',
    period: (from: string, to: string, previousFrom: string, previousTo: string) =>
      `From ${from} to ${to}, demand compared with ${previousFrom} to ${previousTo}.`,
    tuned: 'Weights set by the department.',
    defaults: 'Default weights.',
    list: 'Services, the one to improve first on top',
    empty: 'No service had orders in this period or the one before.',
    rank: (rank: number) => `No. ${rank}`,
    score: (score: string) => `Score ${score}`,
    quality: 'Quality points',
    penalty: 'Penalty points',
    orders: (now: number, before: number) => `${plural(now, 'order', 'orders')} (${before} before)`,
    indicator: (value: string, points: string) => `${value}, ${points} points`,
    assumed: 'assumed',
    penaltyLine: (count: number, rate: string, points: string) => `${count} (${rate} of orders), −${points} points`,
  },
};

export type CanvasStrings = typeof en;

/** What a Polish message cannot say. */
const plCode = {
  ranking: {
    formulaText: (w, total) =>
      `wynik = jakość − kara; jakość = 100 × (${w.onTime} × terminowość + ${w.satisfaction} × zadowolenie + ${w.demandGrowth} × wzrost popytu) ÷ ${total}; kara = 100 × (${w.rework} × odsetek poprawek + ${w.clarifications} × odsetek wyjaśnień) ÷ ${total}.`,
  },
} satisfies Code<CanvasStrings>;

export const canvasStrings: Record<Language, CanvasStrings> = /* @__PURE__ */ inEveryLanguage(
  en,
  { pl: plCatalog, ru: ruCatalog, nl: nlCatalog, zh: zhCatalog },
  { pl: plCode, ru: ruCode, nl: nlCode, zh: zhCode },
);

/** The canvas's and the ranking's words in the reader's language. */
export const tc: CanvasStrings = canvasStrings[language];
