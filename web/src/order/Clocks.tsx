/**
 * The order's time standards (SPEC §5, §14.4, §14.5, §14.8): both clocks with their state and due
 * time in plain words, and how long each stage and each holder had the order, in working time and
 * in calendar time side by side.
 */
import { For, Show } from 'solid-js';
import { formatMoment } from '#shared/due-words.ts';
import type { Order } from '#shared/model.ts';
import type { SlaSummary } from '#shared/order-clocks.ts';
import { Table } from '../lib/blocks.tsx';
import { durationWords } from '../lib/format.ts';
import { clockStateAt, clockWords, formatMinutes, minutesLeft, type SlaClock, type WordsOptions } from '../lib/sla.ts';
import { SlaBadge } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { DateCell, DateTime } from '../lib/ui.tsx';

export function ClocksPanel(props: { order: Order; sla: SlaSummary | undefined; options: WordsOptions; now: Date }) {
  const moment = (iso: string) => formatMoment(props.now, new Date(iso), props.options.locale, props.options.timeZone);
  return (
    <Show when={props.order.clocks}>
      {(clocks) => (
        <section aria-labelledby="clocks-title" class="clocks">
          <h2 id="clocks-title">{t.sla.title}</h2>
          <div class="clock-grid">
            <For each={[clocks().firstResponse, clocks().resolution]}>
              {(clock) => (
                <ClockCard
                  clock={clock}
                  standardRef={props.order.standardRef}
                  left={minutesLeft(clock, clocks(), props.sla, props.now)}
                  options={props.options}
                  now={props.now}
                  ended={endedBy(props.order)}
                />
              )}
            </For>
          </div>
          <Show when={props.order.status === 'resolved' && props.order.autoCloseAt}>
            {(at) => (
              <p class="meta">
                {t.sla.autoClose}: {t.sla.autoCloseWords(moment(at()))}
              </p>
            )}
          </Show>
        </section>
      )}
    </Show>
  );
}

/** An order called off (cancelled, rejected): its clocks were stopped, neither met nor missed. */
function endedBy(order: Order): 'cancelled' | 'rejected' | undefined {
  return order.status === 'cancelled' || order.status === 'rejected' ? order.status : undefined;
}

function ClockCard(props: {
  /** The order was called off: the stopped clock says so instead of met or missed. */
  ended: 'cancelled' | 'rejected' | undefined;
  clock: SlaClock;
  /** How reports name the standard the order is measured against ("v3 from 2026-12-01"). */
  standardRef: string | undefined;
  left: number | undefined;
  options: WordsOptions;
  now: Date;
}) {
  const id = () => `clock-${props.clock.kind}`;
  const state = () => clockStateAt(props.clock, props.now);
  return (
    <section class={`clock clock-${state()} surface`} aria-labelledby={id()} data-testid={id()}>
      <h3 id={id()}>{t.sla.clocks[props.clock.kind]}</h3>
      <Show
        when={props.ended && props.clock.stoppedAt ? { ended: props.ended, at: props.clock.stoppedAt } : undefined}
        fallback={
          <>
            <p class="clock-state">
              <SlaBadge state={state()} stopped={props.clock.stoppedAt !== undefined} />
            </p>
            <p class="clock-words">{clockWords(props.clock, props.left, props.now, props.options)}</p>
          </>
        }
      >
        {(stop) => (
          <>
            <p class="clock-state">
              <span class="badge sla sla-stopped" data-testid={`${id()}-state`}>
                <span class="sla-icon" aria-hidden="true">
                  ■
                </span>{' '}
                {t.order.clockStopped[stop().ended]}
              </span>
            </p>
            <p class="clock-words">
              {t.order.clockStoppedWords(
                formatMoment(props.now, new Date(stop().at), props.options.locale, props.options.timeZone),
                formatMinutes(props.clock.usedMinutes, props.options.hoursPerDay),
              )}
            </p>
          </>
        )}
      </Show>
      <dl class="clock-facts">
        <div>
          <dt>{t.sla.target}</dt>
          <dd>{durationWords(props.clock.targetMinutes, props.clock.always)}</dd>
        </div>
        <div>
          <dt>{t.sla.used}</dt>
          <dd>{formatMinutes(props.clock.usedMinutes, props.options.hoursPerDay)}</dd>
        </div>
        <Show when={props.clock.pausedMinutes > 0}>
          <div>
            <dt>{t.sla.paused}</dt>
            <dd>{formatMinutes(props.clock.pausedMinutes, props.options.hoursPerDay)}</dd>
          </div>
        </Show>
        <div>
          <dt>{t.sla.version}</dt>
          <dd>{props.standardRef ?? t.sla.versionNumber(props.clock.standardVersion)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The clock per stage and per holder (SPEC §14.5): one row per stretch someone held the order. */
export function HoldsTable(props: {
  order: Order;
  stageName: (id: string) => string;
  name: (id?: string) => string;
  options: WordsOptions;
  now: Date;
}) {
  const holds = () => props.order.holds ?? [];
  const calendarMinutes = (from: string, to: string | undefined, given: number | undefined) =>
    given ?? Math.max(0, ((to ? Date.parse(to) : props.now.getTime()) - Date.parse(from)) / 60_000);
  const totals = () => {
    let working = 0;
    let calendar = 0;
    for (const h of holds()) {
      working += h.businessMinutes ?? 0;
      calendar += calendarMinutes(h.from, h.to, h.calendarMinutes);
    }
    return { working, calendar };
  };
  return (
    <section aria-labelledby="holds-title" class="holds">
      <h2 id="holds-title">{t.holds.title}</h2>
      <Show when={holds().length > 0} fallback={<p class="empty">{t.holds.empty}</p>}>
        <p class="hint">{t.holds.intro}</p>
        <Table
          testId="holds"
          caption={t.holds.caption}
          scroll={{ labelledBy: 'holds-title' }}
          head={[
            t.holds.stage,
            t.holds.holder,
            t.holds.department,
            t.holds.from,
            t.holds.to,
            { label: t.holds.working, class: 'num' },
            { label: t.holds.calendar, class: 'num' },
          ]}
          foot={
            <tr>
              <th scope="row" colSpan={5}>
                {t.holds.total}
              </th>
              <td class="num">{formatMinutes(totals().working, props.options.hoursPerDay)}</td>
              <td class="num">{formatMinutes(totals().calendar)}</td>
            </tr>
          }
        >
          <For each={holds()}>
            {(hold) => (
              <tr>
                <th scope="row">{props.stageName(hold.stage)}</th>
                <td>{hold.assigneeId ? props.name(hold.assigneeId) : t.holds.unassigned}</td>
                <td>{hold.department}</td>
                <DateCell iso={hold.from} />
                <td>
                  <Show when={hold.to} fallback={t.holds.now}>
                    {(to) => <DateTime iso={to()} />}
                  </Show>
                </td>
                <td class="num">
                  <Show when={hold.businessMinutes !== undefined} fallback={t.holds.counting}>
                    {formatMinutes(hold.businessMinutes ?? 0, props.options.hoursPerDay)}
                  </Show>
                </td>
                <td class="num">
                  <Show
                    when={hold.to}
                    fallback={t.holds.soFar(formatMinutes(calendarMinutes(hold.from, undefined, undefined)))}
                  >
                    {formatMinutes(calendarMinutes(hold.from, hold.to, hold.calendarMinutes))}
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </Table>
      </Show>
    </section>
  );
}
