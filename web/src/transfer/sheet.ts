/**
 * A workbook (.xlsx) chosen on the import page, read in the browser: its first sheet as CSV text,
 * sent to the CSV import as a CSV file is, so both are checked, previewed and refused alike. The
 * reader (SheetJS, @e965/xlsx) is loaded on the first workbook, a chunk of its own.
 */

export const isWorkbook = (file: { name: string; type: string }) =>
  /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Thrown when the file is no workbook the reader knows, or has no sheet. */
export class NotAWorkbook extends Error {
  constructor() {
    super('not_a_workbook');
  }
}

/** The first sheet as CSV (comma-separated, quoted as RFC 4180 says, empty rows left out). */
export async function firstSheetAsCsv(data: ArrayBuffer): Promise<string> {
  const bytes = new Uint8Array(data);
  // An .xlsx is a zip ("PK"); the reader would take any other bytes for a text sheet.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new NotAWorkbook();
  const { read, utils } = await import('@e965/xlsx');
  let sheet: import('@e965/xlsx').WorkSheet | undefined;
  try {
    const book = read(bytes, { type: 'array' });
    const first = book.SheetNames[0];
    sheet = first === undefined ? undefined : book.Sheets[first];
  } catch {
    throw new NotAWorkbook();
  }
  if (!sheet) throw new NotAWorkbook();
  return utils.sheet_to_csv(sheet, { blankrows: false });
}
