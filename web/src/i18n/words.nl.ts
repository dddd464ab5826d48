/**
 * The portal in Dutch, in parts (en.ts joins them with portalIn): its own words from words.nl.json,
 * held to the English ones (words.en.ts) by the typecheck, the refusals, and each feature's words.
 */
import { dictionary } from '#shared/dictionary.ts';

export { dutchRefusals as refusals } from '#shared/refusal-words.nl.ts';
export { accountWords } from '../account/words.nl.ts';
export { adminWords } from '../admin/words.nl.ts';
export { catalogWords } from '../catalog/words.nl.ts';
export { dashboardWords } from '../dashboard/words.nl.ts';
export { editorWords } from '../editor/words.nl.ts';
export { inboundWords } from '../inbound/words.nl.ts';
export { integrationWords } from '../integrations/words.nl.ts';
export { noteWords } from '../notes/words.nl.ts';
export { orderWords } from '../order/words.nl.ts';
export { queueWords } from '../queue/words.nl.ts';
export { setupWords } from '../setup/words.nl.ts';
export { surveyWords } from '../survey/words.nl.ts';
export { transferWords } from '../transfer/words.nl.ts';

import { grammar } from './nl-grammar.ts';
import { portal as english } from './words.en.ts';
import catalog from './words.nl.json';

export const portal = /* @__PURE__ */ dictionary(english, catalog, grammar);
