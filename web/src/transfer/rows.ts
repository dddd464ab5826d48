/**
 * Where a refusal of a spreadsheet import (CSV or XLSX) is in the file, as the head sees it there:
 * the row (the header is row 1, so `services.0` is row 2) and the column by its header, instead of
 * the document path the API answers (`services.0.standard.resolutionMinutes` → row 2, `resolution`).
 * Pure, no words: the page says them.
 */

/** The column a service field comes from (shared/transfer-csv.ts). */
const COLUMN_OF: Record<string, string> = {
  id: 'id',
  name: 'name',
  summary: 'summary',
  description: 'description',
  tags: 'tags',
  ownerId: 'owner',
  standard: 'resolution',
};

export type SheetPlace =
  | { kind: 'cell'; row: number; column: string }
  | { kind: 'row'; row: number }
  | { kind: 'column'; column: string }
  | { kind: 'header' }
  | { kind: 'file' };

/** A refusal's path of a CSV import as a place in the sheet. */
export function placeInSheet(path: string): SheetPlace {
  const row = /^services\.(\d+)(?:\.([^.]+))?/.exec(path);
  if (row) {
    const n = Number(row[1]) + 2;
    const column = row[2] === undefined ? undefined : COLUMN_OF[row[2]];
    return column ? { kind: 'cell', row: n, column } : { kind: 'row', row: n };
  }
  const column = /^columns\.(.+)$/.exec(path);
  if (column?.[1]) return { kind: 'column', column: column[1] };
  if (path === 'columns') return { kind: 'header' };
  return { kind: 'file' };
}

/** The rows of the refusals in the order of the sheet: by row, the file's own first. */
export function sheetOrder(a: SheetPlace, b: SheetPlace): number {
  const rank = (p: SheetPlace) => ('row' in p ? p.row : 0);
  return rank(a) - rank(b);
}
