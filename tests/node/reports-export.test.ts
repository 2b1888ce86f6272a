import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../electron/backend/services/export/atomic-file';
import type { ExportResult, ReportParamsInput } from '../../shared/contract/reports';
import { setUpBackend } from '../helpers/backend';
import { libreOfficeMissing, renderPages, sheetsAsCsv } from '../helpers/libreoffice';
import { HOSTILE_NAMES, buildReportWorld, type World } from '../helpers/report-world';

type T = Awaited<ReturnType<typeof setUpBackend>>;
let t: T;
let w: World;
const xlsx = new Map<string, ExportResult>();
let lo: Map<string, Map<string, string[][]>>;
let loShown: Map<string, Map<string, string[][]>>;

const missing = libreOfficeMissing();

const REPORTS: [string, ReportParamsInput][] = [
  ['accounts', { report: 'accounts' }],
  ['rep-performance', { report: 'rep-performance', period: '2026-11' }],
  ['rep-performance-q4', { report: 'rep-performance', period: '2026-Q4' }],
  ['leaderboard', { report: 'leaderboard', period: 'this-month' }],
  ['ar-aging', { report: 'ar-aging' }],
  ['credit-risk', { report: 'credit-risk' }],
  ['case-sla', { report: 'case-sla', period: '2026-11' }],
  ['transfers', { report: 'transfers', period: '2026-11' }],
  ['pool', { report: 'pool', period: 'this-month' }],
  ['imports', { report: 'imports', period: '2026' }],
];

function sheetOf(key: string, sheet: string, shown = false): string[][] {
  const file = xlsx.get(key)!.file;
  const s = (shown ? loShown : lo).get(file)?.get(sheet);
  if (!s) throw new Error(`LibreOffice gave no sheet ${sheet} for ${key}: ${[...((shown ? loShown : lo).get(file)?.keys() ?? [])].join(', ')}`);
  return s;
}
const num = (s: string | undefined) => Number(s);
const row = (rows: string[][], first: string) => rows.find((r) => r[0] === first);

