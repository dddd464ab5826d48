/**
 * The API reference page of the local stack: Swagger UI (swagger-ui-dist, served from node_modules,
 * nothing from a CDN) reading GET /api/v1/openapi.json. Local only: the Lambda serves the document,
 * not the page.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { API_PREFIX } from '#shared/api.ts';

export const API_DOCS_PATH = '/api/docs';

/** The files of swagger-ui-dist the page loads, with their types; nothing else is served from there. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// The portal's Content-Security-Policy allows no inline script, so the page starts Swagger UI from a file.
const START = `window.ui = SwaggerUIBundle({
  url: '${API_PREFIX}/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Ordo API reference</title>
  <link rel="icon" type="image/png" href="${API_DOCS_PATH}/favicon-32x32.png">
  <link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${API_DOCS_PATH}/start.js"></script>
</body>
</html>
`;

function distDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/** Mounts the page at /api/docs on the local server's app. */
export function mountApiDocs(app: Hono): void {
  let dir: string | undefined;
  app.get(API_DOCS_PATH, (c) => c.redirect(`${API_DOCS_PATH}/`, 301));
  app.get(`${API_DOCS_PATH}/`, (c) => c.html(PAGE));
  app.get(`${API_DOCS_PATH}/start.js`, (c) => c.body(START, 200, { 'content-type': ASSETS['swagger-ui-bundle.js']! }));
  app.get(`${API_DOCS_PATH}/:file`, async (c) => {
    const file = c.req.param('file');
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return c.notFound();
    dir ??= distDir();
    const body = await readFile(join(dir, file));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  });
}
