/**
 * Every refusal in Polish: the messages of refusal-words.pl.json, held to the catalogue by the English
 * words' type (a missing code fails the typecheck), counted in the language's plural forms.
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.pl.json';

const grammar = refusalGrammar('pl-PL', ', ', (title) => (title ? `„${title}”` : 'bez tytułu'));

export const polishRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
