import { columnIndex, parseRange, type MergeRange } from '../../../../../../shared/domain/import/grid';
import { isoDateToSerial } from '../../../../../../shared/domain/import/excel-dates';
import { decodeOoxmlEscapes } from '../../../../../../shared/domain/import/ooxml-escape';
import type { Cell, CellKind } from '../cell';
import type { ReadLimits } from '../limits';
import type { ReadSheetOptions, ReadSheetResult, SourceWarning } from '../source';
import type { StyleTable } from './styles-part';
import { XmlScanner } from './xml-scanner';

const MAX_COLS = 16_384;
const MAX_ROWS = 1_048_576;

export interface SheetContext {
  strings: readonly string[];
  styles: StyleTable;
  date1904: boolean;
  limits: ReadLimits;
}

/** Splits "AB12" into a 0-based column and the row number. */
function splitRef(ref: string): { col: number; row: number } | null {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  const col = columnIndex(ref.slice(0, i));
  const row = Number(ref.slice(i));
  return col < 0 ? null : { col, row: Number.isInteger(row) && row > 0 ? row : 0 };
}

function isoToSerial(text: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  const day = Math.floor(ms / 86_400_000);
  const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return isoDateToSerial(iso, date1904 ? 1904 : 1900) + (ms - day * 86_400_000) / 86_400_000;
}

/**
 * Streams one worksheet part. Values follow the cell type: shared/inline strings (escapes decoded
 * once), booleans, error values, ISO dates (t="d"), numbers — dates when their style's number format
 * is a date; formula cells take their cached value with the same rules.
 */
export class SheetParser {
  readonly scanner: XmlScanner;
  readonly merges: MergeRange[] = [];
  rowCount = 0;
  formulasWithoutValue = 0;
  badStringIndex = 0;
  private emitted = 0;
  private rowNum = 0;
  private col = -1;
  private cells: (Cell | null)[] = [];
  private inData = false;
  private cell: { t: string; s: number; col: number; v: string | null; hasF: boolean; inline: string | null } | null = null;
  private textTarget: 'v' | 'is' | null = null;
  private phonetic = 0;

  constructor(private readonly ctx: SheetContext, private readonly opts: ReadSheetOptions) {
    this.scanner = new XmlScanner({ open: (n, a) => this.open(n, a), close: (n) => this.close(n), text: (t) => this.text(t) });
  }

  /** maxRows reached: the rest of sheetData can be skipped without parsing (only merges matter). */
  get saturated(): boolean {
    return !this.materialise;
  }

  /** A scanner for the part after </sheetData> (merge ranges), sharing this parser's handlers. */
  tailScanner(): XmlScanner {
    this.inData = false;
    this.cell = null;
    return new XmlScanner({ open: (n, a) => this.open(n, a), close: (n) => this.close(n), text: (t) => this.text(t) }, { fragment: true });
  }

  private get materialise(): boolean {
    return this.opts.maxRows === undefined || this.emitted < this.opts.maxRows;
  }

