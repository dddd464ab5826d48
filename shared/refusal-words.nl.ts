/**
 * Every refusal in Dutch, typed by the catalogue like the English words (a missing or extra code
 * fails the typecheck).
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.nl.json';

const grammar = refusalGrammar('nl-NL', ', ', (title) => (title ? `‘${title}’` : 'zonder titel'));

export const dutchRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
