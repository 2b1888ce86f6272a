import { z } from 'zod';
import { STRATEGIES } from '../domain/allocation-plan';
import type { ContractShape } from '../rpc/types';
import { idSchema, reasonSchema, shortText, tierSchema, versionSchema } from './common';
import { decisionPanelSchema, rowLimitSchema } from './decision';
import { MAX_TRANSFER } from './transfers';

const listOf = (max = 200) => z.array(shortText(100).min(1)).max(max);

export const strategySchema = z.enum(STRATEGIES);

export const ruleMatchSchema = z
  .object({
    territoryIds: z.array(idSchema).max(200).optional(),
    industries: listOf().optional(),
    tiers: z.array(tierSchema).max(3).optional(),
    sources: listOf().optional(),
    tags: listOf().optional(),
  })
  .strict();

export const allocationRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  sortOrder: z.number().int(),
  match: ruleMatchSchema,
  targetRepIds: z.array(z.string()),
  strategy: strategySchema,
  rrCursor: z.number().int(),
  version: versionSchema,
});
export type AllocationRule = z.output<typeof allocationRuleSchema>;

const ruleFields = {
  name: shortText(100).min(1),
  enabled: z.boolean(),
  match: ruleMatchSchema,
  targetRepIds: z.array(idSchema).min(1).max(500),
  strategy: strategySchema,
};

export const allocationRuleInputSchema = z
  .object({ ...ruleFields, enabled: ruleFields.enabled.default(true), match: ruleFields.match.default({}), strategy: ruleFields.strategy.default('round_robin') })
  .strict();

/** No defaults in a patch: zod would fill them in and overwrite what the patch does not mention. */
export const allocationRulePatchSchema = z.object(ruleFields).partial().strict();

/**
 * Rules written by people (a CLI rules file): territories by name, code or id; reps by name, employee
 * number or id. The backend resolves every reference and names the one it cannot find.
 */
export const inlineRuleSchema = z
  .object({
    name: shortText(100).min(1).optional(),
    enabled: z.boolean().default(true),
    match: z
      .object({ territories: listOf().optional(), industries: listOf().optional(), tiers: z.array(tierSchema).max(3).optional(), sources: listOf().optional(), tags: listOf().optional() })
      .strict()
      .default({}),
    targets: listOf(500).min(1),
    strategy: strategySchema.default('round_robin'),
  })
  .strict();

export const rulesDocumentSchema = z
  .object({
    rules: z.array(inlineRuleSchema).max(200),
    /** "pool" (公海) or a rep; default: the saved fallback setting. */
    fallback: shortText(100).min(1).optional(),
  })
  .strict();
export type RulesDocument = z.output<typeof rulesDocumentSchema>;

export const allocationScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unassigned') }).strict(),
  z.object({ kind: z.literal('accounts'), ids: z.array(idSchema).min(1).max(MAX_TRANSFER * 5) }).strict(),
]);

export const rulesSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('saved') }).strict(),
  z.object({ source: z.literal('inline'), document: rulesDocumentSchema }).strict(),
]);

const allocationInput = z.object({ scope: allocationScopeSchema, rules: rulesSourceSchema });

export const allocationPreviewSchema = z.object({
  fingerprint: z.string(),
  accountCount: z.number().int(),
  changeCount: z.number().int(),
  /** No rule matched (these go to the fallback or the pool, or keep their owner). */
  unmatchedCount: z.number().int(),
  /** A rule matched but none of its reps was available. */
  noAvailableRepCount: z.number().int(),
  toPool: z.number().int(),
  fallback: z.object({ kind: z.enum(['pool', 'rep']), repId: z.string().nullable(), name: z.string().nullable() }),
  byRule: z.array(z.object({ ruleId: z.string().nullable(), name: z.string(), count: z.number().int() })),
  panel: decisionPanelSchema,
  /** Accounts no rule matched, at most rowLimit of them. */
  unmatched: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), territoryName: z.string().nullable(), industry: z.string().nullable(), tier: tierSchema })),
});
export type AllocationPreview = z.output<typeof allocationPreviewSchema>;

export const allocationContract = {
  'allocationRules.list': {
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(allocationRuleSchema), fallbackRepId: z.string().nullable() }),
    summary: 'Saved auto-allocation rules in order, and the fallback',
  },
  'allocationRules.create': { input: allocationRuleInputSchema, output: allocationRuleSchema },
  'allocationRules.update': {
    input: z.object({ id: idSchema, version: versionSchema, patch: allocationRulePatchSchema }).strict(),
    output: allocationRuleSchema,
  },
  'allocationRules.delete': { input: z.object({ id: idSchema, version: versionSchema }).strict(), output: z.object({ ok: z.literal(true) }) },
  'allocationRules.reorder': {
    input: z.object({ ids: z.array(idSchema).min(1).max(500) }).strict(),
    output: z.array(allocationRuleSchema),
    summary: 'Set the rule order (first match wins): every rule id, in the new order',
  },
  'allocation.setFallback': {
    input: z.object({ repId: idSchema.nullable() }).strict(),
    output: z.object({ fallbackRepId: z.string().nullable() }),
    summary: 'Default assignee for what no rule can place (null: the pool)',
  },
  'allocation.preview': {
    input: allocationInput.extend({ rowLimit: rowLimitSchema }).strict(),
    output: allocationPreviewSchema,
    summary: 'Auto-allocation preview: who gets what, rep loads before → after, accounts no rule matched',
  },
  'allocation.apply': {
    input: allocationInput
      .extend({
        reason: reasonSchema.default('自动分配'),
        /** The preview's fingerprint: apply refuses when the data changed since. */
        expectFingerprint: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({
      journalId: z.string().nullable(),
      changed: z.number().int(),
      toPool: z.number().int(),
      fingerprint: z.string(),
      /** True when the preview's plan was applied as kept (nothing was written since it); false when planned again. */
      reusedPreview: z.boolean(),
    }),
    summary: 'Apply auto-allocation in one transaction (one undoable journal entry)',
  },
} satisfies ContractShape;
