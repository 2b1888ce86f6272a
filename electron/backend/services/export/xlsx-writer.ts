/**
 * Writes a ReportDoc as a manager-ready workbook with exceljs's streaming writer: a title block,
 * a frozen header with an auto-filter, fitted column widths, real number and date formats, totals and
 * group subtotals as live SUBTOTAL formulas (so they follow the filter), conditional colours, print
 * setup and document properties. Rows stream from the report: memory stays flat for 100,000 rows.
 */
import ExcelJS from 'exceljs';
import { sheetNamer } from '../../../../shared/domain/sheet-names';
import { displayWidth } from '../../../../shared/domain/spreadsheet-text';
import { epochToZoned } from '../../../../shared/domain/zoned-time';
import { appPropertiesXml } from './app-properties';
import { compressorCaughtUp } from './zip-backpressure';
import { NUM_FMT, xlsxValue } from './cell-format';
import { columnLetter, expandRowFormula } from './cell-refs';
import {
  type CellValue,
  type ColumnKind,
  type ColumnSpec,
  type ReportDoc,
  type RowValues,
  type SheetSpec,
  type WriteContext,
  isFormulaCell,
  isTypedCell,
} from './sheet-spec';
import { HEADER_FILL, HEADER_FONT, META_FONT, SUBTOTAL_FILL, TITLE_FONT, TOTAL_FILL, TOTAL_FONT, agingHeaderFill, colourRules } from './styles';

/** Title, meta line, filters line, then the header row. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
const WIDTH_SAMPLE_ROWS = 300;
/** Excel's width of a column nobody sized (about 8.43 characters). */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Column widths count 11 pt characters; the meta lines are set in 9 pt. */
const META_SCALE = 9 / 11;
const META_LINE_HEIGHT = 13;

export interface XlsxWriteResult {
  sheets: string[];
  /** Data rows written per sheet (title, header, subtotal and totals rows not counted). */
  rows: number[];
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Worksheet = ExcelJS.Worksheet;
type XlsxCell = string | number | null | { formula: string; result?: number | string } | { richText: { text: string }[] };

async function* iterate(rows: Iterable<RowValues> | AsyncIterable<RowValues>): AsyncGenerator<RowValues> {
  yield* rows;
}

function sampleText(kind: ColumnKind, v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (isFormulaCell(v)) return sampleText(v.kind ?? kind, v.result);
  if (isTypedCell(v)) return sampleText(v.kind, v.value);
  switch (kind) {
    case 'money':
      return typeof v === 'number' ? (v / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v);
    case 'int':
      return typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
    case 'hours':
      return typeof v === 'number' ? v.toFixed(1) : String(v);
    case 'percent':
      return '100.0%';
    case 'date':
      return '2026-12-31';
    case 'datetime':
      return '2026-12-31 23:59';
    case 'bool':
      return '是';
    default:
      return String(v);
  }
}

function fitWidths(columns: ColumnSpec[], sample: RowValues[]): number[] {
  return columns.map((c, i) => {
    if (c.width) return c.width;
    let widest = displayWidth(c.header);
    for (const row of sample) widest = Math.max(widest, displayWidth(sampleText(c.kind, row[i])));
    // Room for the filter drop-down button beside the header text.
    return Math.min(50, Math.max(8, widest + 3));
  });
}

interface Sums {
  /** Running totals per column: money in fen (exact), other numbers as they come. */
  values: number[];
  count: number[];
  firstRow: number;
}

function newSums(n: number, firstRow: number): Sums {
  return { values: new Array<number>(n).fill(0), count: new Array<number>(n).fill(0), firstRow };
}

function numericOf(v: CellValue): number | null {
  if (typeof v === 'number') return v;
  if (isFormulaCell(v)) return typeof v.result === 'number' ? v.result : null;
  if (isTypedCell(v)) return typeof v.value === 'number' ? v.value : null;
  return null;
}

/**
 * exceljs dedupes cell styles by object identity (a WeakMap); a fresh style object per cell makes it
 * rebuild the style for every cell, 4× slower. Every data cell therefore gets one shared object.
 */
function styleFor(cache: Map<string, Partial<ExcelJS.Style>>, numFmt: string | undefined, kind: ColumnKind): Partial<ExcelJS.Style> {
  const key = `${kind}|${numFmt ?? ''}`;
  let style = cache.get(key);
  if (!style) {
    const alignment: Partial<ExcelJS.Alignment> | undefined = kind === 'bool' ? { horizontal: 'center' } : kind === 'percent' ? { horizontal: 'right' } : undefined;
    style = { ...(numFmt ? { numFmt } : {}), ...(alignment ? { alignment } : {}) };
    cache.set(key, style);
  }
  return style;
}

class SheetWriter {
  private readonly columnOf: Map<string, number>;
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  private rowNo = FIRST_DATA_ROW;
  private dataRows = 0;

