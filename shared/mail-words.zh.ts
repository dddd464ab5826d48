/** Every word Ordo's emails say, in Chinese (Simplified); typed by the English ones (shared/mail-words.ts). */
import type { MailWords } from './mail-words.ts';

export const zh: MailWords = {
  locale: 'zh-CN',
  quote: (text) => `“${text}”`,
  events: {
    order_received: {
      subject: (ref) => `我们已收到您的申请 ${ref}`,
      lead: (o) => `您申请的“${o.serviceName}”已登记，编号为 ${o.number}。您可以在 Ordo 中跟踪进度。`,
    },
    new_in_queue: {
      subject: (ref) => `队列中有新申请：${ref}`,
      lead: (o) => `${o.requesterName} 申请了“${o.serviceName}”。`,
    },
    approval_needed: {
      subject: (ref) => `需要审批：${ref}`,
      lead: (o) => `${o.requesterName} 申请了“${o.serviceName}”，正在等待您的审批。`,
    },
    assigned: {
      subject: (ref) => `已分配给您：${ref}`,
      lead: (o) => `申请 ${o.number} 现已分配给您处理。`,
    },
    clarification_requested: {
      subject: (ref) => `需要您提供信息：${ref}`,
      lead: () => '团队提出了一个问题，需要您回答后才能继续。请在 Ordo 中回答。',
    },
    requester_asked: {
      subject: (ref) => `向申请人提问：${ref}`,
      lead: (o) =>
        `您关注了此申请。团队向 ${o.requesterName} 提出了一个问题，需回答后才能继续；该问题由 ${o.requesterName} 回答。`,
    },
    customer_replied: {
      subject: (ref) => `申请人已回复：${ref}`,
      lead: (o) => `${o.requesterName} 回答了您的问题。`,
    },
    order_resolved: {
      subject: (ref) => `已完成：${ref}`,
      lead: () => '团队已解决您的申请。请查看交付的内容并确认；如有缺漏，请重新打开申请。',
    },
    order_rejected: {
      subject: (ref) => `未受理：${ref}`,
      lead: () => '团队无法受理此申请。',
    },
    order_cancelled: {
      subject: (ref) => `已取消：${ref}`,
      lead: () => '申请已取消。',
    },
    requester_cancelled: {
      subject: (ref) => `申请人已取消：${ref}`,
      lead: (o) => `${o.requesterName} 取消了申请。请停止相关工作。`,
    },
    requester_commented: {
      subject: (ref) => `新评论：${ref}`,
      lead: (o) => `${o.requesterName} 对申请发表了评论：`,
    },
    team_commented: {
      subject: (ref) => `团队留言：${ref}`,
      lead: (o) => `团队对申请 ${o.number} 发表了评论：`,
    },
    order_closed: {
      subject: (ref) => `已关闭：${ref}`,
      lead: () => '申请已关闭。谢谢。',
    },
    order_reopened: {
      subject: (ref) => `已重新打开：${ref}`,
      lead: (o) => `${o.requesterName} 重新打开了申请。缺少的内容或存在的问题：`,
    },
    inputs_missing: {
      subject: (ref) => `请提供缺少的材料：${ref}`,
      lead: (o) => `您提供以下材料后即开始处理：${o.missing}。`,
    },
    inputs_returned: {
      subject: (ref) => `请修改您提供的材料：${ref}`,
      lead: (o) => `团队退回了部分不完整的材料。仍缺少：${o.missing}。`,
    },
    stage_changed: {
      subject: (ref) => `进入下一阶段：${ref}`,
      lead: () => '您的申请已进入下一阶段。',
    },
    sla_warning: {
      subject: (ref) => `有超期风险：${ref}`,
      lead: (o) => `申请 ${o.number} 即将超出时限标准。`,
    },
    sla_breach: {
      subject: (ref) => `已超出时限标准：${ref}`,
      lead: (o) => `申请 ${o.number} 已超出时限标准。`,
    },
    survey_invitation: {
      subject: (ref) => `您对我们的服务满意吗？${ref}`,
      lead: () => '您的申请已解决。只需点击一下，即可告诉团队您的满意程度：',
    },
    low_rating: {
      subject: (ref) => `低分评价：${ref}`,
      lead: (o) => `${o.requesterName} 给此申请打了低分。已为您创建跟进事项。`,
    },
    daily_digest: {
      subject: (ref) => `每日摘要：${ref}`,
      lead: () => '您的每日摘要。',
    },
  },
  answerHere: (url) => `在此回答：${url}`,
  answerButton: '回答问题',
  openOrderText: (url) => `打开申请：${url}`,
  openOrderLink: (number) => `打开申请 ${number}`,
  handedBack: '交付的内容：',
  attached: (file) => `附件：${file}`,
  signature: '— Ordo',
  ratings: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  escalation: (clock, missed, due) => {
    const standard = clock === 'firstResponse' ? '首次响应时限' : '解决时限';
    return due ? `${standard} — ${missed ? '已于' : '截止'} ${due}${missed ? ' 到期' : ''}` : standard;
  },
  digest: {
    subject: (code, day, late, open) => `${code} 每日摘要 ${day}：${late} 个有风险或已超期，${open} 个待处理`,
    greeting: '早上好。',
    summary: (code, open, late) => `${code} 有 ${open} 个待处理的申请；其中 ${late} 个已超出或即将超出时限标准。`,
    state: { breached: '已超期', at_risk: '有风险' },
    dashboardText: (url) => `仪表板：${url}`,
    dashboardLink: '打开仪表板',
  },
};
