/**
 * Every refusal in Chinese (Simplified): the messages of refusal-words.zh.json, held to the catalogue by the English
 * words' type (a missing code fails the typecheck), counted in the language's plural forms.
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.zh.json';

const grammar = refusalGrammar('zh-CN', '、', (title) => (title ? `“${title}”` : '（无标题）'));

export const chineseRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