  constructor(
    private readonly ws: Worksheet,
    private readonly spec: SheetSpec,
    private readonly ctx: WriteContext,
  ) {
    this.columnOf = new Map(spec.columns.map((c, i) => [c.key, i + 1]));
  }

  get rowsWritten(): number {
    return this.dataRows;
  }

  writeTitleBlock(doc: ReportDoc): void {
    const { ws, spec, ctx } = this;
    const span = Math.max(spec.columns.length, 4);
    const last = columnLetter(span);
    let spanWidth = 0;
    for (let i = 1; i <= span; i++) spanWidth += ws.getColumn(i).width ?? DEFAULT_COLUMN_WIDTH;
    const at = epochToZoned(ctx.generatedAt, ctx.timeZone);
    const metaParts = [doc.periodLabel ? `期间：${doc.periodLabel}` : null, `生成时间：${at.date} ${at.time}`, `生成人：${ctx.generatedBy}`].filter((p) => p !== null);
    // Over a narrow sheet (a summary) the line is wider than the merged cells, and Excel and LibreOffice
    // cut it off on screen and on paper: then each part gets its own line.
    const oneLine = metaParts.join('    ');
    const stacked = (displayWidth(oneLine) * META_SCALE) / spanWidth > 1;
    const meta = stacked ? metaParts.join('\n') : oneLine;
    const filters = doc.filters.length ? `筛选：${doc.filters.map(([k, v]) => `${k} = ${v}`).join('；')}` : '筛选：无（全部数据）';
    const lines: [string, ExcelJS.Font | Partial<ExcelJS.Font>][] = [
      [spec.subtitle ? `${doc.title} — ${spec.subtitle}` : doc.title, TITLE_FONT],
      [meta, META_FONT],
      [filters, META_FONT],
    ];
    for (const [i, [text, font]] of lines.entries()) {
      const row = ws.getRow(i + 1);
      const cell = row.getCell(1);
      // Title-block text is ours, but it carries user-typed filter values: keep it plain text.
      cell.value = text;
      cell.font = font;
      cell.numFmt = '@';
      cell.alignment = { vertical: 'middle' };
      if (i === 0) row.height = 24;
      if (i === 1 && stacked) {
        cell.alignment = { vertical: 'middle', wrapText: true };
        row.height = META_LINE_HEIGHT * metaParts.length;
      }
      ws.mergeCells(`A${i + 1}:${last}${i + 1}`);
      row.commit();
    }
    const header = ws.getRow(HEADER_ROW);
    header.height = 20;
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.numFmt = '@';
      cell.font = HEADER_FONT;
      cell.fill = c.colour === 'agingBucket' && c.severity ? agingHeaderFill(c.severity) : HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
    });
    header.commit();
  }

  private toCell(kind: ColumnKind, v: CellValue): { value: XlsxCell; numFmt?: string } {
    const tz = this.ctx.timeZone;
    if (isFormulaCell(v)) {
      const k = v.kind ?? kind;
      const result = typeof v.result === 'number' ? (xlsxValue(k, v.result, tz) as number) : (v.result ?? undefined);
      const formula = expandRowFormula(v.formula, this.rowNo, this.columnOf);
      return { value: result === undefined ? { formula } : { formula, result }, ...(v.kind ? { numFmt: NUM_FMT[v.kind] } : {}) };
    }
    if (isTypedCell(v)) {
      const fmt = NUM_FMT[v.kind];
      return { value: xlsxValue(v.kind, v.value, tz), ...(fmt ? { numFmt: fmt } : {}) };
    }
    if (typeof v === 'object' && v !== null) return { value: null };
    // Strings always go in as text cells, never as formulas, whatever they start with.
    const value = xlsxValue(kind, v, tz);
    // An inline <v> loses leading/trailing whitespace on reading; rich text is written with xml:space="preserve".
    if (typeof value === 'string' && /^\s|\s$/.test(value)) return { value: { richText: [{ text: value }] } };
    return { value };
  }

  writeDataRow(values: RowValues, sums: Sums[]): void {
    const { ws, spec } = this;
    const row = ws.getRow(this.rowNo);
    spec.columns.forEach((c, i) => {
      const v = values[i];
      if (v === null || v === undefined) return;
      const cell = row.getCell(i + 1);
      const out = this.toCell(c.kind, v);
      cell.value = out.value;
      cell.style = styleFor(this.styles, out.numFmt ?? NUM_FMT[c.kind], c.kind);
      const n = numericOf(v);
      if (n !== null) for (const s of sums) s.values[i] = (s.values[i] ?? 0) + n;
      for (const s of sums) s.count[i] = (s.count[i] ?? 0) + 1;
    });
    row.commit();
    this.rowNo++;
    this.dataRows++;
  }

  /** A SUBTOTAL row over rows [from, to]; subtotals inside a grand total are skipped by SUBTOTAL itself. */
  writeTotalRow(label: string, sums: Sums, fill: ExcelJS.Fill): void {
    const { ws, spec, ctx } = this;
    const from = sums.firstRow;
    const to = this.rowNo - 1;
    const row = ws.getRow(this.rowNo);
    const labelCol = spec.columns.findIndex((c) => !c.total || (typeof c.total === 'object' && 'label' in c.total));
    const resultOf = (key: string): number | null => {
      const idx = this.columnOf.get(key);
      if (idx === undefined) return null;
      const col = spec.columns[idx - 1]!;
      const raw = sums.values[idx - 1] ?? 0;
      return col.kind === 'money' ? raw / 100 : raw;
    };
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = TOTAL_FONT;
      cell.fill = fill;
      cell.border = { top: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
      const letter = columnLetter(i + 1);
      const range = `${letter}${from}:${letter}${Math.max(from, to)}`;
      const t = c.total;
      if (i === labelCol) {
        cell.value = typeof t === 'object' && 'label' in t ? t.label : label;
        return;
      }
      if (!t) return;
      if (t === 'sum') {
        const result = resultOf(c.key) ?? 0;
        cell.value = { formula: `SUBTOTAL(109,${range})`, result: Math.round(result * 100) / 100 };
      } else if (t === 'count') {
        cell.value = { formula: `SUBTOTAL(103,${range})`, result: sums.count[i] ?? 0 };
        cell.numFmt = NUM_FMT.int!;
      } else if ('ratio' in t) {
        const [num, den] = t.ratio;
        const n = this.columnOf.get(num);
        const d = this.columnOf.get(den);
        if (n === undefined || d === undefined) return;
        const nv = resultOf(num) ?? 0;
        const dv = resultOf(den) ?? 0;
        const r = this.rowNo;
        cell.value = { formula: `IF(N(${columnLetter(d)}${r})>0,${columnLetter(n)}${r}/${columnLetter(d)}${r},"")`, result: dv > 0 ? nv / dv : '' };
      }
    });
    void ctx;
    row.commit();
    this.rowNo++;
  }

  lastDataRow(): number {
    return this.rowNo - 1;
  }

  finish(totalsRow: number | null): void {
    const { ws, spec } = this;
    const lastCol = columnLetter(spec.columns.length);
    const lastData = Math.max(HEADER_ROW, totalsRow === null ? this.rowNo - 1 : totalsRow - 1);
    if (!spec.plain) ws.autoFilter = `A${HEADER_ROW}:${lastCol}${lastData}`;
    const end = Math.max(FIRST_DATA_ROW, totalsRow ?? lastData);
    spec.columns.forEach((c, i) => {
      if (!c.colour) return;
      const letter = columnLetter(i + 1);
      const rules = colourRules(c.colour, `${letter}${FIRST_DATA_ROW}`, c.severity ?? 0);
      if (rules.length) ws.addConditionalFormatting({ ref: `${letter}${FIRST_DATA_ROW}:${letter}${end}`, rules });
    });
    ws.commit();
  }
}

