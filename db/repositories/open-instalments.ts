import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { GridQuery } from '../../shared/contract/grid';
import type { OpenInstalmentRow } from '../../shared/contract/instalments';
import { diffDays } from '../../shared/domain/dates';
import type { Db } from '../client';
import { type GridColumns, escapeLike, gridOrderBy, gridWhere } from '../grid-sql';
import { accounts, instalments, orders, reps } from '../schema';
import { OWES_MONEY_SQL } from './orders';

export interface OpenInstalmentFilter {
  overdue?: boolean | undefined;
  accountId?: string | undefined;
}

const OPEN_FEN = sql<number>`(${instalments.amountFen} - ${instalments.paidFen} - ${instalments.returnedFen})`;

/**
 * An instalment is open while its order owes money (confirmed, not cancelled, not deleted), it belongs
 * to the current plan and something is left after payments and returns: the rows AR aging adds up
 * (services/ar-aging.ts, as of today). Overdue: its due date is before today.
 */
const OPEN_CONDITION = sql`${instalments.paidFen} < ${instalments.amountFen} and ${instalments.supersededOn} is null and ${OPEN_FEN} > 0
  and ${orders.deletedAt} is null and ${orders.confirmedOn} is not null and ${OWES_MONEY_SQL}`;

export const instalmentGridColumns: GridColumns = {
  orderNo: { kind: 'text', expr: orders.orderNo },
  accountCode: { kind: 'text', expr: accounts.code },
  accountName: { kind: 'text', expr: accounts.name },
  repName: { kind: 'text', expr: reps.name },
  label: { kind: 'text', expr: instalments.label },
  dueOn: { kind: 'date', expr: instalments.dueOn },
  daysOverdue: { kind: 'daysSince', expr: instalments.dueOn },
  amountFen: { kind: 'number', expr: instalments.amountFen },
  paidFen: { kind: 'number', expr: instalments.paidFen },
  openFen: { kind: 'number', expr: OPEN_FEN },
};

function where(q: Pick<GridQuery, 'filters' | 'search'>, f: OpenInstalmentFilter, today: string): { where: SQL; joins: SQL } {
  const conditions: SQL[] = [OPEN_CONDITION, ...gridWhere({ offset: 0, limit: 1, sort: [], ...q }, { columns: instalmentGridColumns, today })];
  if (f.overdue) conditions.push(sql`${instalments.dueOn} < ${today}`);
  if (f.accountId) conditions.push(eq(orders.accountId, f.accountId));
  if (q.search) {
    const t = escapeLike(q.search.trim());
    conditions.push(sql`(${orders.orderNo} like ${`%${t}%`} escape '\\' or ${accounts.name} like ${`%${t}%`} escape '\\' or ${accounts.code} like ${`${t}%`} escape '\\')`);
  }
  const cols = new Set(Object.keys(q.filters));
  const needAccount = !!q.search || cols.has('accountName') || cols.has('accountCode') || cols.has('repName');
  const parts: SQL[] = [sql`join ${orders} on ${orders.id} = ${instalments.orderId}`];
  if (needAccount) parts.push(sql`join ${accounts} on ${accounts.id} = ${orders.accountId}`);
  if (cols.has('repName')) parts.push(sql`left join ${reps} on ${reps.id} = ${orders.repId}`);
  return { where: and(...conditions)!, joins: sql.join(parts, sql` `) };
}

/** Count and open total of the filtered set: only the instalments index and the order's money columns are read. */
export function openInstalmentTotals(db: Db, q: Pick<GridQuery, 'filters' | 'search'>, f: OpenInstalmentFilter, today: string): { count: number; openFen: number } {
  const w = where(q, f, today);
  return db.get<{ count: number; openFen: number }>(sql`
    select count(*) as count, coalesce(sum(${OPEN_FEN}), 0) as openFen
    from ${instalments} indexed by instalments_overdue_idx ${w.joins} where ${w.where}`);
}

/** The instalments grid: a page of ids in grid order (oldest due first by default), then their rows. */
export function listOpenInstalments(db: Db, q: GridQuery & { filter: OpenInstalmentFilter }, today: string): { total: number; openFen: number; items: OpenInstalmentRow[] } {
  const w = where(q, q.filter, today);
  const sorted = q.sort.length ? q : { ...q, sort: [{ colId: 'dueOn', sort: 'asc' as const }] };
  const order = gridOrderBy(sorted, { columns: instalmentGridColumns, today }, instalments.id);
  const sortCols = new Set(sorted.sort.map((s) => s.colId));
  const joins = sortCols.has('accountName') || sortCols.has('accountCode') || sortCols.has('repName')
    ? sql`join ${orders} on ${orders.id} = ${instalments.orderId} join ${accounts} on ${accounts.id} = ${orders.accountId} left join ${reps} on ${reps.id} = ${orders.repId}`
    : w.joins;
  const ids = db
    .all<{ id: string }>(sql`select ${instalments.id} as id from ${instalments} ${joins} where ${w.where} order by ${sql.join(order, sql`, `)} limit ${q.limit} offset ${q.offset}`)
    .map((r) => r.id);
  const totals = openInstalmentTotals(db, q, q.filter, today);
  const rows = ids.length
    ? db
        .select({
          id: instalments.id,
          orderId: instalments.orderId,
          orderNo: orders.orderNo,
          accountId: orders.accountId,
          accountCode: accounts.code,
          accountName: accounts.name,
          repName: reps.name,
          seq: instalments.seq,
          label: instalments.label,
          dueOn: instalments.dueOn,
          amountFen: instalments.amountFen,
          paidFen: instalments.paidFen,
          openFen: OPEN_FEN,
        })
        .from(instalments)
        .innerJoin(orders, eq(orders.id, instalments.orderId))
        .innerJoin(accounts, eq(accounts.id, orders.accountId))
        .leftJoin(reps, eq(reps.id, orders.repId))
        .where(inArray(instalments.id, ids))
        .orderBy(asc(instalments.dueOn))
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: totals.count,
    openFen: totals.openFen,
    items: ids.map((id) => {
      const r = byId.get(id)!;
      return { ...r, daysOverdue: Math.max(0, diffDays(r.dueOn, today)) };
    }),
  };
}
