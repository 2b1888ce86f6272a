import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idColumn } from './columns';

export const JOURNAL_KINDS = ['bulk_transfer', 'auto_allocate', 'pool_reclaim', 'handover', 'import', 'bulk_edit', 'pool_claim', 'pool_release'] as const;

/**
 * One undoable operation (a bulk transfer, an auto-allocation apply, a reclaim run, an import …).
 * Its items hold each touched row's state before and after, and the version the row had right after
 * the operation: undo is refused when a row's version moved on since (a later edit would be lost).
 */
export const journals = sqliteTable(
  'journals',
  {
    id: idColumn(),
    kind: text('kind', { enum: JOURNAL_KINDS }).notNull(),
    summary: text('summary').notNull(),
    itemCount: integer('item_count').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    undoneAt: integer('undone_at'),
    undoneBy: text('undone_by'),
  },
  (t) => [index('journals_created_idx').on(t.createdAt), index('journals_kind_idx').on(t.kind, t.createdAt)],
);

export const journalItems = sqliteTable(
  'journal_items',
  {
    id: idColumn(),
    journalId: text('journal_id').notNull().references(() => journals.id),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    /** JSON of the row before (null for create). */
    before: text('before'),
    /** JSON of the row after (null for delete). */
    after: text('after'),
    afterVersion: integer('after_version'),
  },
  // Items are read by journal only (list, conflicts, undo); an index by entity would cost every item
  // written (100,000 in an allocation apply) and serve no query.
  (t) => [index('journal_items_journal_idx').on(t.journalId)],
);
