/**
 * A refusal in words: the code's words in the given language with its parameters. Used by the API
 * (English `detail`) and the portal (the reader's language).
 */
import type { RefusalWords } from './refusal-words.en.ts';
import { isRefusalCode } from './refusals.ts';

export type { RefusalWords } from './refusal-words.en.ts';

/**
 * The words for a code and its parameters, or undefined when the code is not in the catalogue (a
 * newer API) or its parameters cannot be read: the caller then says something general.
 */
export function wordRefusal(words: RefusalWords, code: unknown, params?: unknown): string | undefined {
  if (!isRefusalCode(code)) return undefined;
  const say = words[code] as (p: unknown) => string;
  try {
    const text = say(params && typeof params === 'object' ? params : {});
    return text && !text.includes('undefined') ? text : undefined;
  } catch {
    return undefined;
  }
}
