import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns, deletedAtColumn, idColumn } from './columns';

/** 区域: a tree (华东 > 上海 > 浦东). */
export const territories = sqliteTable(
  'territories',
  {
    id: idColumn(),
    parentId: text('parent_id').references((): AnySQLiteColumn => territories.id),
    name: text('name').notNull(),
    code: text('code'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [index('territories_parent_idx').on(t.parentId), uniqueIndex('territories_code_uq').on(t.code)],
);
