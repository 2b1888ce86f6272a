import { z } from 'zod';
import { CREDIT_OUTCOMES, CREDIT_REASON_CODES } from '../domain/credit-check';
import { GRADE_FACTORS, GRADES } from '../domain/credit-grade';
import type { ContractShape } from '../rpc/types';
import { fenSchema, idSchema, isoDateSchema, nonNegativeFenSchema, pageOf, reasonSchema, shortText, tierSchema, timestampSchema, versionSchema } from './common';
import {
  creditCompanyDefaultsSchema,
  creditGradingSchema,
  creditGroupDefaultsSchema,
  creditHoldSuggestionSchema,
  creditOverdueRuleSchema,
  creditPolicySchema,
  creditTierDefaultsSchema,
} from './credit-settings';
import { gridQuerySchema } from './grid';
import { orderDetailSchema, warningSchema } from './orders';

const localizedSchema = z.object({ zh: z.string(), en: z.string() });
export const creditOutcomeSchema = z.enum(CREDIT_OUTCOMES);
export const gradeSchema = z.enum(GRADES);
const levelSchema = z.enum(['account', 'group', 'tier', 'company']);

export const creditReasonSchema = z.object({ code: z.enum(CREDIT_REASON_CODES), outcome: creditOutcomeSchema, text: localizedSchema });
export type CreditReasonView = z.output<typeof creditReasonSchema>;

/** What a check found and decided, with every reason in both languages. */
export const creditCheckResultSchema = z.object({
  /** The credit_checks row (null when the check was only a preview). */
  checkId: z.string().nullable(),
  at: timestampSchema,
  asOf: z.string(),
  account: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  order: z.object({ id: z.string(), orderNo: z.string(), state: z.string(), totalFen: fenSchema }).nullable(),
  outcome: creditOutcomeSchema,
  headline: localizedSchema,
  reasons: z.array(creditReasonSchema),
  limit: z.object({
    limitFen: fenSchema.nullable(),
    kind: z.enum(['temporary', 'base', 'none']),
    baseLimitFen: fenSchema.nullable(),
    baseSource: levelSchema.nullable(),
    temp: z.object({ limitFen: fenSchema, expiresOn: z.string(), reason: z.string().nullable(), active: z.boolean() }).nullable(),
  }),
  policy: creditPolicySchema,
  policySource: levelSchema,
  paymentTermsDays: z.number().int(),
  exposure: z.object({ receivableFen: fenSchema, unbilledFen: fenSchema, advanceFen: fenSchema, usedFen: fenSchema, thisOrderFen: fenSchema, totalFen: fenSchema }),
  usedPct: z.number().nullable(),
  overdue: z.object({
    overdueFen: fenSchema,
    maxDays: z.number().int(),
    beyondFen: fenSchema,
    worst: z.object({ orderNo: z.string(), dueOn: z.string(), days: z.number().int(), openFen: fenSchema }).nullable(),
  }),
  hold: z.object({ on: z.boolean(), reason: z.string().nullable(), since: z.string().nullable(), by: z.string().nullable() }),
  /** The grade of the latest batch run. */
  grade: z.object({ grade: z.string(), score: z.number().int(), at: timestampSchema }).nullable(),
});
export type CreditCheckResult = z.output<typeof creditCheckResultSchema>;

export const gradeFactorViewSchema = z.object({
  key: z.enum(GRADE_FACTORS),
  name: localizedSchema,
  value: z.number().nullable(),
  points: z.number().int(),
  over: z.number().nullable(),
  /** The value in words. */
  detail: localizedSchema,
  /** The whole line: name, value, points. */
  text: localizedSchema,
});

export const gradeViewSchema = z.object({
  grade: gradeSchema,
  score: z.number().int(),
  summary: localizedSchema,
  factors: z.array(gradeFactorViewSchema),
  asOf: z.string(),
});
export type GradeView = z.output<typeof gradeViewSchema>;

