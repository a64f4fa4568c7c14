import contentDisposition from 'content-disposition';

/**
 * The Content-Disposition header of a file sent back (RFC 6266, with RFC 5987's `filename*` for names that
 * are not ASCII), written by the jshttp library. A name made from user data or codes is first made a safe
 * file name: control characters (CR/LF would break the header) are dropped, and slashes, backslashes and
 * the characters file systems refuse become '-', so `IND/23/01/EUR` downloads as `IND-23-01-EUR`.
 */
export function dispositionOf(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const safe =
    fileName
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[/\\:*?"<>|]/g, '-')
      .trim()
      .slice(0, 200) || 'download';
  // The plain `filename` for old clients: ASCII only (accents dropped, anything else '_'); `filename*` keeps the real name.
  const fallback = safe
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
  return contentDisposition(safe, { type, fallback });
}
