/**
 * CSV downloads of the report's tables. The CSV endpoint needs the bearer token, so a plain link
 * cannot fetch it: the portal fetches it and saves the answer as a file.
 */
import type { ReportTable } from '../lib/api.ts';

export const CSV_TABLES: readonly ReportTable[] = [
  'services',
  'agents',
  'weekly',
  'stages',
  'rejections',
  'breaches',
  'lowScores',
];

/** Keeps a file name to letters, digits, dot, dash and underscore, and makes it end in .csv. */
export function safeFileName(name: string): string {
  const base = name
    .replace(/[/\\]/g, '-')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 120);
  const stem = base.replace(/\.csv$/i, '') || 'report';
  return `${stem}.csv`;
}

/** The name the API suggests (`filename*=` or `filename=`), if it sent one. */
export function fileNameFromDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const value = (plain?.[2] ?? plain?.[1])?.trim();
  return value || undefined;
}

/** The download's file name: the API's suggestion, else `HR-services-2026-01-01-2026-01-31.csv`. */
export function csvFileName(
  header: string | null | undefined,
  report: { department: string; table: ReportTable; from: string; to: string },
): string {
  const suggested = fileNameFromDisposition(header);
  return safeFileName(suggested ?? `${report.department}-${report.table}-${report.from}-${report.to}`);
}

/** Saves a blob as a file through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