const storedProfileSchema = z.object({
  limitFen: fenSchema.nullable(),
  tempLimitFen: fenSchema.nullable(),
  tempLimitExpiresOn: z.string().nullable(),
  tempLimitReason: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  policy: creditPolicySchema.nullable(),
  hold: z.boolean(),
  holdReason: z.string().nullable(),
  holdAt: timestampSchema.nullable(),
  holdBy: z.string().nullable(),
  updatedAt: timestampSchema,
  version: versionSchema,
});

export const creditCheckRowSchema = z.object({
  id: z.string(),
  at: timestampSchema,
  trigger: z.enum(['confirm', 'manual', 'override']),
  outcome: creditOutcomeSchema,
  orderId: z.string().nullable(),
  orderNo: z.string().nullable(),
  limitFen: fenSchema.nullable(),
  exposureFen: fenSchema,
  reasons: z.array(creditReasonSchema),
  by: z.string().nullable(),
});

export const creditOverrideRowSchema = z.object({
  id: z.string(),
  at: timestampSchema,
  orderId: z.string().nullable(),
  orderNo: z.string().nullable(),
  manager: z.string(),
  requestedBy: z.string().nullable(),
  reason: z.string(),
  outcome: creditOutcomeSchema,
});

export const creditHistorySchema = z.object({ checks: z.array(creditCheckRowSchema), overrides: z.array(creditOverrideRowSchema) });

export const creditProfileViewSchema = z.object({
  account: z.object({ id: z.string(), code: z.string(), name: z.string(), tier: tierSchema, accountGroup: z.string().nullable(), creditGrade: z.string().nullable(), creditHold: z.boolean() }),
  /** The account's own settings (null: none, everything inherited). */
  stored: storedProfileSchema.nullable(),
  /** A preview of the check (not recorded) and the grade computed now. */
  check: creditCheckResultSchema,
  grade: gradeViewSchema,
  lastRun: z.object({ runId: z.string(), at: timestampSchema, grade: z.string(), score: z.number().int(), previousGrade: z.string().nullable() }).nullable(),
  history: creditHistorySchema,
});
export type CreditProfileView = z.output<typeof creditProfileViewSchema>;

export const tempLimitInputSchema = z
  .object({ limitFen: nonNegativeFenSchema, expiresOn: isoDateSchema, reason: reasonSchema })
  .strict();

export const creditProfilePatchSchema = z
  .object({
    accountId: idSchema,
    /** The profile version the editor saw; null when the account had no profile yet. */
    version: versionSchema.nullable(),
    /** undefined: leave; null: inherit from group / tier / company; 0: no credit (cash in advance). */
    limitFen: nonNegativeFenSchema.nullable().optional(),
    tempLimit: tempLimitInputSchema.nullable().optional(),
    paymentTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
    policy: creditPolicySchema.nullable().optional(),
    /** Why the limit / terms changed (kept in the audit log). */
    reason: shortText(500).optional(),
  })
  .strict();
export type CreditProfilePatch = z.output<typeof creditProfilePatchSchema>;

const accountRefSchema = shortText(64).min(1);

export const creditRunFilterSchema = z
  .object({
    tiers: z.array(tierSchema).max(3).optional(),
    territoryId: idSchema.optional(),
    repId: idSchema.optional(),
    accountGroup: shortText(50).min(1).optional(),
    accountIds: z.array(idSchema).min(1).max(10_000).optional(),
  })
  .strict();
export type CreditRunFilter = z.output<typeof creditRunFilterSchema>;

const accountBrief = { accountId: z.string(), code: z.string(), name: z.string() };

export const creditRunSummarySchema = z.object({
  runId: z.string(),
  at: timestampSchema,
  asOf: z.string(),
  by: z.string().nullable(),
  ms: z.number(),
  accountCount: z.number().int(),
  filtered: z.boolean(),
  previousRunId: z.string().nullable(),
  distribution: z.record(z.string(), z.number().int()),
  /** Accounts whose grade changed since their previous grade (first 200 listed). */
  changes: z.object({ upgrades: z.number().int(), downgrades: z.number().int(), list: z.array(z.object({ ...accountBrief, from: z.string().nullable(), to: gradeSchema })) }),
  suggestedHolds: z.object({ count: z.number().int(), list: z.array(z.object({ ...accountBrief, grade: gradeSchema, maxDaysOverdue: z.number().int() })) }),
  overLimit: z.object({ count: z.number().int(), list: z.array(z.object({ ...accountBrief, exposureFen: fenSchema, limitFen: fenSchema })) }),
  expiringTempLimits: z.object({ count: z.number().int(), list: z.array(z.object({ ...accountBrief, limitFen: fenSchema, expiresOn: z.string(), reason: z.string().nullable() })) }),
});
export type CreditRunSummary = z.output<typeof creditRunSummarySchema>;

