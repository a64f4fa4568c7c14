import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const ASSETS = { 'swagger-ui.css': 'text/css', 'swagger-ui-bundle.js': 'text/javascript' } as const;
const assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>devcoop API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="api"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api', deepLinking: true });";

/** The browsable API reference: Swagger UI, served from the installed package (no CDN), over /api/openapi.json. */
export function apiDocsRoutes() {
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(PAGE))
    .get('/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript' }))
    .get('/:asset', async (c) => {
      const asset = c.req.param('asset') as keyof typeof ASSETS;
      if (!(asset in ASSETS)) return c.notFound();
      const body = await readFile(join(assetDir, asset));
      return c.body(body, 200, { 'Content-Type': ASSETS[asset], 'Cache-Control': 'public, max-age=86400' });
    });
}
