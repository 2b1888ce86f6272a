import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns, idColumn } from './columns';
import { reps } from './reps';
import { territories } from './territories';

export const TARGET_MEASURES = ['sales', 'collections', 'new_accounts', 'followups', 'orders'] as const;
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;

/**
 * 目标 per rep (or per territory node) per period ("2026-10", "2026-Q3", "2026") and measure.
 * value is fen for money measures and a count otherwise.
 */
export const targets = sqliteTable(
  'targets',
  {
    id: idColumn(),
    repId: text('rep_id').references(() => reps.id),
    territoryId: text('territory_id').references(() => territories.id),
    periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
    period: text('period').notNull(),
    measure: text('measure', { enum: TARGET_MEASURES }).notNull(),
    value: integer('value').notNull(),
    /** How a quarter / year target is shared over its months: evenly or by the seasonality profile. */
    split: text('split', { enum: ['even', 'seasonal'] }).notNull().default('even'),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex('targets_uq').on(t.repId, t.territoryId, t.period, t.measure),
    index('targets_period_idx').on(t.period, t.measure),
  ],
);
