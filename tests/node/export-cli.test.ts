import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { buildReportWorld } from '../helpers/report-world';

const run = promisify(execFile);
const BIN = resolve(__dirname, '../../bin/salesdesk.js');
let t: Awaited<ReturnType<typeof setUpBackend>>;
let db: string;

async function cli(...args: string[]) {
  try {
    const r = await run(process.execPath, [BIN, '--db', db, ...args], { env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('salesdesk export / targets (CLI)', () => {
  beforeAll(async () => {
    t = await setUpBackend();
    buildReportWorld(t.core);
    db = t.core.dbFile;
  });
  afterAll(() => t.close());

  it('exports a report and prints the file path', async () => {
    const out = join(t.dir, 'cli-out');
    const r = await cli('export', 'rep-performance', '--period', '2026-10', '--rep', '张三', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = r.stdout.trim();
    expect(file.startsWith(out)).toBe(true);
    expect(existsSync(file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(String(wb.getWorksheet('汇总')!.getCell('A3').value)).toContain('业务员 = 张三');
  }, 60_000);

  it('prints {file, report, period, rows, format} with --json, and CSV in GBK', async () => {
    const r = await cli('export', 'accounts', '--format', 'csv', '--encoding', 'gbk', '--out', join(t.dir, 'cli-out'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j).sort()).toEqual(['file', 'format', 'period', 'report', 'rows']);
    expect(j).toMatchObject({ report: 'accounts', rows: 9, format: 'csv' });
    expect(existsSync(j.file as string)).toBe(true);
  }, 60_000);

  it('sets and lists targets, and refuses bad arguments with exit code 1', async () => {
    expect((await cli('targets', 'set', '--rep', '张三', '--period', '2026-11', '--measure', 'sales', '--value', '150000.50')).code).toBe(0);
    const list = await cli('targets', 'list', '--year', '2026', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ repName: '张三', period: '2026-11', measure: 'sales', value: 15_000_050 })]);
    const lb = await cli('targets', 'leaderboard', '--period', '2026-11');
    expect(lb.stdout.split('\n')[0]).toMatch(/^1\t张三\t140,000.00\t93.3%/);
    for (const args of [
      ['export', 'nonsense', '--out', t.dir],
      ['export', 'transfers', '--rep', '不存在', '--out', t.dir],
      ['targets', 'set', '--rep', '张三', '--period', '2026-11', '--measure', 'sales', '--value', '-5'],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  }, 180_000);
});
