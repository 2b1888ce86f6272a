import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditColumns, idColumn } from './columns';
import { journals } from './journals';

export const IMPORT_KINDS = ['accounts', 'reps', 'followups', 'orders', 'payments', 'targets'] as const;

/** One committed import: the file it came from and its journal (what it created/changed, for undo). */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: idColumn(),
    journalId: text('journal_id').references(() => journals.id),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    sheet: text('sheet'),
    headerRow: integer('header_row'),
    encoding: text('encoding'),
    /** JSON: the column mapping and options used. */
    mapping: text('mapping').notNull().default('{}'),
    onDuplicate: text('on_duplicate', { enum: ['skip', 'update', 'create'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    undoneAt: integer('undone_at'),
    undoneBy: text('undone_by'),
  },
  (t) => [index('import_batches_created_idx').on(t.createdAt)],
);

/** A remembered column mapping for a sender / file shape, proposed when the same shape comes again. */
export const importTemplates = sqliteTable(
  'import_templates',
  {
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    /** Hash of the normalised header row: the "shape" a file is recognised by. */
    shapeKey: text('shape_key').notNull(),
    sender: text('sender'),
    mapping: text('mapping').notNull(),
    options: text('options').notNull().default('{}'),
    lastUsedAt: integer('last_used_at'),
    ...auditColumns(),
  },
  (t) => [index('import_templates_shape_idx').on(t.kind, t.shapeKey)],
);
