/**
 * Words of a department's guided setup and the template picker, in English.
 * i18n/en.ts joins them into the dictionary; words.pl.ts, .ru, .nl and .zh say them in the other languages.
 */

import type { HolidayCountry } from '#shared/holidays.ts';
import type { SetupStep } from '#shared/setup.ts';
import type { TemplateArea } from '#shared/templates/types.ts';
import { plural } from '../i18n/en-grammar.ts';

export const setupWords = {
  setup: {
    link: 'Guided setup',
    title: (department: string) => `Set up ${department}`,
    intro:
      'Describe your department step by step and finish with services people can order. Your answers become the department’s canvas on its page. Skip any step and come back to it: your progress is kept.',
    headOnly: 'Only the head of the department runs its guided setup.',
    offer:
      'Nothing is published here yet: the guided setup takes you from the department canvas to your first services.',
    stepsLabel: 'Steps of the setup',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    state: { done: 'done', skipped: 'skipped', todo: 'to do' } satisfies Record<'done' | 'skipped' | 'todo', string>,
    example: 'For example',
    answer: 'Your answer',
    saveNext: 'Save and continue',
    skip: 'Skip for now',
    back: 'Back',
    saved: 'Saved.',
    fixMarked: 'Some answers above need correcting (they are marked); correct them and save again.',
    resumed: 'Welcome back: you go on where you left.',
    steps: {
      value: {
        name: 'Value',
        explain: 'Say in one or two sentences what your department does for the rest of the company.',
        example: 'We hire, onboard and look after our people, so every team has the staff it needs.',
      },
      customers: {
        name: 'Customers',
        explain: 'Name the people and teams who order from you, and what sets their needs apart.',
        example: 'Managers hiring for their teams; every employee for certificates and leave questions.',
      },
      ordering: {
        name: 'How people order',
        explain: 'Tell people where and how to ask you for something.',
        example: 'Order from the catalog in Ordo; urgent matters by phone on extension 200.',
      },
      delivery: {
        name: 'Delivery',
        explain: 'Describe how the result reaches the customer.',
        example: 'Documents by email as PDF; equipment handed over at the front desk.',
      },
      calendar: {
        name: 'Working hours',
        explain:
          'Time standards count only the hours you work. Check the time zone, hours and public holidays we suggest, and change what differs.',
        example: 'Monday to Friday, 09:00–17:00, Warsaw time, with Poland’s public holidays.',
      },
      processes: {
        name: 'Processes',
        explain:
          'List the main things you do for customers. Start each from a template: a draft you edit before it is published.',
        example: 'Onboarding a new employee; issuing an employment certificate.',
      },
      quality: {
        name: 'Quality',
        explain: 'Say how you check that the work is right before it leaves you.',
        example: 'A second person checks every contract before it is signed.',
      },
      standards: {
        name: 'Standards',
        explain:
          'Each service promises a first answer and a result within a time. The templates bring standards you can change: choose a draft below to open it. Note here what you promise overall.',
        example: 'First answer within 4 working hours; 90 % of orders done on time.',
      },
      resources: {
        name: 'Resources',
        explain: 'Name the people, tools and budget the work needs.',
        example: 'Three HR specialists, the payroll system, a budget for training.',
      },
      partners: {
        name: 'Partners',
        explain: 'Name the departments and suppliers you rely on.',
        example: 'IT for accounts and laptops; an external payroll office.',
      },
      publish: {
        name: 'Publish',
        explain:
          'Publishing puts a draft in the catalog: from that moment people find it and can order it. Before you publish, open each draft (its name) and check its form, who may order it and who owns it. Drafts you do not publish stay drafts; you find them later under Manage services on the department page.',
        example: 'Publish “Employment certificate” now and the onboarding service after one more review.',
      },
    } satisfies Record<SetupStep, { name: string; explain: string; example: string }>,
    calendar: {
      defaults: 'Suggested: Monday to Friday, 09:00–17:00. Change anything below.',
      suggestedHolidays: (country: string, year: number) =>
        `We filled in the public holidays of ${country} for ${year} and ${year + 1}: they are listed under Holidays below. Remove a day with ×, or add another country or year here.`,
      country: 'Public holidays of',
      noCountry: 'No country',
      year: 'Year',
      addHolidays: 'Add the public holidays',
      added: (n: number) => `${plural(n, 'holiday', 'holidays')} added.`,
      countries: {
        PL: 'Poland',
        DE: 'Germany',
        NL: 'Netherlands',
        GB: 'United Kingdom',
      } satisfies Record<HolidayCountry, string>,
    },
    drafts: 'Your drafts',
    noDrafts: 'No drafts yet: go back to Processes and start one from a template.',
    adoptedNext: (name: string) =>
      `“${name}” is a draft of your department now. You check and publish it in the last step, Publish.`,
    noTemplate: 'No template fits?',
    emptyService: 'Start an empty service',
    fromSheet: 'Import a list of services from a spreadsheet (CSV or XLSX)',
    nothingPublished: (code: string) =>
      `Nothing is published yet: people see no service of ${code} in the catalog until you publish one.`,
    publishOne: (name: string) => `Publish “${name}”`,
    published: (name: string) => `“${name}” is in the catalog.`,
    edit: (name: string) => `Edit “${name}”`,
    alreadyPublished: 'Published',
    finish: 'Finish and open the department page',
  },
  templates: {
    link: 'Start from a template',
    title: (code: string) => `Start a service of ${code} from a template`,
    intro:
      'Each template is a complete service: form, what the customer hands over, what they get back, stages and a time standard. Adopting one makes a draft you edit before publishing.',
    areas: {
      hr: 'Human resources',
      it: 'IT',
      finance: 'Finance',
      facilities: 'Facilities',
      legal: 'Legal',
    } satisfies Record<TemplateArea, string>,
    fields: 'Questions on the form',
    inputs: 'What the customer hands over',
    deliverables: 'What the customer gets',
    stages: 'Stages',
    standard: 'Time standard',
    none: 'none',
    adopt: (name: string) => `Adopt “${name}”`,
    adopting: 'Adopting…',
    already: (name: string) => `“${name}” is already one of your department’s services.`,
    openInEditor: 'Open it in the editor',
    otherAreas: 'Templates of other areas',
    contents: 'What it contains',
  },
};
