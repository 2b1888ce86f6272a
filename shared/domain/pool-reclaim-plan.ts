import type { IsoDate } from './dates';
import { type PoolAccount, type PoolRuleSpec, type ReclaimTrigger, poolRuleFor, reclaimNeedsConfirmation, reclaimSchedule, reclaimStatus } from './pool-rules';
import type { AncestorIndex } from './territory-tree';

export interface ReclaimCandidate extends PoolAccount {
  id: string;
  ownerRepId: string | null;
  openReceivableFen: number;
  openCases: number;
}

export interface ReclaimItem {
  accountId: string;
  ownerRepId: string;
  ruleId: string;
  trigger: ReclaimTrigger;
  dueOn: IsoDate;
  /** Open receivables or cases: reclaimed only when explicitly confirmed. */
  needsConfirmation: boolean;
}

export interface ReclaimPlan {
  /** Taken back by this run (confirmed where needed), in account id order. */
  reclaim: ReclaimItem[];
  /** Due, but held back until someone confirms (open receivables or cases). */
  held: ReclaimItem[];
}

/**
 * One reclaim run on a day: every owned account whose schedule is due. Accounts already in the pool
 * are not candidates, so applying the plan and planning again on the same day yields nothing: the
 * run is idempotent by construction.
 */
export function planReclaim(input: {
  accounts: readonly ReclaimCandidate[];
  rules: readonly PoolRuleSpec[];
  territories: AncestorIndex;
  today: IsoDate;
  /** Accounts a person confirmed for reclaim despite open receivables or cases. */
  confirmed?: ReadonlySet<string>;
}): ReclaimPlan {
  const reclaim: ReclaimItem[] = [];
  const held: ReclaimItem[] = [];
  const sorted = [...input.accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of sorted) {
    if (a.ownerRepId === null) continue;
    const rule = poolRuleFor(input.rules, a, input.territories);
    if (!rule) continue;
    const schedule = reclaimSchedule(a, rule);
    if (reclaimStatus(schedule, input.today) !== 'due') continue;
    const needsConfirmation = reclaimNeedsConfirmation(a);
    const item: ReclaimItem = { accountId: a.id, ownerRepId: a.ownerRepId, ruleId: rule.id, trigger: schedule!.trigger, dueOn: schedule!.dueOn, needsConfirmation };
    if (needsConfirmation && !input.confirmed?.has(a.id)) held.push(item);
    else reclaim.push(item);
  }
  return { reclaim, held };
}
