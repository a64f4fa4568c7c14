// The shapes read-table.ts and xlsx-table.ts share, below both (read-table.ts re-exports them for its callers).

/** A table read from a CSV or XLSX file: the first row holds the column names. Pure (bytes in, rows out). */
export interface Table {
  sheet: string;
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

/** How much a spreadsheet may hold; each refusal names its limit and the setting that changes it (config.ts). */
export interface SpreadsheetLimits {
  /** Data rows (DEVCOOP_IMPORT_MAX_ROWS). */
  maxRows: number;
  /** An XLSX archive's parts inflated, in bytes (DEVCOOP_IMPORT_MAX_UNCOMPRESSED_MB). */
  maxUncompressedBytes: number;
  /** A part's inflated size over its compressed size (DEVCOOP_IMPORT_MAX_COMPRESSION_RATIO). */
  maxCompressionRatio: number;
}
