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
    ] as Array<[key: string, action: string]>,
    cannotClaim: (n: string) => `${n} cannot be claimed: only open orders can.`,
  },
};
