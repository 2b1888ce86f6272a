import { z } from 'zod';
import { ORDER_ACTIONS, ORDER_STATES } from '../domain/order-state';
import type { ContractShape } from '../rpc/types';
import { fenSchema, idSchema, isoDateSchema, nonNegativeFenSchema, pageOf, reasonSchema, shortText, timestampSchema, versionSchema } from './common';
import { gridQuerySchema } from './grid';

export const orderStateSchema = z.enum(ORDER_STATES);
export const orderActionSchema = z.enum(ORDER_ACTIONS);
export const paymentMethodSchema = z.enum(['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay', 'other']);

/** A non-blocking remark for the user (duplicate customer PO …), already in the caller's language. */
export const warningSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type Warning = z.output<typeof warningSchema>;

export const orderLineInputSchema = z
  .object({
    /** A catalogue product, or null for a free-text line. */
    productId: idSchema.nullable().optional(),
    description: shortText(200).optional(),
    quantity: z.number().int().min(1).max(1_000_000_000),
    /** Tax-inclusive unit price in fen; defaults to the product's list price. */
    unitPriceFen: nonNegativeFenSchema.optional(),
    discountBp: z.number().int().min(0).max(10_000).default(0),
    /** Defaults to the product's rate, else 13 %. */
    taxRateBp: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type OrderLineInput = z.output<typeof orderLineInputSchema>;

const orderHeaderFields = {
  repId: idSchema.nullable().optional(),
  orderedOn: isoDateSchema.optional(),
  promisedOn: isoDateSchema.nullable().optional(),
  customerPo: shortText(60).nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(3650).optional(),
  notes: shortText(2000).nullable().optional(),
};

export const orderCreateSchema = z
  .object({
    accountId: idSchema,
    ...orderHeaderFields,
    lines: z.array(orderLineInputSchema).min(1).max(500),
  })
  .strict();
export type OrderCreateInput = z.output<typeof orderCreateSchema>;

export const orderPatchSchema = z
  .object({
    ...orderHeaderFields,
    /** Replaces all lines. */
    lines: z.array(orderLineInputSchema).min(1).max(500).optional(),
  })
  .strict();
export type OrderPatch = z.output<typeof orderPatchSchema>;

export const orderRowSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  repId: z.string().nullable(),
  repName: z.string().nullable(),
  territoryName: z.string().nullable(),
  state: orderStateSchema,
  heldFromState: orderStateSchema.nullable(),
  orderedOn: z.string(),
  promisedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  shippedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  customerPo: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  totalFen: fenSchema,
  taxFen: fenSchema,
  shippedFen: fenSchema,
  billedFen: fenSchema,
  collectedFen: fenSchema,
  returnedFen: fenSchema,
  /** What the order still owes (0 for drafts and cancelled orders). */
  openFen: fenSchema,
  /** Open amount of instalments past their due date today. */
  overdueFen: fenSchema,
  creditStatus: z.string().nullable(),
  updatedAt: timestampSchema,
  version: versionSchema,
});
export type OrderRow = z.output<typeof orderRowSchema>;

export const ORDER_GRID_COLUMNS = [
  'orderNo',
  'accountCode',
  'accountName',
  'repName',
  'territoryName',
  'state',
  'orderedOn',
  'promisedOn',
  'confirmedOn',
  'shippedOn',
  'customerPo',
  'totalFen',
  'shippedFen',
  'collectedFen',
  'returnedFen',
  'openFen',
  'updatedAt',
] as const;

export const orderListFilterSchema = z
  .object({
    states: z.array(orderStateSchema).max(7).optional(),
    repId: idSchema.optional(),
    accountId: idSchema.optional(),
    /** The territory and everything below it. */
    territoryId: idSchema.optional(),
    /** Ordered-on date range (inclusive). */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Only orders with an instalment past due and unpaid today. */
    overdue: z.boolean().optional(),
    /** Only draft orders waiting for a credit decision (credit status needs approval or blocked). */
    creditPending: z.boolean().optional(),
  })
  .strict();
export type OrderListFilter = z.output<typeof orderListFilterSchema>;

export const orderTotalsSchema = z.object({
  count: z.number().int(),
  totalFen: fenSchema,
  shippedFen: fenSchema,
  collectedFen: fenSchema,
  returnedFen: fenSchema,
  openFen: fenSchema,
});

export const orderLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  quantity: z.number().int(),
  unitPriceFen: fenSchema,
  discountBp: z.number().int(),
  taxRateBp: z.number().int(),
  amountFen: fenSchema,
  taxFen: fenSchema,
  shippedQty: z.number().int(),
  returnedQty: z.number().int(),
});

export const instalmentSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  label: z.string(),
  dueOn: z.string(),
  amountFen: fenSchema,
  paidFen: fenSchema,
  returnedFen: fenSchema,
  openFen: fenSchema,
  daysOverdue: z.number().int(),
  paidOn: z.string().nullable(),
});
export type Instalment = z.output<typeof instalmentSchema>;

