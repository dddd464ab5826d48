/**
 * SIPOC of a service (its department's team, read-only): suppliers, inputs, process, outputs and
 * customers from what happened in the period, each beside the department's own words (its canvas).
 */
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import type { SipocResponse } from '#shared/api.ts';
import type { Share } from '#shared/sipoc.ts';
import { SEGMENT_DIMENSIONS } from '#shared/stats.ts';
import { percentWords } from '../dashboard/parts.tsx';
import { api } from '../lib/api.ts';
import { Table } from '../lib/blocks.tsx';
import { durationWords } from '../lib/format.ts';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { usePageTitle } from '../lib/ui.tsx';
import { chosenDays, PeriodSettings } from './PeriodSettings.tsx';
import { periodSearch, stepName } from './shared.ts';
import { tp } from './words.ts';
import './process.css';

export default function SipocPage() {
  const params = useParams<{ code: string; id: string }>();
  const [search] = useSearchParams();
  const days = () => chosenDays(search.days);
  const key = createMemo(() => `${params.code}|${params.id}|${days()}`);
  const view = createLoader(key, (k: string) => {
    const [code, id, d] = k.split('|') as [string, string, string];
    return api.sipoc(code, id, periodSearch(d));
  });
  usePageTitle(() => tp.sipoc.title(view.value()?.serviceName ?? params.id));
  const base = () => `/departments/${encodeURIComponent(params.code)}/services/${encodeURIComponent(params.id)}`;
  return (
    <section class="dashboard sipoc-page">
      <p>
        <A href={`/departments/${encodeURIComponent(params.code)}/services`}>{params.code}</A>
      </p>
      <h1>{tp.sipoc.title(view.value()?.serviceName ?? params.id)}</h1>
      <p class="lead">{tp.sipoc.intro}</p>
      <PeriodSettings view="sipoc" days={days()} />
      <Loaded of={view} loading={tp.sipoc.loading} failures="before">
        {(v) => <SipocBody view={v()} />}
      </Loaded>
      <p>
        <A href={`${base()}/process?days=${days()}`}>{tp.sipoc.map}</A>
      </p>
    </section>
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

function Shares(props: { caption: string; rows: Share[] }) {
  return (
    <Show when={props.rows.length > 0} fallback={<p class="empty">{tp.sipoc.none}</p>}>
      <Table
        caption={props.caption}
        visibleCaption
        head={[tp.sipoc.value, tp.sipoc.count, tp.sipoc.share]}
        scroll={{ label: props.caption }}
      >
        <For each={props.rows}>
          {(r) => (
            <tr>
              <th scope="row">{r.value || tp.sipoc.unknown}</th>
              <td class="num">{r.count}</td>
              <td class="num">{percentWords(r.share)}</td>
            </tr>
          )}
        </For>
      </Table>
    </Show>
  );
}

const minutes = (m: number | undefined) => (m === undefined ? t.dashboard.none : durationWords(m));

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
          <Show when={v().inputs.length > 0} fallback={<p class="empty">{tp.sipoc.none}</p>}>
            <Table
              caption={tp.sipoc.inputs}
              head={[tp.sipoc.input, tp.sipoc.missing, tp.sipoc.returned]}
              scroll={{ label: tp.sipoc.inputs }}
            >
              <For each={v().inputs}>
                {(i) => (
                  <tr>
                    <th scope="row">{i.label}</th>
                    <td class="num">
                      {i.missing} ({percentWords(i.missingShare)})
                    </td>
                    <td class="num">
                      {i.returned} ({percentWords(i.returnedShare)})
                    </td>
                  </tr>
                )}
              </For>
            </Table>
          </Show>
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
          <Show when={v().outputs.length > 0} fallback={<p class="empty">{tp.sipoc.none}</p>}>
            <Table
              caption={tp.sipoc.outputs}
              head={[tp.sipoc.output, tp.sipoc.delivered, tp.sipoc.late, tp.sipoc.withNote]}
              scroll={{ label: tp.sipoc.outputs }}
            >
              <For each={v().outputs}>
                {(o) => (
                  <tr>
                    <th scope="row">{o.label}</th>
                    <td class="num">{o.delivered}</td>
                    <td class="num">
                      {o.late} ({percentWords(o.lateShare)})
                    </td>
                    <td class="num">
                      {o.withNote} ({percentWords(o.noteShare)})
                    </td>
                  </tr>
                )}
              </For>
            </Table>
          </Show>
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
