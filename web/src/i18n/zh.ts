/**
 * The portal's words in Chinese (Simplified). Typed `Strings`, so a key missing here (or one too
 * many) fails the typecheck. Chinese nouns have one form for every number.
 */
import type { DueWords } from '#shared/due-words.ts';
import { chineseRefusals } from '#shared/refusal-words.zh.ts';
import { accountWords } from '../account/words.zh.ts';
import { adminWords } from '../admin/words.zh.ts';
import { catalogWords } from '../catalog/words.zh.ts';
import { dashboardWords } from '../dashboard/words.zh.ts';
import { editorWords } from '../editor/words.zh.ts';
import { inboundWords } from '../inbound/words.zh.ts';
import { integrationWords } from '../integrations/words.zh.ts';
import { noteWords } from '../notes/words.zh.ts';
import { orderWords } from '../order/words.zh.ts';
import { queueWords } from '../queue/words.zh.ts';
import { setupWords } from '../setup/words.zh.ts';
import { surveyWords } from '../survey/words.zh.ts';
import { transferWords } from '../transfer/words.zh.ts';
import type { Strings } from './en.ts';
import { num, orList, plural } from './zh-grammar.ts';

const due: DueWords = {
  minutes: (n) => `${n} 分钟`,
  hours: (n) => `${n} 小时`,
  days: (n) => `${n} 天`,
  workingDays: (n) => `${n} 个工作日`,
  due: (when, left) => `截止 ${when}，剩余工作时间 ${left}`,
  overdueBy: (duration) => `已超期 ${duration} 工作时间`,
  overdueSince: (when) => `自 ${when} 起已超期`,
};

