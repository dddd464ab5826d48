/**
 * Every refusal in Russian, typed by the catalogue like the English words (a missing or extra code
 * fails the typecheck). Counted nouns take Russian plural forms (one / few / many).
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.ru.json';

const grammar = refusalGrammar('ru-RU', ', ', (title) => (title ? `«${title}»` : 'без названия'));

export const russianRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
