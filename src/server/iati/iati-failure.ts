import { IatiFileError } from './iati-xml.reader.ts';

/** An IATI file that cannot be read, said with its line and column; anything else is not expected. */
export const explainIatiFailure = (e: unknown) =>
  e instanceof IatiFileError ? `${e.message}${e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ''})` : ''}. Nothing was changed.` : null;
