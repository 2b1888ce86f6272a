import { AppError } from '../../../../../../shared/rpc/errors';
import type { ReadLimits } from '../limits';
import { readError } from '../read-error';
import type { ReadSheetOptions, ReadSheetResult, WorkbookSource } from '../source';
import { SheetParser } from './sheet-reader';
import { SharedStringsParser } from './shared-strings';
import { NO_STYLES, parseStyles, type StyleTable } from './styles-part';
import { parseRels, parseWorkbook, relType, resolveTarget, type WorkbookSheet } from './workbook-part';
import { XmlError } from './xml-scanner';
import type { ZipPackage } from './zip-package';

/**
 * An .xlsx/.xlsm package as a WorkbookSource. The parts are found the way Excel finds them — the
 * package relationships name the workbook, the workbook's relationships name sheets, shared strings
 * and styles — so packages with unusual part names (Google Sheets, Tencent Docs, backslash paths,
 * Strict OOXML) read like any other. A missing styles or shared-strings part is not an error.
 */
export class OoxmlSource implements WorkbookSource {
  readonly format = 'xlsx' as const;
  readonly encoding = null;
  private strings: string[] | null = null;
  private styles: StyleTable | null = null;

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly file: string,
    private readonly limits: ReadLimits,
    readonly sheets: WorkbookSheet[],
    readonly date1904: boolean,
    private readonly stringsPath: string | null,
    private readonly stylesPath: string | null,
  ) {}

  static async open(pkg: ZipPackage, file: string, limits: ReadLimits): Promise<OoxmlSource> {
    return guard(file, undefined, async () => {
      let workbookPath = 'xl/workbook.xml';
      if (pkg.has('_rels/.rels')) {
        const main = parseRels(await pkg.text('_rels/.rels')).find((r) => relType(r) === 'officeDocument');
        if (main) workbookPath = resolveTarget('', main.target);
      }
      if (!pkg.has(workbookPath)) {
        const fallback = pkg.names().find((n) => /(^|\/)workbook\.xml$/i.test(n));
        if (!fallback) throw readError('CORRUPT', file, { detail: '缺少工作簿目录 workbook.xml / the workbook part (workbook.xml) is missing' });
        workbookPath = fallback;
      }
      const relsPath = workbookPath.replace(/[^/]*$/, (base) => `_rels/${base}.rels`);
      const rels = pkg.has(relsPath) ? parseRels(await pkg.text(relsPath)) : [];
      const info = parseWorkbook(await pkg.text(workbookPath), workbookPath, rels);
      for (const s of info.sheets) if (s.path && !pkg.has(s.path)) s.readable = false;
      if (info.sheets.length === 0) throw readError('NO_SHEETS', file, { detail: 'workbook.xml 未列出任何工作表 / workbook.xml lists no sheets' });
      const find = (type: string) => {
        const r = rels.find((x) => relType(x) === type && !x.external);
        const p = r ? resolveTarget(workbookPath, r.target) : null;
        return p && pkg.has(p) ? p : null;
      };
      return new OoxmlSource(pkg, file, limits, info.sheets, info.date1904, find('sharedStrings'), find('styles'));
    });
  }

  private async prepare(check: () => void): Promise<{ strings: string[]; styles: StyleTable }> {
    if (this.styles === null) this.styles = this.stylesPath ? parseStyles(await this.pkg.text(this.stylesPath)) : NO_STYLES;
    if (this.strings === null) {
      if (this.stringsPath) {
        const parser = new SharedStringsParser(this.limits, () => {
          throw readError('ZIP_BOMB', this.file, { part: this.stringsPath ?? '', detail: 'shared strings' });
        });
        await this.pkg.stream(this.stringsPath, (t) => parser.scanner.write(t), check);
        parser.scanner.end();
        this.strings = parser.strings;
      } else this.strings = [];
    }
    return { strings: this.strings, styles: this.styles };
  }

  async readSheet(name: string, opts: ReadSheetOptions): Promise<ReadSheetResult> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw readError('SHEET_NOT_FOUND', this.file, { sheet: name });
    if (!sheet.path) throw readError('UNSUPPORTED', this.file, { sheet: name, detail: '图表工作表没有单元格 / a chart sheet has no cells' });
    const path = sheet.path;
    return guard(this.file, name, async () => {
      const { strings, styles } = await this.prepare(opts.check);
      const parser = new SheetParser({ strings, styles, date1904: this.date1904, limits: this.limits }, opts);
      // Once the preview has its rows, the rest of sheetData is only searched for its end (and rows
      // counted) without parsing: the merge ranges after it are all that is still needed.
      let mode: 'parse' | 'skip' | 'tail' = 'parse';
      let carry = '';
      let tail: ReturnType<SheetParser['tailScanner']> | null = null;
      let skippedRows = 0;
      await this.pkg.stream(
        path,
        (t) => {
          if (mode === 'parse') {
            parser.scanner.write(t);
            if (parser.saturated) mode = 'skip';
            return;
          }
          if (mode === 'tail') {
            tail!.write(t);
            return;
          }
          const text = carry + t;
          const end = text.indexOf('</sheetData>');
          const counted = end < 0 ? text.slice(0, Math.max(0, text.length - 16)) : text.slice(0, end);
          for (let i = counted.indexOf('<row'); i >= 0; i = counted.indexOf('<row', i + 4)) {
            const next = counted.charCodeAt(i + 4);
            if (next === 32 || next === 62) skippedRows++;
          }
          if (end < 0) {
            carry = text.slice(Math.max(0, text.length - 16));
            return;
          }
          mode = 'tail';
          tail = parser.tailScanner();
          tail.write(text.slice(end + '</sheetData>'.length));
        },
        opts.check,
      );
      if (mode === 'parse') parser.scanner.end();
      const result = parser.result();
      return { ...result, rowCount: result.rowCount + skippedRows, complete: mode === 'parse' };
    });
  }

  close(): void {
    this.pkg.close();
  }
}

/** XML damage becomes a file error naming the file and sheet. */
async function guard<T>(file: string, sheet: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof XmlError) {
      const extra = sheet ? { sheet, detail: error.message } : { detail: error.message };
      throw readError(error.reason === 'truncated' ? 'TRUNCATED' : 'CORRUPT', file, extra);
    }
    throw error;
  }
}
