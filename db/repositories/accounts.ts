import { type SQL, and, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { AccountRow } from '../../shared/contract/accounts';
import type { GridQuery } from '../../shared/contract/grid';
import { diffDays } from '../../shared/domain/dates';
import type { Db } from '../client';
import { cachedCount, queryKey } from '../count-cache';
import { type GridColumns, escapeLike, gridOrderBy, gridWhere } from '../grid-sql';
import { accounts, reps, territories } from '../schema';

/** Names joined by the unit separator (a character nobody types), split again in withDays. */
const SEP = '\u001f';
const tagsText = sql<string | null>`(select group_concat(t.name, char(31)) from account_tags at join tags t on t.id = at.tag_id where at.account_id = ${accounts.id})`;
const followersText = sql<string | null>`(select group_concat(r.name, char(31)) from account_followers af join reps r on r.id = af.rep_id where af.account_id = ${accounts.id})`;

export const accountGridColumns: GridColumns = {
  code: { kind: 'text', expr: accounts.code },
  name: { kind: 'text', expr: accounts.name },
  creditCode: { kind: 'text', expr: accounts.creditCode },
  industry: { kind: 'text', expr: accounts.industry },
  territoryName: {
    kind: 'lookup',
    expr: territories.name,
    key: accounts.territoryId,
    ids: (cond) => sql`(select ${territories.id} from ${territories} where ${cond})`,
  },
  territoryId: { kind: 'text', expr: accounts.territoryId },
  tier: { kind: 'text', expr: accounts.tier },
  source: { kind: 'text', expr: accounts.source },
  dealStatus: { kind: 'text', expr: accounts.dealStatus },
  phone: { kind: 'text', expr: accounts.phone },
  province: { kind: 'text', expr: accounts.province },
  city: { kind: 'text', expr: accounts.city },
  ownerName: {
    kind: 'lookup',
    expr: reps.name,
    key: accounts.ownerRepId,
    ids: (cond) => sql`(select ${reps.id} from ${reps} where ${cond})`,
  },
  ownerRepId: { kind: 'text', expr: accounts.ownerRepId },
  lastFollowupOn: { kind: 'date', expr: accounts.lastFollowupOn },
  daysSinceFollowup: { kind: 'daysSince', expr: accounts.lastFollowupOn },
  nextFollowupOn: { kind: 'date', expr: accounts.nextFollowupOn },
  lastDealOn: { kind: 'date', expr: accounts.lastDealOn },
  openReceivableFen: { kind: 'number', expr: accounts.openReceivableFen },
  overdueFen: { kind: 'number', expr: accounts.overdueFen },
  maxOverdueDays: { kind: 'number', expr: accounts.maxOverdueDays },
  openCases: { kind: 'number', expr: accounts.openCases },
  creditGrade: { kind: 'text', expr: accounts.creditGrade },
  creditHold: { kind: 'bool', expr: accounts.creditHold },
  tags: { kind: 'text', expr: tagsText },
  followerNames: { kind: 'text', expr: followersText },
  reclaimOn: { kind: 'date', expr: accounts.reclaimOn },
  reclaimRemindOn: { kind: 'date', expr: accounts.reclaimRemindOn },
  createdAt: { kind: 'number', expr: accounts.createdAt },
  updatedAt: { kind: 'number', expr: accounts.updatedAt },
};

/**
 * The page query's columns: the enumerations (tier, grade, deal status, credit hold) are tested row by
 * row (`+expr`, no index) while the page walks the sort's index (or accounts_credit_idx, which holds
 * all four, in the default order), stopping after the page. Looked up by their own index instead, a
 * filter matching most accounts (tiers B and C: 85,000) was read whole and sorted for 100 rows: 15-55 ms
 * against under 1 ms. Each value is a sizeable share of the accounts, so the walk is short. The count
 * keeps the enumeration indexes (it reads every match anyway, and they cover it).
 */
const ENUMERATIONS = ['tier', 'creditGrade', 'dealStatus', 'creditHold'] as const;
const accountPageColumns: GridColumns = {
  ...accountGridColumns,
  ...Object.fromEntries(ENUMERATIONS.map((k) => [k, { ...accountGridColumns[k]!, expr: sql`+${accountGridColumns[k]!.expr}` }])),
};

export const rowSelection = {
  id: accounts.id,
  code: accounts.code,
  name: accounts.name,
  shortName: accounts.shortName,
  creditCode: accounts.creditCode,
  industry: accounts.industry,
  territoryId: accounts.territoryId,
  territoryName: territories.name,
  tier: accounts.tier,
  source: accounts.source,
  dealStatus: accounts.dealStatus,
  accountGroup: accounts.accountGroup,
  phone: accounts.phone,
  email: accounts.email,
  province: accounts.province,
  city: accounts.city,
  address: accounts.address,
  ownerRepId: accounts.ownerRepId,
  ownerName: reps.name,
  lastFollowupOn: accounts.lastFollowupOn,
  nextFollowupOn: accounts.nextFollowupOn,
  lastDealOn: accounts.lastDealOn,
  openReceivableFen: accounts.openReceivableFen,
  overdueFen: accounts.overdueFen,
  maxOverdueDays: accounts.maxOverdueDays,
  openCases: accounts.openCases,
  creditGrade: accounts.creditGrade,
  creditHold: accounts.creditHold,
  tagsText,
  followersText,
  reclaimOn: accounts.reclaimOn,
  reclaimRemindOn: accounts.reclaimRemindOn,
  reclaimTrigger: accounts.reclaimTrigger,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
  version: accounts.version,
};

type SelectedRow = Omit<AccountRow, 'daysSinceFollowup' | 'tags' | 'followerNames'> & { tagsText: string | null; followersText: string | null };

function splitNames(text: string | null): string[] {
  return text ? text.split(SEP).sort((a, b) => a.localeCompare(b, 'zh-CN')) : [];
}

export function withDays(row: SelectedRow, today: string): AccountRow {
  const { tagsText: t, followersText: f, ...rest } = row;
  // Added to the rest object rather than spread with it into a new literal: V8 (Node 20) gives every
  // `{ ...rest, more }` of a 36-field row fresh hidden classes in old space, 2.7 KB of old-generation
  // garbage per row, which grew a 100,000-row export's heap by 100–200 MB between major GCs.
  return Object.assign(rest, { tags: splitNames(t), followerNames: splitNames(f), daysSinceFollowup: row.lastFollowupOn ? diffDays(row.lastFollowupOn, today) : null });
}

/** Quick search: name or phone anywhere, code / credit code / pinyin initials from the start. */
export function searchCondition(q: string): SQL {
  const text = escapeLike(q.trim());
  const lower = text.toLowerCase();
  return or(
    sql`${accounts.name} like ${`%${text}%`} escape '\\'`,
    sql`${accounts.code} like ${`${text}%`} escape '\\'`,
    sql`${accounts.creditCode} like ${`${text.toUpperCase()}%`} escape '\\'`,
    sql`${accounts.phone} like ${`%${text}%`} escape '\\'`,
    sql`${accounts.nameInitials} like ${`${lower}%`} escape '\\'`,
  )!;
}

/**
 * The count, page (rowids) and rows queries of the accounts grid (exposed so tests can EXPLAIN them). `extra` is a
 * condition on top of the column filters (a dashboard work-queue preset, see account-presets.ts).
 */
export function accountsListQueries(db: Db, q: GridQuery, today: string, extra?: SQL) {
  const opts = { columns: accountGridColumns, today };
  const whereFor = (columns: GridColumns) => {
    const conditions = [isNull(accounts.deletedAt), ...gridWhere(q, { columns, today })];
    if (q.search) conditions.push(searchCondition(q.search));
    if (extra) conditions.push(extra);
    return and(...conditions);
  };
  const where = whereFor(accountGridColumns);
  const pageWhere = whereFor(accountPageColumns);
  const orderBy = gridOrderBy(q, opts, accounts.id);
  // Filters never need the joins (lookup columns filter by key), so the count reads accounts alone.
  const count$ = db.select({ n: count() }).from(accounts).where(where);
  // The page is found first as bare rowids, then only those rows are read in full. Otherwise SQLite
  // sorts whole rows (36 columns plus the tag and follower subqueries) for every match: 400 ms for a
  // tier filter over 85,000 accounts, against a few ms for the page's 100.
  const page = db
    .select({ rowid: sql`${accounts}.rowid` })
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId));
  const page$ =
    q.search && orderBy.length === 1
      ? // A search in the default order (id) pages through the search index (db/schema/accounts.ts), which
        // tests the searched columns without reading the wide rows; left to itself SQLite walks the primary
        // key's index, in the same order but without those columns, and reads every row to test it.
        sql`select rowid from ${accounts} indexed by accounts_search_idx where ${pageWhere} order by ${accounts.id} limit ${q.limit} offset ${q.offset}`
      : page.where(pageWhere).orderBy(...orderBy).limit(q.limit).offset(q.offset);
  const rows$ = db
    .select(rowSelection)
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId))
    .where(sql`${accounts}.rowid in (${page$})`)
    .orderBy(...orderBy);
  return { count$, page$, rows$ };
}

