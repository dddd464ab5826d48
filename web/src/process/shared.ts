/**
 * What the process views share: the periods to choose from, a step's name and a duration in the
 * reader's words.
 */
import { STAGE_STEP } from '#shared/process-stats.ts';
import { addDays } from '#shared/stats.ts';
import { isoDay } from '../dashboard/period.ts';
import { durationWords } from '../lib/format.ts';
import { t } from '../lib/strings.ts';
import { tp } from './words.ts';

/** Periods offered, in days up to today. */
export const PERIODS = ['7', '30', '90', '365'];

/** The query of a period of `days` days up to the reader's today. */
export function periodSearch(days: string, today = isoDay(new Date())): string {
  return new URLSearchParams({ from: addDays(today, -(Number(days) - 1)), to: today }).toString();
}

/** A step in words: a stage by its name (the service's words), the other steps by the portal's. */
export function stepName(id: string, name?: string): string {
  if (id.startsWith(STAGE_STEP)) return name ?? id.slice(STAGE_STEP.length);
  return (tp.step as Record<string, string>)[id] ?? id;
}

/** Business minutes in words, or the word for none when there are none to tell. */
export const minutes = (m: number | undefined) => (m === undefined ? t.dashboard.none : durationWords(m));
