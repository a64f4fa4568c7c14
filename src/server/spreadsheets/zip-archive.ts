import { createInflateRaw } from 'node:zlib';
import { UnreadableFile } from './unreadable.ts';

/**
 * A zip archive (an XLSX workbook) read from its central directory: the sizes each part declares are known, and
 * checked against the limits, before a byte is inflated; inflating then stops as soon as a part passes what it
 * declared, so an archive that lies is stopped too.
 */
export interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ArchiveLimits {
  /** Sum of the parts' declared sizes, in bytes. */
  maxUncompressedBytes: number;
  /** A part's declared size over its compressed size (parts under 1 MB are not held to it). */
  maxCompressionRatio: number;
}

const MB = 2 ** 20;
const fmt = (n: number) => Math.round(n).toLocaleString('en');
export const megabytes = (bytes: number) => `${fmt(bytes / MB)} MB`;
const kilobytes = (bytes: number) => `${fmt(Math.max(1, bytes / 1024))} KB`;

/** The parts listed by the central directory (ZIP64 included), refused when their declared sizes pass the limits. */
export function readCentralDirectory(bytes: Uint8Array, fileName: string, limits: ArchiveLimits): Map<string, ZipPart> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => new UnreadableFile(`${fileName} is not a readable XLSX workbook: ${why}`);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('the end of its zip directory is missing (a truncated or damaged file)');
  let count = view.getUint16(end + 10, true);
  let dirSize = view.getUint32(end + 12, true);
  let dirOffset = view.getUint32(end + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const z = Number(view.getBigUint64(end - 12, true));
    if (z + 56 > bytes.length || view.getUint32(z, true) !== 0x06064b50) throw damaged('its ZIP64 directory is damaged');
    count = Number(view.getBigUint64(z + 32, true));
    dirSize = Number(view.getBigUint64(z + 40, true));
    dirOffset = Number(view.getBigUint64(z + 48, true));
  }
  if (dirOffset + dirSize > bytes.length) throw damaged('its zip directory points outside the file');
  const parts = new Map<string, ZipPart>();
  let total = 0;
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw damaged('its zip directory is damaged');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64: the sizes and offset that did not fit are in the extra field 0x0001, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + length ? Number(view.getBigUint64(q, true)) : 0;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new UnreadableFile(`${fileName} is encrypted (protected by a password): save it without a password and import it again`);
    if (method !== 0 && method !== 8) throw damaged(`the part ${name} is compressed with method ${method}, which an XLSX workbook does not use`);
    total += size;
    if (total > limits.maxUncompressedBytes) {
      let all = total;
      for (let m = n + 1, q = p; m < count && q + 46 <= bytes.length; m++) {
        all += view.getUint32(q + 24, true);
        q += 46 + view.getUint16(q + 28, true) + view.getUint16(q + 30, true) + view.getUint16(q + 32, true);
      }
      throw new UnreadableFile(
        `${fileName} would inflate to ${megabytes(all)}, over the limit of ${megabytes(limits.maxUncompressedBytes)} for a spreadsheet (setting DEVCOOP_IMPORT_MAX_UNCOMPRESSED_MB): it is not an ordinary ERP export; split it or raise the setting`,
      );
    }
    if (size > MB && size > limits.maxCompressionRatio * Math.max(1, compressedSize)) {
      throw new UnreadableFile(
        `${fileName}: the part ${name} is compressed ${fmt(size / Math.max(1, compressedSize))} times (${kilobytes(compressedSize)} inflating to ${megabytes(size)}), over the limit of ${limits.maxCompressionRatio} (setting DEVCOOP_IMPORT_MAX_COMPRESSION_RATIO): an ERP export compresses about 10 times; this file looks made to exhaust the server`,
      );
    }
    parts.set(name, { name, method, compressedSize, size, localHeaderOffset });
  }
  return parts;
}

/**
 * A part's bytes, inflated chunk by chunk (zlib works off the main thread, and each chunk is handed over in a
 * callback of its own, so other requests are served between chunks). Stops at the size the part declared.
 */
export async function* inflatePart(bytes: Uint8Array, part: ZipPart, fileName: string): AsyncGenerator<Buffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = part.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new UnreadableFile(`${fileName} is not a readable XLSX workbook: the part ${part.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + part.compressedSize);
  if (part.method === 0) {
    if (data.length > part.size) throw liar(part, fileName);
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 16 * 1024 });
  inflate.end(data);
  let seen = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > part.size) throw liar(part, fileName);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile(`${fileName} is not a readable XLSX workbook: the part ${part.name} cannot be inflated (${(err as Error).message})`);
  } finally {
    inflate.destroy();
  }
}

const liar = (part: ZipPart, fileName: string) =>
  new UnreadableFile(`${fileName}: the part ${part.name} inflates beyond the ${megabytes(part.size)} its archive declares: the file is damaged or made to harm; export it again`);
