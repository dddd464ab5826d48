/**
 * The portal's sense of time on the work pages: one "now" that moves on every minute boundary (so
 * due words and time-standard badges change by themselves), paused while the tab is hidden; lists
 * that read themselves again now and then and when the tab comes back; and a list row's time
 * standard carried forward from when it was read to now.
 */
import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';
import type { SlaSummary } from '#shared/order-clocks.ts';

const MINUTE_MS = 60_000;
const [now, setNow] = createSignal(new Date());
let users = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** Sets the next tick just after the coming minute boundary, as clocks on a wall do. */
function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (users === 0 || hidden()) return;
  timer = setTimeout(
    () => {
      setNow(new Date());
      schedule();
    },
    MINUTE_MS - (Date.now() % MINUTE_MS) + 20,
  );
}

function onVisibility(): void {
  if (!hidden()) setNow(new Date());
  schedule();
}

/**
 * The shared minute clock, for a component's lifetime: ticks while anyone uses it and the tab is
 * seen, and catches up at once when the tab is shown again.
 */
export function useMinuteClock(): Accessor<Date> {
  onMount(() => {
    users += 1;
    if (users === 1) {
      document.addEventListener('visibilitychange', onVisibility);
      setNow(new Date());
    }
    schedule();
  });
  onCleanup(() => {
    users = Math.max(0, users - 1);
    if (users === 0) {
      document.removeEventListener('visibilitychange', onVisibility);
      schedule();
    }
  });
  return now;
}

/** How often a list on screen reads itself again, and the least time between two reads. */
export const REFRESH_EVERY_MS = 45_000;
const REFRESH_AT_MOST_EVERY_MS = 5_000;

/**
 * Reads something again every `REFRESH_EVERY_MS` while the tab is seen, and when the person comes
 * back to the tab (shown or focused). `when` holds it back (a write under way, nothing loaded yet).
 */
export function useAutoRefresh(refresh: () => Promise<unknown> | undefined, when: () => boolean = () => true): void {
  let last = Date.now();
  let running = false;
  const run = (force: boolean) => {
    if (running || hidden() || !when()) return;
    if (!force && Date.now() - last < REFRESH_AT_MOST_EVERY_MS) return;
    running = true;
    last = Date.now();
    void Promise.resolve(refresh())
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  };
  onMount(() => {
    const interval = setInterval(() => run(true), REFRESH_EVERY_MS);
    const onBack = () => run(false);
    const onShown = () => {
      if (!hidden()) run(false);
    };
    window.addEventListener('focus', onBack);
    document.addEventListener('visibilitychange', onShown);
    onCleanup(() => {
      clearInterval(interval);
      window.removeEventListener('focus', onBack);
      document.removeEventListener('visibilitychange', onShown);
    });
  });
}

/**
 * A time standard as the API summed it up at `readAt`, carried forward to `now`: the working minutes
 * left go down with the time passed (the next read sets them right again, e.g. outside working hours),
 * and a clock whose due time has passed is overdue. Paused and met standards do not move.
 */
export function summaryAt(sla: SlaSummary | undefined, readAt: Date, now: Date): SlaSummary | undefined {
  if (!sla || sla.state === 'paused' || sla.state === 'met') return sla;
  const passed = Math.max(0, (now.getTime() - readAt.getTime()) / MINUTE_MS);
  const overdue = sla.state === 'breached' || (sla.dueAt !== undefined && now.getTime() > Date.parse(sla.dueAt));
  // Before the due time, never less than nothing left: working time may not have run meanwhile.
  const left = overdue ? sla.minutesLeft - passed : Math.max(0, sla.minutesLeft - passed);
  return { ...sla, minutesLeft: left, state: overdue ? 'breached' : sla.state };
}

/** A list row as far as its time standard goes. */
type Timed = { number: string; sla?: SlaSummary | undefined };

/**
 * The time standards of a list's rows as last read, by order number, and when they were read. Every
 * read sets them right again, also for rows the page keeps as they were (their order did not change),
 * so minutes left are never carried forward across a night from an old read.
 */
export function createReadings() {
  const [readings, setReadings] = createSignal<ReadonlyMap<string, { sla: SlaSummary | undefined; at: Date }>>(
    new Map(),
  );
  /** Notes the rows just read; returns them as they are. */
  function note<T extends Timed>(rows: T[]): T[] {
    const at = new Date();
    setReadings((before) => {
      const next = new Map(before);
      for (const row of rows) next.set(row.number, { sla: row.sla, at });
      return next;
    });
    return rows;
  }
  /** A row's time standard at `now`: from its latest reading, carried forward from then. */
  function slaAt(row: Timed, now: Date): SlaSummary | undefined {
    const read = readings().get(row.number);
    return read ? summaryAt(read.sla, read.at, now) : row.sla;
  }
  return { note, slaAt };
}
