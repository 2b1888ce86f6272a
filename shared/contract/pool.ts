import { z } from 'zod';
import { RECLAIM_TRIGGERS } from '../domain/pool-rules';
import type { ContractShape } from '../rpc/types';
import { idSchema, reasonSchema, shortText, tierSchema, versionSchema } from './common';
import { decisionPanelSchema, rowLimitSchema } from './decision';
import { MAX_TRANSFER } from './transfers';

const days = z.number().int().min(0).max(3650);
const cap = z.number().int().min(0).max(1_000_000);

export const poolRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  sortOrder: z.number().int(),
  territoryId: z.string().nullable(),
  territoryName: z.string().nullable(),
  tier: tierSchema.nullable(),
  noFollowupDays: z.number().int().nullable(),
  noDealDays: z.number().int().nullable(),
  protectionDays: z.number().int().nullable(),
  reminderDays: z.number().int(),
  claimDailyCap: z.number().int().nullable(),
  holdingCap: z.number().int().nullable(),
  cooldownDays: z.number().int(),
  version: versionSchema,
});
export type PoolRule = z.output<typeof poolRuleSchema>;

const ruleFields = {
  name: shortText(100).min(1),
  enabled: z.boolean(),
  territoryId: idSchema.nullable(),
  tier: tierSchema.nullable(),
  noFollowupDays: days.min(1).nullable(),
  noDealDays: days.min(1).nullable(),
  protectionDays: days.nullable(),
  reminderDays: days,
  claimDailyCap: cap.nullable(),
  holdingCap: cap.nullable(),
  cooldownDays: days,
};

export const poolRuleInputSchema = z
  .object({
    ...ruleFields,
    enabled: ruleFields.enabled.default(true),
    territoryId: ruleFields.territoryId.default(null),
    tier: ruleFields.tier.default(null),
    noFollowupDays: ruleFields.noFollowupDays.default(null),
    noDealDays: ruleFields.noDealDays.default(null),
    protectionDays: ruleFields.protectionDays.default(null),
    reminderDays: ruleFields.reminderDays.default(3),
    claimDailyCap: ruleFields.claimDailyCap.default(null),
    holdingCap: ruleFields.holdingCap.default(null),
    cooldownDays: ruleFields.cooldownDays.default(0),
  })
  .strict();

/** No defaults in a patch: zod would fill them in and overwrite what the patch does not mention. */
export const poolRulePatchSchema = z.object(ruleFields).partial().strict();

export const reclaimTriggerSchema = z.enum(RECLAIM_TRIGGERS);

export const reminderSchema = z.object({
  accountId: z.string(),
  code: z.string(),
  name: z.string(),
  ownerRepId: z.string().nullable(),
  ownerName: z.string().nullable(),
  reclaimOn: z.string(),
  trigger: reclaimTriggerSchema,
  daysLeft: z.number().int(),
  lastFollowupOn: z.string().nullable(),
});

const idsSchema = z.array(idSchema).min(1).max(MAX_TRANSFER);

export const poolContract = {
  'poolRules.list': { input: z.object({}).strict(), output: z.array(poolRuleSchema), summary: '公海 rules in order (the first whose scope holds applies)' },
  'poolRules.create': { input: poolRuleInputSchema, output: poolRuleSchema, access: 'manager' },
  'poolRules.update': {
    input: z.object({ id: idSchema, version: versionSchema, patch: poolRulePatchSchema }).strict(),
    output: poolRuleSchema,
    access: 'manager',
  },
  'poolRules.delete': { input: z.object({ id: idSchema, version: versionSchema }).strict(), output: z.object({ ok: z.literal(true) }), access: 'manager' },
  'poolRules.reorder': { input: z.object({ ids: z.array(idSchema).min(1).max(500) }).strict(), output: z.array(poolRuleSchema), access: 'manager' },
  'pool.reclaimPreview': {
    input: z.object({ rowLimit: rowLimitSchema }).strict(),
    output: z.object({
      today: z.string(),
      fingerprint: z.string(),
      /** Due and reclaimed by a run without confirmations. */
      reclaimCount: z.number().int(),
      /** Due but held: open receivables or cases need a confirmation. */
      heldCount: z.number().int(),
      panel: decisionPanelSchema,
    }),
    summary: 'Which owned accounts the pool rules take back today (decision panel)',
  },
  'pool.reclaimApply': {
    input: z
      .object({
        /** Accounts with open receivables or cases to reclaim anyway (explicit confirmation). */
        confirmIds: z.array(idSchema).max(MAX_TRANSFER * 5).default([]),
        confirmAll: z.boolean().default(false),
        expectFingerprint: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({ journalId: z.string().nullable(), reclaimed: z.number().int(), held: z.number().int() }),
    summary: 'Run the reclaim (idempotent: a second run the same day changes nothing)',
  },
  'pool.claim': {
    input: z.object({ accountIds: z.array(idSchema).min(1).max(1000), repId: idSchema }).strict(),
    output: z.object({ journalId: z.string().nullable(), changed: z.number().int() }),
    summary: 'A rep claims accounts from the pool (daily cap, holding cap, cooldown)',
  },
  'pool.release': {
    input: z.object({ accountIds: idsSchema, reason: reasonSchema }).strict(),
    output: z.object({ journalId: z.string().nullable(), changed: z.number().int() }),
    summary: 'Release accounts to the pool with a reason',
  },
  'pool.reminders': {
    input: z.object({ repId: idSchema.optional(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(reminderSchema) }),
    summary: 'Accounts about to fall into the pool (within their rule’s reminder days)',
  },
} satisfies ContractShape;
