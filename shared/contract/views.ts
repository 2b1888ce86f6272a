import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, shortText, timestampSchema, versionSchema } from './common';

/** A grid state is the grid's own JSON (columns, sort, filters); bounded so that nobody stores megabytes. */
const stateSchema = z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= 100_000, { message: 'view state must be JSON of at most 100 KB' });

export const savedViewSchema = z.object({
  id: z.string(),
  grid: z.string(),
  name: z.string(),
  state: z.unknown(),
  isDefault: z.boolean(),
  updatedAt: timestampSchema,
  version: versionSchema,
});

const gridName = shortText(50).min(1).regex(/^[a-z][a-zA-Z0-9_.-]*$/, 'a grid id like "accounts"');

export const viewsContract = {
  'views.list': { input: z.object({ grid: gridName }).strict(), output: z.array(savedViewSchema), summary: "The signed-in user's saved views of a grid" },
  'views.save': {
    input: z.object({ id: idSchema.optional(), version: versionSchema.optional(), grid: gridName, name: shortText(60).min(1), state: stateSchema, isDefault: z.boolean().default(false) }).strict(),
    output: savedViewSchema,
    summary: 'Create a view, or update one (id + version); one default per grid',
  },
  'views.delete': { input: z.object({ id: idSchema }).strict(), output: z.object({ ok: z.literal(true) }) },
} satisfies ContractShape;
