/**
 * One cell as read from any format. k: s text, n number, d date (v = serial in the workbook's date
 * system), b boolean, e error value (#N/A …; never imported as text). z: the number format code, so
 * that the text Excel shows can be produced for previews and reports.
 */
export type CellKind = 's' | 'n' | 'd' | 'b' | 'e';

export interface Cell {
  k: CellKind;
  v: string | number | boolean;
  z?: string;
}

export interface SheetRow {
  /** Sheet row number as Excel shows it (1-based); for text files, the record number. */
  row: number;
  /** Sparse by column index (0-based). */
  cells: (Cell | null)[];
}

export const textCell = (v: string): Cell => ({ k: 's', v });
