/**
 * Every refusal in Russian: the messages of refusal-words.ru.json, held to the catalogue by the English
 * words' type (a missing code fails the typecheck), counted in the language's plural forms.
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.ru.json';

const grammar = refusalGrammar('ru-RU', ', ', (title) => (title ? `«${title}»` : 'без названия'));

export const russianRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
