import type { Tier } from './allocation-match';
import { addDays, type IsoDate } from './dates';
import { type AncestorIndex, isWithin } from './territory-tree';

/**
 * 公海 rules. A rule applies to the accounts in its scope (a territory subtree and/or a tier; none =
 * every account); the first enabled rule in order whose scope holds is the account's rule.
 */
export interface PoolRuleSpec {
  id: string;
  enabled: boolean;
  territoryId: string | null;
  tier: Tier | null;
  /** Reclaim when nobody followed the account up for this many days. */
  noFollowupDays: number | null;
  /** Reclaim when no deal was made for this many days. */
  noDealDays: number | null;
  /**
   * The owner's exclusive period after getting the account (成交保护期): nothing reclaims it meanwhile,
   * and when it ends without a deal the account goes back to the pool.
   */
  protectionDays: number | null;
  reminderDays: number;
  claimDailyCap: number | null;
  holdingCap: number | null;
  cooldownDays: number;
}

export interface PoolAccount {
  territoryId: string | null;
  tier: Tier;
  /** The date the current owner got the account (in the configured time zone). */
  ownedOn: IsoDate;
  lastFollowupOn: IsoDate | null;
  lastDealOn: IsoDate | null;
  /** Manually protected from reclaim up to and including this date. */
  protectedUntil: IsoDate | null;
}

export const RECLAIM_TRIGGERS = ['no_followup', 'no_deal', 'protection_ended'] as const;
export type ReclaimTrigger = (typeof RECLAIM_TRIGGERS)[number];

export interface ReclaimSchedule {
  /** The first day on which the reclaim run takes the account back. */
  dueOn: IsoDate;
  trigger: ReclaimTrigger;
  /** From this day on, the owner is reminded. */
  remindOn: IsoDate;
}

export function poolRuleFor<R extends PoolRuleSpec>(rules: readonly R[], account: Pick<PoolAccount, 'territoryId' | 'tier'>, territories: AncestorIndex): R | null {
  for (const r of rules) {
    if (!r.enabled) continue;
    if (r.tier !== null && r.tier !== account.tier) continue;
    if (r.territoryId !== null && !isWithin(territories, account.territoryId, r.territoryId)) continue;
    return r;
  }
  return null;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/**
 * When an owned account falls due for reclaim under a rule, and why; null when the rule sets no
 * trigger. The clocks never start before the owner got the account: a fresh owner always gets the
 * full N days, however old the last follow-up or deal is. "After N days" means on day N: followed up
 * on 1 March with N = 30, the account is reclaimed on 31 March (and is still owned on 30 March).
 */
export function reclaimSchedule(account: PoolAccount, rule: PoolRuleSpec): ReclaimSchedule | null {
  const candidates: { dueOn: IsoDate; trigger: ReclaimTrigger }[] = [];
  const protectionEnd = rule.protectionDays !== null ? addDays(account.ownedOn, rule.protectionDays) : null;
  const dealtSinceOwned = account.lastDealOn !== null && account.lastDealOn >= account.ownedOn;
  const afterProtection = (d: IsoDate) => (protectionEnd ? later(d, protectionEnd) : d);
  if (rule.noFollowupDays !== null) {
    const base = later(account.ownedOn, account.lastFollowupOn ?? account.ownedOn);
    candidates.push({ dueOn: afterProtection(addDays(base, rule.noFollowupDays)), trigger: 'no_followup' });
  }
  if (rule.noDealDays !== null) {
    const base = later(account.ownedOn, account.lastDealOn ?? account.ownedOn);
    candidates.push({ dueOn: afterProtection(addDays(base, rule.noDealDays)), trigger: 'no_deal' });
  }
  if (protectionEnd !== null && !dealtSinceOwned) candidates.push({ dueOn: protectionEnd, trigger: 'protection_ended' });
  if (candidates.length === 0) return null;
  // Earliest date wins; on the same date the order above (follow-up, deal, protection) names the reason.
  let best = candidates[0]!;
  for (const c of candidates) if (c.dueOn < best.dueOn) best = c;
  const dueOn = account.protectedUntil !== null ? later(best.dueOn, addDays(account.protectedUntil, 1)) : best.dueOn;
  return { dueOn, trigger: best.trigger, remindOn: addDays(dueOn, -Math.max(0, rule.reminderDays)) };
}

export type ReclaimStatus = 'none' | 'ok' | 'remind' | 'due';

/** Where an account stands today under its schedule. */
export function reclaimStatus(schedule: ReclaimSchedule | null, today: IsoDate): ReclaimStatus {
  if (!schedule) return 'none';
  if (schedule.dueOn <= today) return 'due';
  if (schedule.remindOn <= today) return 'remind';
  return 'ok';
}

/** An account with money or a case open is never reclaimed silently: a person must confirm it. */
export function reclaimNeedsConfirmation(a: { openReceivableFen: number; openCases: number }): boolean {
  return a.openReceivableFen > 0 || a.openCases > 0;
}

export type ClaimRefusal =
  | { code: 'not_in_pool' }
  | { code: 'rep_inactive' }
  | { code: 'daily_cap'; cap: number }
  | { code: 'holding_cap'; cap: number }
  | { code: 'capacity'; cap: number }
  | { code: 'cooldown'; until: IsoDate };

export interface ClaimContext {
  rep: { id: string; status: 'active' | 'paused' | 'left'; capacity: number | null };
  /** Accounts the rep holds now (including claims earlier in the same request). */
  holding: number;
  /** Claims the rep made today (including earlier in the same request). */
  claimedToday: number;
  account: { ownerRepId: string | null; previousOwnerRepId: string | null; pooledOn: IsoDate | null };
  rule: PoolRuleSpec | null;
  today: IsoDate;
}

/** Why a rep may not claim an account from the pool now; null when the claim is allowed. */
export function claimRefusal(c: ClaimContext): ClaimRefusal | null {
  if (c.account.ownerRepId !== null) return { code: 'not_in_pool' };
  if (c.rep.status !== 'active') return { code: 'rep_inactive' };
  if (c.rep.capacity !== null && c.holding >= c.rep.capacity) return { code: 'capacity', cap: c.rep.capacity };
  const rule = c.rule;
  if (rule?.holdingCap != null && c.holding >= rule.holdingCap) return { code: 'holding_cap', cap: rule.holdingCap };
  if (rule?.claimDailyCap != null && c.claimedToday >= rule.claimDailyCap) return { code: 'daily_cap', cap: rule.claimDailyCap };
  if (rule && rule.cooldownDays > 0 && c.account.previousOwnerRepId === c.rep.id && c.account.pooledOn !== null) {
    const until = addDays(c.account.pooledOn, rule.cooldownDays);
    if (c.today < until) return { code: 'cooldown', until };
  }
  return null;
}
