/**
 * A department's catalog export and import (its head, or an administrator): download the catalog as
 * JSON; choose a JSON, CSV or XLSX file → the API's preview (added, changed with what changes,
 * unchanged, or the refusals in the reader's words: by path for a document, by row and column for a
 * spreadsheet) → apply. The file is read in the browser and sent as it is (a workbook's first sheet as
 * CSV, sheet.ts): the API reads, checks and plans it (shared/transfer.ts), so preview and apply say
 * the same.
 */
import { useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ImportAnswer, TransferDocument } from '#shared/transfer.ts';
import { saveBlob } from '../dashboard/csv.ts';
import { sayFields } from '../i18n/refusals.ts';
import { ApiError } from '../lib/api-error.ts';
import { heads, Table } from '../lib/blocks.tsx';
import { call } from '../lib/client.ts';
import { DepartmentPage, HeadOnly } from '../lib/department-page.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, Outcome } from '../lib/submit.tsx';
import { placeInSheet, type SheetPlace, sheetOrder } from './rows.ts';
import { firstSheetAsCsv, isWorkbook, NotAWorkbook } from './sheet.ts';

/** The file chosen: a catalog document, or a CSV list the API reads (a workbook's first sheet too). */
type Chosen = { kind: 'json'; document: TransferDocument } | { kind: 'csv'; csv: string };

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

