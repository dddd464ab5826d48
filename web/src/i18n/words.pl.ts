/**
 * The portal in Polish, in parts (en.ts joins them with portalIn): its own words from words.pl.json,
 * held to the English ones (words.en.ts) by the typecheck, the refusals, and each feature's words.
 */
import { dictionary } from '#shared/dictionary.ts';

export { polishRefusals as refusals } from '#shared/refusal-words.pl.ts';
export { accountWords } from '../account/words.pl.ts';
export { adminWords } from '../admin/words.pl.ts';
export { catalogWords } from '../catalog/words.pl.ts';
export { dashboardWords } from '../dashboard/words.pl.ts';
export { editorWords } from '../editor/words.pl.ts';
export { inboundWords } from '../inbound/words.pl.ts';
export { integrationWords } from '../integrations/words.pl.ts';
export { noteWords } from '../notes/words.pl.ts';
export { orderWords } from '../order/words.pl.ts';
export { queueWords } from '../queue/words.pl.ts';
export { setupWords } from '../setup/words.pl.ts';
export { surveyWords } from '../survey/words.pl.ts';
export { transferWords } from '../transfer/words.pl.ts';

import { grammar } from './pl-grammar.ts';
import { portal as english } from './words.en.ts';
import catalog from './words.pl.json';

export const portal = /* @__PURE__ */ dictionary(english, catalog, grammar);
