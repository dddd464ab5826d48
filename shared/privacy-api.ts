/** The request schemas of a person's export and erasure (shared/contract.ts). */
import * as z from 'zod/mini';

export type { ErasureAnswer, ExportAnswer } from './privacy.ts';

/** Erasing cannot be undone: the request says so. */
export const eraseBody = z.strictObject({ confirm: z.literal(true) });
