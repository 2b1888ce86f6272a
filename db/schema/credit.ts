import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { auditColumns, idColumn } from './columns';
import { orders } from './orders';
import { users } from './users';

export const CREDIT_POLICIES = ['warn', 'needs_approval', 'block'] as const;
export const CREDIT_OUTCOMES = ['pass', 'warn', 'needs_approval', 'blocked'] as const;

/**
 * Per-account credit settings. Null limit/policy/terms inherit from the account group, then the tier,
 * then the company default (settings key credit.defaults). A limit of 0 means no credit (cash in advance).
 */
export const creditProfiles = sqliteTable('credit_profiles', {
  accountId: text('account_id').primaryKey().references(() => accounts.id),
  limitFen: integer('limit_fen'),
  tempLimitFen: integer('temp_limit_fen'),
  /** Last day (inclusive) the temporary limit applies. */
  tempLimitExpiresOn: text('temp_limit_expires_on'),
  tempLimitReason: text('temp_limit_reason'),
  paymentTermsDays: integer('payment_terms_days'),
  policy: text('policy', { enum: CREDIT_POLICIES }),
  hold: integer('hold', { mode: 'boolean' }).notNull().default(false),
  holdReason: text('hold_reason'),
  holdAt: integer('hold_at'),
  holdBy: text('hold_by'),
  ...auditColumns(),
});

/** Every credit check run (on confirm or on demand), with its reasons in words (JSON array). */
export const creditChecks = sqliteTable(
  'credit_checks',
  {
    id: idColumn(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    orderId: text('order_id').references(() => orders.id),
    outcome: text('outcome', { enum: CREDIT_OUTCOMES }).notNull(),
    /** What ran it: confirming an order, someone asking (UI / CLI), or a manager's override. */
    trigger: text('trigger', { enum: ['confirm', 'manual', 'override'] }).notNull().default('manual'),
    limitFen: integer('limit_fen'),
    exposureFen: integer('exposure_fen').notNull(),
    reasons: text('reasons').notNull().default('[]'),
    at: integer('at').notNull(),
    by: text('by'),
  },
  (t) => [index('credit_checks_account_idx').on(t.accountId, t.at), index('credit_checks_order_idx').on(t.orderId)],
);

/** A manager's override of a blocked / needs-approval check: who (re-authenticated), why, when. */
export const creditOverrides = sqliteTable(
  'credit_overrides',
  {
    id: idColumn(),
    creditCheckId: text('credit_check_id').notNull().references(() => creditChecks.id),
    orderId: text('order_id').references(() => orders.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    managerUserId: text('manager_user_id').notNull().references(() => users.id),
    requestedBy: text('requested_by'),
    reason: text('reason').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('credit_overrides_account_idx').on(t.accountId, t.at), index('credit_overrides_order_idx').on(t.orderId)],
);

/** A batch grading run over many accounts. */
export const creditRuns = sqliteTable(
  'credit_runs',
  {
    id: idColumn(),
    at: integer('at').notNull(),
    by: text('by'),
    asOf: text('as_of').notNull(),
    accountCount: integer('account_count').notNull(),
    /** JSON summary: grade distribution, changes, suggested holds … */
    summary: text('summary').notNull().default('{}'),
  },
  (t) => [index('credit_runs_at_idx').on(t.at)],
);

/**
 * The grade each account got in a run, with every factor's contribution (JSON). Accounts with nothing
 * to grade (no orders, payments, returns or credit profile: grade A, score 100) get a row only when
 * their grade changed; the run's summary counts them all. Keyed by (run, account), its only identity:
 * a separate id column cost every row 27 bytes, an id to make and one more index entry (a fifth of the
 * table's pages in each run, which every batch run writes, commits and checkpoints).
 */
export const creditGrades = sqliteTable(
  'credit_grades',
  {
    runId: text('run_id').notNull().references(() => creditRuns.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    grade: text('grade', { enum: ['A', 'B', 'C', 'D', 'E'] }).notNull(),
    score: integer('score').notNull(),
    previousGrade: text('previous_grade'),
    factors: text('factors').notNull().default('[]'),
    /** Exposure and the limit in force when graded; the risk grid filters and sorts on them. */
    exposureFen: integer('exposure_fen').notNull().default(0),
    limitFen: integer('limit_fen'),
    overLimit: integer('over_limit', { mode: 'boolean' }).notNull().default(false),
    /** The run suggests a credit hold (grade or overdue per settings creditHoldSuggestion, not yet on hold). */
    suggestHold: integer('suggest_hold', { mode: 'boolean' }).notNull().default(false),
  },
  // Rows are written in account-id order within a run, so this index only ever grows at its end; an
  // account's history is one probe per run (runs are few: settings.creditRunsKept keep their rows).
  // The dashboard alerts read a run's grade distribution from (run_id, grade) alone and its flagged rows
  // (over the limit, hold suggested, downgraded: a few thousand of tens of thousands) from the partial
  // index; its WHERE must stay word for word the one in credit-alerts.ts, or the planner cannot use it.
  (t) => [
    primaryKey({ name: 'credit_grades_pk', columns: [t.runId, t.accountId] }),
    index('credit_grades_run_grade_idx').on(t.runId, t.grade),
    index('credit_grades_flagged_idx')
      .on(t.runId, t.score, t.accountId)
      .where(sql`${t.overLimit} = 1 or ${t.suggestHold} = 1 or (${t.previousGrade} is not null and ${t.grade} > ${t.previousGrade})`),
  ],
);
