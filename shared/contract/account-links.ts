import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, shortText } from './common';

export const tagSchema = z.object({ id: z.string(), name: z.string(), color: z.string().nullable(), accountCount: z.number().int() });

export const accountLinksContract = {
  'accounts.resolve': {
    input: z.object({ refs: z.array(shortText(64).min(1)).min(1).max(100_000) }).strict(),
    output: z.object({ ids: z.array(z.string()), missing: z.array(z.string()) }),
    summary: 'Account ids for ids or account codes (KH-000123), in order; unknown ones listed',
  },
  'accounts.setTags': {
    input: z.object({ id: idSchema, tags: z.array(shortText(30).min(1)).max(30) }).strict(),
    output: z.object({ tags: z.array(z.string()) }),
    summary: "Replace an account's tags (new tag names are created)",
  },
  'accounts.setFollowers': {
    input: z.object({ id: idSchema, repIds: z.array(idSchema).max(20) }).strict(),
    output: z.object({ followers: z.array(z.object({ repId: z.string(), name: z.string() })) }),
    summary: "Replace an account's co-followers (协同跟进人)",
  },
  'tags.list': { input: z.object({}).strict(), output: z.array(tagSchema) },
} satisfies ContractShape;