export function listAccounts(db: Db, q: GridQuery, today: string, extra?: SQL): { total: number; items: AccountRow[] } {
  const { count$, rows$ } = accountsListQueries(db, q, today, extra);
  const total = cachedCount(db.$client, queryKey(count$.toSQL()), () => count$.get()?.n ?? 0);
  return { total, items: rows$.all().map((r) => withDays(r, today)) };
}

export function getAccountRow(db: Db, id: string, today: string): AccountRow | undefined {
  const row = db
    .select(rowSelection)
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    .leftJoin(territories, eq(territories.id, accounts.territoryId))
    .where(and(eq(accounts.id, id), isNull(accounts.deletedAt)))
    .get();
  return row ? withDays(row, today) : undefined;
}

export function searchAccounts(db: Db, q: string, limit: number) {
  return db
    .select({ id: accounts.id, code: accounts.code, name: accounts.name, phone: accounts.phone, ownerName: reps.name, tier: accounts.tier })
    .from(accounts)
    .leftJoin(reps, eq(reps.id, accounts.ownerRepId))
    // The matches come from one scan of the narrow search index; only they are read and sorted.
    .where(sql`${accounts}.rowid in (select rowid from ${accounts} indexed by accounts_search_idx where ${and(isNull(accounts.deletedAt), searchCondition(q))})`)
    .orderBy(sql`length(${accounts.name})`, accounts.name)
    .limit(limit)
    .all();
}

export type AccountRecord = typeof accounts.$inferSelect;

export function getAccountRecord(db: Db, id: string): AccountRecord | undefined {
  return db.select().from(accounts).where(eq(accounts.id, id)).get();
}

export function findAccountByCreditCode(db: Db, creditCode: string): AccountRecord | undefined {
  return db
    .select()
    .from(accounts)
    .where(and(eq(accounts.creditCode, creditCode), isNull(accounts.deletedAt)))
    .get();
}
