/** The living canvas and the service ranking in Russian (canvas-words.ts has the English and the shape). */
import type { Code } from '#shared/dictionary.ts';
import type { CanvasStrings } from './canvas-words.ts';

export const code = {
  ranking: {
    formulaText: (w, total) =>
      `балл = качество − штраф; качество = 100 × (${w.onTime} × в срок + ${w.satisfaction} × удовлетворённость + ${w.demandGrowth} × рост спроса) ÷ ${total}; штраф = 100 × (${w.rework} × доля доработок + ${w.clarifications} × доля уточнений) ÷ ${total}.`,
  },
} satisfies Code<CanvasStrings>;
