import Database from 'better-sqlite3';
import type { Core } from '../../electron/backend/core';
import { SYSTEM_ACTOR } from '../../electron/backend/core';
import { createAccount } from '../../electron/backend/services/accounts';
import { confirmOrder, shipOrder } from '../../electron/backend/services/order-actions';
import { createOrder } from '../../electron/backend/services/orders';
import { parseYuan } from '../../shared/domain/money';
import { fixture } from './fixtures';
import { insertProduct, insertRep, insertTerritory } from './o2c';

/**
 * Loads the Northwind sample database (../shared/fixtures/datasets/northwind/northwind.db, opened
 * read-only) into SalesDesk through the real services: customers → accounts, employees → reps,
 * regions/territories → the territory tree (plus the customers' macro regions, for the accounts),
 * products → products, orders + order details → orders + lines, confirmed on the order date and shipped
 * on the ship date. Prices are dollars with up to 2 decimals (taken as yuan, exactly, via their
 * decimal text); discounts are fractions (0.15 → 1500 basis points); Northwind has no VAT, so 0 %.
 */
export function northwindFile(): string {
  return fixture('datasets', 'northwind', 'northwind.db');
}

export function openNorthwind(): Database.Database {
  return new Database(northwindFile(), { readonly: true, fileMustExist: true });
}

export interface NorthwindLoad {
  /** Northwind key → SalesDesk id. */
  accounts: Map<string, string>;
  reps: Map<number, string>;
  orders: Map<number, string>;
  territories: Map<string, string>;
  customerRegions: Map<string, string>;
}

/** Decimal text of a SQLite number as stored (7.7 → "7.7"), so the conversion to fen is exact. */
function fenOf(value: number): number {
  const fen = parseYuan(String(value));
  if (fen === null) throw new Error(`Northwind price ${value} is not a decimal amount`);
  return fen;
}

function bpOf(fraction: number): number {
  // Discounts are stored as doubles (0.15); their decimal text has at most 4 places.
  const bp = Math.round(fraction * 10_000);
  if (Math.abs(bp / 10_000 - fraction) > 1e-12) throw new Error(`Northwind discount ${fraction} is not a whole basis point`);
  return bp;
}

