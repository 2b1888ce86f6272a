/**
 * CSV export of one sheet of a report: header and data rows only (no title block, no totals), for
 * other systems. UTF-8 with a BOM so that Excel on Windows opens Chinese text right, or GB18030 (a
 * superset of GBK: every character survives) for older systems. Formula-like text gets a leading
 * apostrophe (spreadsheet-text.ts).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { csvLine } from '../../../../shared/domain/spreadsheet-text';
import { csvValue } from './cell-format';
import { type CellValue, type ColumnKind, type ReportDoc, type WriteContext, isFormulaCell, isTypedCell } from './sheet-spec';

export type CsvEncoding = 'utf8' | 'gbk';

function plain(kind: ColumnKind, v: CellValue, tz: string): string | number | null {
  if (isFormulaCell(v)) return csvValue(v.kind ?? kind, v.result, tz);
  if (isTypedCell(v)) return csvValue(v.kind, v.value, tz);
  if (typeof v === 'object' && v !== null) return null;
  return csvValue(kind, v, tz);
}

function writeChunk(out: WriteStream, text: string, encoding: CsvEncoding): Promise<void> {
  const buf = encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  return new Promise((resolve, reject) => {
    if (out.write(buf)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}

export async function writeCsv(doc: ReportDoc, file: string, ctx: WriteContext, encoding: CsvEncoding): Promise<{ sheet: string; rows: number }> {
  const sheets = [...doc.sheets()];
  const spec = sheets[doc.csvSheet] ?? sheets[0];
  if (!spec) throw new Error('report has no sheets');
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let rows = 0;
  try {
    if (encoding === 'utf8') await writeChunk(out, '\uFEFF', encoding);
    await writeChunk(out, csvLine(spec.columns.map((c) => c.header)), encoding);
    let batch = '';
    for await (const values of spec.rows) {
      batch += csvLine(spec.columns.map((c, i) => plain(c.kind, values[i], ctx.timeZone)));
      rows++;
      if (rows % 2000 === 0) {
        await writeChunk(out, batch, encoding);
        batch = '';
        ctx.onRows?.(rows);
      }
    }
    if (batch) await writeChunk(out, batch, encoding);
  } finally {
    out.end();
  }
  await closed;
  ctx.onRows?.(rows);
  return { sheet: spec.name, rows };
}
