import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, shortText, versionSchema } from './common';
import { territorySchema } from './reference';

export const territoryInputSchema = z
  .object({
    name: shortText(50).min(1),
    parentId: idSchema.nullable().default(null),
    code: shortText(30).min(1).nullable().default(null),
    sortOrder: z.number().int().min(-1_000_000).max(1_000_000).default(0),
  })
  .strict();

export const territoryUsageSchema = territorySchema.extend({ accountCount: z.number().int(), repCount: z.number().int(), childCount: z.number().int() });

export const territoriesContract = {
  'territories.usage': {
    input: z.object({}).strict(),
    output: z.array(territoryUsageSchema),
    summary: 'The territory tree with accounts and reps attached to each node',
  },
  'territories.create': { input: territoryInputSchema, output: territorySchema },
  'territories.update': {
    input: z.object({ id: idSchema, version: versionSchema, patch: territoryInputSchema.partial().strict() }).strict(),
    output: territorySchema,
    summary: 'Rename, re-code or re-parent a territory (a move under its own subtree is refused)',
  },
  'territories.delete': {
    input: z.object({ id: idSchema, version: versionSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    summary: 'Delete an empty territory (no children, accounts, reps or rules)',
  },
} satisfies ContractShape;
