import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A path that names a file by a file extension (the app's own routes never end in one). */
const FILE_NAME = /\.(html?|m?js|css|map|svg|png|jpe?g|gif|webp|ico|json|txt|xml|woff2?|ttf|webmanifest)$/i;

/** Serves the built web UI; any other path gets index.html so the client-side router can take it. */
export function webRoutes(webDir: string) {
  const index = join(webDir, 'index.html');
  return new Hono<AppEnv>().get('*', async (c) => {
    if (!existsSync(index)) {
      return c.text('The web interface is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    const rel = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^([/\\])+/, '');
    const file = join(webDir, rel);
    if (rel && file.startsWith(webDir + sep) && existsSync(file) && extname(file)) {
      const immutable = rel.startsWith('assets/');
      return c.body(await readFile(file), 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    // A file that is not there is a 404 (a stale asset link must fail loudly); other paths are the app's own routes.
    if (FILE_NAME.test(rel)) return c.text(`There is no file ${rel}`, 404);
    return c.body(await readFile(index), 200, { 'Content-Type': TYPES['.html'] as string, 'Cache-Control': 'no-cache' });
  });
}
