import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../shared/contract/cases';
import { setUpBackend } from '../helpers/backend';
import { runCli } from '../helpers/cli';
import { buildReportWorld, type World } from '../helpers/report-world';

/**
 * The 售后 SLA workbook shows each case's clocks as the cases grid (and `salesdesk cases list`, which
 * calls the same method) shows them at the same moment: working hours used, against the target, with
 * pauses and sticky breaches. The hours are worked out by hand in report-world.ts and below.
 */
let t: Awaited<ReturnType<typeof setUpBackend>>;
let w: World;

beforeAll(async () => {
  t = await setUpBackend();
  w = buildReportWorld(t.core);
  // Monday 11-23 10:00: a P3 case (4 h / 40 h), answered at 10:30, waiting on the customer from 11:00;
  // at 15:00 its first response took 0.5 h (met) and its resolution clock stands at 1.0 h (paused).
  const c = await t.client.call('cases.create', { accountId: w.account.a1, type: 'consultation', priority: 'P3', title: '安装咨询', description: '' });
  t.clock.set('2026-11-23T02:30:00Z');
  const r = await t.client.call('cases.respond', { id: c.case.id, version: c.case.version, note: '已回电' });
  t.clock.set('2026-11-23T03:00:00Z');
  await t.client.call('cases.setState', { id: c.case.id, version: r.case.version, state: 'waiting_customer' });
  t.clock.set('2026-11-23T07:00:00Z');
});
afterAll(() => t?.close());

/** The 明细 sheet as records keyed by header, data rows only (the totals row starts with 合计). */
async function detailOf(file: string): Promise<Record<string, ExcelJS.CellValue>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('明细')!;
  const header = (ws.getRow(4).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (String(row.getCell(1).value ?? '') === '合计') continue;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i).value] as const).filter(([h]) => h)));
  }
  return out;
}

describe('售后 SLA workbook = the cases grid', () => {
  it('shows working hours, breaches and SLA state as cases.list does', async () => {
    const r = await t.client.call('reports.export', { params: { report: 'case-sla', period: '2026-11' }, folder: join(t.dir, 'out') });
    const rows = await detailOf(r.file);
    const grid = new Map<string, CaseRow>((await t.client.call('cases.list', { limit: 100 })).items.map((c) => [c.caseNo, c]));
    expect(rows.map((x) => x['工单号'])).toEqual(['GD-1', 'GD-2', 'CS-2026-000001']);
    const yes = (b: boolean) => (b ? '是' : '否');
    const SLA_WORDS: Record<CaseRow['sla'], string> = { breached: '已超时', about_to_breach: '即将超时', on_track: '正常', paused: '暂停（等待客户）', met: '已达标', none: '无 SLA' };
    for (const x of rows) {
      const c = grid.get(String(x['工单号']))!;
      expect(x['首响时限（工作小时）']).toBe(c.firstResponse.targetMinutes! / 60);
      expect(Number(x['首响用时（工作小时）'])).toBeCloseTo(c.firstResponse.elapsedMinutes / 60, 6);
      expect(x['首响超时']).toBe(yes(c.firstResponse.breached));
      expect(x['解决时限（工作小时）']).toBe(c.resolution.targetMinutes! / 60);
      expect(Number(x['解决用时（工作小时）'])).toBeCloseTo(c.resolution.elapsedMinutes / 60, 6);
      expect(x['解决超时']).toBe(yes(c.resolution.breached));
      expect(x['SLA 状态']).toBe(SLA_WORDS[c.sla]);
    }
    // By hand: GD-1 from Thu 11-05 10:00 to Mon 11-23 15:00 = 7 + 8 + 40 + 40 + 5 working hours.
    expect(rows.map((x) => [x['首响用时（工作小时）'], x['解决用时（工作小时）'], x['SLA 状态']])).toEqual([
      [1, 100, '已超时'],
      [1, 15, '已达标'],
      [0.5, 1, '暂停（等待客户）'],
    ]);
  });

  it('says the same in salesdesk cases list (a met clock is 已达标, not a countdown)', () => {
    // The CLI runs on the real clock: only stopped clocks read the same at any moment.
    const out = runCli(['--db', t.core.dbFile, 'cases', 'list']);
    expect(out.stderr).toBe('');
    const line = (no: string) => out.stdout.split('\n').find((l) => l.startsWith(`${no}\t`));
    expect(line('GD-1')).toMatch(/已超时 breached$/);
    expect(line('GD-2')).toMatch(/已达标 met$/);
  });

  it('rounds the hours to one decimal in CSV', async () => {
    const r = await t.client.call('reports.export', { params: { report: 'case-sla', period: '2026-11' }, format: 'csv', folder: join(t.dir, 'csv') });
    const lines = readFileSync(r.file, 'utf8').split(/\r?\n/);
    const header = lines.find((l) => l.includes('工单号'))!.split(',');
    const row = lines.find((l) => l.startsWith('CS-2026-000001'))!.split(',');
    expect(row[header.indexOf('首响用时（工作小时）')]).toBe('0.5');
    expect(row[header.indexOf('解决时限（工作小时）')]).toBe('40');
  });
});
