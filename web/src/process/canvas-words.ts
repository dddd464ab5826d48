/**
 * Words of the living canvas (the department page's figures beside the head's words) and the service
 * ranking, in every language of the portal; `tc` is the reader's. The type checker asks for every
 * language the portal speaks.
 */
import type { Language, OrderChannel } from '#shared/model.ts';
import type { RankingFactor } from '#shared/ranking.ts';
import { plural } from '../i18n/en-grammar.ts';
import { language } from '../lib/strings.ts';
import { nl } from './canvas-words.nl.ts';
import { ru } from './canvas-words.ru.ts';
import { zh } from './canvas-words.zh.ts';

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

const pl: CanvasStrings = {
  canvas: {
    intro: (weeks) => `Obok każdej odpowiedzi liczba, która na nią odpowiada: ostatnie ${weeks} tyg.`,
    live: 'Na żywo',
    loading: 'Wczytywanie liczb…',
    none: 'Nic w tych tygodniach.',
    value: (created, resolved) => `Złożone zamówienia: ${created}, rozwiązane: ${resolved}.`,
    mostDelivered: 'Najwięcej dostarczyły',
    customers: (people, orders) => `Zamawiające osoby: ${people}, zamówienia: ${orders}.`,
    stopped: 'Przestali zamawiać',
    noneStopped: (weeks) => `Żaden stały klient nie milczy od ${weeks} tyg.`,
    missed: (name, orders) => `${name}: ok. ${orders} zamówień mniej`,
    unknownSegment: 'Dział nie podany',
    channel: {
      portal: 'Portal',
      email: 'E-mail',
      api: 'API',
      handoff: 'Przekazanie z innego działu',
    },
    unrecorded: (n) => `Złożone, zanim zaczęto zapisywać kanał: ${n}.`,
    firstResponse: (share, n) => `Pierwsza odpowiedź na czas: ${share} z ${n}.`,
    medians: (firstResponse, resolution) =>
      `Mediana pierwszej odpowiedzi ${firstResponse}, mediana rozwiązania ${resolution}.`,
    goal: (target) => `Cel ${target}`,
    goalMet: 'osiągnięty',
    goalMissed: 'nieosiągnięty',
    goalOpen: 'jeszcze bez liczby',
    deviations: (reworks, clarifications) =>
      `Zwrócone do poprawy: ${reworks}, prośby o wyjaśnienie: ${clarifications}.`,
    serviceLine: (name, created, reworks, clarifications) =>
      `${name}: zamówienia ${created}, poprawki ${reworks}, wyjaśnienia ${clarifications}`,
    satisfaction: (share, n) => `Oceny 4 lub 5: ${share} z ${n}.`,
    noRatings: 'Jeszcze bez ocen.',
    onTime: (share, n) => `Rozwiązane na czas: ${share} z ${n}.`,
    noResolutions: 'Jeszcze nic nie rozwiązano.',
    demand: (perWeek, trend) => `Popyt ${perWeek} zamówień tygodniowo (trend ${trend} na tydzień).`,
    capacity: (open, agents, perPerson) =>
      `Otwarte teraz: ${open}; rozwiązujące osoby: ${agents}, każda ${perPerson} zamówień tygodniowo.`,
    needed: (people) => `Osoby potrzebne do standardów: ${people}.`,
    handsTo: 'Przekazujemy pracę do',
    receivesFrom: 'Otrzymujemy pracę od',
    partner: (name, n, share) => `${name}: przekazania ${n}, do poprawy ${share}`,
    noPartners: 'Brak przekazań w tych tygodniach.',
    process: 'Mapy procesów',
    ranking: 'Ranking usług',
  },
  ranking: {
    title: 'Ranking usług',
    intro:
      'Którą usługę poprawić najpierw: wynik z ważonych wskaźników, z karami za poprawki i wyjaśnienia pokazanymi osobno. Najniższy wynik jest na górze.',
    loading: 'Wczytywanie rankingu…',
    weights: 'Wagi',
    weightsHint: 'Każda waga to liczba całkowita od 0 (pominięta) do 10.',
    factor: {
      onTime: 'Terminowość',
      satisfaction: 'Zadowolenie',
      demandGrowth: 'Wzrost popytu',
      rework: 'Poprawki (kara)',
      clarifications: 'Wyjaśnienia (kara)',
    },
    save: 'Zapisz wagi',
    saving: 'Zapisywanie…',
    saved: 'Wagi zapisano, a ranking policzono od nowa.',
    reset: 'Przywróć domyślne',
    conflict: 'W międzyczasie ktoś zmienił dział; ranking wczytano ponownie.',
    formula: 'Wzór',
    formulaText: (w, total) =>
      `wynik = jakość − kara; jakość = 100 × (${w.onTime} × terminowość + ${w.satisfaction} × zadowolenie + ${w.demandGrowth} × wzrost popytu) ÷ ${total}; kara = 100 × (${w.rework} × odsetek poprawek + ${w.clarifications} × odsetek wyjaśnień) ÷ ${total}.`,
    formulaTerms:
      'Terminowość: rozwiązania w standardzie. Zadowolenie: oceny 4 lub 5. Wzrost popytu: 0,5 przy tylu zamówieniach co w poprzednim okresie, 1 przy podwojeniu lub nowej usłudze, 0 gdy brak zamówień. Odsetki poprawek i wyjaśnień: zwroty i prośby na złożone zamówienie. Usługa bez rozwiązań lub ocen liczy się liczbą działu (przyjętą).',
    period: (from, to, previousFrom, previousTo) =>
      `Od ${from} do ${to}, popyt w porównaniu z okresem od ${previousFrom} do ${previousTo}.`,
    tuned: 'Wagi ustawione przez dział.',
    defaults: 'Wagi domyślne.',
    list: 'Usługi, ta do poprawy najpierw na górze',
    empty: 'Żadna usługa nie miała zamówień w tym ani w poprzednim okresie.',
    rank: (rank) => `Nr ${rank}`,
    score: (score) => `Wynik ${score}`,
    quality: 'Punkty jakości',
    penalty: 'Punkty kary',
    orders: (now, before) => `Zamówienia: ${now} (wcześniej ${before})`,
    indicator: (value, points) => `${value}, punkty: ${points}`,
    assumed: 'przyjęte',
    penaltyLine: (count, rate, points) => `${count} (${rate} zamówień), punkty: −${points}`,
  },
};

export const canvasStrings: Record<Language, CanvasStrings> = { en, pl, ru, nl, zh };

/** The canvas's and the ranking's words in the reader's language. */
export const tc: CanvasStrings = canvasStrings[language];
