import { afterEach, describe, expect, it } from 'vitest';
import { setUpBackend } from '../../helpers/backend';
import { dumpDatabase } from '../../helpers/db-dump';
import { creditCode, writeGbkCsv, writeXlsx } from '../../helpers/import-files';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const CC1 = creditCode('91330106MA27XXXX0');
const CC2 = creditCode('91330200MA2AYYYY1');
const BAD_CC = `${CC2.slice(0, 17)}${CC2[17] === '1' ? '2' : '1'}`;

async function withReps() {
  const t = await setUpBackend();
  cleanup = t.close;
  const reps = writeGbkCsv(t.dir, '业务员.csv', [
    ['工号', '姓名', '手机', '状态'],
    ['E001', '张三', '138 0013 8000', '在职'],
    ['E002', '李四', '+86 139-0013-9000', '在职'],
  ]);
  const r = await t.client.call('imports.run', { path: reps, kind: 'reps' });
  expect(r).toMatchObject({ encoding: 'gb18030', rows: 2, created: 2, errors: [] });
  return t;
}

/** A rep's sheet: merged title, a preamble line, required markers, units in the header, a vertical merge. */
async function accountsWorkbook(dir: string, name = '华东客户.xlsx') {
  return writeXlsx(
    dir,
    name,
    [
      ['2024年华东区客户清单', null, null, null, null, null, null],
      ['导出人：王内勤', null, null, null, null, null, null],
      ['客户名称*', '统一社会信用代码', '联系电话', '信用额度（万元）', '业务员', '客户级别', '地址'],
      ['杭州星河科技有限公司', CC1, '１３８－００１３－８０００', '12.8', '张三', '重要', '杭州市西湖区文三路1号'],
      ['宁波海港贸易有限公司', CC2, '(0574)8888 6666', 50, null, 'B', '宁波市'],
      ['温州鞋业有限公司', BAD_CC, '13700137000', '¥5,000', '张三丰', 'C', '温州'],
      ['绍兴纺织有限公司', null, '057588886666', '2万元', '李四', '一般', null],
    ],
    { merges: ['A1:G1', 'E4:E5'] },
  );
}

