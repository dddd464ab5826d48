/** Survey answers (SPEC §7): the score from the emailed link, the body sent, and what a failed link means. */
import { LOW_SCORE_CATEGORIES, type LowScoreCategory } from '#shared/stats.ts';
import { ApiError, type SurveyAnswer } from '../lib/api.ts';

export type Score = SurveyAnswer['score'];
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** Ratings of this or lower ask what went wrong (and open a follow-up for the process owner). */
export const LOW_SCORE = 2;

/** The score of a one-click link (`?score=4`), if it is one of 1–5. */
export function parseScore(value: string | string[] | undefined): Score | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^[1-5]$/.test(text.trim())) return undefined;
  return Number(text.trim()) as Score;
}

export function isCategory(value: string | undefined): value is LowScoreCategory {
  return value !== undefined && (LOW_SCORE_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The body for a rating. A category only goes with a low score; an empty comment is left out.
 * A one-click rating keeps the comment and category given earlier (the API replaces the whole answer).
 */
export function surveyAnswer(score: Score, comment?: string, category?: string): SurveyAnswer {
  const body: SurveyAnswer = { score };
  const text = comment?.trim();
  if (text) body.comment = text;
  if (score <= LOW_SCORE && isCategory(category)) body.category = category;
  return body;
}

export type LinkProblem = 'expired' | 'invalid' | 'earlier';

/** Why a survey link cannot be used: expired or tampered (400), or for an earlier resolution (404). */
export function linkProblem(error: unknown): LinkProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 404) return 'earlier';
  if (error.status !== 400) return undefined;
  if (error.fields.token?.code === 'link_expired') return 'expired';
  // A 400 about the answer itself (e.g. a comment too long) names that field; the link is fine.
  const fields = Object.keys(error.fields);
  return fields.length === 0 || fields.includes('token') ? 'invalid' : undefined;
}
