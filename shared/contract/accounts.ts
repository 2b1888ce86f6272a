import { z } from 'zod';
import type { ContractShape } from '../rpc/types';
import { dealStatusSchema, fenSchema, idSchema, isoDateSchema, pageOf, shortText, tierSchema, timestampSchema, versionSchema } from './common';
import { ACCOUNT_PRESETS } from '../domain/work-queues';
import { gridQuerySchema } from './grid';

export const accountRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  territoryId: z.string().nullable(),
  territoryName: z.string().nullable(),
  tier: tierSchema,
  source: z.string().nullable(),
  dealStatus: dealStatusSchema,
  accountGroup: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  ownerRepId: z.string().nullable(),
  ownerName: z.string().nullable(),
  lastFollowupOn: z.string().nullable(),
  daysSinceFollowup: z.number().int().nullable(),
  nextFollowupOn: z.string().nullable(),
  lastDealOn: z.string().nullable(),
  openReceivableFen: fenSchema,
  overdueFen: fenSchema,
  maxOverdueDays: z.number().int(),
  openCases: z.number().int(),
  creditGrade: z.string().nullable(),
  creditHold: z.boolean(),
  /** Tag names and co-followers' names (协同跟进人). */
  tags: z.array(z.string()),
  followerNames: z.array(z.string()),
  /** When the pool rules take the account back, why, and from when its owner is reminded. */
  reclaimOn: z.string().nullable(),
  reclaimRemindOn: z.string().nullable(),
  reclaimTrigger: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  version: versionSchema,
});
export type AccountRow = z.output<typeof accountRowSchema>;

/** Columns the accounts grid may sort and filter on (each backed by an index or a cheap expression). */
export const ACCOUNT_GRID_COLUMNS = [
  'code',
  'name',
  'creditCode',
  'industry',
  'territoryName',
  'tier',
  'source',
  'dealStatus',
  'phone',
  'province',
  'city',
  'ownerName',
  'lastFollowupOn',
  'daysSinceFollowup',
  'lastDealOn',
  'openReceivableFen',
  'overdueFen',
  'maxOverdueDays',
  'openCases',
  'creditGrade',
  'creditHold',
  'tags',
  'followerNames',
  'reclaimOn',
  'createdAt',
  'updatedAt',
] as const;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const timelineEntrySchema = z.object({
  at: timestampSchema,
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
});

export const accountDetailSchema = z.object({
  account: accountRowSchema.extend({ website: z.string().nullable(), notes: z.string().nullable(), ownedSince: z.number().nullable(), protectedUntil: z.string().nullable() }),
  contacts: z.array(contactSchema),
  tags: z.array(z.string()),
  followers: z.array(z.object({ repId: z.string(), name: z.string() })),
  timeline: z.array(timelineEntrySchema),
});
export type AccountDetail = z.output<typeof accountDetailSchema>;

const nullableText = (max = 200) => shortText(max).nullable().optional();

/** Fields a user may edit on an account. The owner is not among them: it changes through allocation. */
export const accountEditableSchema = z.object({
  name: shortText(200).min(1),
  shortName: nullableText(100),
  creditCode: nullableText(18),
  industry: nullableText(50),
  territoryId: idSchema.nullable().optional(),
  tier: tierSchema.optional(),
  source: nullableText(50),
  dealStatus: dealStatusSchema.optional(),
  accountGroup: nullableText(50),
  phone: nullableText(40),
  email: nullableText(100),
  website: nullableText(200),
  province: nullableText(30),
  city: nullableText(30),
  address: nullableText(300),
  notes: nullableText(2000),
  protectedUntil: isoDateSchema.nullable().optional(),
});

export const accountsContract = {
  'accounts.list': {
    /** preset: a named work-queue filter (公海, about to be reclaimed, follow-up due, credit alerts) on top of the column filters. */
    input: gridQuerySchema.extend({ preset: z.enum(ACCOUNT_PRESETS).optional() }),
    output: pageOf(accountRowSchema),
    summary: 'Page through accounts with sort, filters, quick search and the dashboard work-queue presets',
  },
  'accounts.get': { input: z.object({ id: idSchema }), output: accountDetailSchema },
  'accounts.search': {
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), phone: z.string().nullable(), ownerName: z.string().nullable(), tier: tierSchema })),
    summary: 'Global search by name, code, credit code, phone or pinyin initials',
  },
  'accounts.create': { input: accountEditableSchema.strict(), output: accountRowSchema },
  'accounts.update': {
    input: z.object({ id: idSchema, version: versionSchema, patch: accountEditableSchema.partial().strict() }),
    output: accountRowSchema,
    summary: 'Edit fields of an account (optimistic concurrency on version)',
  },
} satisfies ContractShape;
