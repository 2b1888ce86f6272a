/**
 * Defences against hostile and broken files: caps on what a file may expand to, how long reading
 * may take and how much may be held at once. The caps sit far above real reps' files (Excel's own
 * grid is 1,048,576 × 16,384) and far below what would exhaust a desktop.
 */
export interface ReadLimits {
  /** Largest file accepted at all. */
  maxFileBytes: number;
  /** Zip packages: entries, total and per-entry uncompressed bytes, and compression ratio. */
  maxZipEntries: number;
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  /** Ratio uncompressed / compressed beyond which a large entry is treated as a bomb. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny XML compresses very well). */
  ratioFloorBytes: number;
  /** Shared-string table: total characters. */
  maxSharedStringChars: number;
  /** Merged ranges per sheet. */
  maxMerges: number;
  /** One CSV record, in characters. */
  maxRecordChars: number;
  /** Legacy .xls/.ods/.html workbooks are parsed in memory: their size cap. */
  maxLegacyBytes: number;
  /** Wall-clock budget for reading one sheet (ms). */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxZipEntries: 20_000,
  maxTotalUncompressed: 3 * 1024 * 1024 * 1024,
  maxEntryUncompressed: 2 * 1024 * 1024 * 1024,
  maxRatio: 400,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxSharedStringChars: 512 * 1024 * 1024,
  maxMerges: 200_000,
  maxRecordChars: 4 * 1024 * 1024,
  maxLegacyBytes: 256 * 1024 * 1024,
  timeoutMs: 10 * 60 * 1000,
};
