/**
 * The portal in Russian, in parts (en.ts joins them with portalIn): its own words from words.ru.json,
 * held to the English ones (words.en.ts) by the typecheck, the refusals, and each feature's words.
 */
import { dictionary } from '#shared/dictionary.ts';

export { russianRefusals as refusals } from '#shared/refusal-words.ru.ts';
export { accountWords } from '../account/words.ru.ts';
export { adminWords } from '../admin/words.ru.ts';
export { catalogWords } from '../catalog/words.ru.ts';
export { dashboardWords } from '../dashboard/words.ru.ts';
export { editorWords } from '../editor/words.ru.ts';
export { inboundWords } from '../inbound/words.ru.ts';
export { integrationWords } from '../integrations/words.ru.ts';
export { noteWords } from '../notes/words.ru.ts';
export { orderWords } from '../order/words.ru.ts';
export { queueWords } from '../queue/words.ru.ts';
export { setupWords } from '../setup/words.ru.ts';
export { surveyWords } from '../survey/words.ru.ts';
export { transferWords } from '../transfer/words.ru.ts';

import { grammar } from './ru-grammar.ts';
import { portal as english } from './words.en.ts';
import catalog from './words.ru.json';

export const portal = /* @__PURE__ */ dictionary(english, catalog, grammar);
