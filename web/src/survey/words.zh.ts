/**
 * Words of the 1–5 rating, in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { surveyWords as english } from './words.en.ts';

export const surveyWords: typeof english = {
  survey: {
    title: '您对我们的服务满意吗？',
    order: (n, title) => `申请 ${n}：${title}`,
    service: (name) => `服务：${name}`,
    thanks: (n) => `感谢您的评价：${n} 分（满分 5 分）`,
    scale: '1 表示非常不满意，5 表示非常满意。',
    scoreName: (n) => `${n} 分（满分 5 分）`,
    scoreWords: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
    category: '哪里出了问题？（选填）',
    categoryHint: '您的回答将发送给此服务的负责人，由其跟进。',
    noCategory: '我不想说',
    comment: '意见（选填）',
    commentHint: '哪些地方做得好，哪些地方需要改进？',
    save: '保存评分',
    change: '保存更改',
    saving: '正在保存…',
    saved: (n) => `已保存。您的评分：${n} 分（满分 5 分）。`,
    pick: '请选择 1 到 5 分。',
    changeHint: '您可以在下方修改评分或添加意见。',
    confirmHint: (n, button) => `您在邮件中选择了 ${n} 分（满分 5 分）。请点击“${button}”提交。`,
    expiredTitle: '此调查链接已过期',
    invalidTitle: '此调查链接无法使用',
    earlierTitle: '此调查已被替代',
    earlierHint: '在这封邮件之后，该申请被重新打开并再次解决。请使用最新邮件中的链接，或在申请页面上评分。',
    badLinkHint: '您仍可登录 Ordo 打开该申请，并在那里评分或发表意见。',
    openOrder: '在 Ordo 中打开申请',
  },
  lowScoreCategories: {
    too_slow: '耗时太长',
    incomplete: '有遗漏',
    not_what_i_asked: '与我的申请不符',
    unclear_communication: '沟通不清楚',
    other: '其他',
  },
};
