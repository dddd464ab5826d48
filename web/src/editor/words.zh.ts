/**
 * Words of the service, department and calendar editors, in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { editorWords as english } from './words.en.ts';
import catalog from './words.zh.json';

const suffix = (label: string) => (label ? `：${label}` : '');

/** What a message cannot say. */
const code = {
  editor: {
    titleTemplateHint: (ids) =>
      `申请标题中紧跟服务名称的内容，字段 ID 写在花括号中，例如 {fullName} 于 {startDate} 入职。字段：${ids || '暂无'}。留空：使用第一个短文本回答。`,
  },
} satisfies Code<typeof english>;

export const editorWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, { ...grammar, suffix }, code);
