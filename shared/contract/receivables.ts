import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { fenSchema, idSchema, isoDateSchema } from './common';

export const agingGroupBySchema = z.enum(['account', 'rep', 'territory']);

export const agingRowSchema = z.object({
  /** Account / rep / territory id; null for "no rep" or "no territory". */
  id: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  /** Open amounts per bucket, in the order of `buckets`. */
  bucketsFen: z.array(fenSchema),
  totalFen: fenSchema,
  overdueFen: fenSchema,
  /** Money received but not allocated as of the date (accounts only; 0 otherwise). */
  creditFen: fenSchema,
  documents: z.number().int(),
});

export const agingReportSchema = z.object({
  asOf: z.string(),
  groupBy: agingGroupBySchema,
  buckets: z.array(z.object({ key: z.string(), label: z.string(), minDays: z.number().int(), maxDays: z.number().int().nullable() })),
  rows: z.array(agingRowSchema),
  /** Rows in the report before the limit. */
  rowCount: z.number().int(),
  totals: z.object({ bucketsFen: z.array(fenSchema), totalFen: fenSchema, overdueFen: fenSchema, creditFen: fenSchema }),
});
export type AgingReport = z.output<typeof agingReportSchema>;

export const agingDocumentSchema = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  repName: z.string().nullable(),
  instalmentId: z.string(),
  seq: z.number().int(),
  label: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  bucket: z.string(),
  amountFen: fenSchema,
  openFen: fenSchema,
});

export const dsoRowSchema = z.object({
  id: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  collectedFen: fenSchema,
  /** Amount-weighted days from confirmation to collection; null without collections. */
  avgDaysToCollect: z.number().nullable(),
  salesFen: fenSchema,
  openFen: fenSchema,
  dso: z.number().nullable(),
});

export const receivablesContract = {
  'ar.aging': {
    input: z
      .object({
        asOf: isoDateSchema.optional(),
        groupBy: agingGroupBySchema.default('account'),
        repId: idSchema.optional(),
        territoryId: idSchema.optional(),
        accountId: idSchema.optional(),
        limit: z.number().int().min(1).max(200_000).default(1000),
      })
      .strict(),
    output: agingReportSchema,
    summary: 'AR aging as of any date (from history), by account, rep or territory',
  },
  'ar.agingDetail': {
    input: z
      .object({
        asOf: isoDateSchema.optional(),
        groupBy: agingGroupBySchema.default('account'),
        /** The row's id; null for the "no rep" / "no territory" row. */
        groupId: idSchema.nullable(),
        /** A bucket key (e.g. "31-60"); omitted: every bucket. */
        bucket: z.string().max(20).optional(),
        limit: z.number().int().min(1).max(20_000).default(2000),
      })
      .strict(),
    output: z.object({ asOf: z.string(), documents: z.array(agingDocumentSchema), totalFen: fenSchema }),
    summary: 'The instalments behind one cell of the aging report',
  },
  'ar.dso': {
    input: z
      .object({ asOf: isoDateSchema.optional(), months: z.union([z.literal(3), z.literal(6), z.literal(12)]).default(3), groupBy: z.enum(['account', 'rep']).default('rep'), limit: z.number().int().min(1).max(200_000).default(1000) })
      .strict(),
    output: z.object({ asOf: z.string(), from: z.string(), months: z.number().int(), rows: z.array(dsoRowSchema) }),
    summary: 'Days-to-collect and DSO per account or rep over the last 3/6/12 months',
  },
} satisfies ContractShape;
