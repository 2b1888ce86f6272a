import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportRunResult } from '../../../shared/contract/imports';
import { makeRep, makeTerritories } from '../../helpers/allocation-data';
import { setUpBackend } from '../../helpers/backend';
import { dumpDatabase } from '../../helpers/db-dump';
import { checkDemoInvariants } from '../../helpers/demo-invariants';
import { writeGbkCsv } from '../../helpers/import-files';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * Owner assignment on import by the allocation rules (issue 6 ↔ issue 3): the dry run shows who gets
 * each new account and by which rule; the commit writes exactly that inside the import's transaction
 * and journal (owner, transfer 'auto' naming the batch, audit, round-robin cursor); undo of the batch
 * takes it all back.
 */
async function world() {
  const t = await setUpBackend();
  cleanup = t.close;
  const tr = await makeTerritories(t.client);
  const zhang = await makeRep(t.client, '张三', { employeeNo: 'E1' });
  const li = await makeRep(t.client, '李四', { employeeNo: 'E2' });
  const wang = await makeRep(t.client, '王五', { employeeNo: 'E3', status: 'paused' });
  const zhao = await makeRep(t.client, '赵六', { employeeNo: 'E4', capacity: 1 });
  const east = await t.client.call('allocationRules.create', { name: '华东轮询', match: { territoryIds: [tr.east.id] }, targetRepIds: [zhang.id, li.id, wang.id], strategy: 'round_robin' });
  const south = await t.client.call('allocationRules.create', { name: '华南给赵六', match: { territoryIds: [tr.south.id] }, targetRepIds: [zhao.id], strategy: 'single' });
  return { t, reps: { zhang, li, wang, zhao }, rules: { east, south } };
}

const HEADER = ['客户名称', '区域', '行业', '业务员'];
const FIRST = [
  HEADER,
  ['上海甲公司', '上海', '制造业', ''],
  ['江苏乙公司', '江苏', '', ''],
  ['浦东丙公司', '浦东', '', ''],
  ['广州丁公司', '广州', '', ''],
  ['无区域戊公司', '', '', ''],
  ['上海己公司', '上海', '', '李四'],
  ['广州庚公司', '广州', '', ''],
];

function owners(t: Awaited<ReturnType<typeof setUpBackend>>) {
  return t.core.sqlite.prepare(`select a.name, r.name as owner, a.pooled_at is not null as pooled from accounts a left join reps r on r.id = a.owner_rep_id order by a.name`).all() as { name: string; owner: string | null; pooled: number }[];
}

