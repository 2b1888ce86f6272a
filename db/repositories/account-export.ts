import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { AccountRow } from '../../shared/contract/accounts';
import type { GridQuery } from '../../shared/contract/grid';
import type { Db } from '../client';
import { gridOrderBy, gridWhere } from '../grid-sql';
import { accounts, reps, territories } from '../schema';
import { accountGridColumns, rowSelection, searchCondition, withDays } from './accounts';

export interface AccountExportSummary {
  accounts: number;
  openReceivableFen: number;
  overdueFen: number;
  onHold: number;
  inPool: number;
  byTier: Record<string, number>;
}

/** The same WHERE the accounts grid uses (accounts.list, with its preset as `extra`), so a summary matches the exported rows. */
function where(q: Pick<GridQuery, 'filters' | 'search'>, today: string, extra?: SQL): SQL | undefined {
  const conditions = [isNull(accounts.deletedAt), ...gridWhere({ offset: 0, limit: 1, sort: [], ...q }, { columns: accountGridColumns, today })];
  if (q.search) conditions.push(searchCondition(q.search));
  if (extra) conditions.push(extra);
  return and(...conditions);
}

export function summarizeAccounts(db: Db, q: Pick<GridQuery, 'filters' | 'search'>, today: string, extra?: SQL): AccountExportSummary {
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
    .where(where(q, today, extra))
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

/**
 * Every row accounts.list would return for the query (same columns, WHERE and ORDER BY), without
 * OFFSET paging (which re-scans and re-counts per page): the ordered ids first (a few MB for 100,000),
 * then the rows by id in chunks. No statement stays open between chunks, so the export can yield to
 * the event loop while other calls use the same connection. Chunks are small because a chunk's rows
 * live until its last row is written: 1,000 of them outlived V8's young generation, and every chunk
 * became old-generation garbage (150 MB over a 100,000-row export before a major GC).
 */
export function* iterateAccounts(db: Db, q: Pick<GridQuery, 'sort' | 'filters' | 'search'>, today: string, extra?: SQL, chunk = 100): Generator<AccountRow> {
  const ids = db
    .select({ id: accounts.id })
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId))
    .where(where(q, today, extra))
    .orderBy(...gridOrderBy({ offset: 0, limit: 1, ...q }, { columns: accountGridColumns, today }, accounts.id))
    .all()
    .map((r) => r.id);
  // One statement for every chunk, its ids passed as one JSON array.
  const byIds = db
    .select(rowSelection)
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId))
    .where(sql`${accounts.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .prepare();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const rows = byIds.all({ ids: JSON.stringify(part) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of part) {
      const row = byId.get(id);
      // A row deleted since the ids were read is simply not exported.
      if (row && row.id) yield withDays(row, today);
    }
  }
}
