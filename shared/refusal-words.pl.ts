/**
 * Every refusal in Polish, typed by the catalogue like the English words (a missing or extra code
 * fails the typecheck). Counted nouns take Polish plural forms.
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.pl.json';

const grammar = refusalGrammar('pl-PL', ', ', (title) => (title ? `„${title}”` : 'bez tytułu'));

export const polishRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
