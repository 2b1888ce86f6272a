import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A workbook written with exceljs: rows of values, optional merges ("A1:D1"), one sheet. */
export async function writeXlsx(dir: string, name: string, rows: ExcelJS.CellValue[][], opts: { merges?: string[]; sheet?: string } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? '客户');
  for (const r of rows) ws.addRow(r);
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** A CSV as Chinese Excel saves it: GBK, no BOM, CRLF. */
export function writeGbkCsv(dir: string, name: string, rows: string[][]): string {
  const text = rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  const path = join(dir, name);
  writeFileSync(path, iconv.encode(text, 'gbk'));
  return path;
}

/** Valid 统一社会信用代码 for tests: 17 characters + the GB 32100 check character. */
export function creditCode(first17: string): string {
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * W[i]!;
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}
