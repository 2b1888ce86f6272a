import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgingReport } from '../../shared/contract/receivables';
import { setUpBackend } from '../helpers/backend';
import { runCli } from '../helpers/cli';
import { buildReportWorld } from '../helpers/report-world';

/**
 * The AR aging workbook is the order-to-cash aging service on paper: its summary by rep equals
 * `salesdesk ar aging --as-of <date> --by rep --json` cell for cell (today, and a past date whose figures
 * are replayed from history), and its detail adds up to the same total.
 */
let t: Awaited<ReturnType<typeof setUpBackend>>;

beforeAll(async () => {
  t = await setUpBackend();
  buildReportWorld(t.core);
});
afterAll(() => t?.close());

/** Yuan in a cell (a formula's cached result; exceljs reads a cached 0 back as no result) → fen. */
const fen = (v: ExcelJS.CellValue) => {
  const n = typeof v === 'object' && v !== null && 'formula' in v ? Number((v as { result?: unknown }).result ?? 0) : Number(v);
  return Math.round(n * 100);
};

async function summaryOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('汇总')!;
  const header = (ws.getRow(4).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const col = (name: string) => header.indexOf(name);
  const rows = new Map<string, ExcelJS.Row>();
  for (let r = 5; r <= ws.rowCount; r++) rows.set(String(ws.getRow(r).getCell(1).value), ws.getRow(r));
  const detail = wb.getWorksheet('明细')!;
  const dh = (detail.getRow(4).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  let detailTotal = 0;
  for (let r = 5; r <= detail.rowCount; r++) {
    const first = String(detail.getRow(r).getCell(1).value ?? '');
    if (first && !first.endsWith(' 小计') && first !== '合计') detailTotal += fen(detail.getRow(r).getCell(dh.indexOf('未收金额（元）')).value);
  }
  return { header, col, rows, detailTotal, title: String(ws.getCell('A1').value ?? '') };
}

describe('应收账龄 workbook = ar aging --as-of', () => {
  for (const asOf of ['2026-11-23', '2026-11-15', '2026-10-31']) {
    it(`matches the CLI as of ${asOf}`, async () => {
      const r = await t.client.call('reports.export', { params: { report: 'ar-aging', asOf }, folder: join(t.dir, 'out') });
      const cli = runCli(['--db', t.core.dbFile, 'ar', 'aging', '--as-of', asOf, '--by', 'rep', '--json']);
      expect(cli.stderr).toBe('');
      const aging = JSON.parse(cli.stdout) as AgingReport;
      const book = await summaryOf(r.file);
      expect(book.rows.size - 1).toBe(aging.rows.length);
      for (const row of aging.rows) {
        const line = book.rows.get(row.name);
        expect(line, row.name).toBeDefined();
        const cells = aging.buckets.map((b) => fen(line!.getCell(book.col(`${b.label}（元）`)).value));
        expect(cells, `${asOf} ${row.name}`).toEqual(row.bucketsFen);
        expect(fen(line!.getCell(book.col('应收合计（元）')).value)).toBe(row.totalFen);
        expect(fen(line!.getCell(book.col('逾期合计（元）')).value)).toBe(row.overdueFen);
        expect(Number(line!.getCell(book.col('未收期数')).value)).toBe(row.documents);
      }
      expect([...book.rows.keys()].slice(0, aging.rows.length)).toEqual(aging.rows.map((x) => x.name));
      expect(book.detailTotal).toBe(aging.totals.totalFen);
      const total = book.rows.get('合计')!;
      expect(fen(total.getCell(book.col('应收合计（元）')).value)).toBe(aging.totals.totalFen);
      // Money received and not yet allocated is not aging; the sheet says how much there is.
      if (aging.totals.creditFen) expect(book.title).toContain(`另有未分配回款 ${(aging.totals.creditFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`);
    });
  }

  it('differs between dates only by what happened in between (a payment and a return after 2026-11-10)', async () => {
    const before = JSON.parse(runCli(['--db', t.core.dbFile, 'ar', 'aging', '--as-of', '2026-11-10', '--by', 'rep', '--json']).stdout) as AgingReport;
    const now = JSON.parse(runCli(['--db', t.core.dbFile, 'ar', 'aging', '--by', 'rep', '--json']).stdout) as AgingReport;
    // Since 11-10: 张三's payment (30,000) and return (10,000), 李四's order (80,000) less its payment (40,000).
    expect(now.totals.totalFen - before.totals.totalFen).toBe(-3_000_000 - 1_000_000 + 4_000_000);
  });

  it('keeps to one rep with --rep', async () => {
    const r = await t.client.call('reports.export', { params: { report: 'ar-aging', rep: '张三' }, folder: join(t.dir, 'out') });
    const book = await summaryOf(r.file);
    expect([...book.rows.keys()]).toEqual(['张三', '合计']);
    expect(book.detailTotal).toBe(17_000_000);
  });
});
