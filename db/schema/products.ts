import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns, deletedAtColumn, idColumn } from './columns';

export const products = sqliteTable(
  'products',
  {
    id: idColumn(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    spec: text('spec'),
    unit: text('unit').notNull().default('件'),
    category: text('category'),
    /** List price, tax included (含税单价). */
    unitPriceFen: integer('unit_price_fen').notNull().default(0),
    taxRateBp: integer('tax_rate_bp').notNull().default(1300),
    warrantyMonths: integer('warranty_months').notNull().default(12),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [uniqueIndex('products_sku_uq').on(t.sku), index('products_name_idx').on(t.name)],
);
