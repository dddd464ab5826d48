/**
 * Words of the team queue, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { queueWords as english } from './words.en.ts';

export const queueWords: typeof english = {
  queue: {
    title: (code) => `Wachtrij ${code}`,
    caption: 'Lopende aanvragen, de meest dringende eerst',
    empty: 'De wachtrij is leeg. Er wacht niets op het team.',
    claim: 'Oppakken',
    claimed: (n) => `${n} is door u opgepakt.`,
    filterStatus: 'Status',
    filterPriority: 'Prioriteit',
    all: 'Alle',
    noMatch: 'Geen geladen aanvraag past bij deze filters.',
    filterSla: 'Termijn',
    due: 'Termijn',
    views: 'Weergaven van de wachtrij',
    viewAll: 'Alle lopende aanvragen',
    viewAtRisk: 'In gevaar',
    atRiskTitle: (code) => `In gevaar bij ${code}`,
    atRiskIntro: 'Lopende aanvragen waarvan de termijn bijna verstreken of al overschreden is, de meest verlate eerst.',
    atRiskCaption: 'Aanvragen in gevaar, de meest verlate eerst',
    atRiskEmpty: 'Niets is in gevaar. Alle lopende aanvragen liggen binnen hun termijn.',
    shortcutsTitle: 'Sneltoetsen',
    shortcuts: [
      ['j', 'volgende aanvraag'],
      ['k', 'vorige aanvraag'],
      ['Enter', 'gekozen aanvraag openen'],
      ['c', 'gekozen aanvraag oppakken'],
      ['x', 'gekozen aanvraag selecteren'],
    ],
    cannotClaim: (n) => `${n} kan niet worden opgepakt: dat kan alleen bij open aanvragen.`,
    someone: 'een voormalig teamlid',
    sortBy: 'Sorteren op',
    sortDirection: 'Volgorde',
    sortKeys: { due: 'Termijn', status: 'Status', priority: 'Prioriteit', age: 'Leeftijd', assignee: 'Behandelaar' },
    sortAscending: {
      due: 'Meest dringend eerst',
      status: 'Wachtend eerst',
      priority: 'Spoed eerst',
      age: 'Oudste eerst',
      assignee: 'A tot Z',
    },
    sortDescending: {
      due: 'Minst dringend eerst',
      status: 'In behandeling eerst',
      priority: 'Laag eerst',
      age: 'Nieuwste eerst',
      assignee: 'Z tot A',
    },
    selectAll: 'Alle getoonde aanvragen selecteren',
    selectOne: (n) => `${n} selecteren`,
    selectedCount: (n) => (n === 1 ? '1 aanvraag geselecteerd' : `${n} aanvragen geselecteerd`),
    bulkTitle: 'Geselecteerde aanvragen',
    claimSelected: 'Selectie oppakken',
    assignTo: 'Toewijzen aan',
    choosePerson: 'Kies een persoon',
    assignSelected: 'Selectie toewijzen',
    clearSelection: 'Selectie wissen',
    bulkClaimed: (n) => (n === 1 ? '1 aanvraag opgepakt.' : `${n} aanvragen opgepakt.`),
    bulkAssigned: (n, name) =>
      n === 1 ? `1 aanvraag toegewezen aan ${name}.` : `${n} aanvragen toegewezen aan ${name}.`,
    bulkFailedOne: (n, why) => `${n}: ${why}`,
    bulkPartly: (done, of, failures) => `${done} van ${of} gedaan. Niet gedaan: ${failures}`,
  },
};
