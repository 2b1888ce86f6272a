/**
 * 信用额度 resolution. Each of limit, outcome policy and payment terms is looked up on its own:
 * the account's profile, then its account group's default, then its tier's default, then the company
 * default. A limit of 0 is a real value (no credit: cash in advance); null means "inherit". A company
 * default limit of null means accounts with no limit anywhere are not limit-checked at all (the overdue
 * rule and holds still apply), which is what a fresh install does until someone sets limits.
 *
 * A temporary limit (临时额度) replaces the base limit from when it is set until its expiry date,
 * inclusive: on the expiry day it still applies, the day after it does not.
 */

/** A temporary limit ending within this many days is flagged: batch run, dashboard alerts, 信用 page, risk workbook. */
export const TEMP_LIMIT_WARNING_DAYS = 7;

export const CREDIT_POLICIES = ['warn', 'needs_approval', 'block'] as const;
export type CreditPolicy = (typeof CREDIT_POLICIES)[number];

export type CreditLevel = 'account' | 'group' | 'tier' | 'company';

/** What one level may say; an absent or null field inherits from the next level. */
export interface CreditTerms {
  limitFen?: number | null | undefined;
  policy?: CreditPolicy | null | undefined;
  paymentTermsDays?: number | null | undefined;
}

export interface CompanyCreditDefaults {
  limitFen: number | null;
  policy: CreditPolicy;
  paymentTermsDays: number;
}

export interface TemporaryLimit {
  limitFen: number;
  /** Last day (inclusive) the temporary limit applies. */
  expiresOn: string;
  reason: string | null;
}

export interface CreditLevels {
  account: (CreditTerms & { temp?: TemporaryLimit | null | undefined }) | null;
  group: { name: string; terms: CreditTerms } | null;
  tier: { tier: string; terms: CreditTerms } | null;
  company: CompanyCreditDefaults;
}

export interface ResolvedCredit {
  /** The limit the check uses today (temporary when active); null: not limit-checked. */
  limitFen: number | null;
  limitKind: 'temporary' | 'base' | 'none';
  baseLimitFen: number | null;
  baseSource: CreditLevel | null;
  /** The temporary limit on record (active or expired), with whether it applies today. */
  temp: (TemporaryLimit & { active: boolean }) | null;
  policy: CreditPolicy;
  policySource: CreditLevel;
  paymentTermsDays: number;
  termsSource: CreditLevel;
  /** Names for the explanation: the group and tier that were consulted. */
  groupName: string | null;
  tier: string | null;
}

/** A temporary limit applies on every day up to and including its expiry date. */
export function tempLimitActive(expiresOn: string, today: string): boolean {
  return today <= expiresOn;
}

function firstSet<K extends keyof CreditTerms>(levels: CreditLevels, key: K): { value: NonNullable<CreditTerms[K]>; source: Exclude<CreditLevel, 'company'> } | null {
  // Written out rather than looped over a list: the batch resolves tens of thousands of accounts.
  const a = levels.account?.[key];
  if (a !== null && a !== undefined) return { value: a as NonNullable<CreditTerms[K]>, source: 'account' };
  const g = levels.group?.terms[key];
  if (g !== null && g !== undefined) return { value: g as NonNullable<CreditTerms[K]>, source: 'group' };
  const t = levels.tier?.terms[key];
  if (t !== null && t !== undefined) return { value: t as NonNullable<CreditTerms[K]>, source: 'tier' };
  return null;
}

export function resolveCredit(levels: CreditLevels, today: string): ResolvedCredit {
  const limit = firstSet(levels, 'limitFen');
  const policy = firstSet(levels, 'policy');
  const terms = firstSet(levels, 'paymentTermsDays');
  const baseLimitFen = limit ? limit.value : levels.company.limitFen;
  const baseSource: CreditLevel | null = limit ? limit.source : levels.company.limitFen === null ? null : 'company';
  const t = levels.account?.temp ?? null;
  const temp = t ? { ...t, active: tempLimitActive(t.expiresOn, today) } : null;
  const limitFen = temp?.active ? temp.limitFen : baseLimitFen;
  return {
    limitFen,
    limitKind: temp?.active ? 'temporary' : baseLimitFen === null ? 'none' : 'base',
    baseLimitFen,
    baseSource,
    temp,
    policy: policy ? policy.value : levels.company.policy,
    policySource: policy ? policy.source : 'company',
    paymentTermsDays: terms ? terms.value : levels.company.paymentTermsDays,
    termsSource: terms ? terms.source : 'company',
    groupName: levels.group?.name ?? null,
    tier: levels.tier?.tier ?? null,
  };
}
