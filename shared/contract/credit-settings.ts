import { z } from 'zod';
import { OVERDUE_ACTIONS } from '../domain/credit-check';
import { DEFAULT_GRADING, GRADES, gradingProblem } from '../domain/credit-grade';
import { CREDIT_POLICIES } from '../domain/credit-limit';
import { nonNegativeFenSchema } from './common';

/**
 * The credit settings (keys credit*): company / tier / group defaults, the overdue rule, the warning line,
 * the grading bands and the hold suggestion. Documented in docs/credit.md. Only a manager (or admin)
 * changes them, through credit.updateDefaults (audited); settings.update refuses these keys otherwise.
 */
export const creditPolicySchema = z.enum(CREDIT_POLICIES);

/** One level's defaults; an absent or null field inherits from the next level. */
export const creditTermsSchema = z
  .object({
    limitFen: nonNegativeFenSchema.nullable().optional(),
    policy: creditPolicySchema.nullable().optional(),
    paymentTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
  })
  .strict();

export const creditCompanyDefaultsSchema = z
  .object({
    /** null: accounts with no limit anywhere are not limit-checked; 0: no credit (cash in advance). */
    limitFen: nonNegativeFenSchema.nullable(),
    policy: creditPolicySchema,
    paymentTermsDays: z.number().int().min(0).max(3650),
  })
  .strict();

export const creditTierDefaultsSchema = z.object({ A: creditTermsSchema.optional(), B: creditTermsSchema.optional(), C: creditTermsSchema.optional() }).strict();

export const creditGroupDefaultsSchema = z
  .record(z.string().trim().min(1).max(50), creditTermsSchema)
  .refine((r) => Object.keys(r).length <= 200, { message: '最多 200 个客户分组 / at most 200 account groups' });

export const creditOverdueRuleSchema = z
  .object({
    days: z.number().int().min(0).max(3650),
    minFen: nonNegativeFenSchema,
    /** policy: follow the account's over-limit policy; or always warn / need approval / block. */
    action: z.enum(OVERDUE_ACTIONS),
  })
  .strict();

const bandsSchema = z.array(z.object({ over: z.number().min(-1).max(100_000), points: z.number().int().min(0).max(100) }).strict()).max(10);

export const creditGradingSchema = z
  .object({
    bands: z
      .object({
        limitUsed: bandsSchema,
        maxDaysOverdue: bandsSchema,
        overdueShare: bandsSchema,
        collectTrend: bandsSchema,
        brokenPromises: bandsSchema,
        returnsShare: bandsSchema,
      })
      .strict(),
    cuts: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() }).strict(),
    trendWindowDays: z.number().int(),
    lookbackDays: z.number().int(),
  })
  .strict()
  .superRefine((g, ctx) => {
    const problem = gradingProblem(g);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem.zh} / ${problem.en}` });
  });

export const creditHoldSuggestionSchema = z
  .object({
    /** Suggest a hold for accounts graded one of these … */
    grades: z.array(z.enum(GRADES)).max(5),
    /** … or with something more than this many days overdue (0: off). */
    overdueDays: z.number().int().min(0).max(3650),
  })
  .strict();

export const CREDIT_DEFAULTS = {
  creditDefaults: { limitFen: null, policy: 'needs_approval', paymentTermsDays: 30 } as z.output<typeof creditCompanyDefaultsSchema>,
  creditOverdueRule: { days: 60, minFen: 100_000, action: 'warn' } as z.output<typeof creditOverdueRuleSchema>,
  creditWarnAtPct: 90,
  creditHoldSuggestion: { grades: ['E'], overdueDays: 90 } as z.output<typeof creditHoldSuggestionSchema>,
  creditRunsKept: 30,
};

/** The settings fields (added to settingsSchema), each with its default. */
export const creditSettingsFields = {
  /** Company default limit / policy / payment terms. */
  creditDefaults: creditCompanyDefaultsSchema.default(() => ({ ...CREDIT_DEFAULTS.creditDefaults })),
  /** Defaults per tier (A / B / C). */
  creditTierDefaults: creditTierDefaultsSchema.default(() => ({})),
  /** Defaults per account group (accounts.account_group). */
  creditGroupDefaults: creditGroupDefaultsSchema.default(() => ({})),
  creditOverdueRule: creditOverdueRuleSchema.default(() => ({ ...CREDIT_DEFAULTS.creditOverdueRule })),
  /** Warn when exposure reaches this share of the limit (percent; 0 = off). */
  creditWarnAtPct: z.number().int().min(0).max(100).default(CREDIT_DEFAULTS.creditWarnAtPct),
  creditGrading: creditGradingSchema.default(() => JSON.parse(JSON.stringify(DEFAULT_GRADING)) as typeof DEFAULT_GRADING),
  creditHoldSuggestion: creditHoldSuggestionSchema.default(() => ({ ...CREDIT_DEFAULTS.creditHoldSuggestion, grades: [...CREDIT_DEFAULTS.creditHoldSuggestion.grades] })),
  /** How many batch runs keep their per-account grades (older runs keep only their summary). */
  creditRunsKept: z.number().int().min(2).max(400).default(CREDIT_DEFAULTS.creditRunsKept),
};

export const CREDIT_SETTING_KEYS = Object.keys(creditSettingsFields) as (keyof typeof creditSettingsFields)[];
