import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmount } from '../../../shared/domain/line-amount';
import { setUpBackend } from '../../helpers/backend';
import { dumpDatabase } from '../../helpers/db-dump';
import { checkDemoInvariants } from '../../helpers/demo-invariants';
import { fixture } from '../../helpers/fixtures';

/**
 * The Chinese "Superstore" sample (10,000 real order lines, sheet 订单): imported as accounts, then as
 * orders with lines. Totals per customer and per month must equal those computed from the sheet
 * directly (read here with SheetJS, independently of the import's readers), line by line as the order
 * services compute a line: quantity × whole-fen unit price − discount. The sheet gives 销售额 without a
 * unit price; 25 of its amounts end in half a fen (5 × 2,258.62 at 25 % off = 8,469.825), which no
 * whole-fen line can be: those lines are one fen off the sheet's rounding, and say so.
 */
const FILE = fixture('datasets', 'superstore-cn', '示例 - 超市.xls');

interface Line {
  orderId: string;
  customerId: string;
  customerName: string;
  month: string;
  day: string;
  /** The sheet's 销售额 rounded to the fen, half away from zero. */
  sheetFen: number;
  /** The line as the order services make it (quantity × whole-fen price − discount) nearest the sheet's amount. */
  fen: number;
}

function sheetLines(): Line[] {
  const wb = XLSX.read(readFileSync(FILE), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['订单']!, { raw: true });
  return rows.map((r) => {
    const serial = r['订单日期'] as number;
    const d = new Date(Math.round((serial - 25569) * 86_400_000));
    // Amounts to the fen, half away from zero, per line (the sheet has up to 3 decimals).
    const yuan = r['销售额'] as number;
    const quantity = r['数量'] as number;
    const discountBp = Math.round((r['折扣'] as number) * 10_000);
    const sheetFen = Math.sign(yuan) * Math.round(Math.abs(yuan) * 100 + 1e-7);
    // The whole-fen unit price whose line amount is nearest the sheet's (by trying the prices around the quotient).
    const quotient = (yuan * 100) / quantity / (1 - discountBp / 10_000);
    let fen = Number.NaN;
    for (let p = Math.floor(quotient) - 3; p <= Math.ceil(quotient) + 3; p++) {
      const a = lineAmount({ quantity, unitPriceFen: p, discountBp, taxRateBp: 1300 }).amountFen;
      if (Number.isNaN(fen) || Math.abs(a - sheetFen) < Math.abs(fen - sheetFen)) fen = a;
    }
    return { orderId: String(r['订单 ID']), customerId: String(r['客户 ID']), customerName: String(r['客户名称']), month: d.toISOString().slice(0, 7), day: d.toISOString().slice(0, 10), sheetFen, fen };
  });
}

let t: Awaited<ReturnType<typeof setUpBackend>>;
let beforeOrders: ReturnType<typeof dumpDatabase>;
beforeAll(async () => {
  t = await setUpBackend();
  const now = Date.now();
  // The sheet's 地区 column maps to territories: the coordinator has these regions.
  for (const [i, name] of ['华东', '华北', '中南', '西南', '西北', '东北'].entries()) {
    t.core.sqlite.prepare(`insert into territories (id, name, sort_order, created_at, updated_at, version) values (?, ?, ?, ?, ?, 1)`).run(`T${i}`, name, i, now, now);
  }
}, 120_000);
afterAll(() => t?.close());

