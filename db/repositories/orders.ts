import { type SQL, and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { GridQuery } from '../../shared/contract/grid';
import type { OrderListFilter, OrderRow } from '../../shared/contract/orders';
import { documentNoCandidates } from '../../shared/domain/document-no';
import type { Db } from '../client';
import { cachedCount, queryKey } from '../count-cache';
import { type GridColumns, escapeLike, gridOrderBy, gridWhere } from '../grid-sql';
import { accounts, orders, reps, territories } from '../schema';

/** Renders a query's text and parameters, the key of a cached count. */
const dialect = new SQLiteSyncDialect();

/** An order owes money from confirmation until cancelled (shared/domain/receivables.owesMoney in SQL). */
export const OWES_MONEY_SQL = sql`(${orders.state} in ('confirmed','partly_shipped','shipped','completed') or (${orders.state} = 'on_hold' and ${orders.confirmedOn} is not null))`;
export const OPEN_FEN_SQL = sql<number>`(case when ${OWES_MONEY_SQL} then max(0, ${orders.totalFen} - ${orders.returnedFen} - ${orders.collectedFen}) else 0 end)`;

export const orderGridColumns: GridColumns = {
  orderNo: { kind: 'text', expr: orders.orderNo },
  accountCode: { kind: 'text', expr: accounts.code },
  accountName: { kind: 'text', expr: accounts.name },
  repName: { kind: 'text', expr: reps.name },
  territoryName: { kind: 'text', expr: territories.name },
  state: { kind: 'text', expr: orders.state },
  orderedOn: { kind: 'date', expr: orders.orderedOn },
  promisedOn: { kind: 'date', expr: orders.promisedOn },
  confirmedOn: { kind: 'date', expr: orders.confirmedOn },
  shippedOn: { kind: 'date', expr: orders.shippedOn },
  customerPo: { kind: 'text', expr: orders.customerPo },
  totalFen: { kind: 'number', expr: orders.totalFen },
  shippedFen: { kind: 'number', expr: orders.shippedFen },
  collectedFen: { kind: 'number', expr: orders.collectedFen },
  returnedFen: { kind: 'number', expr: orders.returnedFen },
  openFen: { kind: 'number', expr: OPEN_FEN_SQL },
  updatedAt: { kind: 'number', expr: orders.updatedAt },
};

const rowSelection = {
  id: orders.id,
  orderNo: orders.orderNo,
  accountId: orders.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  repId: orders.repId,
  repName: reps.name,
  territoryName: territories.name,
  state: orders.state,
  heldFromState: orders.heldFromState,
  orderedOn: orders.orderedOn,
  promisedOn: orders.promisedOn,
  confirmedOn: orders.confirmedOn,
  shippedOn: orders.shippedOn,
  completedOn: orders.completedOn,
  cancelledOn: orders.cancelledOn,
  customerPo: orders.customerPo,
  paymentTermsDays: orders.paymentTermsDays,
  totalFen: orders.totalFen,
  taxFen: orders.taxFen,
  shippedFen: orders.shippedFen,
  billedFen: orders.billedFen,
  collectedFen: orders.collectedFen,
  returnedFen: orders.returnedFen,
  openFen: OPEN_FEN_SQL,
  creditStatus: orders.creditStatus,
  updatedAt: orders.updatedAt,
  version: orders.version,
};

/** Open amount past due today per order, from the current instalments. */
export function overdueByOrder(db: Db, orderIds: readonly string[], today: string): Map<string, number> {
  if (orderIds.length === 0) return new Map();
  const rows = db.all<{ order_id: string; overdue: number }>(sql`
    select i.order_id, sum(i.amount_fen - i.paid_fen - i.returned_fen) as overdue
    from instalments i join orders o on o.id = i.order_id
    where i.order_id in ${orderIds} and i.superseded_on is null and i.due_on < ${today}
      and i.amount_fen - i.paid_fen - i.returned_fen > 0
      and (o.state in ('confirmed','partly_shipped','shipped','completed') or (o.state = 'on_hold' and o.confirmed_on is not null))
    group by i.order_id`);
  return new Map(rows.map((r) => [r.order_id, r.overdue]));
}

export function orderSearchCondition(q: string): SQL {
  const text = escapeLike(q.trim());
  return or(
    sql`${orders.orderNo} like ${`%${text}%`} escape '\\'`,
    sql`${orders.customerPo} like ${`%${text}%`} escape '\\'`,
    sql`${accounts.name} like ${`%${text}%`} escape '\\'`,
    sql`${accounts.code} like ${`${text}%`} escape '\\'`,
  )!;
}

function filterConditions(f: OrderListFilter, today: string, territoryIds: readonly string[] | null): SQL[] {
  const c: SQL[] = [];
  if (f.states && f.states.length > 0) c.push(inArray(orders.state, f.states));
  if (f.repId) c.push(eq(orders.repId, f.repId));
  if (f.accountId) c.push(eq(orders.accountId, f.accountId));
  if (territoryIds) c.push(territoryIds.length ? inArray(accounts.territoryId, [...territoryIds]) : sql`0`);
  if (f.from) c.push(sql`${orders.orderedOn} >= ${f.from}`);
  if (f.to) c.push(sql`${orders.orderedOn} <= ${f.to}`);
  if (f.creditPending) c.push(sql`${orders.state} = 'draft' and ${orders.creditStatus} in ('needs_approval','blocked')`);
  if (f.overdue) {
    c.push(OWES_MONEY_SQL);
    // A probe per order into the covering index of open instalments: the page walks the orders in grid
    // order and stops after one page, instead of building the whole overdue set first.
    c.push(sql`exists (select 1 from instalments i indexed by instalments_open_order_idx where i.order_id = ${orders.id} and i.paid_fen < i.amount_fen and i.superseded_on is null and i.due_on < ${today} and i.amount_fen - i.paid_fen - i.returned_fen > 0)`);
  }
  return c;
}

export interface OrderTotals {
  count: number;
  totalFen: number;
  shippedFen: number;
  collectedFen: number;
  returnedFen: number;
  openFen: number;
}

/** Which joined tables a query needs: the grid's count, totals and paging touch only those. */
function joinsFor(q: Pick<GridQuery, 'filters' | 'sort' | 'search'>, territoryIds: readonly string[] | null) {
  const cols = new Set([...Object.keys(q.filters), ...q.sort.map((s) => s.colId)]);
  const territory = cols.has('territoryName');
  return {
    account: territory || territoryIds !== null || !!q.search || cols.has('accountCode') || cols.has('accountName'),
    rep: cols.has('repName'),
    territory,
  };
}

function joinSql(j: ReturnType<typeof joinsFor>): SQL {
  const parts: SQL[] = [];
  if (j.account || j.territory) parts.push(sql`inner join ${accounts} on ${accounts.id} = ${orders.accountId}`);
  if (j.rep) parts.push(sql`left join ${reps} on ${reps.id} = ${orders.repId}`);
  if (j.territory) parts.push(sql`left join ${territories} on ${territories.id} = ${accounts.territoryId}`);
  return sql.join(parts, sql` `);
}

type OrderQuery = Pick<GridQuery, 'filters' | 'search'> & { filter: OrderListFilter };

function orderWhere(q: OrderQuery & { sort?: GridQuery['sort'] }, today: string, territoryIds: readonly string[] | null): { where: SQL | undefined; joins: SQL } {
  const opts = { columns: orderGridColumns, today };
  const conditions = [isNull(orders.deletedAt), ...filterConditions(q.filter, today, territoryIds), ...gridWhere({ offset: 0, limit: 1, sort: [], ...q }, opts)];
  if (q.search) conditions.push(orderSearchCondition(q.search));
  return { where: and(...conditions), joins: joinSql(joinsFor({ sort: [], ...q }, territoryIds)) };
}

/**
 * Totals of the filtered set. They need every matching row (a scan), so the grid asks for them in a
 * separate call from its pages: the rows show at once and the totals follow.
 */
export function orderTotals(db: Db, q: OrderQuery, today: string, territoryIds: readonly string[] | null): OrderTotals {
  const { where, joins } = orderWhere(q, today, territoryIds);
  return (
    db.get<OrderTotals | undefined>(sql`
      select count(*) as count, coalesce(sum(${orders.totalFen}), 0) as totalFen, coalesce(sum(${orders.shippedFen}), 0) as shippedFen,
             coalesce(sum(${orders.collectedFen}), 0) as collectedFen, coalesce(sum(${orders.returnedFen}), 0) as returnedFen,
             coalesce(sum(${OPEN_FEN_SQL}), 0) as openFen
      from ${orders} ${joins} where ${where}`) ?? { count: 0, totalFen: 0, shippedFen: 0, collectedFen: 0, returnedFen: 0, openFen: 0 }
  );
}

/**
 * The orders grid. Paging and counting run over the orders table with only the joins the filters and
 * sort need (an order always has its account, so leaving the join out changes nothing); the page's
 * rows are then fetched with their names.
 */
export function listOrders(
  db: Db,
  q: GridQuery & { filter: OrderListFilter; withTotals: boolean },
  today: string,
  territoryIds: readonly string[] | null,
): { total: number; items: OrderRow[]; totals: OrderTotals | null } {
  const opts = { columns: orderGridColumns, today };
  const { where, joins } = orderWhere(q, today, territoryIds);
  const sorted = q.sort.length ? q : { ...q, sort: [{ colId: 'orderedOn', sort: 'desc' as const }] };
  const ids = db
    .all<{ id: string }>(sql`select ${orders.id} as id from ${orders} ${joins} where ${where} order by ${sql.join(gridOrderBy(sorted, opts, orders.id), sql`, `)} limit ${q.limit} offset ${q.offset}`)
    .map((r) => r.id);
  const totals = q.withTotals ? orderTotals(db, q, today, territoryIds) : null;
  // The count probes every order (overdue: each one's open instalments), far more than a page costs, and
  // scrolling or re-sorting asks for it again: it is reused until the database changes.
  const countSql = sql`select count(*) as n from ${orders} ${joins} where ${where}`;
  const total = totals ? totals.count : cachedCount(db.$client, queryKey(dialect.sqlToQuery(countSql)), () => db.get<{ n: number }>(countSql).n);
  const rows = ids.length
    ? db
        .select(rowSelection)
        .from(orders)
        .innerJoin(accounts, eq(accounts.id, orders.accountId))
        .leftJoin(reps, eq(reps.id, orders.repId))
        .leftJoin(territories, eq(territories.id, accounts.territoryId))
        .where(inArray(orders.id, ids))
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const overdue = overdueByOrder(db, ids, today);
  return { total, items: ids.map((id) => ({ ...byId.get(id)!, overdueFen: overdue.get(id) ?? 0 })), totals };
}

export function getOrderRow(db: Db, id: string, today: string): OrderRow | undefined {
  const row = db
    .select(rowSelection)
    .from(orders)
    .innerJoin(accounts, eq(accounts.id, orders.accountId))
    .leftJoin(reps, eq(reps.id, orders.repId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId))
    .where(and(eq(orders.id, id), isNull(orders.deletedAt)))
    .get();
  if (!row) return undefined;
  return { ...row, overdueFen: overdueByOrder(db, [id], today).get(id) ?? 0 };
}

export type OrderRecord = typeof orders.$inferSelect;

export function getOrderRecord(db: Db, id: string): OrderRecord | undefined {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), isNull(orders.deletedAt)))
    .get();
}

export function findOrderIdByNo(db: Db, orderNo: string): string | undefined {
  for (const no of documentNoCandidates(orderNo)) {
    const id = db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.orderNo, no), isNull(orders.deletedAt)))
      .get()?.id;
    if (id) return id;
  }
  return undefined;
}

/** A territory and every territory below it. */
export function territorySubtree(db: Db, rootId: string): string[] {
  return db
    .all<{ id: string }>(
      sql`with recursive t(id) as (select ${rootId} union all select c.id from territories c join t on c.parent_id = t.id where c.deleted_at is null) select id from t`,
    )
    .map((r) => r.id);
}
