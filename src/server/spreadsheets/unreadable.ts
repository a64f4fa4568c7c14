/** A file that cannot be read as a table, with where it fails when that is known (the line or row, and the column). */
export class UnreadableFile extends Error {
  readonly row: number | null;
  readonly column: string | null;

  constructor(message: string, where: { row?: number | null; column?: string | null } = {}) {
    super(message);
    this.name = 'UnreadableFile';
    this.row = where.row ?? null;
    this.column = where.column ?? null;
  }
}
