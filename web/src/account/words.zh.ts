/**
 * Words of signing in and of the profile page, in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { accountWords as english } from './words.en.ts';

export const accountWords: typeof english = {
  signIn: {
    title: '登录',
    intro: 'Ordo 使用您所在组织的账号登录，登录后会返回此页面。',
    button: '登录',
    redirecting: '正在跳转到登录页面…',
    signingIn: '正在登录…',
    signedOut: '您已退出登录。',
    failed: '登录失败，请重试。',
    refused: (reason) => `登录服务拒绝了请求：${reason}`,
    notAccepted: 'Ordo 未接受此次登录。请重试；如果问题持续出现，请联系管理员。',
    notConfigured: '此 Ordo 尚未配置登录：配置中未指定身份提供方。',
    draftsKept: '您已退出登录，已输入的文字已保留。',
  },
  profile: {
    title: '我的资料',
    name: '姓名',
    email: '电子邮件',
    roles: '角色',
    employee: '员工',
    agentOf: (code) => `${code} 处理人员`,
    headOf: (code) => `${code} 负责人`,
    admin: '管理员',
    notificationsTitle: '邮件通知',
    notificationsLegend: '在以下情况发邮件给我',
    notificationsIntro: '取消勾选不需要的通知。需要您处理的邮件（团队提问、审批、时限风险、满意度调查）总会发送。',
    events: {
      stage_changed: '我的申请进入下一阶段',
      order_closed: '我关注的申请已关闭',
      order_reopened: '申请人重新打开了我团队的申请',
      new_in_queue: '我团队的队列中有新申请',
      customer_replied: '申请人回复了我团队的提问',
      requester_commented: '申请人对我处理的申请发表了评论',
      team_commented: '团队对我的申请发表了评论',
    },
    save: '保存通知设置',
    saved: '通知设置已保存。',
    languageTitle: '语言',
    languageLabel: 'Ordo 的语言',
    languageHint: '在您登录的所有设备上，Ordo 都将以此语言显示页面。',
    languageSave: '保存语言',
    languageSaving: '正在切换语言…',
    languageSaved: '语言已保存。',
  },
};
