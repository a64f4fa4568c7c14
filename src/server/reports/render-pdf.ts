import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors.ts';

const run = promisify(execFile);

/** Where Chromium is: DEVCOOP_CHROMIUM, or the Debian package's path. PDF is offered only where it is installed. */
export function chromiumPath(): string | null {
  const candidates = [process.env.DEVCOOP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Prints a report's HTML page to PDF with headless Chromium (A4, the page's own print styles). */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const chromium = chromiumPath();
  if (!chromium) throw new AppError('UNAVAILABLE', 'PDF needs Chromium on the server (apt-get install chromium, or set DEVCOOP_CHROMIUM); HTML and DOCX are available');
  const dir = await mkdtemp(join(tmpdir(), 'devcoop-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    await writeFile(page, html);
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        `file://${page}`,
      ],
      { timeout: 60_000 },
    );
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