async function writeSheet(wb: Writer, name: string, spec: SheetSpec, doc: ReportDoc, ctx: WriteContext, rowsSoFar: number): Promise<number> {
  const it = iterate(spec.rows);
  const sample: RowValues[] = [];
  let done = false;
  while (sample.length < WIDTH_SAMPLE_ROWS) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  const freezeX = spec.freezeColumns ?? 0;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: freezeX, ySplit: HEADER_ROW, topLeftCell: `${columnLetter(freezeX + 1)}${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}`, showGridLines: true }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: `&L${doc.title}&C第 &P 页，共 &N 页&R&D` },
  });
  const widths = fitWidths(spec.columns, sample);
  // Flags read best centred; ratios stay right-aligned even when a cell says "未设目标".
  const columnStyles = new Map<string, Partial<ExcelJS.Style>>();
  ws.columns = spec.columns.map((c, i) => ({ key: c.key, width: widths[i], style: styleFor(columnStyles, NUM_FMT[c.kind], c.kind) }));
  const sw = new SheetWriter(ws, spec, ctx);
  sw.writeTitleBlock(doc);

  const hasTotals = !spec.plain && spec.columns.some((c) => c.total);
  const grand = newSums(spec.columns.length, FIRST_DATA_ROW);
  const groupIdx = spec.groupBy ? spec.columns.findIndex((c) => c.key === spec.groupBy) : -1;
  let group: { key: string; sums: Sums } | null = null;
  const closeGroup = () => {
    if (group && hasTotals) sw.writeTotalRow(`${group.key} 小计`, group.sums, SUBTOTAL_FILL);
  };
  const write = (values: RowValues) => {
    if (groupIdx >= 0) {
      const key = String(values[groupIdx] ?? '');
      if (!group || group.key !== key) {
        closeGroup();
        group = { key, sums: newSums(spec.columns.length, sw.lastDataRow() + 1) };
      }
      sw.writeDataRow(values, [grand, group.sums]);
    } else {
      sw.writeDataRow(values, [grand]);
    }
  };
  const pause = async () => {
    if (sw.rowsWritten % 250 !== 0) return;
    if (sw.rowsWritten % 2000 === 0) ctx.onRows?.(rowsSoFar + sw.rowsWritten);
    // A macrotask turn for the zip stream (and the rest of the app), then let the compressor catch up.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await compressorCaughtUp(ws);
  };
  for (const values of sample) {
    write(values);
    await pause();
  }
  if (!done) {
    for (let next = await it.next(); !next.done; next = await it.next()) {
      write(next.value);
      await pause();
    }
  }
  closeGroup();
  let totalsRow: number | null = null;
  if (hasTotals) {
    totalsRow = sw.lastDataRow() + 1;
    sw.writeTotalRow('合计', grand, TOTAL_FILL);
  }
  sw.finish(totalsRow);
  ctx.onRows?.(rowsSoFar + sw.rowsWritten);
  return sw.rowsWritten;
}

