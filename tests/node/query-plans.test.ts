import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsListQueries } from '../../db/repositories/accounts';
import { RECENT_CLAIMS_SQL } from '../../electron/backend/services/pool';
import { gridQuerySchema, type GridQuery } from '../../shared/contract/grid';
import { setUpBackend } from '../helpers/backend';

let t: Awaited<ReturnType<typeof setUpBackend>>;
beforeAll(async () => {
  t = await setUpBackend();
});
afterAll(() => t.close());

function explain(sql: string, params: unknown[]): string {
  const rows = t.core.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

/** The plan of the whole page query: rowids of the page, then their wide rows. */
function plan(input: Partial<GridQuery>): string {
  const { sql, params } = accountsListQueries(t.core.db, gridQuerySchema.parse(input), '2026-11-23').rows$.toSQL();
  return explain(sql, params);
}

/** The plan of the part that finds the page's rowids among all accounts (where any sort is costly). */
function pagePlan(input: Partial<GridQuery>): string {
  const { page$ } = accountsListQueries(t.core.db, gridQuerySchema.parse(input), '2026-11-23');
  if (!('toSQL' in page$)) throw new Error('a search page is raw SQL');
  const { sql, params } = page$.toSQL();
  return explain(sql, params);
}

function count(input: Partial<GridQuery>): string {
  const { sql, params } = accountsListQueries(t.core.db, gridQuerySchema.parse(input), '2026-11-23').count$.toSQL();
  return explain(sql, params);
}

/**
 * The accounts grid must stay fast at 100,000 rows: its common sorts walk an index instead of sorting
 * the whole table (no "TEMP B-TREE FOR ORDER BY"), and its filters search an index.
 */
describe('query plans of the hot account grid queries', () => {
  it.each([
    ['name', 'accounts_name_idx'],
    ['code', 'accounts_code_uq'],
    ['lastFollowupOn', 'accounts_last_followup_idx'],
    ['daysSinceFollowup', 'accounts_last_followup_idx'],
    ['openReceivableFen', 'accounts_receivable_idx'],
    ['overdueFen', 'accounts_overdue_idx'],
    ['updatedAt', 'accounts_updated_idx'],
  ])('sorting by %s uses %s', (colId, index) => {
    const p = pagePlan({ sort: [{ colId, sort: 'desc' }], limit: 100 });
    expect(p).toContain(index);
    expect(p).not.toContain('TEMP B-TREE FOR ORDER BY');
  });

  it('reads the wide rows (tags, followers, joins) only for the page it found by rowid', () => {
    const p = plan({ filters: { tier: { filterType: 'set', values: ['B', 'C'] } } });
    expect(p).toMatch(/SEARCH accounts USING INTEGER PRIMARY KEY \(rowid=\?\)\nLIST SUBQUERY/);
    expect(pagePlan({ filters: { tier: { filterType: 'set', values: ['B', 'C'] } } })).not.toMatch(/SUBQUERY|reps|territories/);
  });

  it('pages and counts a tier filter in the default order from the live-tier index alone', () => {
    const p = pagePlan({ filters: { tier: { filterType: 'set', values: ['C'] } } });
    expect(p).toMatch(/accounts_tier_idx|accounts_credit_idx/);
    expect(p).not.toContain('TEMP B-TREE');
    expect(count({ filters: { tier: { filterType: 'set', values: ['B', 'C'] } } })).toMatch(/USING COVERING INDEX accounts_(tier|credit)_idx/);
  });

  it('pages a filter on several tiers along the order\'s index, stopping at the page, not by sorting every match', () => {
    for (const sort of [[], [{ colId: 'name', sort: 'asc' as const }]]) {
      const p = pagePlan({ filters: { tier: { filterType: 'set', values: ['B', 'C'] } }, sort });
      expect(p).toMatch(sort.length ? /SCAN accounts USING INDEX accounts_name_idx/ : /SCAN accounts USING (COVERING )?INDEX accounts_credit_idx/);
      expect(p).not.toMatch(/accounts_tier_idx|TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('counts a grade filter from the narrow credit index, without an index of its own', () => {
    expect(count({ filters: { creditGrade: { filterType: 'set', values: ['D', 'E'] } } })).toContain('USING COVERING INDEX accounts_credit_idx');
  });

  it('filters by tier and owner through their indexes', () => {
    expect(plan({ filters: { tier: { filterType: 'set', values: ['A'] } }, sort: [{ colId: 'name', sort: 'asc' }] })).toMatch(/accounts_(tier|name)_idx/);
    expect(plan({ filters: { ownerRepId: { filterType: 'text', type: 'equals', filter: 'R1' } } })).toContain('accounts_owner_idx');
  });

  it('filters by owner name through the owner index, not a join per row', () => {
    const p = plan({ filters: { ownerName: { filterType: 'text', type: 'contains', filter: '王' } }, sort: [{ colId: 'name', sort: 'asc' }] });
    expect(p).toMatch(/accounts_owner_idx|LIST SUBQUERY|USING INDEX accounts_name_idx/);
  });

  it('pages a search in the default order through the narrow search index, not the wide rows', () => {
    expect(plan({ search: 'szhx' })).toContain('USING COVERING INDEX accounts_search_idx');
  });

  it('counts the accounts inside their reclaim reminder window from the partial window index alone', () => {
    const sql = 'select count(*) from accounts where owner_rep_id is not null and deleted_at is null and reclaim_remind_on <= ? and reclaim_on > ?';
    expect(explain(sql, ['2026-11-23', '2026-11-23'])).toContain('USING COVERING INDEX accounts_reclaim_window_idx');
  });

  it("counts a rep's recent claims through the partial claim index", () => {
    expect(explain(RECENT_CLAIMS_SQL, ['r', 0])).toContain('USING INDEX account_transfers_claim_idx (to_rep_id=? AND at>?)');
  });

  it('joins owner and territory by primary key', () => {
    const p = plan({ sort: [{ colId: 'name', sort: 'asc' }] });
    expect(p).toMatch(/SEARCH reps USING INTEGER PRIMARY KEY|SEARCH reps USING INDEX sqlite_autoindex_reps_1/);
    expect(p).toMatch(/SEARCH territories USING INDEX sqlite_autoindex_territories_1/);
  });
});
