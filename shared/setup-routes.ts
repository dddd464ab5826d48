/**
 * The guided-setup routes of the API contract (contract.ts spreads them into its table): a
 * department's head reads and marks their progress through the setup (shared/setup.ts). The answers
 * themselves go where they always go: the canvas and calendar with PUT /departments/:code, services
 * from templates and publishing with the services' routes.
 */
import * as z from 'zod/mini';
import type { Audience } from './access.ts';
import { departmentCodeParam } from './api.ts';
import { answer } from './route-answer.ts';
import { SETUP_STEPS, type SetupView, STEP_MARKS } from './setup.ts';

/** PUT /departments/:code/setup: one step done or skipped (marking it again replaces its mark). */
export const setupMarkBody = z.strictObject({
  step: z.enum(SETUP_STEPS),
  mark: z.enum(STEP_MARKS),
});

const HEAD = 'departmentHead' satisfies Audience;

export const SETUP_ROUTES = {
  'GET /departments/:code/setup': {
    audience: HEAD,
    tag: 'services',
    summary: 'The head’s progress through the department’s guided setup, and the step to go on with.',
    params: { code: departmentCodeParam },
    response: answer<SetupView>('SetupView'),
  },
  'PUT /departments/:code/setup': {
    audience: HEAD,
    write: true,
    tag: 'services',
    summary: 'Mark one step of the guided setup done or skipped.',
    params: { code: departmentCodeParam },
    body: setupMarkBody,
    response: answer<SetupView>('SetupView'),
  },
} as const;
