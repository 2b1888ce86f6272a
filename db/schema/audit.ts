import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only audit log: who, when, what, before → after. Triggers created by the migrations refuse
 * UPDATE and DELETE on this table, so not even a bug in the app can rewrite history.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
    userId: text('user_id'),
    userName: text('user_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    reason: text('reason'),
    journalId: text('journal_id'),
  },
  // No index on journal_id: nothing reads the log by journal (undo reads journal_items), and every
  // index costs each of the 100,000 rows an allocation apply appends.
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at), index('audit_log_at_idx').on(t.at)],
);
