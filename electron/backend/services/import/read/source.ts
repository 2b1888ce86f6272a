import type { MergeRange } from '../../../../../shared/domain/import/grid';
import type { SheetRow } from './cell';

/** What every reader (xlsx, legacy workbook, text) offers the import service. */
export type SourceFormat = 'xlsx' | 'xls' | 'ods' | 'html' | 'xml2003' | 'csv';
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetMeta {
  name: string;
  state: SheetState;
  /** False for chart sheets and sheets whose part is missing: listed, never imported. */
  readable: boolean;
}

export interface ReadSheetOptions {
  /** Stop materialising rows after this many (the preview); merges are still collected. */
  maxRows?: number;
  onRow: (row: SheetRow) => void;
  /** Throws (timeout / cancel) between chunks. */
  check: () => void;
}

export interface SourceWarning {
  code: string;
  zh: string;
  en: string;
}

export interface ReadSheetResult {
  merges: MergeRange[];
  /** Rows present in the sheet (all of them, even past maxRows, where the format tells). */
  rowCount: number;
  /** False when reading stopped at maxRows before the end (rowCount is then a lower bound). */
  complete: boolean;
  warnings: SourceWarning[];
}

export interface WorkbookSource {
  format: SourceFormat;
  date1904: boolean;
  /** Text encoding used (text files only). */
  encoding: string | null;
  sheets: SheetMeta[];
  readSheet(name: string, opts: ReadSheetOptions): Promise<ReadSheetResult>;
  close(): void;
}
