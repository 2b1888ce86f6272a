import { z } from 'zod';
import { MEASURES } from '../domain/target-measures';
import { isPeriodText, parsePeriodKey } from '../domain/periods';
import type { ContractShape } from '../rpc/types';
import { idSchema, timestampSchema, versionSchema } from './common';

export const measureSchema = z.enum(MEASURES);
/** A canonical period key: "2026-10", "2026-Q3", "2026". */
export const periodKeySchema = z
  .string()
  .trim()
  .max(10)
  .refine((s) => parsePeriodKey(s) !== null, { message: 'expected a period like 2026-10, 2026-Q3 or 2026' })
  .transform((s) => parsePeriodKey(s)!.key);
/** A period key or a relative word (last-month, this-quarter …) resolved against today. */
export const periodTextSchema = z
  .string()
  .trim()
  .max(20)
  .refine(isPeriodText, { message: 'expected a period: 2026-10, 2026-Q3, 2026, this-month, last-month, this-quarter, last-quarter, this-year or last-year' });

export const targetRowSchema = z.object({
  id: z.string(),
  repId: z.string().nullable(),
  repName: z.string().nullable(),
  territoryId: z.string().nullable(),
  territoryName: z.string().nullable(),
  periodKind: z.enum(['month', 'quarter', 'year']),
  period: z.string(),
  measure: measureSchema,
  value: z.number().int(),
  split: z.enum(['even', 'seasonal']),
  version: versionSchema,
  updatedAt: timestampSchema,
});
export type TargetRow = z.output<typeof targetRowSchema>;

export const targetUpsertItemSchema = z
  .object({
    repId: idSchema.nullish(),
    territoryId: idSchema.nullish(),
    period: periodKeySchema,
    measure: measureSchema,
    /** Fen for money measures, a count otherwise; null removes the target. */
    value: z.number().int().min(0).max(1e13).nullable(),
    split: z.enum(['even', 'seasonal']).optional(),
    /** The version the grid showed; a newer one in the database refuses the whole batch. */
    version: versionSchema.optional(),
  })
  .strict();
export type TargetUpsertItem = z.output<typeof targetUpsertItemSchema>;

export const periodInfoSchema = z.object({ key: z.string(), kind: z.enum(['month', 'quarter', 'year']), start: z.string(), end: z.string(), label: z.string() });

export const measureAttainmentSchema = z.object({
  measure: measureSchema,
  actual: z.number(),
  target: z.number().nullable(),
  ratio: z.number().nullable(),
  ptdTarget: z.number().nullable(),
  ptdRatio: z.number().nullable(),
  forecast: z.number().nullable(),
  forecastRatio: z.number().nullable(),
  targetSet: z.boolean(),
  band: z.enum(['red', 'amber', 'green', 'none']),
});
export type MeasureAttainment = z.output<typeof measureAttainmentSchema>;

export const attainmentRowSchema = z.object({
  repId: z.string().nullable(),
  territoryId: z.string().nullable(),
  name: z.string(),
  territoryName: z.string().nullable(),
  measures: z.array(measureAttainmentSchema),
});
export type AttainmentRow = z.output<typeof attainmentRowSchema>;

export const attainmentSchema = z.object({
  period: periodInfoSchema,
  asOf: z.string(),
  reps: z.array(attainmentRowSchema),
  territories: z.array(attainmentRowSchema.extend({ depth: z.number().int(), targetFrom: z.enum(['node', 'reps', 'none']) })),
});
export type AttainmentResult = z.output<typeof attainmentSchema>;

export const leaderboardRowSchema = z.object({
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  change: z.number().int().nullable(),
  repId: z.string(),
  repName: z.string(),
  territoryName: z.string().nullable(),
  actual: z.number(),
  target: z.number().nullable(),
  ratio: z.number().nullable(),
  previousActual: z.number(),
  previousRatio: z.number().nullable(),
});
export type LeaderboardRow = z.output<typeof leaderboardRowSchema>;

export const leaderboardSchema = z.object({
  period: periodInfoSchema,
  previousPeriod: periodInfoSchema,
  measure: measureSchema,
  by: z.enum(['attainment', 'amount']),
  asOf: z.string(),
  rows: z.array(leaderboardRowSchema),
});
export type LeaderboardResult = z.output<typeof leaderboardSchema>;

export const scorecardSchema = z.object({
  period: periodInfoSchema,
  asOf: z.string(),
  rep: z.object({ id: z.string(), name: z.string(), territoryName: z.string().nullable(), status: z.string() }),
  measures: z.array(measureAttainmentSchema.extend({ rank: z.number().int().nullable(), rankOf: z.number().int() })),
  /** The same measures' actuals (and ratio to target) over the previous periods, oldest first. */
  trend: z.array(z.object({ period: periodInfoSchema, values: z.array(z.object({ measure: measureSchema, actual: z.number(), target: z.number().nullable(), ratio: z.number().nullable() })) })),
  book: z.object({
    accounts: z.number().int(),
    openReceivableFen: z.number(),
    overdueFen: z.number(),
    overdueShare: z.number().nullable(),
    openCases: z.number().int(),
    avgDaysSinceFollowup: z.number().nullable(),
    maxDaysSinceFollowup: z.number().int().nullable(),
    neverFollowedUp: z.number().int(),
    staleOver30Days: z.number().int(),
  }),
});
export type Scorecard = z.output<typeof scorecardSchema>;

export const targetsContract = {
  'targets.list': {
    input: z
      .object({
        year: z.number().int().min(2000).max(2100).optional(),
        repId: idSchema.optional(),
        territoryId: idSchema.optional(),
        measure: measureSchema.optional(),
      })
      .strict(),
    output: z.array(targetRowSchema),
    summary: 'Targets as set (month, quarter and year rows)',
  },
  'targets.upsert': {
    input: z.object({ items: z.array(targetUpsertItemSchema).min(1).max(5000) }).strict(),
    output: z.object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), unchanged: z.number().int() }),
    summary: 'Set, change or remove many targets at once (one transaction; the grid editor saves through this)',
  },
  'targets.attainment': {
    input: z.object({ period: periodTextSchema, repId: idSchema.optional(), territoryId: idSchema.optional() }).strict(),
    output: attainmentSchema,
    summary: 'Actual vs target per rep and territory, period-to-date and full period, with run-rate forecast',
  },
  'targets.leaderboard': {
    input: z.object({ period: periodTextSchema, measure: measureSchema.default('sales'), by: z.enum(['attainment', 'amount']).default('attainment') }).strict(),
    output: leaderboardSchema,
    summary: 'Reps ranked by attainment or amount, with the change since the previous period',
  },
  'targets.scorecard': {
    input: z.object({ period: periodTextSchema, repId: idSchema, trendPeriods: z.number().int().min(0).max(12).default(3) }).strict(),
    output: scorecardSchema,
    summary: "One rep's measures, trend, rank and book health",
  },
} satisfies ContractShape;