export const CREDIT_GRID_COLUMNS = ['code', 'name', 'ownerName', 'tier', 'grade', 'previousGrade', 'score', 'exposureFen', 'limitFen', 'usedPct', 'maxOverdueDays', 'overdueFen', 'tempLimitExpiresOn'] as const;

export const creditRiskRowSchema = z.object({
  accountId: z.string(),
  code: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  tier: tierSchema,
  grade: z.string(),
  previousGrade: z.string().nullable(),
  score: z.number().int(),
  exposureFen: fenSchema,
  limitFen: fenSchema.nullable(),
  usedPct: z.number().nullable(),
  overLimit: z.boolean(),
  suggestHold: z.boolean(),
  hold: z.boolean(),
  maxOverdueDays: z.number().int(),
  overdueFen: fenSchema,
  tempLimitFen: fenSchema.nullable(),
  tempLimitExpiresOn: z.string().nullable(),
});
export type CreditRiskRow = z.output<typeof creditRiskRowSchema>;

export const creditListFilterSchema = z
  .object({
    grades: z.array(gradeSchema).max(5).optional(),
    hold: z.boolean().optional(),
    overLimit: z.boolean().optional(),
    suggestHold: z.boolean().optional(),
    /** Grade changed since the previous grade. */
    changed: z.boolean().optional(),
    /** Temporary limit expiring within 7 days. */
    expiring: z.boolean().optional(),
  })
  .strict();

export const creditAlertSchema = z.object({
  kind: z.enum(['pending_approval', 'suggested_hold', 'over_limit', 'downgrade', 'temp_expiring', 'hold', 'stale_run']),
  severity: z.enum(['info', 'warning', 'danger']),
  text: localizedSchema,
  accountId: z.string().nullable(),
  orderId: z.string().nullable(),
});

export const creditAlertsSchema = z.object({
  lastRun: z.object({ runId: z.string(), at: timestampSchema, asOf: z.string() }).nullable(),
  counts: z.object({ holds: z.number().int(), overLimit: z.number().int(), suggestedHolds: z.number().int(), downgrades: z.number().int(), expiringTempLimits: z.number().int(), pendingApprovals: z.number().int() }),
  distribution: z.record(z.string(), z.number().int()),
  /** The most pressing first, at most 50. */
  items: z.array(creditAlertSchema),
});

export const creditDefaultsViewSchema = z.object({
  creditDefaults: creditCompanyDefaultsSchema,
  creditTierDefaults: creditTierDefaultsSchema,
  creditGroupDefaults: creditGroupDefaultsSchema,
  creditOverdueRule: creditOverdueRuleSchema,
  creditWarnAtPct: z.number().int(),
  creditGrading: creditGradingSchema,
  creditHoldSuggestion: creditHoldSuggestionSchema,
  creditRunsKept: z.number().int(),
  /** Account groups in use (for the group-defaults editor). */
  groupsInUse: z.array(z.string()),
});

export const creditDefaultsPatchSchema = z
  .object({
    creditDefaults: creditCompanyDefaultsSchema.optional(),
    creditTierDefaults: creditTierDefaultsSchema.optional(),
    creditGroupDefaults: creditGroupDefaultsSchema.optional(),
    creditOverdueRule: creditOverdueRuleSchema.optional(),
    creditWarnAtPct: z.number().int().min(0).max(100).optional(),
    creditGrading: creditGradingSchema.optional(),
    creditHoldSuggestion: creditHoldSuggestionSchema.optional(),
    creditRunsKept: z.number().int().min(2).max(400).optional(),
    reason: shortText(500).optional(),
  })
  .strict();

