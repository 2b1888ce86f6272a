import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { fenSchema, idSchema, pageOf } from './common';
import { gridQuerySchema } from './grid';

/** One open instalment (回款计划) of a confirmed order: what is still owed on it and since when. */
export const openInstalmentRowSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  repName: z.string().nullable(),
  seq: z.number().int(),
  label: z.string(),
  dueOn: z.string(),
  /** Days past the due date today (0 while not yet due). */
  daysOverdue: z.number().int(),
  amountFen: fenSchema,
  paidFen: fenSchema,
  openFen: fenSchema,
});
export type OpenInstalmentRow = z.output<typeof openInstalmentRowSchema>;

/** Columns the instalments grid may sort and filter on. */
export const INSTALMENT_GRID_COLUMNS = ['orderNo', 'accountCode', 'accountName', 'repName', 'label', 'dueOn', 'daysOverdue', 'amountFen', 'paidFen', 'openFen'] as const;

export const instalmentsContract = {
  'ar.instalments': {
    input: gridQuerySchema.extend({
      filter: z
        .object({
          /** Only instalments past their due date (催收 list; the dashboard's "overdue instalments"). */
          overdue: z.boolean().optional(),
          accountId: idSchema.optional(),
        })
        .strict()
        .default({}),
    }),
    output: pageOf(openInstalmentRowSchema).extend({ openFen: fenSchema }),
    summary: 'Open instalments of confirmed orders (optionally only overdue ones), oldest due first, with the open total',
  },
} satisfies ContractShape;