export default function TransferPage() {
  const params = useParams<{ code: string }>();
  const w = () => t.transfer;
  const [chosen, setChosen] = createSignal<Chosen>();
  const [plan, setPlan] = createSignal<ImportAnswer>();
  /** The refusals: where (a document's path, or a place in the sheet) and what to correct. */
  const [problems, setProblems] = createSignal<Array<{ where: string; words: string }>>([]);

  const send = (file: Chosen, preview: boolean) =>
    file.kind === 'json'
      ? call('POST /departments/:code/import', {
          params: { code: params.code },
          query: { preview: preview ? 'true' : 'false' },
          body: file.document,
        })
      : call('POST /departments/:code/import/csv', {
          params: { code: params.code },
          query: { preview: preview ? 'true' : 'false' },
          body: { csv: file.csv },
        });

  const download = createSubmit(
    async (): Promise<string> => {
      const document = await call('GET /departments/:code/export', { params: { code: params.code } });
      // Department codes are capital letters and digits (department_code_format): a safe name as it is.
      const name = `ordo-${params.code.replace(/[^A-Za-z0-9]/g, '')}.json`;
      saveBlob(new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' }), name);
      return name;
    },
    { done: (name) => w().downloaded(name) },
  );

  /** A small list in the columns the import reads, in the reader's words, to fill in and import. */
  const downloadExample = () => {
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    // The resolutions as the import reads them in any language: working days, working hours.
    const resolutions = ['3d', '16h'];
    const lines = [
      'name,summary,tags,resolution',
      ...w().exampleRows.map((row, i) => [...row.map(quote), resolutions[i % resolutions.length]].join(',')),
    ];
    saveBlob(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv' }), 'ordo-services-example.csv');
  };

  /** Reads the file and asks for the preview; refusals by path are listed, not a single alert. */
  const preview = createSubmit(
    async (file: File) => {
      setPlan(undefined);
      setProblems([]);
      setChosen(undefined);
      let next: Chosen;
      if (isWorkbook(file)) next = { kind: 'csv', csv: await firstSheetAsCsv(await file.arrayBuffer()) };
      else if (isCsv(file)) next = { kind: 'csv', csv: await file.text() };
      else {
        try {
          next = { kind: 'json', document: JSON.parse(await file.text()) as TransferDocument };
        } catch {
          throw new Error('not_json');
        }
      }
      try {
        setPlan(await send(next, true));
        setChosen(next);
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
          const said = Object.entries(sayFields(error.fields));
          setProblems(
            next.kind === 'json'
              ? said.map(([where, words]) => ({ where, words }))
              : said
                  .map(([path, words]) => ({ place: placeInSheet(path), words }))
                  .sort((a, b) => sheetOrder(a.place, b.place))
                  .map(({ place, words }) => ({ where: placeWords(place), words })),
          );
          return;
        }
        throw error;
      }
    },
    {
      failed: (error) =>
        error instanceof NotAWorkbook
          ? w().notWorkbook
          : error instanceof Error && error.message === 'not_json'
            ? w().notJson
            : undefined,
    },
  );

  const placeWords = (place: SheetPlace) =>
    place.kind === 'cell'
      ? w().cell(place.row, place.column)
      : place.kind === 'row'
        ? w().row(place.row)
        : place.kind === 'column'
          ? w().column(place.column)
          : place.kind === 'header'
            ? w().header
            : w().wholeFile;

  const apply = createSubmit(
    async () => {
      const file = chosen();
      if (!file) return;
      setPlan(await send(file, false));
      setChosen(undefined);
    },
    { done: () => w().applied },
  );

  const count = (change: string) => plan()?.services.filter((s) => s.change === change).length ?? 0;
  const fieldWords = (fields: readonly string[]) => fields.map((f) => w().fieldNames[f] ?? f).join(', ');
  const changeWords = (change: 'added' | 'changed' | 'unchanged') => w()[change];

  return (
    <DepartmentPage code={params.code} title={w().title(params.code)} intro={w().intro} back="services">
      <HeadOnly code={params.code} admins refusal={w().headOnly}>
        <h2>{w().exportTitle}</h2>
        <p>{w().exportHint}</p>
        <p>
          <button type="button" class="secondary" disabled={download.pending()} onClick={() => void download.run()}>
            {w().download}
          </button>
        </p>
        <Outcome of={download} />

        <h2>{w().importTitle}</h2>
        <p>{w().importHint}</p>
        <p>
          <button type="button" class="link-button" onClick={downloadExample}>
            {w().example}
          </button>
        </p>
        <div class="field">
          <label for="transfer-file">{w().file}</label>
          <input
            id="transfer-file"
            type="file"
            accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void preview.run(file);
            }}
          />
        </div>
        <Show when={preview.pending()}>
          <p class="meta">{w().reading}</p>
        </Show>
        <Outcome of={preview} />

        <Show when={problems().length > 0}>
          <div class="notice warning" role="alert" data-testid="transfer-problems">
            <p>{w().problemsTitle}</p>
            <ul>
              <For each={problems()}>
                {(problem) => (
                  <li>
                    <strong>{problem.where}</strong>: {problem.words}
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>

        <Show when={plan()}>
          {(p) => (
            <section aria-labelledby="transfer-preview" data-testid="transfer-preview">
              <h3 id="transfer-preview">{w().previewTitle}</h3>
              <p>{w().counts(count('added'), count('changed'), count('unchanged'))}</p>
              <Show when={p().department}>
                {(d) => (
                  <p>
                    {w().department}: {changeWords(d().change)}
                    <Show when={d().fields.length > 0}> ({fieldWords(d().fields)})</Show>
                  </p>
                )}
              </Show>
              <Table caption={w().caption} head={heads(w(), 'service', 'change', 'fields')} each={p().services}>
                {(s) => (
                  <tr data-change={s.change}>
                    <th scope="row">
                      {s.name}
                      <span class="meta block">{s.id}</span>
                    </th>
                    <td>{changeWords(s.change)}</td>
                    <td>{fieldWords(s.fields) || '—'}</td>
                  </tr>
                )}
              </Table>
              <Show when={chosen()}>
                <p>
                  <button type="button" class="primary" disabled={apply.pending()} onClick={() => void apply.run()}>
                    {apply.pending() ? w().applying : w().apply}
                  </button>
                </p>
              </Show>
            </section>
          )}
        </Show>
        <Outcome of={apply} />
      </HeadOnly>
    </DepartmentPage>
  );
}
