import * as XLSX from '@e965/xlsx';
import { parseRange, type MergeRange } from '../../../../../../shared/domain/import/grid';
import type { Cell, SheetRow } from '../cell';
import { isDateFormat } from '../number-format';
import { readError } from '../read-error';
import type { ReadSheetOptions, ReadSheetResult, SheetMeta, SheetState, SourceFormat, WorkbookSource } from '../source';
import { CfbError, readCfb } from './cfb';

/**
 * Legacy and foreign workbooks through SheetJS CE (@e965/xlsx): BIFF8 .xls with its code page (GBK
 * files from Chinese Excel), OpenDocument .ods, Excel 2003 XML and HTML tables saved as ".xls" by web
 * systems. For .xls the compound-file container is opened by our own bounds-checked reader and only
 * the Workbook stream is handed to SheetJS (its container parser can abort the process on corrupt
 * sector chains). These formats are parsed whole, so their size is capped by the caller.
 */
type XlsxCell = { t: string; v?: unknown; w?: string; z?: string | number };

export class SheetJsSource implements WorkbookSource {
  readonly encoding = null;
  readonly sheets: SheetMeta[];
  readonly date1904: boolean;

  private constructor(
    private readonly wb: XLSX.WorkBook,
    private readonly file: string,
    readonly format: SourceFormat,
  ) {
    this.date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
    this.sheets = wb.SheetNames.map((name, i) => {
      const hidden = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0;
      const state: SheetState = hidden === 1 ? 'hidden' : hidden === 2 ? 'veryHidden' : 'visible';
      return { name, state, readable: Boolean(wb.Sheets[name]) };
    });
    if (this.sheets.length === 0) throw readError('NO_SHEETS', file);
  }

  static fromCfb(buf: Buffer, file: string): SheetJsSource {
    let stream: Buffer | null;
    try {
      const cfb = readCfb(buf);
      const names = new Set(cfb.entries.map((e) => e.path.toLowerCase()));
      if (names.has('encryptioninfo') || names.has('encryptedpackage')) throw readError('ENCRYPTED', file);
      stream = cfb.read('Workbook') ?? cfb.read('Book');
      if (!stream) {
        if (names.has('worddocument')) throw readError('NOT_SPREADSHEET', file, { detail: '这是 Word 97-2003 文档 / it is a Word 97-2003 document' });
        if (names.has('powerpoint document')) throw readError('NOT_SPREADSHEET', file, { detail: '这是 PowerPoint 97-2003 演示文稿 / it is a PowerPoint 97-2003 presentation' });
        throw readError('NOT_SPREADSHEET', file, { detail: '复合文档中没有工作簿 / the compound file holds no workbook' });
      }
    } catch (error) {
      if (error instanceof CfbError) throw readError(error.reason === 'truncated' ? 'TRUNCATED' : 'CORRUPT', file, { detail: error.message });
      throw error;
    }
    const s = stream;
    return new SheetJsSource(parseSafely(file, () => XLSX_BIFF.parse_xlscfb(s, { ...OPTIONS, type: 'buffer' })), file, 'xls');
  }

  static fromBuffer(buf: Buffer, file: string, format: SourceFormat): SheetJsSource {
    return new SheetJsSource(parseSafely(file, () => XLSX.read(buf, { ...OPTIONS, type: 'buffer' })), file, format);
  }

  private readonly cache = new Map<string, Map<number, (Cell | null)[]>>();

  /** The sheet's cells by row, converted once (the preview and the full read both need them). */
  private rowsOf(name: string, ws: XLSX.WorkSheet): Map<number, (Cell | null)[]> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const byRow = new Map<number, (Cell | null)[]>();
    for (const addr of Object.keys(ws)) {
      if (addr[0] === '!') continue;
      const pos = XLSX.utils.decode_cell(addr);
      if (!(pos.r >= 0 && pos.c >= 0 && pos.c < 16_384 && pos.r < 1_048_576)) continue;
      const cell = this.convert(ws[addr] as XlsxCell);
      if (!cell) continue;
      let cells = byRow.get(pos.r + 1);
      if (!cells) byRow.set(pos.r + 1, (cells = []));
      cells[pos.c] = cell;
    }
    this.cache.clear();
    this.cache.set(name, byRow);
    return byRow;
  }

  async readSheet(name: string, opts: ReadSheetOptions): Promise<ReadSheetResult> {
    const ws = this.wb.Sheets[name];
    if (!ws) throw readError('SHEET_NOT_FOUND', this.file, { sheet: name });
    const byRow = this.rowsOf(name, ws);
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    let emitted = 0;
    for (const r of rows) {
      if (opts.maxRows !== undefined && emitted >= opts.maxRows) break;
      opts.onRow({ row: r, cells: [...byRow.get(r)!] } satisfies SheetRow);
      emitted++;
      if (emitted % 4096 === 0) opts.check();
    }
    const merges: MergeRange[] = [];
    for (const m of (ws['!merges'] ?? []) as XLSX.Range[]) {
      const range = parseRange(`${XLSX.utils.encode_cell(m.s)}:${XLSX.utils.encode_cell(m.e)}`);
      if (range) merges.push(range);
    }
    return { merges, rowCount: rows.length, complete: emitted >= rows.length, warnings: [] };
  }

  private convert(c: XlsxCell | undefined): Cell | null {
    if (!c) return null;
    const z = typeof c.z === 'string' ? c.z : undefined;
    switch (c.t) {
      case 's':
      case 'str': {
        const v = c.v === undefined || c.v === null ? '' : String(c.v);
        return v === '' ? null : { k: 's', v };
      }
      case 'n': {
        const v = Number(c.v);
        if (!Number.isFinite(v)) return null;
        const k = isDateFormat(z) ? 'd' : 'n';
        return z && z !== 'General' ? { k, v, z } : { k, v };
      }
      case 'b':
        return { k: 'b', v: Boolean(c.v) };
      case 'e':
        return { k: 'e', v: c.w ?? (typeof c.v === 'number' ? (XLSX_ERRORS[c.v] ?? '#N/A') : '#N/A') };
      case 'd': {
        const ms = c.v instanceof Date ? c.v.getTime() : Date.parse(String(c.v));
        if (Number.isNaN(ms)) return null;
        const serial = ms / 86_400_000 + (this.date1904 ? 24107 : 25569);
        return { k: 'd', v: serial, z: z ?? 'yyyy-mm-dd' };
      }
      default:
        return null;
    }
  }

  close(): void {}
}

/** SheetJS's BIFF entry point for a bare Workbook stream (exported, but not in its typings). */
const XLSX_BIFF = XLSX as unknown as { parse_xlscfb(data: Buffer, opts: XLSX.ParsingOptions): XLSX.WorkBook };

const OPTIONS: XLSX.ParsingOptions = { cellNF: true, cellText: false, cellDates: false, cellFormula: false, cellHTML: false, sheetRows: 1_048_577, dense: false };

const XLSX_ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

function parseSafely(file: string, fn: () => XLSX.WorkBook): XLSX.WorkBook {
  // SheetJS logs "Missing Info for XLS Record" on damaged files; the outcome is reported as an error.
  const log = console.error;
  console.error = () => {};
  try {
    return fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) throw readError('ENCRYPTED', file);
    if (/unsupported/i.test(message)) throw readError('UNSUPPORTED', file, { detail: message });
    throw readError('CORRUPT', file, { detail: message.slice(0, 200) || 'unreadable' });
  } finally {
    console.error = log;
  }
}
