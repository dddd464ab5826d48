/**
 * Words of a department's guided setup and the template picker, in Chinese (Simplified).
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/zh-grammar.ts';
import type { setupWords as english } from './words.en.ts';

export const setupWords: typeof english = {
  setup: {
    link: '分步设置',
    title: (code) => `设置部门 ${code}`,
    intro:
      '一步一步描述您的部门，最后发布可供订购的服务。您的回答会成为部门页面上的部门画布。任何一步都可以跳过，稍后再回来：进度会被保存。',
    headOnly: '只有部门负责人可以进行分步设置。',
    offer: '这里还没有发布任何服务：分步设置将带您从部门画布走到第一批服务。',
    stepsLabel: '设置步骤',
    stepOf: (n, total) => `第 ${n} 步，共 ${total} 步`,
    state: { done: '已完成', skipped: '已跳过', todo: '待完成' },
    example: '例如',
    answer: '您的回答',
    saveNext: '保存并继续',
    skip: '暂时跳过',
    back: '上一步',
    saved: '已保存。',
    fixMarked: '上方有些内容需要更正（已标出）；请更正后再次保存。',
    resumed: '欢迎回来：从您上次离开的地方继续。',
    steps: {
      value: {
        name: '价值',
        explain: '用一两句话说明您的部门为公司其他部门做什么。',
        example: '我们招聘、安排入职并关心员工，让每个团队都有所需的人手。',
      },
      customers: {
        name: '客户',
        explain: '列出向您订购的人员和团队，以及他们需求的不同之处。',
        example: '为团队招聘的经理；所有需要证明或咨询休假的员工。',
      },
      ordering: {
        name: '如何订购',
        explain: '告诉大家在哪里、如何向您提出请求。',
        example: '在 Ordo 目录中订购；紧急事项请拨分机 200。',
      },
      delivery: {
        name: '交付',
        explain: '说明结果如何送到客户手中。',
        example: '文件以 PDF 通过电子邮件发送；设备在前台领取。',
      },
      calendar: {
        name: '工作时间',
        explain: '时间标准只计算工作时间。请检查我们建议的时区、工作时间和公共假日，并修改不同之处。',
        example: '周一至周五 09:00–17:00，华沙时间，含波兰公共假日。',
      },
      processes: {
        name: '流程',
        explain: '列出您为客户做的主要工作。每项都可以从模板开始：它是一份草稿，发布前由您编辑。',
        example: '新员工入职；开具在职证明。',
      },
      quality: {
        name: '质量',
        explain: '说明工作交出之前您如何检查其正确性。',
        example: '每份合同签署前由第二个人复核。',
      },
      standards: {
        name: '标准',
        explain:
          '每项服务都承诺在一定时间内首次答复并完成。模板自带可修改的标准：在下方选择一份草稿即可打开。请在这里写下您的总体承诺。',
        example: '4 个工作小时内首次答复；90% 的订单按时完成。',
      },
      resources: {
        name: '资源',
        explain: '列出工作所需的人员、工具和预算。',
        example: '三名人事专员、薪资系统、培训预算。',
      },
      partners: {
        name: '合作伙伴',
        explain: '列出您依赖的部门和供应商。',
        example: 'IT 负责账户和笔记本电脑；外部薪资代理机构。',
      },
      publish: {
        name: '发布',
        explain:
          '发布会把草稿放进目录：从这一刻起，大家就能找到并订购它。发布前请打开每份草稿（点击名称），检查表单、谁可以订购以及负责人。未发布的草稿仍是草稿；之后可在部门页面的“管理服务”中找到。',
        example: '现在发布“在职证明”，入职服务再审一次后发布。',
      },
    },
    calendar: {
      defaults: '建议：周一至周五 09:00–17:00。可在下方修改任何内容。',
      suggestedHolidays: (country, year) =>
        `我们已填入${country}${year}年和${year + 1}年的公共假日：列在下方“节假日”中。用 × 删除某一天，或在此添加其他国家或年份。`,
      country: '公共假日所属国家',
      noCountry: '不选国家',
      year: '年份',
      addHolidays: '添加公共假日',
      added: (n) => `已添加 ${plural(n, '个假日')}。`,
      countries: { PL: '波兰', DE: '德国', NL: '荷兰', GB: '英国' },
    },
    drafts: '您的草稿',
    noDrafts: '还没有草稿：请回到“流程”一步，从模板开始。',
    adoptedNext: (name) => `“${name}”现在是您部门的草稿。您将在最后一步“发布”中检查并发布它。`,
    noTemplate: '没有合适的模板？',
    emptyService: '新建空白服务',
    fromSheet: '从表格导入服务列表（CSV 或 XLSX）',
    nothingPublished: (code) => `尚未发布任何内容：在您发布之前，目录中看不到 ${code} 的任何服务。`,
    publishOne: (name) => `发布“${name}”`,
    published: (name) => `“${name}”已在目录中。`,
    edit: (name) => `编辑“${name}”`,
    alreadyPublished: '已发布',
    finish: '完成并打开部门页面',
  },
  templates: {
    link: '从模板开始',
    title: (code) => `从模板创建 ${code} 的服务`,
    intro:
      '每个模板都是一项完整的服务：表单、客户需提交的内容、客户得到的结果、阶段和时间标准。采用模板会生成一份草稿，发布前由您编辑。',
    areas: { hr: '人力资源', it: '信息技术', finance: '财务', facilities: '行政后勤', legal: '法务' },
    fields: '表单问题',
    inputs: '客户需提交',
    deliverables: '客户将得到',
    stages: '阶段',
    standard: '时间标准',
    none: '无',
    adopt: (name) => `采用“${name}”`,
    adopting: '正在采用…',
    already: (name) => `“${name}”已是您部门的服务之一。`,
    openInEditor: '在编辑器中打开',
    otherAreas: '其他领域的模板',
    contents: '包含内容',
  },
};
