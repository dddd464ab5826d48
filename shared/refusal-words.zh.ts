/**
 * Every refusal in Chinese (Simplified), typed by the catalogue like the English words (a missing or
 * extra code fails the typecheck). Chinese nouns have one form for every number.
 */
import { dictionary } from './dictionary.ts';
import { refusalGrammar } from './grammar.ts';
import { englishRefusals, type RefusalWords } from './refusal-words.en.ts';
import catalog from './refusal-words.zh.json';

const grammar = refusalGrammar('zh-CN', '、', (title) => (title ? `“${title}”` : '（无标题）'));

export const chineseRefusals: RefusalWords = /* @__PURE__ */ dictionary(englishRefusals, catalog, grammar);
