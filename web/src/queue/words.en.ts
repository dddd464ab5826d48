/**
 * Words of the team queue, in English.
 * i18n/en.ts joins them into the dictionary; words.pl.ts says them in Polish.
 */

export const queueWords = {
  queue: {
    title: (code: string) => `Queue ${code}`,
    caption: 'Active orders, the most urgent due first',
    empty: 'The queue is empty. Nothing waits for the team.',
    claim: 'Claim',
    claimed: (n: string) => `You claimed ${n}.`,
    filterStatus: 'Status',
    filterPriority: 'Priority',
    all: 'All',
    noMatch: 'No loaded order matches these filters.',
    filterSla: 'Time standard',
    due: 'Time standard',
    views: 'Queue views',
    viewAll: 'All active orders',
    viewAtRisk: 'At risk',
    atRiskTitle: (code: string) => `At risk in ${code}`,
    atRiskIntro: 'Active orders whose time standard is close to running out or already missed, the most overdue first.',
    atRiskCaption: 'Orders at risk, the most overdue first',
    atRiskEmpty: 'Nothing is at risk. Every active order is within its time standard.',
    shortcutsTitle: 'Keyboard shortcuts',
    shortcuts: [
      ['j', 'next order'],
      ['k', 'previous order'],
      ['Enter', 'open the chosen order'],
      ['c', 'claim the chosen order'],
      ['x', 'select the chosen order'],
    ] as Array<[key: string, action: string]>,
    cannotClaim: (n: string) => `${n} cannot be claimed: only open orders can.`,
    /** An assignee whose name the page could not learn. */
    someone: 'a former team member',
    sortBy: 'Sort by',
    sortDirection: 'Order',
    sortKeys: { due: 'Time standard', status: 'Status', priority: 'Priority', age: 'Age', assignee: 'Assignee' },
    sortAscending: {
      due: 'Most urgent first',
      status: 'Waiting first',
      priority: 'Urgent first',
      age: 'Oldest first',
      assignee: 'A to Z',
    },
    sortDescending: {
      due: 'Least urgent first',
      status: 'In progress first',
      priority: 'Low first',
      age: 'Newest first',
      assignee: 'Z to A',
    },
    selectAll: 'Select all orders shown',
    selectOne: (n: string) => `Select ${n}`,
    selectedCount: (n: number) => (n === 1 ? '1 order selected' : `${n} orders selected`),
    bulkTitle: 'Selected orders',
    claimSelected: 'Claim selected',
    assignTo: 'Assign to',
    choosePerson: 'Choose a person',
    assignSelected: 'Assign selected',
    clearSelection: 'Clear selection',
    bulkClaimed: (n: number) => (n === 1 ? 'You claimed 1 order.' : `You claimed ${n} orders.`),
    bulkAssigned: (n: number, name: string) =>
      n === 1 ? `1 order assigned to ${name}.` : `${n} orders assigned to ${name}.`,
    bulkFailedOne: (n: string, why: string) => `${n}: ${why}`,
    bulkPartly: (done: number, of: number, failures: string) => `${done} of ${of} done. Not done: ${failures}`,
  },
};