describe('report workbooks', () => {
  beforeAll(async () => {
    if (missing) throw new Error(missing);
    t = await setUpBackend();
    w = buildReportWorld(t.core);
    await t.client.call('settings.update', { companyName: '示例贸易有限公司' });
    await t.client.call('targets.upsert', {
      items: [
        { repId: w.rep.zhang, period: '2026-Q4', measure: 'sales', value: 60_000_000 },
        { repId: w.rep.li, period: '2026-11', measure: 'sales', value: 8_000_000 },
      ],
    });
    const out = join(t.dir, 'out');
    for (const [key, params] of REPORTS) xlsx.set(key, await t.client.call('reports.export', { params, format: 'xlsx', folder: out }));
    const files = [...xlsx.values()].map((r) => r.file);
    lo = sheetsAsCsv(files, join(t.dir, 'lo-raw'));
    loShown = sheetsAsCsv(files, join(t.dir, 'lo-shown'), { shown: true });
  }, 300_000);
  afterAll(() => t?.close());

  it('writes every report with the manager layout (exceljs read-back)', async () => {
    for (const [key, r] of xlsx) {
      expect(r.file.endsWith('.xlsx')).toBe(true);
      expect(readdirSync(join(t.dir, 'out')).some((n) => n.endsWith('.part'))).toBe(false);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(r.file);
      expect(wb.company, key).toBe('示例贸易有限公司');
      expect(wb.creator).toBe('管理员');
      expect(wb.title).toBeTruthy();
      expect(wb.worksheets.map((s) => s.name)).toEqual(r.sheets);
      for (const ws of wb.worksheets) {
        expect(ws.views[0], `${key}/${ws.name}`).toMatchObject({ state: 'frozen', ySplit: 4, topLeftCell: expect.stringMatching(/5$/) });
        expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
        expect(String(ws.getCell('A1').value)).toContain(wb.title);
        expect(String(ws.getCell('A2').value)).toContain('生成人：管理员');
        // Key/value summaries (header 指标) have no filter; every list has one over its header and rows.
        if (ws.getCell('A4').value !== '指标') expect(String(ws.autoFilter ?? ''), `${key}/${ws.name}`).toMatch(/^A4:[A-Z]+\d+$/);
        for (const name of r.sheets) expect([...name].length).toBeLessThanOrEqual(31);
      }
    }
  });

  it('stacks the meta line over a narrow sheet instead of cutting it off', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.get('case-sla')!.file);
    const narrow = wb.getWorksheet('汇总')!.getCell('A2');
    expect(String(narrow.value).split('\n')).toEqual([expect.stringMatching(/^期间：/), expect.stringMatching(/^生成时间：/), '生成人：管理员']);
    expect(narrow.alignment?.wrapText).toBe(true);
    const wide = wb.getWorksheet('明细')!.getCell('A2');
    expect(String(wide.value)).not.toContain('\n');
  });

  it('keeps formula-like text as text in exceljs and in LibreOffice', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.get('accounts')!.file);
    const ws = wb.getWorksheet('客户列表')!;
    const names: unknown[] = [];
    ws.eachRow((r, n) => {
      if (n > 4 && r.getCell(1).value !== '合计') {
        names.push(r.getCell(2).text);
        expect(r.getCell(2).type === ExcelJS.ValueType.Formula).toBe(false);
      }
    });
    for (const h of HOSTILE_NAMES) expect(names).toContain(h);
    const raw = sheetOf('accounts', '客户列表');
    const loNames = raw.slice(4).map((r) => r[1]);
    for (const h of HOSTILE_NAMES) expect(loNames).toContain(h);
    expect(loNames).not.toContain('2');
    expect(loNames).not.toContain('1');
    const phoneCol = raw[3]!.indexOf('电话');
    expect(raw.some((r) => r[phoneCol] === '=1+1')).toBe(true);
    const reasons = sheetOf('transfers', '明细').map((r) => r[6]);
    expect(reasons).toContain("=cmd|' /C calc'!A0");
  });

  it('totals are live SUBTOTAL formulas that LibreOffice recomputes to the column sums and to SQL', async () => {
    const sql = t.core.sqlite.prepare('select count(*) as n, sum(open_receivable_fen) as open, sum(overdue_fen) as overdue from accounts where deleted_at is null').get() as { n: number; open: number; overdue: number };
    const raw = sheetOf('accounts', '客户列表');
    const header = raw[3]!;
    const openCol = header.indexOf('应收余额（元）');
    const data = raw.slice(4, 4 + sql.n);
    const total = row(raw, '合计')!;
    const colSum = data.reduce((s, r) => s + num(r[openCol]), 0);
    expect(num(total[openCol])).toBeCloseTo(colSum, 6);
    expect(num(total[openCol])).toBeCloseTo(sql.open / 100, 6);
    expect(num(total[header.indexOf('客户名称')])).toBe(sql.n);
    const summary = sheetOf('accounts', '汇总');
    expect(num(row(summary, '客户数')?.[1])).toBe(sql.n);
    expect(num(row(summary, '应收余额合计（元）')?.[1])).toBeCloseTo(sql.open / 100, 6);
    expect(num(row(summary, '逾期金额合计（元）')?.[1])).toBeCloseTo(sql.overdue / 100, 6);
    expect(num(row(summary, '信用冻结客户')?.[1])).toBe(1);
    expect(num(row(summary, '公海客户')?.[1])).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.get('accounts')!.file);
    const ws = wb.getWorksheet('客户列表')!;
    const totalRow = 5 + sql.n;
    expect(ws.getRow(totalRow).getCell(openCol + 1).formula).toMatch(/^SUBTOTAL\(109,[A-Z]+5:[A-Z]+\d+\)$/);
    expect(ws.getRow(5).getCell(openCol + 1).numFmt).toBe('#,##0.00');
  });

  it('shows number formats, percentages and real dates as a manager sees them', () => {
    const perf = sheetOf('rep-performance', '汇总', true);
    const header = perf[3]!;
    const zhang = row(perf, '张三')!;
    expect(zhang[header.indexOf('销售目标（元）')]).toBe('200,000.00');
    expect(zhang[header.indexOf('销售额（元）')]).toBe('140,000.00');
    expect(zhang[header.indexOf('销售完成率')]).toBe('70.0%');
    expect(row(perf, '王五')![header.indexOf('销售完成率')]).toBe('未设目标');
    const total = row(perf, '合计')!;
    expect(total[header.indexOf('销售额（元）')]).toBe('220,000.00');
    expect(total[header.indexOf('销售完成率')]).toBe('78.6%');
    const aging = sheetOf('ar-aging', '明细', true);
    const dueCol = aging[3]!.indexOf('到期日');
    expect(aging.some((r) => r[dueCol] === '2026-11-10')).toBe(true);
    const transfers = sheetOf('transfers', '明细', true);
    expect(transfers[4]![0]).toBe('2026-11-01 10:00');
  });

  it('computes the AR aging buckets and group subtotals (LibreOffice recalculated)', () => {
    const s = sheetOf('ar-aging', '汇总');
    const h = s[3]!;
    const zhang = row(s, '张三')!;
    expect(num(zhang[h.indexOf('应收合计（元）')])).toBe(170_000);
    expect(num(zhang[h.indexOf('未到期（元）')])).toBe(90_000);
    expect(num(zhang[h.indexOf('逾期 1-30 天（元）')])).toBe(20_000);
    expect(num(zhang[h.indexOf('逾期 61-90 天（元）')])).toBe(60_000);
    expect(num(zhang[h.indexOf('逾期合计（元）')])).toBe(80_000);
    expect(num(row(s, '王五')![h.indexOf('逾期 90 天以上（元）')])).toBe(20_000);
    expect(num(row(s, '（无业务员）')![h.indexOf('未到期（元）')])).toBe(40_000);
    expect(num(row(s, '合计')![h.indexOf('应收合计（元）')])).toBe(230_000);
    const d = sheetOf('ar-aging', '明细');
    const openCol = d[3]!.indexOf('未收金额（元）');
    expect(num(row(d, '张三 小计')![openCol])).toBe(170_000);
    expect(num(row(d, '（无业务员） 小计')![openCol])).toBe(40_000);
    expect(num(row(d, '合计')![openCol])).toBe(230_000);
  });

  it('splits a quarter into one sheet per rep with the months down the side', () => {
    expect(xlsx.get('rep-performance-q4')!.sheets).toEqual(['汇总', '客户与活动', '区域', '张三', '李四', '王五']);
    const zhang = sheetOf('rep-performance-q4', '张三');
    const h = zhang[3]!;
    expect(zhang.slice(4, 7).map((r) => [r[0], num(r[h.indexOf('销售额（元）')]), num(r[h.indexOf('销售目标（元）')])])).toEqual([
      ['2026-10', 60_000, 200_000],
      ['2026-11', 140_000, 200_000],
      ['2026-12', 0, 200_000],
    ]);
    expect(num(row(zhang, '合计')![h.indexOf('销售额（元）')])).toBe(200_000);
  });

  it('lists the other reports with their rows', () => {
    expect(sheetOf('leaderboard', '排行').slice(4, 7).map((r) => [r[0], r[1]])).toEqual([
      ['1', '李四'],
      ['2', '张三'],
      ['', '王五'],
    ]);
    const risk = sheetOf('credit-risk', '风险客户');
    const rh = risk[3]!;
    expect(row(risk, 'KH-000001')![rh.indexOf('超额度')]).toBe('是');
    expect(row(risk, 'KH-000003')![rh.indexOf('信用冻结')]).toBe('是');
    expect(sheetOf('credit-risk', '临时额度到期').slice(4).map((r) => r[0])).toContain('KH-000002');
    const sla = sheetOf('case-sla', '汇总');
    expect(num(row(sla, 'P1')![4])).toBe(1);
    expect(num(row(sla, '合计')![1])).toBe(2);
    // Working hours with one decimal as LibreOffice shows them (GD-1: 7 + 8 + 40 + 40 + 1 h by 11-23 10:00).
    const slaShown = sheetOf('case-sla', '明细', true);
    const sh = slaShown[3]!;
    expect([row(slaShown, 'GD-1')![sh.indexOf('首响用时（工作小时）')], row(slaShown, 'GD-1')![sh.indexOf('解决用时（工作小时）')]]).toEqual(['1.0', '96.0']);
    expect(xlsx.get('transfers')!.rows).toBe(3);
    expect(sheetOf('pool', '明细').slice(4, 6).map((r) => r[1])).toEqual(['移出公海', '转入公海']);
    const imports = sheetOf('imports', '导入记录');
    expect(row(imports, '合计')?.[4]).toBe('120');
  });

  it('renders printable pages', () => {
    const pngs = renderPages([xlsx.get('rep-performance')!.file, xlsx.get('ar-aging')!.file], join(t.dir, 'pages'));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const p of pngs) expect(statSync(p).size).toBeGreaterThan(5000);
  });

  it('exports CSV with a UTF-8 BOM or in GBK, formulas made inert', async () => {
    const utf = await t.client.call('reports.export', { params: { report: 'accounts' }, format: 'csv', folder: join(t.dir, 'csv') });
    const bytes = readFileSync(utf.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"\'=HYPERLINK(""http://x"",""点我"")"');
    expect(text).toContain("'+1+1");
    expect(text).toContain("'@SUM(A1)");
    expect(text).toContain("'-2+3");
    expect(utf.rows).toBe(9);
    const gbk = await t.client.call('reports.export', { params: { report: 'accounts' }, format: 'csv', encoding: 'gbk', folder: join(t.dir, 'csv') });
    const g = readFileSync(gbk.file);
    expect(g[0]).not.toBe(0xef);
    expect(iconv.decode(g, 'gb18030')).toBe(text.slice(1));
  });

  it('exports the accounts grid as filtered, with its columns, and refuses bad requests', async () => {
    const r = await t.client.call('reports.export', {
      params: { report: 'accounts', rep: '张三', columns: ['name', 'openReceivableFen'], query: { sort: [{ colId: 'openReceivableFen', sort: 'desc' }], filters: { tier: { filterType: 'set', values: ['A'] } } } },
      format: 'xlsx',
      folder: join(t.dir, 'view'),
    });
    expect(r.rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.file);
    expect(wb.getWorksheet('客户列表')!.getRow(4).values).toEqual([undefined, '客户编号', '客户名称', '应收余额（元）']);
    expect(String(wb.getWorksheet('客户列表')!.getCell('A3').value)).toContain('负责人 = 张三');
    await expect(t.client.call('reports.export', { params: { report: 'transfers', rep: '不存在的人' }, format: 'xlsx', folder: join(t.dir, 'x') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.client.call('reports.export', { params: { report: 'pool', period: 'yesterday' }, format: 'xlsx' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('reports.export', { params: { report: 'pool' }, format: 'xlsx', folder: 'relative/dir' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const recent = await t.client.call('reports.recent', {});
    expect(recent).toEqual([]);
    const def = await t.client.call('reports.export', { params: { report: 'imports' }, format: 'xlsx' });
    expect(def.file.startsWith(join(t.dir, 'exports'))).toBe(true);
    expect((await t.client.call('reports.recent', {})).map((x) => x.file)).toEqual([def.file]);
    const audit = await t.client.call('audit.list', { entityType: 'report' });
    expect(audit.length).toBeGreaterThan(5);
  });

  it('never leaves a half-written file behind', async () => {
    const target = join(t.dir, 'atomic', 'x.xlsx');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(t.dir, 'atomic'));
    await expect(
      writeAtomically(target, async (tmp) => {
        writeFileSync(tmp, 'partial');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(t.dir, 'atomic'))).toEqual([]);
  });
});
