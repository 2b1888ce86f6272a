import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/backend/clock';
import { createBackend } from '../../electron/backend/createBackend';
import { silentLogger } from '../../electron/backend/logger';
import { inProcessTransport } from '../../electron/backend/transports/in-process';
import { contract } from '../../shared/contract';
import type { CreditCheckResult, CreditRunSummary } from '../../shared/contract/credit';
import { createClient } from '../../shared/rpc/client';
import { tempDir } from '../helpers/backend';

const root = join(import.meta.dirname, '..', '..');
let tmp: ReturnType<typeof tempDir>;
let db: string;
let draftNo = '';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'bin/salesdesk.js'), '--db', db, ...args], { cwd: root, encoding: 'utf8', timeout: 90_000, input: input ?? '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json<T>(...args: string[]): T {
  const r = cli([...args, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
}

const counts = () => {
  const b = createBackend({ dbFile: db, logger: silentLogger, trusted: true });
  try {
    return b.core.sqlite.prepare('select (select count(*) from credit_profiles) as profiles, (select count(*) from credit_overrides) as overrides, (select count(*) from credit_runs) as runs, (select count(*) from accounts) as accounts').get() as Record<string, number>;
  } finally {
    b.close();
  }
};

beforeAll(async () => {
  tmp = tempDir('salesdesk-cli-credit-');
  db = join(tmp.dir, 'cli.sqlite');
  // Real days: the spawned CLI uses the system clock, so the data is laid out relative to today.
  const b = createBackend({ dbFile: db, logger: silentLogger, trusted: true, clock: fixedClock(Date.now()) });
  const c = createClient(contract, inProcessTransport(b.dispatch));
  await c.call('setup.complete', { admin: { username: 'admin', displayName: '管理员' }, demo: false });
  await c.call('users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: 'wang-pass-1' });
  const a = await c.call('accounts.create', { name: '宁波远洋机电有限公司' });
  const first = await c.call('orders.create', { accountId: a.id, lines: [{ description: '设备', quantity: 1, unitPriceFen: 46_820_000 }] });
  await c.call('orders.confirm', { id: first.order.order.id, version: first.order.order.version });
  await c.call('credit.updateProfile', { accountId: a.id, version: null, limitFen: 50_000_000, policy: 'block' });
  const d = await c.call('orders.create', { accountId: a.id, lines: [{ description: '配件', quantity: 1, unitPriceFen: 6_000_000 }] });
  draftNo = d.order.order.orderNo;
  b.close();
});
afterAll(() => tmp.cleanup());

describe('CLI: credit', () => {
  it('checks an account or an order, in words and as JSON', () => {
    const acc = json<CreditCheckResult>('credit', 'check', 'KH-000001');
    expect(acc).toMatchObject({ outcome: 'warn', account: { code: 'KH-000001' }, order: null, exposure: { totalFen: 46_820_000 }, usedPct: 93.6 });
    expect(acc.checkId).toEqual(expect.any(String));
    const text = cli(['credit', 'check', draftNo]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('✗ 拦截');
    expect(text.out).toContain('额度 500,000.00 元（客户档案），占用 468,200.00 元 + 本单 60,000.00 元 = 105.6%，超出 28,200.00 元');
    // By the account's full name too.
    expect(json<CreditCheckResult>('credit', 'check', '宁波远洋机电有限公司', '--no-record').checkId).toBeNull();
  }, 240_000);

  it('confirming over the limit is refused with the reasons; a manager overrides with the password on stdin', () => {
    const refused = cli(['orders', 'confirm', draftNo]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('CREDIT_BLOCKED');
    expect(refused.err).toContain('105.6%');
    const wrong = cli(['credit', 'override', draftNo, '--manager', 'wang', '--password-stdin', '--reason', '老客户'], 'not-the-password\n');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('用户名或密码不正确');
    const onArgs = cli(['credit', 'override', draftNo, '--manager', 'wang', '--password', 'wang-pass-1', '--password-stdin', '--reason', '老客户'], 'wang-pass-1\n');
    expect(onArgs.code).toBe(1);
    expect(onArgs.err).toContain('--password-stdin');
    const empty = cli(['credit', 'override', draftNo, '--manager', 'wang', '--password-stdin', '--reason', '老客户'], '');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('没有读到密码');
    const noReason = cli(['credit', 'override', draftNo, '--manager', 'wang', '--password-stdin', '--reason', '  '], 'wang-pass-1\n');
    expect(noReason.code).toBe(1);
    expect(counts().overrides).toBe(0);
    const ok = cli(['credit', 'override', draftNo, '--manager', 'wang', '--password-stdin', '--reason', '老客户，月底回款', '--json'], 'wang-pass-1\n');
    expect(ok.code, ok.err).toBe(0);
    const r = JSON.parse(ok.out) as { order: { order: { state: string; creditStatus: string } }; overrideId: string };
    expect(r.order.order).toMatchObject({ state: 'confirmed', creditStatus: 'overridden' });
    expect(ok.out).not.toContain('wang-pass-1');
    expect(counts().overrides).toBe(1);
  }, 240_000);

  it('holds and releases with a reason, sets limits, and runs the batch', () => {
    expect(cli(['credit', 'hold', 'KH-000001', '--reason', '   ']).code).toBe(1);
    expect(cli(['credit', 'hold', 'KH-000001']).code).toBe(1);
    const held = cli(['credit', 'hold', 'KH-000001', '--reason', '经营异常']);
    expect(held.code, held.err).toBe(0);
    expect(json<CreditCheckResult>('credit', 'check', 'KH-000001').reasons[0]!.text.zh).toMatch(/^信用冻结：\d{4}-\d{2}-\d{2} \S+，原因：经营异常$/);
    expect(cli(['credit', 'release', 'KH-000001', '--reason', '已解除']).code).toBe(0);
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const p = json<{ check: { limit: { limitFen: number; kind: string } } }>('credit', 'limit', 'set', 'KH-000001', '--temp', '800000', '--until', until, '--temp-reason', '年底备货');
    expect(p.check.limit).toMatchObject({ limitFen: 80_000_000, kind: 'temporary' });
    const run = json<CreditRunSummary>('credit', 'run');
    expect(run).toMatchObject({ accountCount: 1, expiringTempLimits: { count: 1 } });
    const again = json<CreditRunSummary>('credit', 'run');
    expect(again.changes).toMatchObject({ upgrades: 0, downgrades: 0 });
    expect(again.distribution).toEqual(run.distribution);
    expect(cli(['credit', 'run', '--tier', 'Z']).code).toBe(1);
    const alerts = cli(['credit', 'alerts']);
    expect(alerts.out).toContain('临时额度即将到期');
  }, 240_000);

  it('refuses hostile input with a clear message and changes nothing', () => {
    const before = counts();
    const cases: [string[], RegExp][] = [
      [['credit', 'check', "'; drop table accounts; --"], /找不到客户/],
      [['credit', 'check', ''], /客户编号或订单号/],
      [['credit', 'check', 'x'.repeat(500)], /最多 64 个字符/],
      [['credit', 'limit', 'set', 'KH-000001', '--limit', '12.345'], /最多两位小数/],
      [['credit', 'limit', 'set', 'KH-000001', '--limit', '-5'], /最多两位小数/],
      [['credit', 'limit', 'set', 'KH-000001', '--limit', '1', '--cash-only'], /只能选一个/],
      [['credit', 'limit', 'set', 'KH-000001', '--temp', '100', '--until', '2026-13-01', '--temp-reason', 'x'], /YYYY-MM-DD/],
      [['credit', 'limit', 'set', 'KH-000001', '--temp', '100'], /--until/],
      [['credit', 'limit', 'set', 'KH-000001', '--policy', 'yolo'], /--policy/],
      [['credit', 'limit', 'set', 'KH-000001'], /没有要修改的内容/],
      [['credit', 'hold', 'KH-999999', '--reason', 'x'], /找不到客户/],
      [['credit', 'release', 'KH-000001', '--reason', 'x'], /没有信用冻结/],
      [['credit', 'override', 'SO-2099-000001', '--manager', 'wang', '--password-stdin', '--reason', 'x'], /订单不存在/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, 'wang-pass-1\n');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    expect(counts()).toEqual(before);
  }, 240_000);
});
