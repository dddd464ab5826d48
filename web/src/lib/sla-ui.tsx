/** Time standards on screen: the state badge (colour, icon and words) and the due time in words. */
import { createMemo, Show } from 'solid-js';
import { workingHoursPerDay } from '#shared/durations.ts';
import type { SlaSummary } from '#shared/order-clocks.ts';
import { departments } from '../account/session.ts';
import { createLoader } from './load.tsx';
import { type ClockState, readerOptions, stateWords, summaryWords, type WordsOptions } from './sla.ts';
import './sla.css';

/** Not colour alone: every state has its own mark beside its words. */
const ICONS: Record<ClockState, string> = {
  running: '◷',
  warning: '▲',
  breached: '✕',
  paused: '⏸\uFE0E',
  met: '✓',
};

export function SlaBadge(props: { state: ClockState; stopped?: boolean; testId?: string }) {
  return (
    <span class={`badge sla sla-${props.state}`} data-testid={props.testId}>
      <span class="sla-icon" aria-hidden="true">
        {ICONS[props.state]}
      </span>{' '}
      {stateWords(props.state, props.stopped)}
    </span>
  );
}

/** A list row's time standard: its most urgent clock's badge and due words. */
export function SlaCell(props: { sla: SlaSummary | undefined; options: WordsOptions; now: Date; stopped?: boolean }) {
  return (
    <Show when={props.sla} fallback={<span class="meta">{summaryWords(undefined, props.now, props.options)}</span>}>
      {(sla) => (
        <span class="sla-cell">
          <SlaBadge state={sla().state} stopped={props.stopped ?? false} />
          <Show when={!props.stopped}>
            <span class="due-words">{summaryWords(sla(), props.now, props.options)}</span>
          </Show>
        </span>
      )}
    </Show>
  );
}

/**
 * Words options per department: the reader's locale and time zone, and the department's usual
 * working day (from the session's cached department list), so long stretches read as working days.
 */
export function createReaderOptions(): (department: string | undefined) => WordsOptions {
  const list = createLoader(
    () => true,
    () => departments().catch(() => []),
  );
  const hours = createMemo(() => {
    const map = new Map<string, number | undefined>();
    for (const d of list.value() ?? []) map.set(d.code, workingHoursPerDay(d.calendar));
    return map;
  });
  return (department) => readerOptions(department ? hours().get(department) : undefined);
}