describe('superstore-cn', () => {
  it('imports the customers as accounts (one per 客户 ID, duplicates inside the file skipped)', async () => {
    const lines = sheetLines();
    const customers = new Map(lines.map((l) => [l.customerId, l.customerName]));
    const r = await t.client.call('imports.run', { path: FILE, kind: 'accounts', sheet: '订单' });
    expect(r).toMatchObject({ sheet: '订单', headerRow: 1, rows: 10_000, errors: [], created: customers.size });
    expect(r.skipped).toBe(10_000 - customers.size);
    const accounts = t.core.sqlite.prepare(`select code, name from accounts order by code`).all() as { code: string; name: string }[];
    expect(accounts.length).toBe(customers.size);
    for (const a of accounts) expect(customers.get(a.code)).toBe(a.name);
    expect(t.core.sqlite.prepare(`select count(*) as n from accounts where territory_id is null`).get()).toEqual({ n: 0 });
  }, 120_000);

  it('imports the order lines as orders; totals per customer and per month match the sheet', async () => {
    const lines = sheetLines();
    beforeOrders = dumpDatabase(t.core.sqlite);
    const r = await t.client.call('imports.run', { path: FILE, kind: 'orders', sheet: '订单' });
    expect(r.errors).toEqual([]);
    // The sample reuses order numbers across customers and days: each (number, customer, day) is an
    // order, the later ones numbered "-2", "-3" with a warning.
    const orders = new Set(lines.map((l) => `${l.orderId}|${l.customerId}|${l.month}|${l.day}`));
    expect(r.created).toBe(orders.size);
    expect(r.warnings.some((w) => w.code === 'ORDER_NO_SPLIT')).toBe(true);
    expect(t.core.sqlite.prepare(`select count(*) as n from order_lines`).get()).toEqual({ n: 10_000 });
    // Every line within a fen of the sheet; the ones whole fen cannot reach are named in warnings.
    const off = lines.filter((l) => l.fen !== l.sheetFen);
    expect(off.length).toBe(25);
    expect(off.every((l) => Math.abs(l.fen - l.sheetFen) === 1)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'LINE_AMOUNT_ADJUSTED').length).toBe(25);

    const perCustomer = new Map<string, number>();
    const perMonth = new Map<string, number>();
    for (const l of lines) {
      perCustomer.set(l.customerId, (perCustomer.get(l.customerId) ?? 0) + l.fen);
      perMonth.set(l.month, (perMonth.get(l.month) ?? 0) + l.fen);
    }
    const dbCustomer = new Map((t.core.sqlite.prepare(`select a.code, sum(o.total_fen) as fen from orders o join accounts a on a.id = o.account_id group by a.code`).all() as { code: string; fen: number }[]).map((x) => [x.code, x.fen]));
    const dbMonth = new Map((t.core.sqlite.prepare(`select substr(ordered_on, 1, 7) as month, sum(total_fen) as fen from orders group by month`).all() as { month: string; fen: number }[]).map((x) => [x.month, x.fen]));
    const diffs = [...perCustomer].filter(([k, v]) => dbCustomer.get(k) !== v).slice(0, 5).map(([k, v]) => `${k}: sheet ${v} db ${dbCustomer.get(k)}`);
    expect(diffs).toEqual([]);
    expect(dbCustomer).toEqual(perCustomer);
    expect(dbMonth).toEqual(perMonth);
    // Lines add up to their orders; the receivables aggregate follows the orders.
    expect(t.core.sqlite.prepare(`select count(*) as n from orders o where o.total_fen <> (select sum(amount_fen) from order_lines l where l.order_id = o.id)`).get()).toEqual({ n: 0 });
    const open = t.core.sqlite.prepare(`select sum(open_receivable_fen) as a from accounts`).get() as { a: number };
    expect(open.a).toBe([...perCustomer.values()].reduce((a, b) => a + b, 0));
    // Shipped orders as the order services leave them: payment plan (due after 30 days' terms, so overdue
    // by now), shipment, the account's last deal; every consistency rule of the demo data holds.
    expect(t.core.sqlite.prepare(`select count(*) as n from orders where state = 'shipped'`).get()).toEqual({ n: orders.size });
    expect(t.core.sqlite.prepare(`select count(*) as n from instalments`).get()).toEqual({ n: orders.size });
    expect(t.core.sqlite.prepare(`select sum(overdue_fen) as a from accounts`).get()).toEqual({ a: open.a });
    const lastDeal = new Map<string, string>();
    for (const l of lines) if ((lastDeal.get(l.customerId) ?? '') < l.day) lastDeal.set(l.customerId, l.day);
    const dbDeal = new Map((t.core.sqlite.prepare(`select code, last_deal_on as d from accounts`).all() as { code: string; d: string }[]).map((x) => [x.code, x.d]));
    expect(dbDeal).toEqual(lastDeal);
    expect(checkDemoInvariants(t.core.sqlite, t.core.today())).toEqual([]);
  }, 180_000);

  it('undoes the orders import exactly', async () => {
    const batches = await t.client.call('imports.list', {});
    const orders = batches.find((b) => b.kind === 'orders' && b.undoneAt === null)!;
    const accountsOnly = dumpDatabase(t.core.sqlite);
    expect(accountsOnly.orders!.length).toBeGreaterThan(0);
    await t.client.call('imports.undo', { batchId: orders.id });
    const after = dumpDatabase(t.core.sqlite);
    expect(after.orders).toEqual([]);
    expect(after.order_lines).toEqual([]);
    expect(after.shipments).toEqual([]);
    expect((after.accounts as { open_receivable_fen: number }[]).every((a) => a.open_receivable_fen === 0)).toBe(true);
    // Deal dates and statuses, instalments, counters: all as before the orders came in.
    expect(after).toEqual(beforeOrders);
  }, 120_000);
});
