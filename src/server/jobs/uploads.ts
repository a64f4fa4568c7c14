import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

/** An upload waiting for its job: the file is named by the id the job will have, so a sweep can tell whose it is. */
export interface Upload {
  jobId: string;
  path: string;
  bytes: number;
}

/** Where the upload of a job waits. */
export const uploadPath = (dir: string, jobId: string) => join(dir, `${jobId}.upload`);

const NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.upload$/;
/** An upload with no job yet is being received; one that has not grown for this long was left by a stopped process. */
const RECEIVING_SECONDS = 3600;

/**
 * Writes the request body to `dir` as it arrives (never whole in memory), within `limit` bytes (`limitSetting` names
 * the setting in the refusal). The caller starts a job with `jobId` (its runner removes the file when the job ends);
 * a refused or empty upload is removed here.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, dir: string, limit: number, limitSetting: string): Promise<Upload> {
  if (!body) throw new AppError('INVALID_INPUT', 'Send the file as the request body (application/octet-stream)');
  await mkdir(dir, { recursive: true });
  const jobId = randomUUID();
  const path = uploadPath(dir, jobId);
  let bytes = 0;
  try {
    const chunks: Uint8Array[] = [];
    await writeFile(path, '');
    for await (const chunk of Readable.fromWeb(body as never) as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (bytes > limit) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${Math.round(limit / 1024 ** 2)} MB (${limitSetting})`);
      chunks.push(chunk);
      if (chunks.length >= 64) await appendFile(path, Buffer.concat(chunks.splice(0)));
    }
    if (chunks.length) await appendFile(path, Buffer.concat(chunks));
    if (bytes === 0) throw new AppError('INVALID_INPUT', 'The file is empty');
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
  return { jobId, path, bytes };
}

/**
 * Removes the uploads no running job will read: those of finished or failed jobs, and (on the embedded database, which
 * this process alone uses) every other one; on a server, an upload with no job is kept while it may still be arriving
 * at another process. Run after the jobs of stopped processes are marked failed. Returns the names removed.
 */
export async function sweepUploads(db: Kysely<DB>, dbKind: DatabaseKind, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ids = names.map((n) => NAME.exec(n)?.[1]).filter((id): id is string => Boolean(id));
  const status = new Map(ids.length ? (await db.selectFrom('jobs').select(['id', 'status']).where('id', 'in', ids).execute()).map((r) => [r.id, r.status] as const) : []);
  const removed: string[] = [];
  for (const name of names) {
    const id = NAME.exec(name)?.[1];
    if (!id) continue; // not an upload of ours
    const path = join(dir, name);
    const jobStatus = status.get(id);
    if (jobStatus === 'running' || jobStatus === 'queued') continue;
    if (jobStatus === undefined && dbKind === 'postgres') {
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs < RECEIVING_SECONDS * 1000) continue;
    }
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}
