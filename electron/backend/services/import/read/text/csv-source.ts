import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse, CsvError } from 'csv-parse';
import { sniffDelimiter, type Delimiter } from '../../../../../../shared/domain/import/delimiter-sniff';
import { fromInertText } from '../../../../../../shared/domain/spreadsheet-text';
import type { SheetRow } from '../cell';
import type { ReadLimits } from '../limits';
import { readError } from '../read-error';
import type { ReadSheetOptions, ReadSheetResult, SheetMeta, SourceWarning, WorkbookSource } from '../source';
import { createDecoder, decodeHead, detectEncoding, type EncodingChoice, type EncodingResult } from './text-encoding';

/**
 * CSV / TSV / TXT as a one-sheet workbook. RFC 4180 parsing (csv-parse) with the leniency real exports
 * need: quotes inside unquoted fields, a TAB after a closing quote (the "keep as text" trick of WeChat
 * and Meituan bills), ragged rows, CR-only line ends. Every record is one row, numbered as Excel
 * numbers it when it opens the file, blank lines included.
 */
export class CsvSource implements WorkbookSource {
  readonly format = 'csv' as const;
  readonly date1904 = false;
  readonly sheets: SheetMeta[];

  private constructor(
    private readonly path: string,
    private readonly file: string,
    private readonly enc: EncodingResult,
    readonly delimiter: Delimiter,
    private readonly limits: ReadLimits,
    readonly sample: string,
  ) {
    this.sheets = [{ name: sheetNameFor(file), state: 'visible', readable: true }];
  }

  get encoding(): string {
    return this.enc.encoding;
  }

  get encodingSource(): EncodingResult['source'] {
    return this.enc.source;
  }

  static async open(path: string, file: string, choice: EncodingChoice, limits: ReadLimits, opts: { requireTable: boolean }): Promise<CsvSource> {
    const enc = await detectEncoding(path, choice);
    const { text } = await decodeHead(path, enc, 64 * 1024);
    const { delimiter, columns } = sniffDelimiter(text);
    if (opts.requireTable) {
      const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
      if (columns < 2 || lines.length < 2) {
        const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 60);
        throw readError('TEXT_NOT_TABLE', file, { detail: `扩展名是 ${extname(file) || '(无)'}，内容为“${snippet}” / the extension is ${extname(file) || '(none)'}, the content reads "${snippet}"` });
      }
    }
    return new CsvSource(path, file, enc, delimiter, limits, text);
  }

  async readSheet(_name: string, opts: ReadSheetOptions): Promise<ReadSheetResult> {
    const warnings: SourceWarning[] = [];
    const parser = parse({
      delimiter: this.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      rtrim: this.delimiter !== '\t',
      skip_empty_lines: false,
      max_record_size: this.limits.maxRecordChars,
      bom: false,
    });
    // csv-parse turns a whole chunk into records at once, and they wait in its buffer until read: a
    // 1 MB chunk (7,000 rows) lived long enough to be promoted to V8's old generation; 64 KB does not.
    const input = createReadStream(this.path, { start: this.enc.bomLength, highWaterMark: 1 << 16 });
    const decoder = createDecoder(this.enc.encoding);
    const feed = (async () => {
      try {
        for await (const chunk of input) {
          if (parser.destroyed) return;
          const text = decoder.write(chunk as Buffer);
          if (text && !parser.write(text)) {
            await new Promise<void>((ok) => {
              const done = () => {
                parser.off('drain', done);
                parser.off('close', done);
                ok();
              };
              parser.on('drain', done);
              parser.on('close', done);
            });
          }
        }
        if (parser.destroyed) return;
        const rest = decoder.end();
        if (rest) parser.write(rest);
        parser.end();
      } catch (error) {
        parser.destroy(error as Error);
      }
    })();
    let rowNo = 0;
    let emitted = 0;
    let sawReplacement = false;
    let complete = true;
    try {
      for await (const record of parser) {
        rowNo++;
        const fields = record as string[];
        if (opts.maxRows !== undefined && emitted >= opts.maxRows) {
          complete = false;
          break;
        }
        if (fields.length > 16_384) throw readError('CORRUPT', this.file, { row: rowNo, detail: `${fields.length} 列，超过 Excel 上限 16384 / ${fields.length} columns, beyond Excel's 16,384` });
        const row: SheetRow = { row: rowNo, cells: [] };
        let any = false;
        for (let c = 0; c < fields.length; c++) {
          const v = fields[c]!;
          if (v === '') continue;
          if (!sawReplacement && v.includes('\uFFFD')) sawReplacement = true;
          row.cells[c] = { k: 's', v: fromInertText(v) };
          any = true;
        }
        if (any) {
          emitted++;
          opts.onRow(row);
        }
        if (rowNo % 2048 === 0) opts.check();
      }
    } catch (error) {
      input.destroy();
      if (error instanceof CsvError) {
        const e = error as CsvError & { lines?: number };
        if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw readError('TRUNCATED', this.file, { row: e.lines ?? rowNo + 1, detail: '引号没有闭合 / a quoted field is never closed' });
        if (e.code === 'CSV_MAX_RECORD_SIZE') throw readError('CORRUPT', this.file, { row: rowNo + 1, detail: '单行超过 4M 字符 / one record is over 4M characters' });
        throw readError('CORRUPT', this.file, { row: e.lines ?? rowNo + 1, detail: e.message });
      }
      throw error;
    } finally {
      if (!complete) {
        input.destroy();
        parser.destroy();
      }
      await feed;
    }
    if (sawReplacement && this.enc.source !== 'manual') {
      warnings.push({ code: 'ENCODING_REPLACEMENT', zh: '部分字符无法按所选编码解码（显示为 �），请检查“编码”', en: 'Some characters could not be decoded with the chosen encoding (shown as �); check "Encoding"' });
    }
    if (this.enc.source === 'fallback') {
      warnings.push({ code: 'ENCODING_GUESSED', zh: '文件既不是 UTF-8 也不像 GBK/GB18030，已按 Windows-1252（西文）读取；如有乱码请手动选择编码', en: 'The file is neither UTF-8 nor plausible GBK/GB18030; it was read as Windows-1252 (Western). Choose the encoding by hand if text looks wrong' });
    }
    return { merges: [], rowCount: rowNo, complete, warnings };
  }

  close(): void {}
}

function sheetNameFor(file: string): string {
  const base = basename(file, extname(file));
  return base.slice(0, 31) || 'CSV';
}
