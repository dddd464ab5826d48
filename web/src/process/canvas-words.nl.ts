/** The living canvas and the service ranking in Dutch (canvas-words.ts has the English and the shape). */
import { plural } from '../i18n/nl-grammar.ts';
import type { CanvasStrings } from './canvas-words.ts';

export const nl: CanvasStrings = {
  canvas: {
    intro: (weeks) => `Naast elk van uw antwoorden het cijfer dat erop antwoordt: de laatste ${weeks} weken.`,
    live: 'Actueel',
    loading: 'De cijfers worden geladen…',
    none: 'Nog niets in deze weken.',
    value: (created, resolved) => `${plural(created, 'aanvraag', 'aanvragen')} ingediend, ${resolved} opgelost.`,
    mostDelivered: 'Meest geleverd',
    customers: (people, orders) =>
      `${plural(people, 'persoon', 'personen')} deden ${plural(orders, 'aanvraag', 'aanvragen')}.`,
    stopped: 'Gestopt met aanvragen',
    noneStopped: (weeks) => `Geen vaste klant is al ${weeks} weken stil.`,
    missed: (name, orders) => `${name}: ongeveer ${orders} aanvragen gemist`,
    unknownSegment: 'Afdeling niet opgegeven',
    channel: {
      portal: 'Het portaal',
      email: 'E-mailbericht',
      api: 'Koppeling (API)',
      handoff: 'Overdracht van een andere afdeling',
    },
    unrecorded: (n) => `${n} ingediend voordat kanalen werden vastgelegd.`,
    firstResponse: (share, n) => `Eerste reactie op tijd: ${share} van ${n}.`,
    medians: (firstResponse, resolution) => `Mediaan eerste reactie ${firstResponse}, mediaan oplossing ${resolution}.`,
    goal: (target) => `Doel ${target}`,
    goalMet: 'gehaald',
    goalMissed: 'niet gehaald',
    goalOpen: 'nog geen cijfer',
    deviations: (reworks, clarifications) =>
      `${reworks} teruggestuurd voor herstel, ${clarifications} keer om verduidelijking gevraagd.`,
    serviceLine: (name, created, reworks, clarifications) =>
      `${name}: ${created} aanvragen, ${reworks} hersteld, ${clarifications} verduidelijkingen`,
    satisfaction: (share, n) => `Beoordeeld met 4 of 5: ${share} van ${n} beoordelingen.`,
    noRatings: 'Nog geen beoordelingen.',
    onTime: (share, n) => `Op tijd opgelost: ${share} van ${n}.`,
    noResolutions: 'Nog niets opgelost.',
    demand: (perWeek, trend) => `Vraag ${perWeek} aanvragen per week (trend ${trend} per week).`,
    capacity: (open, agents, perPerson) =>
      `${open} nu open; ${agents} mensen lossen op, elk ${perPerson} aanvragen per week.`,
    needed: (people) => `Mensen die de normen vragen: ${people}.`,
    handsTo: 'Wij dragen werk over aan',
    receivesFrom: 'Wij krijgen werk van',
    partner: (name, n, share) => `${name}: ${plural(n, 'overdracht', 'overdrachten')}, ${share} terug voor herstel`,
    noPartners: 'Geen overdrachten in deze weken.',
    process: 'Proceskaarten',
    ranking: 'Rangschikking van diensten',
  },
  ranking: {
    title: 'Rangschikking van diensten',
    intro:
      'Welke dienst eerst te verbeteren: een score uit gewogen indicatoren, met de strafpunten voor herstel en verduidelijkingen apart. De laagste score staat bovenaan.',
    loading: 'De rangschikking wordt geladen…',
    weights: 'Gewichten',
    weightsHint: 'Elk gewicht is een geheel getal van 0 (niet meegeteld) tot 10.',
    factor: {
      onTime: 'Op tijd',
      satisfaction: 'Tevredenheid',
      demandGrowth: 'Groei van de vraag',
      rework: 'Herstel (straf)',
      clarifications: 'Verduidelijkingen (straf)',
    },
    save: 'Gewichten opslaan',
    saving: 'Bezig met opslaan…',
    saved: 'De gewichten zijn opgeslagen en de rangschikking is opnieuw berekend.',
    reset: 'Terug naar de standaard',
    conflict: 'Iemand heeft de afdeling intussen gewijzigd; de rangschikking is opnieuw gelezen.',
    formula: 'Formule',
    formulaText: (w, total) =>
      `score = kwaliteit − straf; kwaliteit = 100 × (${w.onTime} × op tijd + ${w.satisfaction} × tevredenheid + ${w.demandGrowth} × groei van de vraag) ÷ ${total}; straf = 100 × (${w.rework} × aandeel herstel + ${w.clarifications} × aandeel verduidelijkingen) ÷ ${total}.`,
    formulaTerms:
      'Op tijd: oplossingen binnen de norm. Tevredenheid: beoordelingen van 4 of 5. Groei van de vraag: 0,5 bij evenveel aanvragen als in de periode ervoor, 1 bij een verdubbeling of een nieuwe dienst, 0 zonder aanvragen. Aandeel herstel en verduidelijkingen: terugzendingen en vragen per ingediende aanvraag. Een dienst zonder oplossingen of beoordelingen telt het cijfer van de afdeling (aangenomen).',
    period: (from, to, previousFrom, previousTo) =>
      `Van ${from} tot ${to}, vraag vergeleken met ${previousFrom} tot ${previousTo}.`,
    tuned: 'Gewichten ingesteld door de afdeling.',
    defaults: 'Standaardgewichten.',
    list: 'Diensten, de eerst te verbeteren bovenaan',
    empty: 'Geen enkele dienst had aanvragen in deze periode of de periode ervoor.',
    rank: (rank) => `Nr. ${rank}`,
    score: (score) => `Score ${score}`,
    quality: 'Kwaliteitspunten',
    penalty: 'Strafpunten',
    orders: (now, before) => `${plural(now, 'aanvraag', 'aanvragen')} (${before} ervoor)`,
    indicator: (value, points) => `${value}, ${points} punten`,
    assumed: 'aangenomen',
    penaltyLine: (count, rate, points) => `${count} (${rate} van de aanvragen), −${points} punten`,
  },
};
