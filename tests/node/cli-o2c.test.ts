import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/createBackend';
import { silentLogger } from '../../electron/backend/logger';
import { inProcessTransport } from '../../electron/backend/transports/in-process';
import { contract } from '../../shared/contract';
import { createClient } from '../../shared/rpc/client';
import { tempDir } from '../helpers/backend';
import { insertRep, setAccountOwner } from '../helpers/o2c';

const root = join(import.meta.dirname, '..', '..');
let tmp: ReturnType<typeof tempDir>;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/salesdesk.js'), '--db', db, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json<T>(...args: string[]): T {
  const r = cli(...args, '--json');
  expect(r.err, r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}

beforeAll(async () => {
  tmp = tempDir('salesdesk-cli-o2c-');
  db = join(tmp.dir, 'cli.sqlite');
  const b = createBackend({ dbFile: db, logger: silentLogger, trusted: true });
  const c = createClient(contract, inProcessTransport(b.dispatch));
  await c.call('setup.complete', { admin: { username: 'admin', displayName: '管理员' }, demo: false });
  const a = await c.call('accounts.create', { name: '上海精工机械有限公司' });
  setAccountOwner(b.core, a.id, insertRep(b.core, '张伟', { employeeNo: 'E001' }));
  await c.call('accounts.create', { name: '北京远望科技' });
  b.close();
});
afterAll(() => tmp.cleanup());

describe('CLI: orders, payments, ar, cases', () => {
  it('runs order-to-cash end to end with the documented syntax', () => {
    const created = json<{ order: { order: { orderNo: string; totalFen: number; repName: string } } }>(
      'orders', 'create', '--account', 'KH-000001', '--po', 'PO-9', '--line', 'desc=离心泵;qty=10;price=128.00;discount=5%', '--line', 'desc=安装调试;qty=1;price=500;tax=6%',
    );
    expect(created.order.order).toMatchObject({ totalFen: 171_600, repName: '张伟' });
    const first = created.order.order.orderNo;
    const second = json<{ order: { order: { orderNo: string } } }>('orders', 'create', '--account', 'KH-000001', '--line', 'desc=阀门;qty=2;price=250.00').order.order.orderNo;
    const dup = cli('orders', 'create', '--account', 'KH-000001', '--po', 'PO-9', '--line', 'desc=x;qty=1;price=1');
    expect(dup.code).toBe(0);
    expect(dup.err).toContain(`PO-9`);

    const conf = cli('orders', 'confirm', first, '--plan', '30% on confirmation, 70% net 60');
    expect(conf.code).toBe(0);
    expect(conf.out).toContain('514.80');
    expect(cli('orders', 'confirm', second).code).toBe(0);

    const paid = json<{ payment: { amountFen: number; unallocatedFen: number }; allocations: { orderNo: string; amountFen: number }[] }>(
      'payments', 'add', '--account', 'KH-000001', '--amount', '1500.00', '--method', 'bank_transfer', '--allocate', `${first}=800`, '--allocate', second,
    );
    expect(paid.payment).toMatchObject({ amountFen: 150_000, unallocatedFen: 20_000 });
    expect(paid.allocations.map((a) => [a.orderNo, a.amountFen])).toEqual([
      [first, 51_480],
      [first, 28_520],
      [second, 50_000],
    ]);

    const list = json<{ total: number; totals: { openFen: number } }>('orders', 'list', '--account', 'KH-000001', '--state', 'confirmed');
    expect(list.total).toBe(2);
    expect(list.totals.openFen).toBe(171_600 - 80_000);
    const show = json<{ progress: { collectedPct: number } }>('orders', 'show', first);
    expect(show.progress.collectedPct).toBe(46.6);

    const aging = json<{ asOf: string; rows: { name: string; totalFen: number; creditFen: number }[]; totals: { totalFen: number } }>('ar', 'aging', '--as-of', '2099-01-01');
    expect(aging.asOf).toBe('2099-01-01');
    expect(aging.rows[0]).toMatchObject({ name: '上海精工机械有限公司', totalFen: 91_600, creditFen: 20_000 });
    const text = cli('ar', 'aging', '--by', 'rep');
    expect(text.out).toContain('张伟');

    const later = json<{ accountCreditFen: number }>('payments', 'allocate', '--account', 'KH-000001', '--allocate', `${first}#2=100`);
    expect(later.accountCreditFen).toBe(10_000);

    const cancelled = json<{ order: { state: string; collectedFen: number } }>('orders', 'cancel', second, '--reason', '客户取消');
    expect(cancelled.order).toMatchObject({ state: 'cancelled', collectedFen: 0 });

    const opened = json<{ case: { caseNo: string; priority: string } }>('cases', 'create', '--account', 'KH-000001', '--title', '水泵异响', '--type', 'repair', '--priority', 'P1', '--order', first, '--attach', '照片=D:/a.jpg');
    expect(opened.case.priority).toBe('P1');
    const cases = json<{ total: number; items: { caseNo: string; sla: string }[] }>('cases', 'list', '--open');
    expect(cases.items.map((c) => c.caseNo)).toEqual([opened.case.caseNo]);
    const breached = json<{ total: number }>('cases', 'list', '--breached');
    expect(breached.total).toBe(0);
    const waiting = cli('cases', 'state', opened.case.caseNo, 'waiting_customer', '--note', '等客户回复');
    expect(waiting.out).toContain('new → waiting_customer');
  }, 180_000);

  it('refuses hostile input with a clear message and changes nothing', () => {
    const before = json<{ total: number }>('payments', 'list').total;
    const cases: [string[], RegExp][] = [
      [['payments', 'add', '--account', 'KH-000002', '--amount', '12.345', '--method', 'cash'], /at most 2 decimals/],
      [['payments', 'add', '--account', 'KH-000002', '--amount', '-5', '--method', 'cash'], /positive yuan amount/],
      [['payments', 'add', '--account', 'KH-000002', '--amount', '5', '--method', 'bitcoin'], /unknown method "bitcoin"/],
      [['payments', 'add', '--account', 'KH-000002', '--amount', '5', '--method', 'cash', '--date', '2026-02-30'], /INVALID_INPUT/],
      [['payments', 'add', '--account', 'KH-000002', '--amount', '5', '--method', 'cash', '--allocate', 'SO-2026-000001'], /不属于该客户/],
      [['payments', 'add', '--account', 'KH-000001', '--amount', '5', '--method', 'cash', '--allocate', 'SO-2026-000001=9999999'], /超额分配/],
      [['payments', 'add', '--account', 'KH-000001', '--amount', '5', '--method', 'cash', '--allocate', 'nonsense!'], /--allocate must be/],
      [['payments', 'add', '--account', 'KH-404', '--amount', '5', '--method', 'cash'], /no account "KH-404"/],
      [['orders', 'create', '--account', 'KH-000001', '--line', 'desc=x;qty=-2;price=1'], /qty must be a positive whole number/],
      [['orders', 'create', '--account', 'KH-000001', '--line', 'desc=x;qty=2;price=1.999'], /at most 2 decimals/],
      [['orders', 'complete', 'SO-2026-000003'], /不能完成/],
      [['orders', 'confirm', 'SO-2026-000001'], /只有草稿可以确认/],
      [['ar', 'aging', '--as-of', '2026-13-45'], /INVALID_INPUT/],
      [['cases', 'list', '--breached', '--about-to-breach'], /choose one/],
    ];
    for (const [args, expected] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(expected);
    }
    expect(json<{ total: number }>('payments', 'list').total).toBe(before);
  }, 240_000);
});