/** Writes the whole document to `file` (the caller makes that a temporary path and renames it). */
export async function writeXlsx(doc: ReportDoc, file: string, ctx: WriteContext): Promise<XlsxWriteResult> {
  // Inline strings, not a shared-string table: the table would hold every distinct text of a
  // 100,000-row sheet in memory until the end. Text stays text either way (never a formula).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = ctx.generatedBy;
  wb.lastModifiedBy = ctx.generatedBy;
  wb.title = doc.title;
  wb.subject = doc.periodLabel ?? '';
  wb.description = doc.filters.map(([k, v]) => `${k}: ${v}`).join('; ');
  wb.keywords = doc.report;
  wb.category = 'SalesDesk 报表';
  wb.created = new Date(ctx.generatedAt);
  wb.modified = new Date(ctx.generatedAt);
  const names: string[] = [];
  // exceljs's streaming writer leaves docProps/app.xml's company empty; write our own.
  wb.addApp = async () => {
    const zip = (wb as unknown as { zip: { append(data: string, opts: { name: string }): void } }).zip;
    zip.append(appPropertiesXml({ company: ctx.company, sheets: names }), { name: 'docProps/app.xml' });
  };
  const nextName = sheetNamer();
  const rows: number[] = [];
  let total = 0;
  for (const spec of doc.sheets()) {
    const name = nextName(spec.name);
    names.push(name);
    const n = await writeSheet(wb, name, spec, doc, ctx, total);
    rows.push(n);
    total += n;
  }
  await wb.commit();
  return { sheets: names, rows };
}
