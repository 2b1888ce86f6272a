/**
 * What a report hands the writers: a document of sheets, each a list of typed columns and a stream of
 * rows. Writers (xlsx, csv) turn it into files; report builders never touch exceljs.
 */
import type { ReportKind } from '../../../../shared/contract/reports';

/**
 * How a column's values are stored and shown. Money arrives as integer fen and is written as yuan
 * with `#,##0.00` (the header says 元); dates arrive as ISO strings and datetimes as epoch ms, both
 * written as real Excel dates; percent arrives as a ratio (0.85); hours are a duration in hours shown
 * with one decimal (working time on SLA clocks).
 */
export type ColumnKind = 'text' | 'money' | 'int' | 'number' | 'hours' | 'percent' | 'date' | 'datetime' | 'bool';

/** Conditional colours a column can carry (applied as live conditional formatting). */
export type ColourRule = 'attainment' | 'overdueDays' | 'agingBucket' | 'flag';

export interface ColumnSpec {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Fixed width in Excel character units; otherwise fitted to the header and the first rows. */
  width?: number;
  /** What the totals (and group subtotal) row shows for this column. */
  total?: 'sum' | 'count' | { ratio: [numeratorKey: string, denominatorKey: string] } | { label: string };
  colour?: ColourRule;
  /** agingBucket columns: 0 = not due … 4 = 90+ days; non-zero amounts get that bucket's colour. */
  severity?: 0 | 1 | 2 | 3 | 4;
}

/** A live formula; `{key}` stands for this row's cell in the column with that key. */
export interface FormulaCell {
  formula: string;
  /** The value the formula gives now (cached in the file for readers that do not recalculate). */
  result: number | string | null;
  kind?: ColumnKind;
}

/** A value with its own kind (key/value summary sheets mix money, counts and ratios in one column). */
export interface TypedCell {
  value: number | string | null;
  kind: ColumnKind;
}

export type CellValue = string | number | boolean | null | undefined | FormulaCell | TypedCell;
export type RowValues = CellValue[];

export interface SheetSpec {
  name: string;
  /** A line under the title block naming what this sheet holds (e.g. "业务员：张三"). */
  subtitle?: string;
  columns: ColumnSpec[];
  rows: Iterable<RowValues> | AsyncIterable<RowValues>;
  /** Group subtotal rows: rows arrive sorted by this column, and a SUBTOTAL row follows each group. */
  groupBy?: string;
  /** Columns left of the freeze line (the row header stays visible when scrolling right). */
  freezeColumns?: number;
  /** Key/value sheets (a summary) have no totals row or auto-filter. */
  plain?: boolean;
}

export interface ReportDoc {
  report: ReportKind;
  title: string;
  /** "2026年10月（2026-10-01 至 2026-10-31）"; null for point-in-time reports. */
  periodLabel: string | null;
  /** The canonical key ("2026-10") for file names; null when the report has no period. */
  periodKey: string | null;
  /** The filters in words, shown in the title block and the document properties. */
  filters: [label: string, value: string][];
  /** Produced lazily so that a sheet's rows are only read when it is written. */
  sheets: () => Iterable<SheetSpec>;
  /** Which sheet (by name prefix order: index among sheets) is the CSV export. */
  csvSheet: number;
}

export interface WriteContext {
  generatedAt: number;
  generatedBy: string;
  timeZone: string;
  company: string;
  /** Called with the number of data rows written so far (for progress events). */
  onRows?: (rows: number) => void;
}

export function isFormulaCell(v: CellValue): v is FormulaCell {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

export function isTypedCell(v: CellValue): v is TypedCell {
  return typeof v === 'object' && v !== null && 'kind' in v && !('formula' in v);
}
