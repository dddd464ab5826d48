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
import { heads, Table } from '../lib/blocks.tsx';
import { durationWords } from '../lib/format.ts';
import { createServiceView, ServiceViewPage } from './service-view.tsx';
import { minutes, stepName } from './shared.ts';
import { tp } from './words.ts';
import './process.css';

export default function SipocPage() {
  const service = createServiceView(api.sipoc);
  const { days, base } = service;
  return (
    <ServiceViewPage
      name="sipoc"
      class="dashboard sipoc-page"
      service={service}
      words={tp.sipoc}
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

/** The five parts of a SIPOC, as the department's own words name them. */
type Part = keyof SipocResponse['words'];

/** A column of the SIPOC: its name, the department's own words for it, then what the period shows. */
function Column(props: { part: Part; view: SipocResponse; children: JSX.Element }) {
  return (
    <section
      class="sipoc-column panel surface"
      aria-labelledby={`sipoc-${props.part}`}
      data-testid={`sipoc-${props.part}`}
    >
      <h2 id={`sipoc-${props.part}`}>{tp.sipoc[props.part]}</h2>
      <figure class="own-words">
        <figcaption>{tp.sipoc.ownWords}</figcaption>
        <blockquote>{props.view.words[props.part].trim() || tp.sipoc.noWords}</blockquote>
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

/** A column that is one table, captioned with the column's name: a row per label, its figures after it. */
function TableColumn<T extends { label: string }>(props: {
  part: Part;
  view: SipocResponse;
  head: string[];
  rows: readonly T[];
  children: (row: T) => JSX.Element;
}) {
  return (
    <Column part={props.part} view={props.view}>
      <SipocTable caption={tp.sipoc[props.part]} head={props.head} rows={props.rows}>
        {(row) => (
          <tr>
            <th scope="row">{row.label}</th>
            {props.children(row)}
          </tr>
        )}
      </SipocTable>
    </Column>
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
        <Column part="suppliers" view={v()}>
          <Shares caption={tp.sipoc.segments} rows={v().suppliers.segments} />
          <Shares caption={tp.sipoc.handoffsFrom} rows={v().suppliers.handoffsFrom} />
        </Column>
        <TableColumn part="inputs" view={v()} head={heads(tp.sipoc, 'input', 'missing', 'returned')} rows={v().inputs}>
          {(i) => (
            <>
              <CountCell count={i.missing} share={i.missingShare} />
              <CountCell count={i.returned} share={i.returnedShare} />
            </>
          )}
        </TableColumn>
        <Column part="process" view={v()}>
          <Table
            caption={tp.sipoc.process}
            head={[tp.sipoc.step, tp.sipoc.median, tp.sipoc.p90, tp.sipoc.target]}
            scroll={{ label: tp.sipoc.process }}
            each={v().process}
          >
            {(p) => (
              <tr>
                <th scope="row">{stepName(p.id, p.name)}</th>
                <td class="num">{minutes(p.medianMinutes)}</td>
                <td class="num">{minutes(p.p90Minutes)}</td>
                <td class="num">{p.targetMinutes === undefined ? '—' : durationWords(p.targetMinutes)}</td>
              </tr>
            )}
          </Table>
        </Column>
        <TableColumn
          part="outputs"
          view={v()}
          head={heads(tp.sipoc, 'output', 'delivered', 'late', 'withNote')}
          rows={v().outputs}
        >
          {(o) => (
            <>
              <td class="num">{o.delivered}</td>
              <CountCell count={o.late} share={o.lateShare} />
              <CountCell count={o.withNote} share={o.noteShare} />
            </>
          )}
        </TableColumn>
        <Column part="customers" view={v()}>
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