const orderOrAccount = z
  .object({
    /** Account id or code. */
    account: accountRefSchema.optional(),
    /** Order id or number (SO-2025-000193). */
    order: accountRefSchema.optional(),
    /** Write a credit_checks row (default); false only previews. */
    record: z.boolean().default(true),
  })
  .strict()
  .refine((x) => (x.account === undefined) !== (x.order === undefined), { message: '请给出客户或订单之一 / give either an account or an order' });

export const creditContract = {
  'credit.getProfile': {
    input: z.object({ accountId: idSchema }).strict(),
    output: creditProfileViewSchema,
    summary: "An account's credit profile: own and inherited limits, exposure, a check preview, the grade with every factor, history",
  },
  'credit.updateProfile': {
    input: creditProfilePatchSchema,
    output: creditProfileViewSchema,
    access: 'manager',
    summary: 'Set the limit (null inherits, 0 = cash in advance), temporary limit with expiry and reason, terms, policy (audited)',
  },
  'credit.hold': {
    input: z.object({ accountId: idSchema, reason: reasonSchema }).strict(),
    output: creditProfileViewSchema,
    summary: 'Put the account on credit hold: new orders are blocked unless a manager overrides (audited)',
  },
  'credit.release': {
    input: z.object({ accountId: idSchema, reason: reasonSchema }).strict(),
    output: creditProfileViewSchema,
    access: 'manager',
    summary: 'Release a credit hold (managers; audited)',
  },
  'credit.check': {
    input: orderOrAccount,
    output: creditCheckResultSchema,
    summary: 'Run the credit check for an account, or for an order (a draft counts its own total)',
  },
  'credit.override': {
    input: z
      .object({
        orderId: idSchema,
        version: versionSchema,
        /** The approving manager re-authenticates here, whoever is signed in. */
        managerUsername: shortText(64).min(1),
        managerPassword: z.string().max(200),
        reason: reasonSchema,
        confirmedOn: isoDateSchema.optional(),
        plan: shortText(300).optional(),
      })
      .strict(),
    output: z.object({ order: orderDetailSchema, check: creditCheckResultSchema, overrideId: z.string().nullable(), warnings: z.array(warningSchema) }),
    summary: "A manager's override: confirms an order the credit check stopped (manager password re-entered, reason required; audited)",
  },
  'credit.history': {
    input: z.object({ accountId: idSchema.optional(), orderId: idSchema.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: creditHistorySchema,
    summary: 'Credit checks and overrides of an account or an order, newest first',
  },
  'credit.run': {
    input: z.object({ filter: creditRunFilterSchema.optional() }).strict(),
    output: creditRunSummarySchema,
    summary: 'Grade every account (or a filter): grade changes, suggested holds, accounts over limit, temporary limits expiring within 7 days',
  },
  'credit.runs': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(z.object({ runId: z.string(), at: timestampSchema, asOf: z.string(), by: z.string().nullable(), accountCount: z.number().int(), summary: z.record(z.string(), z.unknown()) })),
    summary: 'Recent batch runs',
  },
  'credit.list': {
    input: gridQuerySchema.extend({ filter: creditListFilterSchema.default({}) }),
    output: pageOf(creditRiskRowSchema).extend({ run: z.object({ runId: z.string(), at: timestampSchema, asOf: z.string() }).nullable() }),
    summary: 'The risk grid: every account of the latest run with grade, exposure, limit use, holds and flags',
  },
  'credit.alerts': {
    input: z.object({}).strict(),
    output: creditAlertsSchema,
    summary: 'Credit alerts for the dashboard: orders awaiting approval, suggested holds, over-limit accounts, downgrades, expiring temporary limits',
  },
  'credit.getDefaults': { input: z.object({}).strict(), output: creditDefaultsViewSchema, summary: 'Company / tier / group credit defaults, the overdue rule and the grading thresholds' },
  'credit.updateDefaults': { input: creditDefaultsPatchSchema, output: creditDefaultsViewSchema, access: 'manager', summary: 'Change the credit defaults and thresholds (managers; audited)' },
} satisfies ContractShape;
