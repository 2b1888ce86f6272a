import { integer, text } from 'drizzle-orm/sqlite-core';

/** Time-ordered text ids (ULID): rows made on different desktops can later meet without collisions. */
export const idColumn = () => text('id').primaryKey();

/** Every mutable row: who and when, and an integer version for optimistic concurrency. */
export const auditColumns = () => ({
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  createdBy: text('created_by'),
  updatedBy: text('updated_by'),
  version: integer('version').notNull().default(1),
});

/** Soft delete for business records whose history matters. */
export const deletedAtColumn = () => integer('deleted_at');
