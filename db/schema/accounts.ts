import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns, deletedAtColumn, idColumn } from './columns';
import { reps } from './reps';
import { territories } from './territories';

export const TIERS = ['A', 'B', 'C'] as const;
export const DEAL_STATUSES = ['prospect', 'negotiating', 'won', 'lost'] as const;

/**
 * 客户. The owner changes only through allocation services (never inline), and every change lands in
 * account_transfers. The open_* / overdue_* / credit_* columns are maintained aggregates so that the
 * 100,000-row grid can sort and filter on them with an index instead of a join per page.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** Lower-case pinyin initials of the name (华为技术 → hwjs) for quick search. */
    nameInitials: text('name_initials').notNull().default(''),
    /** 统一社会信用代码: the natural key when present. */
    creditCode: text('credit_code'),
    industry: text('industry'),
    territoryId: text('territory_id').references(() => territories.id),
    tier: text('tier', { enum: TIERS }).notNull().default('C'),
    source: text('source'),
    dealStatus: text('deal_status', { enum: DEAL_STATUSES }).notNull().default('prospect'),
    /** Credit group for the group-level credit default (falls back to tier, then company). */
    accountGroup: text('account_group'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    notes: text('notes'),
    ownerRepId: text('owner_rep_id').references(() => reps.id),
    /** When the current owner got the account (epoch ms); the pool clock starts here. */
    ownedSince: integer('owned_since'),
    previousOwnerRepId: text('previous_owner_rep_id').references(() => reps.id),
    /** When the account last entered the pool (epoch ms); null while owned. */
    pooledAt: integer('pooled_at'),
    /** Protected from reclaim until this date (inclusive). */
    protectedUntil: text('protected_until'),
    lastFollowupOn: text('last_followup_on'),
    nextFollowupOn: text('next_followup_on'),
    lastDealOn: text('last_deal_on'),
    /**
     * When the pool rules will take the account back (first day), why, and from when the owner is
     * reminded. Derived from the fields above and the pool rules (shared/domain/pool-rules), kept
     * fresh by services/pool-schedule so that the grid and the dashboard can filter and sort on it.
     */
    reclaimOn: text('reclaim_on'),
    reclaimRemindOn: text('reclaim_remind_on'),
    reclaimTrigger: text('reclaim_trigger'),
    openReceivableFen: integer('open_receivable_fen').notNull().default(0),
    overdueFen: integer('overdue_fen').notNull().default(0),
    maxOverdueDays: integer('max_overdue_days').notNull().default(0),
    openCases: integer('open_cases').notNull().default(0),
    creditGrade: text('credit_grade'),
    creditHold: integer('credit_hold', { mode: 'boolean' }).notNull().default(false),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [
    uniqueIndex('accounts_code_uq').on(t.code),
    uniqueIndex('accounts_credit_code_uq').on(t.creditCode).where(sql`${t.creditCode} is not null and ${t.deletedAt} is null`),
    index('accounts_name_idx').on(t.name),
    index('accounts_initials_idx').on(t.nameInitials),
    /**
     * Every column the quick search reads (name and phone "contains", code / credit code / initials
     * "starts with"), in the grid's default order (id). A contains-search cannot seek, so a search page
     * walks this narrow index until it has a page of matches and then reads only those wide rows, and a
     * search count never reads the table.
     */
    index('accounts_search_idx').on(t.id, t.name, t.code, t.creditCode, t.phone, t.nameInitials, t.deletedAt),
    index('accounts_phone_idx').on(t.phone),
    index('accounts_owner_idx').on(t.ownerRepId, t.name),
    index('accounts_territory_idx').on(t.territoryId),
    // A tier filter in the default order reads this range in id order and stops after a page; its count
    // never reads the table.
    index('accounts_tier_idx').on(t.tier, t.id, t.deletedAt).where(sql`${t.deletedAt} is null`),
    index('accounts_industry_idx').on(t.industry),
    index('accounts_last_followup_idx').on(t.lastFollowupOn),
    index('accounts_receivable_idx').on(t.openReceivableFen),
    index('accounts_overdue_idx').on(t.overdueFen),
    // No index on credit_grade alone: the grid's grade filter and sort scan without it in 10–35 ms over
    // 100,000 accounts (its count reads accounts_credit_idx below), while a first credit run, which grades
    // every account, would rewrite 100,000 entries of it.
    // The credit batch run reads every live account's grading columns in one scan of this narrow index
    // (in id order) instead of the wide rows. Not the owner: an allocation or reclaim of 100,000 accounts
    // would rewrite as many entries of it.
    index('accounts_credit_idx').on(t.id, t.tier, t.accountGroup, t.creditGrade, t.creditHold, t.deletedAt).where(sql`${t.deletedAt} is null`),
    /**
     * Accounts inside their reminder window (dashboard count, grid preset, a rep's count) without
     * reading the table. Only accounts with a reclaim schedule are in it (every query on it compares
     * reclaim_remind_on, which implies not null): an owner change of an account without one, such as
     * allocating a fresh import, does not touch it.
     */
    index('accounts_reclaim_window_idx')
      .on(t.reclaimRemindOn, t.reclaimOn, t.ownerRepId, t.deletedAt)
      .where(sql`${t.deletedAt} is null and ${t.reclaimRemindOn} is not null`),
    /** The dashboard's "follow-ups due" count and the accounts grid filtered to them. */
    index('accounts_next_followup_idx').on(t.nextFollowupOn).where(sql`${t.deletedAt} is null`),
    index('accounts_updated_idx').on(t.updatedAt),
    index('accounts_created_idx').on(t.createdAt),
  ],
);

/** 协同跟进人: reps who follow an account besides its owner. */
export const accountFollowers = sqliteTable(
  'account_followers',
  {
    accountId: text('account_id').notNull().references(() => accounts.id),
    repId: text('rep_id').notNull().references(() => reps.id),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.repId] }), index('account_followers_rep_idx').on(t.repId)],
);

export const tags = sqliteTable(
  'tags',
  {
    id: idColumn(),
    name: text('name').notNull(),
    color: text('color'),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('tags_name_uq').on(t.name)],
);

export const accountTags = sqliteTable(
  'account_tags',
  {
    accountId: text('account_id').notNull().references(() => accounts.id),
    tagId: text('tag_id').notNull().references(() => tags.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.tagId] }), index('account_tags_tag_idx').on(t.tagId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: idColumn(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    wechat: text('wechat'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [index('contacts_account_idx').on(t.accountId), index('contacts_mobile_idx').on(t.mobile)],
);
