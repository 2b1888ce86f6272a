import { type CompiledMatch, type MatchableAccount, type RuleMatch, compileMatch, compiledMatches, prepareAccount } from './allocation-match';
import { fingerprint } from './fingerprint';
import type { AncestorIndex } from './territory-tree';

export const STRATEGIES = ['single', 'round_robin', 'least_accounts', 'least_receivables', 'capacity'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export type RepStatus = 'active' | 'paused' | 'left';

export interface AllocationRuleSpec {
  id: string;
  name: string;
  enabled: boolean;
  match: RuleMatch;
  /** In the order the rule lists them: round-robin walks this order, ties in least-load follow it. */
  targetRepIds: readonly string[];
  strategy: Strategy;
  /** Round-robin: the index in targetRepIds to try first (persisted between runs). */
  rrCursor: number;
}

export interface AllocatableAccount extends MatchableAccount {
  id: string;
  ownerRepId: string | null;
  openReceivableFen: number;
}

export interface RepLoad {
  id: string;
  status: RepStatus;
  /** Maximum accounts held; null = no cap. */
  capacity: number | null;
  accountCount: number;
  openReceivableFen: number;
}

export type Fallback = { kind: 'pool' } | { kind: 'rep'; repId: string };

/** How an account got its planned owner. */
export type Via = 'rule' | 'fallback' | 'pool' | 'kept';
/** Why no rule's rep took it (only for via = fallback / pool / kept). */
export type Miss = 'no_rule' | 'no_available_rep' | null;

export interface PlannedAssignment {
  accountId: string;
  fromRepId: string | null;
  toRepId: string | null;
  ruleId: string | null;
  via: Via;
  miss: Miss;
}

export interface RepLoadChange {
  repId: string;
  accountsBefore: number;
  accountsAfter: number;
  receivableBefore: number;
  receivableAfter: number;
}

export interface AllocationPlan {
  /** One per input account, in a stable order (by account id). */
  assignments: PlannedAssignment[];
  /** Reps whose load changes, or who are targets of a rule or the fallback. */
  loads: RepLoadChange[];
  /** Accounts no rule matched. */
  unmatched: string[];
  /** Round-robin cursors to persist when the plan is applied (rule id → next index). */
  cursors: Record<string, number>;
  /** Changes only (from ≠ to); what apply will write. */
  changeCount: number;
  fingerprint: string;
}

interface Working {
  rep: RepLoad;
  count: number;
  receivable: number;
}

function available(w: Working | undefined): w is Working {
  if (!w || w.rep.status !== 'active') return false;
  return w.rep.capacity === null || w.count < w.rep.capacity;
}

/** A rule prepared once: its match compiled, its reps deduplicated (a rep listed twice gets no double turns). */
interface CompiledRule {
  rule: AllocationRuleSpec;
  match: CompiledMatch;
  targets: string[];
}

/** a/b < c/d for non-negative integers with positive denominators, without floating point. */
function ratioLess(a: number, b: number, c: number, d: number): boolean {
  return a * d < c * b;
}

function pick({ rule, targets }: CompiledRule, work: Map<string, Working>, cursors: Record<string, number>): string | null {
  if (targets.length === 0) return null;
  switch (rule.strategy) {
    case 'single': {
      const id = targets[0]!;
      return available(work.get(id)) ? id : null;
    }
    case 'round_robin': {
      const n = targets.length;
      const start = (((cursors[rule.id] ?? rule.rrCursor) % n) + n) % n;
      for (let k = 0; k < n; k++) {
        const idx = (start + k) % n;
        if (available(work.get(targets[idx]!))) {
          cursors[rule.id] = (idx + 1) % n;
          return targets[idx]!;
        }
      }
      return null;
    }
    case 'least_accounts':
    case 'least_receivables': {
      let best: Working | null = null;
      for (const id of targets) {
        const w = work.get(id);
        if (!available(w)) continue;
        if (best === null) best = w;
        else if (rule.strategy === 'least_receivables' ? w.receivable < best.receivable || (w.receivable === best.receivable && w.count < best.count) : w.count < best.count) best = w;
      }
      return best?.rep.id ?? null;
    }
    case 'capacity': {
      // Fill reps in proportion to their capacity: pick the lowest utilisation after taking one more.
      // Uncapped reps count as having the group's largest cap (or, with no caps at all, least-accounts).
      const caps = targets.map((id) => work.get(id)?.rep.capacity).filter((c): c is number => typeof c === 'number' && c > 0);
      const assumed = caps.length ? Math.max(...caps) : 1;
      let best: { w: Working; cap: number } | null = null;
      for (const id of targets) {
        const w = work.get(id);
        if (!available(w)) continue;
        const cap = w.rep.capacity ?? assumed;
        if (best === null || ratioLess(w.count + 1, cap, best.w.count + 1, best.cap)) best = { w, cap };
      }
      return best?.w.rep.id ?? null;
    }
  }
}

/**
 * The auto-allocation plan: pure and deterministic. Accounts are taken in id order whatever order
 * they arrive in; each goes to the first enabled rule that matches; the rule's strategy picks among its
 * reps that are active and below capacity. An account no rule's rep can take goes to the fallback
 * (a default rep, if available) or the pool; an account that already has an owner keeps it instead.
 */
export function planAllocation(input: {
  accounts: readonly AllocatableAccount[];
  rules: readonly AllocationRuleSpec[];
  reps: readonly RepLoad[];
  fallback: Fallback;
  territories: AncestorIndex;
}): AllocationPlan {
  const work = new Map<string, Working>(input.reps.map((r) => [r.id, { rep: r, count: r.accountCount, receivable: r.openReceivableFen }]));
  const cursors: Record<string, number> = {};
  const compiled: CompiledRule[] = input.rules.filter((r) => r.enabled).map((rule) => ({ rule, match: compileMatch(rule.match), targets: [...new Set(rule.targetRepIds)] }));
  const accounts = [...input.accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  const assignments: PlannedAssignment[] = [];
  const unmatched: string[] = [];
  for (const a of accounts) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    // An owned account competes as if released, so that least-load does not move it for its own weight.
    const owner = a.ownerRepId ? work.get(a.ownerRepId) : undefined;
    if (owner) {
      owner.count -= 1;
      owner.receivable -= a.openReceivableFen;
    }
    const prepared = prepareAccount(a);
    const hit = compiled.find((c) => compiledMatches(c.match, prepared, input.territories)) ?? null;
    const rule = hit?.rule ?? null;
    let to: string | null = hit ? pick(hit, work, cursors) : null;
    let via: Via = 'rule';
    let miss: Miss = null;
    if (to === null) {
      miss = rule ? 'no_available_rep' : 'no_rule';
      if (!rule) unmatched.push(a.id);
      if (a.ownerRepId) {
        to = a.ownerRepId;
        via = 'kept';
      } else if (input.fallback.kind === 'rep' && available(work.get(input.fallback.repId))) {
        to = input.fallback.repId;
        via = 'fallback';
      } else {
        via = 'pool';
      }
    }
    if (to !== null) {
      const w = work.get(to);
      if (w) {
        w.count += 1;
        w.receivable += a.openReceivableFen;
      }
    }
    assignments.push({ accountId: a.id, fromRepId: a.ownerRepId, toRepId: to, ruleId: via === 'rule' ? rule!.id : null, via, miss });
  }
  const involved = new Set<string>();
  for (const r of input.rules) if (r.enabled) for (const id of r.targetRepIds) involved.add(id);
  if (input.fallback.kind === 'rep') involved.add(input.fallback.repId);
  const loads: RepLoadChange[] = [];
  for (const r of input.reps) {
    const w = work.get(r.id)!;
    if (!involved.has(r.id) && w.count === r.accountCount && w.receivable === r.openReceivableFen) continue;
    loads.push({ repId: r.id, accountsBefore: r.accountCount, accountsAfter: w.count, receivableBefore: r.openReceivableFen, receivableAfter: w.receivable });
  }
  const changes = assignments.filter((x) => x.toRepId !== x.fromRepId);
  return {
    assignments,
    loads,
    unmatched,
    cursors,
    changeCount: changes.length,
    fingerprint: fingerprint(changes.map((x) => `${x.accountId}>${x.toRepId ?? ''}`).join('\n')),
  };
}
