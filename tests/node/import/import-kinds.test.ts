import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../../helpers/backend';
import { dumpDatabase } from '../../helpers/db-dump';
import { writeGbkCsv, writeXlsx } from '../../helpers/import-files';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Reps and accounts to refer to, imported the way a coordinator would. */
async function base() {
  const t = await setUpBackend();
  cleanup = t.close;
  const reps = writeGbkCsv(t.dir, 'reps.csv', [
    ['工号', '姓名'],
    ['E001', '张三'],
    ['E002', '李四'],
  ]);
  await t.client.call('imports.run', { path: reps, kind: 'reps' });
  const accounts = writeGbkCsv(t.dir, 'accounts.csv', [
    ['客户名称', '业务员'],
    ['杭州星河科技有限公司', '张三'],
    ['宁波海港贸易有限公司', '李四'],
  ]);
  await t.client.call('imports.run', { path: accounts, kind: 'accounts' });
  return t;
}

describe('follow-ups', () => {
  it('imports visits, moves the account\'s follow-up dates, and undoes them', async () => {
    const t = await base();
    const before = dumpDatabase(t.core.sqlite);
    const file = await writeXlsx(t.dir, '拜访记录.xlsx', [
      ['客户', '拜访日期', '方式', '拜访人', '拜访内容', '下次拜访'],
      ['杭州星河科技', '2026年11月2日', '上门', '张三', '介绍新品', '2026/11/20'],
      ['杭州星河科技有限公司', 46327, '电话', '张三', '确认报价', null],
      ['宁波海港贸易有限公司', '2026-11-05', '微信', '李四', '催回款', '20261130'],
      ['宁波海港贸易有限公司', '2026-02-30', '微信', '李四', '日期写错了', null],
    ]);
    const dry = await t.client.call('imports.run', { path: file, kind: 'followups', dryRun: true });
    expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'A', 'REF_NOT_FOUND'],
      [5, 'B', 'DATE_INVALID'],
    ]);
    expect(dry.errors[0]!.message).toContain('杭州星河科技有限公司');
    const r = await t.client.call('imports.run', { path: file, kind: 'followups', skipInvalid: true });
    expect(r).toMatchObject({ created: 2, skipped: 2 });
    expect(t.core.sqlite.prepare(`select name, last_followup_on, next_followup_on from accounts order by name`).all()).toEqual([
      { name: '宁波海港贸易有限公司', last_followup_on: '2026-11-05', next_followup_on: '2026-11-30' },
      { name: '杭州星河科技有限公司', last_followup_on: '2026-11-01', next_followup_on: null },
    ]);
    expect(r.errorReport).toMatch(/错误报告.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.errorReport!);
    const ws = wb.getWorksheet('错误报告')!;
    expect(ws.getRow(1).values).toEqual([undefined, '原行号', '客户', '拜访日期', '方式', '拜访人', '拜访内容', '下次拜访', '错误原因']);
    expect(ws.getRow(2).getCell(1).value).toBe(2);
    expect(String(ws.getRow(2).getCell(8).value)).toContain('找不到客户');
    expect(ws.getRow(3).getCell(3).value).toBe('2026-02-30');
    await t.client.call('imports.undo', { batchId: r.batchId! });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
  });
});