export function loadNorthwind(core: Core, nw: Database.Database): NorthwindLoad {
  const actor = SYSTEM_ACTOR;
  const out: NorthwindLoad = { accounts: new Map(), reps: new Map(), orders: new Map(), territories: new Map(), customerRegions: new Map() };

  // Territory tree: Northwind sales regions > territories; and a second root for customers' regions.
  const regions = nw.prepare('select RegionID as id, trim(RegionDescription) as name from Regions order by RegionID').all() as { id: number; name: string }[];
  const regionIds = new Map<number, string>();
  for (const r of regions) regionIds.set(r.id, insertTerritory(core, r.name, null, `NW-R${r.id}`));
  for (const t of nw.prepare('select TerritoryID as id, trim(TerritoryDescription) as name, RegionID as region from Territories order by TerritoryID').all() as { id: string; name: string; region: number }[]) {
    out.territories.set(t.id, insertTerritory(core, t.name, regionIds.get(t.region) ?? null, `NW-T${t.id}`));
  }
  const customersRoot = insertTerritory(core, 'Northwind customers', null, 'NW-C');
  for (const { region } of nw.prepare('select distinct Region as region from Customers where Region is not null order by Region').all() as { region: string }[]) {
    out.customerRegions.set(region, insertTerritory(core, region, customersRoot, `NW-C-${region}`));
  }

  // Employees → reps, primary territory = their first territory, the others as extra territories.
  const firstTerritory = new Map((nw.prepare('select EmployeeID as e, min(TerritoryID) as t from EmployeeTerritories group by EmployeeID').all() as { e: number; t: string }[]).map((r) => [r.e, r.t]));
  for (const e of nw.prepare('select EmployeeID as id, FirstName || \' \' || LastName as name, HireDate as hired from Employees order by EmployeeID').all() as { id: number; name: string; hired: string | null }[]) {
    const t = firstTerritory.get(e.id);
    out.reps.set(e.id, insertRep(core, e.name, { employeeNo: `NW-${e.id}`, territoryId: t ? (out.territories.get(t) ?? null) : null }));
  }
  const extra = core.sqlite.prepare('insert into rep_territories (rep_id, territory_id) values (?, ?)');
  for (const et of nw.prepare('select EmployeeID as e, TerritoryID as t from EmployeeTerritories order by EmployeeID, TerritoryID').all() as { e: number; t: string }[]) {
    if (firstTerritory.get(et.e) !== et.t) extra.run(out.reps.get(et.e), out.territories.get(et.t));
  }

  // Customers → accounts (owner: the employee who took most of their orders; ties → lowest id).
  const owners = new Map(
    (
      nw
        .prepare(
          `select CustomerID as c, EmployeeID as e from (
             select CustomerID, EmployeeID, row_number() over (partition by CustomerID order by count(*) desc, EmployeeID) as rn
             from Orders group by CustomerID, EmployeeID) where rn = 1`,
        )
        .all() as { c: string; e: number }[]
    ).map((r) => [r.c, r.e]),
  );
  const setOwner = core.sqlite.prepare('update accounts set owner_rep_id = ?, territory_id = ? where id = ?');
  for (const c of nw.prepare('select CustomerID as id, CompanyName as name, Phone as phone, City as city, Country as country, Address as address, Region as region from Customers order by CustomerID').all() as {
    id: string;
    name: string;
    phone: string | null;
    city: string | null;
    country: string | null;
    address: string | null;
    region: string | null;
  }[]) {
    const a = createAccount(core, actor, { name: c.name, phone: c.phone, city: c.city, province: c.country, address: c.address, source: `northwind:${c.id}` });
    out.accounts.set(c.id, a.id);
    const owner = owners.get(c.id);
    setOwner.run(owner ? out.reps.get(owner) : null, c.region ? (out.customerRegions.get(c.region) ?? null) : null, a.id);
  }

  const products = new Map<number, string>();
  for (const p of nw.prepare('select ProductID as id, ProductName as name, UnitPrice as price from Products order by ProductID').all() as { id: number; name: string; price: number }[]) {
    products.set(p.id, insertProduct(core, { sku: `NW-${p.id}`, name: p.name, unitPriceFen: fenOf(p.price), taxRateBp: 0, warrantyMonths: 12 }));
  }

  // Orders through the order services: create (draft) → confirm on the order date → ship on the ship date.
  const details = nw.prepare('select ProductID as product, UnitPrice as price, Quantity as qty, Discount as discount from [Order Details] where OrderID = ? order by ProductID');
  for (const o of nw.prepare('select OrderID as id, CustomerID as customer, EmployeeID as employee, OrderDate as ordered, RequiredDate as required, ShippedDate as shipped from Orders order by OrderID').all() as {
    id: number;
    customer: string;
    employee: number;
    ordered: string;
    required: string | null;
    shipped: string | null;
  }[]) {
    const lines = (details.all(o.id) as { product: number; price: number; qty: number; discount: number }[]).map((d) => ({
      productId: products.get(d.product)!,
      quantity: d.qty,
      unitPriceFen: fenOf(d.price),
      discountBp: bpOf(d.discount),
      taxRateBp: 0,
    }));
    const { orderId } = createOrder(core, actor, {
      accountId: out.accounts.get(o.customer)!,
      repId: out.reps.get(o.employee) ?? null,
      orderedOn: o.ordered,
      promisedOn: o.required,
      customerPo: `NW-${o.id}`,
      lines,
    });
    out.orders.set(o.id, orderId);
    confirmOrder(core, actor, { id: orderId, version: 1, confirmedOn: o.ordered });
    if (o.shipped) {
      const version = (core.sqlite.prepare('select version from orders where id = ?').get(orderId) as { version: number }).version;
      shipOrder(core, actor, { id: orderId, version, shippedOn: o.shipped });
    }
  }
  return out;
}
