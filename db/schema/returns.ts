import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { auditColumns, idColumn } from './columns';
import { orderLines, orders } from './orders';

/** 退货: references an order and its lines (quantity ≤ shipped); the refund is a negative payment. */
export const returns = sqliteTable(
  'returns',
  {
    id: idColumn(),
    returnNo: text('return_no').notNull(),
    orderId: text('order_id').notNull().references(() => orders.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    returnedOn: text('returned_on').notNull(),
    reason: text('reason').notNull(),
    amountFen: integer('amount_fen').notNull(),
    refundFen: integer('refund_fen').notNull().default(0),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('returns_no_uq').on(t.returnNo), index('returns_order_idx').on(t.orderId), index('returns_account_idx').on(t.accountId, t.returnedOn)],
);

export const returnLines = sqliteTable(
  'return_lines',
  {
    id: idColumn(),
    returnId: text('return_id').notNull().references(() => returns.id),
    orderLineId: text('order_line_id').notNull().references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('return_lines_return_idx').on(t.returnId), index('return_lines_line_idx').on(t.orderLineId)],
);
