import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBackend } from '../helpers/backend';
import { fixturesDir } from '../helpers/fixtures';
import { type NorthwindLoad, loadNorthwind, openNorthwind } from '../helpers/northwind';

/**
 * Real data: Northwind's 830 orders and 2,155 order lines go in through the order services; the
 * totals SalesDesk then reports (per order, per rep through the orders grid, per month) must equal the
 * same figures computed by SQL directly on Northwind. The SQL mirrors our exact rounding: the unit price
 * in whole cents, quantity × price, minus the discount rounded half up to a cent.
 */
const LINE_FEN = `(cast(round(d.UnitPrice * 100) as integer) * d.Quantity
  - (cast(round(d.UnitPrice * 100) as integer) * d.Quantity * cast(round(d.Discount * 10000) as integer) + 5000) / 10000)`;

let t: Awaited<ReturnType<typeof setUpBackend>>;
let nw: Database.Database;
let load: NorthwindLoad;

beforeAll(async () => {
  fixturesDir(); // fails with the folders it looked in when the fixtures are missing
  nw = openNorthwind();
  t = await setUpBackend({ now: '2018-06-30T04:00:00Z' });
  load = loadNorthwind(t.core, nw);
}, 600_000);

afterAll(() => {
  nw?.close();
  t?.close();
});

describe('Northwind through the order services', () => {
  it('loaded every customer, employee, territory and order', () => {
    const count = (sql: string) => (nw.prepare(sql).get() as { n: number }).n;
    expect(load.accounts.size).toBe(count('select count(*) as n from Customers'));
    expect(load.reps.size).toBe(count('select count(*) as n from Employees'));
    expect(load.territories.size).toBe(count('select count(*) as n from Territories'));
    expect(load.orders.size).toBe(count('select count(*) as n from Orders'));
    const lines = (t.core.sqlite.prepare('select count(*) as n from order_lines').get() as { n: number }).n;
    expect(lines).toBe(count('select count(*) as n from [Order Details]'));
    const unshipped = (t.core.sqlite.prepare("select count(*) as n from orders where state = 'confirmed'").get() as { n: number }).n;
    expect(unshipped).toBe(count('select count(*) as n from Orders where ShippedDate is null'));
  });

  it('has the same total for every order', () => {
    const expected = nw.prepare(`select o.OrderID as id, sum(${LINE_FEN}) as fen from Orders o join [Order Details] d on d.OrderID = o.OrderID group by o.OrderID`).all() as { id: number; fen: number }[];
    const ours = t.core.sqlite.prepare('select total_fen from orders where id = ?');
    const mismatches = expected.filter((e) => (ours.get(load.orders.get(e.id)) as { total_fen: number }).total_fen !== e.fen);
    expect(mismatches).toEqual([]);
    const grand = (nw.prepare(`select sum(${LINE_FEN}) as fen from [Order Details] d`).get() as { fen: number }).fen;
    expect(grand).toBeGreaterThan(0);
  });

  it('differs from the naive float formula only on exact half cents, by one cent (we round the discount, not the amount)', () => {
    const rows = nw.prepare(`select ${LINE_FEN} as exact, cast(round(d.UnitPrice * d.Quantity * (1 - d.Discount) * 100) as integer) as naive, d.UnitPrice * 100 * d.Quantity * d.Discount as discount from [Order Details] d`).all() as {
      exact: number;
      naive: number;
      discount: number;
    }[];
    const diff = rows.filter((r) => r.exact !== r.naive);
    expect(diff.length).toBe(49);
    for (const r of diff) {
      expect(Math.abs(r.exact - r.naive)).toBe(1);
      expect(Math.abs((r.discount % 1) - 0.5)).toBeLessThan(1e-6);
    }
  });

  it('gives the same rep totals through the orders grid', async () => {
    const expected = nw.prepare(`select o.EmployeeID as e, sum(${LINE_FEN}) as fen, count(distinct o.OrderID) as n from Orders o join [Order Details] d on d.OrderID = o.OrderID group by o.EmployeeID`).all() as { e: number; fen: number; n: number }[];
    for (const row of expected) {
      const page = await t.client.call('orders.list', { limit: 1, filter: { repId: load.reps.get(row.e)! } });
      expect(page.totals, `employee ${row.e}`).toMatchObject({ count: row.n, totalFen: row.fen });
    }
  });

  it('gives the same sales per month', async () => {
    const expected = nw.prepare(`select substr(o.OrderDate, 1, 7) as month, sum(${LINE_FEN}) as fen from Orders o join [Order Details] d on d.OrderID = o.OrderID group by month order by month`).all() as { month: string; fen: number }[];
    expect(expected.length).toBe(23);
    const ours = t.core.sqlite.prepare("select substr(ordered_on, 1, 7) as month, sum(total_fen) as fen from orders group by month order by month").all();
    expect(ours).toEqual(expected);
    // And one month through the grid's date filter.
    const july = expected[0]!;
    const page = await t.client.call('orders.list', { limit: 1, filter: { from: `${july.month}-01`, to: `${july.month}-31` } });
    expect(page.totals?.totalFen).toBe(july.fen);
  });

  it('puts every order in AR aging (nothing was paid), with the 90+ bucket equal to the SQL', async () => {
    const rep = await t.client.call('ar.aging', { groupBy: 'territory', limit: 100 });
    const grand = (nw.prepare(`select sum(${LINE_FEN}) as fen from [Order Details] d`).get() as { fen: number }).fen;
    expect(rep.totals.totalFen).toBe(grand);
    // Default plan: 100 % net 30 from the order date; as of 2018-06-30 more than 90 days overdue means due before 2018-04-01.
    const over90 = (nw.prepare(`select sum(${LINE_FEN}) as fen from Orders o join [Order Details] d on d.OrderID = o.OrderID where date(o.OrderDate, '+30 days') < '2018-04-01'`).get() as { fen: number }).fen;
    expect(rep.totals.bucketsFen.at(-1)).toBe(over90);
    const names = rep.rows.map((r) => r.name);
    expect(names).toContain('Western Europe');
  });
});
