import { describe, expect, it } from 'vitest';
import { csvFileName, fileNameFromDisposition, safeFileName } from './csv.ts';

describe('fileNameFromDisposition', () => {
  it('reads the plain and the extended form', () => {
    expect(fileNameFromDisposition('attachment; filename="HR-services-2026-01-01-2026-01-31.csv"')).toBe(
      'HR-services-2026-01-01-2026-01-31.csv',
    );
    expect(fileNameFromDisposition('attachment; filename=report.csv')).toBe('report.csv');
    expect(fileNameFromDisposition('attachment; filename*=UTF-8\'\'Kadry%20Q1.csv; filename="x.csv"')).toBe(
      'Kadry Q1.csv',
    );
  });

  it('has nothing when the header is missing or unreadable (e.g. not exposed across origins)', () => {
    expect(fileNameFromDisposition(null)).toBeUndefined();
    expect(fileNameFromDisposition('attachment')).toBeUndefined();
  });
});

describe('safeFileName', () => {
  it('keeps names tidy and always ends in .csv', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd.csv');
    expect(safeFileName('Kadry Q1.csv')).toBe('Kadry_Q1.csv');
    expect(safeFileName('')).toBe('report.csv');
    expect(safeFileName('x'.repeat(300)).length).toBeLessThanOrEqual(124);
  });
});

describe('csvFileName', () => {
  const report = { department: 'HR', table: 'lowScores' as const, from: '2026-01-01', to: '2026-03-31' };

  it('prefers the API’s suggestion', () => {
    expect(csvFileName('attachment; filename="HR-weekly-2026-01-01-2026-03-31.csv"', report)).toBe(
      'HR-weekly-2026-01-01-2026-03-31.csv',
    );
  });

  it('names the file after department, table and period otherwise', () => {
    expect(csvFileName(null, report)).toBe('HR-lowScores-2026-01-01-2026-03-31.csv');
  });
});
