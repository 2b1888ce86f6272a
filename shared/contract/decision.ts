import { z } from 'zod';
import { TRANSFER_WARNINGS } from '../domain/transfer-impact';
import { fenSchema, repStatusSchema } from './common';

/**
 * The decision panel: shown before any owner change is applied (a transfer, an auto-allocation, a
 * reclaim run, a handover). Per account its money and cases; per rep the load before → after.
 */
export const decisionRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  fromRepId: z.string().nullable(),
  fromName: z.string().nullable(),
  toRepId: z.string().nullable(),
  toName: z.string().nullable(),
  openReceivableFen: fenSchema,
  overdueFen: fenSchema,
  maxOverdueDays: z.number().int(),
  openCases: z.number().int(),
  lastFollowupOn: z.string().nullable(),
  daysSinceFollowup: z.number().int().nullable(),
  warnings: z.array(z.enum(TRANSFER_WARNINGS)),
  /** Applied only with an explicit confirmation (reclaim of an account with money or cases open). */
  needsConfirmation: z.boolean(),
  /** Why this owner: the rule's name, the reclaim trigger, "fallback" … */
  note: z.string().nullable(),
});
export type DecisionRow = z.output<typeof decisionRowSchema>;

export const repImpactSchema = z.object({
  repId: z.string(),
  name: z.string(),
  status: repStatusSchema,
  capacity: z.number().int().nullable(),
  accountsBefore: z.number().int(),
  accountsAfter: z.number().int(),
  receivableBefore: fenSchema,
  receivableAfter: fenSchema,
  casesBefore: z.number().int(),
  casesAfter: z.number().int(),
  overCapacity: z.boolean(),
});
export type RepImpactRow = z.output<typeof repImpactSchema>;

export const decisionPanelSchema = z.object({
  /** Accounts that change hands, riskiest first (overdue, open cases), at most rowLimit of them. */
  rows: z.array(decisionRowSchema),
  /** How many accounts change hands in all (rows may be fewer). */
  rowCount: z.number().int(),
  totals: z.object({
    withOverdue: z.number().int(),
    withOpenCases: z.number().int(),
    openReceivableFen: fenSchema,
    overdueFen: fenSchema,
    openCases: z.number().int(),
    toPool: z.number().int(),
  }),
  reps: z.array(repImpactSchema),
});
export type DecisionPanel = z.output<typeof decisionPanelSchema>;

export const rowLimitSchema = z.number().int().min(0).max(5000).default(500);
