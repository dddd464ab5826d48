/**
 * One-line text: names, labels, subjects. A line break or control character in one of them can
 * split a mail header, reorder what a reader sees (bidirectional overrides) or break a log line.
 * Pure and dependency-free: the mail composer and the portal both use it.
 */

/**
 * What a one-line text may not hold: C0 controls (tab, CR and LF included) and DEL, C1 controls
 * (NEL among them), the line and paragraph separators, and the bidirectional embeddings, overrides
 * and isolates ("Trojan Source"). The left-to-right and right-to-left marks stay allowed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_ONE_LINE_RUNS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]+/g;

export function isOneLine(text: string): boolean {
  return !NOT_ONE_LINE.test(text);
}

/**
 * The text made one line: every run of line breaks and control characters becomes one space. For
 * what is composed from stored text (mail subjects), which may predate the schema's refusal.
 */
export function oneLine(text: string): string {
  return text.replace(NOT_ONE_LINE_RUNS, ' ').trim();
}

/** The longest answers a form takes: one-line text, long text, and choices of a multiple choice. */
export const ANSWER_LIMITS = {
  textChars: 500,
  longTextChars: 10_000,
  options: 100,
} as const;
