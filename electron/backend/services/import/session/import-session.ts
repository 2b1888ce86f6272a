import type { AllocationSummary } from '../owner-allocation';
import type { ColumnMapping } from '../../../../../shared/domain/import/header-match';
import type { MergeRange } from '../../../../../shared/domain/import/grid';
import type { DuplicatePolicy, ImportKind } from '../../../../../shared/domain/import/kinds';
import type { SheetRow } from '../read/cell';
import type { SourceWarning, WorkbookSource } from '../read/source';
import type { EncodingChoice } from '../read/text/text-encoding';
import type { Staging } from './staging';

export interface ImportOptions {
  /** Unmapped columns: kept as "header: value" lines in the notes, or ignored. */
  unmapped: 'notes' | 'ignore';
  onDuplicate: DuplicatePolicy;
  /** Owner assignment by the allocation rules for new accounts without an owner. */
  assignOwners: boolean;
}

export interface ValidationSummary {
  rows: number;
  valid: number;
  errorRows: number;
  warningRows: number;
  userSkipped: number;
  plan: { create: number; update: number; unchanged: number; skip: number; error: number };
  duplicatesInFile: number;
  duplicatesInDb: number;
  /** Orders: how many orders the lines form. */
  entities: number | null;
  /** Accounts with assignOwners: the owners the allocation rules give the new accounts. */
  allocation: AllocationSummary | null;
}

/**
 * One file being imported: the opened workbook, the chosen sheet and header rows, the staged data
 * rows, the mapping, and the validation results. Lives in the backend between wizard steps.
 */
export interface ImportSession {
  id: string;
  path: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  encodingChoice: EncodingChoice;
  source: WorkbookSource;
  staging: Staging;
  sheet: string | null;
  headerRow: number;
  headerRows: 1 | 2;
  headers: string[];
  /** Columns whose header carried a required marker (*). */
  marked: boolean[];
  /** First rows of the chosen sheet (for header detection and the preview) and its merges. */
  head: SheetRow[];
  merges: MergeRange[];
  sheetRowCount: number;
  sourceWarnings: SourceWarning[];
  /** Data rows staged for the current sheet/header choice (null until loaded). */
  loadedFor: string | null;
  kind: ImportKind | null;
  mapping: ColumnMapping[];
  options: ImportOptions;
  sender: string | null;
  summary: ValidationSummary | null;
  validatedFor: string | null;
  committedBatchId: string | null;
  busy: boolean;
  lastUsed: number;
  abort: AbortController | null;
  taskId: string | null;
}
