import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../electron/backend/clock';
import { createBackend, type Backend } from '../electron/backend/createBackend';
import { silentLogger } from '../electron/backend/logger';
import { refreshAllAccountAggregates } from '../electron/backend/services/aggregates';
import { inProcessTransport } from '../electron/backend/transports/in-process';
import { contract } from '../shared/contract';
import { fromDayNumber, toDayNumber } from '../shared/domain/dates';
import { generateInstalments } from '../shared/domain/instalment-plan';
import { lineAmount } from '../shared/domain/line-amount';
import { createClient } from '../shared/rpc/client';
import { record, time } from './harness';
import { schemaKey } from './seed';

/**
 * Order-to-cash at size: 100,000 accounts, 200,000 orders with 1,000,000 lines, ~300,000 instalments and
 * 200,000 payments. The targets: AR aging for all accounts as of today < 1 s, an orders grid page
 * < 100 ms, confirming an order (with its checks) < 20 ms.
 *
 * bench/seed.ts (ensureBigDatabase) was not on main when this was written, so the data comes from the
 * minimal generator below: raw prepared inserts in one transaction, amounts from the same domain maths
 * as the services (line amounts, instalment plans), payments allocated oldest due first, so the
 * maintained columns (paid, collected, unallocated) are consistent. The file is cached in the temp folder.
 */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T02:00:00Z';
