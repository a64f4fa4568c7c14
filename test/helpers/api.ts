import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { createLogger } from '../../src/server/logger.ts';

export type TestApp = ReturnType<typeof createApp>;

let uploads: string | undefined;
/** One uploads folder per test process, removed when it ends. */
function uploadsDir(): string {
  if (!uploads) {
    const dir = mkdtempSync(join(tmpdir(), 'devcoop-test-uploads-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    uploads = dir;
  }
  return uploads;
}

/** The real app over a test database, with a silent logger; `overrides` are environment-style settings. */
export function buildApp(database: Database, overrides: Record<string, string> = {}): TestApp {
  const config = loadConfig({ DEVCOOP_DATA: '/nonexistent', DEVCOOP_UPLOADS: uploadsDir(), LOG_LEVEL: 'silent', DEVCOOP_CHECK_RESPONSES: '1', ...overrides }, 'test');
  return createApp({ db: database.db, dbKind: database.kind, config, logger: createLogger('silent') });
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The body of a successful reply: with `status`, exactly that status; without, any 2xx. A failure shows the
 * body, so the refusal's message is in the test's output.
 */
export function ok<T = any>(r: { status: number; body: unknown }, status?: number): T {
  if (status === undefined) assert.ok(r.status >= 200 && r.status < 300, `${r.status} ${JSON.stringify(r.body)}`);
  else assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body as T;
}

/** Follows a job through the API until it has ended (done or failed), as the screens do. */
export async function settledJob(client: Client, id: string) {
  for (let i = 0; i < 400; i++) {
    const job = ok(await client.get(`/api/jobs/${id}`));
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the job did not finish');
}

/** A client that keeps its session cookie and sends the CSRF header, as the web UI does. */
export class Client {
  cookie?: string;
  csrf?: string;
  /** The devcoop_device cookie a sign-in sets (a known device), sent back as a browser does. */
  device?: string;

  constructor(readonly app: TestApp) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    const cookies = [this.cookie, this.device].filter(Boolean);
    if (cookies.length) h.Cookie = cookies.join('; ');
    if (this.csrf && method !== 'GET') h['X-CSRF-Token'] ??= this.csrf;
    const raw = typeof body === 'string' || body instanceof Uint8Array;
    if (body !== undefined && !raw) h['Content-Type'] ??= 'application/json';
    const res = await this.app.request(path, { method, headers: h, body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(/devcoop_session=([^;]*)/);
      if (m) this.cookie = m[1] ? `devcoop_session=${m[1]}` : undefined;
      const d = setCookie.match(/devcoop_device=([^;]*)/);
      if (d) this.device = d[1] ? `devcoop_device=${d[1]}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async signIn(email: string, password: string): Promise<Reply> {
    const r = await this.post('/api/session', { email, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}
