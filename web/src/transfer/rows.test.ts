import { describe, expect, it } from 'vitest';
import { placeInSheet, sheetOrder } from './rows.ts';

describe('where a spreadsheet import’s refusal is in the sheet', () => {
  it('says the row (header is row 1) and the column the field comes from', () => {
    expect(placeInSheet('services.0.standard.resolutionMinutes')).toEqual({
      kind: 'cell',
      row: 2,
      column: 'resolution',
    });
    expect(placeInSheet('services.3.ownerId')).toEqual({ kind: 'cell', row: 5, column: 'owner' });
    expect(placeInSheet('services.1.name')).toEqual({ kind: 'cell', row: 3, column: 'name' });
    expect(placeInSheet('services.1.tags.2')).toEqual({ kind: 'cell', row: 3, column: 'tags' });
    // A field no column fills (the stage the import adds) is the row as a whole.
    expect(placeInSheet('services.2.stages.0.name')).toEqual({ kind: 'row', row: 4 });
  });

  it('says the header for missing and unknown columns, and the file for the rest', () => {
    expect(placeInSheet('columns.summary')).toEqual({ kind: 'column', column: 'summary' });
    expect(placeInSheet('columns')).toEqual({ kind: 'header' });
    expect(placeInSheet('csv')).toEqual({ kind: 'file' });
    const places = ['services.9.name', 'columns', 'services.1.name'].map(placeInSheet).sort(sheetOrder);
    expect(places.map((p) => ('row' in p ? p.row : 0))).toEqual([0, 3, 11]);
  });
});
