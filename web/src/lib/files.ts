/**
 * Pure helpers for attachments: what may be uploaded, which content type a file has, and how to
 * name sizes and stored files. The limits are passed in so this module stays free of the contract's
 * schemas (and of zod).
 */
import { t } from './strings.ts';

export interface FileLimits {
  maxBytes: number;
  contentTypes: readonly string[];
}

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  text: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};

/** Browsers leave the type empty or guess oddly (CSV as a spreadsheet on Windows): fall back to the extension. */
export function contentTypeFor(file: { name: string; type: string }, limits: FileLimits): string {
  if (file.type && limits.contentTypes.includes(file.type)) return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[ext] ?? file.type;
}

/** Why this file cannot be uploaded, in plain words, or undefined when it can. */
export function fileProblem(
  file: { name: string; type: string; size: number },
  limits: FileLimits,
): string | undefined {
  if (file.size <= 0) return t.upload.empty;
  if (file.size > limits.maxBytes) return t.upload.tooBig(sizeWords(limits.maxBytes));
  if (!limits.contentTypes.includes(contentTypeFor(file, limits))) return t.upload.wrongType(typeWords(limits));
  if (/[/\\\0]/.test(file.name) || file.name.trim() === '' || file.name.length > 200) return t.upload.badName;
  return undefined;
}

/** "PDF, PNG, JPEG, text, CSV or ZIP". */
export function typeWords(limits: FileLimits): string {
  const names = [...new Set(limits.contentTypes.map((type) => t.upload.typeNames[type] ?? type))];
  return t.upload.orList(names);
}

/** "512 bytes", "34 KB", "2.5 MB". */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return t.upload.bytes(bytes);
  if (bytes < 1024 * 1024) return t.upload.kilobytes(Math.round(bytes / 1024));
  return t.upload.megabytes(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** The file name at the end of a stored key ("uploads/ab12/contract.pdf" → "contract.pdf"). */
export function fileNameFromKey(key: string): string {
  const last = key.split('/').filter(Boolean).pop() ?? key;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
