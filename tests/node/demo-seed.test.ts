import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/backend/services/demo/seed-demo';
import { computeAttainment } from '../../electron/backend/services/targets/attainment';
import { resolvePeriodOrThrow } from '../../electron/backend/services/targets/period-resolve';
import { addMonths } from '../../shared/domain/dates';
import { checkDemoInvariants } from '../helpers/demo-invariants';
import { setUpBackend, testBackend } from '../helpers/backend';

type T = Awaited<ReturnType<typeof setUpBackend>>;

function tableHash(t: T, table: string): string {
  const rows = t.core.sqlite.prepare(`select * from ${table} order by id`).raw().all();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const HASHED = ['territories', 'reps', 'products', 'accounts', 'contacts', 'account_transfers', 'followups', 'orders', 'order_lines', 'shipments', 'instalments', 'payments', 'payment_allocations', 'returns', 'cases', 'case_events', 'targets'];

describe('demo company', () => {
  let t: T;
  let summary: ReturnType<typeof seedDemo>;

  beforeAll(async () => {
    t = await setUpBackend();
    summary = seedDemo(t.core, { actor: t.backend.runtime.session.actor(), accounts: 400, orderLines: 4000 });
  });
  afterAll(() => t.close());

  it('writes the sizes asked for', () => {
    expect(summary.accounts).toBe(400);
    expect(summary.orderLines).toBe(4000);
    expect(summary.reps).toBe(8);
    expect(summary.products).toBeGreaterThanOrEqual(70);
    const count = (table: string) => (t.core.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(count('accounts')).toBe(400);
    expect(count('order_lines')).toBe(4000);
    for (const table of ['territories', 'reps', 'products', 'contacts', 'followups', 'orders', 'shipments', 'instalments', 'payments', 'payment_allocations', 'credit_profiles', 'targets', 'pool_rules', 'allocation_rules', 'sla_policies', 'tags', 'account_tags', 'account_transfers', 'cases', 'case_events']) {
      expect(count(table), table).toBeGreaterThan(0);
    }
  });

  it('keeps every derived column consistent (totals, tax, shipments, instalments, allocations, aggregates, follow-ups, owners)', () => {
    expect(checkDemoInvariants(t.core.sqlite, t.core.today())).toEqual([]);
  });

  it('has a checker that notices broken data', () => {
    const db = t.core.sqlite;
    const broken = (sql: string) => {
      db.exec('savepoint probe');
      try {
        db.exec(sql);
        return checkDemoInvariants(db, t.core.today());
      } finally {
        db.exec('rollback to probe');
        db.exec('release probe');
      }
    };
    expect(broken("update orders set collected_fen = collected_fen + 1 where id = (select order_id from payment_allocations limit 1)").join()).toMatch(/collected/);
    expect(broken('update order_lines set tax_fen = tax_fen + 1 where id = (select min(id) from order_lines)').join()).toMatch(/tax/);
    expect(broken("update accounts set last_followup_on = '2000-01-01' where id = (select account_id from followups limit 1)").join()).toMatch(/follow-up/);
    expect(broken('update instalments set amount_fen = amount_fen + 5 where id = (select min(id) from instalments)').join()).toMatch(/instalments add up/);
    expect(broken('update accounts set overdue_fen = overdue_fen + 1 where id = (select min(id) from accounts)').join()).toMatch(/aggregates/);
    expect(broken('update cases set resolution_target_min = null where id = (select min(id) from cases)').join()).toMatch(/SLA targets/);
  });

  it('looks like a company: tiers, pool, reps, territories, history window', () => {
    const db = t.core.sqlite;
    const tiers = Object.fromEntries((db.prepare('select tier, count(*) as n from accounts group by tier').all() as { tier: string; n: number }[]).map((r) => [r.tier, r.n / 400]));
    expect(tiers.A).toBeGreaterThan(0.08);
    expect(tiers.A).toBeLessThan(0.24);
    expect(tiers.C).toBeGreaterThan(0.4);
    const pooled = (db.prepare('select count(*) as n from accounts where owner_rep_id is null').get() as { n: number }).n / 400;
    expect(pooled).toBeGreaterThan(0.03);
    expect(pooled).toBeLessThan(0.15);
    expect(db.prepare("select count(*) as n from accounts where owner_rep_id is null and previous_owner_rep_id is not null").get()).toMatchObject({ n: expect.any(Number) });
    const statuses = db.prepare('select status, count(*) as n from reps group by status').all() as { status: string; n: number }[];
    expect(statuses.find((s) => s.status === 'left')?.n).toBe(1);
    const regions = db.prepare('select name from territories where parent_id is null order by sort_order').all() as { name: string }[];
    expect(regions.map((r) => r.name)).toEqual(['华东', '华南', '华北', '华中', '西南', '西北', '东北']);
    const today = t.core.today();
    const start = addMonths(today, -18);
    const range = db.prepare('select min(ordered_on) as lo, max(ordered_on) as hi from orders').get() as { lo: string; hi: string };
    expect(range.lo >= start).toBe(true);
    expect(range.hi < today).toBe(true);
    const f = db.prepare('select min(occurred_on) as lo, max(occurred_on) as hi from followups').get() as { lo: string; hi: string };
    expect(f.lo >= start && f.hi < today).toBe(true);
    expect(db.prepare("select count(*) as n from orders where order_no not glob 'SO-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from cases where case_no not glob 'CS-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'").get()).toEqual({ n: 0 });
    // Older orders are mostly completed; recent ones are still moving.
    const old = db.prepare("select state, count(*) as n from orders where ordered_on < ? group by state").all(addMonths(today, -3)) as { state: string; n: number }[];
    const oldTotal = old.reduce((s, r) => s + r.n, 0);
    expect((old.find((r) => r.state === 'completed')?.n ?? 0) / oldTotal).toBeGreaterThan(0.75);
    const recent = db.prepare("select distinct state from orders where ordered_on >= ?").all(addMonths(today, -1)) as { state: string }[];
    expect(recent.map((r) => r.state)).toEqual(expect.arrayContaining(['confirmed', 'shipped']));
    // Some customers are overdue (never more than 200 days), some accounts stale enough for pool reminders.
    const overdue = db.prepare('select count(*) as n, max(max_overdue_days) as m from accounts where overdue_fen > 0').get() as { n: number; m: number };
    expect(overdue.n).toBeGreaterThan(0);
    expect(overdue.m).toBeLessThanOrEqual(200);
    const stale = db.prepare("select count(*) as n from accounts where owner_rep_id is not null and last_followup_on <= date(?, '-60 days')").get(today) as { n: number };
    expect(stale.n).toBeGreaterThan(0);
    const payments = db.prepare('select distinct method from payments').all() as { method: string }[];
    expect(payments.map((p) => p.method)).toEqual(expect.arrayContaining(['bank_transfer', 'acceptance_bill']));
  });

  it('sets targets a manager would believe: near each rep\'s recent run rate, not far below it', () => {
    // The company grows over the 18 months; targets from an all-time average read 200–500% (one rep 9154%).
    const result = computeAttainment(t.core, resolvePeriodOrThrow(t.core, 'last-month'));
    const sales = result.reps.flatMap((r) => r.measures.filter((m) => m.measure === 'sales' && m.target !== null));
    expect(sales.length).toBeGreaterThan(4);
    const team = sales.reduce((s, m) => s + m.actual, 0) / sales.reduce((s, m) => s + m.target!, 0);
    expect(team).toBeGreaterThan(0.6);
    expect(team).toBeLessThan(1.6);
    for (const m of sales) expect(m.actual / m.target!).toBeLessThan(5);
  });

  it('continues the document counters: the next account created in the app gets the next KH number', async () => {
    const created = await t.client.call('accounts.create', { name: '演示之后新建的客户有限公司' });
    expect(created.code).toBe('KH-000401');
    const so = t.core.sqlite.prepare("select max(order_no) as no from orders where order_no like 'SO-' || ? || '-%'").get(t.core.today().slice(0, 4)) as { no: string };
    const counter = t.core.sqlite.prepare('select value from counters where key = ?').get(`SO-${t.core.today().slice(0, 4)}`) as { value: number };
    expect(Number(so.no.slice(-6))).toBe(counter.value);
  });

  it('adds the manager and coordinator profiles and one audit entry', async () => {
    const users = await t.client.call('users.list', {});
    expect(users.map((u) => [u.username, u.displayName, u.role])).toEqual(
      expect.arrayContaining([
        ['manager', '王经理', 'manager'],
        ['coordinator', '李内勤', 'coordinator'],
      ]),
    );
    await expect(t.client.call('session.signIn', { username: 'manager', password: 'manager123' })).resolves.toMatchObject({ user: { username: 'manager' } });
    await expect(t.client.call('session.signIn', { username: 'coordinator', password: 'coord123' })).resolves.toMatchObject({ user: { username: 'coordinator' } });
    const audit = t.core.sqlite.prepare("select count(*) as n from audit_log where action = 'demo.seed'").get() as { n: number };
    expect(audit.n).toBe(1);
    expect(t.core.sqlite.prepare('select count(*) as n from audit_log').get()).toMatchObject({ n: expect.any(Number) });
  });

  it('shows through the accounts grid: sort, filters and quick search', async () => {
    const page = await t.client.call('accounts.list', { sort: [{ colId: 'name', sort: 'asc' }], limit: 50 });
    expect(page.total).toBe((t.core.sqlite.prepare('select count(*) as n from accounts').get() as { n: number }).n);
    expect(page.total).toBeGreaterThanOrEqual(400);
    expect(page.items).toHaveLength(50);
    const tierA = await t.client.call('accounts.list', { filters: { tier: { filterType: 'set', values: ['A'] } } });
    expect(tierA.items.every((a) => a.tier === 'A')).toBe(true);
    const first = page.items[0]!;
    const found = await t.client.call('accounts.list', { search: first.name.slice(2, 6) });
    expect(found.items.map((a) => a.id)).toContain(first.id);
    const debtors = await t.client.call('accounts.list', { sort: [{ colId: 'openReceivableFen', sort: 'desc' }], limit: 5 });
    expect(debtors.items[0]!.openReceivableFen).toBeGreaterThan(0);
    const detail = await t.client.call('accounts.get', { id: first.id });
    expect(detail.contacts.length).toBeGreaterThan(0);
  });

  it('refuses a database that already has accounts', () => {
    expect(() => seedDemo(t.core, { actor: t.backend.runtime.session.actor(), accounts: 10 })).toThrow(/已有|already/);
  });
});

describe('demo determinism', () => {
  const hashes = (seed: number) => {
    const t = testBackend();
    try {
      seedDemo(t.core, { actor: { id: null, name: 'test' }, accounts: 150, orderLines: 1200, seed });
      return Object.fromEntries(HASHED.map((table) => [table, tableHash(t as unknown as T, table)]));
    } finally {
      t.close();
    }
  };

  it('gives the same data (ids included) for the same seed and a different company for another seed', () => {
    const a = hashes(7);
    const b = hashes(7);
    const c = hashes(8);
    expect(b).toEqual(a);
    for (const table of ['accounts', 'orders', 'order_lines', 'payments', 'followups']) expect(c[table], table).not.toBe(a[table]);
  });

  it('is all or nothing: a failure half-way leaves the database empty', () => {
    const t = testBackend();
    try {
      expect(() =>
        seedDemo(t.core, {
          actor: { id: null, name: 'test' },
          accounts: 50,
          orderLines: 200,
          onPhase: (phase) => {
            if (phase === 'accounts, orders, follow-ups') throw new Error('power cut');
          },
        }),
      ).toThrow('power cut');
      for (const table of ['accounts', 'reps', 'territories', 'orders', 'users', 'counters', 'audit_log']) {
        expect(t.core.sqlite.prepare(`select count(*) as n from ${table}`).get(), table).toEqual({ n: 0 });
      }
      const indexes = t.core.sqlite.prepare("select count(*) as n from sqlite_master where type = 'index' and name = 'accounts_name_idx'").get();
      expect(indexes).toEqual({ n: 1 });
      expect(t.core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(seedDemo(t.core, { actor: { id: null, name: 'test' }, accounts: 20, orderLines: 50 }).accounts).toBe(20);
      // Seeding switches to a rollback journal for the bulk load and back to WAL afterwards.
      expect(t.core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      t.close();
    }
  });

  it('rejects impossible sizes with a clear message', () => {
    const t = testBackend();
    try {
      expect(() => seedDemo(t.core, { actor: { id: null, name: 'test' }, accounts: 0 })).toThrow(/accounts/);
      expect(() => seedDemo(t.core, { actor: { id: null, name: 'test' }, accounts: 10, orderLines: -1 })).toThrow(/orderLines/);
      expect(() => seedDemo(t.core, { actor: { id: null, name: 'test' }, accounts: 10, reps: 0 })).toThrow(/reps/);
      expect(t.core.sqlite.prepare('select count(*) as n from reps').get()).toEqual({ n: 0 });
    } finally {
      t.close();
    }
  });
});

describe('first run with demo data', { timeout: 180_000 }, () => {
  it('setup.complete with demo: true loads the 5,000-account company, visible in the accounts grid', async () => {
    const t = testBackend();
    try {
      const status = await t.client.call('setup.complete', { admin: { username: 'boss', displayName: '老板' }, demo: true });
      expect(status.user?.username).toBe('boss');
      const page = await t.client.call('accounts.list', { sort: [{ colId: 'ownerName', sort: 'desc' }], limit: 20 });
      expect(page.total).toBe(5000);
      expect(page.items[0]?.ownerName).toBeTruthy();
      const users = await t.client.call('users.list', {});
      expect(users.map((u) => u.username).sort()).toEqual(['boss', 'coordinator', 'manager']);
      expect((await t.client.call('system.status', {})).user?.username).toBe('boss');
    } finally {
      t.close();
    }
  });
});
