/**
 * SIPOC of a service (its department's team, read-only): suppliers, inputs, process, outputs and
 * customers from what happened in the period, each beside the department's own words (its canvas).
 */
import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { SipocResponse } from '#shared/api.ts';
import type { Share } from '#shared/sipoc.ts';
import { SEGMENT_DIMENSIONS } from '#shared/stats.ts';
import { percentWords } from '../dashboard/parts.tsx';
import { api } from '../lib/api.ts';
import { Table } from '../lib/blocks.tsx';
import { durationWords } from '../lib/format.ts';
import { createServiceView, ServiceViewPage } from './service-view.tsx';
import { minutes, stepName } from './shared.ts';
import { tp } from './words.ts';
import './process.css';

export default function SipocPage() {
  const { params, days, view, base } = createServiceView(api.sipoc);
  return (
    <ServiceViewPage
      name="sipoc"
      class="dashboard sipoc-page"
      code={params.code}
      serviceId={params.id}
      days={days()}
      view={view}
      title={tp.sipoc.title}
      intro={tp.sipoc.intro}
      loading={tp.sipoc.loading}
      after={
        <p>
          <A href={`${base()}/process?days=${days()}`}>{tp.sipoc.map}</A>
        </p>
      }
    >
      {(v) => <SipocBody view={v()} />}
    </ServiceViewPage>
  );
}

function Column(props: { id: string; title: string; words: string; children: JSX.Element }) {
  return (
    <section class="sipoc-column panel surface" aria-labelledby={`sipoc-${props.id}`} data-testid={`sipoc-${props.id}`}>
      <h2 id={`sipoc-${props.id}`}>{props.title}</h2>
      <figure class="own-words">
        <figcaption>{tp.sipoc.ownWords}</figcaption>
        <blockquote>{props.words.trim() || tp.sipoc.noWords}</blockquote>
      </figure>
      {props.children}
    </section>
  );
}

/** A table of a SIPOC column, or the word for none when it has no rows; the caption names its frame too. */
function SipocTable<T>(props: {
  caption: string;
  head: string[];
  rows: readonly T[];
  visibleCaption?: boolean;
  children: (row: T) => JSX.Element;
}) {
  return (
    <Show when={props.rows.length > 0} fallback={<p class="empty">{tp.sipoc.none}</p>}>
      <Table
        caption={props.caption}
        visibleCaption={props.visibleCaption}
        head={props.head}
        scroll={{ label: props.caption }}
      >
        <For each={props.rows}>{props.children}</For>
      </Table>
    </Show>
  );
}

/** A count with its share of the whole. */
function CountCell(props: { count: number; share: number | undefined }) {
  return (
    <td class="num">
      {props.count} ({percentWords(props.share)})
    </td>
  );
}

function Shares(props: { caption: string; rows: Share[] }) {
  return (
    <SipocTable
      caption={props.caption}
      visibleCaption
      head={[tp.sipoc.value, tp.sipoc.count, tp.sipoc.share]}
      rows={props.rows}
    >
      {(r) => (
        <tr>
          <th scope="row">{r.value || tp.sipoc.unknown}</th>
          <td class="num">{r.count}</td>
          <td class="num">{percentWords(r.share)}</td>
        </tr>
      )}
    </SipocTable>
  );
}

function SipocBody(props: { view: SipocResponse }) {
  const v = () => props.view;
  return (
    <>
      <p>{tp.sipoc.totals(v().created, v().resolved)}</p>
      <div class="sipoc-grid">
        <Column id="suppliers" title={tp.sipoc.suppliers} words={v().words.suppliers}>
          <Shares caption={tp.sipoc.segments} rows={v().suppliers.segments} />
          <Shares caption={tp.sipoc.handoffsFrom} rows={v().suppliers.handoffsFrom} />
        </Column>
        <Column id="inputs" title={tp.sipoc.inputs} words={v().words.inputs}>
          <SipocTable
            caption={tp.sipoc.inputs}
            head={[tp.sipoc.input, tp.sipoc.missing, tp.sipoc.returned]}
            rows={v().inputs}
          >
            {(i) => (
              <tr>
                <th scope="row">{i.label}</th>
                <CountCell count={i.missing} share={i.missingShare} />
                <CountCell count={i.returned} share={i.returnedShare} />
              </tr>
            )}
          </SipocTable>
        </Column>
        <Column id="process" title={tp.sipoc.process} words={v().words.process}>
          <Table
            caption={tp.sipoc.process}
            head={[tp.sipoc.step, tp.sipoc.median, tp.sipoc.p90, tp.sipoc.target]}
            scroll={{ label: tp.sipoc.process }}
          >
            <For each={v().process}>
              {(p) => (
                <tr>
                  <th scope="row">{stepName(p.id, p.name)}</th>
                  <td class="num">{minutes(p.medianMinutes)}</td>
                  <td class="num">{minutes(p.p90Minutes)}</td>
                  <td class="num">{p.targetMinutes === undefined ? '—' : durationWords(p.targetMinutes)}</td>
                </tr>
              )}
            </For>
          </Table>
        </Column>
        <Column id="outputs" title={tp.sipoc.outputs} words={v().words.outputs}>
          <SipocTable
            caption={tp.sipoc.outputs}
            head={[tp.sipoc.output, tp.sipoc.delivered, tp.sipoc.late, tp.sipoc.withNote]}
            rows={v().outputs}
          >
            {(o) => (
              <tr>
                <th scope="row">{o.label}</th>
                <td class="num">{o.delivered}</td>
                <CountCell count={o.late} share={o.lateShare} />
                <CountCell count={o.withNote} share={o.noteShare} />
              </tr>
            )}
          </SipocTable>
        </Column>
        <Column id="customers" title={tp.sipoc.customers} words={v().words.customers}>
          <For each={SEGMENT_DIMENSIONS}>
            {(d) => (
              <Shares
                caption={`${tp.sipoc.customerSegments}: ${tp.sipoc.dimension[d]}`}
                rows={v().customers.segments[d]}
              />
            )}
          </For>
          <Shares caption={tp.sipoc.handoffsTo} rows={v().customers.handoffsTo} />
        </Column>
      </div>
    </>
  );
}
