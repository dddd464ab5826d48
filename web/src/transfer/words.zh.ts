/**
 * Words of a department's catalog export and import page, in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import type { transferWords as english } from './words.en.ts';

export const transferWords: typeof english = {
  transfer: {
    link: '导出和导入',
    title: (code) => `导出和导入 ${code} 的服务目录`,
    intro: '将部门的设置和服务作为一个文件转移到其他环境或公司，或从电子表格开始。',
    headOnly: '只有部门负责人可以导出和导入其服务目录。',
    exportTitle: '导出',
    exportHint:
      '文件包含部门名称、联系地址、日历和画布，以及所有服务（包括草稿和已停用的服务）及其所涉及人员的 ID：负责人、审批人和接收每个订单通知的人。负责人、目标和数据保留在此处。在其他地方导入时，会拒绝当地没有的人员 ID。',
    download: '下载服务目录（JSON）',
    downloaded: (name) => `已保存为 ${name}。`,
    importTitle: '导入',
    importHint:
      '选择从 Ordo 导出的目录文件（JSON），或包含 name、summary、description、tags、owner（电子邮件或 ID）和 resolution（工作小时，如 16h，或工作日，如 3d）列的服务列表（CSV）。在写入任何内容之前，您会看到将发生的变化。',
    file: '目录文件（JSON 或 CSV）',
    reading: '正在读取文件…',
    notJson: '此文件不是 JSON。请选择从 Ordo 导出的目录文件，或 CSV 格式的服务列表。',
    previewTitle: '导入将带来的变化',
    problemsTitle: '在文件中更正以下问题之前，不会导入任何内容：',
    department: '部门设置',
    caption: '文件中的服务（按文件顺序）',
    service: '服务',
    change: '变化',
    fields: '变化内容',
    added: '作为草稿添加',
    changed: '已更改',
    unchanged: '未更改',
    counts: (added, changed, unchanged) => `添加：${added}。更改：${changed}。未更改：${unchanged}。`,
    fieldNames: {
      name: '名称',
      summary: '摘要',
      description: '描述',
      tags: '标签',
      ownerId: '负责人',
      audience: '谁可以下单',
      form: '表单',
      inputs: '申请人提交的内容',
      deliverables: '我们交付的内容',
      stages: '阶段',
      approval: '审批',
      titleTemplate: '订单标题',
      standard: '时间标准',
      scheduledStandard: '计划中的标准',
      survey: '调查',
      reportTo: '接收订单通知的人',
      bundle: '组合',
      translations: '翻译',
      retention: '个人数据保留',
      contactEmail: '联系地址',
      calendar: '工作日历',
      canvas: '服务画布',
    },
    apply: '执行导入',
    applying: '正在导入…',
    applied: '已导入。新服务为草稿：请在服务页面检查并发布。',
  },
};
