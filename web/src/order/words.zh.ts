/**
 * Words of the order pages: my orders, an order, its actions and timeline, the clarification answer,
 * in Chinese (Simplified).
 * The words are in words.zh.json, held to the English ones (words.en.ts) by the typecheck.
 */

import { type Code, dictionary } from '#shared/dictionary.ts';
import { grammar } from '../i18n/zh-grammar.ts';
import { orderWords as english } from './words.en.ts';
import catalog from './words.zh.json';

/** What a message cannot say. */
const code = {
  order: {
    surveySkipped: (lastInvited, days) =>
      `此申请未发送调查邮件：${lastInvited ? `您已于 ${lastInvited} 收到关于另一个申请的调查，而` : ''}我们每 ${days ?? 14} 天最多向每人发送一次调查，以免打扰。您仍可在此评分。`,
  },
} satisfies Code<typeof english>;

export const orderWords: typeof english = /* @__PURE__ */ dictionary(english, catalog, grammar, code);
