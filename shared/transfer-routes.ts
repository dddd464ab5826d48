/**
 * The routes of a department's catalog export and import (contract.ts spreads them into its table):
 * the department's document, one service's, and an import of a document or a CSV list, previewed or
 * applied (shared/transfer.ts, shared/transfer-csv.ts).
 */
import type { Audience } from './access.ts';
import { departmentCodeParam, serviceIdParam } from './api.ts';
import { answer } from './route-answer.ts';
import { csvImportBody, type ImportAnswer, importQuery, type TransferDocument, transferDocument } from './transfer.ts';

const code = departmentCodeParam;
const serviceId = serviceIdParam;

export const TRANSFER_ROUTES = {
  'GET /departments/:code/export': {
    audience: 'departmentHeadOrAdmin' satisfies Audience,
    tag: 'services',
    summary:
      'The department’s settings (name, contact, calendar, canvas) and every service as a versioned JSON document (format ordo.catalog, version 1).',
    params: { code },
    response: answer<TransferDocument>('CatalogDocument'),
  },
  'GET /departments/:code/services/:id/export': {
    audience: 'departmentHeadOrAdmin' satisfies Audience,
    tag: 'services',
    summary: 'One service of the department as a catalog document (without the department’s settings).',
    params: { code, id: serviceId },
    response: answer<TransferDocument>('CatalogDocument'),
  },
  'POST /departments/:code/import': {
    audience: 'departmentHeadOrAdmin' satisfies Audience,
    write: true,
    tag: 'services',
    summary:
      'Import a catalog document: preview=true (the default) answers what would be added, changed or left unchanged and writes nothing; preview=false writes it (new services as drafts, others as a new version keeping their status). Any refusal: 400 with the fields by path, nothing written.',
    params: { code },
    query: importQuery,
    body: transferDocument,
    response: answer<ImportAnswer>('CatalogImport'),
  },
  'POST /departments/:code/import/csv': {
    audience: 'departmentHeadOrAdmin' satisfies Audience,
    write: true,
    tag: 'services',
    summary:
      'Import a simple list of services from CSV (columns id, name, summary, description, tags, owner, resolution), previewed or applied as a catalog document.',
    params: { code },
    query: importQuery,
    body: csvImportBody,
    response: answer<ImportAnswer>('CatalogImport'),
  },
} as const;