const SIZE = { accounts: 100_000, reps: 300, orders: 200_000, linesPerOrder: 5, payments: 200_000 };
/** The cache is per schema version: a new migration means new data. */
const FILE = join(tmpdir(), 'salesdesk-bench', `o2c-v5-schema${schemaKey()}-${SIZE.accounts}-${SIZE.orders * SIZE.linesPerOrder}-${SIZE.payments}.sqlite`);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, '0')}`;
}

function generate(file: string): void {
  const tmp = `${file}.part`;
  rmSync(tmp, { force: true });
  const b = createBackend({ dbFile: tmp, logger: silentLogger, clock: fixedClock(NOW), synchronous: 'NORMAL' });
  const db = b.core.sqlite;
  const rnd = mulberry32(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const now = Date.parse(NOW);
  const t0 = performance.now();
  db.transaction(() => {
    const terr = db.prepare('insert into territories (id, parent_id, name, code, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
    const leaves: string[] = [];
    ['华东', '华北', '华南', '华中', '西南', '东北'].forEach((region, r) => {
      const rid = id('T', r);
      terr.run(rid, null, region, `R${r}`, now, now);
      for (let k = 0; k < 5; k++) {
        const lid = id('T', 100 + r * 10 + k);
        terr.run(lid, rid, `${region}${k + 1}区`, `R${r}-${k}`, now, now);
        leaves.push(lid);
      }
    });
    const rep = db.prepare('insert into reps (id, employee_no, name, territory_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
    const reps: string[] = [];
    for (let i = 0; i < SIZE.reps; i++) {
      reps.push(id('R', i));
      rep.run(id('R', i), `E${i}`, `业务员${i}`, pick(leaves), now, now);
    }
    const acct = db.prepare('insert into accounts (id, code, name, territory_id, owner_rep_id, tier, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
    const owner: string[] = [];
    for (let i = 0; i < SIZE.accounts; i++) {
      const o = pick(reps);
      owner.push(o);
      acct.run(id('A', i), `KH-${String(i + 1).padStart(6, '0')}`, `客户${i + 1}有限公司`, pick(leaves), o, pick(['A', 'B', 'C']), now, now);
    }
    const order = db.prepare(
      `insert into orders (id, order_no, account_id, rep_id, state, ordered_on, confirmed_on, shipped_on, completed_on, cancelled_on, payment_terms_days,
         total_fen, tax_fen, shipped_fen, billed_fen, collected_fen, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 30, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const line = db.prepare(
      `insert into order_lines (id, order_id, line_no, description, quantity, unit_price_fen, discount_bp, tax_rate_bp, amount_fen, tax_fen, shipped_qty, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, 1300, ?, ?, ?, ?, ?)`,
    );
    const inst = db.prepare('insert into instalments (id, order_id, seq, label, due_on, amount_fen, paid_fen, paid_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const pay = db.prepare(
      `insert into payments (id, payment_no, account_id, received_on, amount_fen, method, kind, unallocated_fen, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'receipt', ?, ?, ?)`,
    );
    const alloc = db.prepare('insert into payment_allocations (id, payment_id, order_id, instalment_id, amount_fen, allocated_on, created_at) values (?, ?, ?, ?, ?, ?, ?)');
    const first = toDayNumber('2024-01-01');
    const last = toDayNumber('2026-11-20');
    const today = toDayNumber(TODAY);
    // Open instalments of confirmed orders, for the payment generator.
    const payable: { orderId: string; account: number; confirmedOn: string; insts: { id: string; dueOn: string; amount: number; paid: number }[]; total: number }[] = [];
    const methods = ['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay'];
    let lineNo = 0;
    let instNo = 0;
    for (let i = 0; i < SIZE.orders; i++) {
      const a = int(0, SIZE.accounts - 1);
      const orderedOn = fromDayNumber(int(first, last));
      const roll = rnd();
      const state = roll < 0.05 ? 'draft' : roll < 0.07 ? 'cancelled' : roll < 0.17 ? 'confirmed' : roll < 0.22 ? 'partly_shipped' : roll < 0.52 ? 'shipped' : 'completed';
      const confirmedOn = state === 'draft' ? null : fromDayNumber(Math.min(today, toDayNumber(orderedOn) + int(0, 3)));
      const shipped = state === 'shipped' || state === 'completed';
      let total = 0;
      let tax = 0;
      const oid = id('O', i);
      const lineRows: unknown[][] = [];
      for (let k = 0; k < SIZE.linesPerOrder; k++) {
        const q = int(1, 20);
        const price = int(10, 5000) * 100;
        const disc = pick([0, 0, 0, 500, 1000]);
        const amt = lineAmount({ quantity: q, unitPriceFen: price, discountBp: disc, taxRateBp: 1300 });
        total += amt.amountFen;
        tax += amt.taxFen;
        lineRows.push([id('L', lineNo++), oid, k + 1, `产品${int(1, 2000)}`, q, price, disc, amt.amountFen, amt.taxFen, shipped ? q : 0, now, now]);
      }
      const shippedOn = shipped && confirmedOn ? fromDayNumber(Math.min(today, toDayNumber(confirmedOn) + int(1, 20))) : null;
      order.run(
        oid,
        `SO-${orderedOn.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
        id('A', a),
        owner[a],
        state,
        orderedOn,
        confirmedOn,
        shippedOn,
        state === 'completed' ? shippedOn : null,
        state === 'cancelled' ? confirmedOn : null,
        total,
        tax,
        shipped ? total : 0,
        shipped ? total : 0,
        0,
        now,
        now,
      );
      for (const l of lineRows) line.run(...l);
      if (confirmedOn) {
        const plan = rnd() < 0.5 ? [{ shareBp: 10_000, days: 30 }] : [{ shareBp: 3000, days: 0 }, { shareBp: 7000, days: 60 }];
        const insts = generateInstalments(total, confirmedOn, plan).map((p) => ({ id: id('I', instNo++), dueOn: p.dueOn, amount: p.amountFen, paid: 0, label: p.label, seq: p.seq }));
        for (const x of insts) inst.run(x.id, oid, x.seq, x.label, x.dueOn, x.amount, 0, null, now, now);
        if (state !== 'cancelled') payable.push({ orderId: oid, account: a, confirmedOn, insts, total });
      }
    }
    // Payments: pay an order's instalments oldest first, sometimes part, sometimes with money left over.
    const setPaid = db.prepare('update instalments set paid_fen = ?, paid_on = ? where id = ?');
    const setCollected = db.prepare('update orders set collected_fen = collected_fen + ? where id = ?');
    let allocNo = 0;
    for (let p = 0; p < SIZE.payments; p++) {
      const target = pick(payable);
      const open = target.insts.reduce((s, x) => s + x.amount - x.paid, 0);
      const receivedDay = Math.min(today, toDayNumber(target.confirmedOn) + int(0, 120));
      const receivedOn = fromDayNumber(receivedDay);
      const share = rnd() < 0.6 ? 1 : rnd();
      const applied = Math.floor(open * share);
      const extra = rnd() < 0.1 ? int(1, 5000) * 100 : 0;
      const amount = applied + extra;
      if (amount <= 0) {
        p--;
        continue;
      }
      const pid = id('P', p);
      pay.run(pid, `PAY-${receivedOn.slice(0, 4)}-${String(p + 1).padStart(6, '0')}`, id('A', target.account), receivedOn, amount, pick(methods), extra, now, now);
      let left = applied;
      for (const x of target.insts) {
        if (left <= 0) break;
        const t = Math.min(x.amount - x.paid, left);
        if (t <= 0) continue;
        x.paid += t;
        left -= t;
        alloc.run(id('X', allocNo++), pid, target.orderId, x.id, t, receivedOn, now);
        setPaid.run(x.paid, x.paid === x.amount ? receivedOn : null, x.id);
      }
      setCollected.run(applied, target.orderId);
    }
  })();
  // Continue the human numbers after the generated ones.
  db.exec(`insert or replace into counters (key, value)
    select substr(order_no, 1, 7), max(cast(substr(order_no, 9) as integer)) from orders group by 1
    union all select substr(payment_no, 1, 8), max(cast(substr(payment_no, 10) as integer)) from payments group by 1`);
  const rows = (db.prepare('select (select count(*) from order_lines) as l, (select count(*) from instalments) as i, (select count(*) from payments) as p, (select count(*) from payment_allocations) as a').get() as Record<string, number>);
  process.stdout.write(`  generated ${JSON.stringify(rows)} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  refreshAllAccountAggregates(b.core);
  db.exec('analyze');
  b.close();
  renameSync(tmp, file);
  for (const ext of ['-wal', '-shm']) rmSync(`${tmp}${ext}`, { force: true });
}

export async function run(): Promise<void> {
  mkdirSync(join(tmpdir(), 'salesdesk-bench'), { recursive: true });
  if (!existsSync(FILE)) generate(FILE);
  const clock = fixedClock(NOW);
  const backend: Backend = createBackend({ dbFile: FILE, logger: silentLogger, clock, trusted: true, synchronous: 'NORMAL' });
  const client = createClient(contract, inProcessTransport(backend.dispatch));
  try {
    const sizes = backend.core.sqlite.prepare('select (select count(*) from accounts) as accounts, (select count(*) from order_lines) as lines, (select count(*) from payments) as payments').get() as Record<string, number>;
    const extra = { accounts: sizes.accounts!, lines: sizes.lines!, payments: sizes.payments! };

    let agingRows = 0;
    const agingMs = await time(
      async () => {
        const r = await client.call('ar.aging', { groupBy: 'account' });
        agingRows = r.rowCount;
      },
      { runs: 5 },
    );
    record({ suite: 'o2c', name: 'AR aging over all accounts as of today (totals + first 1,000 rows)', ms: agingMs, runs: 5, target: '< 1000 ms', pass: agingMs < 1000, extra: { ...extra, accountsWithRows: agingRows } });
    const allRowsMs = await time(() => client.call('ar.aging', { groupBy: 'account', limit: 200_000 }), { runs: 3 });
    record({ suite: 'o2c', name: `AR aging as of today, every row returned (${agingRows} accounts)`, ms: allRowsMs, runs: 3 });
    const byRepMs = await time(() => client.call('ar.aging', { groupBy: 'rep', limit: 1000 }), { runs: 5 });
    record({ suite: 'o2c', name: 'AR aging by rep, as of today', ms: byRepMs, runs: 5 });
    const pastMs = await time(() => client.call('ar.aging', { groupBy: 'account', asOf: '2026-06-30', limit: 1000 }), { runs: 3 });
    record({ suite: 'o2c', name: 'AR aging as of 2026-06-30 (replayed from history)', ms: pastMs, runs: 3 });

    // The grid asks for a page and, separately, for the totals of the filtered set (they need every row).
    const page = await time(() => client.call('orders.list', { offset: 0, limit: 100, withTotals: false }), { runs: 7 });
    record({ suite: 'o2c', name: 'orders grid: first page of 200k orders (newest first)', ms: page, runs: 7, target: '< 100 ms', pass: page < 100 });
    const rep = (backend.core.sqlite.prepare('select id from reps limit 1 offset 7').get() as { id: string }).id;
    const narrow = { filter: { states: ['shipped' as const, 'completed' as const], repId: rep, from: '2025-01-01', to: '2026-06-30' } };
    const filtered = await time(() => client.call('orders.list', { offset: 0, limit: 100, withTotals: false, ...narrow, sort: [{ colId: 'totalFen', sort: 'desc' }] }), { runs: 7 });
    record({ suite: 'o2c', name: 'orders grid: page filtered by state, rep, dates, sorted by amount', ms: filtered, runs: 7, target: '< 100 ms', pass: filtered < 100 });
    const overdue = await time(() => client.call('orders.list', { offset: 0, limit: 100, withTotals: false, filter: { overdue: true } }), { runs: 5 });
    record({ suite: 'o2c', name: 'orders grid: page of overdue orders', ms: overdue, runs: 5, target: '< 100 ms', pass: overdue < 100 });
    const deep = await time(() => client.call('orders.list', { offset: 100_000, limit: 100, withTotals: false }), { runs: 5 });
    record({ suite: 'o2c', name: 'orders grid: page at offset 100,000', ms: deep, runs: 5, target: '< 100 ms', pass: deep < 100 });
    const totalsAll = await time(() => client.call('orders.totals', {}), { runs: 5 });
    record({ suite: 'o2c', name: 'orders grid: totals of all 200k orders (separate call)', ms: totalsAll, runs: 5 });
    const totalsNarrow = await time(() => client.call('orders.totals', narrow), { runs: 5 });
    record({ suite: 'o2c', name: 'orders grid: totals of the filtered set (state, rep, dates)', ms: totalsNarrow, runs: 5 });
    const totalsOverdue = await time(() => client.call('orders.totals', { filter: { overdue: true } }), { runs: 5 });
    record({ suite: 'o2c', name: 'orders grid: totals of the overdue orders', ms: totalsOverdue, runs: 5 });

    // Confirm: drafts made beforehand (outside the timing), each confirmed once.
    const accountIds = backend.core.sqlite.prepare('select id from accounts order by random() limit 12').all() as { id: string }[];
    const drafts: { id: string; version: number }[] = [];
    for (const a of accountIds) {
      const r = await client.call('orders.create', { accountId: a.id, lines: Array.from({ length: 5 }, (_, k) => ({ description: `产品${k}`, quantity: 3, unitPriceFen: 12_800 })) });
      drafts.push({ id: r.order.order.id, version: r.order.order.version });
    }
    let next = 0;
    const confirmMs = await time(
      async () => {
        const d = drafts[next++]!;
        await client.call('orders.confirm', { id: d.id, version: d.version, plan: '30% on confirmation, 70% net 60' });
      },
      { runs: 9, warm: true },
    );
    record({ suite: 'o2c', name: 'confirm an order through the API (checks, plan, aggregates, audit, detail returned)', ms: confirmMs, runs: 9, target: '< 20 ms', pass: confirmMs < 20 });
    const { confirmOrder } = await import('../electron/backend/services/order-actions');
    let n2 = next;
    const serviceMs = await time(() => {
      const d = drafts[n2++]!;
      confirmOrder(backend.core, { id: null, name: 'bench' }, { id: d.id, version: d.version });
    }, { runs: 1, warm: true });
    record({ suite: 'o2c', name: 'confirm an order (service only)', ms: serviceMs, runs: 1, target: '< 20 ms', pass: serviceMs < 20 });
  } finally {
    backend.close();
  }
}