export const zh: Strings = {
  appName: 'Ordo',
  locale: 'zh-CN',
  status: {
    submitted: '已提交',
    awaiting_approval: '待审批',
    awaiting_inputs: '待补充材料',
    open: '待处理',
    in_progress: '处理中',
    waiting_for_customer: '待申请人回复',
    resolved: '已解决',
    closed: '已关闭',
    cancelled: '已取消',
    rejected: '已拒绝',
  },
  due,
  refusals: chineseRefusals,
  languageNames: { en: 'English', pl: 'Polski', ru: 'Русский', nl: 'Nederlands', zh: '简体中文' },
  common: {
    loading: '加载中…',
    loadMore: '加载更多',
    loadingMore: '正在加载更多…',
    required: '必填',
    optional: '选填',
    none: '—',
    yes: '是',
    no: '否',
    nobody: '暂无',
    send: '发送',
    neverMind: '取消',
    retry: '重试',
    requiredNote: '标有 * 的字段为必填项。',
    save: '保存',
    saving: '正在保存…',
    add: '添加',
    remove: '移除',
    removeItem: (what) => `移除${what}`,
    moveUp: (what) => `上移${what}`,
    moveDown: (what) => `下移${what}`,
    fixBelow: '请先更正以下内容：',
    unsaved: '有未保存的更改。',
    leaveUnsaved: '有未保存的更改。仍要离开此页面吗？',
  },
  nav: {
    label: '主菜单',
    skip: '跳到正文',
    catalog: '服务目录',
    myOrders: '我的申请',
    queue: (code) => `${code} 队列`,
    dashboard: (code) => `${code} 仪表板`,
    myNumbers: (code) => `我的数据 ${code}`,
    profile: '个人资料',
    signedInAs: '当前登录',
    signOut: '退出登录',
    admin: '系统管理',
  },
  errors: {
    network: '暂时无法连接 Ordo。请检查网络连接后重试。',
    unexpected: '系统出现问题，请重试。',
    badRequest: '部分信息无效。',
    unauthorized: '会话已结束，请重新登录。',
    forbidden: '您无权访问此内容。',
    notFound: '未找到此内容。它可能已被删除，或链接有误。',
    conflict: '其他人同时修改了此内容。',
    rule: '当前无法执行此操作。',
    tooMany: '请求过多，请稍后重试。',
    checkValue: '请检查此值。',
  },
  serviceStatus: {
    draft: '草稿',
    published: '已发布',
    retired: '已停用',
  },
  standard: {
    words: (firstResponse, resolution) => `${firstResponse}内响应，${resolution}内完成`,
  },
  duration: {
    minutes: (n) => plural(n, '分钟'),
    hours: (n, working) => plural(n, working ? '个工作小时' : '小时'),
    days: (n, working) => plural(n, working ? '个工作日' : '天'),
  },
  upload: {
    limits: (types, size) => `${types}，不超过 ${size}。`,
    uploading: (name, percent) => `正在上传 ${name}：${percent}%`,
    uploaded: (name, size) => `已上传 ${name}（${size}）。`,
    kept: '已附加文件。如需替换，请选择其他文件。',
    removeFile: (name) => `移除 ${name}`,
    failed: '文件上传失败，请重试。',
    expired: '上传时间过长，请重新选择文件。',
    empty: '此文件为空。',
    badName: '无法使用此文件名。请重命名文件后重试。',
    tooBig: (max) => `文件过大。文件大小不能超过 ${max}。`,
    wrongType: (types) => `不接受此类文件。允许的类型：${types}。`,
    typeNames: {
      'application/pdf': 'PDF',
      'image/png': 'PNG',
      'image/jpeg': 'JPEG',
      'text/plain': '文本文件',
      'text/csv': 'CSV',
      'application/zip': 'ZIP',
    },
    orList,
    bytes: (n) => plural(n, '字节'),
    kilobytes: (n) => `${num(n)} KB`,
    megabytes: (n) => `${num(n)} MB`,
    download: (name) => `打开 ${name}`,
    newTab: '（在新标签页中打开）',
    opening: '正在打开…',
    preview: (name) => `已选择：${name}（预览中不会上传）。`,
  },
  priority: {
    low: '低',
    normal: '普通',
    high: '高',
    urgent: '紧急',
  },
  sla: {
    title: '时限标准',
    states: {
      running: '按时',
      warning: '有风险',
      breached: '已超期',
      paused: '已暂停',
      met: '已达成',
    },
    missed: '未达成',
    clocks: { first_response: '首次响应', resolution: '解决' },
    metAt: (when, used) => `已于 ${when} 达成，用时 ${used} 工作时间`,
    missedAt: (when, used) => `未达成：于 ${when} 停止，用时 ${used} 工作时间`,
    pausedLeft: (since, left) => `自 ${since} 起暂停，剩余工作时间 ${left}`,
    pausedShort: (left) => `已暂停，剩余工作时间 ${left}`,
    dueAt: (when) => `截止 ${when}`,
    noDue: '尚无截止时间',
    noStandard: '无时限标准',
    allMet: '时限标准均已达成',
    target: '标准',
    used: '已用工作时间',
    paused: '暂停（不计时）',
    version: '标准版本',
    versionNumber: (n) => `v${n}`,
    autoClose: '自动关闭',
    autoCloseWords: (when) => `${when}，除非您在此之前确认或重新打开`,
  },
  search: {
    label: '搜索申请',
    hintMine: '申请编号，或标题、您的回答或姓名中的词语。词语可以只输入开头。',
    hintDepartment: (code: string) =>
      `申请编号（或仅其数字），或标题、回答或申请人姓名中的词语：${code} 的所有申请，无论是否已完成。`,
    searching: '正在搜索…',
    found: (n: number, more: boolean) =>
      n === 0
        ? more
          ? '最新的申请中没有同时包含所有词语的；搜索到此为止。添加或更换词语可缩小范围。'
          : '没有匹配的申请。'
        : `找到 ${num(n)} 个申请${more ? '（仅显示最新的；添加更多词语可缩小范围）' : ''}。`,
    caption: '找到的申请，最新的在前',
  },
  notFound: {
    title: '未找到页面',
    text: '此地址没有内容。',
    home: '前往服务目录',
  },
  ...Object.assign({}, accountWords, catalogWords, orderWords),
  ...Object.assign({}, surveyWords, queueWords, dashboardWords),
  ...Object.assign({}, editorWords, adminWords, integrationWords),
  ...noteWords,
  ...inboundWords,
  ...transferWords,
  ...setupWords,
};
