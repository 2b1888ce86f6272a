import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { GridQuery } from '../../shared/contract/grid';
import type { Db } from '../client';
import { gridWhere } from '../grid-sql';
import { accounts, reps, territories } from '../schema';
import { accountGridColumns, searchCondition } from './accounts';

export interface AccountExportSummary {
  accounts: number;
  openReceivableFen: number;
  overdueFen: number;
  onHold: number;
  inPool: number;
  byTier: Record<string, number>;
}

/** The same WHERE the accounts grid uses (accounts.list), so a summary matches the exported rows. */
function where(q: Pick<GridQuery, 'filters' | 'search'>, today: string): SQL | undefined {
  const conditions = [isNull(accounts.deletedAt), ...gridWhere({ offset: 0, limit: 1, sort: [], ...q }, { columns: accountGridColumns, today })];
  if (q.search) conditions.push(searchCondition(q.search));
  return and(...conditions);
}

export function summarizeAccounts(db: Db, q: Pick<GridQuery, 'filters' | 'search'>, today: string): AccountExportSummary {
  const rows = db
    .select({
      tier: accounts.tier,
      n: sql<number>`count(*)`,
      open: sql<number>`coalesce(sum(${accounts.openReceivableFen}), 0)`,
      overdue: sql<number>`coalesce(sum(${accounts.overdueFen}), 0)`,
      hold: sql<number>`coalesce(sum(${accounts.creditHold}), 0)`,
      pool: sql<number>`coalesce(sum(case when ${accounts.ownerRepId} is null then 1 else 0 end), 0)`,
    })
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId))
    .where(where(q, today))
    .groupBy(accounts.tier)
    .all();
  const out: AccountExportSummary = { accounts: 0, openReceivableFen: 0, overdueFen: 0, onHold: 0, inPool: 0, byTier: {} };
  for (const r of rows) {
    out.accounts += r.n;
    out.openReceivableFen += r.open;
    out.overdueFen += r.overdue;
    out.onHold += r.hold;
    out.inPool += r.pool;
    out.byTier[r.tier] = r.n;
  }
  return out;
}
