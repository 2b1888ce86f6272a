import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key → JSON value. Each key's shape is validated by its zod schema in shared/contract/settings. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** Human-facing number sequences (SO-2026-000123, 工单号 …), one row per prefix and year. */
export const counters = sqliteTable('counters', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});
