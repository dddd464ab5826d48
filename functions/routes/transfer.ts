/**
 * A department's catalog as a document, and its import (routes: shared/transfer-routes.ts; the use
 * case: workflows/transfer.ts). The export is a download: `content-disposition` names the file.
 */
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';

const serviceId = (raw: string) => (raw.length <= 100 ? raw : '');

export function transferRoutes(deps: Deps, on: On): void {
  const flow = deps.transferWorkflow;
  on('GET /departments/:code/export', async (c, { params }) => {
    const document = await flow.exportDepartment(c.get('user'), params.code);
    c.header('content-disposition', `attachment; filename="ordo-${params.code}.json"`);
    return document;
  });
  on('GET /departments/:code/services/:id/export', async (c, { params }) => {
    const id = serviceId(params.id);
    const document = await flow.exportService(c.get('user'), params.code, id);
    c.header('content-disposition', `attachment; filename="ordo-${params.code}-${id}.json"`);
    return document;
  });
  on('POST /departments/:code/import', (c, { params, query, body }) =>
    flow.importDocument(c.get('user'), params.code, body, !query.preview),
  );
  on('POST /departments/:code/import/csv', (c, { params, query, body }) =>
    flow.importCsv(c.get('user'), params.code, body.csv, !query.preview),
  );
}
