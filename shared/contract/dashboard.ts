import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { fenSchema } from './common';

const localized = z.object({ zh: z.string(), en: z.string() });
const count = z.number().int().nonnegative();

/** Today's work: each count equals the row count of the grid its card opens (shared/domain/work-queues). */
export const workCountsSchema = z.object({
  pool: count,
  reclaimSoon: count,
  followupsDue: count,
  creditPending: count,
  creditNewHolds: count,
  creditOverLimit: count,
  creditTempExpiring: count,
  casesBreached: count,
  casesAboutToBreach: count,
  overdueInstalments: count,
});
export type WorkCounts = z.output<typeof workCountsSchema>;

export const dashboardSummarySchema = z.object({
  today: z.string(),
  counts: workCountsSchema,
  /** What the overdue instalments still owe. */
  overdueFen: fenSchema,
  /** The last 12 months up to this one: sales and collections against the sum of the reps' targets (null: none set). */
  months: z.array(z.object({ month: z.string(), salesFen: fenSchema, collectionsFen: fenSchema, salesTargetFen: fenSchema.nullable(), collectionsTargetFen: fenSchema.nullable() })),
  /** This month's sales attainment per rep with a target, highest first; reps still working here without a target are only counted. */
  attainment: z.object({
    period: z.string(),
    reps: z.array(z.object({ repId: z.string(), name: z.string(), actualFen: fenSchema, targetFen: fenSchema, ratio: z.number() })),
    withoutTarget: count,
  }),
  /** AR aging as of today: the buckets, the whole book, and the reps with the most open (the rest summed in `others`). */
  aging: z.object({
    buckets: z.array(z.object({ key: z.string(), label: localized, minDays: z.number().int(), maxDays: z.number().int().nullable() })),
    totalsFen: z.array(fenSchema),
    reps: z.array(z.object({ repId: z.string().nullable(), name: z.string(), bucketsFen: z.array(fenSchema) })),
    othersFen: z.array(fenSchema),
  }),
  /** Open cases by priority and SLA state (the same conditions as the cases grid's SLA filter). */
  caseSla: z.array(z.object({ priority: z.string(), breached: count, aboutToBreach: count, onTrack: count, paused: count, noClock: count })),
});
export type DashboardSummary = z.output<typeof dashboardSummarySchema>;

export const dashboardContract = {
  'dashboard.summary': {
    input: z.object({}).strict(),
    output: dashboardSummarySchema,
    summary: "工作台: today's work counts (each opens its filtered grid) and the chart data, in one call",
  },
} satisfies ContractShape;
