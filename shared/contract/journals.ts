import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, timestampSchema } from './common';

export const journalKindSchema = z.enum(['bulk_transfer', 'auto_allocate', 'pool_reclaim', 'handover', 'import', 'bulk_edit', 'pool_claim', 'pool_release']);

export const journalSchema = z.object({
  id: z.string(),
  kind: journalKindSchema,
  summary: z.string(),
  itemCount: z.number().int(),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
  undoneAt: timestampSchema.nullable(),
  undoneBy: z.string().nullable(),
  /** Rows changed since the operation: undo would lose those changes and is refused. */
  conflicts: z.number().int(),
});
export type Journal = z.output<typeof journalSchema>;

export const journalItemSchema = z.object({
  entityType: z.string(),
  entityId: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  changedSince: z.boolean(),
});

export const journalsContract = {
  'journals.list': {
    input: z.object({ kind: journalKindSchema.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(journalSchema) }),
    summary: 'Undoable operations, newest first',
  },
  'journals.get': {
    input: z.object({ id: idSchema, limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: journalSchema.extend({ items: z.array(journalItemSchema) }),
  },
  'journals.undo': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ journalId: z.string(), restored: z.number().int() }),
    summary: 'Undo a whole operation (refused, with the reason, if later changes would be lost)',
  },
} satisfies ContractShape;
