import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, isoDateSchema, reasonSchema, repStatusSchema, shortText, versionSchema } from './common';
import { decisionPanelSchema, rowLimitSchema } from './decision';
import { repSchema } from './reference';

const nullableText = (max: number) => shortText(max).nullable().optional();

export const repInputSchema = z
  .object({
    name: shortText(50).min(1),
    employeeNo: nullableText(30),
    phone: nullableText(40),
    email: nullableText(100),
    status: repStatusSchema.optional(),
    capacity: z.number().int().min(0).max(1_000_000).nullable().optional(),
    specialities: z.array(shortText(50).min(1)).max(50).optional(),
    territoryId: idSchema.nullable().optional(),
    /** Territories covered besides the primary one. */
    extraTerritoryIds: z.array(idSchema).max(100).optional(),
    joinedOn: isoDateSchema.nullable().optional(),
    notes: nullableText(2000),
  })
  .strict();

export const repDetailSchema = repSchema.extend({
  extraTerritoryIds: z.array(z.string()),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  notes: z.string().nullable(),
  dueFollowups: z.number().int(),
  reclaimReminders: z.number().int(),
});

export const handoverModeSchema = z.enum(['rules', 'pool', 'rep']);
const handoverInput = z.object({
  repId: idSchema,
  /** rules: the saved auto-allocation rules place each account; pool: all to the pool; rep: all to toRepId. */
  mode: handoverModeSchema,
  toRepId: idSchema.optional(),
});

export const repsContract = {
  'reps.get': { input: z.object({ id: idSchema }).strict(), output: repDetailSchema },
  'reps.resolve': {
    input: z.object({ ref: shortText(100).min(1) }).strict(),
    output: repSchema,
    summary: 'Find a rep by id, employee number or exact name',
  },
  'reps.create': { input: repInputSchema, output: repDetailSchema },
  'reps.update': {
    input: z.object({ id: idSchema, version: versionSchema, patch: repInputSchema.partial().strict() }).strict(),
    output: repDetailSchema,
    summary: 'Edit a rep (status to "left" only through the handover when the rep still holds accounts)',
  },
  'reps.handoverPreview': {
    input: handoverInput.extend({ rowLimit: rowLimitSchema }).strict(),
    output: z.object({ fingerprint: z.string(), panel: decisionPanelSchema }),
    summary: "Where a leaving rep's accounts would go (decision panel)",
  },
  'reps.handover': {
    input: handoverInput
      .extend({ reason: reasonSchema, setStatus: z.enum(['left', 'paused']).nullable().default('left'), leftOn: isoDateSchema.optional(), expectFingerprint: z.string().max(64).optional() })
      .strict(),
    output: z.object({ journalId: z.string().nullable(), changed: z.number().int(), toPool: z.number().int() }),
    summary: "Move a leaving rep's accounts by rule, to a rep or to the pool (one undoable journal entry)",
  },
} satisfies ContractShape;