describe('accounts import end to end', () => {
  it('detects the header, fills merges, validates, fixes, skips and commits', async () => {
    const t = await withReps();
    const file = await accountsWorkbook(t.dir);
    const opened = await t.client.call('imports.open', { path: file });
    expect(opened).toMatchObject({ format: 'xlsx', defaultSheet: '客户' });
    const preview = await t.client.call('imports.preview', { sessionId: opened.sessionId, kind: 'accounts' });
    expect(preview.headerRow).toBe(3);
    expect(preview.columns.map((c) => c.header)).toEqual(['客户名称', '统一社会信用代码', '联系电话', '信用额度（万元）', '业务员', '客户级别', '地址']);
    // The vertical merge E4:E5 means "same rep": the preview shows row 5 filled.
    expect(preview.grid.find((g) => g.row === 5)).toMatchObject({ filled: [4] });
    expect(preview.grid.find((g) => g.row === 5)!.cells[4]).toBe('张三');

    const mapping = await t.client.call('imports.mapping', { sessionId: opened.sessionId, kind: 'accounts' });
    expect(mapping.mapping.map((m) => m.field)).toEqual(['name', 'creditCode', 'phone', 'creditLimit', 'owner', 'tier', 'address']);
    expect(mapping.fields.find((f) => f.key === 'name')?.required).toBe(true);

    const summary = await t.client.call('imports.validate', { sessionId: opened.sessionId, kind: 'accounts', mapping: mapping.mapping });
    expect(summary).toMatchObject({ rows: 4, errorRows: 1, plan: { create: 3, error: 1 } });
    const errs = await t.client.call('imports.rows', { sessionId: opened.sessionId, filter: 'errors' });
    expect(errs.total).toBe(1);
    const bad = errs.items[0]!;
    expect(bad.row).toBe(6);
    expect(bad.issues.filter((i) => i.level === 'error').map((i) => [i.code, i.column, i.header])).toEqual([
      ['CREDIT_CODE_CHECKSUM', 'B', '统一社会信用代码'],
      ['REF_NOT_FOUND', 'E', '业务员'],
    ]);
    expect(bad.issues.find((i) => i.code === 'REF_NOT_FOUND')!.suggestions).toEqual(['张三']);

    // Fix the rep inline; the credit code stays wrong, so the row is skipped instead.
    const fixed = await t.client.call('imports.fix', { sessionId: opened.sessionId, index: bad.index, column: 4, value: '张三' });
    expect(fixed.row.issues.map((i) => i.code)).not.toContain('REF_NOT_FOUND');
    expect(fixed.row.fixed).toEqual([4]);
    await expect(t.client.call('imports.commit', { sessionId: opened.sessionId })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    const afterSkip = await t.client.call('imports.skip', { sessionId: opened.sessionId, indexes: [bad.index], skip: true });
    expect(afterSkip).toMatchObject({ errorRows: 0, userSkipped: 1, plan: { create: 3, skip: 1 } });

    const result = await t.client.call('imports.commit', { sessionId: opened.sessionId });
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 1, errors: 0, errorReport: null });

    const rows = t.core.sqlite.prepare(`select a.name, a.credit_code, a.phone, a.tier, a.code, r.name as owner, c.limit_fen from accounts a left join reps r on r.id = a.owner_rep_id left join credit_profiles c on c.account_id = a.id order by a.code`).all();
    expect(rows).toEqual([
      { name: '杭州星河科技有限公司', credit_code: CC1, phone: '13800138000', tier: 'A', code: 'KH-000001', owner: '张三', limit_fen: 12_800_000 },
      { name: '宁波海港贸易有限公司', credit_code: CC2, phone: '0574-88886666', tier: 'B', code: 'KH-000002', owner: '张三', limit_fen: 50_000_000 },
      { name: '绍兴纺织有限公司', credit_code: null, phone: '0575-88886666', tier: 'B', code: 'KH-000003', owner: '李四', limit_fen: 2_000_000 },
    ]);
    // Owners came from the import: logged as transfers like any owner change.
    expect(t.core.sqlite.prepare(`select count(*) as n from account_transfers where kind = 'import'`).get()).toEqual({ n: 3 });
    const list = await t.client.call('imports.list', {});
    expect(list[0]).toMatchObject({ id: result.batchId, kind: 'accounts', created: 3, skipped: 1, undoneAt: null });
  });

  it('applies the duplicate policy: skip, update mapped fields only, create', async () => {
    const t = await withReps();
    const file = await accountsWorkbook(t.dir);
    const first = await t.client.call('imports.run', { path: file, kind: 'accounts', skipInvalid: true });
    expect(first).toMatchObject({ created: 3, skipped: 1 });

    const again = await t.client.call('imports.run', { path: file, kind: 'accounts', skipInvalid: true, dryRun: true });
    expect(again.plan).toMatchObject({ create: 0, skip: 3, error: 1 });
    expect(again.warnings.filter((w) => w.code === 'DUP_IN_DB').map((w) => w.row)).toEqual([4, 5, 7]);

    const same = await t.client.call('imports.run', { path: file, kind: 'accounts', skipInvalid: true, onDuplicate: 'update' });
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    // The rep changes one address and leaves another cell empty: only the address changes, nothing is cleared.
    const changed = await writeXlsx(t.dir, 'v2.xlsx', [
      ['客户名称', '统一社会信用代码', '地址', '联系电话'],
      ['杭州星河科技有限公司', CC1, '杭州市滨江区江南大道2号', null],
    ]);
    const before = t.core.sqlite.prepare(`select * from accounts where credit_code = ?`).get(CC1) as Record<string, unknown>;
    const upd = await t.client.call('imports.run', { path: changed, kind: 'accounts', onDuplicate: 'update' });
    expect(upd).toMatchObject({ created: 0, updated: 1 });
    const after = t.core.sqlite.prepare(`select * from accounts where credit_code = ?`).get(CC1) as Record<string, unknown>;
    expect(after).toEqual({ ...before, address: '杭州市滨江区江南大道2号', version: Number(before.version) + 1, updated_at: after.updated_at, updated_by: after.updated_by });

    // "create" cannot make a second account with the same credit code, but can with a mere look-alike.
    const created = await t.client.call('imports.run', { path: changed, kind: 'accounts', onDuplicate: 'create', dryRun: true });
    expect(created.errors.map((e) => e.code)).toEqual(['DUP_UNIQUE']);
    const lookalike = await writeXlsx(t.dir, 'v3.xlsx', [
      ['客户名称', '联系电话'],
      ['绍兴纺织有限公司', '0575-88886666'],
      ['绍兴纺织有限公司', '0575-88886666'],
    ]);
    const dupSkip = await t.client.call('imports.run', { path: lookalike, kind: 'accounts', dryRun: true });
    expect(dupSkip.plan).toMatchObject({ create: 0, skip: 2 });
    expect(dupSkip.warnings.map((w) => w.code).sort()).toEqual(['DUP_IN_DB', 'DUP_IN_DB', 'DUP_IN_FILE']);
    const dupCreate = await t.client.call('imports.run', { path: lookalike, kind: 'accounts', onDuplicate: 'create' });
    expect(dupCreate).toMatchObject({ created: 2 });
  });

  it('undo restores the database exactly, and is refused when a later edit would be lost', async () => {
    const t = await withReps();
    const file = await accountsWorkbook(t.dir);
    const before = dumpDatabase(t.core.sqlite);
    const r = await t.client.call('imports.run', { path: file, kind: 'accounts', skipInvalid: true });
    expect(dumpDatabase(t.core.sqlite)).not.toEqual(before);
    await t.client.call('imports.undo', { batchId: r.batchId! });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
    await expect(t.client.call('imports.undo', { batchId: r.batchId! })).rejects.toMatchObject({ code: 'CONFLICT' });

    // Import again, then edit one of the imported accounts: undo would lose that edit.
    const r2 = await t.client.call('imports.run', { path: file, kind: 'accounts', skipInvalid: true });
    const acc = (await t.client.call('accounts.list', { search: '宁波海港' })).items[0]!;
    await t.client.call('accounts.update', { id: acc.id, version: acc.version, patch: { phone: '0574-12345678' } });
    const refused = await t.client.tryCall('imports.undo', { batchId: r2.batchId! });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain('宁波海港贸易有限公司');
    }
  });

  it('undoing the import from the operations log (journals.undo) undoes its batch', async () => {
    const t = await withReps();
    const before = dumpDatabase(t.core.sqlite);
    const r = await t.client.call('imports.run', { path: await accountsWorkbook(t.dir), kind: 'accounts', skipInvalid: true });
    const { journal_id: journalId } = t.core.sqlite.prepare('select journal_id from import_batches where id = ?').get(r.batchId!) as { journal_id: string };
    const undone = await t.client.call('journals.undo', { id: journalId });
    expect(undone).toEqual({ journalId, restored: r.created });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
    await expect(t.client.call('journals.undo', { id: journalId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('undo of an update restores the previous values and versions', async () => {
    const t = await withReps();
    const file = await accountsWorkbook(t.dir);
    await t.client.call('imports.run', { path: file, kind: 'accounts', skipInvalid: true });
    const before = dumpDatabase(t.core.sqlite);
    const changed = await writeXlsx(t.dir, 'v2.xlsx', [
      ['客户名称', '统一社会信用代码', '地址', '信用额度', '业务员'],
      ['杭州星河科技有限公司', CC1, '新地址', 90000, '李四'],
    ]);
    const upd = await t.client.call('imports.run', { path: changed, kind: 'accounts', onDuplicate: 'update' });
    expect(upd.updated).toBe(1);
    expect(t.core.sqlite.prepare(`select r.name from accounts a join reps r on r.id = a.owner_rep_id where a.credit_code = ?`).get(CC1)).toEqual({ name: '李四' });
    await t.client.call('imports.undo', { batchId: upd.batchId! });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
  });

  it('imports a GBK CSV without BOM with Chinese headers and normalises its values', async () => {
    const t = await withReps();
    const csv = writeGbkCsv(t.dir, '客户.csv', [
      ['单位名称', '税号', '手机号', '授信额度', '负责人', '备注'],
      ['北京华信科技有限公司', CC1, '13800138000', '1,280.50', '李四', '老客户'],
      ['上海东方贸易公司', '', '021-66668888转123', '8.5万元', '张三', ''],
    ]);
    const r = await t.client.call('imports.run', { path: csv, kind: 'accounts' });
    expect(r).toMatchObject({ encoding: 'gb18030', headerRow: 1, rows: 2, created: 2, errors: [] });
    expect(t.core.sqlite.prepare(`select a.name, a.phone, a.notes, c.limit_fen from accounts a join credit_profiles c on c.account_id = a.id order by a.code`).all()).toEqual([
      { name: '北京华信科技有限公司', phone: '13800138000', notes: '老客户', limit_fen: 128050 },
      { name: '上海东方贸易公司', phone: '021-66668888-123', notes: null, limit_fen: 8_500_000 },
    ]);
  });

  it('keeps unmapped columns as notes when asked', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const file = await writeXlsx(t.dir, 'extra.xlsx', [
      ['客户名称', '年采购量', '喜好'],
      ['某某公司', 300, '喝茶'],
    ]);
    await t.client.call('imports.run', { path: file, kind: 'accounts', unmapped: 'notes' });
    expect(t.core.sqlite.prepare(`select notes from accounts`).get()).toEqual({ notes: '年采购量：300\n喜好：喝茶' });
  });

  it('remembers the mapping as a template for the same file shape', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const file = await writeXlsx(t.dir, 'odd.xlsx', [
      ['甲方', '乙列'],
      ['某某公司', '13800138000'],
    ]);
    const o = await t.client.call('imports.open', { path: file });
    await t.client.call('imports.preview', { sessionId: o.sessionId });
    const m = await t.client.call('imports.mapping', { sessionId: o.sessionId, kind: 'accounts', sender: '张三' });
    expect(m.mapping.map((x) => x.field)).toEqual([null, null]);
    await t.client.call('imports.validate', { sessionId: o.sessionId, kind: 'accounts', mapping: [{ column: 0, field: 'name' }, { column: 1, field: 'phone' }], sender: '张三' });
    await t.client.call('imports.commit', { sessionId: o.sessionId, templateName: '张三的周报' });
    const o2 = await t.client.call('imports.open', { path: file });
    await t.client.call('imports.preview', { sessionId: o2.sessionId });
    const m2 = await t.client.call('imports.mapping', { sessionId: o2.sessionId, kind: 'accounts' });
    expect(m2.template?.name).toBe('张三的周报');
    expect(m2.mapping.map((x) => x.field)).toEqual(['name', 'phone']);
    const byName = await t.client.call('imports.run', { path: file, kind: 'accounts', mapping: '张三的周报', dryRun: true });
    expect(byName.plan).toMatchObject({ skip: 1 });
  });
});
