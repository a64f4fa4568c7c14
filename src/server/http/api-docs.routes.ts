import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const ASSETS = { 'swagger-ui.css': 'text/css', 'swagger-ui-bundle.js': 'text/javascript' } as const;
const assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>devcoop API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"><link rel="stylesheet" href="/api/docs/contrast.css"></head>
<body><div id="api"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// No deep links: Swagger UI puts them inside each operation's toggle button (a link in a button, reached by
// neither keyboard nor screen reader reliably, and a 19-pixel target).
const INIT = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api', deepLinking: false });";

/**
 * Swagger UI's colours where they fall below WCAG AA (4.5:1): dark text on the method badges (as its own dark
 * theme has), darker version badges and server address, a readable "expand all" in the schemas.
 */
const CONTRAST_CSS = `.swagger-ui .opblock .opblock-summary-method { color: #080a0b; text-shadow: none; }
.swagger-ui .opblock.opblock-head .opblock-summary-method, .swagger-ui .opblock.opblock-options .opblock-summary-method { color: #fff; }
.swagger-ui .info .title small { background: #434b4f; }
.swagger-ui .info .title small.version-stamp { background: #1d632e; }
.swagger-ui .info .base-url, .swagger-ui .info .url, .swagger-ui .info a { color: #1f5f99; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #4f5861; }
`;

/** The browsable API reference: Swagger UI, served from the installed package (no CDN), over /api/openapi.json. */
export function apiDocsRoutes() {
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(PAGE))
    .get('/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript' }))
    .get('/contrast.css', (c) => c.body(CONTRAST_CSS, 200, { 'Content-Type': 'text/css' }))
    .get('/:asset', async (c) => {
      const asset = c.req.param('asset') as keyof typeof ASSETS;
      if (!(asset in ASSETS)) return c.notFound();
      const body = await readFile(join(assetDir, asset));
      return c.body(body, 200, { 'Content-Type': ASSETS[asset], 'Cache-Control': 'public, max-age=86400' });
    });
}
