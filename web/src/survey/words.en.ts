/**
 * Words of the 1–5 rating, in English.
 * i18n/en.ts joins them into the dictionary; words.pl.ts says them in Polish.
 */

import type { LowScoreCategory } from '#shared/stats.ts';

export const surveyWords = {
  survey: {
    title: 'How did we do?',
    order: (n: string, title: string) => `Order ${n}: ${title}`,
    service: (name: string) => `Service: ${name}`,
    thanks: (n: number) => `Thank you — you rated ${n} of 5`,
    scale: '1 means very dissatisfied, 5 very satisfied.',
    scoreName: (n: number) => `${n} of 5`,
    scoreWords: [
      'very dissatisfied',
      'dissatisfied',
      'neither satisfied nor dissatisfied',
      'satisfied',
      'very satisfied',
    ] as [string, string, string, string, string],
    category: 'What went wrong?\u00a0(optional)',
    categoryHint: 'Your answer goes to the person responsible for this service, who follows it up.',
    noCategory: 'I would rather not say',
    comment: 'Comment\u00a0(optional)',
    commentHint: 'What went well, or what should be better?',
    save: 'Save my rating',
    change: 'Save changes',
    saving: 'Saving…',
    saved: (n: number) => `Saved. You rated ${n} of 5.`,
    pick: 'Choose a rating from 1 to 5.',
    changeHint: 'You can change your rating or add a comment below.',
    confirmHint: (n: number, button: string) => `You chose ${n} of 5 in the email. Press “${button}” to send it.`,
    expiredTitle: 'This survey link has expired',
    invalidTitle: 'This survey link cannot be used',
    earlierTitle: 'This survey has been replaced',
    earlierHint:
      'The order was reopened and resolved again since this email. Use the link in the newest email, or rate it on the order page.',
    badLinkHint: 'You can still open the order in Ordo after signing in and rate or comment there.',
    openOrder: 'Open the order in Ordo',
  },
  lowScoreCategories: {
    too_slow: 'It took too long',
    incomplete: 'Something was missing',
    not_what_i_asked: 'It was not what I asked for',
    unclear_communication: 'Communication was unclear',
    other: 'Something else',
  } satisfies Record<LowScoreCategory, string>,
};