describe('payments', () => {
  it('allocates to the named order, leaves the rest unallocated, refreshes receivables, undoes exactly', async () => {
    const t = await base();
    const orders = await writeXlsx(t.dir, 'orders.xlsx', [
      ['订单号', '客户名称', '订单日期', '产品名称', '数量', '单价'],
      ['SO-1', '杭州星河科技有限公司', '2026-10-01', '螺丝', 100, '¥12.50'],
      ['SO-1', '杭州星河科技有限公司', '2026-10-01', '螺母', 50, '¥2.00'],
    ]);
    const o = await t.client.call('imports.run', { path: orders, kind: 'orders' });
    expect(o).toMatchObject({ created: 1, errors: [] });
    expect(t.core.sqlite.prepare(`select total_fen, tax_fen, state from orders`).get()).toEqual({ total_fen: 135000, tax_fen: 15531, state: 'confirmed' });
    expect(t.core.sqlite.prepare(`select open_receivable_fen from accounts where name = '杭州星河科技有限公司'`).get()).toEqual({ open_receivable_fen: 135000 });
    const before = dumpDatabase(t.core.sqlite);

    const payments = await writeXlsx(
      t.dir,
      'payments.xlsx',
      [
        ['客户名称', '回款', null, '订单号'],
        [null, '日期', '金额', null],
        ['杭州星河科技有限公司', '2026-11-01', '1,000.00', 'SO-1'],
        ['杭州星河科技有限公司', '2026-11-10', '0.5万', 'SO-1'],
        ['宁波海港贸易有限公司', '2026-11-12', 0, null],
      ],
      { merges: ['B1:C1', 'A1:A2', 'D1:D2'] },
    );
    const opened = await t.client.call('imports.open', { path: payments });
    const preview = await t.client.call('imports.preview', { sessionId: opened.sessionId, kind: 'payments' });
    expect(preview).toMatchObject({ headerRow: 1, headerRows: 2 });
    expect(preview.columns.map((c) => c.header)).toEqual(['客户名称', '回款/日期', '回款/金额', '订单号']);
    const m = await t.client.call('imports.mapping', { sessionId: opened.sessionId, kind: 'payments' });
    expect(m.mapping.map((x) => x.field)).toEqual(['account', 'receivedOn', 'amount', 'orderNo']);
    const s = await t.client.call('imports.validate', { sessionId: opened.sessionId, kind: 'payments', mapping: m.mapping });
    expect(s).toMatchObject({ rows: 3, errorRows: 1 });
    await t.client.call('imports.skip', { sessionId: opened.sessionId, indexes: [3], skip: true });
    const c = await t.client.call('imports.commit', { sessionId: opened.sessionId });
    expect(c).toMatchObject({ created: 2 });
    expect(t.core.sqlite.prepare(`select amount_fen, unallocated_fen from payments order by received_on`).all()).toEqual([
      { amount_fen: 100000, unallocated_fen: 0 },
      { amount_fen: 500000, unallocated_fen: 465000 },
    ]);
    expect(t.core.sqlite.prepare(`select collected_fen from orders`).get()).toEqual({ collected_fen: 135000 });
    expect(t.core.sqlite.prepare(`select open_receivable_fen from accounts where name = '杭州星河科技有限公司'`).get()).toEqual({ open_receivable_fen: 0 });
    await t.client.call('imports.undo', { batchId: c.batchId });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
  });
});

describe('targets', () => {
  it('imports a wide sheet (one row → several measures) and updates on re-import', async () => {
    const t = await base();
    const file = await writeXlsx(t.dir, 'targets.xlsx', [
      ['业务员', '月份', '销售目标（万元）', '回款目标', '拜访目标'],
      ['张三', '2026年11月', 50, '30万', 40],
      ['李四', '2026-Q4', 120.5, null, '60次'],
    ]);
    const r = await t.client.call('imports.run', { path: file, kind: 'targets' });
    expect(r).toMatchObject({ created: 2, errors: [] });
    expect(t.core.sqlite.prepare(`select r.name, t.period, t.period_kind, t.measure, t.value from targets t join reps r on r.id = t.rep_id order by r.name, t.measure`).all()).toEqual([
      { name: '张三', period: '2026-11', period_kind: 'month', measure: 'collections', value: 30_000_000 },
      { name: '张三', period: '2026-11', period_kind: 'month', measure: 'followups', value: 40 },
      { name: '张三', period: '2026-11', period_kind: 'month', measure: 'sales', value: 50_000_000 },
      { name: '李四', period: '2026-Q4', period_kind: 'quarter', measure: 'followups', value: 60 },
      { name: '李四', period: '2026-Q4', period_kind: 'quarter', measure: 'sales', value: 120_500_000 },
    ]);
    const again = await t.client.call('imports.run', { path: file, kind: 'targets', onDuplicate: 'update' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const refused = await t.client.call('imports.run', { path: file, kind: 'targets', onDuplicate: 'create', dryRun: true });
    expect(refused.errors.map((e) => e.code)).toEqual(['DUP_UNIQUE', 'DUP_UNIQUE']);
  });
});

describe('values that must not be imported as text or guesses', () => {
  it('reports Excel error cells, keeps long IDs as text and flags lost precision', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['订单号', '客户名称', '订单日期', '产品名称', '数量', '金额']);
    ws.addRow([20240301001, '某公司', new Date(Date.UTC(2024, 2, 1)), '螺丝', 1, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    // An 18-digit order number typed as a number: Excel keeps 15 significant digits of it.
    ws.addRow([123456789012345680, '某公司', '2024/3/1', '螺丝', 1, 10]);
    const path = `${t.dir}/ids.xlsx`;
    await wb.xlsx.writeFile(path);
    const r = await t.client.call('imports.run', { path, kind: 'orders', dryRun: true });
    expect(r.errors.find((e) => e.code === 'CELL_ERROR')).toMatchObject({ row: 2, column: 'F', value: '#DIV/0!' });
    expect(r.warnings.find((w) => w.code === 'ID_PRECISION')).toMatchObject({ row: 3, column: 'A', value: '123456789012345680' });
  });
});
