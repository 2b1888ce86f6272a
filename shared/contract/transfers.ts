import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, reasonSchema, repStatusSchema, timestampSchema } from './common';
import { decisionPanelSchema, rowLimitSchema } from './decision';

/** At most this many accounts in one transfer (a 100,000-account rebalance goes through auto-allocation). */
export const MAX_TRANSFER = 20_000;

const accountIdsSchema = z.array(idSchema).min(1).max(MAX_TRANSFER);

export const transferTargetSchema = z.object({ id: z.string(), name: z.string(), status: repStatusSchema, capacity: z.number().int().nullable() });

export const journalResultSchema = z.object({
  /** The undoable journal entry; null when nothing changed. */
  journalId: z.string().nullable(),
  changed: z.number().int(),
});

export const transferHistoryRowSchema = z.object({
  id: z.string(),
  at: timestampSchema,
  kind: z.string(),
  fromRepId: z.string().nullable(),
  fromName: z.string().nullable(),
  toRepId: z.string().nullable(),
  toName: z.string().nullable(),
  reason: z.string(),
  by: z.string().nullable(),
  journalId: z.string().nullable(),
  undoneAt: timestampSchema.nullable(),
});

export const transfersContract = {
  'transfers.preview': {
    /** toRepId null: a release to the pool. */
    input: z.object({ accountIds: accountIdsSchema, toRepId: idSchema.nullable(), rowLimit: rowLimitSchema }).strict(),
    output: z.object({ target: transferTargetSchema.nullable(), panel: decisionPanelSchema, unchanged: z.number().int() }),
    summary: 'Decision panel for a transfer (or a release to the pool): receivables, cases and last follow-up per account, rep loads before → after',
  },
  'transfers.apply': {
    input: z.object({ accountIds: accountIdsSchema, toRepId: idSchema, reason: reasonSchema }).strict(),
    output: journalResultSchema.extend({ unchanged: z.number().int() }),
    summary: 'Transfer accounts to a rep with a reason (one undoable journal entry)',
  },
  'transfers.history': {
    input: z.object({ accountId: idSchema, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(transferHistoryRowSchema),
    summary: "An account's owner history",
  },
} satisfies ContractShape;
