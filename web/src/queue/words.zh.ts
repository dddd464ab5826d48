/**
 * Words of the team queue, in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import type { queueWords as english } from './words.en.ts';

export const queueWords: typeof english = {
  queue: {
    title: (code) => `${code} 队列`,
    caption: '处理中的申请，最紧急的在前',
    empty: '队列为空，团队暂无待办。',
    claim: '认领',
    claimed: (n) => `您已认领 ${n}。`,
    filterStatus: '状态',
    filterPriority: '优先级',
    all: '全部',
    noMatch: '已加载的申请中没有符合筛选条件的。',
    filterSla: '时限标准',
    due: '时限标准',
    views: '队列视图',
    viewAll: '全部进行中的申请',
    viewAtRisk: '有风险',
    atRiskTitle: (code) => `${code} 有风险的申请`,
    atRiskIntro: '时限即将用尽或已超期的进行中申请，超期最久的在前。',
    atRiskCaption: '有风险的申请，超期最久的在前',
    atRiskEmpty: '没有风险。所有进行中的申请都在时限之内。',
    shortcutsTitle: '键盘快捷键',
    shortcuts: [
      ['j', '下一个申请'],
      ['k', '上一个申请'],
      ['Enter', '打开所选申请'],
      ['c', '认领所选申请'],
      ['x', '勾选所选申请'],
    ],
    cannotClaim: (n) => `无法认领 ${n}：只能认领待处理的申请。`,
    someone: '一位前团队成员',
    sortBy: '排序依据',
    sortDirection: '顺序',
    sortKeys: { due: '时限标准', status: '状态', priority: '优先级', age: '时长', assignee: '处理人' },
    sortAscending: {
      due: '最紧急的在前',
      status: '等待中的在前',
      priority: '紧急的在前',
      age: '最早的在前',
      assignee: 'A 到 Z',
    },
    sortDescending: {
      due: '最不紧急的在前',
      status: '处理中的在前',
      priority: '低优先级在前',
      age: '最新的在前',
      assignee: 'Z 到 A',
    },
    selectAll: '勾选所有显示的申请',
    selectOne: (n) => `勾选 ${n}`,
    selectedCount: (n) => `已勾选 ${n} 个申请`,
    bulkTitle: '已勾选的申请',
    claimSelected: '认领所选',
    assignTo: '分配给',
    choosePerson: '选择人员',
    assignSelected: '分配所选',
    clearSelection: '清除勾选',
    bulkClaimed: (n) => `您已认领 ${n} 个申请。`,
    bulkAssigned: (n, name) => `已将 ${n} 个申请分配给 ${name}。`,
    bulkFailedOne: (n, why) => `${n}: ${why}`,
    bulkPartly: (done, of, failures) => `已完成 ${done}/${of}。未完成：${failures}`,
  },
};
