import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditColumns, idColumn } from './columns';
import { users } from './users';

/** A named grid state (columns, sort, filters) saved by a user for one grid. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: idColumn(),
    userId: text('user_id').notNull().references(() => users.id),
    grid: text('grid').notNull(),
    name: text('name').notNull(),
    state: text('state').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    ...auditColumns(),
  },
  (t) => [index('saved_views_user_grid_idx').on(t.userId, t.grid)],
);

/** A report exported on a schedule into a folder while the app runs (missed runs caught up at start). */
export const scheduledExports = sqliteTable('scheduled_exports', {
  id: idColumn(),
  name: text('name').notNull(),
  report: text('report').notNull(),
  period: text('period').notNull(),
  format: text('format', { enum: ['xlsx', 'csv'] }).notNull().default('xlsx'),
  folder: text('folder').notNull(),
  schedule: text('schedule', { enum: ['daily', 'weekdays', 'weekly', 'monthly'] }).notNull(),
  /** Local time of day the run is due ("HH:MM"). */
  runAt: text('run_at').notNull().default('08:00'),
  /** weekly: ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: integer('weekday'),
  /** monthly: day 1–31 (a shorter month runs on its last day). */
  monthDay: integer('month_day'),
  params: text('params').notNull().default('{}'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  lastRunAt: integer('last_run_at'),
  lastResult: text('last_result'),
  nextRunAt: integer('next_run_at'),
  ...auditColumns(),
});
