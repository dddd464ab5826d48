/**
 * The portal in Chinese (Simplified), in parts (en.ts joins them with portalIn): its own words from words.zh.json,
 * held to the English ones (words.en.ts) by the typecheck, the refusals, and each feature's words.
 */
import { dictionary } from '#shared/dictionary.ts';

export { chineseRefusals as refusals } from '#shared/refusal-words.zh.ts';
export { accountWords } from '../account/words.zh.ts';
export { adminWords } from '../admin/words.zh.ts';
export { catalogWords } from '../catalog/words.zh.ts';
export { dashboardWords } from '../dashboard/words.zh.ts';
export { editorWords } from '../editor/words.zh.ts';
export { inboundWords } from '../inbound/words.zh.ts';
export { integrationWords } from '../integrations/words.zh.ts';
export { noteWords } from '../notes/words.zh.ts';
export { orderWords } from '../order/words.zh.ts';
export { queueWords } from '../queue/words.zh.ts';
export { setupWords } from '../setup/words.zh.ts';
export { surveyWords } from '../survey/words.zh.ts';
export { transferWords } from '../transfer/words.zh.ts';

import { portal as english } from './words.en.ts';
import catalog from './words.zh.json';
import { grammar } from './zh-grammar.ts';

export const portal = /* @__PURE__ */ dictionary(english, catalog, grammar);
