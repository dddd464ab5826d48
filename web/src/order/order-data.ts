/** The order page's order, started by its route while sign-in reads the profile (lib/early.ts): an emailed link's first page. */
import { api } from '../lib/api.ts';
import { early } from '../lib/early.ts';

export const orderData = early((number: string, options) => api.order(number, options));
