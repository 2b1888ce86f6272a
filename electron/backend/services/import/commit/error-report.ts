import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Core } from '../../../core';
import type { Cell } from '../read/cell';
import { displayText } from '../read/number-format';
import type { ImportSession } from '../session/import-session';
import { Staging } from '../session/staging';
import type { RowIssue } from '../validate/issue';
import { serialToIsoDate } from '../../../../../shared/domain/import/excel-dates';

/** Text that a spreadsheet could take for a formula (or that hides a line break) is kept as text. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

export function reportsDir(core: Core): string {
  return join(core.dataDir, 'exports', 'import-reports');
}

function safeBase(name: string): string {
  const base = [...name.replace(/\.[^.]+$/, '')].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return base.slice(0, 80) || 'import';
}

function cellValue(cell: Cell | null, date1904: boolean): ExcelJS.CellValue {
  if (!cell) return null;
  switch (cell.k) {
    case 'n':
      return cell.v as number;
    case 'b':
      return cell.v as boolean;
    case 'd': {
      const d = serialToIsoDate(cell.v as number, date1904 ? 1904 : 1900);
      return 'date' in d ? new Date(`${d.date}T00:00:00Z`) : displayText(cell, date1904);
    }
    default:
      return String(cell.v);
  }
}

/**
 * The workbook to send back to the rep: the rows that could not be imported, exactly as they were
 * sent (original row number first), with an 错误原因 column saying what is wrong and where; the
 * offending cells are highlighted.
 */
export async function writeErrorReport(core: Core, session: ImportSession, lang: 'zh-CN' | 'en'): Promise<{ path: string; rows: number }> {
  const dir = reportsDir(core);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date(core.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const path = join(dir, `${safeBase(session.fileName)}-错误报告-${stamp}.xlsx`);
  // Loaded on demand: exceljs takes a while to load and most imports need no report.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = ['原行号', ...session.headers, '错误原因'];
  ws.columns = headers.map((h, i) => ({ header: h, key: `c${i}`, width: i === 0 ? 8 : i === headers.length - 1 ? 60 : Math.min(40, Math.max(10, h.length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const sx = session.staging.schema;
  const rows = core.sqlite
    .prepare(`select s.idx, s.row, s.cells, s.filled, r.issues from ${sx}.results r join ${sx}.rows s on s.idx = r.idx where r.status = 2 order by s.idx`)
    .iterate() as Iterable<{ idx: number; row: number; cells: string; filled: string | null; issues: string }>;
  let count = 0;
  const date1904 = session.source.date1904;
  for (const r of rows) {
    const staged = Staging.decode(r.idx, r.row, r.cells, r.filled);
    const issues = (JSON.parse(r.issues) as RowIssue[]).filter((i) => i.level === 'error');
    const reason = issues.map((i) => (lang === 'en' ? i.en : i.zh)).join('；');
    const values: ExcelJS.CellValue[] = [r.row, ...session.headers.map((_, c) => cellValue(staged.cells[c] ?? null, date1904)), reason];
    const row = ws.addRow(values);
    values.forEach((v, i) => {
      if (typeof v === 'string' && FORMULA_LIKE.test(v)) {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.numFmt = '@';
      }
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    for (const i of issues) {
      if (i.col !== null) row.getCell(i.col + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    }
    row.getCell(headers.length).font = { color: { argb: 'FF9C0006' } };
    row.commit();
    count++;
  }
  ws.commit();
  await wb.commit();
  return { path, rows: count };
}