  private open(name: string, a: Record<string, string>): void {
    switch (name) {
      case 'sheetData':
        this.inData = true;
        return;
      case 'row': {
        if (!this.inData) return;
        const r = Number(a.r);
        this.rowNum = Number.isInteger(r) && r > 0 ? r : this.rowNum + 1;
        this.col = -1;
        this.cells = [];
        this.rowCount++;
        return;
      }
      case 'c': {
        if (!this.inData) return;
        const ref = a.r ? splitRef(a.r) : null;
        this.col = ref ? ref.col : this.col + 1;
        if (!this.materialise) {
          this.cell = null;
          return;
        }
        this.cell = { t: a.t ?? 'n', s: a.s === undefined ? 0 : Number(a.s), col: this.col, v: null, hasF: false, inline: null };
        return;
      }
      case 'v':
        if (this.cell) {
          this.cell.v = '';
          this.textTarget = 'v';
        }
        return;
      case 'f':
        if (this.cell) this.cell.hasF = true;
        return;
      case 'is':
        if (this.cell) this.cell.inline = '';
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.cell && this.cell.inline !== null && this.phonetic === 0) this.textTarget = 'is';
        return;
      case 'mergeCell': {
        if (this.merges.length >= this.ctx.limits.maxMerges) return;
        const m = a.ref ? parseRange(a.ref) : null;
        if (m) this.merges.push(m);
        return;
      }
    }
  }

  private text(t: string): void {
    if (!this.cell || this.textTarget === null) return;
    if (this.textTarget === 'v') this.cell.v += t;
    else this.cell.inline += t;
  }

  private close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.textTarget = null;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'sheetData':
        this.inData = false;
        return;
      case 'c': {
        const c = this.cell;
        this.cell = null;
        if (!c || c.col >= MAX_COLS) return;
        const value = this.value(c);
        if (value) this.cells[c.col] = value;
        return;
      }
      case 'row': {
        if (!this.inData || this.rowNum > MAX_ROWS) return;
        if (this.materialise && this.cells.some((x) => x)) {
          this.emitted++;
          this.opts.onRow({ row: this.rowNum, cells: this.cells });
        }
        this.cells = [];
        return;
      }
    }
  }

  private value(c: { t: string; s: number; v: string | null; hasF: boolean; inline: string | null }): Cell | null {
    const { styles, strings, date1904 } = this.ctx;
    if (c.t === 'inlineStr') {
      const text = c.inline ?? c.v;
      return text === null || text === '' ? null : { k: 's', v: decodeOoxmlEscapes(text) };
    }
    if (c.v === null) {
      if (c.hasF) this.formulasWithoutValue++;
      return null;
    }
    const raw = c.v;
    switch (c.t) {
      case 's': {
        const s = strings[Number(raw)];
        if (s === undefined) {
          this.badStringIndex++;
          return null;
        }
        return s === '' ? null : { k: 's', v: s };
      }
      case 'str':
        return raw === '' ? null : { k: 's', v: decodeOoxmlEscapes(raw) };
      case 'b':
        return { k: 'b', v: raw.trim() === '1' || raw.trim().toLowerCase() === 'true' };
      case 'e':
        return { k: 'e', v: raw.trim() };
      case 'd': {
        const serial = isoToSerial(raw.trim(), date1904);
        if (serial === null) return { k: 's', v: raw };
        return { k: 'd', v: serial, z: styles.formatOf(c.s) ?? 'yyyy-mm-dd' };
      }
      default: {
        const trimmed = raw.trim();
        if (trimmed === '') return null;
        const n = Number(trimmed);
        if (!Number.isFinite(n)) return { k: 's', v: raw };
        const z = styles.formatOf(c.s);
        const k: CellKind = styles.isDate(c.s) ? 'd' : 'n';
        return z && z !== 'General' ? { k, v: n, z } : { k, v: n };
      }
    }
  }

  result(): ReadSheetResult {
    const warnings: SourceWarning[] = [];
    if (this.formulasWithoutValue > 0) {
      warnings.push({
        code: 'FORMULA_NO_VALUE',
        zh: `${this.formulasWithoutValue} 个公式单元格没有保存计算结果（按空值处理）；请在 Excel 中打开并保存后再导入`,
        en: `${this.formulasWithoutValue} formula cells have no saved result (read as empty); open and save the file in Excel, then import again`,
      });
    }
    if (this.badStringIndex > 0) {
      warnings.push({ code: 'BAD_STRING_INDEX', zh: `${this.badStringIndex} 个单元格引用了不存在的共享字符串（按空值处理）`, en: `${this.badStringIndex} cells refer to missing shared strings (read as empty)` });
    }
    if (this.merges.length >= this.ctx.limits.maxMerges) {
      warnings.push({ code: 'TOO_MANY_MERGES', zh: `合并单元格超过 ${this.ctx.limits.maxMerges} 个，其余未处理`, en: `More than ${this.ctx.limits.maxMerges} merged ranges; the rest were ignored` });
    }
    return { merges: this.merges, rowCount: this.rowCount, complete: true, warnings };
  }
}
