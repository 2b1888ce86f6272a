import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { auditColumns, idColumn } from './columns';
import { journals } from './journals';
import { reps } from './reps';
import { territories } from './territories';

export const TRANSFER_KINDS = ['assign', 'transfer', 'reclaim', 'claim', 'release', 'handover', 'import', 'auto'] as const;

/** Owner history: every owner change, with who, when and why. from/to null = the pool (公海). */
export const accountTransfers = sqliteTable(
  'account_transfers',
  {
    id: idColumn(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    fromRepId: text('from_rep_id').references(() => reps.id),
    toRepId: text('to_rep_id').references(() => reps.id),
    kind: text('kind', { enum: TRANSFER_KINDS }).notNull(),
    reason: text('reason').notNull(),
    journalId: text('journal_id').references(() => journals.id),
    at: integer('at').notNull(),
    by: text('by'),
    /** Set when the journal that made this transfer was undone. */
    undoneAt: integer('undone_at'),
    /**
     * What undo needs, for transfers an undoable operation wrote (null otherwise, e.g. an import's):
     * the account's version right after, the actor's user id, and the owner columns before that
     * from_rep_id does not already hold. The state after follows from the row (see owner-changes.ts).
     * Kept here rather than in a journal item per account: a 100,000-account apply writes one row
     * per account instead of two.
     */
    afterVersion: integer('after_version'),
    byUserId: text('by_user_id'),
    beforeOwnedSince: integer('before_owned_since'),
    beforePreviousOwnerRepId: text('before_previous_owner_rep_id'),
    beforePooledAt: integer('before_pooled_at'),
    beforeUpdatedAt: integer('before_updated_at'),
    beforeUpdatedBy: text('before_updated_by'),
  },
  (t) => [
    index('account_transfers_account_idx').on(t.accountId, t.at),
    index('account_transfers_at_idx').on(t.at),
    index('account_transfers_journal_idx').on(t.journalId),
    // Only claims: a rep's daily claim cap counts them. Partial, so an allocation or reclaim of 100,000
    // accounts does not also write 100,000 entries nothing reads.
    index('account_transfers_claim_idx').on(t.toRepId, t.at).where(sql`${t.kind} = 'claim'`),
  ],
);

export const ALLOCATION_STRATEGIES = ['single', 'round_robin', 'least_accounts', 'least_receivables', 'capacity'] as const;

/**
 * Ordered auto-allocation rules, first match wins. match is JSON:
 * {territoryIds?, industries?, tiers?, sources?, tags?}; targetRepIds is a JSON array.
 */
export const allocationRules = sqliteTable(
  'allocation_rules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    match: text('match').notNull().default('{}'),
    targetRepIds: text('target_rep_ids').notNull().default('[]'),
    strategy: text('strategy', { enum: ALLOCATION_STRATEGIES }).notNull().default('round_robin'),
    /** Where round-robin continues next time, so repeated runs keep spreading evenly. */
    rrCursor: integer('rr_cursor').notNull().default(0),
    ...auditColumns(),
  },
  (t) => [index('allocation_rules_order_idx').on(t.sortOrder)],
);

/** 公海 rules: when owned accounts fall back to the pool, and how reps may claim from it. */
export const poolRules = sqliteTable(
  'pool_rules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Scope: null matches every territory / tier. */
    territoryId: text('territory_id').references(() => territories.id),
    tier: text('tier', { enum: ['A', 'B', 'C'] }),
    noFollowupDays: integer('no_followup_days'),
    noDealDays: integer('no_deal_days'),
    /** Days after the owner got the account during which it is protected from reclaim. */
    protectionDays: integer('protection_days'),
    reminderDays: integer('reminder_days').notNull().default(3),
    claimDailyCap: integer('claim_daily_cap'),
    holdingCap: integer('holding_cap'),
    cooldownDays: integer('cooldown_days').notNull().default(0),
    ...auditColumns(),
  },
  (t) => [index('pool_rules_order_idx').on(t.sortOrder)],
);
