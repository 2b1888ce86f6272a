import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, shortText, versionSchema } from './common';
import { territorySchema } from './reference';

const fields = {
  name: shortText(50).min(1),
  parentId: idSchema.nullable(),
  code: shortText(30).min(1).nullable(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};

export const territoryInputSchema = z
  .object({ ...fields, parentId: fields.parentId.default(null), code: fields.code.default(null), sortOrder: fields.sortOrder.default(0) })
  .strict();

/** No defaults in a patch: zod would fill them in and overwrite what the patch does not mention. */
export const territoryPatchSchema = z.object(fields).partial().strict();

export const territoryUsageSchema = territorySchema.extend({ accountCount: z.number().int(), repCount: z.number().int(), childCount: z.number().int() });

export const territoriesContract = {
  'territories.usage': {
    input: z.object({}).strict(),
    output: z.array(territoryUsageSchema),
    summary: 'The territory tree with accounts and reps attached to each node',
  },
  'territories.create': { input: territoryInputSchema, output: territorySchema },
  'territories.update': {
    input: z.object({ id: idSchema, version: versionSchema, patch: territoryPatchSchema }).strict(),
    output: territorySchema,
    summary: 'Rename, re-code or re-parent a territory (a move under its own subtree is refused)',
  },
  'territories.delete': {
    input: z.object({ id: idSchema, version: versionSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    summary: 'Delete an empty territory (no children, accounts, reps or rules)',
  },
} satisfies ContractShape;