describe('owner assignment on import by the allocation rules', () => {
  it('previews who gets each new account, commits exactly that in the import journal, and undo takes it back', async () => {
    const { t, rules } = await world();
    const file = writeGbkCsv(t.dir, '新客户.csv', FIRST);
    const before = dumpDatabase(t.core.sqlite);

    // The dry run: each new account's rep and rule, loads before → after; nothing written.
    const dry = await t.client.call('imports.run', { path: file, kind: 'accounts', assignOwners: true, dryRun: true });
    expect(dry.errors).toEqual([]);
    expect(dry.allocation!.rows).toEqual([
      { row: 2, name: '上海甲公司', rep: '张三', rule: '华东轮询' },
      { row: 3, name: '江苏乙公司', rep: '李四', rule: '华东轮询' },
      // 王五 is paused: round-robin skips to 张三.
      { row: 4, name: '浦东丙公司', rep: '张三', rule: '华东轮询' },
      { row: 5, name: '广州丁公司', rep: '赵六', rule: '华南给赵六' },
      { row: 6, name: '无区域戊公司', rep: null, rule: '无匹配规则，进入公海' },
      // 赵六 holds at most one account: the second 广州 account has no rep left and stays in the pool.
      { row: 8, name: '广州庚公司', rep: null, rule: '规则内无可用业务员，进入公海' },
    ]);
    expect(dry.allocation).toMatchObject({ accounts: 6, assigned: 4, toPool: 2 });
    // 李四 gets one by rule and one the sheet names: both count in the load.
    expect(dry.allocation!.byRep.find((r) => r.name === '李四')).toMatchObject({ count: 1, accountsBefore: 0, accountsAfter: 2 });
    expect(dry.allocation!.byRep.find((r) => r.name === '张三')).toMatchObject({ count: 2, accountsBefore: 0, accountsAfter: 2 });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);

    // The wizard's route shows the same, per row.
    const opened = await t.client.call('imports.open', { path: file });
    await t.client.call('imports.preview', { sessionId: opened.sessionId, kind: 'accounts' });
    const m = await t.client.call('imports.mapping', { sessionId: opened.sessionId, kind: 'accounts' });
    const summary = await t.client.call('imports.validate', { sessionId: opened.sessionId, kind: 'accounts', mapping: m.mapping, assignOwners: true });
    expect(summary.allocation).toMatchObject({ accounts: 6, assigned: 4, toPool: 2, fingerprint: dry.allocation!.fingerprint });
    const rows = await t.client.call('imports.rows', { sessionId: opened.sessionId, offset: 0, limit: 10, filter: 'all' });
    expect(rows.items.map((r) => r.owner && [r.row, r.owner.repName, r.owner.rule])).toEqual([[2, '张三', '华东轮询'], [3, '李四', '华东轮询'], [4, '张三', '华东轮询'], [5, '赵六', '华南给赵六'], [6, null, '无匹配规则，进入公海'], null, [8, null, '规则内无可用业务员，进入公海']]);
    await t.client.call('imports.close', { sessionId: opened.sessionId });

    const r = await t.client.call('imports.run', { path: file, kind: 'accounts', assignOwners: true });
    expect(r).toMatchObject({ created: 7, errors: [] });
    expect(owners(t)).toEqual([
      { name: '上海己公司', owner: '李四', pooled: 0 },
      { name: '上海甲公司', owner: '张三', pooled: 0 },
      { name: '广州丁公司', owner: '赵六', pooled: 0 },
      { name: '广州庚公司', owner: null, pooled: 1 },
      { name: '无区域戊公司', owner: null, pooled: 1 },
      { name: '江苏乙公司', owner: '李四', pooled: 0 },
      { name: '浦东丙公司', owner: '张三', pooled: 0 },
    ]);
    const batch = t.core.sqlite.prepare(`select journal_id from import_batches where id = ?`).get(r.batchId) as { journal_id: string };
    const transfers = t.core.sqlite.prepare(`select a.name, t.kind, t.reason, t.journal_id, t.by from account_transfers t join accounts a on a.id = t.account_id order by a.name`).all() as { name: string; kind: string; reason: string; journal_id: string; by: string }[];
    expect(transfers.map((x) => [x.name, x.kind])).toEqual([
      ['上海己公司', 'import'],
      ['上海甲公司', 'auto'],
      ['广州丁公司', 'auto'],
      ['江苏乙公司', 'auto'],
      ['浦东丙公司', 'auto'],
    ]);
    for (const x of transfers) {
      expect(x.journal_id).toBe(batch.journal_id);
      expect(x.reason).toContain(`导入 新客户.csv（批次 ${r.batchId}）`);
      expect(x.by).toBe('管理员');
    }
    expect(transfers.find((x) => x.name === '上海甲公司')!.reason).toContain('华东轮询');
    const audits = t.core.sqlite.prepare(`select count(*) as n from audit_log where action = 'account.auto' and journal_id = ?`).get(batch.journal_id) as { n: number };
    expect(audits.n).toBe(4);
    // Round-robin moved on as an apply would (张三 → 李四 → (王五 paused) 张三: next is 李四).
    expect((await t.client.call('allocationRules.list', {})).rules.find((x) => x.id === rules.east.id)!.rrCursor).toBe(1);
    // The timeline of an allocated account tells how it got its owner.
    const ja = t.core.sqlite.prepare(`select id from accounts where name = '上海甲公司'`).get() as { id: string };
    const detail = await t.client.call('accounts.get', { id: ja.id });
    expect(detail.timeline.some((e) => e.kind === 'transfer.auto' && e.detail!.includes('华东轮询') && e.by === '管理员')).toBe(true);
    expect(checkDemoInvariants(t.core.sqlite, t.core.today())).toEqual([]);

    // A second import continues the round-robin where the first left it.
    const afterFirst = dumpDatabase(t.core.sqlite);
    const second = writeGbkCsv(t.dir, '第二批.csv', [HEADER, ['上海辛公司', '上海', '', ''], ['江苏壬公司', '江苏', '', '']]);
    const r2 = await t.client.call('imports.run', { path: second, kind: 'accounts', assignOwners: true });
    expect(r2.allocation!.rows.map((x) => x.rep)).toEqual(['李四', '张三']);
    expect((await t.client.call('allocationRules.list', {})).rules.find((x) => x.id === rules.east.id)!.rrCursor).toBe(1);

    // Undo restores exactly, cursor included, batch by batch.
    await t.client.call('imports.undo', { batchId: r2.batchId! });
    expect(dumpDatabase(t.core.sqlite)).toEqual(afterFirst);
    await t.client.call('imports.undo', { batchId: r.batchId! });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
  });

  it('undo leaves a cursor a later allocation moved, and is not blocked by it', async () => {
    const { t, rules } = await world();
    const r = await t.client.call('imports.run', { path: writeGbkCsv(t.dir, 'a.csv', [HEADER, ['上海甲公司', '上海', '', '']]), kind: 'accounts', assignOwners: true });
    expect(r.allocation!.rows[0]!.rep).toBe('张三');
    const other = await t.client.call('accounts.create', { name: '另一家公司', territoryId: (await t.client.call('allocationRules.list', {})).rules[0]!.match.territoryIds![0]! });
    await t.client.call('allocation.apply', { scope: { kind: 'accounts', ids: [other.id] }, rules: { source: 'saved' } });
    const moved = (await t.client.call('allocationRules.list', {})).rules.find((x) => x.id === rules.east.id)!.rrCursor;
    expect(moved).toBe(2);
    await t.client.call('imports.undo', { batchId: r.batchId! });
    expect((await t.client.call('allocationRules.list', {})).rules.find((x) => x.id === rules.east.id)!.rrCursor).toBe(moved);
    expect(t.core.sqlite.prepare(`select count(*) as n from accounts`).get()).toEqual({ n: 1 });
  });

  it('without the option, new accounts without an owner go to the pool (公海)', async () => {
    const { t } = await world();
    const r = await t.client.call('imports.run', { path: writeGbkCsv(t.dir, 'a.csv', FIRST), kind: 'accounts' });
    expect(r.allocation).toBeNull();
    expect(owners(t).filter((o) => o.owner === null).every((o) => o.pooled === 1)).toBe(true);
    expect(owners(t).filter((o) => o.owner !== null).map((o) => o.name)).toEqual(['上海己公司']);
  });

  it('CLI: import --kind accounts --allocate (dry run and commit, JSON contract kept)', async () => {
    const { t } = await world();
    const db = join(t.dir, 'test.sqlite');
    const file = writeGbkCsv(t.dir, '新客户.csv', FIRST);
    t.backend.close();
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'salesdesk.js'), '--db', db, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const dry = cli('import', file, '--kind', 'accounts', '--allocate', '--dry-run', '--json');
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    const d = JSON.parse(dry.stdout) as ImportRunResult;
    for (const key of ['file', 'kind', 'sheet', 'headerRow', 'encoding', 'rows', 'valid', 'created', 'updated', 'skipped', 'errors', 'warnings', 'batchId']) expect(d).toHaveProperty(key);
    expect(d).toMatchObject({ dryRun: true, batchId: null, created: 7, allocation: { accounts: 6, assigned: 4, toPool: 2 } });
    expect(d.allocation!.rows[0]).toEqual({ row: 2, name: '上海甲公司', rep: '张三', rule: '华东轮询' });

    const human = cli('import', file, '--kind', 'accounts', '--assign-owners', '--dry-run');
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('第 2 行 上海甲公司 → 张三（华东轮询）');

    const done = cli('import', file, '--kind', 'accounts', '--allocate', '--json');
    expect(done.status).toBe(0);
    const c = JSON.parse(done.stdout) as ImportRunResult;
    expect(c).toMatchObject({ created: 7, allocation: { assigned: 4 } });
    expect(c.batchId).toMatch(/^[0-9A-Z]{26}$/);
    const list = cli('accounts', 'list', '--json');
    expect(list.status).toBe(0);
    const undo = cli('imports', 'undo', c.batchId!, '--json');
    expect(undo.status).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ deleted: 7 });
  });
});
