/**
 * Words of the notifications in the header (the bell), in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { num } from '../i18n/zh-grammar.ts';
import type { noteWords as english } from './words.en.ts';

export const noteWords: typeof english = {
  notes: {
    bell: (unread) =>
      unread === 0 ? '通知，无未读' : unread >= 100 ? '通知，超过 99 条未读' : `通知，${num(unread)} 条未读`,
    title: '通知',
    markAll: '全部标为已读',
    empty: '暂无新消息。您的申请有变化时会显示在这里。',
    unread: '未读',
    older: '显示更早的通知',
    close: '关闭通知',
    kept: '通知保留 90 天。',
    someone: '申请人',
    event: {
      order_received: (f) => `我们已收到您的申请 ${f.number}`,
      new_in_queue: (f) => `队列中有新申请 ${f.number}，来自 ${f.name}`,
      approval_needed: (f) => `${f.name} 的申请 ${f.number} 等待您审批`,
      assigned: (f) => `申请 ${f.number} 已分配给您`,
      clarification_requested: (f) => `团队就申请 ${f.number} 向您提了一个问题`,
      requester_asked: (f) => `团队就申请 ${f.number} 向 ${f.name} 提了一个问题`,
      customer_replied: (f) => `${f.name} 回答了您关于申请 ${f.number} 的问题`,
      order_resolved: (f) => `申请 ${f.number} 已完成：请查看交付内容`,
      order_rejected: (f) => `申请 ${f.number} 未被受理`,
      order_cancelled: (f) => `申请 ${f.number} 已取消`,
      requester_cancelled: (f) => `${f.name} 取消了申请 ${f.number}`,
      requester_commented: (f) => `${f.name} 评论了申请 ${f.number}`,
      team_commented: (f) => `团队评论了申请 ${f.number}`,
      order_closed: (f) => `申请 ${f.number} 已关闭`,
      order_reopened: (f) => `${f.name} 重新打开了申请 ${f.number}`,
      inputs_missing: (f) => `请提交申请 ${f.number} 仍缺少的材料`,
      inputs_returned: (f) => `请修改您为申请 ${f.number} 提交的材料`,
      stage_changed: (f) => `申请 ${f.number} 已进入下一阶段`,
      sla_warning: (f) => `申请 ${f.number} 即将超出时间标准`,
      sla_breach: (f) => `申请 ${f.number} 已超出时间标准`,
      survey_invitation: (f) => `请为申请 ${f.number} 的处理打分`,
      low_rating: (f) => `${f.name} 给申请 ${f.number} 打了低分：已为您开启跟进任务`,
      daily_digest: () => '您的每日摘要',
    },
  },
};
