/**
 * One measured run for bench/export.ts, in its own process: "seed" fills a database with N accounts,
 * "report" exports them through reports.export, "raw" writes the same cells with bare exceljs.
 * Prints {ms, peakMb, rows} as its last line.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { listAccounts } from '../db/repositories/accounts';
import { fixedClock } from '../electron/backend/clock';
import { createBackend } from '../electron/backend/createBackend';
import { silentLogger } from '../electron/backend/logger';
import { inProcessTransport } from '../electron/backend/transports/in-process';
import { NUM_FMT, xlsxValue } from '../electron/backend/services/export/cell-format';
import { pickAccountColumns } from '../electron/backend/services/reports/account-columns';
import { contract } from '../shared/contract';
import { createClient } from '../shared/rpc/client';

const [mode, dir, rowsText] = process.argv.slice(2) as [string, string, string];
const rows = Number(rowsText);
const dbFile = join(dir, 'bench.sqlite');
const open = () => createBackend({ dbFile, clock: fixedClock('2026-11-23T02:00:00Z'), logger: silentLogger, synchronous: 'NORMAL', trusted: true });

function seed(): void {
  const b = open();
  const now = Date.parse('2026-11-23T02:00:00Z');
  const db = b.core.sqlite;
  db.exec(`insert into territories (id, name, code, sort_order, created_at, updated_at) values ('T1', '华东', 'E', 0, ${now}, ${now})`);
  const rep = db.prepare(`insert into reps (id, name, territory_id, created_at, updated_at) values (?, ?, 'T1', ${now}, ${now})`);
  for (let i = 0; i < 50; i++) rep.run(`R${i}`, `业务员${i}`);
  const ins = db.prepare(
    `insert into accounts (id, code, name, name_initials, industry, territory_id, tier, deal_status, phone, city, owner_rep_id,
       last_followup_on, open_receivable_fen, overdue_fen, max_overdue_days, open_cases, credit_grade, credit_hold, created_at, updated_at)
     values (?, ?, ?, '', ?, 'T1', ?, 'won', ?, '上海', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const id = `A${String(i).padStart(7, '0')}`;
      ins.run(id, `KH-${String(i).padStart(6, '0')}`, `上海第${i}号机电设备有限公司`, ['制造', '贸易', '零售'][i % 3], ['A', 'B', 'C'][i % 3], `1380000${String(i % 10000).padStart(4, '0')}`, i % 7 === 0 ? null : `R${i % 50}`, `2026-${String((i % 11) + 1).padStart(2, '0')}-15`, (i * 137) % 10_000_000, (i * 31) % 100_000, i % 120, i % 3, ['A', 'B', 'C', 'D', 'E'][i % 5], i % 97 === 0 ? 1 : 0, now - i * 1000, now);
    }
  })();
  b.close();
}

async function report(): Promise<number> {
  const b = open();
  const client = createClient(contract, inProcessTransport(b.dispatch));
  const r = await client.call('reports.export', { params: { report: 'accounts' }, format: 'xlsx', folder: join(dir, 'out') });
  b.close();
  return r.rows;
}

/** The same cells (values, number formats) straight into exceljs's streaming writer, no engine around it. */
async function raw(): Promise<number> {
  const b = open();
  const today = b.core.today();
  const columns = pickAccountColumns(undefined);
  // Same writer options as the engine, one shared style object per column (exceljs's fast path).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'raw.xlsx'), useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('raw');
  const styles = columns.map((c) => (NUM_FMT[c.spec.kind] ? { numFmt: NUM_FMT[c.spec.kind] } : {}));
  ws.columns = columns.map((c, i) => ({ key: c.spec.key, width: 14, style: styles[i] }));
  let n = 0;
  for (let offset = 0; ; offset += 5000) {
    const page = listAccounts(b.core.db, { offset, limit: 5000, sort: [], filters: {} }, today);
    for (const a of page.items) {
      const row = ws.getRow(n + 1);
      columns.forEach((c, i) => {
        const v = c.get(a);
        const cell = row.getCell(i + 1);
        cell.value = typeof v === 'object' && v !== null ? null : xlsxValue(c.spec.kind, v, 'Asia/Shanghai');
        cell.style = styles[i]!;
      });
      row.commit();
      n++;
      if (n % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (page.items.length < 5000) break;
  }
  ws.commit();
  await wb.commit();
  b.close();
  return n;
}

const t0 = performance.now();
const n = mode === 'seed' ? (seed(), rows) : mode === 'report' ? await report() : await raw();
const ms = performance.now() - t0;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, peakMb, rows: n })}\n`);
