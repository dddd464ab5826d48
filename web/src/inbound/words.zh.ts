/**
 * Words of a department's incoming mail page, in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/zh-grammar.ts';
import type { inboundWords as english } from './words.en.ts';

export const inboundWords: typeof english = {
  inbound: {
    link: '收到的邮件',
    title: (code) => `${code} 收到的邮件`,
    intro: '发送到部门地址的邮件，以及对 Ordo 关于其申请的邮件的回复，最新的在前，并注明 Ordo 对每封邮件的处理。',
    headOnly: '只有部门负责人可以查看部门收到的邮件。',
    address: (address) => `发送到 ${address} 的邮件会提交申请。`,
    noAddress: '部门还没有自己的邮件地址；对 Ordo 邮件的回复仍会出现在这里。',
    caption: '部门收到的邮件，最新的在前。',
    empty: '还没有收到邮件。',
    received: '收到时间',
    from: '发件人',
    subject: '主题',
    outcome: 'Ordo 的处理',
    order: '申请',
    noSubject: '（无主题）',
    unknown: '未知',
    pending: '正在接收',
    answered: '已通过邮件告知发件人。',
    message: '邮件',
    download: '下载',
    downloadOf: (subject) => `下载原始邮件“${subject}”（.eml）`,
    downloading: '正在打开…',
    attachments: (n) => plural(n, '个附件'),
    outcomes: {
      commented: '已作为评论添加到申请',
      answered: '已回答申请中的问题',
      filed: '已提交申请',
      refused_unknown_sender: '已拒绝：Ordo 不认识发件人',
      refused_not_participant: '已拒绝：发件人不是该申请的参与者',
      refused_unauthenticated: '已拒绝：无法验证发件人',
      refused_bad_signature: '已拒绝：回复地址不真实',
      refused_too_large: '已拒绝：邮件过大',
      refused_unknown_address: '已拒绝：该地址无对应去处',
      refused_by_order: '被申请拒绝',
      dropped_auto_reply: '已忽略：自动回复',
      dropped_bulk: '已忽略：群发或列表邮件',
      dropped_loop: '已忽略：由 Ordo 自身发送',
      dropped_duplicate: '已忽略：重复的邮件',
    },
  },
};
