import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { idSchema, isoDateSchema, shortText, timestampSchema, versionSchema } from './common';

export const FOLLOWUP_KIND_VALUES = ['call', 'visit', 'wechat', 'email', 'meeting'] as const;
export const followupKindSchema = z.enum(FOLLOWUP_KIND_VALUES);

export const followupSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  repId: z.string().nullable(),
  repName: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  kind: followupKindSchema,
  occurredOn: z.string(),
  notes: z.string(),
  nextStep: z.string().nullable(),
  nextOn: z.string().nullable(),
  nextDone: z.boolean(),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
  version: versionSchema,
});
export type Followup = z.output<typeof followupSchema>;

export const followupsContract = {
  'followups.add': {
    input: z
      .object({
        accountId: idSchema,
        kind: followupKindSchema,
        /** Default: today. Not in the future. */
        occurredOn: isoDateSchema.optional(),
        notes: shortText(2000).min(1),
        nextStep: shortText(500).nullable().optional(),
        nextOn: isoDateSchema.nullable().optional(),
        /** Who followed up; default: the account's owner. */
        repId: idSchema.nullable().optional(),
        contactId: idSchema.nullable().optional(),
      })
      .strict(),
    output: followupSchema,
    summary: 'Log a call / visit / WeChat / email / meeting; moves the last follow-up (and the pool clock)',
  },
  'followups.list': {
    input: z.object({ accountId: idSchema, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(followupSchema),
  },
  'followups.due': {
    input: z.object({ repId: idSchema.optional(), until: isoDateSchema.optional(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(followupSchema.extend({ overdueDays: z.number().int() })) }),
    summary: 'Next steps due up to a date (default today), per rep or all, oldest first',
  },
  'followups.complete': {
    input: z.object({ id: idSchema, version: versionSchema }).strict(),
    output: followupSchema,
    summary: 'Mark a next step done',
  },
} satisfies ContractShape;
