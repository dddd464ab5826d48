/** The living canvas and the service ranking in Chinese (canvas-words.ts has the English and the shape). */
import type { Code } from '#shared/dictionary.ts';
import type { CanvasStrings } from './canvas-words.ts';

export const code = {
  ranking: {
    formulaText: (w, total) =>
      `分数 = 质量 − 扣分；质量 = 100 × (${w.onTime} × 准时 + ${w.satisfaction} × 满意度 + ${w.demandGrowth} × 需求增长) ÷ ${total}；扣分 = 100 × (${w.rework} × 返工率 + ${w.clarifications} × 澄清率) ÷ ${total}。`,
  },
} satisfies Code<CanvasStrings>;
