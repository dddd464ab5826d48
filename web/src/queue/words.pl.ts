/**
 * Words of the team queue, in Polish.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { queueWords as english } from './words.en.ts';

export const queueWords: typeof english = {
  queue: {
    title: (code) => `Kolejka ${code}`,
    caption: 'Aktywne zamówienia, od najpilniejszych',
    empty: 'Kolejka jest pusta. Nic nie czeka na zespół.',
    claim: 'Przejmij',
    claimed: (n) => `Przejęto ${n}.`,
    filterStatus: 'Stan',
    filterPriority: 'Priorytet',
    all: 'Wszystkie',
    noMatch: 'Żadne wczytane zamówienie nie pasuje do tych filtrów.',
    filterSla: 'Standard czasu',
    due: 'Standard czasu',
    views: 'Widoki kolejki',
    viewAll: 'Wszystkie aktywne zamówienia',
    viewAtRisk: 'Zagrożone',
    atRiskTitle: (code) => `Zagrożone w ${code}`,
    atRiskIntro:
      'Aktywne zamówienia, którym kończy się czas według standardu albo które już go przekroczyły; najbardziej opóźnione na początku.',
    atRiskCaption: 'Zagrożone zamówienia, od najbardziej opóźnionych',
    atRiskEmpty: 'Nic nie jest zagrożone. Każde aktywne zamówienie mieści się w standardzie czasu.',
    shortcutsTitle: 'Skróty klawiszowe',
    shortcuts: [
      ['j', 'następne zamówienie'],
      ['k', 'poprzednie zamówienie'],
      ['Enter', 'otwórz wybrane zamówienie'],
      ['c', 'przejmij wybrane zamówienie'],
      ['x', 'zaznacz wybrane zamówienie'],
    ],
    cannotClaim: (n) => `Nie można przejąć ${n}: przejąć można tylko otwarte zamówienia.`,
    someone: 'były członek zespołu',
    sortBy: 'Sortuj według',
    sortDirection: 'Kolejność',
    sortKeys: {
      due: 'Standard czasu',
      status: 'Stan',
      priority: 'Priorytet',
      age: 'Wiek',
      assignee: 'Przypisana osoba',
    },
    sortAscending: {
      due: 'Najpilniejsze najpierw',
      status: 'Oczekujące najpierw',
      priority: 'Pilne najpierw',
      age: 'Najstarsze najpierw',
      assignee: 'Od A do Z',
    },
    sortDescending: {
      due: 'Najmniej pilne najpierw',
      status: 'W realizacji najpierw',
      priority: 'Niskie najpierw',
      age: 'Najnowsze najpierw',
      assignee: 'Od Z do A',
    },
    selectAll: 'Zaznacz wszystkie widoczne zamówienia',
    selectOne: (n) => `Zaznacz ${n}`,
    selectedCount: (n) => `Zaznaczone zamówienia: ${n}`,
    bulkTitle: 'Zaznaczone zamówienia',
    claimSelected: 'Przejmij zaznaczone',
    assignTo: 'Przypisz do',
    choosePerson: 'Wybierz osobę',
    assignSelected: 'Przypisz zaznaczone',
    clearSelection: 'Odznacz wszystko',
    bulkClaimed: (n) => `Przejęte zamówienia: ${n}.`,
    bulkAssigned: (n, name) => `Przypisano do ${name}; zamówienia: ${n}.`,
    bulkFailedOne: (n, why) => `${n}: ${why}`,
    bulkPartly: (done, of, failures) => `Zrobiono ${done} z ${of}. Nie zrobiono: ${failures}`,
  },
};
