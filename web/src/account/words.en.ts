/**
 * Words of signing in and of the profile page, in English.
 * i18n/en.ts joins them into the dictionary; words.pl.ts says them in Polish.
 */

import type { MutableEvent } from '#shared/notifications.ts';

export const accountWords = {
  signIn: {
    title: 'Sign in',
    intro: 'Ordo signs you in with your organisation’s account, and brings you back here afterwards.',
    button: 'Sign in',
    redirecting: 'Taking you to sign-in…',
    signingIn: 'Signing you in…',
    signedOut: 'You are signed out.',
    failed: 'Signing in did not work. Please try again.',
    refused: (reason: string) => `The sign-in service said no: ${reason}`,
    notAccepted: 'Ordo did not accept this sign-in. Try again, or ask an administrator if it keeps happening.',
    notConfigured: 'Sign-in is not set up for this Ordo: its configuration names no identity provider.',
    draftsKept: 'You were signed out; your text was kept.',
  },
  profile: {
    title: 'Your profile',
    name: 'Name',
    email: 'Email',
    roles: 'Roles',
    employee: 'Employee',
    agentOf: (code: string) => `Agent in ${code}`,
    headOf: (code: string) => `Head of ${code}`,
    admin: 'Administrator',
    notificationsTitle: 'Email notifications',
    notificationsLegend: 'Email me when',
    notificationsIntro:
      'Untick what you do not need. Emails that ask you to act — a question from the team, an approval, a time standard at risk, a survey — are always sent.',
    events: {
      stage_changed: 'my order moves to its next stage',
      order_closed: 'an order I follow is closed',
      order_reopened: 'a requester reopens an order of my team',
      new_in_queue: 'a new order arrives in my team’s queue',
      customer_replied: 'a requester answers my team’s question',
      requester_commented: 'a requester comments on an order I handle',
      team_commented: 'the team comments on my order',
    } satisfies Record<MutableEvent, string>,
    save: 'Save notifications',
    saved: 'Your notification choices were saved.',
    languageTitle: 'Language',
    languageLabel: 'Language of Ordo',
    languageHint: 'Ordo shows its pages in this language on every device you sign in on.',
    languageSave: 'Save language',
    languageSaving: 'Switching the language…',
    languageSaved: 'Your language was saved.',
  },
};
