/** The living canvas and the service ranking in Dutch (canvas-words.ts has the English and the shape). */

import type { Code } from '#shared/dictionary.ts';
import type { CanvasStrings } from './canvas-words.ts';

export const code = {
  ranking: {
    formulaText: (w, total) =>
      `score = kwaliteit − straf; kwaliteit = 100 × (${w.onTime} × op tijd + ${w.satisfaction} × tevredenheid + ${w.demandGrowth} × groei van de vraag) ÷ ${total}; straf = 100 × (${w.rework} × aandeel herstel + ${w.clarifications} × aandeel verduidelijkingen) ÷ ${total}.`,
  },
} satisfies Code<CanvasStrings>;
