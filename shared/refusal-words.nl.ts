/**
 * Every refusal in Dutch: the messages of refusal-words.nl.json, held to the catalogue by the English
 * words' type (a missing code fails the typecheck), counted in the language's plural forms.
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.nl.json';

const grammar = refusalGrammar('nl-NL', ', ', (title) => (title ? `‘${title}’` : 'zonder titel'));

export const dutchRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
