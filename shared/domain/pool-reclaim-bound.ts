import { addDays, type IsoDate } from './dates';
import type { PoolAccount, PoolRuleSpec } from './pool-rules';

/**
 * The loosest limits under which any enabled rule could make an account due today. Every trigger's
 * due date is at least its base date plus the rule's days (protection and 保护至 only move it later,
 * see reclaimSchedule), so an account is due only if, for the smallest days over the rules:
 * - no follow-up: it was owned and last followed up (if ever) on or before `followup`, or
 * - no deal: it was owned and last dealt (if ever) on or before `deal`, or
 * - protection ended: it was owned on or before `protection`.
 * A reclaim run reads only the accounts that meet one of these and evaluates them in full: the same
 * plan as evaluating every owned account, without reading the ones that cannot be due.
 */
export interface ReclaimBound {
  followup: IsoDate | null;
  deal: IsoDate | null;
  protection: IsoDate | null;
}

/** null when no rule is enabled: nothing can be due. */
export function reclaimBound(rules: readonly PoolRuleSpec[], today: IsoDate): ReclaimBound | null {
  const enabled = rules.filter((r) => r.enabled);
  if (enabled.length === 0) return null;
  const latest = (days: (number | null)[]): IsoDate | null => {
    const set = days.filter((d): d is number => d !== null);
    return set.length === 0 ? null : addDays(today, -Math.min(...set));
  };
  return { followup: latest(enabled.map((r) => r.noFollowupDays)), deal: latest(enabled.map((r) => r.noDealDays)), protection: latest(enabled.map((r) => r.protectionDays)) };
}

/** The bound as a test on one account (the SQL in loadReclaimCandidates says the same, more loosely). */
export function mayBeDue(bound: ReclaimBound, a: Pick<PoolAccount, 'ownedOn' | 'lastFollowupOn' | 'lastDealOn'>): boolean {
  const by = (limit: IsoDate | null, last: IsoDate | null) => limit !== null && a.ownedOn <= limit && (last === null || last <= limit);
  return by(bound.followup, a.lastFollowupOn) || by(bound.deal, a.lastDealOn) || by(bound.protection, null);
}
