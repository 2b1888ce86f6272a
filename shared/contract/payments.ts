import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { fenSchema, idSchema, isoDateSchema, pageOf, reasonSchema, shortText, timestampSchema } from './common';
import { gridQuerySchema } from './grid';
import { orderDetailSchema, paymentMethodSchema } from './orders';

export const allocationRequestSchema = z
  .object({
    orderId: idSchema,
    /** One instalment of the order; otherwise its instalments oldest due first. */
    instalmentId: idSchema.nullable().optional(),
    /** Omitted: as much as the order owes, up to what is left of the money. */
    amountFen: fenSchema.optional(),
  })
  .strict();

/** Either explicit requests or "auto": the account's open instalments, oldest due first. */
const allocationChoice = {
  allocations: z.array(allocationRequestSchema).max(200).default([]),
  autoAllocate: z.boolean().default(false),
};

export const paymentRowSchema = z.object({
  id: z.string(),
  paymentNo: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  receivedOn: z.string(),
  amountFen: fenSchema,
  method: paymentMethodSchema,
  kind: z.enum(['receipt', 'refund']),
  reference: z.string().nullable(),
  allocatedFen: fenSchema,
  unallocatedFen: fenSchema,
  returnNo: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
});
export type PaymentRow = z.output<typeof paymentRowSchema>;

export const PAYMENT_GRID_COLUMNS = ['paymentNo', 'accountCode', 'accountName', 'receivedOn', 'amountFen', 'method', 'kind', 'reference', 'unallocatedFen', 'createdAt'] as const;

export const allocationSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  paymentNo: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  instalmentId: z.string().nullable(),
  instalmentSeq: z.number().int().nullable(),
  amountFen: fenSchema,
  allocatedOn: z.string(),
});

export const paymentDetailSchema = z.object({
  payment: paymentRowSchema,
  allocations: z.array(allocationSchema),
  /** The account's unallocated credit after this operation (Σ unallocated over its payments). */
  accountCreditFen: fenSchema,
});
export type PaymentDetail = z.output<typeof paymentDetailSchema>;

export const openItemSchema = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  instalmentId: z.string(),
  seq: z.number().int(),
  label: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  openFen: fenSchema,
});

export const paymentsContract = {
  'payments.add': {
    input: z
      .object({
        accountId: idSchema,
        receivedOn: isoDateSchema.optional(),
        amountFen: fenSchema.min(1),
        method: paymentMethodSchema,
        reference: shortText(100).nullable().optional(),
        notes: shortText(1000).nullable().optional(),
        ...allocationChoice,
      })
      .strict(),
    output: paymentDetailSchema,
    summary: 'Record money received and allocate it across orders / instalments; the rest stays as account credit',
  },
  'payments.allocate': {
    input: z.object({ accountId: idSchema, ...allocationChoice }).strict(),
    output: z.object({ allocations: z.array(allocationSchema), accountCreditFen: fenSchema }),
    summary: "Allocate the account's unallocated credit to orders / instalments",
  },
  'payments.refund': {
    input: z
      .object({
        accountId: idSchema,
        amountFen: fenSchema.min(1),
        method: paymentMethodSchema,
        refundedOn: isoDateSchema.optional(),
        reference: shortText(100).nullable().optional(),
        returnId: idSchema.nullable().optional(),
        notes: shortText(1000).nullable().optional(),
      })
      .strict(),
    output: paymentDetailSchema,
    summary: "Pay money back to the account (a negative payment); it comes out of the account's credit",
  },
  'payments.list': {
    input: gridQuerySchema.extend({ filter: z.object({ accountId: idSchema.optional(), kind: z.enum(['receipt', 'refund']).optional(), withCredit: z.boolean().optional() }).strict().default({}) }),
    output: pageOf(paymentRowSchema),
    summary: 'Payments grid',
  },
  'payments.get': { input: z.union([z.object({ id: idSchema }).strict(), z.object({ paymentNo: shortText(40).min(1) }).strict()]), output: paymentDetailSchema },
  'payments.openItems': {
    input: z.object({ accountId: idSchema }).strict(),
    output: z.object({ items: z.array(openItemSchema), creditFen: fenSchema }),
    summary: "An account's open instalments (oldest due first) and unallocated credit, for allocating",
  },
  'returns.create': {
    input: z
      .object({
        orderId: idSchema,
        returnedOn: isoDateSchema.optional(),
        reason: reasonSchema,
        lines: z.array(z.object({ lineId: idSchema, quantity: z.number().int().min(1).max(1_000_000_000) }).strict()).min(1).max(500),
        refund: z.object({ amountFen: fenSchema.min(1), method: paymentMethodSchema, reference: shortText(100).nullable().optional() }).strict().optional(),
      })
      .strict(),
    output: z.object({ returnId: z.string(), returnNo: z.string(), amountFen: fenSchema, refundPaymentNo: z.string().nullable(), order: orderDetailSchema }),
    summary: 'Return shipped goods (quantity ≤ shipped − already returned), optionally refunding money',
  },
} satisfies ContractShape;
