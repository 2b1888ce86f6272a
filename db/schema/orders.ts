import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { auditColumns, deletedAtColumn, idColumn } from './columns';
import { products } from './products';
import { reps } from './reps';

export const ORDER_STATES = ['draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'on_hold', 'cancelled'] as const;
export const CREDIT_STATUSES = ['pass', 'warn', 'needs_approval', 'blocked', 'overridden'] as const;

/**
 * 订单. Amounts are tax-inclusive fen. The *_fen progress columns are maintained by the order services:
 * shipped and billed (billing follows shipment), collected (payment allocations), returned (returns).
 * Exposure of an active order = total − returned − collected.
 */
export const orders = sqliteTable(
  'orders',
  {
    id: idColumn(),
    orderNo: text('order_no').notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    repId: text('rep_id').references(() => reps.id),
    state: text('state', { enum: ORDER_STATES }).notNull().default('draft'),
    /** The state an on-hold order returns to when released. */
    heldFromState: text('held_from_state', { enum: ORDER_STATES }),
    orderedOn: text('ordered_on').notNull(),
    promisedOn: text('promised_on'),
    confirmedOn: text('confirmed_on'),
    shippedOn: text('shipped_on'),
    completedOn: text('completed_on'),
    cancelledOn: text('cancelled_on'),
    customerPo: text('customer_po'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    totalFen: integer('total_fen').notNull().default(0),
    taxFen: integer('tax_fen').notNull().default(0),
    shippedFen: integer('shipped_fen').notNull().default(0),
    billedFen: integer('billed_fen').notNull().default(0),
    collectedFen: integer('collected_fen').notNull().default(0),
    returnedFen: integer('returned_fen').notNull().default(0),
    creditStatus: text('credit_status', { enum: CREDIT_STATUSES }),
    notes: text('notes'),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [
    uniqueIndex('orders_order_no_uq').on(t.orderNo),
    index('orders_account_idx').on(t.accountId, t.orderedOn),
    index('orders_rep_idx').on(t.repId, t.orderedOn),
    index('orders_state_idx').on(t.state, t.orderedOn),
    index('orders_ordered_idx').on(t.orderedOn),
    index('orders_po_idx').on(t.accountId, t.customerPo),
    /** Covers the order side of the AR aging join (by id: whether it owes money, whose it is); every column the query reads is in it. */
    /** The grid's default order (newest first, id as the tiebreak) straight from an index, even deep into the pages. */
    index('orders_ordered_page_idx').on(sql`${t.orderedOn} desc`, t.id).where(sql`${t.deletedAt} is null`),
    /**
     * Sales by month and by rep (dashboard): the sales date is the confirmation date, else the order
     * date; every column those sums read is in the index, so a month is one range of it. Written as a
     * CASE because drizzle-kit splits an index expression at its commas (coalesce(a, b) comes out broken);
     * queries must use the same expression (SALES_DATE_SQL) for SQLite to match it.
     */
    index('orders_sales_idx')
      .on(sql`(case when ${t.confirmedOn} is null then ${t.orderedOn} else ${t.confirmedOn} end)`, t.state, t.confirmedOn, t.orderedOn, t.repId, t.accountId, t.totalFen, t.deletedAt)
      .where(sql`${t.deletedAt} is null`),
    index('orders_money_idx').on(t.id, t.state, t.confirmedOn, t.accountId, t.repId, t.deletedAt).where(sql`${t.deletedAt} is null`),
    /** Covers the credit passes (services/credit/credit-inputs.ts): an account's orders with their money columns, in account order, without touching the table. */
    index('orders_credit_idx').on(t.accountId, t.id, t.state, t.confirmedOn, t.totalFen, t.billedFen, t.collectedFen, t.returnedFen, t.deletedAt).where(sql`${t.deletedAt} is null and ${t.confirmedOn} is not null`),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: idColumn(),
    orderId: text('order_id').notNull().references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    productId: text('product_id').references(() => products.id),
    description: text('description').notNull(),
    /** Whole units of the product's unit. */
    quantity: integer('quantity').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    taxRateBp: integer('tax_rate_bp').notNull().default(1300),
    /** quantity × unit price − discount, tax included. */
    amountFen: integer('amount_fen').notNull(),
    /** The tax contained in amount_fen. */
    taxFen: integer('tax_fen').notNull().default(0),
    shippedQty: integer('shipped_qty').notNull().default(0),
    returnedQty: integer('returned_qty').notNull().default(0),
    ...auditColumns(),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId, t.lineNo), index('order_lines_product_idx').on(t.productId)],
);

/** A shipment of some order lines; billing follows shipment, so it also records the billed amount. */
export const shipments = sqliteTable(
  'shipments',
  {
    id: idColumn(),
    shipmentNo: text('shipment_no').notNull(),
    orderId: text('order_id').notNull().references(() => orders.id),
    shippedOn: text('shipped_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    notes: text('notes'),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('shipments_no_uq').on(t.shipmentNo), index('shipments_order_idx').on(t.orderId)],
);

export const shipmentLines = sqliteTable(
  'shipment_lines',
  {
    id: idColumn(),
    shipmentId: text('shipment_id').notNull().references(() => shipments.id),
    orderLineId: text('order_line_id').notNull().references(() => orderLines.id),
    quantity: integer('quantity').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('shipment_lines_shipment_idx').on(t.shipmentId), index('shipment_lines_line_idx').on(t.orderLineId)],
);
