/** A department queue's first page, started by its route while sign-in reads the profile (lib/early.ts): an agent's first page of the day. */
import { api } from '../lib/api.ts';
import { early } from '../lib/early.ts';

export const queueFirstPage = early((code: string, options) => api.queue(code, undefined, options));
