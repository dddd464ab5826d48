/** Shared by every benchmark: the mode, the running stand-ins and a progress printer. */
import type { Service } from './env.ts';

export interface BenchContext {
  quick: boolean;
  dynamo: Service;
  ses: Service;
  log(message: string): void;
}
