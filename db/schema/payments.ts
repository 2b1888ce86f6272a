import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { auditColumns, deletedAtColumn, idColumn } from './columns';
import { orders } from './orders';
import { returns } from './returns';

export const PAYMENT_METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay', 'other'] as const;

/** 回款计划: instalments of an order with due dates. Overdue from the day after due_on while unpaid. */
export const instalments = sqliteTable(
  'instalments',
  {
    id: idColumn(),
    orderId: text('order_id').notNull().references(() => orders.id),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    dueOn: text('due_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidFen: integer('paid_fen').notNull().default(0),
    /** The part of the order's returns that cancels this instalment (latest-due first; see shared/domain/receivables). */
    returnedFen: integer('returned_fen').notNull().default(0),
    /** A plan edit after confirmation supersedes the old rows (kept for as-of reports) and adds new ones from that date. */
    effectiveOn: text('effective_on'),
    supersededOn: text('superseded_on'),
    /** The date the instalment became fully paid (for "paid late" / broken promise analysis). */
    paidOn: text('paid_on'),
    ...auditColumns(),
  },
  (t) => [
    index('instalments_order_idx').on(t.orderId, t.seq),
    /** Covers the credit instalment pass: an order's current instalments by due date with their money and paid-on date. */
    index('instalments_credit_idx').on(t.orderId, t.dueOn, t.amountFen, t.paidFen, t.returnedFen, t.paidOn).where(sql`${t.supersededOn} is null`),
    index('instalments_open_due_idx').on(t.dueOn).where(sql`${t.paidFen} < ${t.amountFen}`),
    /** Covers the AR aging scan: open rows of the current plans, in order id order (for the join to orders). */
    index('instalments_open_order_idx')
      .on(t.orderId, t.dueOn, t.amountFen, t.paidFen, t.returnedFen, t.supersededOn)
      .where(sql`${t.paidFen} < ${t.amountFen} and ${t.supersededOn} is null`),
    /** Open rows of the current plans by due date: the overdue list and its count read only the index (and the order's). */
    index('instalments_overdue_idx')
      .on(t.dueOn, t.orderId, t.amountFen, t.paidFen, t.returnedFen, t.supersededOn)
      .where(sql`${t.paidFen} < ${t.amountFen} and ${t.supersededOn} is null`),
  ],
);

/**
 * 回款: money received from an account (negative amount = a refund paid out). What is not allocated to
 * orders stays as the account's credit (unallocated_fen) and can be allocated later.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: idColumn(),
    paymentNo: text('payment_no').notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    receivedOn: text('received_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    kind: text('kind', { enum: ['receipt', 'refund'] }).notNull().default('receipt'),
    reference: text('reference'),
    returnId: text('return_id').references(() => returns.id),
    unallocatedFen: integer('unallocated_fen').notNull().default(0),
    notes: text('notes'),
    ...auditColumns(),
    deletedAt: deletedAtColumn(),
  },
  (t) => [
    uniqueIndex('payments_no_uq').on(t.paymentNo),
    index('payments_account_idx').on(t.accountId, t.receivedOn),
    index('payments_received_idx').on(t.receivedOn),
    /** Accounts holding unallocated money (credit), for aging as of today and the allocation screens. */
    index('payments_credit_idx').on(t.accountId, t.unallocatedFen).where(sql`${t.unallocatedFen} <> 0 and ${t.deletedAt} is null`),
    /** Collections by month (dashboard): a month's receipts are one range of this index, nothing else read. */
    index('payments_receipts_idx').on(t.receivedOn, t.kind, t.amountFen, t.deletedAt).where(sql`${t.deletedAt} is null`),
  ],
);

export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: idColumn(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    orderId: text('order_id').notNull().references(() => orders.id),
    instalmentId: text('instalment_id').references(() => instalments.id),
    amountFen: integer('amount_fen').notNull(),
    allocatedOn: text('allocated_on').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [
    index('payment_allocations_payment_idx').on(t.paymentId),
    /** By order, covering the credit collection pass (when and how much). */
    index('payment_allocations_order_idx').on(t.orderId, t.allocatedOn, t.amountFen),
    index('payment_allocations_instalment_idx').on(t.instalmentId),
    /** Covers "paid on this instalment as of a date" for the aging replay. */
    index('payment_allocations_asof_idx').on(t.instalmentId, t.allocatedOn, t.amountFen),
  ],
);