export const orderDetailSchema = z.object({
  order: orderRowSchema.extend({ notes: z.string().nullable(), createdAt: timestampSchema }),
  /** Percentages 0–100 with one decimal. */
  progress: z.object({ shippedPct: z.number(), billedPct: z.number(), collectedPct: z.number() }),
  allowedActions: z.array(orderActionSchema),
  lines: z.array(orderLineSchema),
  shipments: z.array(z.object({ id: z.string(), shipmentNo: z.string(), shippedOn: z.string(), amountFen: fenSchema, lines: z.array(z.object({ lineNo: z.number().int(), quantity: z.number().int(), amountFen: fenSchema })) })),
  instalments: z.array(instalmentSchema),
  payments: z.array(
    z.object({
      paymentId: z.string(),
      paymentNo: z.string(),
      kind: z.enum(['receipt', 'refund']),
      receivedOn: z.string(),
      method: paymentMethodSchema,
      /** Net amount of this payment allocated to the order. */
      allocatedFen: fenSchema,
    }),
  ),
  returns: z.array(z.object({ id: z.string(), returnNo: z.string(), returnedOn: z.string(), reason: z.string(), amountFen: fenSchema, refundFen: fenSchema, lines: z.array(z.object({ lineNo: z.number().int(), quantity: z.number().int(), amountFen: fenSchema })) })),
  cases: z.array(z.object({ id: z.string(), caseNo: z.string(), title: z.string(), state: z.string(), priority: z.string(), type: z.string() })),
  timeline: z.array(z.object({ at: timestampSchema, action: z.string(), by: z.string().nullable(), reason: z.string().nullable(), detail: z.unknown() })),
});
export type OrderDetail = z.output<typeof orderDetailSchema>;

export const orderResultSchema = z.object({ order: orderDetailSchema, warnings: z.array(warningSchema) });

const orderRef = z.object({ id: idSchema, version: versionSchema });

export const manualInstalmentSchema = z.object({ label: shortText(60).min(1), dueOn: isoDateSchema, amountFen: fenSchema }).strict();

export const ordersContract = {
  'orders.list': {
    input: gridQuerySchema.extend({ filter: orderListFilterSchema.default({}), withTotals: z.boolean().default(true) }),
    output: pageOf(orderRowSchema).extend({ totals: orderTotalsSchema.nullable() }),
    summary: 'Orders grid: sort, column filters, state/rep/account/territory/date/overdue filters and totals of the filtered set',
  },
  'orders.totals': {
    input: gridQuerySchema.pick({ filters: true, search: true }).extend({ filter: orderListFilterSchema.default({}) }),
    output: orderTotalsSchema,
    summary: 'Totals of the orders matching the grid filters (asked for separately so pages stay fast)',
  },
  'orders.get': {
    input: z.union([z.object({ id: idSchema }).strict(), z.object({ orderNo: shortText(40).min(1) }).strict()]),
    output: orderDetailSchema,
    summary: 'An order with its lines, shipments, instalments, payments, returns and cases (by id or order number)',
  },
  'orders.create': { input: orderCreateSchema, output: orderResultSchema, summary: 'Create a draft order; the owner rep defaults to the account owner' },
  'orders.update': { input: orderRef.extend({ patch: orderPatchSchema }).strict(), output: orderResultSchema, summary: 'Edit a draft order (lines replace the old ones)' },
  'orders.delete': { input: orderRef.strict(), output: z.object({ ok: z.literal(true) }), summary: 'Delete a draft order' },
  'orders.confirm': {
    input: orderRef.extend({ confirmedOn: isoDateSchema.optional(), plan: shortText(300).optional() }).strict(),
    output: orderResultSchema,
    summary: 'Confirm a draft: runs the confirmation checks, creates the payment plan (default: all due after the payment terms)',
  },
  'orders.ship': {
    input: orderRef
      .extend({
        shippedOn: isoDateSchema.optional(),
        /** Omitted: everything not yet shipped. */
        lines: z.array(z.object({ lineId: idSchema, quantity: z.number().int().min(1).max(1_000_000_000) }).strict()).min(1).max(500).optional(),
        notes: shortText(500).optional(),
      })
      .strict(),
    output: orderDetailSchema,
    summary: 'Ship some or all of the remaining quantities (billing follows shipment)',
  },
  'orders.complete': { input: orderRef.strict(), output: orderDetailSchema },
  'orders.hold': { input: orderRef.extend({ reason: reasonSchema }).strict(), output: orderDetailSchema },
  'orders.release': { input: orderRef.extend({ reason: reasonSchema.optional() }).strict(), output: orderDetailSchema },
  'orders.cancel': { input: orderRef.extend({ reason: reasonSchema }).strict(), output: orderDetailSchema, summary: 'Cancel an order that has not shipped; allocated money returns to the account credit' },
  'orders.reopen': { input: orderRef.extend({ reason: reasonSchema }).strict(), output: orderDetailSchema, summary: 'Take a completed order back to shipped' },
  'orders.setPlan': {
    input: orderRef
      .extend({ plan: z.union([shortText(300).min(1), z.array(manualInstalmentSchema).min(1).max(60)]) })
      .strict(),
    output: orderDetailSchema,
    summary: 'Replace the payment plan of a confirmed order ("30% on confirmation, 70% net 60" or explicit instalments)',
  },
  'orders.searchProducts': {
    input: z.object({ q: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.array(z.object({ id: z.string(), sku: z.string(), name: z.string(), spec: z.string().nullable(), unit: z.string(), unitPriceFen: fenSchema, taxRateBp: z.number().int(), warrantyMonths: z.number().int() })),
    summary: 'Products for order lines, by SKU or name',
  },
} satisfies ContractShape;
