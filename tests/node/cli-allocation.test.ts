import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/backend/clock';
import { createBackend } from '../../electron/backend/createBackend';
import { silentLogger } from '../../electron/backend/logger';
import { createAccount } from '../../electron/backend/services/accounts';
import { createPoolRule } from '../../electron/backend/services/pool-rules';
import { createRep } from '../../electron/backend/services/reps';
import { transferAccounts } from '../../electron/backend/services/transfers';
import { tempDir } from '../helpers/backend';

const BIN = resolve(__dirname, '../../bin/salesdesk.js');
const tmp = tempDir('salesdesk-cli-alloc-');
const db = join(tmp.dir, 'cli.sqlite');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Everything an owner change could touch; "no change" means all of it is equal. */
function snapshot(): string {
  const b = createBackend({ dbFile: db, logger: silentLogger, trusted: true });
  try {
    const q = (sql: string) => b.core.sqlite.prepare(sql).all();
    return JSON.stringify([q('select * from accounts order by id'), q('select * from account_transfers order by id'), q('select * from journals order by id'), q('select count(*) from audit_log')]);
  } finally {
    b.close();
  }
}

beforeAll(() => {
  // Accounts owned since 10 days ago, so that a 5-day pool rule makes them due today (real clock).
  const b = createBackend({ dbFile: db, logger: silentLogger, trusted: true, clock: fixedClock(Date.now() - 10 * 86_400_000) });
  const actor = { id: null, name: 'test' };
  const zhang = createRep(b.core, actor, { name: '张伟', employeeNo: 'E001' });
  createRep(b.core, actor, { name: '李娜', employeeNo: 'E002' });
  const accounts = Array.from({ length: 6 }, (_, i) => createAccount(b.core, actor, { name: `命令行客户${i + 1}`, tier: i < 2 ? 'A' : 'C' }));
  transferAccounts(b.core, actor, { accountIds: accounts.slice(4).map((a) => a.id), toRepId: zhang.id, reason: '初始' });
  createPoolRule(b.core, actor, { name: '五天', enabled: true, territoryId: null, tier: null, noFollowupDays: 5, noDealDays: null, protectionDays: null, reminderDays: 1, claimDailyCap: null, holdingCap: null, cooldownDays: 0 });
  b.close();
  writeFileSync(join(tmp.dir, 'rules.json'), JSON.stringify({ rules: [{ name: 'A类', match: { tiers: ['A'] }, targets: ['E002'], strategy: 'single' }, { name: '其他', targets: ['张伟', '李娜'] }] }));
  writeFileSync(join(tmp.dir, 'not-json.json'), '{"rules": [');
  writeFileSync(join(tmp.dir, 'wrong-shape.json'), JSON.stringify({ rules: [{ match: { tier: 'A' }, targets: ['E001'] }] }));
  writeFileSync(join(tmp.dir, 'unknown-rep.json'), JSON.stringify({ rules: [{ targets: ['赵六'] }] }));
});
afterAll(() => tmp.cleanup());

describe('CLI: hostile input changes nothing and exits 1 with a clear message', { timeout: 240_000 }, () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown rep', ['accounts', 'transfer', '--to', '赵六', '--reason', '调整', 'KH-000001'], /找不到业务员“赵六”/],
    ['empty reason', ['accounts', 'transfer', '--to', 'E001', '--reason', '  ', 'KH-000001'], /必须填写原因/],
    ['unknown account ids', ['accounts', 'transfer', '--to', 'E001', '--reason', '调整', 'KH-000001', 'KH-999999', 'nope'], /找不到这些客户.*KH-999999, nope/],
    ['rules file that is not JSON', ['allocate', '--rules', join(tmp.dir, 'not-json.json')], /规则文件不是有效的 JSON.*not-json\.json/],
    ['rules file of the wrong shape', ['allocate', '--rules', join(tmp.dir, 'wrong-shape.json')], /规则文件格式不对[\s\S]*rules\.0\.match/],
    ['rules file naming an unknown rep', ['allocate', '--rules', join(tmp.dir, 'unknown-rep.json')], /规则 1：找不到业务员“赵六”/],
    ['missing rules file', ['allocate', '--rules', join(tmp.dir, 'absent.json')], /无法读取规则文件/],
    ['unknown journal', ['undo', 'no-such-journal'], /操作记录不存在/],
    ['unknown confirm id', ['pool', 'reclaim', '--confirm', 'KH-424242'], /找不到这些客户/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const before = snapshot();
    const r = cli(...args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
    expect(snapshot()).toBe(before);
  });
});

describe('CLI: transfer, allocate, reclaim, undo', { timeout: 240_000 }, () => {
  it('transfers by code and employee number, and undoes it', () => {
    const r = cli('accounts', 'transfer', '--to', 'E002', '--reason', '区域调整', 'KH-000001', 'kh-000002', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { journalId: string; changed: number; to: { name: string } };
    expect(out).toMatchObject({ changed: 2, to: { name: '李娜' } });
    const before = snapshot();
    const u = cli('undo', out.journalId, '--json');
    expect(u.code).toBe(0);
    expect(JSON.parse(u.stdout)).toEqual({ journalId: out.journalId, restored: 2 });
    expect(snapshot()).not.toBe(before);
  });

  it('allocate --dry-run changes nothing; allocate applies; undo restores', () => {
    const start = snapshot();
    const dry = cli('allocate', '--rules', join(tmp.dir, 'rules.json'), '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout) as { accountCount: number; changeCount: number; byRule: { name: string; count: number }[] };
    expect(preview).toMatchObject({ accountCount: 4, changeCount: 4 });
    expect(preview.byRule).toEqual([
      { ruleId: 'rule-1', name: 'A类', count: 2 },
      { ruleId: 'rule-2', name: '其他', count: 2 },
    ]);
    expect(snapshot()).toBe(start);
    const applied = cli('allocate', '--rules', join(tmp.dir, 'rules.json'), '--json');
    expect(applied.code).toBe(0);
    const result = JSON.parse(applied.stdout) as { journalId: string; changed: number };
    expect(result.changed).toBe(4);
    const text = cli('allocate', '--rules', 'saved', '--dry-run');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('0 个客户');
    expect(cli('undo', result.journalId).code).toBe(0);
    expect(snapshot()).not.toBe(start); // the journal and audit rows stay: undo appends
    const again = JSON.parse(cli('allocate', '--rules', join(tmp.dir, 'rules.json'), '--dry-run', '--json').stdout) as { fingerprint: string };
    expect(again.fingerprint).toBe((JSON.parse(dry.stdout) as { fingerprint: string }).fingerprint);
  });

  it('pool reclaim: preview, run, and a second run the same day changes nothing', () => {
    const dry = cli('pool', 'reclaim', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ reclaimCount: 2, heldCount: 0 });
    const run = cli('pool', 'reclaim', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ reclaimed: 2, held: 0 });
    const before = snapshot();
    const second = cli('pool', 'reclaim', '--json');
    expect(JSON.parse(second.stdout)).toEqual({ journalId: null, reclaimed: 0, held: 0 });
    expect(snapshot()).toBe(before);
  });

  it('keeps `accounts list` as it was', () => {
    const r = cli('accounts', 'list', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KH-000001\t命令行客户1\tA\t/);
    expect(r.stdout).toContain('共 6 个客户');
  });
});
